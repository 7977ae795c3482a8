"""FunctionCaller end to end on a real tiny model: requests checked before generation,
tool_choice honoured, truncation reported, calls executed, errors fed back on retry."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fncall import CallRequest, FunctionCaller, ToolCall, toolset
from fncall.demo import everyday
from fncall.errors import (
    ConfigurationError,
    EngineError,
    OutputParseError,
    ToolChoiceError,
    TruncatedOutputError,
    UnknownDialectError,
)
from fncall.grammar.grounding import spans
from fncall.grammar.values import GrammarLimits
from fncall.request import ToolChoice
from fncall.tools.callables import tools_from_module

TOOLS = tools_from_module(everyday)
SMALL = GrammarLimits(max_string=8, max_items=3, max_integer_digits=3, max_calls=3)


@pytest.fixture(scope="module")
def caller(tiny_engine):
    return FunctionCaller(tiny_engine, "nexusraven-v2", TOOLS, limits=SMALL, max_tokens=160)


def test_bad_requests_fail_before_generation(tiny_engine, caller):
    with pytest.raises(UnknownDialectError):
        FunctionCaller(tiny_engine, "gorilla", TOOLS)
    with pytest.raises(ToolChoiceError, match="'book_flight', which is not offered"):
        caller.call("hi", tool_choice="book_flight")
    with pytest.raises(ToolChoiceError, match="needs at least one tool"):
        FunctionCaller(tiny_engine, "hermes", []).call("hi", tool_choice="required")
    with pytest.raises(ConfigurationError, match="retries must be 0 or more"):
        FunctionCaller(tiny_engine, "hermes", TOOLS, retries=-1)
    with pytest.raises(ConfigurationError, match="grounded=True needs constrain=True"):
        FunctionCaller(tiny_engine, "hermes", TOOLS, grounded=True, constrain=False)
    with pytest.raises(ConfigurationError, match=r"has no fncall\.json naming one"):
        FunctionCaller("/nonexistent/model", None, TOOLS)


def test_required_and_named_choices_give_valid_calls(caller):
    for seed in range(4):
        response = caller.call(
            "Weather in Paris?", tool_choice="required", temperature=1.0, seed=seed
        )
        assert response.ok, response.error
        assert response.calls and response.finish_reason == "stop"
        named = caller.call("x", tool_choice="set_thermostat", temperature=1.0, seed=seed)
        assert named.ok and [c.name for c in named.calls] == ["set_thermostat"]
        room = named.calls[0].arguments["room"]  # nexusraven-v2 may nest a call instead
        assert room in ("living_room", "bedroom", "kitchen") or isinstance(room, ToolCall)
        single = caller.call(
            "x", tool_choice="required", parallel=False, temperature=1.0, seed=seed
        )
        assert single.ok and len(single.calls) == 1


def test_a_tool_choice_given_whole_keeps_parallel_false(caller):
    request = CallRequest("x", tool_choice=ToolChoice("required"), parallel=False)
    assert caller.prepare(request).choice == ToolChoice("required", parallel=False)


def test_none_gives_a_plain_answer(caller, accepts):
    grammar = caller.prepare(CallRequest("Tell me a joke", tool_choice="none")).grammar
    call = caller.dialect.format_calls([ToolCall("get_weather", {"city": "Paris"})])
    assert accepts(grammar, "Why did the chicken cross the road?")
    assert not accepts(grammar, call)  # the model is held to an answer, whatever it writes
    for seed in range(3):
        response = caller.call(
            "Tell me a joke", tool_choice="none", max_tokens=24, temperature=1.0, seed=seed
        )
        assert response.calls == [] and response.raw
        if response.finish_reason == "stop":
            assert response.error is None and response.text
        else:
            assert isinstance(response.error, TruncatedOutputError)


def test_truncation_is_reported_never_returned_as_a_call(caller):
    response = caller.call("Weather?", tool_choice="get_weather", max_tokens=4)
    assert response.finish_reason == "length"
    assert isinstance(response.error, TruncatedOutputError)
    assert response.calls == [] and response.raw.startswith("Call:")


def test_batch_answers_each_query(caller):
    responses = caller.call_many(["a", "b", "c"], tool_choice="required", temperature=1.0, seed=3)
    assert len(responses) == 3 and all(r.ok and r.calls for r in responses)
    assert all(r.prompt_tokens > 0 and r.timings["total"] > 0 for r in responses)


SHOUT = '''
def shout(text: str) -> str:
    """Repeat a text in capitals.

    Args:
        text: What to repeat.
    """
    return text.upper()
'''


def test_execute_runs_validated_calls(tiny_engine, tmp_path):
    (tmp_path / "shout.py").write_text(SHOUT)
    caller = FunctionCaller(
        tiny_engine, "bfcl-python", tmp_path / "shout.py", limits=SMALL, max_tokens=160
    )
    response = caller.call("x", tool_choice="shout", execute=True, temperature=1.0, seed=1)
    assert response.ok and len(response.results) == 1
    text = response.calls[0].arguments["text"]
    assert response.results[0].value == text.upper()


def test_unconstrained_output_is_validated_and_retried(tiny_engine):
    caller = FunctionCaller(
        tiny_engine, "nexusraven-v2", TOOLS, constrain=False, retries=2, max_tokens=12
    )
    response = caller.call("Weather in Paris?", tool_choice="required")
    assert response.attempts == 3  # a random model never gets it right: every retry is used
    assert isinstance(response.error, OutputParseError)
    assert response.calls == [] and response.completion_tokens > 12


def test_cli_call_prints_calls_as_json(tiny_model_dir, tmp_path):
    (tmp_path / "shout.py").write_text(SHOUT)
    command = [
        sys.executable,
        "-m",
        "fncall.cli",
        "call",
        "--model",
        str(tiny_model_dir),
        "--dialect",
        "bfcl-python",
        "--tools",
        str(tmp_path / "shout.py"),
        "--tool-choice",
        "shout",
        "--max-tokens",
        "400",
        "--temperature",
        "1",
        "--seed",
        "2",
        "--execute",
        "What are the coordinates of Oslo?",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert [c["name"] for c in answer["calls"]] == ["shout"]
    assert answer["results"][0]["value"] == answer["calls"][0]["arguments"]["text"].upper()

    bad = subprocess.run(
        [*command[:-1], "--tool-choice", "fly", "x"], capture_output=True, text=True, timeout=120
    )
    assert bad.returncode == 1
    assert "error: ToolChoiceError: tool_choice names 'fly'" in bad.stderr


def _strings(call: ToolCall) -> list[str]:
    """The string arguments of a call and of the calls nested in it."""
    found = []
    for value in call.arguments.values():
        if isinstance(value, ToolCall):
            found += _strings(value)
        elif isinstance(value, str):
            found.append(value)
    return found


def test_grounded_string_arguments_are_spans_of_the_query(tiny_engine):
    query = "Email ngregory@example.org: the parent-teacher meeting moved to Friday."
    email = [t for t in TOOLS if t.name == "send_email"]
    requests = [CallRequest(query, tool_choice="send_email", seed=seed) for seed in range(4)]
    written = {}
    for grounded in (True, False):
        caller = FunctionCaller(
            tiny_engine, "nexusraven-v2", email, grounded=grounded, limits=SMALL, max_tokens=160
        )
        responses = caller.run(requests, temperature=1.0)
        assert all(r.ok for r in responses), [r.error for r in responses]
        # parsed again, without the defaults validation fills in
        calls = [c for r in responses for c in caller.dialect.parse(r.raw, caller.tools).calls]
        written[grounded] = {s for call in calls for s in _strings(call)}
    assert written[True] and written[True] <= set(spans(query))
    assert not written[False] <= set(spans(query))  # the grammar did it, not the model


def test_run_answers_requests_with_their_own_tools_and_seeds(caller):
    weather = [t for t in TOOLS if t.name == "get_weather"]
    thermostat = [t for t in TOOLS if t.name == "set_thermostat"]
    requests = [
        CallRequest("x", tools=weather, tool_choice="required", seed=1),
        CallRequest("x", tools=thermostat, tool_choice="required", seed=2),
    ]
    batched = caller.run(requests, temperature=1.0)
    assert [[c.name for c in r.calls] for r in batched] == [
        ["get_weather"] * len(batched[0].calls),
        ["set_thermostat"] * len(batched[1].calls),
    ]
    assert all(r.ok and r.calls for r in batched)
    # a request's seed makes its output independent of what it is batched with
    alone = caller.run([requests[1]], temperature=1.0)[0]
    assert alone.raw == batched[1].raw
    with pytest.raises(ToolChoiceError):
        caller.run([CallRequest("x", tools=weather, tool_choice="set_thermostat")])


def test_a_prepared_request_runs_as_the_request_would(caller):
    weather = [t for t in TOOLS if t.name == "get_weather"]
    request = CallRequest("x", tools=weather, tool_choice="required", seed=3, temperature=1.0)
    prepared = caller.prepare(request)
    assert prepared.prompt == caller.dialect.render(toolset(weather), "x")
    first, again = caller.run([prepared]), caller.run([prepared])
    assert first[0].raw == again[0].raw == caller.run([request])[0].raw
    with pytest.raises(EngineError, match="keeps the sampling it was prepared with"):
        caller.run([prepared], temperature=0.5)


def test_no_model_means_the_house_model_and_its_absence_is_a_typed_error(monkeypatch, tmp_path):
    import fncall.house

    monkeypatch.setattr(fncall.house, "MODEL_DIR", tmp_path / "missing")
    with pytest.raises(EngineError, match="bundled house model is missing"):
        FunctionCaller(tools=[])


def test_beam_search_gives_valid_calls_and_refuses_sampling(tiny_engine):
    caller = FunctionCaller(
        tiny_engine, "nexusraven-v2", TOOLS, limits=SMALL, max_tokens=160, beams=4
    )
    queries = ["Weather in Paris?", "Email li@example.org", "Turn the bedroom to 21 degrees"]
    responses = caller.call_many(queries, tool_choice="required")
    assert all(r.ok and r.calls for r in responses), [r.error for r in responses]
    assert [r.raw for r in responses] == [
        caller.call(q, tool_choice="required").raw for q in queries
    ]
    with pytest.raises(ConfigurationError, match="beam search is deterministic"):
        caller.call("Weather in Paris?", temperature=0.8)
