"""The web chat page of ``fncall serve``, and the small API it uses.

``GET /`` serves the page (plain HTML, CSS and JavaScript modules from ``static/``: no build
step, nothing fetched from elsewhere). The page talks to ``/v1/chat/completions`` like any
OpenAI client, and to these:

* ``GET /v1/fncall/toolsets``: the tool sets the server runs, as OpenAI tools: the demo
  sets that ship with fncall, and each MCP server's tools (``fncall serve --mcp``).
* ``POST /v1/fncall/execute``: run one call of such a tool, after validation, through
  :class:`fncall.calls.execute.Executor` (never ``eval``). The page asks the user before
  calling it, so a tool marked ``requires_approval`` counts as approved.
* ``GET /v1/fncall/info``: the served model's dialect, and how it renders a conversation
  with tool results (``conversation``).

Tools a user pastes into the page are never run by the server: the page asks the user for
their results.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response

from fncall.calls.call import ToolCall
from fncall.calls.execute import Executor, jsonable
from fncall.demo import everyday
from fncall.errors import (
    ArgumentTypeError,
    CallValidationError,
    ConstraintViolationError,
    EnumViolationError,
    MissingArgumentError,
    UnknownArgumentError,
    UnknownFunctionError,
)
from fncall.server.protocol import ApiError, parse_json_body
from fncall.tools.callables import tools_from_module
from fncall.tools.spec import ToolSet

STATIC = Path(__file__).parent / "static"
EXECUTE_TIMEOUT = 10.0
"""Seconds one demo tool call may run."""

_MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
# The page loads nothing from anywhere else, and nothing may frame it.
_PAGE_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
}

router = APIRouter()


@dataclass(frozen=True)
class Toolset:
    """A tool set the page offers: the demo sets that ship with fncall (offline
    implementations), the tools of the MCP servers ``fncall serve --mcp`` connects to, and
    the server's library (``fncall serve --tools``).

    Attributes:
        id: What requests name it by.
        name: A title for people.
        description: What it is for.
        tools: The tools; the server runs them where each has its Python implementation.
        drawn: The server's library: the page sends no ``tools`` and the server offers
            each request those of the library that fit it.
    """

    id: str
    name: str
    description: str
    tools: ToolSet
    drawn: bool = False

    @property
    def executable(self) -> bool:
        """Whether the server can run every tool of the set (else the user gives results)."""
        return all(tool.func is not None for tool in self.tools.tools)

    def to_dict(self) -> dict[str, Any]:
        """The JSON ``/v1/fncall/toolsets`` lists."""
        return {
            "id": self.id,
            "object": "fncall.toolset",
            "name": self.name,
            "description": self.description,
            "executable": self.executable,
            "drawn": self.drawn,
            "tools": [tool.to_openai() for tool in self.tools.tools],
        }


@cache
def demo_toolsets() -> dict[str, Toolset]:
    """The shipped demo tool sets, by id."""
    sets = [
        Toolset(
            "everyday",
            "Everyday (demo)",
            "Weather, coordinates, currency conversion, a thermostat and e-mail, with fixed "
            "offline data (weather for Seattle, Paris, Tokyo and Cairo; USD, EUR, GBP, JPY "
            "and CHF rates).",
            ToolSet(tools_from_module(everyday)),
        )
    ]
    return {s.id: s for s in sets}


# --- the page ----------------------------------------------------------------------------


def _asset(name: str) -> Response:
    path = STATIC / name
    media_type = _MEDIA_TYPES.get(path.suffix)
    # Only plain files of the static folder, by exact name: no paths, no hidden files.
    if media_type is None or "/" in name or name.startswith(".") or not path.is_file():
        return JSONResponse({"detail": "Not Found"}, status_code=404)
    return FileResponse(path, media_type=media_type, headers=_PAGE_HEADERS)


@router.get("/", include_in_schema=False)
def page() -> Response:
    """The web chat page."""
    return _asset("index.html")


@router.get("/webchat/{name}", include_in_schema=False)
def asset(name: str) -> Response:
    """One of the page's scripts or style sheets."""
    return _asset(name)


# --- the API the page uses -----------------------------------------------------------------


@router.get("/v1/fncall/toolsets")
def list_toolsets(request: Request) -> dict[str, Any]:
    """The tool sets the server runs, each with an id, a name, a description and its OpenAI
    tools."""
    toolsets: dict[str, Toolset] = request.app.state.toolsets
    return {"object": "list", "data": [s.to_dict() for s in toolsets.values()]}


@router.get("/v1/fncall/info")
def info(request: Request) -> dict[str, Any]:
    """What the page needs to know about the served model: its id, its dialect, and how a
    conversation with tool results is rendered (``conversation``: ``native`` where the
    dialect has places for turns, ``in <dialect>`` where the model has a conversation
    dialect, else ``folded into the query``)."""
    caller = request.app.state.caller
    dialect = caller.dialect
    if dialect.multi_turn:
        conversation = "native"
    elif caller.conversation_dialect is not None:
        conversation = f"in {caller.conversation_dialect.name}"
    else:
        conversation = "folded into the query"
    return {
        "object": "fncall.info",
        "model": request.app.state.model_name,
        "dialect": dialect.name,
        "conversation": conversation,
        "supports_parallel": dialect.supports_parallel,
    }


_VALIDATION_CODES: list[tuple[type[CallValidationError], str]] = [
    (UnknownFunctionError, "tool_not_found"),
    (MissingArgumentError, "missing_argument"),
    (UnknownArgumentError, "unknown_argument"),
    (ArgumentTypeError, "invalid_type"),
    (EnumViolationError, "invalid_value"),
    (ConstraintViolationError, "constraint_violation"),
]


@router.post("/v1/fncall/execute")
async def execute(request: Request) -> dict[str, Any]:
    """Run one call of a tool of the server's tool sets.

    The body is ``{"toolset": "everyday", "name": "get_weather", "arguments": {...}}``;
    ``arguments`` may also be the JSON string of an OpenAI ``tool_call``, and ``toolset``
    defaults to ``everyday``. A call that ran answers ``200`` with ``ok`` and ``result``;
    one whose tool raised or timed out answers ``200`` with ``ok: false`` and ``error`` (an
    outcome the model should see). ``content`` is the text for the ``tool`` message either
    way.

    Raises:
        ApiError: an unknown tool set or tool (404), or a body or arguments that do not fit
            the tool's schema (400), naming the parameter.
    """
    body = parse_json_body(await request.body())
    demo = _toolset(request.app.state.toolsets, body.get("toolset", "everyday"))
    name = body.get("name")
    if not isinstance(name, str) or not name:
        raise ApiError(400, "'name' is required: the name of the tool to call.", param="name")
    if not demo.executable:
        raise ApiError(
            400,
            f"The server has no implementation of the {demo.id} tool set's tools; give "
            "their results yourself.",
            param="toolset",
            code="toolset_not_executable",
        )
    if name not in demo.tools:
        raise ApiError(
            404,
            f"The {demo.id} tool set has no tool {name!r}; its tools: {', '.join(demo.tools)}.",
            param="name",
            code="tool_not_found",
        )
    arguments = _arguments(body.get("arguments", {}))
    # The user approved this call in the page: that is the approval a tool may require.
    executor = Executor(demo.tools, timeout=EXECUTE_TIMEOUT, approve=lambda call, tool: True)
    result = await run_in_threadpool(executor.run_one, ToolCall(name, arguments))
    if isinstance(result.error, CallValidationError):
        error = result.error
        param = f"arguments.{error.argument}" if error.argument else "arguments"
        raise ApiError(400, str(error), param=param, code=_validation_code(error))
    out: dict[str, Any] = {
        "object": "fncall.tool_result",
        "toolset": demo.id,
        "name": name,
        "arguments": result.call.to_dict()["arguments"],
        "ok": result.ok,
    }
    if result.error is None:
        value = jsonable(result.value)
        out["result"] = value
        out["content"] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    else:
        message = str(result.error)
        out["error"] = {"type": type(result.error).__name__, "message": message}
        out["content"] = json.dumps({"error": message}, ensure_ascii=False)
    return out


def _toolset(toolsets: dict[str, Toolset], toolset_id: Any) -> Toolset:
    demo = toolsets.get(toolset_id) if isinstance(toolset_id, str) else None
    if demo is None:
        raise ApiError(
            404,
            f"There is no tool set {toolset_id!r} (the server runs only its own tool sets: "
            f"{', '.join(toolsets)}); give the results of other tools yourself.",
            param="toolset",
            code="toolset_not_found",
        )
    return demo


def _validation_code(error: CallValidationError) -> str:
    return next((code for kind, code in _VALIDATION_CODES if isinstance(error, kind)), "invalid")


def _arguments(value: Any) -> dict[str, Any]:
    """The call's arguments as an object (OpenAI sends them as a JSON string)."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else {}
        except json.JSONDecodeError as exc:
            raise ApiError(
                400,
                f"'arguments' is a string but not valid JSON: {exc}.",
                param="arguments",
                code="invalid_arguments",
            ) from None
    if not isinstance(value, dict):
        raise ApiError(
            400,
            f"'arguments' must be a JSON object, not {_json_kind(value)}.",
            param="arguments",
            code="invalid_arguments",
        )
    return value


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return kinds.get(type(value), "a number")
