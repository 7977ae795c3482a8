"""What stands in front of the API: the bearer-token check and the body-size limit.

Both are plain ASGI middleware, so they run before any route (the web chat's included) and
before a byte of an oversized body is read into memory.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from fncall.server.protocol import ApiError

Scope = dict[str, Any]
Receive = Any
Send = Any
ASGIApp = Any


def is_api_path(path: str) -> bool:
    """Whether a path is under ``/v1`` (auth and OpenAI-shaped errors apply)."""
    return path == "/v1" or path.startswith("/v1/")


async def send_error(send: Send, error: ApiError) -> None:
    """Answer with an OpenAI-shaped error, from ASGI middleware."""
    body = json.dumps(error.body()).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    headers += [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class AuthMiddleware:
    """Every ``/v1/*`` request needs ``Authorization: Bearer <api_key>``; other paths (the
    web chat page, ``/health``) are public.

    The key is compared in constant time, so response timing says nothing about how much
    of a guess was right.
    """

    def __init__(self, app: ASGIApp, api_key: str) -> None:
        self.app = app
        self._key = api_key.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_api_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        given = _bearer(scope)
        if given is None:
            await send_error(
                send,
                _auth_error(
                    "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'."
                ),
            )
            return
        if not hmac.compare_digest(given, self._key):
            await send_error(send, _auth_error("Incorrect API key provided."))
            return
        await self.app(scope, receive, send)


def _bearer(scope: Scope) -> bytes | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.partition(b" ")
            if scheme.lower() == b"bearer" and token.strip():
                return token.strip()
            return None
    return None


def _auth_error(message: str) -> ApiError:
    return ApiError(
        401,
        message,
        code="invalid_api_key",
        headers={"WWW-Authenticate": "Bearer"},
    )


class BodyTooLargeError(ApiError):
    """A request body over the limit (raised while it is being read)."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"The request body is larger than this server's limit of {limit} bytes.",
            code="request_too_large",
        )


class BodyLimitMiddleware:
    """Refuses bodies over ``limit`` bytes: at once when ``Content-Length`` says so, else as
    soon as the bytes read pass the limit (chunked uploads)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    await send_error(send, ApiError(400, "Content-Length is not a number."))
                    return
                if length > self.limit:
                    await send_error(send, BodyTooLargeError(self.limit))
                    return
        seen = 0

        async def counted() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLargeError(self.limit)
            return message

        await self.app(scope, counted, send)
