"""The Responses API through the ``openai`` SDK's ``client.responses`` (function calls,
their outputs sent back by ``previous_response_id`` or as input items, streaming events,
structured text, refusals that name the field), raw ``/v1/completions`` through
``client.completions``, and the OpenAPI description of them all. The tiny random model:
structure, not content."""

from __future__ import annotations

import json
from typing import Any

import httpx
import openai
import pytest

from fncall import GrammarLimits
from fncall.server import ServerConfig, ServerThread, create_app
from fncall.settings import CallerSettings
from tests.server_helpers import MODEL, error_of

SMALL = GrammarLimits(max_string=8, max_items=3, max_integer_digits=3, max_calls=2)
WEATHER = {
    "type": "function",
    "name": "get_weather",
    "description": "The weather in a city.",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
    },
}


@pytest.fixture(scope="module")
def url(tiny_engine: Any) -> Any:
    settings = CallerSettings(dialect="hermes", limits=SMALL, max_tokens=120)
    app = create_app(ServerConfig(settings, model_name=MODEL), tiny_engine)
    with ServerThread(app) as server:
        yield server.url


@pytest.fixture(scope="module")
def client(url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key="unused", max_retries=0, timeout=60)


def test_a_function_call_then_an_answer_from_its_output(client):
    first = client.responses.create(
        model=MODEL, input="Weather in Paris?", tools=[WEATHER], tool_choice="required"
    )
    assert first.status == "completed" and first.id.startswith("resp_")
    calls = [item for item in first.output if item.type == "function_call"]
    assert calls and all(c.name == "get_weather" for c in calls)
    assert all(set(json.loads(c.arguments)) == {"city"} for c in calls)
    assert first.usage.input_tokens > 0 and first.usage.output_tokens > 0
    outputs = [
        {"type": "function_call_output", "call_id": c.call_id, "output": '{"temp": 21}'}
        for c in calls
    ]
    # continued by id: the stored conversation, then the outputs
    second = client.responses.create(
        model=MODEL, previous_response_id=first.id, input=outputs, tools=[WEATHER],
        tool_choice="none", max_output_tokens=16,
    )  # fmt: skip
    assert second.previous_response_id == first.id
    assert [item.type for item in second.output] in (["message"], [])
    assert second.usage.input_tokens > first.usage.input_tokens  # the call and result rendered
    # the same conversation sent whole, as input items
    whole = client.responses.create(
        model=MODEL, tools=[WEATHER], tool_choice="none", max_output_tokens=16,
        input=[{"role": "user", "content": "Weather in Paris?"}, *first.output, *outputs],
    )  # fmt: skip
    assert whole.usage.input_tokens == second.usage.input_tokens
    assert client.responses.retrieve(second.id).id == second.id


def test_streamed_events_add_up_to_the_response(client):
    stream = client.responses.create(
        model=MODEL, input="Weather in Paris?", tools=[WEATHER], tool_choice="required",
        stream=True,
    )  # fmt: skip
    events = list(stream)
    kinds = [e.type for e in events]
    assert kinds[:2] == ["response.created", "response.in_progress"]
    assert kinds[-1] == "response.completed"
    assert [e.sequence_number for e in events] == list(range(1, len(events) + 1))
    final = events[-1].response
    for item in final.output:
        assert item.type == "function_call"
        deltas = "".join(
            e.delta for e in events
            if e.type == "response.function_call_arguments.delta" and e.item_id == item.id
        )  # fmt: skip
        assert deltas == item.arguments
    text = client.responses.create(model=MODEL, input="hi", stream=True, max_output_tokens=12)
    events = list(text)
    written = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    last = events[-1].response
    assert last.status in ("completed", "incomplete") and last.output_text == written


def test_text_format_json_schema_gives_a_schema_valid_object(client):
    schema = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
        "required": ["name", "age"],
        "additionalProperties": False,
    }
    fmt = {"format": {"type": "json_schema", "name": "person", "schema": schema, "strict": True}}
    answer = client.responses.create(model=MODEL, input="Who?", text=fmt, max_output_tokens=80)
    data = json.loads(answer.output_text)
    assert set(data) == {"name", "age"} and data["age"] >= 0


@pytest.mark.parametrize(
    "body, param",
    [
        ({"input": "x", "tools": [{"type": "web_search"}]}, "tools[0].type"),
        ({"input": [{"type": "reasoning", "summary": []}]}, "input[0].type"),
        ({"input": [{"role": "user", "content": [{"type": "input_image"}]}]},
         "input[0].content[0]"),
        ({"input": "x", "previous_response_id": "resp_nope"}, "previous_response_id"),
        ({"input": "x", "reasoning": {"effort": "high"}}, "reasoning"),
        ({"input": "x", "truncation": "auto"}, "truncation"),
        ({"input": "x", "tool_choice": {"type": "allowed_tools"}}, "tool_choice"),
        ({"input": "x", "colour": 1}, "colour"),
        ({"input": [{"type": "function_call_output", "call_id": "nope", "output": "1"}]},
         "input[0].tool_call_id"),
    ],
)  # fmt: skip
def test_what_it_cannot_serve_is_refused_by_name(url, body, param):
    response = httpx.post(f"{url}/v1/responses", json={"model": MODEL, **body}, timeout=30)
    assert response.status_code in (400, 404), response.text
    assert error_of(response)["param"] == param


# --- raw completions -----------------------------------------------------------------------


def test_a_raw_prompt_is_continued_as_written(client, tiny_engine):
    completion = client.completions.create(model=MODEL, prompt="Once upon a time", max_tokens=8)
    [choice] = completion.choices
    assert completion.object == "text_completion" and choice.finish_reason in ("length", "stop")
    assert completion.usage.prompt_tokens == tiny_engine.count_tokens("Once upon a time")
    assert completion.usage.completion_tokens <= 8
    # what the engine itself writes for that prompt, greedy: no dialect, no grammar between
    from fncall.engines.base import GenerationRequest, Sampling

    direct = tiny_engine.generate([GenerationRequest("Once upon a time", (), Sampling(8))])[0]
    greedy = client.completions.create(
        model=MODEL, prompt="Once upon a time", max_tokens=8, temperature=0
    )
    assert greedy.choices[0].text == direct.text
    streamed = client.completions.create(
        model=MODEL, prompt="Once upon a time", max_tokens=8, temperature=0, stream=True
    )
    assert "".join(c.choices[0].text for c in streamed) == direct.text


@pytest.mark.parametrize(
    "body, param",
    [
        ({"prompt": ["a", "b"]}, "prompt"),
        ({"prompt": "a", "echo": True}, "echo"),
        ({"prompt": "a", "n": 2}, "n"),
        ({"prompt": "a", "max_tokens": 10**6}, "max_tokens"),
        ({"prompt": "a", "stop": [""]}, "stop"),
        ({"prompt": 3}, "prompt"),
    ],
)
def test_a_completion_it_cannot_serve_is_refused_by_name(url, body, param):
    response = httpx.post(f"{url}/v1/completions", json={"model": MODEL, **body}, timeout=30)
    assert response.status_code == 400, response.text
    assert error_of(response)["param"] == param


def test_the_openapi_description_lists_every_route(url):
    paths = httpx.get(f"{url}/openapi.json").json()["paths"]
    for path in ("/v1/chat/completions", "/v1/responses", "/v1/completions", "/v1/models"):
        assert "post" in paths[path] or "get" in paths[path], path
    assert "requestBody" in paths["/v1/responses"]["post"]
    assert "requestBody" in paths["/v1/completions"]["post"]


def test_the_response_store_keeps_the_most_recently_used_within_its_budget():
    from fncall.server.protocol import ApiError
    from fncall.server.responses import ResponseStore

    store = ResponseStore(size=3, max_bytes=2_000)
    for i in range(5):
        store.put({"id": f"r{i}"}, [{"role": "user", "content": "x" * 100}])
    assert [store.body(f"r{i}")["id"] for i in (2, 3, 4)] == ["r2", "r3", "r4"]
    with pytest.raises(ApiError, match="No response with id 'r1'"):
        store.conversation("r1")
    store.put({"id": "big"}, [{"role": "user", "content": "x" * 1_500}])  # the oldest goes
    assert store.body("big") and store.body("r4")  # used: now the most recent
    with pytest.raises(ApiError):
        store.body("r2")
    store.put({"id": "big2"}, [{"role": "user", "content": "x" * 1_500}])  # over the bytes
    assert store.body("big2") and store.body("r4")
    with pytest.raises(ApiError):
        store.body("big")
    store.put({"id": "huge"}, [{"role": "user", "content": "x" * 5_000}])  # never kept
    with pytest.raises(ApiError):
        store.body("huge")


def test_a_streamed_completion_never_sends_its_stop_string(client, tiny_engine):
    from fncall.engines.base import GenerationRequest, Sampling

    direct = tiny_engine.generate([GenerationRequest("Once upon a time", (), Sampling(24))])[0]
    stop = direct.text[6:8]  # two characters the greedy text holds
    expected = direct.text[: direct.text.index(stop)]
    kwargs = {"model": MODEL, "prompt": "Once upon a time", "max_tokens": 24, "temperature": 0}
    whole = client.completions.create(stop=stop, **kwargs).choices[0]
    streamed = client.completions.create(stop=stop, stream=True, **kwargs)
    assert whole.text == expected and whole.finish_reason == "stop"
    assert "".join(c.choices[0].text for c in streamed) == expected


def test_a_raw_completion_is_never_retried_and_a_refused_stream_is_an_http_error(tiny_engine):
    settings = CallerSettings(dialect="hermes", retries=2, max_tokens=8)
    app = create_app(ServerConfig(settings, model_name=MODEL, max_prompt_tokens=64), tiny_engine)
    with ServerThread(app) as server:
        body = {"model": MODEL, "prompt": "Once upon a time", "max_tokens": 4}
        cut = httpx.post(f"{server.url}/v1/completions", json=body, timeout=30)
        assert cut.status_code == 200 and cut.json()["choices"][0]["finish_reason"] == "length"
        long = {**body, "prompt": "word " * 500, "stream": True}
        refused = httpx.post(f"{server.url}/v1/completions", json=long, timeout=30)
        assert refused.status_code == 400, refused.text


def test_responses_errors_name_the_responses_fields(url):
    cases = [
        ({"input": "x", "max_output_tokens": 10**7}, "max_output_tokens"),
        ({"input": "x", "text": {"format": {"type": "yaml"}}}, "text.format.type"),
        ({"input": "x", "tools": [{**WEATHER, "parameters": {"type": "object", "properties":
          {"a": {"type": "strin"}}}}]}, "tools[0]"),
        ({"input": [{"type": "function_call_output", "call_id": "c", "output": [{"type": "x"}]}]},
         "input[0].output[0]"),
    ]  # fmt: skip
    for body, param in cases:
        response = httpx.post(f"{url}/v1/responses", json={"model": MODEL, **body}, timeout=30)
        assert response.status_code == 400, response.text
        error = error_of(response)
        assert error["param"].startswith(param), (param, response.text)
        said = error["message"]
        assert "max_completion_tokens" not in said and "response_format" not in said, said


def test_text_and_calls_of_one_answer_are_one_assistant_turn():
    from fncall.server.responses import _input_messages

    messages, sources = _input_messages(
        [
            {"role": "user", "content": "Weather?"},
            {
                "type": "message",
                "role": "assistant",
                "content": [{"type": "output_text", "text": "Checking."}],
            },
            {"type": "function_call", "call_id": "c1", "name": "get_weather", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "c1", "output": "21"},
        ]
    )
    assert [m["role"] for m in messages] == ["user", "assistant", "tool"]
    assert messages[1]["content"] == "Checking." and messages[1]["tool_calls"][0]["id"] == "c1"
    assert sources == ["input[0]", "input[1]", "input[3]"]
