"""User queries: an intent's template filled with generated values, then roughened.

The noise people add (lower-case typing, a dropped question mark, a typo, a missing
capital) is applied to the template's own words only. A value keeps the exact form it
was drawn in, so the grounding check can still find every argument in the query.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fncall.train.synth.catalog import Intent
from fncall.train.synth.values import ValueMaker

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.?!;:])")


@dataclass(frozen=True)
class Query:
    """A filled template.

    Attributes:
        text: The query a user types.
        values: Slot key -> value, for every slot the query gives (booleans only when said).
        mentions: Slot key -> the text that mentions the value.
        opens_with_value: The text starts with a value (which must keep its capitals).
    """

    text: str
    values: Mapping[str, Any]
    mentions: Mapping[str, str]
    opens_with_value: bool = False


def fill(
    intent: Intent,
    template: str,
    maker: ValueMaker,
    rng: random.Random,
    given: Mapping[str, tuple[Any, str]] | None = None,
    noise: float = 0.3,
) -> Query:
    """Fill ``template`` with values for ``intent``'s slots.

    Args:
        given: Slot key -> ``(value, mention)`` to use instead of a generated value (a
            nested call's value and the phrase that asks for it).
        noise: The chance of each kind of roughening.
    """
    slots = {slot.key: slot for slot in intent.slots}
    given = given or {}
    pieces: list[tuple[str, bool]] = []  # (text, is a value)
    values: dict[str, Any] = {}
    mentions: dict[str, str] = {}
    for literal, key, _, _ in string.Formatter().parse(template):
        if literal:
            pieces.append((literal, False))
        if key is None:
            continue
        slot = slots[key]
        if key in given:
            value, mention = given[key]
        elif slot.kind == "boolean" and rng.random() < 0.5:
            continue  # not said: the argument keeps its default
        else:
            value, mention = maker.make(slot)
        values[key] = value
        mentions[key] = mention
        pieces.append((mention, True))
    opens_with_value = bool(pieces) and pieces[0][1]
    return Query(_roughen(pieces, rng, noise), values, mentions, opens_with_value)


def _roughen(pieces: list[tuple[str, bool]], rng: random.Random, noise: float) -> str:
    lower = rng.random() < noise * 0.5
    typo = rng.random() < noise * 0.5
    words = [i for i, (text, is_value) in enumerate(pieces) if not is_value and text.strip()]
    typo_piece = rng.choice(words) if typo and words else None
    out = []
    for index, (text, is_value) in enumerate(pieces):
        if not is_value:
            if lower:
                text = text.lower()
            if index == typo_piece:
                text = _typo(text, rng)
        out.append(text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", "".join(out))).strip()
    if rng.random() < noise * 0.4 and text[-1:] in ".?!":
        text = text[:-1]
    if rng.random() < noise * 0.2 and pieces and not pieces[0][1]:
        text = text[:1].lower() + text[1:]
    return text


def _typo(text: str, rng: random.Random) -> str:
    """One slip in one word of four letters or more: two letters swapped or one dropped."""
    spans = [m.span() for m in re.finditer(r"[A-Za-z]{4,}", text)]
    if not spans:
        return text
    start, end = rng.choice(spans)
    word = text[start:end]
    at = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:
        word = word[:at] + word[at + 1 :]
    return text[:start] + word + text[end:]
