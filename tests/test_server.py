"""``fncall serve`` driven by the clients people use: the ``openai`` SDK and LangChain's
``ChatOpenAI``, against a real uvicorn server on loopback.

The model is the tiny random-weight one, so these tests check structure and guarantees
(calls name offered tools, arguments fit the schema, ``tool_choice`` is honoured, streamed
answers reassemble to the non-streamed ones), not what the model says.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import openai
import pytest

from fncall.dialects import get_dialect
from fncall.errors import ConfigurationError
from fncall.server import ServerConfig, ServerThread, create_app
from fncall.server.gate import TextGate
from fncall.settings import CallerSettings
from tests.server_helpers import (
    MODEL,
    TIME,
    TOOLS,
    WEATHER,
    arguments_fit,
    chat,
    error_of,
    running_server,
)

CALL_TOKENS = 120  # enough for a whole call of the test tools (strings of 8 at most)
BY_NAME = {t["function"]["name"]: t for t in TOOLS}


@pytest.fixture(scope="module")
def url(tiny_engine: Any) -> Any:
    with running_server(tiny_engine, "hermes") as base:
        yield base


@pytest.fixture(scope="module")
def client(url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key="unused", max_retries=0, timeout=60)


def ask(client: openai.OpenAI, **kw: Any) -> Any:
    kw.setdefault("messages", [{"role": "user", "content": "What is the weather in Paris?"}])
    kw.setdefault("max_tokens", CALL_TOKENS)
    return client.chat.completions.create(model=MODEL, **kw)


def check_calls(calls: list[Any], offered: list[dict[str, Any]]) -> None:
    names = {t["function"]["name"] for t in offered}
    assert calls
    for call in calls:
        assert call.type == "function" and call.id.startswith("call_")
        assert call.function.name in names
        assert arguments_fit(call.function.arguments, BY_NAME[call.function.name])


# --- the openai SDK ---------------------------------------------------------------------


def test_models_are_listed(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == [MODEL]
    assert client.models.retrieve(MODEL).id == MODEL
    with pytest.raises(openai.NotFoundError):
        client.models.retrieve("gpt-4o")


def test_required_gives_valid_calls(client: openai.OpenAI) -> None:
    answer = ask(client, tools=TOOLS, tool_choice="required")
    choice = answer.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.content is None
    check_calls(choice.message.tool_calls, TOOLS)
    usage = answer.usage
    assert usage.prompt_tokens > 0 and usage.completion_tokens > 0
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens
    assert answer.id.startswith("chatcmpl-") and answer.model == MODEL


def test_named_tool_choice_calls_that_tool_once(client: openai.OpenAI) -> None:
    choice = {"type": "function", "function": {"name": "get_time"}}
    message = ask(client, tools=TOOLS, tool_choice=choice).choices[0].message
    assert [c.function.name for c in message.tool_calls] == ["get_time"]
    check_calls(message.tool_calls, [TIME])


def test_none_answers_in_text(client: openai.OpenAI) -> None:
    choice = ask(client, tools=TOOLS, tool_choice="none", temperature=1.0, seed=5).choices[0]
    assert choice.message.tool_calls is None
    assert "<tool_call" not in (choice.message.content or "")
    assert choice.finish_reason in ("stop", "length")


def test_auto_answers_with_valid_calls_or_text(client: openai.OpenAI) -> None:
    for seed in (1, 2):
        choice = ask(client, tools=TOOLS, temperature=1.0, seed=seed).choices[0]
        if choice.message.tool_calls:
            assert choice.finish_reason == "tool_calls"
            check_calls(choice.message.tool_calls, TOOLS)
        else:
            assert choice.finish_reason in ("stop", "length")
            assert "<tool_call" not in (choice.message.content or "")


def test_parallel_tool_calls_false_allows_one_call(client: openai.OpenAI) -> None:
    for seed in (3, 4):
        message = (
            ask(
                client,
                tools=TOOLS,
                tool_choice="required",
                parallel_tool_calls=False,
                temperature=1.0,
                seed=seed,
            )
            .choices[0]
            .message
        )
        assert len(message.tool_calls) == 1


def test_unsupported_request_is_a_400_naming_it(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as raised:
        ask(client, tools=TOOLS, n=2)
    assert raised.value.body["param"] == "n"
    with pytest.raises(openai.BadRequestError) as raised:
        ask(client, tools=TOOLS, tool_choice={"type": "function", "function": {"name": "nope"}})
    assert raised.value.body["param"] == "tool_choice"
    assert "not offered" in raised.value.body["message"]


# --- streaming ----------------------------------------------------------------------------


def collect(stream: Any) -> tuple[str, dict[int, dict[str, Any]], list[Any], Any]:
    """Reassemble a stream: content, calls by index, the chunks, and the usage."""
    content, calls, chunks, usage = "", {}, [], None
    for chunk in stream:
        chunks.append(chunk)
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            content += choice.delta.content or ""
            for delta in choice.delta.tool_calls or ():
                call = calls.setdefault(delta.index, {"id": None, "name": None, "arguments": ""})
                if delta.id:
                    assert call["id"] is None, "a call's id comes once, first"
                    call["id"], call["name"] = delta.id, delta.function.name
                else:
                    assert call["id"] is not None, "the id and name come before arguments"
                call["arguments"] += delta.function.arguments or ""
    return content, calls, chunks, usage


def test_streamed_calls_reassemble_to_the_non_streamed_answer(client: openai.OpenAI) -> None:
    kw = {"tools": TOOLS, "tool_choice": "required", "temperature": 1.0, "seed": 11}
    whole = ask(client, **kw).choices[0]
    content, calls, chunks, usage = collect(
        ask(client, stream=True, stream_options={"include_usage": True}, **kw)
    )
    assert content == ""
    assert [(c["name"], json.loads(c["arguments"])) for c in calls.values()] == [
        (c.function.name, json.loads(c.function.arguments)) for c in whole.message.tool_calls
    ]
    assert chunks[0].choices[0].delta.role == "assistant"
    finishes = [c.choices[0].finish_reason for c in chunks if c.choices]
    assert finishes[-1] == "tool_calls" and set(finishes[:-1]) == {None}
    assert usage.completion_tokens > 0
    # each call: a delta with its id and name, then its arguments in one or more fragments
    fragments = [c for c in chunks if c.choices and c.choices[0].delta.tool_calls]
    assert len(fragments) >= 2 * len(calls)


def test_streamed_text_arrives_in_pieces_and_matches(client: openai.OpenAI) -> None:
    kw = {"tools": TOOLS, "tool_choice": "none", "temperature": 1.0, "seed": 7, "max_tokens": 30}
    whole = ask(client, **kw).choices[0]
    content, calls, chunks, _ = collect(ask(client, stream=True, **kw))
    assert not calls
    assert content == (whole.message.content or "")
    pieces = [c for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(pieces) > 3  # streamed as generated, not in one piece at the end
    assert chunks[-1].choices[0].finish_reason == whole.finish_reason


def test_gate_never_leaks_a_partial_marker() -> None:
    hermes = get_dialect("hermes")
    gate = TextGate(hermes)
    released = [gate.feed(p) for p in ["  Hello", " there <", "tool_", "call>", '{"name"']]
    assert "".join(released) == "Hello there"
    assert gate.finish("Hello there") == ""
    # a "<" that does not open a marker is content, once that is certain
    gate = TextGate(hermes, stops=("STOP",))
    assert gate.feed("a <") == "a"
    assert gate.feed("b> c ST") == " <b> c"
    assert gate.feed("OP d") == "" and gate.stopped
    # an anchored dialect: undecided until the start cannot be "Call:" any more
    raven = TextGate(get_dialect("nexusraven-v2"))
    assert raven.feed(" Ca") == ""
    assert raven.feed("ll: f(x=1)") == ""
    raven = TextGate(get_dialect("nexusraven-v2"))
    assert raven.feed(" Ca") == "" and raven.feed("t<bot_") == "Cat"
    assert raven.feed("end>") == "" and raven.stopped


def test_stop_ends_the_content(client: openai.OpenAI) -> None:
    for seed in range(9, 20):  # a seed whose answer has some text to cut
        kw = {"tool_choice": "none", "temperature": 1.0, "seed": seed, "max_tokens": 30}
        full = ask(client, tools=TOOLS, **kw).choices[0].message.content or ""
        if len(full) >= 6:
            break
    kw["tools"] = TOOLS
    stop = full[len(full) // 2 :][:3]
    expected = full[: full.find(stop)].strip()
    cut = ask(client, stop=[stop], **kw).choices[0]
    assert cut.message.content == expected and cut.finish_reason == "stop"
    content, _, chunks, _ = collect(ask(client, stop=stop, stream=True, **kw))
    assert content == expected and chunks[-1].choices[0].finish_reason == "stop"


# --- multi-turn ---------------------------------------------------------------------------


def test_tool_round_trip(client: openai.OpenAI) -> None:
    messages: list[Any] = [{"role": "user", "content": "What is the weather in Paris?"}]
    first = ask(client, messages=messages, tools=[WEATHER], tool_choice="required")
    message = first.choices[0].message
    messages.append(message)  # the SDK's own message object, sent back as it is
    for call in message.tool_calls:
        messages.append({"role": "tool", "tool_call_id": call.id, "content": '{"temp": 21}'})
    second = ask(
        client, messages=messages, tools=[WEATHER], tool_choice="none", temperature=1.0, seed=2
    )
    reply = second.choices[0]
    assert reply.message.tool_calls is None and isinstance(reply.message.content, str)
    # the call and its result were rendered into the prompt, not dropped
    assert second.usage.prompt_tokens > first.usage.prompt_tokens + 10
    # a tool message may name the function it answers, and must name the right one
    named = [*messages[:-1], {**messages[-1], "name": "get_weather"}]
    assert ask(client, messages=named, tools=[WEATHER], max_tokens=4).choices
    wrong = [*messages[:-1], {**messages[-1], "name": "get_time"}]
    with pytest.raises(openai.BadRequestError) as raised:
        ask(client, messages=wrong, tools=[WEATHER])
    assert raised.value.body["param"].endswith(".name")
    # a result that answers no call is refused, not ignored
    with pytest.raises(openai.BadRequestError) as raised:
        ask(client, messages=[*messages, {"role": "tool", "tool_call_id": "x", "content": "1"}])
    assert raised.value.body["code"] == "invalid_tool_call_id"


def test_a_single_turn_dialect_serves_a_conversation_folded_into_its_query(
    tiny_engine: Any,
) -> None:
    history = [
        {"role": "user", "content": "Weather in Paris?"},
        {
            "role": "assistant",
            "content": "Checking.",
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "21"},
    ]
    with running_server(tiny_engine, "nexusraven-v2") as url:
        alone = chat(url, {"messages": history[:1], "tools": [WEATHER], "max_tokens": 4})
        folded = chat(url, {"messages": history, "tools": [WEATHER], "max_tokens": 4})
        assert alone.status_code == folded.status_code == 200, folded.text
        # the text, the call and its result are in the prompt, not dropped
        grown = folded.json()["usage"]["prompt_tokens"] - alone.json()["usage"]["prompt_tokens"]
        assert grown >= len("Assistant: Checking. Call: get_weather(city='Paris') Result") // 4
        # a system message goes in front of the query, as BFCL's handlers put it
        system = [{"role": "system", "content": "Be brief."}, history[0]]
        response = chat(url, {"messages": system, "tools": [WEATHER], "max_tokens": 8})
        assert response.status_code == 200, response.text


# --- legacy functions ---------------------------------------------------------------------


def test_legacy_functions(url: str) -> None:
    body = {
        "messages": [{"role": "user", "content": "Weather in Paris?"}],
        "functions": [WEATHER["function"]],
        "function_call": {"name": "get_weather"},
        "max_tokens": CALL_TOKENS,
    }
    answer = chat(url, body).json()
    choice = answer["choices"][0]
    assert choice["finish_reason"] == "function_call"
    call = choice["message"]["function_call"]
    assert call["name"] == "get_weather" and arguments_fit(call["arguments"], WEATHER)
    assert "tool_calls" not in choice["message"]
    with httpx.stream(
        "POST", f"{url}/v1/chat/completions", json={"model": MODEL, "stream": True, **body}
    ) as stream:
        lines = [line[6:] for line in stream.iter_lines() if line.startswith("data: ")]
    assert lines[-1] == "[DONE]"
    deltas = [json.loads(line)["choices"][0]["delta"] for line in lines[:-1]]
    assert deltas[1]["function_call"] == {"name": "get_weather", "arguments": ""}
    streamed = "".join(d.get("function_call", {}).get("arguments", "") for d in deltas)
    assert json.loads(streamed) == json.loads(call["arguments"])


# --- LangChain ----------------------------------------------------------------------------


def test_langchain_bind_tools_gets_tool_calls(url: str) -> None:
    from langchain_core.tools import tool
    from langchain_openai import ChatOpenAI

    @tool
    def get_weather(city: str) -> str:
        """The current weather in a city."""
        return "sunny"

    @tool
    def get_time(zone: str) -> str:
        """The local time in a time zone."""
        return "noon"

    llm = ChatOpenAI(
        model=MODEL, base_url=f"{url}/v1", api_key="unused", max_retries=0, max_tokens=CALL_TOKENS
    )
    message = llm.bind_tools([get_weather, get_time], tool_choice="get_time").invoke("Time?")
    assert [c["name"] for c in message.tool_calls] == ["get_time"]
    assert set(message.tool_calls[0]["args"]) == {"zone"}
    chunks = list(llm.bind_tools([get_weather], tool_choice="any").stream("Weather in Paris?"))
    merged = chunks[0]
    for chunk in chunks[1:]:
        merged = merged + chunk
    assert [c["name"] for c in merged.tool_calls] == ["get_weather"]
    assert "city" in merged.tool_calls[0]["args"]


# --- the command line ---------------------------------------------------------------------


def test_fncall_serve_command(tiny_model_dir: Any, capsys: pytest.CaptureFixture[str]) -> None:
    import socket
    import subprocess
    import sys
    import time

    from fncall.cli import main

    # settings are checked before anything loads
    assert main(["serve", "--model", str(tiny_model_dir), "--max-tokens-limit", "10"]) == 1
    assert "max_tokens_limit" in capsys.readouterr().err
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "fncall.cli", "serve", "--model", str(tiny_model_dir)]
    command += ["--dialect", "hermes", "--port", str(port), "--api-key", "k", "--model-name", "t"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None and time.monotonic() < deadline, "server did not start"
            try:
                if httpx.get(f"{url}/health").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        client = openai.OpenAI(base_url=f"{url}/v1", api_key="k", max_retries=0)
        answer = client.chat.completions.create(
            model="t", messages=[{"role": "user", "content": "hi"}], tools=[WEATHER],
            tool_choice="required", max_tokens=CALL_TOKENS,
        )  # fmt: skip
        assert answer.choices[0].message.tool_calls[0].function.name == "get_weather"
    finally:
        server.terminate()
        _, log = server.communicate(timeout=30)
    assert "serving t (hermes, transformers)" in log
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert [line["path"] for line in lines] == ["/health", "/v1/chat/completions"]
    assert lines[-1]["status"] == 200 and lines[-1]["outcome"] == "tool_calls"


def test_a_grounded_server_grounds_its_caller(tiny_model_dir):
    app = create_app(ServerConfig(CallerSettings(tiny_model_dir, grounded=True)))
    try:
        assert app.state.caller.grounded
    finally:
        app.state.scheduler.close()
    with pytest.raises(ConfigurationError, match="grounded=True needs constrain=True"):
        ServerConfig(CallerSettings(tiny_model_dir, grounded=True, constrain=False))


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"api_key": " "}, "an empty API key would protect nothing"),
        ({"max_batch": 0}, "max_batch must be a positive integer, got 0"),
        ({"max_queue": -1}, "max_queue must be 0 or more"),
        ({"caller": CallerSettings(max_tokens=9), "max_tokens_limit": 8}, "exceeds max_tok"),
        ({"timeout": 0}, "timeout must be positive"),
        ({"cors_origins": ["http://a.org/app"]}, "must be scheme://host"),
    ],
)
def test_a_bad_server_setting_is_a_configuration_error(setting, message):
    with pytest.raises(ConfigurationError, match=message):
        ServerConfig(**setting)


def test_a_beam_search_server_answers_greedy_requests_and_refuses_sampled_ones(tiny_model_dir):
    settings = CallerSettings(tiny_model_dir, "hermes", beams=2)
    config = ServerConfig(settings, model_name=MODEL)
    app = create_app(config)
    assert app.state.caller.sampling.beams == 2
    question = {"messages": [{"role": "user", "content": "Weather in Oslo?"}], "tools": TOOLS}
    with ServerThread(app) as server:
        answer = chat(server.url, {**question, "tool_choice": "required", "max_tokens": 120})
        assert answer.status_code == 200
        call = answer.json()["choices"][0]["message"]["tool_calls"][0]
        tool = BY_NAME[call["function"]["name"]]
        assert arguments_fit(call["function"]["arguments"], tool)
        refused = chat(server.url, {**question, "temperature": 0.5})
        assert refused.status_code == 400
        assert "beam search is deterministic" in error_of(refused)["message"]
