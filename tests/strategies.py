"""Reusable hypothesis strategies for fncall: JSON Schemas, tools, tool sets, valid values
and valid calls.

Import them as ``from tests.strategies import tools, calls_for`` (``tests`` is a package, so
pytest puts the repository root on ``sys.path``).

Everything generated here is *valid*: every schema is accepted by :class:`fncall.Tool`,
every value from :func:`values_for` passes :func:`fncall.calls.validate_call`, and every call
from :func:`calls_for` validates against its tool set. Strings deliberately contain the
characters that break naive formatters and parsers (quotes, backslashes, newlines, ``;``,
``)``, ``<``, ``{``, unicode, dialect markers), because round trips fail on exactly those.

Strategies that produce strings take an optional ``strings`` strategy so that a test can
exclude text a particular format cannot carry (for example a dialect's stop sequence).
"""

from __future__ import annotations

import datetime as _dt
import keyword
import math
import string
from typing import Any

import re2
from hypothesis import strategies as st

from fncall.calls.call import NESTED_CALL_KEY, ToolCall
from fncall.tools.spec import Tool, ToolSet

__all__ = [
    "NASTY_FRAGMENTS",
    "SCHEMA_KEYWORD_NAMES",
    "calls_for",
    "calls_for_tool",
    "descriptions",
    "identifiers",
    "json_values",
    "nasty_text",
    "parameter_names",
    "safe_text",
    "scalar_schemas",
    "schemas",
    "tool_names",
    "tool_parameters",
    "tool_sets",
    "tools",
    "values_for",
    "wide_parameter_names",
]

# --- text ---------------------------------------------------------------------------------

NASTY_FRAGMENTS: tuple[str, ...] = (
    '"',
    "'",
    "\\",
    "\\n",
    "\\u0041",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\u2028",
    ";",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    ":",
    ",",
    "=",
    "#",
    "`",
    "```",
    "'''",
    '"""',
    "é",
    "日本語",
    "🙂",
    "None",
    "True",
    "null",
    "f(x=1)",
    "[f(x=1)]",
    '{"a": 1}',
    '{"function": "f"',
    '{"function_call": {',
    '"arguments": \'',
    "$call",
    "Call:",
    "Initial Answer:",
    "\nThought:",
    "\nReflection:",
    "<tool_call>",
    "</tool_call>",
    "<tool_response>",
    "<bot_end>",
    "<human_end>",
    "<|im_end|>",
    "<|EOT|>",
    "</s>",
    "[INST]",
)
"""Pieces of text that are syntax somewhere in fncall: quoting, escapes, call markers, stop
sequences. :func:`nasty_text` splices them between random characters."""


def nasty_text(max_size: int = 8) -> st.SearchStrategy[str]:
    """Strings built from random unicode runs and :data:`NASTY_FRAGMENTS`."""
    piece = st.one_of(st.text(max_size=4), st.sampled_from(NASTY_FRAGMENTS))
    return st.lists(piece, max_size=max_size).map("".join)


def safe_text(
    alphabet: str = string.ascii_letters + string.digits + " .,!?'-\n", max_size: int = 40
) -> st.SearchStrategy[str]:
    """Plain prose with no call syntax in it (no brackets, braces, colons or markup)."""
    return st.text(alphabet=alphabet, max_size=max_size)


def descriptions() -> st.SearchStrategy[str]:
    """Printable descriptions: any non-control text, with newlines, plus nasty pieces."""
    printable = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n")
    return st.one_of(st.text(printable, max_size=30), nasty_text(max_size=4))


# --- names --------------------------------------------------------------------------------

_COMMON_NAMES = (
    "city",
    "unit",
    "query",
    "n",
    "x",
    "_private",
    "name",
    "type",
    "format",
    "default",
    "description",
    "required",
    "optional",
    "properties",
    "items",
    "enum",
    "arguments",
    "function",
    "self",
    "match",
    "case",
    "print",
    "max_results",
    "userId",
)


def _not_keyword(name: str) -> bool:
    return not keyword.iskeyword(name)


def identifiers(max_size: int = 12) -> st.SearchStrategy[str]:
    """ASCII Python identifiers that are not keywords.

    Keywords (``from``, ``class``, ``None``) are valid JSON Schema property and tool names but
    cannot be written as Python keyword arguments; see ``test_properties.py`` for the
    regression test of what the Python-syntax dialects do with them.
    """
    pattern = rf"[A-Za-z_][A-Za-z0-9_]{{0,{max_size - 1}}}"
    return st.from_regex(pattern, fullmatch=True).filter(_not_keyword)


def parameter_names() -> st.SearchStrategy[str]:
    """Argument names: random identifiers and common ones that collide with schema keywords
    (``type``, ``required``, ``properties``...)."""
    return st.one_of(st.sampled_from(_COMMON_NAMES), identifiers())


SCHEMA_KEYWORD_NAMES = ("definitions", "$defs", "nullable", "$ref")
"""Property names that are also JSON Schema keywords; a tool keeps them as parameters."""

_AWKWARD_NAMES = ("from", "class", "lambda", "None", "user-id", "page size", "x.y", "1st", "é")


def wide_parameter_names() -> st.SearchStrategy[str]:
    """Argument names JSON allows but Python syntax cannot write: keywords (``from``),
    non-identifiers (``user-id``, ``page size``), schema keywords, random text. A tool refuses
    blank names, so none are drawn.

    For JSON formats and dialects; the Python-syntax dialects refuse such tools.
    """
    return st.one_of(
        parameter_names(),
        st.sampled_from(_AWKWARD_NAMES + SCHEMA_KEYWORD_NAMES),
        st.text(max_size=6).filter(str.strip),
    )


def tool_names() -> st.SearchStrategy[str]:
    """Tool names: identifiers, and sometimes dotted ones like ``math.factorial``."""
    dotted = st.lists(identifiers(max_size=8), min_size=2, max_size=3).map(".".join)
    return st.one_of(identifiers(), dotted, st.sampled_from(("math.factorial", "get_weather")))


# --- schemas ------------------------------------------------------------------------------

_ENUM_TEXT = st.text(string.ascii_letters + string.digits + " _-'\"\\é", min_size=1, max_size=8)


@st.composite
def _bounds(draw: st.DrawFn, low: int = -1000, high: int = 1000) -> dict[str, int]:
    """Optional ``minimum``/``maximum`` with ``minimum <= maximum``."""
    out: dict[str, int] = {}
    minimum = draw(st.none() | st.integers(low, high))
    maximum = draw(st.none() | st.integers(minimum if minimum is not None else low, high))
    if minimum is not None:
        out["minimum"] = minimum
    if maximum is not None:
        out["maximum"] = maximum
    return out


@st.composite
def _string_schema(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(("plain", "enum", "length")))
    if kind == "enum":
        return {
            "type": "string",
            "enum": draw(st.lists(_ENUM_TEXT, min_size=1, max_size=4, unique=True)),
        }
    if kind == "length":
        maximum = draw(st.integers(0, 20))
        schema: dict[str, Any] = {"type": "string", "maxLength": maximum}
        if draw(st.booleans()):
            schema["minLength"] = draw(st.integers(0, maximum))
        return schema
    return {"type": "string"}


def _integer_schema() -> st.SearchStrategy[dict[str, Any]]:
    return _bounds().map(lambda bounds: {"type": "integer", **bounds})


def _number_schema() -> st.SearchStrategy[dict[str, Any]]:
    return _bounds().map(lambda bounds: {"type": "number", **bounds})


@st.composite
def _int_enum_schema(draw: st.DrawFn) -> dict[str, Any]:
    values = draw(st.lists(st.integers(-50, 50), min_size=1, max_size=5, unique=True))
    # Typed (``{"type": "integer", "enum": ...}``) or bare (``{"enum": ...}``): both occur.
    return {"type": "integer", "enum": values} if draw(st.booleans()) else {"enum": values}


def _nullable_schema() -> st.SearchStrategy[dict[str, Any]]:
    """A type union with null: ``{"type": ["integer", "null"]}``."""
    base = st.sampled_from(("string", "integer", "number", "boolean"))
    return base.map(lambda kind: {"type": [kind, "null"]})


def scalar_schemas() -> st.SearchStrategy[dict[str, Any]]:
    """Schemas of one value that contains no other value (no arrays or objects)."""
    return st.one_of(
        _string_schema(),
        _integer_schema(),
        _number_schema(),
        st.just({"type": "boolean"}),
        _int_enum_schema(),
        _nullable_schema(),
    )


@st.composite
def _array_schema(draw: st.DrawFn, items: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": draw(items)}
    if draw(st.booleans()):
        low = draw(st.integers(0, 2))
        schema["minItems"] = low
        if draw(st.booleans()):
            schema["maxItems"] = draw(st.integers(max(low, 1), 4))
    return schema


@st.composite
def _object_schema(draw: st.DrawFn, sub: st.SearchStrategy[dict[str, Any]]) -> dict[str, Any]:
    names = draw(st.lists(parameter_names(), min_size=1, max_size=3, unique=True))
    properties = {name: draw(sub) for name in names}
    required = [name for name in names if draw(st.booleans())]
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required or draw(st.booleans()):
        schema["required"] = required
    return schema


def _map_schema(values: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A free-form object: any keys, values of one schema."""
    return values.map(lambda sub: {"type": "object", "additionalProperties": sub})


def schemas(depth: int = 2) -> st.SearchStrategy[dict[str, Any]]:
    """Random JSON Schemas of one parameter, containers nested at most ``depth`` deep.

    Scalars (strings with enums or lengths, bounded integers and numbers, booleans, integer
    enums, ``[type, "null"]`` unions), arrays with item counts, objects with properties and
    ``required``, and free-form objects with ``additionalProperties``.
    """
    if depth <= 0:
        return scalar_schemas()
    sub = schemas(depth - 1)
    return st.one_of(
        scalar_schemas(),
        _array_schema(sub),
        _object_schema(sub),
        _map_schema(scalar_schemas()),
    )


# --- tools --------------------------------------------------------------------------------


@st.composite
def tool_parameters(
    draw: st.DrawFn,
    param_schemas: st.SearchStrategy[dict[str, Any]] | None = None,
    *,
    param_names: st.SearchStrategy[str] | None = None,
    max_parameters: int = 6,
    always_list_required: bool = False,
) -> dict[str, Any]:
    """A tool's ``parameters`` object schema, already in fncall's normal form.

    0 to ``max_parameters`` parameters named by ``param_names`` (default
    :func:`parameter_names`) with schemas from ``param_schemas`` (default ``schemas(2)``),
    some with a ``description``. A random subset is required, listed in declaration order;
    optional parameters sometimes carry a ``default`` valid for their schema. An empty
    ``required`` list is sometimes left out, unless ``always_list_required``.
    """
    param_schemas = param_schemas if param_schemas is not None else schemas(2)
    param_names = param_names if param_names is not None else parameter_names()
    params = draw(st.lists(param_names, max_size=max_parameters, unique=True))
    properties: dict[str, Any] = {}
    required: list[str] = []
    for param in params:
        schema = dict(draw(param_schemas))
        if draw(st.integers(0, 3)) == 0:
            schema["description"] = draw(descriptions())
        if draw(st.booleans()):
            required.append(param)
        elif draw(st.integers(0, 2)) == 0:
            schema["default"] = draw(values_for(schema))
        properties[param] = schema
    parameters: dict[str, Any] = {"type": "object", "properties": properties}
    if required or always_list_required or draw(st.booleans()):
        parameters["required"] = required
    return parameters


@st.composite
def tools(
    draw: st.DrawFn,
    param_schemas: st.SearchStrategy[dict[str, Any]] | None = None,
    *,
    names: st.SearchStrategy[str] | None = None,
    param_names: st.SearchStrategy[str] | None = None,
    strict: st.SearchStrategy[bool] | None = None,
    max_parameters: int = 6,
    always_list_required: bool = False,
) -> Tool:
    """Random valid tools: a name from ``names`` (default :func:`tool_names`), a printable
    description, and parameters from :func:`tool_parameters` (see it for the other
    arguments). ``strict`` defaults to always ``False`` (most formats cannot express it).
    """
    name = draw(names if names is not None else tool_names())
    parameters = draw(
        tool_parameters(
            param_schemas,
            param_names=param_names,
            max_parameters=max_parameters,
            always_list_required=always_list_required,
        )
    )
    return Tool(
        name=name,
        description=draw(descriptions()),
        parameters=parameters,
        strict=draw(strict) if strict is not None else False,
    )


def tool_sets(
    tool_strategy: st.SearchStrategy[Tool] | None = None, min_size: int = 1, max_size: int = 5
) -> st.SearchStrategy[ToolSet]:
    """ToolSets of 1 to 5 tools with unique names."""
    tool_strategy = tool_strategy if tool_strategy is not None else tools()
    return st.lists(
        tool_strategy, min_size=min_size, max_size=max_size, unique_by=lambda t: t.name
    ).map(ToolSet)


# --- values -------------------------------------------------------------------------------


def json_values(
    strings: st.SearchStrategy[str] | None = None, max_leaves: int = 6
) -> st.SearchStrategy[Any]:
    """Any JSON value (finite numbers, string keys)."""
    strings = strings if strings is not None else nasty_text()
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        strings,
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            # fncall reserves the nested-call key in object arguments.
            | st.dictionaries(strings.filter(lambda k: k != NESTED_CALL_KEY), inner, max_size=3)
        ),
        max_leaves=max_leaves,
    )


def _number_bounds(schema: dict[str, Any]) -> tuple[float | None, float | None]:
    low = schema.get("minimum")
    high = schema.get("maximum")
    return low, high


def _integers_for(schema: dict[str, Any]) -> st.SearchStrategy[int]:
    low, high = _number_bounds(schema)
    low = math.ceil(low) if low is not None else -(10**30)
    high = math.floor(high) if high is not None else 10**30
    strategy = st.integers(low, high)
    if "exclusiveMinimum" in schema:
        strategy = strategy.filter(lambda v: v > schema["exclusiveMinimum"])
    if "exclusiveMaximum" in schema:
        strategy = strategy.filter(lambda v: v < schema["exclusiveMaximum"])
    return strategy


def _numbers_for(schema: dict[str, Any]) -> st.SearchStrategy[float | int]:
    low, high = _number_bounds(schema)
    floats = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    if "exclusiveMinimum" in schema:
        floats = floats.filter(lambda v: v > schema["exclusiveMinimum"])
    if "exclusiveMaximum" in schema:
        floats = floats.filter(lambda v: v < schema["exclusiveMaximum"])
    # A JSON number may be written as an integer; validation turns it into a float.
    ints_possible = low is None or high is None or math.ceil(low) <= math.floor(high)
    return st.one_of(floats, _integers_for(schema)) if ints_possible else floats


_FORMATS: dict[str, st.SearchStrategy[str]] = {
    "date": st.dates().map(_dt.date.isoformat),
    "date-time": st.datetimes().map(_dt.datetime.isoformat),
    "time": st.times().map(_dt.time.isoformat),
    "uuid": st.uuids().map(str),
    "email": st.from_regex(r"[a-z]{1,8}@[a-z]{1,8}\.[a-z]{2,3}", fullmatch=True),
}


def _strings_for(schema: dict[str, Any], strings: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    if schema.get("format") in _FORMATS:
        base = _FORMATS[schema["format"]]
    elif "pattern" in schema:
        # Python's `$` also matches before a final newline; JSON Schema's (ECMA's, RE2's)
        # does not, so a draw such as 'a-00\n' for '^[a-z]+-[0-9]{2}$' is not a valid value
        pattern = schema["pattern"]
        base = st.from_regex(pattern).filter(lambda s: re2.search(pattern, s) is not None)
    else:
        base = strings
    low = schema.get("minLength", 0)
    high = schema.get("maxLength")
    if high is not None and "format" not in schema and "pattern" not in schema:
        base = base.map(lambda s: s[:high])  # a prefix keeps the nasty characters at the start
    if low:
        # Pad with a character nothing treats as syntax.
        base = base.map(lambda s: s + "a" * (low - len(s)) if len(s) < low else s)
    if high is not None:
        base = base.filter(lambda s: len(s) <= high)
    return base


@st.composite
def _objects_for(
    draw: st.DrawFn, schema: dict[str, Any], strings: st.SearchStrategy[str]
) -> dict[str, Any]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))
    out: dict[str, Any] = {}
    for name, sub in properties.items():
        if name in required or draw(st.booleans()):
            out[name] = draw(values_for(sub, strings))
    extra = schema.get("additionalProperties", not properties)
    if extra is not False:
        extra_values = json_values(strings) if extra is True else values_for(extra, strings)
        keys = draw(
            st.lists(
                strings.filter(lambda k: k not in properties and k != NESTED_CALL_KEY),
                max_size=3,
                unique=True,
            )
        )
        for key in keys:
            out[key] = draw(extra_values)
    return out


def _arrays_for(schema: dict[str, Any], strings: st.SearchStrategy[str]) -> st.SearchStrategy[list]:
    items = schema.get("items", {})
    low = schema.get("minItems", 0)
    high = schema.get("maxItems", max(low, 3))
    element = json_values(strings) if items in ({}, True) else values_for(items, strings)
    return st.lists(element, min_size=low, max_size=high)


def values_for(
    schema: Any, strings: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Any]:
    """JSON values valid for ``schema``.

    Respects ``enum``, ``const``, ``type`` (and unions), string lengths, ``format`` and
    ``pattern``, numeric bounds, item counts, ``required`` keys and closed objects. Strings
    come from ``strings`` (default :func:`nasty_text`); a schema without a type yields any
    JSON value.
    """
    strings = strings if strings is not None else nasty_text()
    if schema is True or schema == {} or not isinstance(schema, dict):
        return json_values(strings)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "const" in schema:
        return st.just(schema["const"])
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return st.one_of([values_for(branch, strings) for branch in schema[key]])
    kinds = schema.get("type")
    if kinds is None:
        return json_values(strings)
    kinds = kinds if isinstance(kinds, list) else [kinds]
    by_kind = {
        "null": lambda: st.none(),
        "boolean": st.booleans,
        "integer": lambda: _integers_for(schema),
        "number": lambda: _numbers_for(schema),
        "string": lambda: _strings_for(schema, strings),
        "array": lambda: _arrays_for(schema, strings),
        "object": lambda: _objects_for(schema, strings),
    }
    return st.one_of([by_kind[kind]() for kind in kinds])


# --- calls --------------------------------------------------------------------------------


@st.composite
def calls_for_tool(
    draw: st.DrawFn, tool: Tool, strings: st.SearchStrategy[str] | None = None
) -> ToolCall:
    """A valid call of ``tool``: every required argument and a random subset of the others,
    in declaration order."""
    required = set(tool.required)
    arguments = {
        name: draw(values_for(schema, strings))
        for name, schema in tool.properties.items()
        if name in required or draw(st.booleans())
    }
    return ToolCall(tool.name, arguments)


def calls_for(
    toolset: ToolSet, strings: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[ToolCall]:
    """A valid call of a random tool of ``toolset`` (see :func:`calls_for_tool`)."""
    return st.sampled_from(toolset.tools).flatmap(lambda tool: calls_for_tool(tool, strings))


def ref_fan_out(levels: int, leaf: dict[str, Any] | None = None) -> dict[str, Any]:
    """Parameters whose ``$defs`` each refer to the one before twice: 2^levels copies of
    ``leaf`` once inlined, from a few hundred bytes (a client's schema bomb)."""
    defs: dict[str, Any] = {"l0": leaf or {"type": "string"}}
    for i in range(1, levels + 1):
        ref = {"$ref": f"#/$defs/l{i - 1}"}
        defs[f"l{i}"] = {"type": "object", "properties": {"a": ref, "b": ref}}
    return {"type": "object", "properties": {"x": {"$ref": f"#/$defs/l{levels}"}}, "$defs": defs}
