"""What a retriever reads of a tool, and the words BM25 counts.

A tool is found by what it does and what it takes: its name split into words
(``get_weather``, ``getWeather`` and ``weather.get`` all give "get weather"), its
description, and each parameter's name and description. Enum values are left out: a
long list of country codes would drown the words that say what the tool is for.
"""

from __future__ import annotations

import re

from fncall.tools.spec import Tool

# Linear-time patterns (no nested repetition): a word, and the joints inside identifiers.
_WORD = re.compile(r"[a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "this",
        "to",
        "was",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)


def name_words(name: str) -> str:
    """An identifier as words: ``getWeather_now`` -> ``get weather now``."""
    return " ".join(_WORD.findall(_CAMEL.sub(" ", name).lower()))


def tool_text(tool: Tool) -> str:
    """The text a retriever indexes for ``tool``."""
    parts = [name_words(tool.name), tool.description]
    for pname, schema in tool.properties.items():
        description = schema.get("description", "") if isinstance(schema, dict) else ""
        parts.append(f"{name_words(pname)}: {description}" if description else name_words(pname))
    return "\n".join(p for p in parts if p)


def words(text: str) -> list[str]:
    """BM25's tokens: lower-case words and numbers, identifiers split, stopwords dropped."""
    return [w for w in _WORD.findall(_CAMEL.sub(" ", text).lower()) if w not in _STOPWORDS]
