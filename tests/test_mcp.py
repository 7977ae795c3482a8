"""Tools from MCP servers through the official SDK: a small server the tests start
themselves (``fncall.demo.mcp_notes``), over stdio and streamable HTTP, its tools
listed, validated calls run through ``tools/call``, and its results answered from."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from fncall import FunctionCaller, GrammarLimits, ToolCall
from fncall.calls.execute import Executor
from fncall.errors import ApprovalDeniedError, ConfigurationError, ToolRaisedError
from fncall.server import ServerConfig, ServerThread, Toolset, create_app
from fncall.settings import CallerSettings
from fncall.tools.mcp_servers import McpServer
from fncall.tools.spec import ToolSet

SERVER = [sys.executable, "-m", "fncall.demo.mcp_notes"]
COMMAND = " ".join(SERVER)


@pytest.fixture(scope="module")
def notes() -> Iterator[McpServer]:
    with McpServer(COMMAND) as server:
        yield server


def test_the_servers_tools_are_listed_as_fncall_tools(notes):
    tools = {tool.name: tool for tool in notes.tools}
    assert notes.name == "notes" and set(tools) == {
        "get_weather",
        "read_note",
        "delete_note",
        "broken",
    }
    weather = tools["get_weather"]
    assert weather.required == ["city"] and weather.properties["city"]["type"] == "string"
    assert weather.source.format == "mcp" and "outputSchema" in weather.source.document
    assert "Get the current weather" in weather.description
    assert tools["delete_note"].requires_approval and not weather.requires_approval
    assert tools["read_note"].source.document["name"] == "read_note"  # offered as a Python name


def test_validated_calls_run_through_tools_call(notes):
    executor = Executor(ToolSet(notes.tools))
    weather, note, broken, bad = executor.run(
        [
            ToolCall("get_weather", {"city": "Lyon"}),
            ToolCall("read_note", {"title": "groceries"}),  # read-note on the server
            ToolCall("broken", {"reason": "x"}),
            ToolCall("get_weather", {"town": "Lyon"}),
        ]
    )
    assert weather.value == {"city": "Lyon", "temperature_c": 14.0, "conditions": "light rain"}
    assert note.value == {"result": "eggs, milk"}  # the server's structured content
    assert isinstance(broken.error, ToolRaisedError) and "it broke: x" in str(broken.error)
    assert bad.error is not None and "town" in str(bad.error)  # refused before the server
    [denied] = executor.run([ToolCall("delete_note", {"title": "groceries"})])
    assert isinstance(denied.error, ApprovalDeniedError)  # destructive: approval first
    assert notes.call("read-note", {"title": "groceries"}) == {"result": "eggs, milk"}


@pytest.mark.parametrize(
    "target, says",
    [
        ("no-such-command-fncall", "FileNotFoundError"),
        (f"{sys.executable} -c \"import sys; sys.stderr.write('boom'); sys.exit(3)\"", "boom"),
        ("", "no command given"),
    ],
)
def test_a_server_that_cannot_be_used_is_a_configuration_error(target, says):
    with pytest.raises(ConfigurationError, match="could not be used") as raised:
        McpServer(target)
    assert says in str(raised.value)


@pytest.fixture(scope="module")
def http_url() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([*SERVER, "--http", str(port)], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        process.wait(10)


def test_a_streamable_http_server_serves_the_same_tools(http_url):
    with McpServer(http_url) as server:
        assert sorted(t.name for t in server.tools) == [
            "broken",
            "delete_note",
            "get_weather",
            "read_note",
        ]
        [result] = Executor(ToolSet(server.tools)).run([ToolCall("get_weather", {"city": "Oslo"})])
        assert result.value["city"] == "Oslo"


def test_an_agent_calls_mcp_tools_and_reads_their_results(notes, tiny_engine):
    small = GrammarLimits(max_string=8, max_items=3, max_integer_digits=3, max_calls=2)
    weather = [t for t in notes.tools if t.name == "get_weather"]
    caller = FunctionCaller(
        tiny_engine, "hermes", weather, limits=small, max_tokens=120, seed=1, temperature=1.0
    )
    run = caller.chat("Weather in Lyon?", tool_choice="required", max_steps=1)
    assert run.results
    for result in run.results:
        city = result.result.call.arguments["city"]
        assert json.loads(result.content) == {
            "city": city,
            "temperature_c": 14.0,
            "conditions": "light rain",
        }


def test_the_web_page_offers_and_runs_an_mcp_servers_tools(notes, tiny_engine):
    toolset = Toolset("mcp-notes", "notes (MCP)", "The notes server.", ToolSet(notes.tools))
    app = create_app(
        ServerConfig(CallerSettings(dialect="hermes"), model_name="t"), tiny_engine, [toolset]
    )
    with ServerThread(app) as server:
        listed = httpx.get(f"{server.url}/v1/fncall/toolsets").json()["data"]
        assert [s["id"] for s in listed] == ["everyday", "mcp-notes"]
        body = {"toolset": "mcp-notes", "name": "get_weather", "arguments": '{"city": "Rome"}'}
        ran = httpx.post(f"{server.url}/v1/fncall/execute", json=body, timeout=30).json()
        assert ran["ok"] and ran["result"]["city"] == "Rome"
        assert json.loads(ran["content"])["conditions"] == "light rain"
    with pytest.raises(ConfigurationError, match="two tool sets have the id 'mcp-notes'"):
        create_app(ServerConfig(CallerSettings(dialect="hermes")), tiny_engine, [toolset] * 2)


def test_the_cli_takes_mcp_servers(tiny_model_dir: Any):
    command = [sys.executable, "-m", "fncall.cli", "call", "--model", str(tiny_model_dir)]
    command += ["--dialect", "hermes", "--mcp", COMMAND, "--tool-choice", "get_weather"]
    command += ["--max-tokens", "200", "--execute", "Weather in Lyon?"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    printed = json.loads(done.stdout)
    if done.returncode == 0:  # the random model's call finished: it ran on the server
        [result] = printed["results"]
        assert result["value"]["conditions"] == "light rain"
    else:
        assert printed["error"]["type"] in ("TruncatedOutputError",)
    missing = subprocess.run(
        [sys.executable, "-m", "fncall.cli", "chat", "hi"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 1 and "--tools FILE and/or --mcp" in missing.stderr
