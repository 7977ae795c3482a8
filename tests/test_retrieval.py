"""Tool retrieval: BM25, dense embeddings (the real all-MiniLM-L6-v2, offline) and their
fusion over a tool library, and a caller that offers each request only its best tools."""

from __future__ import annotations

import json

import httpx
import numpy as np
import pytest

from fncall import FunctionCaller, Tool
from fncall.demo import demo_tools
from fncall.errors import ConfigurationError, EvalDataError
from fncall.request import CallRequest
from fncall.retrieval import (
    DemoIndex,
    ToolIndex,
    load_demos,
    reciprocal_rank_fusion,
    tool_text,
    words,
)
from fncall.retrieval.dense import DenseRetriever, embed
from fncall.server import ServerConfig, ServerThread, create_app
from fncall.settings import CallerSettings
from fncall.tools import toolset
from fncall.tools.spec import ToolSet
from tests.server_helpers import MODEL, TOOLS, chat, error_of, running_server


def library() -> ToolSet:
    """The demo tools and a few dozen others, named and described like real ones."""
    extra = [
        Tool(f"{verb}_{thing}", f"{verb.capitalize()} a {thing.replace('_', ' ')}.",
             {"type": "object", "properties": {"id": {"type": "string", "description": "Its id"}}})
        for verb in ("create", "delete", "archive", "list")
        for thing in ("invoice", "calendar_event", "support_ticket", "playlist", "reminder")
    ]  # fmt: skip
    return ToolSet([*demo_tools().values(), *extra])


def test_a_tool_is_read_as_words():
    weather = demo_tools()["get_weather"]
    text = tool_text(weather)
    assert text.startswith("get weather\nGet the current temperature in a city.")
    assert "unit: Temperature unit of the answer." in text
    assert words("getWeather for the 2nd city_name") == ["get", "weather", "2nd", "city", "name"]


def test_reciprocal_rank_fusion_favours_what_both_rank_high():
    assert reciprocal_rank_fusion([[1, 2, 3], [3, 1, 4]], 3) == [1, 3, 2]
    assert reciprocal_rank_fusion([[], [5]], 2) == [5]
    assert reciprocal_rank_fusion([[7, 8], [8, 7]], 2) == [7, 8]  # a tie keeps first seen


@pytest.mark.parametrize("method", ["bm25", "dense", "fused"])
def test_every_method_finds_the_tool_a_request_names_in_its_words(method):
    index = ToolIndex(library(), method)
    assert index.search("How much is 250 euros in dollars? Convert the currency", 1)[0].name == (
        "convert_currency"
    )
    assert index.search("delete my support ticket 42", 1)[0].name == "delete_support_ticket"
    assert len(index.search("anything", 100)) <= len(library())


def test_embeddings_find_what_shares_no_word_and_are_kept_by_content(tmp_path):
    tools = library()
    bm25 = ToolIndex(tools, "bm25")
    assert "get_weather" not in [t.name for t in bm25.search("how warm is it outside in Oslo", 3)]
    dense = ToolIndex(tools, "dense", cache=tmp_path)
    assert dense.search("how warm is it outside in Oslo", 1)[0].name == "get_weather"
    kept = sorted((tmp_path / "embeddings").rglob("*.npy"))
    assert len(kept) == len(tools)
    kept[0].write_bytes(b"damaged")  # re-embedded, not trusted
    again = DenseRetriever([tool_text(t) for t in tools.values()], cache=tmp_path)
    assert np.allclose(again.matrix.numpy(), dense._dense.matrix.numpy(), atol=1e-4)  # again
    assert abs(float((embed(["a query"], tmp_path) ** 2).sum()) - 1.0) < 1e-5  # unit length


def test_an_offer_keeps_the_tool_that_tool_choice_names():
    index = ToolIndex(library(), "bm25")
    offer = index.offer("delete my support ticket", 2, keep=["get_weather"])
    assert "get_weather" in offer and "delete_support_ticket" in offer and len(offer) == 3


def test_a_caller_offers_each_request_only_its_best_tools(tiny_engine):
    tools = library()
    caller = FunctionCaller(tiny_engine, "hermes", tools, retrieve=2, retrieval="bm25")
    prepared = caller.prepare(CallRequest("Archive the invoice from March"))
    assert len(prepared.tools) == 2 and "archive_invoice" in prepared.tools
    assert '"name": "archive_invoice"' in prepared.prompt
    assert '"name": "send_email"' not in prepared.prompt  # nor any other unretrieved tool
    named = caller.prepare(CallRequest("Archive the invoice", tool_choice="send_email"))
    assert "send_email" in named.tools  # tool_choice's tool stays in the offer
    small = caller.prepare(CallRequest("x", tools=list(demo_tools().values())[:2]))
    assert len(small.tools) == 2  # an offer within k is kept whole


@pytest.mark.parametrize("setting", [{"retrieve": 0}, {"retrieval": "tfidf"}])
def test_bad_retrieval_settings_are_refused(setting):
    with pytest.raises(ConfigurationError, match="retriev"):
        CallerSettings(**setting)


WEATHER_DOC = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather in a city.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}},
                       "required": ["city"]},
    },
}  # fmt: skip
RATE_DOC = {
    "name": "convert_currency",
    "description": "Convert money.",
    "parameters": {"type": "object", "properties": {"amount": {"type": "number"},
                   "to": {"type": "string"}, "fee": {"type": "number", "default": 0}},
                   "required": ["amount", "to"]},
}  # fmt: skip


def _store(tmp_path, *rows) -> str:
    path = tmp_path / "demos.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return str(path)


def test_demonstrations_are_checked_on_load_and_retrieved_for_offered_tools(tmp_path):
    path = _store(
        tmp_path,
        {"query": "Weather in Oslo?", "call": "get_weather(city='Oslo')", "tools": [WEATHER_DOC]},
        {"query": "What is the weather like in Rome", "call": "get_weather(city='Rome')",
         "tools": [WEATHER_DOC]},
        {"query": "Convert 5 dollars to yen", "call": "convert_currency(amount=5, to='JPY')",
         "tools": [RATE_DOC]},
    )  # fmt: skip
    demos = load_demos(path)
    assert [d.answer for d in demos] == [
        "get_weather(city='Oslo')",
        "get_weather(city='Rome')",
        "convert_currency(amount=5.0, to='JPY')",  # an int for a number is a float; no fee=0
    ]
    index = DemoIndex(demos)
    weather = toolset([WEATHER_DOC])
    found = index.search("What is the weather in Paris?", 3, weather)
    # the currency demonstration calls a tool this request is not offered
    assert {d.query for d in found} == {"What is the weather like in Rome", "Weather in Oslo?"}
    # an evaluated query never sees its own answer, and that is told
    assert "Weather in Oslo?" not in [
        d.query for d in index.search("weather  in oslo?", 3, weather)
    ]
    assert index.holds("weather  in oslo?") and not index.holds("weather in Rome")
    both = toolset([WEATHER_DOC, RATE_DOC])
    assert index.search("convert dollars", 1, both)[0].names == {"convert_currency"}


@pytest.mark.parametrize(
    "row, says",
    [
        ("{not json", "not JSON"),
        ({"query": "q", "call": "f()"}, "expected"),
        ({"query": "q", "call": "send_email(to='x')", "tools": [WEATHER_DOC]}, "send_email"),
        ({"query": "q", "call": "get_weather(town='Oslo')", "tools": [WEATHER_DOC]}, "town"),
        ({"query": "q", "call": "get_weather(city=__import__('os'))", "tools": [WEATHER_DOC]},
         "line 1"),
    ],
)  # fmt: skip
def test_a_bad_demonstration_is_refused_naming_its_line(tmp_path, row, says):
    path = tmp_path / "demos.jsonl"
    path.write_text((row if isinstance(row, str) else json.dumps(row)) + "\n")
    with pytest.raises(EvalDataError, match=says) as raised:
        load_demos(path)
    assert "line 1" in str(raised.value)


def test_a_caller_puts_the_most_similar_demonstrations_in_each_prompt(tmp_path, tiny_engine):
    path = _store(
        tmp_path,
        {"query": "Weather in Oslo?", "call": "get_weather(city='Oslo')", "tools": [WEATHER_DOC]},
        {"query": "Convert 5 dollars to yen", "call": "convert_currency(amount=5, to='JPY')",
         "tools": [RATE_DOC]},
    )  # fmt: skip
    caller = FunctionCaller(tiny_engine, "nexusraven-v2", [WEATHER_DOC], demos=path, demos_k=2)
    prepared = caller.prepare(CallRequest("Weather in Rome?"))
    assert (
        "User Query: Example: Weather in Oslo? Answer: Call: get_weather(city='Oslo'). "
        "Now, please answer this question. Question: Weather in Rome?<human_end>"
    ) in prepared.prompt
    assert "yen" not in prepared.prompt  # its tool is not offered
    own = caller.prepare(CallRequest("Weather in Oslo?"))
    assert "Example:" not in own.prompt and own.own_demo_left_out
    assert not prepared.own_demo_left_out
    chat = FunctionCaller(tiny_engine, "hermes", [WEATHER_DOC], demos=path)
    turns = chat.prepare(CallRequest("Weather in Rome?")).prompt
    assert (
        "<|im_start|>user\nWeather in Oslo?<|im_end|>\n<|im_start|>assistant\n<tool_call>" in turns
    )
    with pytest.raises(ConfigurationError, match="demos_k"):
        CallerSettings(demos=path, demos_k=-1)


def test_a_server_offers_requests_without_tools_its_library(tiny_engine):
    tools = library()
    expected = {t.name for t in ToolIndex(tools, "bm25").search("archive the invoice", 2)}
    settings = CallerSettings(dialect="hermes", max_tokens=64, retrieve=2, retrieval="bm25")
    app = create_app(ServerConfig(settings, model_name=MODEL, library=tools), tiny_engine)
    with ServerThread(app) as server:
        ask = {"messages": [{"role": "user", "content": "archive the invoice"}]}
        drawn = chat(server.url, {**ask, "tool_choice": "required"}).json()
        called = drawn["choices"][0]["message"]["tool_calls"][0]["function"]["name"]
        assert called in expected  # only the retrieved tools could be called
        named = chat(
            server.url,
            {**ask, "tool_choice": {"type": "function", "function": {"name": "get_weather"}}},
        )
        assert named.json()["choices"][0]["message"]["tool_calls"][0]["function"]["name"] == (
            "get_weather"
        )  # a library tool named by tool_choice is offered, retrieved or not
        own = chat(server.url, {**ask, "tools": TOOLS[1:], "tool_choice": "required"}).json()
        assert own["choices"][0]["message"]["tool_calls"][0]["function"]["name"] == "get_time"
        sets = {s["id"]: s for s in httpx.get(f"{server.url}/v1/fncall/toolsets").json()["data"]}
        assert sets["library"]["drawn"] and len(sets["library"]["tools"]) == len(tools)
        assert not sets["library"]["executable"]  # its JSON-made tools have no implementation
        run = httpx.post(
            f"{server.url}/v1/fncall/execute",
            json={"toolset": "library", "name": "archive_invoice", "arguments": {}},
        )
        assert run.status_code == 400 and error_of(run)["code"] == "toolset_not_executable"
    with running_server(tiny_engine) as url:  # no library: a tool must be brought
        unknown = chat(
            url, {**ask, "tool_choice": {"type": "function", "function": {"name": "get_weather"}}}
        )
        assert unknown.status_code == 400 and error_of(unknown)["param"] == "tool_choice"


def test_a_library_larger_than_a_request_may_offer_needs_retrieval():
    tools = library()
    with pytest.raises(ConfigurationError, match="--retrieve"):
        ServerConfig(CallerSettings(), library=tools, max_tools=len(tools) - 1)
    assert ServerConfig(CallerSettings(retrieve=5), library=tools, max_tools=8).library is tools


def test_the_retriever_is_fine_tuned_into_a_small_adapter_that_loads(tmp_path):
    from fncall.retrieval.dense import load_encoder
    from fncall.train.retriever import RetrieverConfig, train_retriever
    from fncall.train.synth.dataset import SynthConfig, synthesize

    synthesize(SynthConfig(tmp_path, seed=5, train_examples=40, heldout_examples=0), False)
    out = tmp_path / "adapter"
    config = RetrieverConfig(tmp_path / "train.jsonl", out, examples=16, batch=8, hard=1)
    manifest = train_retriever(config, progress=False)
    assert manifest["pairs"] == 16 and manifest["steps"] == 2
    assert (out / "adapter_config.json").is_file() and (out / "fncall-retriever.json").is_file()
    assert (out / "adapter_model.safetensors").stat().st_size < 2_000_000  # LoRA weights only
    texts = ["forward this email to Sam", "send_email: Send an email."]
    tuned, base = load_encoder(out).encode(texts), load_encoder(None).encode(texts)
    assert not np.allclose(tuned, base, atol=1e-4)  # the adapter is merged in
    with pytest.raises(ConfigurationError, match="batch"):
        train_retriever(RetrieverConfig(tmp_path / "train.jsonl", out, batch=1), progress=False)


@pytest.mark.parametrize(
    "text, says",
    [
        (None, "cannot read"),
        ('{"query": "q", "tools": [], "reference": ["f()"]}\nnot json\n', "line 2: not valid JSON"),
        ('{"query": 3, "tools": [], "reference": ["f()"]}\n', "line 1: expected fncall data"),
        ('{"query": "q", "tools": [{"python": "x = 1"}], "reference": ["f()"]}\n', "line 1"),
    ],
)
def test_train_retriever_refuses_bad_data_naming_the_line(tmp_path, capsys, text, says):
    from fncall.cli import main

    data = tmp_path / "train.jsonl"
    if text is not None:
        data.write_text(text)
    assert main(["train-retriever", "--data", str(data), "--out", str(tmp_path / "a")]) == 1
    assert says in capsys.readouterr().err
