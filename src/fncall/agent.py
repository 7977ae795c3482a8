"""The agent loop: the model calls tools, fncall runs them, the results go back, the model
answers.

One step is one generation. A step that makes calls is followed by their execution
(validated first, approval asked for tools that need it, each call under the caller's
timeout) and their results become ``tool`` messages; a step that answers in text ends the
run. ``max_steps`` bounds the generations, so a model that keeps calling cannot loop
forever. Every stage is an event, yielded as it happens by :meth:`Agent.events`;
:meth:`Agent.run` collects them.

The conversation is kept as OpenAI-shaped messages (``assistant`` with ``tool_calls``,
``tool`` with ``tool_call_id``), so a run can be continued with more user turns, or sent to
any OpenAI-compatible server as it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from fncall.calls.call import ToolCall
from fncall.calls.execute import CallResult, Executor, jsonable
from fncall.dialects import Message
from fncall.errors import ApprovalDeniedError, ConfigurationError, FncallError
from fncall.request import ToolChoiceLike
from fncall.tools.spec import Tool

if TYPE_CHECKING:
    from fncall.caller import FunctionCaller

__all__ = [
    "MAX_RESULT_CHARS",
    "Agent",
    "AgentEvent",
    "AgentRun",
    "Answered",
    "CallsMade",
    "Stopped",
    "ToolResult",
    "result_content",
]

MAX_RESULT_CHARS = 16_000
"""A tool result longer than this is cut (saying how much was cut) before the model reads
it: one verbose tool must not push the conversation out of the model's context."""


@dataclass(frozen=True)
class CallsMade:
    """The model called tools (validated calls, with the ids their results answer)."""

    step: int
    calls: tuple[ToolCall, ...]
    ids: tuple[str, ...]


@dataclass(frozen=True)
class ToolResult:
    """One call ran, or could not run.

    Attributes:
        approval: ``approved`` or ``rejected`` where the tool needs approval, else
            ``not needed``.
        content: What the model reads: the value (text as it is, anything else as JSON)
            or ``{"error": ...}``.
    """

    step: int
    call_id: str
    result: CallResult
    approval: Literal["approved", "rejected", "not needed"]
    content: str


@dataclass(frozen=True)
class Answered:
    """The model answered in text: the run is done."""

    step: int
    text: str


@dataclass(frozen=True)
class Stopped:
    """The run ended without an answer: an unusable output (``error``) or ``max_steps``."""

    step: int
    reason: Literal["error", "max_steps"]
    message: str
    error: FncallError | None = field(default=None, compare=False)


AgentEvent = CallsMade | ToolResult | Answered | Stopped


@dataclass
class AgentRun:
    """A conversation as a run leaves it: the messages with every call, result and answer
    added, the events, and the answer (``None`` where it stopped without one). A terminal
    chat keeps one across turns: append the user's message, then go on with
    :meth:`Agent.steps`."""

    messages: list[Message]
    events: list[AgentEvent] = field(default_factory=list)

    def add(self, event: AgentEvent) -> None:
        """Record an event, and the message it adds to the conversation."""
        self.events.append(event)
        if isinstance(event, CallsMade):
            self.messages.append(_assistant_turn(event.calls, event.ids))
        elif isinstance(event, ToolResult):
            self.messages.append(
                {
                    "role": "tool",
                    "tool_call_id": event.call_id,
                    "name": event.result.call.name,
                    "content": event.content,
                }
            )
        elif isinstance(event, Answered):
            self.messages.append({"role": "assistant", "content": event.text})

    @property
    def answer(self) -> str | None:
        """The model's final text, if it gave one."""
        last = self.events[-1] if self.events else None
        return last.text if isinstance(last, Answered) else None

    @property
    def stopped(self) -> Stopped | None:
        """Why the run ended without an answer, if it did."""
        last = self.events[-1] if self.events else None
        return last if isinstance(last, Stopped) else None

    @property
    def results(self) -> list[ToolResult]:
        """Every tool result, in order."""
        return [e for e in self.events if isinstance(e, ToolResult)]


class Agent:
    """Runs a conversation to an answer with one :class:`~fncall.FunctionCaller`: its model,
    tools, functions, approval callback and timeout.

    Args:
        caller: The model and tools (``functions``, ``approve`` and ``timeout`` as given to
            it decide how calls run).
        max_steps: Generations at most (calls and the answer together).
    """

    def __init__(self, caller: FunctionCaller, *, max_steps: int = 6) -> None:
        if not isinstance(max_steps, int) or max_steps < 1:
            raise ConfigurationError(f"max_steps must be 1 or more, got {max_steps!r}")
        self.caller = caller
        self.max_steps = max_steps

    def run(
        self, messages: str | Sequence[Message], *, tool_choice: ToolChoiceLike = None
    ) -> AgentRun:
        """Run to an answer (or a stop) and return everything that happened.

        Args:
            messages: The user's request, or a conversation ending with the turn to answer.
            tool_choice: For the first step; later steps are ``auto``, so the model can
                answer from the results.

        Raises:
            ToolChoiceError, PromptError, GrammarError, EngineError: a bad request.
        """
        run = AgentRun(_messages(messages))
        for _ in self.steps(run, tool_choice=tool_choice):
            pass
        return run

    def events(
        self, messages: str | Sequence[Message], *, tool_choice: ToolChoiceLike = None
    ) -> Iterator[AgentEvent]:
        """The run's events as they happen (what :meth:`run` collects); ``messages`` is not
        changed."""
        return self.steps(AgentRun(_messages(messages)), tool_choice=tool_choice)

    def steps(self, run: AgentRun, *, tool_choice: ToolChoiceLike = None) -> Iterator[AgentEvent]:
        """Go on with ``run`` (its messages ending with the turn to answer): each event is
        added to it (:meth:`AgentRun.add`) as it happens, then yielded. A terminal chat
        keeps one run over its turns this way."""
        choice = tool_choice
        for step in range(1, self.max_steps + 1):
            response = self.caller.call(run.messages, tool_choice=choice)
            choice = None
            if response.error is not None:
                yield _added(run, Stopped(step, "error", str(response.error), response.error))
                return
            if not response.calls:
                yield _added(run, Answered(step, response.text))
                return
            # ids unique in the conversation, earlier runs' calls included
            made = sum(len(m.get("tool_calls") or ()) for m in run.messages)
            ids = tuple(f"call_{made + i + 1}" for i in range(len(response.calls)))
            yield _added(run, CallsMade(step, tuple(response.calls), ids))
            for call, call_id in zip(response.calls, ids, strict=True):
                yield _added(run, self._execute(step, call, call_id))
        stopped = f"no answer after {self.max_steps} steps (raise max_steps to let it go on)"
        yield _added(run, Stopped(self.max_steps, "max_steps", stopped))

    def _execute(self, step: int, call: ToolCall, call_id: str) -> ToolResult:
        decisions: list[bool] = []
        own = self.caller.executor

        def approve(asked: ToolCall, tool: Tool) -> bool:
            decided = own.approve is not None and own.approve(asked, tool) is True
            decisions.append(decided)
            return decided

        asks = approve if own.approve is not None else None  # none set: denied, and said so
        executor = Executor(own.tools, own.functions, timeout=own.timeout, approve=asks)
        result = executor.run_one(call)
        approval: Literal["approved", "rejected", "not needed"] = "not needed"
        if decisions and decisions[-1]:
            approval = "approved"
        elif decisions or isinstance(result.error, ApprovalDeniedError):
            approval = "rejected"
        return ToolResult(step, call_id, result, approval, result_content(result))


def result_content(result: CallResult) -> str:
    """What the model reads of a call's outcome: text as it is, other values as JSON, a
    failure as ``{"error": "<type>: <message>"}``; cut at :data:`MAX_RESULT_CHARS`."""
    if result.error is not None:
        text = json.dumps({"error": f"{type(result.error).__name__}: {result.error}"})
    elif isinstance(result.value, str):
        text = result.value
    else:
        text = json.dumps(jsonable(result.value), ensure_ascii=False)
    if len(text) > MAX_RESULT_CHARS:
        cut = len(text) - MAX_RESULT_CHARS
        text = f"{text[:MAX_RESULT_CHARS]}... ({cut:,} more characters cut)"
    return text


def _added(run: AgentRun, event: AgentEvent) -> AgentEvent:
    run.add(event)
    return event


def _messages(messages: str | Sequence[Message]) -> list[Message]:
    if isinstance(messages, str):
        return [{"role": "user", "content": messages}]
    return [dict(m) for m in messages]


def _assistant_turn(calls: Sequence[ToolCall], ids: Sequence[str]) -> Message:
    return {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": i, "type": "function", "function": _function(c)}
            for c, i in zip(calls, ids, strict=True)
        ],
    }


def _function(call: ToolCall) -> dict[str, Any]:
    data = call.to_dict()
    return {"name": data["name"], "arguments": json.dumps(data["arguments"], ensure_ascii=False)}
