"""Tools from MCP servers, through the official ``mcp`` SDK (the ``fncall[mcp]`` extra).

:class:`McpServer` connects to one server, a command it starts (stdio) or a URL
(streamable HTTP), and keeps the session open: ``tools/list`` becomes fncall tools
(``inputSchema`` as the parameters, ``outputSchema`` and the annotations kept, a
``destructiveHint`` tool needing approval), and a call fncall has validated goes to
``tools/call``. What the tool answers becomes the call's value: its structured content
where it gives one, else its text; a result marked ``isError`` is the tool's failure, as a
raised exception would be.

MCP allows ``-`` in tool names, which no dialect can write as a Python name: such a tool is
offered as ``get_weather`` for ``get-weather``, and called by its own name.

The SDK is asynchronous and fncall runs tools from worker threads, so each server's
session lives on an event loop of its own, in a background thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import shlex
import tempfile
import threading
from collections.abc import AsyncIterator
from concurrent.futures import Future
from dataclasses import replace
from datetime import timedelta
from typing import Any

from fncall.errors import ConfigurationError
from fncall.tools.objects import tool_from_object
from fncall.tools.spec import Tool

__all__ = ["McpServer", "McpToolError"]

START_TIMEOUT = 30.0
"""Seconds a server may take to start and list its tools."""


class McpToolError(RuntimeError):
    """A tool answered with ``isError``: its text is the message."""


class McpServer:
    """One MCP server, connected until :meth:`close` (or the end of a ``with`` block).

    Args:
        target: A command line that starts a stdio server (``python server.py``,
            ``npx -y @modelcontextprotocol/server-everything``), or the ``http(s)://`` URL
            of a streamable HTTP endpoint.
        timeout: Seconds one tool call may take.

    Attributes:
        name: The server's name, as it introduces itself.
        tools: Its tools, each calling the server when run.

    Raises:
        ConfigurationError: the server could not be started, reached or listed, naming
            the target and what went wrong (with the end of its error output).
    """

    def __init__(self, target: str, *, timeout: float = 30.0) -> None:
        self.target = target
        self.timeout = timeout
        # the server's stderr, kept to say why it failed (closed with the server)
        self._errlog = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")  # noqa: SIM115
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="fncall-mcp", daemon=True
        )
        self._thread.start()
        self._ready: Future[tuple[str, list[Any]]] = Future()
        self._closing: asyncio.Event | None = None
        self._session: Any = None
        self._task = asyncio.run_coroutine_threadsafe(self._serve(), self._loop)
        try:
            self.name, listed = self._ready.result(START_TIMEOUT)
            self.tools = [self._tool(listed_tool) for listed_tool in listed]
        except Exception as exc:
            said = self._stderr_tail()
            self.close()
            raise ConfigurationError(
                f"MCP server {target!r} could not be used: {_reason(exc)}{said}"
            ) from None

    def call(self, name: str, arguments: dict[str, Any]) -> Any:
        """Run a tool on the server (its own name, validated arguments); its value.

        Raises:
            McpToolError: the tool reported an error.
            TimeoutError: no answer within ``timeout``.
        """
        coroutine = self._session.call_tool(
            name, arguments, read_timeout_seconds=timedelta(seconds=self.timeout)
        )
        result = asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(self.timeout + 5)
        return _value(result)

    def close(self) -> None:
        """End the session (stopping a server it started), also one still starting."""
        if self._closing is not None:
            self._loop.call_soon_threadsafe(self._closing.set)
        with contextlib.suppress(Exception):
            self._task.result(10)
        if not self._task.done():  # still starting: cancelling it ends the transport
            self._task.cancel()
            with contextlib.suppress(Exception):
                self._task.result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        if not self._thread.is_alive():
            self._loop.close()
        self._errlog.close()

    def __enter__(self) -> McpServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _tool(self, listed: Any) -> Tool:
        remote = listed.name
        local = remote.replace("-", "_")
        made = tool_from_object(listed.model_copy(update={"name": local}))
        assert made is not None

        def call(**arguments: Any) -> Any:
            return self.call(remote, arguments)

        call.__name__ = local
        return replace(made, func=call)

    async def _serve(self) -> None:
        from mcp import ClientSession

        self._closing = asyncio.Event()
        try:
            async with self._transport() as (read, write), ClientSession(read, write) as session:
                started = await session.initialize()
                listed = []
                cursor = None
                while True:
                    page = await session.list_tools(cursor=cursor)
                    listed.extend(page.tools)
                    cursor = page.nextCursor
                    if not cursor:
                        break
                self._session = session
                self._ready.set_result((started.serverInfo.name, listed))
                await self._closing.wait()
        except BaseException as exc:
            if not self._ready.done():
                self._ready.set_exception(exc)
            if not isinstance(exc, Exception):
                raise

    @contextlib.asynccontextmanager
    async def _transport(self) -> AsyncIterator[tuple[Any, Any]]:
        if self.target.startswith(("http://", "https://")):
            from mcp.client.streamable_http import streamable_http_client

            async with streamable_http_client(self.target) as (read, write, _):
                yield read, write
            return
        from mcp import StdioServerParameters
        from mcp.client.stdio import stdio_client

        argv = shlex.split(self.target)
        if not argv:
            raise ValueError("no command given")
        parameters = StdioServerParameters(command=argv[0], args=argv[1:])
        async with stdio_client(parameters, errlog=self._errlog) as (read, write):
            yield read, write

    def _stderr_tail(self) -> str:
        with contextlib.suppress(Exception):
            self._errlog.seek(0)
            tail = self._errlog.read()[-600:].strip()
            return f" (its error output ends: {tail})" if tail else ""
        return ""


def _value(result: Any) -> Any:
    """A ``tools/call`` result as the call's value."""
    texts = [block.text for block in result.content if getattr(block, "type", "") == "text"]
    if result.isError:
        raise McpToolError("\n".join(texts) or "the tool reported an error")
    if result.structuredContent is not None:
        return result.structuredContent
    others = [
        f"[{block.type}: {getattr(block, 'mimeType', None) or 'content'}]"
        for block in result.content
        if getattr(block, "type", "") != "text"
    ]
    return "\n".join([*texts, *others])


def _reason(exc: BaseException) -> str:
    """The first real error inside (anyio wraps failures in exception groups)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    text = str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text != type(exc).__name__ else text
