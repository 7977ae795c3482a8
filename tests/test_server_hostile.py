"""``fncall serve`` under malformed and hostile requests: each gets the right 4xx with an
OpenAI-shaped error naming what was wrong, and the server keeps serving. Also the
protections: bearer-token auth, the bounded queue (429), the request timeout (504) and the
access log."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Sequence
from typing import Any

import httpx
import openai
import pytest

from fncall.engines import Engine, Generation, GenerationRequest
from tests.server_helpers import MODEL, TOOLS, WEATHER, chat, error_of, running_server

USER = [{"role": "user", "content": "What is the weather in Paris?"}]


@pytest.fixture(scope="module")
def url(tiny_engine: Any) -> Any:
    with running_server(tiny_engine, "hermes") as base:
        yield base


def still_serving(url: str) -> None:
    assert httpx.get(f"{url}/health").json()["status"] == "ok"
    answer = chat(url, {"messages": USER, "tools": TOOLS, "tool_choice": "required"})
    assert answer.status_code == 200
    assert answer.json()["choices"][0]["finish_reason"] in ("tool_calls", "length")


def post_raw(url: str, content: bytes, **headers: str) -> httpx.Response:
    return httpx.post(
        f"{url}/v1/chat/completions",
        content=content,
        headers={"content-type": "application/json", **headers},
        timeout=60,
    )


@pytest.mark.parametrize(
    ("body", "param", "words"),
    [
        ({"messages": "hi"}, "messages", "valid list"),
        ({"messages": [{"role": "user", "content": 5}]}, "messages[0].content", "string"),
        ({"messages": [{"role": "wizard", "content": "x"}]}, "messages[0]", "wizard"),
        ({"messages": USER, "max_tokens": "10"}, "max_tokens", "integer"),
        ({"messages": USER, "max_tokens": 0}, "max_tokens", "greater than"),
        ({"messages": USER, "max_tokens": 10**6}, "max_tokens", "allows"),
        ({"messages": USER, "temperature": 5}, "temperature", "less than"),
        ({"messages": USER, "stream": "yes"}, "stream", "boolean"),
        ({"messages": USER, "n": 3}, "n", "one choice"),
        ({"messages": USER, "frequency_penalty": 0.5}, "frequency_penalty", "not supported"),
        ({"messages": USER, "logprobs": True}, "logprobs", "not supported"),
        ({"messages": USER, "response_format": {"type": "xml"}}, "response_format.type", "xml"),
        ({"messages": USER, "best_of": 2}, "best_of", "Unrecognized"),
        ({"messages": USER, "stop": ["a", "b", "c", "d", "e"]}, "stop", "at most"),
        ({"messages": USER, "stream_options": {"include_usage": True}}, "stream_options", ""),
        (
            {"messages": USER, "tools": [{"type": "function", "function": {"name": "f"}}] * 2},
            "tools",
            "unique",
        ),
        (
            {"messages": USER, "tools": [{"type": "function", "function": {"parameters": {}}}]},
            "tools[0].function.name",
            "Missing",
        ),
        (
            {"messages": USER, "tools": [{"type": "code_interpreter"}]},
            "tools[0].type",
            "function",
        ),
        (
            {"messages": USER, "tools": [{"type": "function", "function": {"name": "bad name"}}]},
            "tools[0].function.name",
            "identifier",
        ),
        ({"messages": USER, "tool_choice": "required"}, "tool_choice", "at least one tool"),
        ({"messages": USER, "tool_choice": "sometimes"}, "tool_choice", "'required'"),
        ({"messages": USER, "tools": TOOLS, "functions": [WEATHER["function"]]}, "functions", ""),
        (
            {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]},
            "messages[0].content[0]",
            "text only",
        ),
        (
            {
                "messages": [
                    *USER,
                    {
                        "role": "assistant",
                        "tool_calls": [
                            {
                                "id": "c1",
                                "type": "function",
                                "function": {"name": "get_weather", "arguments": "[1, 2"},
                            }
                        ],
                    },
                ]
            },
            "messages[1].tool_calls[0].function.arguments",
            "JSON object",
        ),
        (
            {
                "messages": [
                    *USER,
                    {
                        "role": "assistant",
                        "tool_calls": [
                            {
                                "id": "c1",
                                "type": "function",
                                "function": {"name": "get_weather", "arguments": "{}"},
                            }
                        ],
                    },
                ]
            },
            "messages",
            "c1",
        ),
        ({"messages": [{"role": "system", "content": "Only this."}]}, "messages", "no user"),
    ],
)
def test_malformed_requests_get_400_naming_the_field(
    url: str, body: dict[str, Any], param: str, words: str
) -> None:
    response = chat(url, body)
    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["param"] == param, error
    assert words in error["message"], error
    assert error["type"] == "invalid_request_error"


def test_tool_schemas_that_are_not_objects(url: str) -> None:
    def tool(parameters: Any) -> dict[str, Any]:
        return {"type": "function", "function": {"name": "f", "parameters": parameters}}

    response = chat(url, {"messages": USER, "tools": [tool("a string")]})
    assert response.status_code == 400
    assert error_of(response)["param"] == "tools[0].function.parameters"
    response = chat(url, {"messages": USER, "tools": [WEATHER, tool({"type": "string"})]})
    assert response.status_code == 400
    error = error_of(response)
    assert error["param"] == "tools[1].function.parameters.type" and "'object'" in error["message"]
    response = chat(url, {"messages": USER, "tools": [tool({"properties": {"x": 5}})]})
    assert response.status_code == 400
    assert error_of(response)["param"].startswith("tools[0].function.parameters")
    still_serving(url)


def test_bad_json_and_bad_bodies(url: str) -> None:
    for content, code in (
        (b'{"model": "tiny", "messages": [', "invalid_json"),
        (b"\xff\xfe\x00garbage", "invalid_json"),
        (b"[" * 100_000 + b"]" * 100_000, "json_too_deep"),
        (b'"just a string"', "invalid_json"),
        (b"", "invalid_json"),
    ):
        response = post_raw(url, content)
        assert response.status_code == 400, content[:20]
        assert error_of(response)["code"] == code
    still_serving(url)


def test_ten_thousand_tools(url: str) -> None:
    tools = [{"type": "function", "function": {"name": f"f{i}"}} for i in range(10_000)]
    response = chat(url, {"messages": USER, "tools": tools})
    assert response.status_code == 400
    error = error_of(response)
    assert error["param"] == "tools" and "10000" in error["message"]
    still_serving(url)


def test_ten_megabyte_bodies(url: str) -> None:
    body = json.dumps({"model": MODEL, "messages": [{"role": "user", "content": "x" * 10**7}]})
    response = post_raw(url, body.encode())
    assert response.status_code == 413 and error_of(response)["code"] == "request_too_large"

    def chunks() -> Any:  # no Content-Length: the limit holds while reading
        data = body.encode()
        for i in range(0, len(data), 65536):
            yield data[i : i + 65536]

    response = httpx.post(
        f"{url}/v1/chat/completions",
        content=chunks(),
        headers={"content-type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 413 and error_of(response)["code"] == "request_too_large"
    still_serving(url)


def test_unknown_model_path_and_method(url: str) -> None:
    response = httpx.post(
        f"{url}/v1/chat/completions", json={"model": "gpt-4o", "messages": USER}, timeout=60
    )
    assert response.status_code == 404
    error = error_of(response)
    assert error["code"] == "model_not_found" and "gpt-4o" in error["message"]
    response = httpx.post(f"{url}/v1/embeddings", json={"model": MODEL, "input": "x"})
    assert response.status_code == 404 and "Invalid URL" in error_of(response)["message"]
    response = httpx.get(f"{url}/v1/chat/completions")
    assert response.status_code == 405
    error_of(response)


def test_half_a_request_then_a_hang_up(url: str) -> None:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(
            b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
            b"\r\nContent-Length: 5000\r\n\r\n" + b'{"model": "tiny", "mess'
        )
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        raw.recv(1024)
    still_serving(url)


# --- protections --------------------------------------------------------------------------


def test_bearer_token(tiny_engine: Any) -> None:
    with running_server(tiny_engine, "hermes", api_key="s3cret") as url:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}):
            response = chat(url, {"messages": USER}, **headers)
            assert response.status_code == 401
            assert error_of(response)["code"] == "invalid_api_key"
        assert httpx.get(f"{url}/v1/models").status_code == 401
        assert httpx.get(f"{url}/v1/fncall/info").status_code == 401  # the web chat's API too
        assert httpx.get(f"{url}/health").status_code == 200  # public
        assert httpx.get(f"{url}/").status_code != 401  # the chat page is public
        client = openai.OpenAI(base_url=f"{url}/v1", api_key="s3cret", max_retries=0)
        answer = client.chat.completions.create(
            model=MODEL, messages=USER, tools=TOOLS, tool_choice="required", max_tokens=80
        )
        assert answer.choices[0].message.tool_calls
        with pytest.raises(openai.AuthenticationError):
            openai.OpenAI(base_url=f"{url}/v1", api_key="nope", max_retries=0).models.list()


class HeldEngine(Engine):
    """The tiny engine, held at the start of each batch until the test lets it go, so the
    queue can be filled on cue (everything else, the server included, is real)."""

    name = "held"

    def __init__(self, inner: Engine) -> None:
        self.inner = inner
        self.go = threading.Event()

    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        self.go.wait(60)
        return self.inner.generate(requests)


def test_full_queue_gets_429_and_later_requests_are_served(tiny_engine: Any) -> None:
    engine = HeldEngine(tiny_engine)
    with running_server(engine, "hermes", max_batch=1, max_queue=1) as url:
        statuses: list[int] = []

        def send() -> None:
            statuses.append(chat(url, {"messages": USER, "max_tokens": 5}).status_code)

        def load() -> dict[str, int]:
            return httpx.get(f"{url}/health").json()

        threads = [threading.Thread(target=send) for _ in range(2)]
        threads[0].start()
        wait_for(lambda: load()["running"] == 1)
        threads[1].start()
        wait_for(lambda: load()["waiting"] == 1)
        client = openai.OpenAI(base_url=f"{url}/v1", api_key="x", max_retries=0)
        with pytest.raises(openai.RateLimitError) as raised:
            client.chat.completions.create(model=MODEL, messages=USER, max_tokens=5)
        assert raised.value.response.headers["retry-after"] == "1"
        assert raised.value.body["code"] == "server_busy"
        engine.go.set()
        for thread in threads:
            thread.join(60)
        assert statuses == [200, 200]
        still_serving(url)


def test_timeout_is_a_clear_504(tiny_engine: Any) -> None:
    with running_server(tiny_engine, "hermes", timeout=0.3, max_tokens_limit=2000) as url:
        body = {"messages": USER, "tool_choice": "none", "max_tokens": 1500}
        response = chat(url, body)
        assert response.status_code == 504
        error = error_of(response)
        assert error["code"] == "request_timeout" and "0.3 s" in error["message"]
        # the abandoned generation finishes on the engine; then a stream times out mid-way
        wait_for(lambda: httpx.get(f"{url}/health").json()["running"] == 0)
        with httpx.stream(
            "POST", f"{url}/v1/chat/completions", json={"model": MODEL, "stream": True, **body}
        ) as stream:
            lines = [line for line in stream.iter_lines() if line.startswith("data: ")]
        assert json.loads(lines[-2][6:])["error"]["code"] == "request_timeout"
        assert lines[-1] == "data: [DONE]"


def test_access_log_is_one_json_line_per_request(
    tiny_engine: Any, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "my secret question about Paris"
    messages = [{"role": "user", "content": secret}]
    with caplog.at_level(logging.INFO, logger="fncall.server.access"):
        for log_prompts in (False, True):
            caplog.clear()
            with running_server(tiny_engine, "hermes", log_prompts=log_prompts) as url:
                ok = chat(url, {"messages": messages, "tools": TOOLS, "tool_choice": "required"})
                bad = chat(url, {"messages": messages, "n": 2})
            lines = [
                json.loads(r.getMessage())
                for r in caplog.records
                if r.name == "fncall.server.access"
            ]
            assert [line["status"] for line in lines] == [200, 400]
            first, second = lines
            assert first["id"] == ok.headers["x-request-id"]
            assert ok.json()["id"] == f"chatcmpl-{first['id']}"
            assert first["outcome"] in ("tool_calls", "length") and first["latency_ms"] > 0
            assert first["prompt_tokens"] > 0 and first["completion_tokens"] > 0
            assert second["id"] == bad.headers["x-request-id"]
            assert second["outcome"] == "error:unsupported_value"
            assert (secret in caplog.text) is log_prompts


def wait_for(condition: Any, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.01)
