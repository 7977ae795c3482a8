"""OpenAI chat requests to :class:`~fncall.request.CallRequest` (answers go back through
:mod:`fncall.server.answers`).

The translation refuses what it cannot carry over faithfully rather than dropping it: a
tool result that answers no call, a ``tool_choice`` naming a tool that is not
offered. Each refusal is a 400 naming the field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fncall.dialects.base import Message
from fncall.errors import (
    DuplicateToolError,
    FncallError,
    ResponseFormatError,
    ToolChoiceError,
    ToolDefinitionError,
)
from fncall.request import (
    CallRequest,
    ResponseFormat,
    ToolChoice,
    ToolChoiceLike,
    resolve_response_format,
    resolve_tool_choice,
)
from fncall.server.config import ServerConfig
from fncall.server.protocol import (
    ApiError,
    AssistantMessage,
    ChatCompletionRequest,
    FunctionMessage,
    SystemMessage,
    ToolMessage,
    UserMessage,
)
from fncall.tools import tool_from_json
from fncall.tools.schema import data_size
from fncall.tools.spec import Tool, ToolSet

MAX_STOPS = 4
MAX_STOP_CHARS = 256


@dataclass(frozen=True)
class Prepared:
    """A chat request in fncall's terms.

    Attributes:
        call: What the caller runs (without a text listener; the scheduler adds one for
            streams).
        tools: The offered tools.
        stops: The client's stop strings: content ends before the first.
        legacy: The request used ``functions``: answer with ``function_call``.
        stream: Answer with server-sent events.
        include_usage: Streams end with a usage chunk (``stream_options``).
    """

    call: CallRequest
    tools: ToolSet
    stops: tuple[str, ...]
    legacy: bool
    stream: bool
    include_usage: bool


def prepare(body: ChatCompletionRequest, config: ServerConfig) -> Prepared:
    """Translate a checked request.

    Raises:
        ApiError: 400 naming what cannot be served.
    """
    if body.n not in (None, 1):
        raise ApiError(
            400,
            f"n={body.n} is not supported: fncall serve returns one choice per request "
            "(send n separate requests, each with its own seed).",
            param="n",
            code="unsupported_value",
        )
    if body.stream_options is not None and not body.stream:
        raise ApiError(
            400, "stream_options is only allowed when stream is true.", param="stream_options"
        )
    tools, legacy = _tools(body, config.max_tool_chars, config.library)
    choice = _tool_choice(body, tools, legacy)
    messages = _messages(body)
    max_tokens = _max_tokens(body, config)
    stops = stops_of(body.stop)
    call = CallRequest(
        messages,
        tools=tools,
        tool_choice=choice,
        response_format=_response_format(body, config.max_tool_chars),
        parallel=choice.parallel,
        seed=body.seed,
        max_tokens=max_tokens,
        temperature=body.temperature,  # None: the server's default (config.caller)
        top_p=body.top_p,
        # Where no call may be made, a stop string can end generation itself; elsewhere it
        # could cut a call in half, so it only ends the content (see answers.answer_of).
        stop=stops if not choice.allows_calls else (),
    )
    include_usage = bool(body.stream_options and body.stream_options.include_usage)
    return Prepared(call, tools, stops, legacy, bool(body.stream), include_usage)


def _response_format(body: ChatCompletionRequest, max_chars: int) -> ResponseFormat | None:
    if body.response_format is None:
        return None
    if data_size(body.response_format, max_chars) > max_chars:
        raise ApiError(
            400,
            f"response_format is over this server's limit of {max_chars:,} characters.",
            param="response_format",
            code="response_format_too_large",
        )
    try:
        return resolve_response_format(body.response_format)
    except ResponseFormatError as exc:
        raise ApiError(
            400, str(exc), param=f"response_format.{exc.field}", code="invalid_response_format"
        ) from None


def _tools(
    body: ChatCompletionRequest, max_chars: int, library: ToolSet | None
) -> tuple[ToolSet, bool]:
    """The offered tools (the server's library for a request that brings none), and
    whether they came as legacy ``functions``."""
    if body.tools is not None and body.functions is not None:
        raise ApiError(
            400,
            "Give 'tools' or the legacy 'functions', not both.",
            param="functions",
        )
    legacy = body.functions is not None
    if library is not None and body.tools is None and not legacy:
        return library, False
    functions = body.functions if legacy else [t.function for t in body.tools or ()]
    key = "functions[{}]" if legacy else "tools[{}].function"
    out: list[Tool] = []
    chars = 0
    for i, function in enumerate(functions or ()):
        where = key.format(i)
        item = {"type": "function", "function": function.model_dump(exclude_none=True)}
        try:
            out.append(tool_from_json(item, i))
        except ToolDefinitionError as exc:
            raise ApiError(
                400,
                f"Invalid tool {where} ({exc.tool}): '{exc.field}' {exc.reason}.",
                param=f"{where}.{exc.field}",
                code="invalid_tool",
            ) from None
        except FncallError as exc:
            raise ApiError(
                400, f"Invalid tool {where}: {exc}", param=where, code="invalid_tool"
            ) from None
        # $ref inlining can make a short definition long: count what the tools became
        tool = out[-1]
        chars += len(tool.description) + data_size(tool.parameters, max_chars - chars)
        if chars > max_chars:
            raise ApiError(
                400,
                f"The tools up to {where} ({tool.name}) come to more than {max_chars:,} "
                "characters once their $ref pointers are inlined; this server accepts at most "
                f"{max_chars:,}.",
                param=where,
                code="invalid_tool",
            )
    try:
        return ToolSet(out), legacy
    except DuplicateToolError as exc:
        raise ApiError(
            400,
            f"Two tools are named {exc.tool!r}; tool names must be unique.",
            param="functions" if legacy else "tools",
            code="invalid_tool",
        ) from None


def _tool_choice(body: ChatCompletionRequest, tools: ToolSet, legacy: bool) -> ToolChoice:
    """The request's ``tool_choice`` (or legacy ``function_call``), resolved (a name given
    as an object stays a name: a tool may be called ``auto``)."""
    if body.function_call is not None and not legacy:
        raise ApiError(400, "'function_call' needs 'functions'.", param="function_call")
    if legacy and body.tool_choice is not None:
        raise ApiError(
            400,
            "'tool_choice' applies to 'tools'; legacy 'functions' take 'function_call'.",
            param="tool_choice",
        )
    if legacy and body.parallel_tool_calls is not None:
        raise ApiError(
            400,
            "'parallel_tool_calls' applies to 'tools'; legacy 'functions' make one call.",
            param="parallel_tool_calls",
        )
    given = body.function_call if legacy else body.tool_choice
    param = "function_call" if legacy else "tool_choice"
    parallel = not legacy and body.parallel_tool_calls is not False
    choice: ToolChoiceLike = given
    if given is not None and not isinstance(given, str):
        name = given.function.name if hasattr(given, "function") else given.name
        choice = ToolChoice("function", name, parallel=parallel)
    try:
        return resolve_tool_choice(choice, tools, parallel)
    except ToolChoiceError as exc:
        raise ApiError(
            400, f"Invalid '{param}': {exc}.", param=param, code="invalid_tool_choice"
        ) from None


def _messages(body: ChatCompletionRequest) -> list[Message]:
    out: list[Message] = []
    waiting: dict[str, str] = {}  # call id -> function name, for calls not yet answered
    for i, message in enumerate(body.messages):
        where = f"messages[{i}]"
        if isinstance(message, SystemMessage | UserMessage):
            _no_name(message.name, where)
            role = "user" if isinstance(message, UserMessage) else "system"
            _answered(waiting, where)
            out.append({"role": role, "content": _text(message.content, where)})
        elif isinstance(message, AssistantMessage):
            _answered(waiting, where)
            out.append(_assistant(message, where, waiting))
        elif isinstance(message, ToolMessage):
            if message.tool_call_id not in waiting:
                raise ApiError(
                    400,
                    f"{where} answers tool call {message.tool_call_id!r}, which no earlier "
                    "assistant message made (or which is already answered).",
                    param=f"{where}.tool_call_id",
                    code="invalid_tool_call_id",
                )
            name = waiting.pop(message.tool_call_id)
            if message.name is not None and message.name != name:
                raise ApiError(
                    400,
                    f"{where}.name is {message.name!r}, but call {message.tool_call_id!r} "
                    f"called {name!r}.",
                    param=f"{where}.name",
                )
            content = _text(message.content, where)
            out.append(
                {
                    "role": "tool",
                    "tool_call_id": message.tool_call_id,
                    "name": name,
                    "content": content,
                }
            )
        elif isinstance(message, FunctionMessage):
            key = f"function:{message.name}"
            if key not in waiting:
                raise ApiError(
                    400,
                    f"{where} gives the result of {message.name!r}, which the preceding "
                    "assistant message did not call.",
                    param=f"{where}.name",
                )
            waiting.pop(key)
            out.append({"role": "tool", "name": message.name, "content": message.content or ""})
    _answered(waiting, "the end of the conversation")
    return out


def _assistant(message: AssistantMessage, where: str, waiting: dict[str, str]) -> Message:
    if message.name is not None:
        _no_name(message.name, where)
    if message.refusal:
        raise ApiError(
            400, f"{where}.refusal cannot be rendered for the model.", param=f"{where}.refusal"
        )
    content = _text(message.content, where) if message.content is not None else ""
    if message.tool_calls and message.function_call:
        raise ApiError(
            400, f"{where} has both tool_calls and function_call.", param=f"{where}.function_call"
        )
    calls: list[dict[str, Any]] = []
    for j, call in enumerate(message.tool_calls or ()):
        arguments = _arguments(call.function.arguments, f"{where}.tool_calls[{j}].function")
        if call.id in waiting:
            raise ApiError(
                400, f"Tool call id {call.id!r} repeats.", param=f"{where}.tool_calls[{j}].id"
            )
        waiting[call.id] = call.function.name
        calls.append(
            {
                "id": call.id,
                "type": "function",
                "function": {"name": call.function.name, "arguments": arguments},
            }
        )
    if message.function_call is not None:
        function = message.function_call
        arguments = _arguments(function.arguments, f"{where}.function_call")
        waiting[f"function:{function.name}"] = function.name
        calls.append(
            {"type": "function", "function": {"name": function.name, "arguments": arguments}}
        )
    if calls:
        return {"role": "assistant", "content": content or None, "tool_calls": calls}
    return {"role": "assistant", "content": content}


def _answered(waiting: dict[str, str], where: str) -> None:
    if waiting:
        ids = ", ".join(k.removeprefix("function:") for k in waiting)
        raise ApiError(
            400,
            "An assistant message with tool calls must be followed by tool messages answering "
            f"each call; no answer before {where} for: {ids}.",
            param="messages",
            code="missing_tool_result",
        )


def _no_name(name: str | None, where: str) -> None:
    if name is not None:
        raise ApiError(
            400,
            f"{where}.name is not supported: the dialects have no place for participant names.",
            param=f"{where}.name",
            code="unsupported_parameter",
        )


def _text(content: str | list[dict[str, Any]], where: str) -> str:
    """A message's text: a string, or text parts joined by newlines."""
    if isinstance(content, str):
        return content
    texts = []
    for j, part in enumerate(content):
        kind = part.get("type") if isinstance(part, dict) else None
        if kind != "text" or not isinstance(part.get("text"), str) or set(part) - {"type", "text"}:
            raise ApiError(
                400,
                f"{where}.content[{j}] is not a text part ({{'type': 'text', 'text': ...}}); "
                f"fncall models read text only (got type {kind!r}).",
                param=f"{where}.content[{j}]",
                code="unsupported_content",
            )
        texts.append(part["text"])
    return "\n".join(texts)


def _arguments(text: str, where: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise ApiError(
            400,
            f'{where}.arguments must be a JSON object in a string, such as \'{{"city": '
            f'"Paris"}}\' (got {text[:60]!r}).',
            param=f"{where}.arguments",
        )
    return value


def _max_tokens(body: ChatCompletionRequest, config: ServerConfig) -> int:
    given = [
        (k, v)
        for k, v in (
            ("max_completion_tokens", body.max_completion_tokens),
            ("max_tokens", body.max_tokens),
        )
        if v is not None
    ]
    if len(given) == 2 and given[0][1] != given[1][1]:
        raise ApiError(
            400,
            "max_tokens and max_completion_tokens differ; give one of them.",
            param="max_tokens",
        )
    if not given:
        return config.caller.max_tokens
    return within_limit(*given[0], config)


def within_limit(key: str, value: int, config: ServerConfig) -> int:
    """``value`` of the field ``key``, a number of tokens to generate, if the server allows
    that many.

    Raises:
        ApiError: 400 ``max_tokens_too_large``.
    """
    if value > config.max_tokens_limit:
        raise ApiError(
            400,
            f"{key}={value} is more than this server allows ({config.max_tokens_limit}).",
            param=key,
            code="max_tokens_too_large",
        )
    return value


def stops_of(stop: str | list[str] | None) -> tuple[str, ...]:
    """A request's ``stop`` strings, checked.

    Raises:
        ApiError: 400 naming ``stop`` for too many or empty or too long strings.
    """
    stops = [stop] if isinstance(stop, str) else list(stop or ())
    if len(stops) > MAX_STOPS:
        raise ApiError(400, f"stop has {len(stops)} strings; at most {MAX_STOPS}.", param="stop")
    for s in stops:
        if not s or len(s) > MAX_STOP_CHARS:
            raise ApiError(
                400, f"Each stop string must have 1 to {MAX_STOP_CHARS} characters.", param="stop"
            )
    return tuple(stops)
