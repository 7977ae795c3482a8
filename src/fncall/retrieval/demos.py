"""Demonstrations: worked examples (a query and the calls that answer it), kept in a store
and retrieved by similarity to a request, NexusRaven's "demonstration retrieval
augmentation".

A store is a JSONL file, one ``{"query", "call", "tools"}`` a line: ``call`` is the answer
as Python calls (``get_weather(city='Paris')``; several separated by ``;``), ``tools`` the
tools it uses, in any format :func:`fncall.tools.toolset` reads. Every line is checked on
load: its calls must be calls of its tools with valid arguments, so a wrong example never
reaches a prompt. A demonstration is retrieved only when every tool it calls is offered to
the request, and never when its query is the request's own (an evaluation would otherwise
be shown its answer): :meth:`DemoIndex.holds` says when that happened.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fncall.calls.call import ToolCall
from fncall.calls.pyformat import format_python_call
from fncall.calls.validate import validate_calls
from fncall.errors import EvalDataError, FncallError
from fncall.retrieval.bm25 import BM25Retriever
from fncall.tools import toolset
from fncall.tools.spec import Tool, ToolSet

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Demo:
    """One worked example.

    Attributes:
        query: What was asked.
        calls: The validated calls that answer it.
        tools: The tools it uses.
    """

    query: str
    calls: tuple[ToolCall, ...]
    tools: ToolSet = field(repr=False)

    @property
    def answer(self) -> str:
        """The calls as Python, as NexusRaven's few-shot slot writes them."""
        return "; ".join(format_python_call(call) for call in self.calls)

    @property
    def names(self) -> frozenset[str]:
        """The names of the tools its calls call."""
        return frozenset(call.name for call in self.calls)


def _normal(query: str) -> str:
    """A query as compared: case and spacing aside."""
    return _SPACE.sub(" ", query).strip().lower()


def load_demos(path: str | Path) -> list[Demo]:
    """Read and check a demonstration store.

    Raises:
        EvalDataError: an unreadable file, or a line that is not a valid demonstration
            (naming the line and what is wrong with it).
    """
    from fncall.eval.execmatch import parse_reference

    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"{path}: unreadable ({exc})") from None
    demos = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalDataError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not all(
            isinstance(record.get(k), t)
            for k, t in (("query", str), ("call", str), ("tools", list))
        ):
            raise EvalDataError(f'{where}: expected {{"query": str, "call": str, "tools": [...]}}')
        try:
            tools = toolset(record["tools"])
            calls = validate_calls(
                parse_reference(record["call"], tools, where), tools, fill_defaults=False
            )
        except FncallError as exc:
            raise EvalDataError(f"{where}: {exc}") from None
        demos.append(Demo(record["query"], tuple(calls), tools))
    return demos


class DemoIndex:
    """Demonstrations, retrieved by BM25 over their queries.

    Args:
        demos: The store.
    """

    def __init__(self, demos: Sequence[Demo]) -> None:
        self.demos = list(demos)
        self._bm25 = BM25Retriever([d.query for d in self.demos])
        self._queries = {_normal(d.query) for d in self.demos}

    def holds(self, query: str) -> bool:
        """Whether the store has a demonstration of ``query`` itself (which
        :meth:`search` leaves out)."""
        return _normal(query) in self._queries

    def search(self, query: str, k: int, offered: ToolSet | Sequence[Tool]) -> list[Demo]:
        """The ``k`` demonstrations most like ``query`` whose tools are all offered (by
        name), the request's own query never among them."""
        names = set(offered) if isinstance(offered, ToolSet) else {t.name for t in offered}
        own = _normal(query)
        found: list[Demo] = []
        for i in self._bm25.rank(query, len(self.demos)):
            demo = self.demos[i]
            if demo.names <= names and _normal(demo.query) != own:
                found.append(demo)
                if len(found) == k:
                    break
        return found
