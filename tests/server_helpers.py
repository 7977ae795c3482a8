"""A real fncall server on a loopback port for the server tests: uvicorn in a thread, the
tiny random-weight model of ``conftest.py`` behind it (shared, so each server costs a thread,
not a model load)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from fncall.server import ServerConfig, ServerThread, create_app
from fncall.settings import CallerSettings

MODEL = "tiny"

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "The current weather in a city.",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "maxLength": 8},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["city"],
        },
    },
}
TIME = {
    "type": "function",
    "function": {
        "name": "get_time",
        "description": "The local time in a time zone.",
        "parameters": {
            "type": "object",
            "properties": {"zone": {"type": "string", "maxLength": 8}},
            "required": ["zone"],
        },
    },
}
TOOLS = [WEATHER, TIME]


@contextmanager
def running_server(
    engine: Any, dialect: str = "hermes", max_tokens: int = 256, **settings: Any
) -> Iterator[str]:
    """Serve ``engine`` in ``dialect`` (``max_tokens`` for requests that give none; the
    other ``settings`` are :class:`ServerConfig`'s); yields the base URL
    (``http://127.0.0.1:PORT``)."""
    caller = CallerSettings(dialect=dialect, max_tokens=max_tokens)
    app = create_app(ServerConfig(caller, model_name=MODEL, **settings), engine)
    with ServerThread(app) as server:
        yield server.url


def chat(url: str, body: dict[str, Any], **headers: str) -> httpx.Response:
    """POST a chat completion (raw JSON, for requests the SDK would not send)."""
    return httpx.post(
        f"{url}/v1/chat/completions", json={"model": MODEL, **body}, headers=headers, timeout=60
    )


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The OpenAI-shaped error of a response (checking the shape)."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"message", "type", "param", "code"}, body
    assert body["error"]["message"]
    return body["error"]


def arguments_fit(arguments: str, tool: dict[str, Any]) -> bool:
    """Whether a call's JSON arguments fit the tool's schema (the parts these tools use)."""
    value = json.loads(arguments)
    schema = tool["function"]["parameters"]
    if not isinstance(value, dict) or set(value) - set(schema["properties"]):
        return False
    if any(name not in value for name in schema.get("required", [])):
        return False
    for name, item in value.items():
        spec = schema["properties"][name]
        if not isinstance(item, str) or len(item) > spec.get("maxLength", 10**9):
            return False
        if "enum" in spec and item not in spec["enum"]:
            return False
    return True
