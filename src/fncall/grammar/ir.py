"""A small grammar representation that renders to Lark (llguidance, vLLM's ``guidance``
backend) and to GBNF (llama.cpp, xgrammar).

Dialects build their call syntax from these nodes; nothing here knows about tools. A
:class:`Grammar` is a set of named rules; :class:`Ref` refers to one by name, which is the
only way to write recursion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Lit:
    """Exactly this text."""

    text: str


@dataclass(frozen=True)
class Chars:
    """One character from ``ranges`` (inclusive ``(first, last)`` pairs), or, when
    ``negated``, one character from none of them."""

    ranges: tuple[tuple[str, str], ...]
    negated: bool = False


@dataclass(frozen=True)
class Seq:
    """The items one after another."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Alt:
    """Any one of the options."""

    options: tuple[Node, ...]


@dataclass(frozen=True)
class Rep:
    """``item`` repeated ``low`` to ``high`` times (``high=None``: no upper bound)."""

    item: Node
    low: int
    high: int | None


@dataclass(frozen=True)
class Ref:
    """The rule called ``name``."""

    name: str


@dataclass(frozen=True)
class FreeText:
    """Any text that does not *start* with a match of the regex ``avoid``: a dialect's
    plain-text answer, which must not look like the beginning of a call.

    ``avoid`` is a regex in the syntax Python and llguidance share (write ``(?s:.*)X`` to
    forbid ``X`` anywhere). GBNF has no negation, so GBNF renders ``approximation`` instead:
    a subset of the same language, written with ordinary nodes.
    """

    avoid: str
    approximation: Node


Node = Lit | Chars | Seq | Alt | Rep | Ref | FreeText


def seq(*items: Node | str) -> Node:
    """A sequence; strings are literals, nested sequences are flattened, empty ones dropped."""
    flat: list[Node] = []
    for item in items:
        node = Lit(item) if isinstance(item, str) else item
        if isinstance(node, Seq):
            flat.extend(node.items)
        elif not (isinstance(node, Lit) and not node.text):
            flat.append(node)
    merged: list[Node] = []
    for node in flat:  # adjacent literals become one, so renderers emit fewer lexemes
        if merged and isinstance(node, Lit) and isinstance(merged[-1], Lit):
            merged[-1] = Lit(merged[-1].text + node.text)
        else:
            merged.append(node)
    return merged[0] if len(merged) == 1 else Seq(tuple(merged))


EMPTY = Seq(())
"""The empty sequence."""


def alt(*options: Node | str) -> Node:
    """A choice; strings are literals, duplicates are dropped, and an empty option makes the
    rest optional."""
    unique: list[Node] = []
    optional = False
    for option in options:
        node = seq(option)
        if node == EMPTY:
            optional = True
        elif node not in unique:
            unique.append(node)
    if not unique:
        return EMPTY
    choice = unique[0] if len(unique) == 1 else Alt(tuple(unique))
    return Rep(choice, 0, 1) if optional else choice


def rep(item: Node | str, low: int, high: int | None) -> Node:
    """``item`` repeated ``low`` to ``high`` times, simplified where the bounds allow (no
    renderer accepts ``{0,0}``)."""
    if high == 0:
        return EMPTY
    if low == high == 1:
        return seq(item)
    return Rep(seq(item), low, high)


def opt(item: Node | str) -> Node:
    """Zero or one ``item``."""
    return alt(item, EMPTY)


def chars(spec: str, negated: bool = False) -> Chars:
    """A character class from a compact spec: ``"a-zA-Z_"`` (a ``-`` between two characters
    is a range; a leading or trailing ``-`` is itself)."""
    ranges = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            ranges.append((spec[i], spec[i + 2]))
            i += 3
        else:
            ranges.append((spec[i], spec[i]))
            i += 1
    return Chars(tuple(ranges), negated)


ANY_CHAR = Chars((), negated=True)


def children(node: Node) -> tuple[Node, ...]:
    """The nodes directly inside ``node``."""
    if isinstance(node, Seq):
        return node.items
    if isinstance(node, Alt):
        return node.options
    if isinstance(node, Rep):
        return (node.item,)
    if isinstance(node, FreeText):
        return (node.approximation,)
    return ()


def references(node: Node, into: set[str] | None = None) -> set[str]:
    """Names of the rules ``node`` refers to (not following the references)."""
    into = set() if into is None else into
    if isinstance(node, Ref):
        into.add(node.name)
    for child in children(node):
        references(child, into)
    return into


@dataclass
class Grammar:
    """Named rules; generation must match ``rules[start]``."""

    rules: dict[str, Node] = field(default_factory=dict)
    start: str = "start"
    unenforced: list[str] = field(default_factory=list)
    """Schema constraints the grammar does not enforce (checked by validation instead)."""

    @cached_property
    def lark(self) -> str:
        """The grammar in llguidance's Lark syntax."""
        from fncall.grammar.render import to_lark

        return to_lark(self)

    @cached_property
    def gbnf(self) -> str:
        """The grammar in llama.cpp's GBNF syntax (also read by xgrammar)."""
        from fncall.grammar.render import to_gbnf

        return to_gbnf(self)

    def __hash__(self) -> int:
        return hash(self.lark)


class GrammarBuilder:
    """Collects rules under unique names; ``rule(key, build)`` builds each distinct
    sub-grammar once, so a schema used by many tools yields one rule."""

    def __init__(self) -> None:
        self.grammar = Grammar()
        self._by_key: dict[object, Ref] = {}
        self._last_suffix: dict[str, int] = {}

    def rule(self, hint: str, node: Node, key: object = None) -> Ref:
        """Add ``node`` as a rule named after ``hint`` and return a reference to it.

        With a ``key`` already seen, the earlier rule is reused and ``node`` is ignored.
        """
        if key is not None and key in self._by_key:
            return self._by_key[key]
        ref = self.reserve(hint, key)
        self.define(ref, node)
        return ref

    def reserve(self, hint: str, key: object = None) -> Ref:
        """A fresh rule name to refer to before its body exists (for recursion)."""
        base = "".join(c if c.isalnum() else "_" for c in hint.lower()).strip("_") or "r"
        name, n = base, self._last_suffix.get(base, 1)
        while name in self.grammar.rules or name == "start":  # counts on: no rescans
            n += 1
            name = f"{base}_{n}"
        self._last_suffix[base] = n
        self.grammar.rules[name] = Lit("")  # placeholder until define()
        ref = Ref(name)
        if key is not None:
            self._by_key[key] = ref
        return ref

    def define(self, ref: Ref, node: Node) -> None:
        """Set the body of a reserved rule."""
        self.grammar.rules[ref.name] = node

    def build(self, start: Node) -> Grammar:
        """Finish with ``start`` as the start rule, dropping rules it cannot reach."""
        rules = {"start": start, **self.grammar.rules}
        reachable, stack = {"start"}, ["start"]
        while stack:
            for name in references(rules[stack.pop()]):
                if name not in reachable:
                    reachable.add(name)
                    stack.append(name)
        self.grammar.rules = {name: rules[name] for name in rules if name in reachable}
        return self.grammar


def json_literal(text: str) -> str:
    """``text`` as a double-quoted string literal (the syntax both Lark and GBNF read)."""
    return json.dumps(text, ensure_ascii=False)
