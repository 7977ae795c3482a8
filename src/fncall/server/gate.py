"""Which part of a growing model output is final plain-text content.

While a model generates, its output may still turn out to be a call (``<tool_call>``,
``Call:``, ``[f(``): streaming it as content would leak a partial marker that the final
answer does not contain. :class:`TextGate` releases text only once no continuation can make
it part of a call, using the dialect's own ``text_avoid`` pattern (what a plain answer may
not start with) with partial matching, and holds back what could still begin a stop string
and the whitespace the final answer strips. What it releases is always a prefix of the
content of the finished answer, so the streamed content is the non-streamed content.
"""

from __future__ import annotations

import regex

from fncall.dialects.base import Dialect

# text_avoid patterns of this form forbid the marker anywhere in a plain answer (hermes'
# <tool_call>); the others forbid a start (nexusraven's "Call:", bfcl's "[f(").
_ANYWHERE = "(?s:.*)"


class TextGate:
    """Releases the final plain-text content of an output fed in pieces.

    Args:
        dialect: The output's dialect (its ``text_avoid`` pattern and stop strings).
        stops: The client's stop strings: content ends before the first of them.
    """

    def __init__(self, dialect: Dialect, stops: tuple[str, ...] = ()) -> None:
        pattern = dialect.text_avoid
        self._anywhere = pattern.startswith(_ANYWHERE)
        self._marker = regex.compile(pattern[len(_ANYWHERE) :] if self._anywhere else pattern)
        self._stops = tuple(s for s in (*dialect.stop, *stops) if s)
        self._buffer = ""
        self._safe = 0  # buffer[:safe] is content for sure (before stripping)
        self._is_text: bool | None = None  # anchored patterns: decided once
        self._frozen = False  # a call or a stop string ended the content
        self.stopped = False
        """Whether a stop string ended the content."""
        self.emitted = ""
        """Everything released so far."""

    def feed(self, piece: str) -> str:
        """Add generated text; return the content it releases (often empty)."""
        self._buffer += piece
        if not self._frozen:
            self._advance()
        return self._release(self._buffer[: self._safe].strip())

    def finish(self, final: str | None) -> str:
        """Release the rest: ``final`` is the finished answer's content, when known (it
        starts with :attr:`emitted`, except for unconstrained output that mixed text and
        calls, where what was sent stands); ``None`` keeps to what the gate has seen."""
        if final is None:
            return self._release(self._buffer[: self._safe].strip())
        return self._release(final) if final.startswith(self.emitted) else ""

    def _release(self, content: str) -> str:
        new = content[len(self.emitted) :]
        if new:
            self.emitted = content
        return new

    def _advance(self) -> None:
        buffer = self._buffer
        limit = len(buffer)
        if self._anywhere:
            # Positions before safe were already ruled out: search on from there.
            found = self._marker.search(buffer, self._safe, partial=True)
            if found is not None:
                limit = found.start()
                self._frozen = not found.partial  # a whole marker: a call has begun
        elif self._is_text is None:
            found = self._marker.match(buffer, partial=True)
            if found is None:
                self._is_text = True
            else:
                limit = 0
                self._frozen = not found.partial
        for stop in self._stops:
            # a stop string ending before safe - len(stop) would have been found already
            at = buffer.find(stop, max(0, self._safe - len(stop)))
            if 0 <= at < limit:
                limit, self._frozen, self.stopped = at, True, True
            if not self._frozen:
                # the end of the buffer may be the start of a stop string
                for size in range(min(len(stop) - 1, len(buffer)), 0, -1):
                    if buffer.endswith(stop[:size]):
                        limit = min(limit, len(buffer) - size)
                        break
        self._safe = max(self._safe, limit)


def cut_at_stops(text: str, stops: tuple[str, ...]) -> tuple[str, bool]:
    """``text`` up to the earliest stop string (stripped, as content is), and whether one
    was found."""
    found = [i for i in (text.find(s) for s in stops if s) if i >= 0]
    if not found:
        return text, False
    return text[: min(found)].strip(), True
