"""Retrieval for large tool libraries: the few tools a request needs, found among thousands,
so a small model's prompt holds only those (NexusRaven's card: a model "works best when it
is connected with a retriever when there are a multitude of functions").

:class:`ToolIndex` ranks a library's tools for a query by BM25 (:mod:`~.bm25`, with
``bm25s``), by sentence embeddings (:mod:`~.dense`, ``all-MiniLM-L6-v2`` loaded offline from
its PyPI package, embeddings cached by content) or by both fused (:mod:`~.fusion`). A
caller narrows each request to its top ``k`` with ``FunctionCaller(retrieve=k)``
(``--retrieve K`` on the commands). :class:`DemoIndex` retrieves worked examples from a
checked store (:mod:`~.demos`). The ``retrieval`` extra installs it.
"""

from fncall.retrieval.demos import Demo, DemoIndex, load_demos
from fncall.retrieval.fusion import reciprocal_rank_fusion
from fncall.retrieval.index import METHODS, Method, ToolIndex, index_for
from fncall.retrieval.text import tool_text, words

__all__ = [
    "METHODS",
    "Demo",
    "DemoIndex",
    "Method",
    "ToolIndex",
    "index_for",
    "load_demos",
    "reciprocal_rank_fusion",
    "tool_text",
    "words",
]
