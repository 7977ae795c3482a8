"""Grounded strings: free-form string arguments that must be copied from the request.

A small model often writes a near-copy of a value it should copy ('gregory@example.org' for
'ngregory@example.org'); no schema can catch that. In grounded mode the grammar only lets a
free-form string be a *span* of the request:

- The grounding texts are the contents of the request's user, system and tool messages
  (string contents; for a list of parts, the ``text`` of parts with ``type == "text"``),
  plus the caller's own system string. Assistant messages are not grounding.
- The words of a text are its maximal runs of non-whitespace, with the edge punctuation
  :data:`EDGE_PUNCTUATION` stripped from both ends (``"Let's`` gives ``Let's``, ``Mumbai.``
  gives ``Mumbai``; ``#backend-oncall``, ``$5``, ``/tmp/x.txt`` and ``a@b.org`` keep their
  characters); a run that is all punctuation is no word.
- A span runs from the (stripped) start of word *i* to the (stripped) end of word *j*,
  ``i <= j``, within one text (never across messages), with the text between them exactly
  as written.
- Grounded strings are those of schema type ``string`` with no ``format`` and no
  ``pattern``. Object keys of free-form objects and strings inside free-form (``{}``) values
  are not grounded.
- A string with ``minLength``/``maxLength`` may be any span whose length fits; those spans
  are listed one by one. When more than :data:`MAX_LISTED_SPANS` spans are short enough
  (a long request, a large ``maxLength``), the string is any span, and the grammar lists
  the length bounds in ``unenforced`` (validation still checks them): listing them all
  would make building the grammar quadratic in the request. When no span fits, or the
  texts have no words, it falls back to the ordinary string rule, also listed in
  ``unenforced``.

Any span is written as a chain of rules per text, built back to front, so the grammar grows
linearly with the text: ``chain[k-1] = word[k-1]`` and ``chain[i] = word[i] (sep[i]
chain[i+1])?``, where ``sep[i]`` is the text between word *i* and word *i+1*; a grounded
string is a quoted ``chain[i]`` of any text, for any *i*.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, Any

from fncall.grammar.ir import Alt, GrammarBuilder, Lit, Node, opt, seq

if TYPE_CHECKING:  # values.py builds a Grounding
    from fncall.grammar.values import ValueSyntax

EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>,;:!?."
"""Characters stripped from both ends of a word."""

MAX_LISTED_SPANS = 4096
"""The most spans a length-bounded grounded string lists; past it, any span is allowed."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_GROUNDING_ROLES = frozenset({"system", "user", "tool"})


def words(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the words of ``text``, in order."""
    found = []
    for match in re.finditer(r"\S+", text):
        run = match.group()
        word = run.strip(EDGE_PUNCTUATION)
        if word:
            start = match.start() + len(run) - len(run.lstrip(EDGE_PUNCTUATION))
            found.append((start, start + len(word)))
    return found


def spans(text: str, longest: int | None = None) -> Iterator[str]:
    """Every span of ``text`` (duplicates included), or those of at most ``longest``
    characters."""
    found = words(text)
    for i, (start, _) in enumerate(found):
        for _, end in found[i:]:
            if longest is not None and end - start > longest:
                break
            yield text[start:end]


def grounding_texts(messages: Sequence[Mapping[str, Any]], system: str | None = None) -> list[str]:
    """The texts grounded strings are copied from: ``system``, then the contents of the
    user, system and tool messages."""
    texts = [system] if system else []
    for message in messages:
        if message.get("role") not in _GROUNDING_ROLES:
            continue
        content = message.get("content")
        if isinstance(content, str):
            texts.append(content)
        elif isinstance(content, list):
            texts += [
                part["text"]
                for part in content
                if isinstance(part, dict)
                and part.get("type") == "text"
                and isinstance(part.get("text"), str)
            ]
    return texts


def _choice(options: list[Node]) -> Node:
    """One of ``options`` (distinct by construction: ``alt`` would compare every pair)."""
    return options[0] if len(options) == 1 else Alt(tuple(options))


class Grounding:
    """The grounded string rules of one grammar, each built once on first use.

    Args:
        texts: The grounding texts (see :func:`grounding_texts`).
        builder: The grammar the rules go into.
        syntax: How strings are quoted and escaped.
    """

    def __init__(self, texts: Sequence[str], builder: GrammarBuilder, syntax: ValueSyntax) -> None:
        # A lone surrogate (JSON can carry one) has no UTF-8 form a grammar can hold.
        pieces = (piece for text in texts for piece in _SURROGATE.split(text))
        self.texts = list(dict.fromkeys(piece for piece in pieces if piece))
        self.b = builder
        self.syntax = syntax
        self._bounded: dict[tuple[int, int], tuple[Node | None, bool]] = {}

    @cached_property
    def any_span(self) -> Node | None:
        """A quoted span of any text; ``None`` when the texts have no words."""
        heads: list[Node] = []
        for text in self.texts:
            found = words(text)
            chain: Node | None = None
            for i in reversed(range(len(found))):
                start, end = found[i]
                word = self.syntax.string_body(text[start:end])
                if chain is not None:
                    sep = self.syntax.string_body(text[end : found[i + 1][0]])
                    chain = self.b.rule("chain", seq(word, opt(seq(sep, chain))))
                else:
                    chain = self.b.rule("chain", seq(word))
                heads.append(chain)
        if not heads:
            return None
        return self._quoted(_choice(heads))

    def bounded_span(self, low: int, high: int) -> tuple[Node | None, bool]:
        """A quoted span of ``low`` to ``high`` characters (``None`` when there is none), and
        whether the bounds hold: past :data:`MAX_LISTED_SPANS` short enough spans, it is
        :attr:`any_span` instead."""
        if (low, high) not in self._bounded:
            short = (s for text in self.texts for s in spans(text, high))
            listed = list(islice(short, MAX_LISTED_SPANS + 1))
            if len(listed) > MAX_LISTED_SPANS:
                self._bounded[low, high] = self.any_span, False
            else:
                fitting = dict.fromkeys(s for s in listed if len(s) >= low)
                options: list[Node] = [Lit(self.syntax.string_body(s)) for s in fitting]
                self._bounded[low, high] = (
                    (self._quoted(_choice(options)) if options else None),
                    True,
                )
        return self._bounded[low, high]

    def _quoted(self, body: Node) -> Node:
        return seq(self.syntax.quote, self.b.rule("grounded", body), self.syntax.quote)
