"""What a dialect is: one model family's prompt, stop sequences, call syntax and parser."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from fncall._lru import LruCache
from fncall.calls import limits
from fncall.calls.call import ParsedOutput, ToolCall
from fncall.errors import GrammarError, OutputParseError, PromptError
from fncall.grammar.call_syntax import CallGrammar
from fncall.grammar.ir import FreeText, Grammar, Node
from fncall.grammar.values import DEFAULT_LIMITS, GrammarLimits, ValueCompiler, ValueSyntax
from fncall.request import ResponseFormat, ToolChoice, ToolChoiceLike, resolve_tool_choice
from fncall.tools.spec import Tool, ToolSet

Message = dict[str, Any]
"""An OpenAI-shaped chat message: ``{"role": ..., "content": ...}`` (plus ``tool_calls`` on
assistant messages and ``tool_call_id``/``name`` on tool messages)."""

_ROLES = frozenset({"system", "user", "assistant", "tool"})


@dataclass(frozen=True)
class Demonstration:
    """A worked example for few-shot prompting: a query and the call text that answers it
    (Python calls, as NexusRaven's slot writes them), and the calls themselves where known
    (a dialect without a slot writes them in its own syntax)."""

    query: str
    answer: str
    calls: tuple[ToolCall, ...] = ()


@dataclass(frozen=True)
class PromptInput:
    """What a prompt is built from, after :meth:`Dialect.render` has checked it.

    Attributes:
        tools: The offered tools.
        system: The system message, if any.
        turns: The conversation without system messages; for single-turn dialects exactly
            one user message.
        demonstrations: Few-shot examples (empty unless the dialect has a slot).
    """

    tools: ToolSet
    system: str | None
    turns: list[Message]
    demonstrations: tuple[Demonstration, ...]

    @property
    def query(self) -> str:
        """The last user message's text."""
        users = [t for t in self.turns if t["role"] == "user"]
        return (users[-1].get("content") or "") if users else ""


class Dialect(ABC):
    """One model family's function-calling format.

    Subclasses set the class attributes and implement :meth:`render`, :meth:`parse` and
    :meth:`format_calls`. Register them with :func:`fncall.dialects.register`.

    Attributes:
        name: Registry name (``nexusraven-v2``).
        summary: One line for ``fncall dialects``.
        stop: Stop sequences generation must end at.
        markers: Marker strings of the format (``<human_end>``) that a tokenizer trained for
            it keeps as single tokens.
        supports_parallel: Whether one output may hold several calls.
        supports_nested: Whether an argument may be a call.
        supports_system: Whether the prompt has a place for a system message. Where it has
            none, a system message is put in front of the first user turn, separated by a
            blank line, as BFCL's prompt handlers do for such models.
        supports_demonstrations: Whether the prompt has a slot for few-shot examples. Where
            it has none, they become earlier turns (multi-turn formats) or go in front of
            the query as NexusRaven's slot writes them.
        multi_turn: Whether the format has places for earlier turns (assistant calls, tool
            results). A single-turn format renders one user query: a longer conversation
            is folded into it as a transcript (:meth:`fold_conversation`).
        value_syntax: How argument values are written in calls (JSON or Python literals).
        text_avoid: A regex a plain-text answer may not start with (where :meth:`parse`
            would see the start of a call); ``(?s:.*)X`` forbids ``X`` anywhere.
        text_approximation: The plain-text answers grammar formats without negation
            (GBNF) allow: a subset of those ``text_avoid`` allows.
    """

    name: ClassVar[str]
    summary: ClassVar[str]
    stop: ClassVar[tuple[str, ...]] = ()
    markers: ClassVar[tuple[str, ...]] = ()
    supports_parallel: ClassVar[bool] = False
    supports_nested: ClassVar[bool] = False
    supports_system: ClassVar[bool] = True
    supports_demonstrations: ClassVar[bool] = False
    multi_turn: ClassVar[bool] = False
    value_syntax: ClassVar[ValueSyntax] = ValueSyntax()
    text_avoid: ClassVar[str]
    text_approximation: ClassVar[Node]

    def render(
        self,
        tools: ToolSet | Iterable[Tool],
        messages: str | Sequence[Message],
        *,
        system: str | None = None,
        demonstrations: Sequence[Demonstration] = (),
    ) -> str:
        """The exact prompt text for the model, ending where its answer begins.

        Args:
            tools: The offered tools (a :class:`ToolSet`, or :class:`Tool` objects).
            messages: The user's query, or a chat history ending with the turn to answer.
            system: A system message (joined before any system message in ``messages``).
            demonstrations: Few-shot examples: in the dialect's slot, else as earlier turns
                or in front of the query (see ``supports_demonstrations``).

        Raises:
            PromptError: something this dialect has no syntax for.
        """
        if not isinstance(tools, ToolSet):
            tools = ToolSet(tools)
        system_text, turns = split_messages(messages, system)
        if demonstrations and not self.supports_demonstrations:
            turns = self._with_examples(tuple(demonstrations), turns)
            demonstrations = ()
        if system_text and not self.supports_system:
            turns = _before_first_user_turn(system_text, turns)
            system_text = None
        if not self.multi_turn and (len(turns) != 1 or turns[0]["role"] != "user"):
            turns = [{"role": "user", "content": self.fold_conversation(turns)}]
        return self.build_prompt(PromptInput(tools, system_text, turns, tuple(demonstrations)))

    @abstractmethod
    def build_prompt(self, given: PromptInput) -> str:
        """Render input :meth:`render` has checked against the class attributes."""

    def _with_examples(
        self, examples: tuple[Demonstration, ...], turns: list[Message]
    ) -> list[Message]:
        """Demonstrations where the format has no slot for them: earlier turns (the query,
        then the calls) in a multi-turn format; else in front of the first user turn, as
        NexusRaven's documented slot writes them (``Example: <query> Answer: <calls>.``
        ... ``Now, please answer this question. Question: <query>``), the calls in this
        dialect's syntax."""
        if self.multi_turn:
            earlier: list[Message] = []
            for example in examples:
                earlier.append({"role": "user", "content": example.query})
                if example.calls:
                    calls = [c.to_dict() for c in example.calls]
                    earlier.append({"role": "assistant", "content": None, "tool_calls": calls})
                else:
                    earlier.append({"role": "assistant", "content": example.answer})
            return [*earlier, *turns]
        written = "".join(f"Example: {e.query} Answer: {self._answer_text(e)}. " for e in examples)
        for i, turn in enumerate(turns):
            if turn["role"] == "user":
                question = f"{written}Now, please answer this question. Question: "
                folded = dict(turn, content=question + (turn.get("content") or ""))
                return [*turns[:i], folded, *turns[i + 1 :]]
        raise PromptError("no user message to put the demonstrations in front of")

    def _answer_text(self, example: Demonstration) -> str:
        if not example.calls:
            return example.answer
        try:
            return self.format_calls(example.calls).strip()
        except PromptError:  # more calls than the format writes at once: one at a time
            return "; ".join(self._call_text(call) for call in example.calls)

    def fold_conversation(self, turns: Sequence[Message]) -> str:
        """A conversation as one query, for a format without places for earlier turns.

        The first user turn stays as it is; every later turn becomes a line of a
        transcript: ``Assistant: <text>``, ``Assistant: <call>`` (each call in this
        dialect's own call syntax), ``Result of <name>: <content>``, ``User: <text>`` and
        ``System: <text>`` (a system message after the first turn).
        Nothing is dropped: a model not trained on the transcript may still not read it as
        well as a format with places for turns (``fncall dialects`` says which have them).
        """
        lines: list[str] = []
        for i, turn in enumerate(turns):
            role, content = turn["role"], turn.get("content") or ""
            if i == 0 and role == "user":
                lines.append(content)
            elif role in ("user", "system"):
                lines.append(f"{role.capitalize()}: {content}")
            elif role == "tool":
                lines.append(f"Result of {turn.get('name') or 'the call'}: {content}")
            elif turn.get("tool_calls"):
                lines.extend([f"Assistant: {content}"] if content else [])
                lines.extend(f"Assistant: {self._call_text(call)}" for call in history_calls(turn))
            else:
                lines.append(f"Assistant: {content}")
        return "\n".join(lines)

    def _call_text(self, call: ToolCall) -> str:
        try:
            return self.format_calls([call]).strip()
        except PromptError:  # a nested call this format cannot write: JSON says the same
            return json.dumps(call.to_dict(), ensure_ascii=False)

    def parse(self, output: str, tools: ToolSet) -> ParsedOutput:
        """Read a model output (generation already cut at a stop sequence) into calls or a
        plain-text answer, as written: a call of a tool that was not offered is returned for
        :func:`~fncall.calls.validate.validate_calls` to refuse.

        Raises:
            OutputParseError: an attempted call that is malformed, unsafe or over a bound;
                ``.output`` holds the whole output.
            UnknownFunctionError: positional arguments to a function that was not offered
                (Python-syntax dialects; only a tool can name them).
        """
        limits.check_output_size(output)
        try:
            parsed = self.extract(output, tools)
        except OutputParseError as exc:
            exc.output = output
            raise
        count = len(parsed.calls)
        if count > 1 and not self.supports_parallel:
            raise OutputParseError(f"{self.name} writes one call per answer, got {count}", output)
        if count > limits.MAX_CALLS:
            raise OutputParseError(f"{count} calls given, at most {limits.MAX_CALLS}", output)
        return parsed

    @abstractmethod
    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        """Find the calls or the plain answer in an output :meth:`parse` has size-checked."""

    def grammar(
        self,
        tools: ToolSet,
        tool_choice: ToolChoiceLike = None,
        *,
        parallel: bool = True,
        limits: GrammarLimits = DEFAULT_LIMITS,
        grounded_in: Sequence[str] | None = None,
        response_format: ResponseFormat | None = None,
    ) -> Grammar:
        """The grammar every allowed answer matches: calls of offered tools with
        schema-valid arguments in this dialect's syntax, and/or a plain answer, as
        ``tool_choice`` says. Compiled once per (tools, choice, limits, grounding, response
        format) and cached.

        Args:
            tools: The offered tools.
            tool_choice: A :class:`~fncall.request.ToolChoice`, or any form
                :func:`~fncall.request.resolve_tool_choice` reads: ``auto`` (default with
                tools), ``none``, ``required``, a tool name or OpenAI's
                ``{"type": "function", "function": {"name": ...}}``.
            parallel: Whether several calls may be made (always one where the dialect
                cannot write more); narrows a :class:`~fncall.request.ToolChoice` too.
            limits: Bounds on strings, arrays, numbers and calls.
            grounded_in: The request's texts (see
                :func:`fncall.grammar.grounding.grounding_texts`): free-form string
                arguments must then be spans of them.
            response_format: The plain answer is then a JSON object of its schema (in
                JSON, whatever the dialect's call syntax), not free text.

        Raises:
            ToolChoiceError: a choice the offered tools cannot satisfy.
            GrammarError: a schema the grammar compiler cannot express.
        """
        if not isinstance(tools, ToolSet):
            tools = ToolSet(tools)
        choice = resolve_tool_choice(tool_choice, tools, parallel and self.supports_parallel)
        grounding = None if grounded_in is None else tuple(grounded_in)
        answer = None if response_format is None else response_format.key
        key = (self.name, tools.fingerprint, choice, limits, grounding, answer)
        return _GRAMMARS.get(
            key, lambda: self._build_grammar(tools, choice, limits, grounding, response_format)
        )

    def _build_grammar(
        self,
        tools: ToolSet,
        choice: ToolChoice,
        limits: GrammarLimits,
        grounded_in: tuple[str, ...] | None,
        response_format: ResponseFormat | None,
    ) -> Grammar:
        # A stop sequence inside a string would end generation mid-call: its first
        # character may appear in strings only as an escape.
        excluded = "".join(sorted({s[0] for s in self.stop} | set(self.value_syntax.excluded)))
        syntax = replace(self.value_syntax, excluded=excluded)
        build = CallGrammar(tools, choice, limits, syntax, grounded_in)
        calls = self.call_grammar(build) if choice.allows_calls else None
        answer: Node = FreeText(self.text_avoid, self.text_approximation)
        unenforced = build.values.unenforced
        if response_format is not None:
            json_syntax = replace(ValueSyntax(), excluded=excluded)
            json_values = ValueCompiler(build.builder, json_syntax, limits)
            answer = json_values.value(response_format.tool.parameters)
            unenforced = [*unenforced, *json_values.unenforced]
        grammar = build.build(calls, answer)
        grammar.unenforced = list(dict.fromkeys(unenforced))
        if len(grammar.lark) > MAX_GRAMMAR_CHARS:
            raise GrammarError(
                f"the grammar for these tools is {len(grammar.lark):,} characters; at most "
                f"{MAX_GRAMMAR_CHARS:,} are compiled (offer fewer or smaller tools)"
            )
        return grammar

    @abstractmethod
    def call_grammar(self, g: CallGrammar) -> Node:
        """The calls part of the grammar, in this dialect's exact call syntax, calling only
        ``g.callable_tools`` and at most ``g.choice.max_calls`` times."""

    @abstractmethod
    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        """The output the model should write for these calls (the inverse of parse)."""

    def format_text(self, text: str) -> str:
        """The output the model should write for a plain-text answer."""
        return text

    def check_calls(self, calls: Sequence[ToolCall]) -> None:
        """Refuse calls this dialect cannot express (several calls, nested calls)."""
        if not calls:
            raise PromptError(f"{self.name}: no calls to format")
        if len(calls) > 1 and not self.supports_parallel:
            raise PromptError(f"{self.name} writes one call per answer, got {len(calls)}")
        if not self.supports_nested and any(c.nested_calls() for c in calls):
            raise PromptError(f"{self.name} cannot express nested calls")


MAX_GRAMMAR_CHARS = 2_000_000
"""Largest grammar (in Lark) a dialect hands to an engine."""
GRAMMAR_CACHE_BYTES = 256 * 2**20
"""Memory the built grammars of all dialects may hold (a grammar's rules take about ten
bytes per character of its Lark text, measured)."""
_GRAMMARS: LruCache[tuple[Any, ...], Grammar] = LruCache(
    256, max_bytes=GRAMMAR_CACHE_BYTES, weigh=lambda _, grammar: 10 * len(grammar.lark)
)


def _before_first_user_turn(text: str, turns: list[Message]) -> list[Message]:
    """``turns`` with ``text`` in front of the first user turn's content."""
    for i, turn in enumerate(turns):
        if turn["role"] == "user":
            folded = dict(turn, content=f"{text}\n\n{turn.get('content') or ''}")
            return [*turns[:i], folded, *turns[i + 1 :]]
    raise PromptError("no user message to put the system message in front of")


def history_calls(message: Message) -> list[ToolCall]:
    """The calls of an assistant message's OpenAI ``tool_calls`` (``{"function": {"name",
    "arguments"}}``, the arguments an object or its JSON text).

    Raises:
        PromptError: an entry without a function name, or arguments that are no JSON object.
    """
    calls = []
    for j, entry in enumerate(message.get("tool_calls") or ()):
        if isinstance(entry, ToolCall):
            calls.append(entry)
            continue
        function = entry.get("function", entry) if isinstance(entry, dict) else None
        if not isinstance(function, dict) or not isinstance(function.get("name"), str):
            raise PromptError(f"tool_calls[{j}] of an assistant message needs a function name")
        arguments = function.get("arguments") or {}
        if isinstance(arguments, str):
            try:
                arguments = json.loads(arguments)
            except (ValueError, RecursionError):
                arguments = None
        if not isinstance(arguments, dict):
            raise PromptError(
                f"tool_calls[{j}] ({function['name']}): arguments must be a JSON object"
            )
        calls.append(ToolCall(function["name"], arguments))
    return calls


def split_messages(
    messages: str | Sequence[Message], system: str | None
) -> tuple[str | None, list[Message]]:
    """Normalise a query or message list into (system prompt, remaining messages).

    A leading system message and the ``system`` argument are joined (argument first).
    """
    if isinstance(messages, str):
        turns: list[Message] = [{"role": "user", "content": messages}]
    else:
        turns = [dict(m) for m in messages]
    for i, message in enumerate(turns):
        if not isinstance(message, dict) or message.get("role") not in _ROLES:
            raise PromptError(f"message {i}: role must be one of {sorted(_ROLES)}")
        content = message.get("content")
        if content is not None and not isinstance(content, str):
            raise PromptError(f"message {i}: content must be a string")
    parts = [system] if system else []
    while turns and turns[0]["role"] == "system":
        parts.append(turns.pop(0).get("content") or "")
    if not turns:
        raise PromptError("no user message to answer")
    return ("\n\n".join(parts) if parts else None), turns
