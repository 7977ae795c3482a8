"""Grammar rules for argument values, compiled from JSON Schema, in JSON syntax, Python
literals, or a syntax whose strings sit raw between delimiter tokens (FunctionGemma's).

Every string, number and array is bounded and whitespace is fixed, so a weak model cannot
run on until its token limit. Where a schema keyword cannot be written exactly, the grammar
admits a *subset* of the valid values (an object's properties in declared order, numeric
bounds rounded inwards), never a superset; ``pattern`` is the one keyword left to
validation after generation, and a grammar that relies on that lists it in ``unenforced``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fncall.calls.pyformat import format_python_value
from fncall.errors import GrammarError
from fncall.grammar.grounding import MAX_LISTED_SPANS, Grounding
from fncall.grammar.ir import EMPTY, Chars, GrammarBuilder, Node, Ref, alt, chars, opt, rep, seq


@dataclass(frozen=True)
class GrammarLimits:
    """Bounds that keep every generation finite.

    Attributes:
        max_string: Characters in a string without ``maxLength``.
        max_items: Items in an array without ``maxItems``.
        max_integer_digits: Digits of an integer without bounds.
        max_fraction_digits: Digits after a decimal point.
        max_depth: Nesting of free-form objects and arrays (schema ``{}``).
        max_calls: Calls in one parallel answer.
    """

    max_string: int = 256
    max_items: int = 16
    max_integer_digits: int = 12
    max_fraction_digits: int = 6
    max_depth: int = 3
    max_calls: int = 8


DEFAULT_LIMITS = GrammarLimits()


# short escapes the string rules accept (ValueCompiler._make_string_unit); string_body writes
# these, so a text copied into a grammar is a string those rules would also allow
_PYTHON_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_JSON_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


@dataclass(frozen=True)
class ValueSyntax:
    """How values are written: JSON, Python literals, or delimited raw strings.

    Attributes:
        python: Python literals (``True``, ``None``, ``'...'`` strings) instead of JSON.
        item_separator: Between array items and object members.
        key_separator: Between an object key and its value.
        excluded: Characters that may not appear raw inside strings (a dialect's end marker
            starts with one); they can still be written as ``\\u`` escapes.
        string_delimiter: A token that opens and closes every string, whose text is then
            written raw, without escapes (FunctionGemma's ``<escape>``); object keys are
            sorted, bare where they are names (:data:`BARE_KEY`), and the grammar's strings
            hold no ``<``.
        null_literal: How null is written, where not the syntax's own (``None``).
    """

    python: bool = False
    item_separator: str = ", "
    key_separator: str = ": "
    excluded: str = ""
    string_delimiter: str | None = None
    null_literal: str | None = None

    def literal(self, value: Any) -> str:
        if self.string_delimiter is not None:
            return self._delimited(value)
        if value is None and self.null_literal is not None:
            return self.null_literal
        if self.python:
            return format_python_value(value)
        return json.dumps(
            value, ensure_ascii=False, separators=(self.item_separator, self.key_separator)
        )

    def _delimited(self, value: Any) -> str:
        if isinstance(value, str):
            return f"{self.string_delimiter}{value}{self.string_delimiter}"
        if value is None:
            return self.null_literal or "null"
        if isinstance(value, dict):
            members = (
                f"{self.key(key)}{self._delimited(item)}" for key, item in sorted(value.items())
            )
            return "{" + self.item_separator.join(members) + "}"
        if isinstance(value, list | tuple):
            return "[" + self.item_separator.join(self._delimited(v) for v in value) + "]"
        return json.dumps(value)

    @property
    def quote(self) -> str:
        """What opens and closes a string: Python literals use single quotes, as ``repr``
        and NexusRaven write them."""
        if self.string_delimiter is not None:
            return self.string_delimiter
        return "'" if self.python else '"'

    def key(self, name: str) -> str:
        """An object key and its separator (with a string delimiter: a bare name where it
        is one, else delimited like a string)."""
        if self.string_delimiter is not None:
            bare = BARE_KEY.fullmatch(name) is not None
            return (name if bare else self.literal(name)) + self.key_separator
        return self.literal(name) + self.key_separator

    def string_body(self, text: str) -> str:
        """``text`` as the inside of a string literal (quotes not included), escaped so the
        string rule accepts it: short escapes where the syntax has them, ``\\uXXXX`` for
        other control characters and for ``excluded`` ones; raw between delimiters."""
        if self.string_delimiter is not None:
            return text
        short = _PYTHON_ESCAPES if self.python else _JSON_ESCAPES
        out = []
        for c in text:
            if c in short:
                out.append(short[c])
            elif c < " " or c == "\x7f" or c in self.excluded:
                out.append(f"\\u{ord(c):04x}")
            else:
                out.append(c)
        return "".join(out)


BARE_KEY = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
"""Keys a delimited-string syntax writes bare."""
_HEX = chars("0-9a-fA-F")
# \\u escapes outside the surrogate range, so a decoded string is always valid text
_UNICODE_ESCAPE = seq(
    "\\u", alt(seq(chars("0-9a-cA-CefEF"), _HEX), seq(chars("dD"), chars("0-7"))), _HEX, _HEX
)
_DIGIT = chars("0-9")
# keywords that do not change which values are valid, so schemas differing only in them
# share a rule
_ANNOTATIONS = frozenset({"description", "title", "examples", "default", "$comment"})
_MONTH_DAYS = {"31": "01 03 05 07 08 10 12", "30": "04 06 09 11"}


def _date() -> Node:
    day_any = alt(seq("0", chars("1-9")), seq("1", _DIGIT), seq("2", chars("0-8")))
    long_months = alt(*_MONTH_DAYS["31"].split())
    not_feb = alt(*_MONTH_DAYS["31"].split(), *_MONTH_DAYS["30"].split())
    month = alt(seq("0", chars("1-9")), seq("1", chars("0-2")))
    return seq(
        chars("12"),
        _DIGIT,
        _DIGIT,
        _DIGIT,
        "-",
        alt(seq(month, "-", day_any), seq(not_feb, "-", alt("29", "30")), seq(long_months, "-31")),
    )


def _time() -> Node:
    hour = alt(seq(chars("01"), _DIGIT), seq("2", chars("0-3")))
    sixty = seq(chars("0-5"), _DIGIT)
    zone = alt("Z", seq(chars("+\\-"), hour, ":", sixty))
    return seq(hour, ":", sixty, ":", sixty, opt(seq(".", rep(_DIGIT, 1, 6))), opt(zone))


_ASCII_WORD = chars("a-zA-Z0-9")
_FORMATS: dict[str, Callable[[], Node]] = {
    "date": _date,
    "time": _time,
    "date-time": lambda: seq(_date(), "T", _time()),
    "email": lambda: seq(
        rep(chars("a-zA-Z0-9._+\\-"), 1, 32),
        "@",
        rep(chars("a-zA-Z0-9\\-"), 1, 32),
        rep(seq(".", rep(_ASCII_WORD, 1, 16)), 1, 3),
    ),
    "uuid": lambda: seq(
        rep(_HEX, 8, 8),
        "-",
        rep(_HEX, 4, 4),
        "-",
        rep(_HEX, 4, 4),
        "-",
        rep(_HEX, 4, 4),
        "-",
        rep(_HEX, 12, 12),
    ),
}


def _nonnegative_range(low: int, high: int) -> Node:
    """Decimal integers ``low..high`` (``0 <= low <= high``), no leading zeros."""
    digits = len(str(high))
    if low <= 1 and high == 10**digits - 1:  # every number up to N digits: the common case
        positive = seq(chars("1-9"), rep(_DIGIT, 0, digits - 1))
        return alt("0", positive) if low == 0 else positive
    parts = []
    for length in range(len(str(low)), digits + 1):
        first = max(low, 10 ** (length - 1) if length > 1 else 0)
        last = min(high, 10**length - 1)
        if first <= last:
            parts.append(_same_length(str(first), str(last)))
    return alt(*parts)


def _same_length(a: str, b: str) -> Node:
    """Digit strings from ``a`` to ``b`` of one length: the partial first and last blocks,
    and a full block of every leading digit in between, so the rule stays small."""
    if a == b:
        return seq(a)
    rest = len(a) - 1
    if rest == 0:
        return chars(f"{a}-{b}")
    if a[0] == b[0]:
        return seq(a[0], _same_length(a[1:], b[1:]))
    options = []
    first, last = int(a[0]), int(b[0])
    if a[1:] != "0" * rest:
        options.append(seq(a[0], _same_length(a[1:], "9" * rest)))
        first += 1
    top = None
    if b[1:] != "9" * rest:
        top = seq(b[0], _same_length("0" * rest, b[1:]))
        last -= 1
    if first <= last:
        options.append(seq(chars(f"{first}-{last}"), rep(_DIGIT, rest, rest)))
    if top is not None:
        options.append(top)
    return alt(*options)


def integer_range(low: int, high: int) -> Node:
    """Decimal integers from ``low`` to ``high`` inclusive."""
    if low > high:
        raise GrammarError(f"no integer lies between {low} and {high}")
    parts = []
    if low < 0:
        parts.append(seq("-", _nonnegative_range(max(1, -high), -low)))
    if high >= 0:
        parts.append(_nonnegative_range(max(0, low), high))
    return alt(*parts)


def _bounds(schema: dict[str, Any], cap: int) -> tuple[float, float, int, int]:
    """The schema's bounds (``minimum`` or ``exclusiveMinimum``, whichever is tighter; the
    same above; ``-cap``/``cap`` when absent), and the first and last whole numbers inside
    them."""
    low, high = schema.get("minimum", -cap), schema.get("maximum", cap)
    low_strict = "exclusiveMinimum" in schema and schema["exclusiveMinimum"] >= low
    high_strict = "exclusiveMaximum" in schema and schema["exclusiveMaximum"] <= high
    if low_strict:
        low = schema["exclusiveMinimum"]
    if high_strict:
        high = schema["exclusiveMaximum"]
    first = math.floor(low) + 1 if low_strict else math.ceil(low)
    last = math.ceil(high) - 1 if high_strict else math.floor(high)
    return low, high, max(first, -cap), min(last, cap)


DISTINCT_KEYS = "distinct keys in an object with free-form keys"


class ValueCompiler:
    """Compiles schemas to value rules in one :class:`GrammarBuilder`, one rule per distinct
    (syntax, schema).

    With ``grounded_in``, free-form strings must be spans of those texts (see
    :mod:`fncall.grammar.grounding`).
    """

    def __init__(
        self,
        builder: GrammarBuilder,
        syntax: ValueSyntax,
        limits: GrammarLimits,
        grounded_in: Sequence[str] | None = None,
    ):
        self.b = builder
        self.syntax = syntax
        self.limits = limits
        self.grounding = None if grounded_in is None else Grounding(grounded_in, builder, syntax)
        self.unenforced: list[str] = []
        self._rules: dict[object, Ref] = {}
        self._string_unit = self._make_string_unit()

    def _make_string_unit(self) -> Node:
        quote = self.syntax.quote
        if self.syntax.string_delimiter is not None:  # raw text: no escapes, no "<"
            raw = chars("<\x00-\x08\x0b-\x1f\x7f" + self.syntax.excluded, negated=True)
            return self.b.rule("char", raw)
        if self.syntax.python:
            raw = chars(quote + "\\\x00-\x1f\x7f", negated=True)
            escapes = seq("\\", chars("\\'\"nrt"))
        else:
            raw = chars(quote + "\\\x00-\x1f", negated=True)
            escapes = seq("\\", chars('"\\/bfnrt'))
        raw = Chars(raw.ranges + tuple((c, c) for c in self.syntax.excluded), negated=True)
        return self.b.rule("char", alt(raw, escapes, _UNICODE_ESCAPE))

    # -- scalars -------------------------------------------------------------------------

    def string(self, schema: dict[str, Any], grounded: bool = False) -> Node:
        """A string of ``schema``; with ``grounded``, a span of the grounding texts where the
        schema leaves the string free-form (no ``format``, no ``pattern``)."""
        fmt = schema.get("format")
        if fmt in _FORMATS:
            return seq(self.syntax.quote, _FORMATS[fmt](), self.syntax.quote)
        if "pattern" in schema:
            self.unenforced.append(f"pattern {schema['pattern']!r}")
        low = int(schema.get("minLength", 0))
        high = max(low, min(int(schema.get("maxLength", self.limits.max_string)), 10**6))
        high = min(high, max(low, self.limits.max_string))
        if grounded and self.grounding is not None and not {"format", "pattern"} & set(schema):
            bounds = [f"{k} {schema[k]}" for k in ("minLength", "maxLength") if k in schema]
            span, enforced = (
                self.grounding.bounded_span(low, high)
                if bounds
                else (self.grounding.any_span, True)
            )
            if not enforced:
                self.unenforced.append(
                    f"grounding: {' and '.join(bounds)} (more than {MAX_LISTED_SPANS} spans "
                    "of the request are that short)"
                )
            if span is not None:
                return span
            self.unenforced.append(
                f"grounding: no span of the request fits {' and '.join(bounds)}"
                if bounds
                else "grounding: the request has no words to copy"
            )
        return seq(self.syntax.quote, rep(self._string_unit, low, high), self.syntax.quote)

    def integer(self, schema: dict[str, Any]) -> Node:
        _, _, first, last = _bounds(schema, 10**self.limits.max_integer_digits - 1)
        return integer_range(first, last)

    def number(self, schema: dict[str, Any]) -> Node:
        cap = 10**self.limits.max_integer_digits - 1
        low, high, first, last = _bounds(schema, cap)
        fraction = opt(seq(".", rep(_DIGIT, 1, self.limits.max_fraction_digits)))
        if not {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"} & set(schema):
            return seq(opt("-"), _nonnegative_range(0, cap), fraction)
        zero_fraction = opt(seq(".", rep(chars("0"), 1, self.limits.max_fraction_digits)))
        # Whole-number bounds, rounded inwards; the fraction is free below the top bound.
        if first > last:
            strict = "exclusiveMinimum" in schema or "exclusiveMaximum" in schema
            if low > high or (low == high and strict):
                raise GrammarError(f"no number lies within the bounds {low} and {high}")
            # no whole number in range (e.g. 0.2..0.8): offer the midpoint
            return seq(repr((low + high) / 2))
        options = []
        if first < 0:  # -m with m in [max(0, -last), -first]; m = -first exactly has no fraction
            top = -first
            bottom = max(0, -last)
            if top - 1 >= bottom:
                options.append(seq("-", integer_range(bottom, top - 1), fraction))
            options.append(seq("-", str(top), zero_fraction))
        if last >= 0:
            bottom = max(0, first)
            if last - 1 >= bottom:
                options.append(seq(integer_range(bottom, last - 1), fraction))
            options.append(seq(str(last), zero_fraction))
        return alt(*options)

    # -- structures ----------------------------------------------------------------------

    def array(self, schema: dict[str, Any], depth: int) -> Node:
        items = schema.get("items", True)
        if isinstance(items, list) or "prefixItems" in schema:
            raise GrammarError("tuple-shaped arrays (prefixItems) are not supported")
        item = self.value(items, depth - 1)
        low = int(schema.get("minItems", 0))
        high = max(low, min(int(schema.get("maxItems", self.limits.max_items)), low + 64))
        sep = self.syntax.item_separator
        if high == 0:
            return seq("[]")
        body = seq(item, rep(seq(sep, item), max(0, low - 1), high - 1))
        return seq("[", body if low else opt(body), "]")

    def key(self, name: str) -> str:
        return self.syntax.key(name)

    def object(self, schema: dict[str, Any], depth: int) -> Node:
        properties = schema.get("properties") or {}
        required = set(schema.get("required", []))
        if not properties:
            extra = schema.get("additionalProperties", True)
            if extra is False:
                return seq("{}")
            free_key = (
                rep(chars("A-Za-z0-9_"), 1, 64)
                if self.syntax.string_delimiter is not None
                else self.string({})
            )
            member = seq(free_key, self.syntax.key_separator, self.value(extra, depth - 1))
            if self.limits.max_items > 1:
                # a grammar cannot keep free keys apart; parsers refuse a repeated key
                self.unenforced.append(DISTINCT_KEYS)
            more = rep(seq(self.syntax.item_separator, member), 0, self.limits.max_items - 1)
            return seq("{", opt(seq(member, more)), "}")
        members = [
            (seq(self.key(name), self.value(sub, depth - 1)), name in required)
            for name, sub in properties.items()
        ]
        return seq("{", self.members(members, self.syntax.item_separator), "}")

    def members(self, members: list[tuple[Node, bool]], sep: str) -> Node:
        """Members in declared order, each optional one skippable, separated by ``sep``.

        Built back to front: ``after`` is what may follow once an earlier member has been
        written, ``first`` what may come while nothing has been written yet. ``after`` is
        used twice per optional member, so it becomes a rule rather than being copied; so
        does ``first`` after each optional member, so its nesting does not grow with them.
        """
        after: Node = EMPTY
        first: Node = EMPTY
        for member, is_required in reversed(members):
            written_after = seq(sep, member, after)
            written_first = seq(member, after)
            if is_required:
                after, first = written_after, written_first
            else:
                after, first = alt(written_after, after), alt(written_first, first)
                first = self.b.rule("members_first", first)
            if after != EMPTY:
                after = self.b.rule("members", after)
        return first

    # -- dispatch ------------------------------------------------------------------------

    def value(self, schema: Any, depth: int | None = None) -> Node:
        """The rule for values of ``schema`` (``True``/``{}``: any value, nesting bounded)."""
        depth = self.limits.max_depth if depth is None else depth
        if not isinstance(schema, dict) or not schema:
            return self._value(schema, depth)
        shape = {k: v for k, v in schema.items() if k not in _ANNOTATIONS}
        key = (self.syntax, json.dumps(shape, sort_keys=True, default=str), depth)
        if key in self._rules:
            return self._rules[key]
        ref = self.b.reserve("value")
        self._rules[key] = ref
        self.b.define(ref, self._value(schema, depth))
        return ref

    def _value(self, schema: Any, depth: int) -> Node:
        if schema is True or schema == {} or not isinstance(schema, dict):
            return self.any(depth)
        if "const" in schema:
            return seq(self.syntax.literal(schema["const"]))
        if "enum" in schema:
            return alt(*(self.syntax.literal(v) for v in schema["enum"]))
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return alt(*(self.value(sub, depth) for sub in schema[key]))
        if "allOf" in schema:
            if len(schema["allOf"]) != 1:
                raise GrammarError("allOf with several schemas is not supported")
            return self.value(schema["allOf"][0], depth)
        types = schema.get("type")
        if types is None:
            return self.any(depth)
        options = []
        for kind in [types] if isinstance(types, str) else types:
            options.append(self.typed(kind, schema, depth))
        return alt(*options)

    def typed(self, kind: str, schema: dict[str, Any], depth: int) -> Node:
        if kind == "string":
            return self.string(schema, grounded=True)
        if kind == "integer":
            return self.integer(schema)
        if kind == "number":
            return self.number(schema)
        if kind == "boolean":
            return alt(self.syntax.literal(True), self.syntax.literal(False))
        if kind == "null":
            return seq(self.syntax.literal(None))
        if kind == "array":
            return self.array(schema, depth)
        if kind == "object":
            return self.object(schema, depth)
        raise GrammarError(f"unknown JSON type {kind!r}")

    def any(self, depth: int) -> Node:
        """Any value, with arrays and objects nested at most ``depth`` levels."""
        scalars = [
            self.string({}),
            *(self.typed(k, {}, depth) for k in ("number", "boolean", "null")),
        ]
        if depth <= 0:
            return self.b.rule("scalar", alt(*scalars), key=(self.syntax, "scalar"))
        nested = [self.array({}, depth), self.object({}, depth)]
        return self.b.rule("any", alt(*scalars, *nested), key=(self.syntax, "any", depth))
