"""A request's vocabulary: what a caller is asked (:class:`CallRequest`), which calls its
answer may make (:class:`ToolChoice`) and what shape a plain answer must have
(:class:`ResponseFormat`).

A ``tool_choice`` arrives in many forms (``"auto"``, a tool name, OpenAI's object, a
:class:`ToolChoice`); :func:`resolve_tool_choice` reads it once, where a request enters
(the server's translation, :meth:`fncall.FunctionCaller.prepare`), and everything after
passes the :class:`ToolChoice` on.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from fncall.errors import ResponseFormatError, ToolChoiceError, ToolDefinitionError
from fncall.tools.spec import Tool, ToolSet

if TYPE_CHECKING:
    from fncall.dialects import Message
    from fncall.tools import ToolLike

Mode = Literal["auto", "none", "required", "function"]
_MODES = ("auto", "none", "required")


@dataclass(frozen=True)
class ToolChoice:
    """What the answer may be.

    Attributes:
        mode: ``auto`` (a plain answer or calls), ``none`` (a plain answer only),
            ``required`` (one or more calls), ``function`` (a call of ``function``).
        function: The one tool to call in ``function`` mode.
        parallel: Whether one answer may hold several calls (OpenAI's
            ``parallel_tool_calls``); a named function is always called once.
    """

    mode: Mode = "auto"
    function: str | None = None
    parallel: bool = True

    @property
    def allows_text(self) -> bool:
        return self.mode in ("auto", "none")

    @property
    def allows_calls(self) -> bool:
        return self.mode != "none"

    @property
    def max_calls(self) -> int | None:
        """1 when only one call may be made, else ``None`` (the dialect's own bound)."""
        return None if self.parallel and self.mode != "function" else 1

    def callable_tools(self, tools: ToolSet) -> list[str]:
        """Names of the tools a call may name."""
        if self.mode == "function":
            return [self.function] if self.function else []
        return list(tools) if self.allows_calls else []


ToolChoiceLike: TypeAlias = "ToolChoice | str | Mapping[str, Any] | None"
"""The forms a ``tool_choice`` is given in (``None``: ``auto`` with tools, else ``none``)."""


def resolve_tool_choice(
    choice: ToolChoiceLike, tools: ToolSet, parallel: bool = True
) -> ToolChoice:
    """Read a ``tool_choice`` given as ``"auto"``, ``"none"``, ``"required"``, a tool name,
    OpenAI's ``{"type": "function", "function": {"name": ...}}`` or a :class:`ToolChoice`,
    and check it against the offered tools. ``parallel=False`` holds whatever the choice
    says (a :class:`ToolChoice` that allows parallel calls is narrowed, never widened).

    Raises:
        ToolChoiceError: an unknown mode, a tool that is not offered, or calls required
            with no tools offered.
    """
    if isinstance(choice, ToolChoice):
        resolved = replace(choice, parallel=choice.parallel and parallel)
    elif choice is None:
        resolved = ToolChoice("auto" if tools else "none", parallel=parallel)
    elif isinstance(choice, str) and choice in _MODES:
        resolved = ToolChoice(choice, parallel=parallel)  # type: ignore[arg-type]
    elif isinstance(choice, str):
        resolved = ToolChoice("function", choice, parallel=parallel)
    elif isinstance(choice, dict):
        function = choice.get("function")
        name = function.get("name") if isinstance(function, dict) else choice.get("name")
        if choice.get("type", "function") != "function" or not isinstance(name, str):
            raise ToolChoiceError(
                'a tool_choice object must be {"type": "function", "function": {"name": ...}}'
            )
        resolved = ToolChoice("function", name, parallel=parallel)
    else:
        raise ToolChoiceError(
            f"tool_choice must be 'auto', 'none', 'required' or a tool name, got {choice!r}"
        )
    if resolved.mode not in (*_MODES, "function"):
        raise ToolChoiceError(f"unknown tool_choice mode {resolved.mode!r}")
    if resolved.mode == "function" and resolved.function not in tools:
        offered = ", ".join(tools) or "none"
        raise ToolChoiceError(
            f"tool_choice names {resolved.function!r}, which is not offered (offered: {offered})"
        )
    if resolved.mode == "required" and not tools:
        raise ToolChoiceError("tool_choice 'required' needs at least one tool")
    if resolved.mode == "auto" and not tools:
        return ToolChoice("none", parallel=resolved.parallel)
    return resolved


@dataclass(frozen=True)
class CallRequest:
    """One request for :meth:`FunctionCaller.run`.

    Attributes:
        query: The user's request, or OpenAI-style messages.
        tools: The tools offered for this request (any form :func:`fncall.tools.toolset`
            takes); ``None`` offers the caller's tools.
        tool_choice: As in :meth:`FunctionCaller.call`.
        parallel: Whether several calls may be made in one answer.
        seed: This request's sampling seed, overriding the batch's, so its output does not
            depend on what it is batched with.
        max_tokens, temperature, top_p: This request's sampling, overriding the batch's
            (a server's clients each ask for their own).
        stop: Stop strings added to the dialect's for this request (a call cut by one is
            reported as truncated, so a server adds them only where no call may be made).
        on_text: Hears the output as it is generated (see
            :attr:`fncall.engines.base.GenerationRequest.on_text`); with ``retries``, each
            attempt's text in turn.
        cancelled: Polled while generating; true ends the generation early (see
            :attr:`fncall.engines.base.GenerationRequest.cancelled`).
        response_format: The shape a plain answer must have, in any form
            :func:`resolve_response_format` reads (``None``: free text).
    """

    query: str | Sequence[Message]
    tools: ToolSet | Iterable[ToolLike] | None = None
    tool_choice: ToolChoiceLike = None
    parallel: bool = True
    seed: int | None = None
    max_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    stop: tuple[str, ...] = ()
    on_text: Callable[[str], None] | None = field(default=None, compare=False, repr=False)
    cancelled: Callable[[], bool] | None = field(default=None, compare=False, repr=False)
    response_format: ResponseFormatLike = None


@dataclass(frozen=True, eq=False)
class ResponseFormat:
    """What a plain answer must be: a JSON object, matching ``schema`` where one is given
    (OpenAI's ``json_object`` and ``json_schema``). The grammar holds the answer to it; the
    answer is parsed and validated like a call's arguments either way.

    Attributes:
        schema: A JSON Schema of an object, or ``None`` for any JSON object. Checked and
            bounded like a tool's parameters; declared properties are closed unless
            ``additionalProperties`` says otherwise.
        name: The schema's name (OpenAI's ``json_schema.name``).
        strict: OpenAI's ``strict`` flag (fncall holds every answer to the schema).
        description: What the answer is for (OpenAI's ``json_schema.description``), kept
            as the description of :attr:`tool`.
        model: The pydantic model class it came from: the parsed answer is its instance.

    Raises:
        ResponseFormatError: a schema that does not describe a JSON object, or that a
            tool's parameters could not be.
    """

    schema: Mapping[str, Any] | None = None
    name: str = "response"
    strict: bool = False
    model: type | None = None
    description: str = ""

    def __post_init__(self) -> None:
        parameters = {"type": "object"} if self.schema is None else dict(self.schema)
        if parameters.get("type") != "object":
            raise ResponseFormatError(
                "json_schema.schema.type", "must be 'object': an answer is a JSON object"
            )
        try:
            tool = Tool("response_format", self.description, parameters, strict=self.strict)
        except ToolDefinitionError as exc:
            field = exc.field.replace("parameters", "json_schema.schema", 1)
            raise ResponseFormatError(field, exc.reason) from None
        object.__setattr__(self, "tool", tool)

    tool: Tool = field(init=False, repr=False)
    """The schema as a tool's parameters: what the answer is validated against."""

    @property
    def key(self) -> str:
        """The schema as canonical text (what a compiled grammar depends on)."""
        return json.dumps(self.tool.parameters, sort_keys=True, default=str)


ResponseFormatLike: TypeAlias = "ResponseFormat | Mapping[str, Any] | type | None"
"""The forms a ``response_format`` is given in: a :class:`ResponseFormat`, OpenAI's
``{"type": "text" | "json_object" | "json_schema", ...}``, a JSON Schema of an object, or a
pydantic model class; ``None`` is free text."""


def resolve_response_format(value: ResponseFormatLike) -> ResponseFormat | None:
    """Read a ``response_format`` in any of its forms (``None`` for free text).

    Raises:
        ResponseFormatError: an unknown type, a missing or malformed schema.
    """
    if value is None or isinstance(value, ResponseFormat):
        return value
    if isinstance(value, type):
        from fncall.tools.objects import library_of, tool_from_object

        if library_of(value) != "pydantic":
            raise ResponseFormatError("type", f"{value.__name__} is not a pydantic model class")
        made = tool_from_object(value)
        return ResponseFormat(made.parameters, value.__name__, strict=True, model=value)
    if not isinstance(value, Mapping):
        raise ResponseFormatError("type", f"must be an object, not {type(value).__name__}")
    kind = value.get("type")
    if kind == "text":
        return None
    if kind == "json_object":
        return ResponseFormat()
    if kind == "object":  # a bare JSON Schema
        return ResponseFormat(value)
    if kind != "json_schema":
        raise ResponseFormatError(
            "type", f"must be 'text', 'json_object' or 'json_schema', not {kind!r}"
        )
    spec = value.get("json_schema")
    if not isinstance(spec, Mapping):
        raise ResponseFormatError("json_schema", "must be an object with a 'schema'")
    schema = spec.get("schema")
    if not isinstance(schema, Mapping):
        raise ResponseFormatError("json_schema.schema", "must be a JSON Schema object")
    unknown = sorted(set(spec) - {"name", "schema", "strict", "description"})
    if unknown:
        raise ResponseFormatError(f"json_schema.{unknown[0]}", "is not a field of json_schema")
    name = spec.get("name", "response")
    strict = spec.get("strict") or False
    description = spec.get("description") or ""
    if not all(isinstance(v, str) for v in (name, description)) or not isinstance(strict, bool):
        raise ResponseFormatError(
            "json_schema", "name and description must be strings and strict a boolean"
        )
    return ResponseFormat(schema, name, strict, description=description)
