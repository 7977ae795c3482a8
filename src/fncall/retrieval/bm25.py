"""BM25 over texts, with ``bm25s`` (sparse matrices: a query over 10k documents costs well
under a millisecond)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from fncall.retrieval.text import words


class BM25Retriever:
    """Ranks ``texts`` by BM25 against a query.

    Args:
        texts: The documents, in the order rankings refer to them by index.
    """

    def __init__(self, texts: Sequence[str]) -> None:
        import bm25s

        self.size = len(texts)
        self._index = bm25s.BM25()
        # an empty document still takes its place, so indices stay aligned
        self._index.index([words(t) or ["\u2400"] for t in texts], show_progress=False)

    def rank(self, query: str, k: int) -> list[int]:
        """The indices of the ``k`` best texts, best first; texts that share no word with the
        query are left out."""
        tokens = words(query)
        k = min(k, self.size)
        if not tokens or k <= 0:
            return []
        documents, scores = self._index.retrieve([tokens], k=k, show_progress=False)
        return [int(d) for d, s in zip(documents[0], scores[0], strict=True) if s > 0]

    def scores(self, query: str) -> np.ndarray:
        """Every text's score for ``query`` (for tests and benchmarks)."""
        tokens = words(query)
        if not tokens:
            return np.zeros(self.size)
        return np.asarray(self._index.get_scores(tokens))
