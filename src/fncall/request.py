"""A request's vocabulary: what a caller is asked (:class:`CallRequest`) and which calls its
answer may make (:class:`ToolChoice`).

A ``tool_choice`` arrives in many forms (``"auto"``, a tool name, OpenAI's object, a
:class:`ToolChoice`); :func:`resolve_tool_choice` reads it once, where a request enters
(the server's translation, :meth:`fncall.FunctionCaller.prepare`), and everything after
passes the :class:`ToolChoice` on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from fncall.errors import ToolChoiceError
from fncall.tools.spec import ToolSet

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
