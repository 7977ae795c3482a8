"""Reciprocal rank fusion: several rankings of one collection made one.

Each document scores the sum of ``1 / (K + rank)`` over the rankings it appears in (rank
from 1), so a document near the top of either ranking rises, and no ranking's score scale
matters. ``K = 60`` is the constant of Cormack, Clarke and Büttcher (2009).
"""

from __future__ import annotations

from collections.abc import Sequence

K = 60


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[int]], k: int, constant: int = K
) -> list[int]:
    """The ``k`` best documents (by index) of the fused ``rankings`` (each best first); ties
    keep the order of first appearance."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, document in enumerate(ranking, start=1):
            scores[document] = scores.get(document, 0.0) + 1.0 / (constant + rank)
    return sorted(scores, key=lambda d: -scores[d])[:k]
