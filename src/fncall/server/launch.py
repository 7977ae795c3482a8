"""Running the app with uvicorn: in the foreground (``fncall serve``) or on a background
thread (tests, the load benchmark)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from fncall.errors import EngineError


class _GuardedH11(H11Protocol):
    """Uvicorn's HTTP/1.1 protocol with a deadline for each request's headers (uvicorn has
    none: a client sending a header a minute holds its connection for ever) and a bound on
    open connections (past it, new ones are closed at once)."""

    header_timeout: float = 10.0
    max_connections: int = 1024
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: Any) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            transport.close()
            return
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in
            self._disarm_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_timer()  # the next request on this connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def uvicorn_config(app: Any, host: str, port: int) -> uvicorn.Config:
    """Uvicorn settings for the app: its own access log replaces uvicorn's, and the slow-client
    limits of the app's :class:`~fncall.server.ServerConfig` apply."""
    settings = app.state.config
    protocol = type(
        "GuardedH11",
        (_GuardedH11,),
        {
            "header_timeout": settings.header_timeout,
            "max_connections": settings.max_connections,
        },
    )
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=30,
        timeout_graceful_shutdown=10,
    )


def serve(app: Any, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted."""
    uvicorn.Server(uvicorn_config(app, host, port)).run()


class ServerThread:
    """An app served on a loopback port from a background thread, as a context manager.

    Attributes:
        url: ``http://127.0.0.1:<port>`` once started.
    """

    def __init__(self, app: Any, host: str = "127.0.0.1", port: int = 0) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((host, port))
        bound_port = self._socket.getsockname()[1]
        self.url = f"http://{host}:{bound_port}"
        self._server = uvicorn.Server(uvicorn_config(app, host, bound_port))
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def __enter__(self) -> ServerThread:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise EngineError(f"the server on {self.url} did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(30)
        self._socket.close()
