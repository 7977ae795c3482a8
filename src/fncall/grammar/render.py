"""Rendering a :class:`~fncall.grammar.ir.Grammar` as Lark (llguidance) or GBNF (llama.cpp).

In Lark, every rule that is regular (no recursion through it) becomes one regex terminal:
llguidance then matches it with its lexer instead of its Earley parser, which is what keeps
the per-token cost low.
"""

from __future__ import annotations

from fncall.grammar.ir import Alt, Chars, Grammar, Lit, Node, Ref, Rep, Seq

_REGEX_META = set("\\.+*?()|[]{}^$#&-~/")
_CLASS_META = set("\\]^-[&~")


def _hex(c: str) -> str:
    return f"\\x{{{ord(c):X}}}"


def _regex_char(c: str, meta: set[str]) -> str:
    if c in meta:
        return "\\" + c
    if ord(c) < 0x20 or ord(c) == 0x7F:
        return _hex(c)
    return c


def _references(node: Node, into: set[str]) -> set[str]:
    if isinstance(node, Ref):
        into.add(node.name)
    elif isinstance(node, Seq | Alt):
        for child in node.items if isinstance(node, Seq) else node.options:
            _references(child, into)
    elif isinstance(node, Rep):
        _references(node.item, into)
    return into


def _recursive_rules(grammar: Grammar) -> set[str]:
    """Rules that lie on a reference cycle or refer (transitively) to one: the rules that
    are not regular and must stay grammar rules rather than become regex terminals."""
    refs = {name: _references(node, set()) for name, node in grammar.rules.items()}
    referrers: dict[str, set[str]] = {name: set() for name in refs}
    for name, targets in refs.items():
        for target in targets:
            referrers[target].add(name)

    def reaches(source: str, goal: str) -> bool:
        seen, stack = set(), list(refs[source])
        while stack:
            name = stack.pop()
            if name == goal:
                return True
            if name not in seen:
                seen.add(name)
                stack.extend(refs[name])
        return False

    # Only rules that refer to something can be on a cycle; grammars here are small.
    cyclic = {name for name in refs if refs[name] and reaches(name, name)}
    non_regular, stack = set(cyclic), list(cyclic)
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
        self.regex_cache: dict[str, str] = {}

    def terminal(self, name: str) -> str:
        return "T_" + name.upper()

    def regex(self, node: Node) -> str:
        if isinstance(node, Lit):
            return "".join(_regex_char(c, _REGEX_META) for c in node.text)
        if isinstance(node, Chars):
            if not node.ranges:
                return "(?s:.)" if node.negated else "[^\\x{0}-\\x{10FFFF}]"
            body = "".join(
                _regex_char(a, _CLASS_META)
                if a == b
                else f"{_regex_char(a, _CLASS_META)}-{_regex_char(b, _CLASS_META)}"
                for a, b in node.ranges
            )
            return f"[{'^' if node.negated else ''}{body}]"
        if isinstance(node, Seq):
            return "".join(self.regex(item) for item in node.items)
        if isinstance(node, Alt):
            return "(?:" + "|".join(self.regex(o) for o in node.options) + ")"
        if isinstance(node, Rep):
            return f"(?:{self.regex(node.item)}){_repeat_suffix(node.low, node.high)}"
        if node.name not in self.regex_cache:
            self.regex_cache[node.name] = f"(?:{self.regex(self.grammar.rules[node.name])})"
        return self.regex_cache[node.name]

    def is_regular(self, node: Node) -> bool:
        if isinstance(node, Ref):
            return node.name not in self.non_regular
        if isinstance(node, Seq):
            return all(self.is_regular(i) for i in node.items)
        if isinstance(node, Alt):
            return all(self.is_regular(o) for o in node.options)
        if isinstance(node, Rep):
            return self.is_regular(node.item)
        return True

    def expansion(self, node: Node) -> str:
        if isinstance(node, Ref):
            if node.name in self.non_regular:
                return node.name
            return self.terminal(node.name)
        if isinstance(node, Lit):
            from fncall.grammar.ir import json_literal

            return json_literal(node.text)
        if self.is_regular(node):
            return "/" + self.regex(node) + "/"
        if isinstance(node, Seq):
            return " ".join(self.expansion(i) for i in node.items)
        if isinstance(node, Alt):
            return "(" + " | ".join(self.expansion(o) for o in node.options) + ")"
        assert isinstance(node, Rep)
        item = f"({self.expansion(node.item)})"
        if node.high is None or (node.low, node.high) == (0, 1):
            return item + _repeat_suffix(node.low, node.high)
        return f"{item} ~ {node.low}..{node.high}"

    def render(self) -> str:
        lines = []
        for name, node in self.grammar.rules.items():
            if name == self.grammar.start:
                lines.insert(0, f"start: {self.expansion(node)}")
            elif name in self.non_regular:
                lines.append(f"{name}: {self.expansion(node)}")
            else:
                lines.append(f"{self.terminal(name)}: /{self.regex(node)}/")
        return "\n".join(lines) + "\n"


def to_lark(grammar: Grammar) -> str:
    """The grammar in llguidance's Lark dialect (regular rules become regex terminals)."""
    return _LarkRenderer(grammar).render()


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
    """The grammar in llama.cpp's GBNF (start rule ``root``)."""
    lines = [f"root ::= {_gbnf(grammar.rules[grammar.start])}"]
    lines += [
        f"{name.replace('_', '-')} ::= {_gbnf(node)}"
        for name, node in grammar.rules.items()
        if name != grammar.start
    ]
    return "\n".join(lines) + "\n"
