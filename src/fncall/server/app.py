"""The OpenAI-compatible HTTP API: ``create_app(config) -> FastAPI``.

Routes: ``POST /v1/chat/completions``, ``GET /v1/models``, ``GET /v1/models/{id}``,
``GET /health``, the Responses API (:mod:`fncall.server.responses`), raw completions
(:mod:`fncall.server.completions`) and the web chat's router (:mod:`fncall.server.webchat`).

What the app keeps on ``app.state`` (for the web chat's router and for tests):

- ``app.state.config``: the :class:`ServerConfig`, with ``model_name`` filled in with the
  served model id;
- ``app.state.caller``: the :class:`~fncall.caller.FunctionCaller` (its ``dialect``,
  ``engine``, ``executor``);
- ``app.state.scheduler``: the :class:`~fncall.server.scheduler.Scheduler` that owns the
  engine; generate only through it (``scheduler.submit(caller.prepare(request),
  deadline=...)`` from the event loop, then ``await ticket.response()``), never on the
  engine directly;
- ``app.state.model_name``: the served model id (what clients send as ``model``);
- ``app.state.service``: the :class:`~fncall.server.service.Service` the generating
  routes share (submit a checked request, await its answer);
- ``app.state.toolsets``: the tool sets the server runs for the web page, by id;
- ``app.state.responses``: the stored responses of the Responses API.

Every ``/v1/*`` path needs the bearer token when ``config.api_key`` is set; ``/health`` and
the web chat page are public. Errors on ``/v1/*`` paths have OpenAI's shape.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware

import fncall
from fncall.caller import FunctionCaller
from fncall.engines import Engine
from fncall.errors import ConfigurationError
from fncall.server import completions, responses, webchat
from fncall.server.accesslog import AccessLogMiddleware
from fncall.server.answers import completion_body, error_for
from fncall.server.config import ServerConfig
from fncall.server.guards import (
    AuthMiddleware,
    BodyLimitMiddleware,
    BrowserGuardMiddleware,
    is_api_path,
)
from fncall.server.protocol import (
    ApiError,
    chat_completions_openapi,
    parse_json_body,
    parse_request,
)
from fncall.server.scheduler import Failed, Scheduler
from fncall.server.service import Service
from fncall.server.stream import sse
from fncall.server.webchat import Toolset
from fncall.tools.spec import ToolSet

log = logging.getLogger("fncall.server")


def create_app(
    config: ServerConfig, engine: Engine | None = None, toolsets: Sequence[Toolset] = ()
) -> FastAPI:
    """The server's ASGI app.

    Args:
        config: Model, decoding, limits and protections.
        engine: An engine already loaded (tests, and the demo, share one between apps),
            used as ``config.caller`` says; by default ``config.caller`` loads its model now,
            so a bad set-up fails before the server listens.
        toolsets: Tool sets the web page offers and the server runs (an MCP server's
            tools), beside the demo sets.

    Raises:
        ConfigurationError, EngineError, UnknownDialectError: a model, dialect or setting
            that cannot be used.
    """
    caller = FunctionCaller.from_settings(config.caller, engine=engine)
    if engine is None and config.caller.model is None:
        served = config.served_model_name("fncall-house")
    else:
        served = config.served_model_name(caller.settings.model or "fncall")
    config = replace(config, model_name=served)
    scheduler = Scheduler(
        caller,
        max_batch=config.max_batch,
        max_queue=config.max_queue,
        max_prompt_tokens=config.max_prompt_tokens,
    )
    fingerprint = f"fncall-{fncall.__version__}-{caller.dialect.name}"
    service = Service(caller, scheduler, config, served, fingerprint)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await run_in_threadpool(scheduler.close)

    app = FastAPI(
        title="fncall",
        version=fncall.__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.config = config
    app.state.caller = caller
    app.state.scheduler = scheduler
    app.state.model_name = served
    app.state.service = service
    app.state.toolsets = dict(webchat.demo_toolsets())
    if config.library is not None:
        toolsets = [*toolsets, _library_toolset(config.library, config.caller.retrieve)]
        if config.caller.retrieve is not None:
            from fncall.retrieval import index_for

            # built (and a large library embedded) now, not during the first request
            index_for(config.library, config.caller.retrieval)  # type: ignore[arg-type]
    for toolset in toolsets:
        if toolset.id in app.state.toolsets:
            raise ConfigurationError(f"two tool sets have the id {toolset.id!r}")
        app.state.toolsets[toolset.id] = toolset
    app.state.responses = responses.ResponseStore()
    # Added innermost first: the access log sees every answer, 401s and 413s included; CORS
    # answers preflights before auth, and the browser guard refuses foreign pages first.
    app.add_middleware(
        BodyLimitMiddleware, limit=config.max_body_bytes, timeout=config.body_timeout
    )
    if config.api_key:
        app.add_middleware(AuthMiddleware, api_key=config.api_key)
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type"],
            max_age=600,
        )
    app.add_middleware(
        BrowserGuardMiddleware,
        allowed_hosts=config.allowed_hosts,
        cors_origins=config.cors_origins,
    )
    app.add_middleware(AccessLogMiddleware)
    _add_error_handlers(app)

    @app.get("/health")
    async def health() -> dict[str, Any]:
        """Liveness and load: always public."""
        return {
            "status": "ok",
            "model": served,
            "dialect": caller.dialect.name,
            "waiting": scheduler.waiting,
            "running": scheduler.running,
        }

    @app.get("/v1/models")
    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [_model_card(served)]}

    @app.get("/v1/models/{model_id:path}")
    async def model(model_id: str) -> dict[str, Any]:
        service.check_model(model_id)
        return _model_card(served)

    @app.post("/v1/chat/completions", openapi_extra=chat_completions_openapi())
    async def chat_completions(request: Request) -> Response:
        access: dict[str, Any] = request.state.access
        data = parse_json_body(await request.body())
        body = parse_request(data, config)
        service.check_model(body.model)
        submitted = await service.submit(body, access)
        if config.log_prompts:
            access["messages"] = data.get("messages")
        cid = f"chatcmpl-{request.state.request_id}"
        if submitted.prepared.stream:
            first = await submitted.ticket.next()
            if isinstance(first, Failed):
                raise error_for(first.error, first.stage, config.timeout)
            access["prompt_tokens"] = first.prompt_tokens
            return StreamingResponse(
                sse(
                    submitted.ticket,
                    submitted.prepared,
                    submitted.ready.dialect,
                    cid=cid,
                    model=served,
                    fingerprint=fingerprint,
                    timeout=config.timeout,
                    access=access,
                ),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
            )
        response, answer = await service.answer(submitted, access)
        body_out = completion_body(
            cid, served, answer, response, submitted.prepared.legacy, fingerprint
        )
        return JSONResponse(body_out)

    app.include_router(responses.router)
    app.include_router(completions.router)
    app.include_router(webchat.router)
    return app


def _model_card(name: str) -> dict[str, Any]:
    return {"id": name, "object": "model", "created": int(time.time()), "owned_by": "fncall"}


def _add_error_handlers(app: FastAPI) -> None:
    """OpenAI-shaped errors on ``/v1/*``; FastAPI's own elsewhere."""

    def shaped(request: Request, error: ApiError) -> JSONResponse:
        access = getattr(request.state, "access", None)
        if isinstance(access, dict):
            access["outcome"] = f"error:{error.code or error.type}"
        return JSONResponse(error.body(), status_code=error.status, headers=error.headers)

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return shaped(request, exc)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if not is_api_path(request.url.path):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=exc.headers)
        if exc.status_code == 404:
            message = f"Invalid URL ({request.method} {request.url.path})"
        elif exc.status_code == 405:
            message = f"Method {request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return shaped(request, ApiError(exc.status_code, message, code=None))

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {}
        param = ".".join(str(p) for p in first.get("loc", ())[1:]) or None
        message = f"Invalid request: {first.get('msg', 'malformed')}" + (
            f" ('{param}')" if param else ""
        )
        return shaped(request, ApiError(400, message, param=param))

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return shaped(
            request,
            ApiError(500, f"Internal server error ({type(exc).__name__}).", type="server_error"),
        )

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)


def _library_toolset(library: ToolSet, k: int | None) -> Toolset:
    """The server's library, as the page offers it (``k``: the tools a request is offered)."""
    offered = f"each message is offered the {k} that fit it best" if k else "all are offered"
    return Toolset(
        "library",
        "Server library",
        f"The server's library of {len(library)} tools; {offered}.",
        library,
        drawn=True,
    )
