"""Running the app with uvicorn: in the foreground (``fncall serve``) or on a background
thread (tests, the load benchmark)."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

from fncall.errors import EngineError


def uvicorn_config(app: Any, host: str, port: int) -> uvicorn.Config:
    """Uvicorn settings for the app: its own access log replaces uvicorn's."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
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
