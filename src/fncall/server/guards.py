"""What stands in front of the API: the browser guard (host, origin, content type), the
bearer-token check, and the body's size and time limits.

All are plain ASGI middleware, so they run before any route (the web chat's included) and
before a byte of an oversized body is read into memory.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import time
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
    soon as the bytes read pass the limit (chunked uploads); and bodies that take longer
    than ``timeout`` seconds to arrive (408), so a slow client cannot hold a request open."""

    def __init__(self, app: ASGIApp, limit: int, timeout: float) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

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
        deadline = time.monotonic() + self.timeout
        complete = False

        async def counted() -> dict[str, Any]:
            nonlocal seen, complete
            if complete:  # after the body only a disconnect comes: wait for it as long
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), deadline - time.monotonic())
            except TimeoutError:
                raise ApiError(
                    408,
                    f"The request body did not arrive within {self.timeout:g} s.",
                    code="body_timeout",
                    headers={"Connection": "close"},  # the rest of the body is not awaited
                ) from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLargeError(self.limit)
                complete = not message.get("more_body", False)
            return message

        await self.app(scope, counted, send)


_LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class BrowserGuardMiddleware:
    """What keeps a web page elsewhere from using a server that has no API key:

    - a ``Host`` that is not loopback, the bound address or an allowed host is refused
      (400): a DNS-rebinding page reaches the server under its own name;
    - an ``Origin`` that is neither the server's own nor an allowed CORS origin is refused
      (403): a cross-site page's requests carry its origin;
    - a request with a body that is not ``application/json`` is refused (415): only those
      can be sent cross-site without a CORS preflight (forms, ``text/plain``).
    """

    def __init__(
        self, app: ASGIApp, allowed_hosts: tuple[str, ...], cors_origins: tuple[str, ...]
    ) -> None:
        self.app = app
        self._hosts = {h.lower() for h in (*_LOOPBACK_NAMES, *allowed_hosts)}
        self._origins = {o.lower().rstrip("/") for o in cors_origins}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if host and not self._host_allowed(host):
            await send_error(
                send,
                ApiError(
                    400,
                    f"This server does not answer to the host {host[:100]!r}; start it with "
                    f"--allowed-host {_hostname(host)[:100]} to allow it.",
                    code="invalid_host",
                ),
            )
            return
        origin = headers.get(b"origin")
        if origin is not None and not self._origin_allowed(origin.decode("latin-1"), host):
            await send_error(
                send,
                ApiError(
                    403,
                    f"Requests from the origin {origin.decode('latin-1')[:100]!r} are not "
                    "allowed; start the server with --cors-origin ORIGIN to allow a web page "
                    "there to call it.",
                    code="origin_not_allowed",
                ),
            )
            return
        if scope["method"] in _BODY_METHODS:
            media = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
            if media != b"application/json":
                await send_error(
                    send,
                    ApiError(
                        415,
                        "The request body must be sent as 'Content-Type: application/json' "
                        f"(got {media.decode('latin-1')[:60] or 'none'!r}).",
                        code="unsupported_media_type",
                    ),
                )
                return
        await self.app(scope, receive, send)

    def _host_allowed(self, host: str) -> bool:
        name = _hostname(host)
        if "*" in self._hosts or name in self._hosts or _is_loopback_address(name):
            return True
        return any(
            pattern.startswith("*.") and name.endswith(pattern[1:]) for pattern in self._hosts
        )

    def _origin_allowed(self, origin: str, host: str) -> bool:
        origin = origin.lower().rstrip("/")
        if "*" in self._origins or origin in self._origins:
            return True
        scheme, sep, netloc = origin.partition("://")
        return bool(sep) and scheme in ("http", "https") and _same_authority(netloc, host)


def _is_loopback_address(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _hostname(host: str) -> str:
    """``example.com:8000`` -> ``example.com``; ``[::1]:8000`` -> ``::1``."""
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


def _same_authority(netloc: str, host: str) -> bool:
    """Whether an origin's ``host[:port]`` is the request's ``Host`` (default ports aside)."""
    defaults = (":80", ":443")
    return netloc == host or any(netloc + d == host or host + d == netloc for d in defaults)
