"""``ToolIndex``: the tools of a library a request most likely needs.

Three ways to rank, behind one ``search``: ``bm25`` (the words of the request against
each tool's words), ``dense`` (sentence embeddings: finds "how warm is it" for
``get_weather``) and ``fused`` (both, by reciprocal rank fusion; the default).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from fncall._lru import LruCache
from fncall.errors import ConfigurationError
from fncall.retrieval.bm25 import BM25Retriever
from fncall.retrieval.fusion import reciprocal_rank_fusion
from fncall.retrieval.text import tool_text
from fncall.settings import RETRIEVAL_METHODS
from fncall.tools.spec import Tool, ToolSet

Method = Literal["bm25", "dense", "fused"]
METHODS: tuple[Method, ...] = RETRIEVAL_METHODS
CANDIDATES = 50
"""How deep each ranking goes before fusion."""


class ToolIndex:
    """An index over a tool library.

    Args:
        tools: The library.
        method: ``bm25``, ``dense`` or ``fused``.
        cache: Where dense embeddings are kept (``None``: fncall's cache folder).

    Raises:
        ConfigurationError: an unknown method.
    """

    def __init__(
        self, tools: ToolSet | Iterable[Tool], method: Method = "fused", cache: Path | None = None
    ) -> None:
        if method not in METHODS:
            raise ConfigurationError(f"retrieval method must be one of {METHODS}, not {method!r}")
        self.tools = tools if isinstance(tools, ToolSet) else ToolSet(tools)
        self.method = method
        self._list = self.tools.tools
        texts = [tool_text(tool) for tool in self._list]
        self._bm25 = BM25Retriever(texts) if method != "dense" else None
        self._dense = None
        if method != "bm25":
            from fncall.retrieval.dense import DenseRetriever

            self._dense = DenseRetriever(texts, cache)

    def search(self, query: str, k: int) -> list[Tool]:
        """The ``k`` tools that best fit ``query``, best first (fewer when the library is
        smaller, or when BM25 alone finds fewer sharing a word with it)."""
        return [self._list[i] for i in self.rank(query, k)]

    def rank(self, query: str, k: int) -> list[int]:
        """The indices (in library order) of :meth:`search`'s tools."""
        if self._dense is None:
            return self._bm25.rank(query, k)  # type: ignore[union-attr]
        if self._bm25 is None:
            return self._dense.rank(query, k)
        depth = max(k, CANDIDATES)
        rankings = [self._bm25.rank(query, depth), self._dense.rank(query, depth)]
        return reciprocal_rank_fusion(rankings, k)

    def offer(self, query: str, k: int, keep: Sequence[str] = ()) -> ToolSet:
        """The tools to offer for ``query``: the ``k`` best, plus the tools named in
        ``keep`` (a ``tool_choice`` naming one), in library order."""
        chosen = {tool.name for tool in self.search(query, k)} | set(keep)
        return ToolSet(tool for tool in self._list if tool.name in chosen)


_INDEXES: LruCache[tuple[str, str], ToolIndex] = LruCache(16)


def index_for(tools: ToolSet, method: Method = "fused") -> ToolIndex:
    """The index of a library, built once per library and method (the 16 most recent)."""
    return _INDEXES.get((tools.digest, method), lambda: ToolIndex(tools, method))
