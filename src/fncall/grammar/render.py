"""Rendering a :class:`~fncall.grammar.ir.Grammar` as Lark (llguidance) or GBNF (llama.cpp).

In Lark, every rule that is regular (no recursion through it) becomes a terminal: llguidance
then matches it with its lexer instead of its Earley parser, which keeps the per-token cost
low.
"""

from __future__ import annotations

from fncall.errors import GrammarError
from fncall.grammar.ir import (
    Alt,
    Chars,
    FreeText,
    Grammar,
    Lit,
    Node,
    Ref,
    Rep,
    Seq,
    children,
    json_literal,
    references,
)

_CLASS_META = set("\\]^-[&~/")


def _regex_char(c: str) -> str:
    """One character inside a regex character class."""
    if c in _CLASS_META:
        return "\\" + c
    if ord(c) < 0x20 or ord(c) == 0x7F:
        return f"\\x{{{ord(c):X}}}"
    return c


def _has_free_text(node: Node) -> bool:
    return isinstance(node, FreeText) or any(_has_free_text(c) for c in children(node))


def _recursive_rules(grammar: Grammar) -> set[str]:
    """Rules that cannot become one regex terminal: those on a reference cycle or holding
    free text (a lexeme of its own), and every rule that refers to one of them."""
    refs = {name: references(node, set()) for name, node in grammar.rules.items()}
    referrers: dict[str, set[str]] = {name: set() for name in refs}
    for name, targets in refs.items():
        for target in targets:
            referrers[target].add(name)

    # Peel off rules whose references are all peeled off: what is left is on a cycle or
    # refers to one. Linear, where a search from each rule is quadratic in a long chain of
    # rules (a grounded string's).
    unpeeled = {name: len(targets) for name, targets in refs.items()}
    stack = [name for name, count in unpeeled.items() if count == 0]
    while stack:
        for referrer in referrers[stack.pop()]:
            unpeeled[referrer] -= 1
            if unpeeled[referrer] == 0:
                stack.append(referrer)
    seeds = {name for name, count in unpeeled.items() if count}
    seeds |= {name for name, node in grammar.rules.items() if _has_free_text(node)}
    non_regular, stack = set(seeds), list(seeds)
    while stack:
        for referrer in referrers[stack.pop()]:
            if referrer not in non_regular:
                non_regular.add(referrer)
                stack.append(referrer)
    return non_regular


def _repeat_suffix(low: int, high: int | None) -> str:
    if (low, high) == (0, 1):
        return "?"
    if (low, high) == (0, None):
        return "*"
    if (low, high) == (1, None):
        return "+"
    return f"{{{low},}}" if high is None else f"{{{low},{high}}}"


class _LarkRenderer:
    def __init__(self, grammar: Grammar) -> None:
        self.grammar = grammar
        self.non_regular = _recursive_rules(grammar)
        self.free_text: dict[FreeText, str] = {}

    def name(self, rule: str) -> str:
        """Regular rules are terminals (upper case in Lark), the rest are rules."""
        return rule if rule in self.non_regular else "T_" + rule.upper()

    def expr(self, node: Node) -> str:
        if isinstance(node, Ref):
            return self.name(node.name)
        if isinstance(node, FreeText):
            if node not in self.free_text:
                self.free_text[node] = f"T_TEXT_{len(self.free_text) + 1}"
            return self.free_text[node]
        if isinstance(node, Lit):
            return json_literal(node.text)
        if isinstance(node, Chars):
            return "/" + _char_class(node) + "/"
        if isinstance(node, Seq):
            return "(" + " ".join(self.expr(i) for i in node.items) + ")" if node.items else '""'
        if isinstance(node, Alt):
            return "(" + " | ".join(self.expr(o) for o in node.options) + ")"
        return f"({self.expr(node.item)}){_repeat_suffix(node.low, node.high)}"

    def render(self) -> str:
        lines = [f"start: {self.expr(self.grammar.rules[self.grammar.start])}"]
        lines += [
            f"{self.name(name)}: {self.expr(node)}"
            for name, node in self.grammar.rules.items()
            if name != self.grammar.start
        ]
        for text, terminal in self.free_text.items():
            avoid = text.avoid.replace("/", "\\/")
            lines.append(f"{terminal}: /(?s:.*)/ & ~/(?s:(?:{avoid}).*)/")
        return "\n".join(lines) + "\n"


def _char_class(node: Chars) -> str:
    if not node.ranges:
        return "(?s:.)" if node.negated else "[^\\x{0}-\\x{10FFFF}]"
    body = "".join(
        _regex_char(a) if a == b else f"{_regex_char(a)}-{_regex_char(b)}" for a, b in node.ranges
    )
    return f"[{'^' if node.negated else ''}{body}]"


def to_lark(grammar: Grammar) -> str:
    """The grammar in llguidance's Lark dialect: regular rules become terminals, so the
    lexer, not the Earley parser, matches them.

    Raises:
        GrammarError: a rule refers to one the grammar does not define.
    """
    _check_defined(grammar)
    return _LarkRenderer(grammar).render()


def _check_defined(grammar: Grammar) -> None:
    named = {grammar.start, *(name for node in grammar.rules.values() for name in references(node))}
    missing = sorted(named - grammar.rules.keys())
    if missing:
        raise GrammarError(f"the grammar refers to undefined rule(s): {', '.join(missing)}")


_GBNF_STRING_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _gbnf_char(c: str, in_class: bool) -> str:
    if in_class and (c in "\\]^-[" or not c.isprintable()):
        return f"\\x{ord(c):02X}" if ord(c) < 0x100 else f"\\u{ord(c):04X}"
    if not in_class and c in _GBNF_STRING_ESCAPES:
        return _GBNF_STRING_ESCAPES[c]
    if not c.isprintable():
        return f"\\x{ord(c):02X}" if ord(c) < 0x100 else f"\\U{ord(c):08X}"
    return c


def _gbnf(node: Node) -> str:
    if isinstance(node, FreeText):
        return _gbnf(node.approximation)
    if isinstance(node, Lit):
        return '"' + "".join(_gbnf_char(c, False) for c in node.text) + '"'
    if isinstance(node, Chars):
        if not node.ranges:
            return "[^\\x00]" if node.negated else '""'
        body = "".join(
            _gbnf_char(a, True) if a == b else f"{_gbnf_char(a, True)}-{_gbnf_char(b, True)}"
            for a, b in node.ranges
        )
        return f"[{'^' if node.negated else ''}{body}]"
    if isinstance(node, Seq):
        return "(" + " ".join(_gbnf(i) for i in node.items) + ")"
    if isinstance(node, Alt):
        return "(" + " | ".join(_gbnf(o) for o in node.options) + ")"
    if isinstance(node, Rep):
        return f"({_gbnf(node.item)}){_repeat_suffix(node.low, node.high)}"
    return node.name.replace("_", "-")


def to_gbnf(grammar: Grammar) -> str:
    """The grammar in llama.cpp's GBNF (start rule ``root``).

    Raises:
        GrammarError: a rule refers to one the grammar does not define.
    """
    _check_defined(grammar)
    lines = [f"root ::= {_gbnf(grammar.rules[grammar.start])}"]
    lines += [
        f"{name.replace('_', '-')} ::= {_gbnf(node)}"
        for name, node in grammar.rules.items()
        if name != grammar.start
    ]
    return "\n".join(lines) + "\n"
