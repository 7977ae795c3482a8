"""Conversations for models used in agents: synthetic examples as chat turns in a dialect with
system prompts, earlier turns and tool results (``hermes``).

From one group of examples that offer the same tools, :class:`ChatMaker` writes:

- **call turns**: the user's request, under one of many system prompts or none, sometimes
  after an earlier exchange (a follow-up), answered with the calls;
- **answer turns**: the request, the calls, each call's result (a JSON object made for the
  call: :func:`result_for`), answered in plain text that states every value of the results
  (:func:`answer_for`), or an error the answer reports;
- **no-fit turns**: a request no offered tool fits, answered in plain text.

Nested calls (``f(x=g(...))``) have no JSON form and are left out. Results and answers are
templates, not model outputs: what is learnt is to read a result and say what it holds.
"""

from __future__ import annotations

import json
import random
import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fncall.calls.call import ToolCall
from fncall.dialects import Dialect, get_dialect
from fncall.tools.spec import ToolSet
from fncall.train.synth.examples import Example

SYSTEM_PROMPTS = (
    "You are a helpful assistant.",
    "You are a helpful assistant with access to tools. Use them when they help.",
    "You are the assistant of a small travel agency. Be brief and friendly.",
    "You help employees with everyday office tasks. Answer concisely.",
    "You are a customer-support assistant. Be polite; never invent facts.",
    "Answer in one or two sentences.",
    "You are an assistant in a home-automation app.",
    "You are a personal finance assistant. Double-check amounts before acting.",
    "Be concise. Use a tool only when the user asks for something it can do.",
    "You are Max, a cheerful assistant for a delivery service.",
    "Today is a weekday. The user is in a hurry: keep answers short.",
    "You are an assistant for developers. Prefer exact values over approximations.",
    "Respond in plain English without markdown.",
    "You are a careful assistant: when no tool fits, say so plainly.",
)
DECLINES = (
    "None of the available functions can do that.",
    "I can't do that with the tools I have.",
    "Sorry, none of my tools can help with that request.",
    "That is outside what my tools can do.",
)
_STATUSES = ("ok", "done", "success", "confirmed", "completed")
_ERRORS = ("not found", "permission denied", "service unavailable", "invalid request")
_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "code"), ("reference", "code"), ("confirmation_code", "code"),
    ("total", "money"), ("price", "money"), ("balance", "money"), ("amount", "money"),
    ("count", "count"), ("items", "count"), ("results_found", "count"),
    ("temperature", "decimal"), ("score", "decimal"), ("rate", "decimal"),
    ("eta", "time"), ("time", "time"), ("starts_at", "time"),
    ("date", "date"), ("due_date", "date"), ("expires_on", "date"),
    ("message", "phrase"), ("summary", "phrase"), ("state", "phrase"), ("location", "phrase"),
)  # fmt: skip
_PHRASES = (
    "all systems normal", "awaiting review", "light rain expected", "shipped from the warehouse",
    "two seats left", "on schedule", "ready for pickup", "no changes needed", "north entrance",
    "delayed by traffic", "sunny with a light breeze", "in stock", "scheduled for renewal",
)  # fmt: skip
_ANSWERS = (
    "Here is what I found: {facts}.",
    "Done. {Facts}.",
    "{Facts}.",
    "The result: {facts}.",
    "All set: {facts}.",
    "I checked it for you: {facts}.",
    "It worked. {Facts}.",
)
_ERROR_ANSWERS = (
    'I couldn\'t complete that: {call} failed with "{error}".',
    "Sorry, {call} returned an error: {error}.",
    "That didn't work ({error}) when I ran {call}.",
)


def _value(kind: str, rng: random.Random) -> Any:
    if kind == "code":
        letters = "".join(rng.choices(string.ascii_uppercase, k=rng.randint(2, 3)))
        return f"{letters}-{rng.randint(1000, 99999)}"
    if kind == "money":
        return round(rng.uniform(1, 5000), 2)
    if kind == "count":
        return rng.randint(0, 250)
    if kind == "decimal":
        return round(rng.uniform(-20, 120), 1)
    if kind == "time":
        return f"{rng.randint(0, 23):02d}:{rng.choice((0, 15, 30, 45, 5, 50)):02d}"
    if kind == "date":
        return f"20{rng.randint(24, 28)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return rng.choice(_PHRASES)


def result_for(call: ToolCall, rng: random.Random, error_rate: float = 0.08) -> dict[str, Any]:
    """A plausible JSON result of ``call``: an error now and then, else a status, one to
    three fields of varied kinds, and sometimes one of the call's own arguments echoed."""
    if rng.random() < error_rate:
        return {"error": rng.choice(_ERRORS)}
    result: dict[str, Any] = {"status": rng.choice(_STATUSES)}
    for name, kind in rng.sample(_FIELDS, rng.randint(1, 3)):
        result[name] = _value(kind, rng)
    plain = [(k, v) for k, v in call.arguments.items() if isinstance(v, str | int | float)]
    if plain and rng.random() < 0.3:
        key, value = rng.choice(plain)
        result.setdefault(key, value)
    return result


def result_values(result: dict[str, Any]) -> list[str]:
    """What an answer must state of ``result``: every value but the status, as text."""
    return [_text(v) for k, v in result.items() if k != "status"]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def answer_for(results: Sequence[tuple[ToolCall, dict[str, Any]]], rng: random.Random) -> str:
    """A plain-text answer that states every value of ``results`` (or reports an error)."""
    sentences = []
    for call, result in results:
        if "error" in result:
            template = rng.choice(_ERROR_ANSWERS)
            sentences.append(template.format(call=call.name, error=result["error"]))
            continue
        facts = [f"{k.replace('_', ' ')} {_text(v)}" for k, v in result.items() if k != "status"]
        joined = ", ".join(facts[:-1]) + (" and " if len(facts) > 1 else "") + facts[-1]
        template = rng.choice(_ANSWERS)
        sentences.append(template.format(facts=joined, Facts=joined[:1].upper() + joined[1:]))
    return " ".join(sentences)


@dataclass(frozen=True)
class ChatTurn:
    """One training or evaluation turn.

    Attributes:
        kind: ``call``, ``answer`` or ``no_fit``.
        messages: The conversation so far (OpenAI-shaped), a system message first if any.
        calls: The right calls (``call`` turns).
        answer: The right plain-text answer (``answer`` and ``no_fit`` turns).
        values: What an ``answer`` turn must state.
    """

    kind: str
    messages: list[dict[str, Any]]
    calls: tuple[ToolCall, ...] = ()
    answer: str = ""
    values: tuple[str, ...] = ()


class ChatMaker:
    """Makes chat turns from examples (see the module docstring).

    Args:
        rng: The random source.
        system_rate: Share of conversations with a system prompt.
        follow_up_rate: Share of turns that come after an earlier exchange of the group.
    """

    def __init__(
        self, rng: random.Random, system_rate: float = 0.6, follow_up_rate: float = 0.3
    ) -> None:
        self.rng = rng
        self.system_rate = system_rate
        self.follow_up_rate = follow_up_rate

    def turns(self, group: Sequence[Example]) -> list[ChatTurn]:
        """The turns of one group (examples offering the same tools), nested ones left out."""
        rng = self.rng
        system = rng.choice(SYSTEM_PROMPTS) if rng.random() < self.system_rate else None
        head = [{"role": "system", "content": system}] if system else []
        out: list[ChatTurn] = []
        earlier: list[dict[str, Any]] = []
        for example in group:
            if example.category == "nested":
                continue
            history = earlier if earlier and rng.random() < self.follow_up_rate else []
            asked = [*head, *history, {"role": "user", "content": example.query}]
            if not example.calls:
                answer = rng.choice(DECLINES)
                out.append(ChatTurn("no_fit", asked, answer=answer))
                earlier = [*asked[len(head) :], {"role": "assistant", "content": answer}]
                continue
            out.append(ChatTurn("call", asked, calls=example.calls))
            results = [(call, result_for(call, rng)) for call in example.calls]
            answered = [
                *asked,
                {"role": "assistant", "tool_calls": [_openai_call(c) for c in example.calls]},
                *({"role": "tool", "content": json.dumps(r)} for _, r in results),
            ]
            answer = answer_for(results, rng)
            values = tuple(v for _, r in results for v in result_values(r))
            out.append(ChatTurn("answer", answered, answer=answer, values=values))
            earlier = [*answered[len(head) :], {"role": "assistant", "content": answer}]
        return out


def _openai_call(call: ToolCall) -> dict[str, Any]:
    arguments = json.dumps(call.arguments, ensure_ascii=False)
    return {"type": "function", "function": {"name": call.name, "arguments": arguments}}


def turn_completion(turn: ChatTurn, dialect: Dialect) -> str:
    """What the model is trained to write for ``turn``, ending with the dialect's stop."""
    text = dialect.format_calls(list(turn.calls)) if turn.calls else turn.answer
    return text + dialect.stop[0]


def turn_prompt(turn: ChatTurn, tools: ToolSet, dialect: Dialect | str = "hermes") -> str:
    """The prompt of ``turn`` in ``dialect`` (a multi-turn one)."""
    dialect = get_dialect(dialect) if isinstance(dialect, str) else dialect
    return dialect.render(tools, turn.messages)
