"""One settings value for a caller: the Python API, the CLI, evaluation and the server share
it, and the house-model default is applied in one place."""

from __future__ import annotations

import inspect
import json
from dataclasses import fields, replace

import pytest

from fncall import FunctionCaller
from fncall.cli import build_parser
from fncall.cli._options import caller_settings
from fncall.errors import ConfigurationError, EvalRunError
from fncall.eval import EvalConfig, ResultStore
from fncall.grammar.values import GrammarLimits
from fncall.house import house_model
from fncall.modeldir import read_metadata
from fncall.request import CallRequest
from fncall.settings import CallerSettings


def get_weather(city: str) -> dict:
    """Get the weather.

    Args:
        city: City name.
    """


def test_every_setting_is_a_caller_keyword():
    keywords = inspect.signature(FunctionCaller).parameters
    defaults = CallerSettings()
    for setting in fields(CallerSettings):
        assert setting.name in keywords, setting.name
        default = keywords[setting.name].default
        # the caller takes engine_options=None for none
        assert default == getattr(defaults, setting.name) or default is None, setting.name


def test_a_caller_from_settings_keeps_them_on_a_shared_engine(tiny_engine):
    settings = CallerSettings(
        dialect="hermes",
        grounded=True,
        retries=2,
        limits=GrammarLimits(max_string=9),
        max_tokens=17,
        temperature=0.5,
        top_p=0.9,
        seed=3,
    )
    caller = FunctionCaller.from_settings(settings, engine=tiny_engine, system="Be brief.")
    assert caller.engine is tiny_engine and caller.dialect.name == "hermes"
    assert caller.settings == replace(settings, model=tiny_engine.path)
    assert (caller.grounded, caller.retries, caller.limits.max_string) == (True, 2, 9)
    assert caller.sampling.max_tokens == 17 and caller.sampling.seed == 3
    assert caller.system == "Be brief."


def test_a_loaded_engine_brings_its_model_directorys_dialect(tiny_engine):
    caller = FunctionCaller(tiny_engine)
    assert caller.dialect.name == read_metadata(tiny_engine.path)["dialect"] == "nexusraven-v2"


def test_no_model_is_the_house_model_and_its_dialect():
    resolved = CallerSettings().resolved()
    assert resolved.model == str(house_model())
    assert resolved.dialect == read_metadata(house_model())["dialect"]
    # the house model was trained to answer tool results in hermes, and says so
    assert resolved.conversation_dialect == "hermes"
    chosen = CallerSettings(conversation_dialect="bfcl-python").resolved()
    assert chosen.conversation_dialect == "bfcl-python"


def test_a_conversation_is_rendered_in_the_conversation_dialect(tiny_engine):
    conversation = [
        {"role": "user", "content": "Weather in Paris?"},
        {
            "role": "assistant",
            "tool_calls": [{"function": {"name": "get_weather", "arguments": {"city": "Paris"}}}],
        },
        {"role": "tool", "name": "get_weather", "content": '{"temp": 21}'},
    ]
    routed = FunctionCaller(
        tiny_engine, "nexusraven-v2", [get_weather], conversation_dialect="hermes"
    )
    single = routed.prepare(CallRequest("Weather in Paris?"))
    assert single.dialect.name == "nexusraven-v2" and single.prompt.endswith("<human_end>\n\n")
    folded_elsewhere = routed.prepare(CallRequest(conversation))
    assert folded_elsewhere.dialect.name == "hermes"
    assert '<tool_response>\n{"temp": 21}\n</tool_response>' in folded_elsewhere.prompt
    answer = routed.run([CallRequest(conversation, tool_choice="required", max_tokens=96)])[0]
    # generated under hermes' grammar and read by its parser
    assert answer.ok and answer.raw.startswith("<tool_call>"), answer.raw
    assert [c.name for c in answer.calls] == ["get_weather"]
    # without a conversation dialect the single-turn dialect folds the conversation
    folding = FunctionCaller(tiny_engine, "nexusraven-v2", [get_weather])
    assert folding.conversation_dialect is None
    folded = folding.prepare(CallRequest(conversation))
    assert folded.dialect.name == "nexusraven-v2"
    assert 'Result of get_weather: {"temp": 21}<human_end>' in folded.prompt
    # a multi-turn dialect renders conversations itself
    assert (
        FunctionCaller(
            tiny_engine, "hermes", conversation_dialect="bfcl-python"
        ).conversation_dialect
        is None
    )
    assert CallerSettings(dialect="hermes").resolved().dialect == "hermes"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"retries": -1}, "retries must be 0 or more"),
        ({"grounded": True, "constrain": False}, "grounded=True needs constrain=True"),
        ({"max_tokens": 0}, "max_tokens must be a positive integer"),
        ({"beams": 2, "temperature": 0.7}, "beam search is deterministic"),
        ({"top_p": 0.0}, "top_p must be in"),
    ],
)
def test_bad_settings_are_refused_when_made(setting, message):
    with pytest.raises(ConfigurationError, match=message):
        CallerSettings(**setting)


def test_no_dialect_and_no_model_directory_is_a_configuration_error(tmp_path):
    with pytest.raises(ConfigurationError, match=r"has no fncall\.json naming one"):
        CallerSettings(model=tmp_path).resolved()


def test_the_cli_builds_the_same_settings_for_call_eval_and_serve():
    flags = ["--model", "m", "--dialect", "hermes", "--engine", "llamacpp", "--grounded",
             "--beams", "2", "--retries", "1", "--max-tokens", "33", "--seed", "5"]  # fmt: skip
    expected = CallerSettings(
        "m", "hermes", "llamacpp", grounded=True, beams=2, retries=1, max_tokens=33, seed=5
    )
    parser = build_parser()
    for command in (["call", "--tools", "t.py", *flags, "q"], ["eval", *flags], ["serve", *flags]):
        assert caller_settings(parser.parse_args(command)) == expected, command[0]


def test_an_evaluation_folder_records_the_settings_flat_and_reads_older_ones(tmp_path):
    config = EvalConfig(CallerSettings("model-dir", "hermes", beams=2))
    ResultStore(tmp_path / "run", config)
    stored = json.loads((tmp_path / "run" / "config.json").read_text())
    assert stored["dialect"] == "hermes" and stored["beams"] == 2
    assert stored["limits"] == {f.name: f.default for f in fields(GrammarLimits)}
    assert stored["top_p"] == 1.0 and stored["engine_options"] == {}
    # a folder written before limits, top_p and engine options were recorded
    for name in ("limits", "top_p", "engine_options"):
        del stored[name]
    (tmp_path / "run" / "config.json").write_text(json.dumps(stored))
    ResultStore(tmp_path / "run", config)  # the same configuration, not refused
    with pytest.raises(EvalRunError, match="differs in limits"):
        ResultStore(tmp_path / "run", EvalConfig(replace(config.caller, limits=GrammarLimits(1))))


@pytest.mark.parametrize("written", ["{not json", "[1, 2]"])
def test_a_malformed_fncall_json_is_a_configuration_error(tmp_path, written):
    (tmp_path / "fncall.json").write_text(written)
    with pytest.raises(ConfigurationError, match=r"fncall\.json"):
        CallerSettings(model=tmp_path).resolved()
