"""The structured access log: one JSON line per request on the ``fncall.server.access``
logger, written when the response (a stream included) has been sent.

A line holds the request id, method, path, status, latency and, for chat completions, the
token counts and the outcome (``tool_calls``, ``stop``, ``length`` or ``error:<code>``).
Prompts and outputs appear only when the server logs prompts (``--log-prompts``); the
route handler adds them to the request's ``access`` dict then.
"""

from __future__ import annotations

import json
import logging
import secrets
import time
from datetime import UTC, datetime
from typing import Any

ACCESS_LOG = logging.getLogger("fncall.server.access")


class AccessLogMiddleware:
    """Gives each request an id (``request.state.request_id``, the ``x-request-id`` header)
    and a dict for details (``request.state.access``), and logs the line when done."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = secrets.token_hex(12)
        access: dict[str, Any] = {}
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        state["access"] = access
        status = 500  # if the app fails before it answers

        async def sending(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"x-request-id", request_id.encode()),
                    ],
                }
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            line = {
                "ts": datetime.now(UTC).isoformat(timespec="milliseconds"),
                "id": request_id,
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "latency_ms": round((time.perf_counter() - started) * 1000, 1),
                **access,
            }
            ACCESS_LOG.info(json.dumps(line, ensure_ascii=False, default=str))
