"""Refinement: the checks every synthetic example passes, in order, each one counted.

1. ``schema``: every target call validates against the offered tools, as written.
2. ``execution``: the calls run, nested ones first, on stub functions with the tools' own
   signatures (what a user's real functions would be called with).
3. ``grounding``: every argument value is in the query, in one of the forms
   :func:`~fncall.train.synth.values.surface_forms` lists, or is the parameter's default.
   A model taught to produce values it was not given learns to make them up.
4. ``duplicates``: the same query (case, spacing and punctuation aside) with the same answer
   is kept once.
5. ``eval_overlap``: a query equal to an evaluation query, or sharing a run of
   :data:`OVERLAP_WORDS` words with one, is dropped, so no test question is trained on.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from fncall.calls.call import ToolCall
from fncall.calls.execute import Executor
from fncall.calls.validate import validate_calls
from fncall.errors import FncallError
from fncall.tools.spec import Tool, ToolSet
from fncall.train.synth.examples import Example
from fncall.train.synth.universe import UniverseTool
from fncall.train.synth.values import surface_forms

STAGES = ("schema", "execution", "grounding", "duplicates", "eval_overlap")
OVERLAP_WORDS = 8
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: how queries are compared."""
    return _WORD.findall(text.lower())


class Refinery:
    """Runs the stages and counts what each one drops, and why.

    Args:
        excluded_queries: Queries of evaluation sets no example may overlap.
    """

    def __init__(self, excluded_queries: Iterable[str] = ()) -> None:
        self.excluded: set[tuple[str, ...]] = set()
        self.excluded_grams: set[tuple[str, ...]] = set()
        for query in excluded_queries:
            self.exclude(query)
        self.seen: set[tuple[tuple[str, ...], str]] = set()
        self.passed: Counter[str] = Counter()
        self.dropped: dict[str, Counter[str]] = {stage: Counter() for stage in STAGES}
        self._stubs: dict[str, Callable[..., Any]] = {}

    def exclude(self, query: str) -> None:
        """Add an evaluation query no example may overlap."""
        tokens = tuple(words(query))
        self.excluded.add(tokens)
        self.excluded_grams.update(_grams(tokens))

    def keep(self, example: Example, answer: str) -> bool:
        """Whether ``example`` (whose formatted answer is ``answer``) passes every stage."""
        for stage in STAGES:
            reason = getattr(self, f"_{stage}")(example, answer)
            if reason is not None:
                self.dropped[stage][reason] += 1
                return False
            self.passed[stage] += 1
        return True

    def report(self) -> dict[str, Any]:
        """Per stage: how many examples passed, how many were dropped and why."""
        return {
            stage: {
                "passed": self.passed[stage],
                "dropped": sum(self.dropped[stage].values()),
                "reasons": dict(self.dropped[stage].most_common()),
            }
            for stage in STAGES
        }

    # stages -------------------------------------------------------------------------------

    def _schema(self, example: Example, answer: str) -> str | None:
        try:
            validate_calls(list(example.calls), _toolset(example), fill_defaults=False)
        except FncallError as exc:
            return type(exc).__name__
        return None

    def _execution(self, example: Example, answer: str) -> str | None:
        tools = _toolset(example)
        functions = {t.tool.name: self._stub(t.tool) for t in example.tools}
        for result in Executor(tools, functions, timeout=None).run(list(example.calls)):
            if not result.ok:
                return type(result.error).__name__
        return None

    def _grounding(self, example: Example, answer: str) -> str | None:
        by_name = {t.tool.name: t for t in example.tools}
        for call in example.calls:
            problem = _ungrounded(call, by_name, example.query)
            if problem:
                return problem
        return None

    def _duplicates(self, example: Example, answer: str) -> str | None:
        key = (tuple(words(example.query)), answer)
        if key in self.seen:
            return "repeated query and answer"
        self.seen.add(key)
        return None

    def _eval_overlap(self, example: Example, answer: str) -> str | None:
        tokens = tuple(words(example.query))
        if tokens in self.excluded:
            return "equal to an evaluation query"
        if any(gram in self.excluded_grams for gram in _grams(tokens)):
            return f"shares {OVERLAP_WORDS} words with an evaluation query"
        return None

    def _stub(self, tool: Tool) -> Callable[..., Any]:
        key = tool.source.signature if tool.source and tool.source.signature else tool.name
        if key not in self._stubs:
            self._stubs[key] = stub_function(tool)
        return self._stubs[key]


def stub_function(tool: Tool) -> Callable[..., Any]:
    """A function with ``tool``'s parameters that checks how it is called and returns a
    string (what a lookup nested in another call hands on)."""
    required = set(tool.required)
    parameters = [
        inspect.Parameter(
            name,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=inspect.Parameter.empty if name in required else schema.get("default"),
        )
        for name, schema in tool.properties.items()
    ]
    signature = inspect.Signature(parameters)

    def stub(*args: Any, **kwargs: Any) -> str:
        signature.bind(*args, **kwargs)
        return f"result of {tool.name}"

    stub.__signature__ = signature  # type: ignore[attr-defined]
    stub.__name__ = tool.name
    return stub


def _toolset(example: Example) -> ToolSet:
    return ToolSet(t.tool for t in example.tools)


def _ungrounded(call: ToolCall, tools: dict[str, UniverseTool], query: str) -> str | None:
    tool = tools[call.name]
    keys = {name: key for key, name in tool.params.items()}
    for name, value in call.arguments.items():
        if isinstance(value, ToolCall):
            problem = _ungrounded(value, tools, query)
            if problem:
                return problem
            continue
        schema = tool.tool.properties[name]
        if "default" in schema and schema["default"] == value:
            continue
        slot = tool.slot(keys[name])
        items = value if slot.many else [value]
        single = replace(slot, many=False)
        for item in items:
            if not any(form in query for form in surface_forms(single, item)):
                return f"{slot.kind} value not in the query"
    return None


def _grams(tokens: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    return (tokens[i : i + OVERLAP_WORDS] for i in range(len(tokens) - OVERLAP_WORDS + 1))
