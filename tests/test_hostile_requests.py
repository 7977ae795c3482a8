"""Hostile but realistic clients of ``fncall serve`` (issue 19): regex bombs, ``$ref``
fan-out, strings that are not Unicode, cross-site pages, DNS rebinding and slow clients.
Each request is answered with a 4xx in OpenAI's error shape, soon, and the server keeps
serving; a property throws random bodies at it and never sees a 5xx."""

from __future__ import annotations

import json
import socket
import time
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.server_helpers import MODEL, TOOLS, chat, error_of, running_server
from tests.strategies import ref_fan_out

USER = [{"role": "user", "content": "What is the weather in Paris?"}]
# Far above what any answer here takes (tens of milliseconds), far below a hang.
NO_HANG = 20.0


@pytest.fixture(scope="module")
def url(tiny_engine: Any) -> Any:
    with running_server(tiny_engine, "hermes", header_timeout=1.0, body_timeout=1.0) as base:
        yield base


def tool(parameters: dict[str, Any], name: str = "f") -> dict[str, Any]:
    return {"type": "function", "function": {"name": name, "parameters": parameters}}


def string_param(**schema: Any) -> dict[str, Any]:
    return {"type": "object", "properties": {"x": {"type": "string", **schema}}, "required": ["x"]}


def nested(levels: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(levels):
        schema = {"type": "object", "properties": {"x": schema}}
    return schema


def still_serving(url: str) -> None:
    assert httpx.get(f"{url}/health", timeout=NO_HANG).json()["status"] == "ok"
    answer = chat(url, {"messages": USER, "tools": TOOLS, "tool_choice": "required"})
    assert answer.status_code == 200


def refused(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    error = error_of(response)
    if code is not None:
        assert error["code"] == code, error
    return error


# (body, param prefix the error must name, code): every one is a client's mistake or attack.
BAD_TOOLS: list[tuple[dict[str, Any], str, str]] = [
    *(
        (tool(string_param(pattern=p)), "tools[0].function.parameters", "invalid_tool")
        for p in ("(", "[a-", "(?=a)a", "(?!a)b", "(?<=a)b", "(?<!a)b", "(a)\\1", "a++", "(?>a)")
    ),
    *(
        (tool(ref_fan_out(levels)), "tools[0].function.parameters", "invalid_tool")
        for levels in (14, 20, 30)
    ),
    *(
        (tool(nested(levels)), "tools[0].function.parameters", "invalid_tool")
        for levels in (33, 100, 400)
    ),
    (
        tool({"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(1001)}}),
        "tools[0].function.parameters.properties",
        "invalid_tool",
    ),
    (tool(string_param(enum=list(range(5000)))), "tools[0].function.parameters", "invalid_tool"),
    (tool(string_param(pattern="a" * 3000)), "tools[0].function.parameters", "invalid_tool"),
    (tool(string_param(pattern=5)), "tools[0].function.parameters", "invalid_tool"),
    (tool({"type": "object", "properties": {"x": {"$ref": "#/nowhere"}}}), "tools[0]", ""),
    (tool({"type": "object", "properties": {"x": {"$ref": "#"}}}), "tools[0]", ""),
    (
        tool({"type": "object", "properties": {"x": {"$ref": "#/$defs/a"}}, "$defs": {"a": [1]}}),
        "tools[0]",
        "",
    ),
    (tool({"type": "object", "properties": {"x": {"type": "str"}}}), "tools[0]", "invalid_tool"),
]


@pytest.mark.parametrize(("bad_tool", "param", "code"), BAD_TOOLS)
def test_bad_tool_schemas_are_invalid_tool(url: str, bad_tool: Any, param: str, code: str) -> None:
    body = {"messages": USER, "tools": [bad_tool], "tool_choice": "required"}
    response = chat(url, body)
    error = refused(response, 400, code or None)
    assert (error["param"] or "").startswith(param), error


def test_the_regex_bomb_of_the_issue_is_answered_and_the_server_keeps_serving(url: str) -> None:
    # A pattern RE2 accepts: the model must write a 40-48 character string, and validation
    # used to backtrack exponentially on it (the server froze).
    body = {
        "messages": USER,
        "tools": [tool(string_param(pattern="^(.+)+X$", minLength=40, maxLength=48))],
        "tool_choice": "required",
        "max_tokens": 64,
    }
    response = httpx.post(
        f"{url}/v1/chat/completions", json={"model": MODEL, **body}, timeout=NO_HANG
    )
    assert response.status_code in (200, 500), response.text  # 500: the model's own failure
    still_serving(url)


def test_a_fan_out_is_refused_fast_with_the_bound_named(url: str) -> None:
    error = refused(chat(url, {"messages": USER, "tools": [tool(ref_fan_out(20))]}), 400)
    assert "sub-schemas" in error["message"] or "characters" in error["message"]


def test_tools_that_grow_past_the_request_budget_are_refused(url: str) -> None:
    # each tool alone is within bounds; 120 of them inline past the request's budget
    leaf = {"type": "string", "description": "leaf " * 20}
    tools = [tool(ref_fan_out(9, leaf), name=f"f{i}") for i in range(120)]
    error = refused(chat(url, {"messages": USER, "tools": tools}), 400, "invalid_tool")
    assert "characters" in error["message"]


SURROGATE = "\ud800"
UNICODE_CASES: list[tuple[dict[str, Any], str]] = [
    ({"model": SURROGATE, "messages": USER}, "model"),
    ({"model": MODEL, "messages": [{"role": "user", "content": SURROGATE}]}, "messages[0].content"),
    ({"model": MODEL, "messages": [{"role": "user", "content": "a" + SURROGATE}]}, "messages"),
    ({"model": MODEL, "messages": USER, "user": SURROGATE}, "user"),
    ({"model": MODEL, "messages": USER, "stop": [SURROGATE]}, "stop"),
    ({"model": MODEL, "messages": USER, "tools": [tool(string_param(), name=SURROGATE)]}, "tools"),
    (
        {"model": MODEL, "messages": USER, "tools": [tool(string_param(description=SURROGATE))]},
        "tools",
    ),
    ({"model": MODEL, "messages": USER, SURROGATE: 1}, "body"),
]


@pytest.mark.parametrize(("body", "param"), UNICODE_CASES)
def test_strings_that_are_not_unicode_are_400_naming_the_field(
    url: str, body: dict[str, Any], param: str
) -> None:
    raw = json.dumps(body).encode()  # ensure_ascii: the surrogate travels as \ud800
    for _ in range(2):  # the same keep-alive connection stays usable
        response = httpx.post(
            f"{url}/v1/chat/completions",
            content=raw,
            headers={"content-type": "application/json"},
            timeout=NO_HANG,
        )
        error = refused(response, 400, "invalid_unicode")
        assert error["param"].startswith(param), error
    still_serving(url)


def test_execute_refuses_arguments_that_are_not_unicode(url: str) -> None:
    body = {"name": "get_weather", "arguments": {"city": SURROGATE}}
    response = httpx.post(
        f"{url}/v1/fncall/execute",
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
        timeout=NO_HANG,
    )
    assert refused(response, 400, "invalid_unicode")["param"] == "arguments.city"


def test_a_schema_nested_in_deep_json_names_the_depth(url: str) -> None:
    schema = '{"type": "object", "properties": {"x": ' * 500 + '{"type": "string"}' + "}}" * 500
    body = json.dumps({"model": MODEL, "messages": USER, "tools": [tool({})]})
    raw = body.replace('"parameters": {}', f'"parameters": {schema}').encode()
    response = httpx.post(
        f"{url}/v1/chat/completions",
        content=raw,
        headers={"content-type": "application/json"},
        timeout=NO_HANG,
    )
    error = refused(response, 400)
    assert "deep" in error["message"]


CROSS_SITE = [
    ("/v1/fncall/execute", {"name": "send_email", "arguments": {"to": "a@b.example"}}),
    ("/v1/chat/completions", {"model": MODEL, "messages": USER}),
]


@pytest.mark.parametrize(("path", "body"), CROSS_SITE)
@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({"content-type": "text/plain"}, 415, "unsupported_media_type"),
        ({"content-type": "application/x-www-form-urlencoded"}, 415, "unsupported_media_type"),
        ({"content-type": "multipart/form-data; boundary=x"}, 415, "unsupported_media_type"),
        ({}, 415, "unsupported_media_type"),
        ({"content-type": "text/plain", "origin": "http://evil.example"}, 403, None),
        ({"content-type": "application/json", "origin": "http://evil.example"}, 403, None),
        ({"content-type": "application/json", "origin": "null"}, 403, None),
        ({"content-type": "application/json", "host": "rebind.attacker.example"}, 400, None),
        ({"content-type": "application/json", "host": "127.0.0.1.evil.example"}, 400, None),
    ],
)
def test_cross_site_and_rebinding_requests_are_refused(
    url: str, path: str, body: Any, headers: dict[str, str], status: int, code: str | None
) -> None:
    response = httpx.post(
        f"{url}{path}", content=json.dumps(body).encode(), headers=headers, timeout=NO_HANG
    )
    refused(response, status, code)


def test_same_origin_requests_and_loopback_hosts_are_served(url: str) -> None:
    port = url.rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        origin = f"http://{host}"
        response = httpx.post(
            f"{url}/v1/chat/completions",
            json={"model": MODEL, "messages": USER, "max_tokens": 4},
            headers={"host": host, "origin": origin},
            timeout=NO_HANG,
        )
        assert response.status_code == 200, (host, response.text)


def test_cors_origins_get_proper_cors_answers(tiny_engine: Any) -> None:
    allowed = "https://app.example.com"
    with running_server(tiny_engine, "hermes", cors_origins=(allowed,)) as base:
        preflight = httpx.options(
            f"{base}/v1/chat/completions",
            headers={
                "origin": allowed,
                "access-control-request-method": "POST",
                "access-control-request-headers": "content-type, authorization",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == allowed
        response = httpx.post(
            f"{base}/v1/chat/completions",
            json={"model": MODEL, "messages": USER, "max_tokens": 4},
            headers={"origin": allowed},
            timeout=NO_HANG,
        )
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == allowed
        other = httpx.options(
            f"{base}/v1/chat/completions",
            headers={"origin": "https://other.example", "access-control-request-method": "POST"},
        )
        refused(other, 403, "origin_not_allowed")


def test_allowed_hosts_extend_the_loopback_names(tiny_engine: Any) -> None:
    with running_server(tiny_engine, "hermes", allowed_hosts=("*.fncall.test",)) as base:
        ok = httpx.get(f"{base}/health", headers={"host": "api.fncall.test:8000"})
        assert ok.status_code == 200
        refused(httpx.get(f"{base}/health", headers={"host": "fncall.test.evil"}), 400)


def _open(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=NO_HANG)


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    sock.settimeout(seconds)
    try:
        while sock.recv(4096):
            pass  # a 408 answer, then the close
        return True
    except TimeoutError:
        return False
    except OSError:
        return True
    finally:
        sock.close()


def test_slow_headers_are_cut_off_and_others_are_served(url: str) -> None:
    crowd = [_open(url) for _ in range(50)]
    for sock in crowd:
        sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: ")
    still_serving(url)  # while the crowd holds its connections
    assert all(_closed_within(sock, 5.0) for sock in crowd)  # header_timeout is 1 s here


def test_a_body_that_never_finishes_gets_408(url: str) -> None:
    sock = _open(url)
    sock.sendall(
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"model"'
    )
    sock.settimeout(5.0)
    answer = b""
    while b"body_timeout" not in answer and (chunk := sock.recv(65536)):
        answer += chunk
    sock.close()
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    assert b"body_timeout" in answer
    still_serving(url)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
FIELDS = st.sampled_from(
    [
        "model",
        "messages",
        "tools",
        "tool_choice",
        "max_tokens",
        "temperature",
        "stop",
        "seed",
        "stream",
        "functions",
        "function_call",
        "n",
        "top_p",
        "parallel_tool_calls",
        "user",
    ]
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.dictionaries(FIELDS, JSON_VALUES, max_size=6), keep=st.booleans())
def test_random_bodies_never_get_a_5xx(url: str, body: dict[str, Any], keep: bool) -> None:
    if keep:  # half the bodies are close to valid, so the deeper checks are reached too
        body = {"model": MODEL, "messages": USER, **body}
    body["max_tokens"] = 8 if keep and "max_tokens" not in body else body.get("max_tokens")
    started = time.monotonic()
    response = httpx.post(f"{url}/v1/chat/completions", json=body, timeout=NO_HANG)
    assert response.status_code < 500, response.text[:300]
    if response.status_code >= 400:
        error_of(response)
    assert time.monotonic() - started < NO_HANG
