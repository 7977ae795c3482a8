"""Property-based tests: every dialect's format/parse round trip, the tool formats' export and
import round trips, and the validator's error classes, on random tools and calls.

The strategies live in ``tests/strategies.py``. Where a format or dialect cannot carry some
input the restriction is explained next to it; where the restriction hides a bug, a
deterministic regression test at the end of the file shows it (``xfail(strict=True)`` while
the bug is open).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fncall.calls.call import NESTED_CALL_KEY, ToolCall
from fncall.calls.pyformat import format_python_value
from fncall.calls.pyparse import parse_python_calls
from fncall.calls.validate import validate_call, validate_calls
from fncall.dialects import Dialect, get_dialect, list_dialects
from fncall.errors import (
    ArgumentTypeError,
    ConstraintViolationError,
    EnumViolationError,
    MissingArgumentError,
    PromptError,
    ToolDefinitionError,
    UnknownArgumentError,
    UnknownFunctionError,
)
from fncall.tools import Tool, ToolSet, to_bfcl, to_llama_functions, to_trelis, tools_from_json
from fncall.tools.schema import json_type_of
from fncall.tools.signature import parameter_order
from tests.strategies import (
    SCHEMA_KEYWORD_NAMES,
    calls_for,
    calls_for_tool,
    json_values,
    nasty_text,
    parameter_names,
    safe_text,
    scalar_schemas,
    schemas,
    tool_parameters,
    tool_sets,
    tools,
    values_for,
    wide_parameter_names,
)

DIALECTS = [dialect.name for dialect in list_dialects()]
NESTED_DIALECTS = [dialect.name for dialect in list_dialects() if dialect.supports_nested]

# Two slow cores run this whole file in about half a minute with these budgets. For a deeper
# hunt, multiply them: FNCALL_PROPERTY_SCALE=20 pytest tests/test_properties.py
SCALE = max(1, int(os.environ.get("FNCALL_PROPERTY_SCALE", "1")))
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
FAST = settings(max_examples=50 * SCALE, deadline=None, suppress_health_check=_SLOW_OK)
PER_DIALECT = settings(max_examples=30 * SCALE, deadline=None, suppress_health_check=_SLOW_OK)
RENDER = settings(max_examples=12 * SCALE, deadline=None, suppress_health_check=_SLOW_OK)
SMALL = settings(max_examples=15 * SCALE, deadline=None, suppress_health_check=_SLOW_OK)


# --- helpers ------------------------------------------------------------------------------


def canonical(value: Any) -> Any:
    """A comparable form that keeps JSON types apart: ``True`` is not ``1``, ``1`` is not
    ``1.0`` (plain ``==`` conflates both). Object key order does not matter."""
    if isinstance(value, ToolCall):
        return ("call", value.name, canonical(value.arguments))
    if isinstance(value, list | tuple):
        return ("array", tuple(canonical(v) for v in value))
    if isinstance(value, dict):
        return ("object", tuple(sorted((k, canonical(v)) for k, v in value.items())))
    if isinstance(value, float):
        return ("number", repr(value))
    return (json_type_of(value), value)


def strings_for(dialect: Dialect) -> st.SearchStrategy[str]:
    """Argument strings a dialect must carry: anything but its stop sequences.

    A stop sequence ends generation, so no model output can hold one and the dialect need
    not round-trip it (NexusRaven-V2, for one, cuts the output at ``<bot_end>`` wherever it
    is); nor can a string hold the token that delimits strings (FunctionGemma's
    ``<escape>``).
    """
    delimiter = dialect.value_syntax.string_delimiter
    return nasty_text().filter(
        lambda s: (
            not any(stop in s for stop in dialect.stop)
            and (delimiter is None or delimiter not in s)
        )
    )


def writes_python(dialect: Dialect) -> bool:
    """Whether the dialect writes calls in Python syntax, found by whether it refuses a tool
    with a parameter named ``from`` (a Python keyword)."""
    tool = Tool("f", "", {"type": "object", "properties": {"from": {"type": "string"}}})
    try:
        dialect.render(ToolSet([tool]), "q")
    except PromptError:
        return True
    return False


def tool_sets_for(dialect: Dialect) -> st.SearchStrategy[ToolSet]:
    """Tool sets a dialect must handle: JSON dialects any argument name, Python-syntax
    dialects identifiers that are not keywords."""
    names = parameter_names() if writes_python(dialect) else wide_parameter_names()
    return tool_sets(tools(param_names=names))


def single_param_tool(schema: dict[str, Any], required: bool = True) -> Tool:
    parameters = {"type": "object", "properties": {"x": schema}}
    if required:
        parameters["required"] = ["x"]
    return Tool("t", "", parameters)


def assert_defaults_filled(call: ToolCall, validated: ToolCall, tool: Tool) -> None:
    """Given arguments stay, missing ones with a default get the default as if it had been
    given (so an integer default of a number parameter is a float), the rest stay out."""
    for name, schema in tool.properties.items():
        if name in call.arguments:
            assert name in validated.arguments
        elif "default" in schema:
            given = validate_call(
                ToolCall(tool.name, {**call.arguments, name: schema["default"]}), {tool.name: tool}
            )
            assert canonical(validated.arguments[name]) == canonical(given.arguments[name])
        else:
            assert name not in validated.arguments


# --- 1. dialects: calls and text round trip -----------------------------------------------


@pytest.mark.parametrize("name", DIALECTS)
@PER_DIALECT
@given(data=st.data())
def test_dialect_calls_round_trip(name: str, data: st.DataObject) -> None:
    dialect = get_dialect(name)
    toolset = data.draw(tool_sets_for(dialect), label="toolset")
    count = data.draw(st.integers(1, 3), label="count") if dialect.supports_parallel else 1
    strings = strings_for(dialect)
    calls = data.draw(
        st.lists(calls_for(toolset, strings), min_size=count, max_size=count), label="calls"
    )
    output = dialect.format_calls(calls)
    parsed = dialect.parse(output, toolset)
    assert canonical(parsed.calls) == canonical(calls), output
    assert parsed.calls == calls
    assert parsed.text == ""
    # Models often put whitespace around their answer.
    padded = dialect.parse(f" \n{output}\n ", toolset)
    assert canonical(padded.calls) == canonical(calls)
    for original, back in zip(calls, parsed.calls, strict=True):
        expected = validate_call(original, toolset)
        assert canonical(validate_call(back, toolset)) == canonical(expected)
        assert_defaults_filled(original, expected, toolset[original.name])


@pytest.mark.parametrize("name", DIALECTS)
@SMALL
@given(data=st.data())
def test_dialect_call_to_a_tool_not_offered(name: str, data: st.DataObject) -> None:
    dialect = get_dialect(name)
    toolset = data.draw(tool_sets_for(dialect), label="toolset")
    call = data.draw(calls_for(toolset, strings_for(dialect)), label="call")
    others = ToolSet([tool for tool in toolset.values() if tool.name != call.name])
    parsed = dialect.parse(dialect.format_calls([call]), others)  # read as written
    assert [c.name for c in parsed.calls] == [call.name]
    with pytest.raises(UnknownFunctionError) as info:  # and refused by validation
        validate_calls(parsed.calls, others)
    assert info.value.function == call.name


# Dialects whose docs say prose may surround the calls (it is kept as the text).
PROSE_DIALECTS = [
    name
    for name in ("hermes", "trelis-v2-llama", "trelis-v2-deepseek", "trelis-v2-zephyr")
    if name in DIALECTS
]


@pytest.mark.parametrize("name", PROSE_DIALECTS)
@SMALL
@given(data=st.data(), before=safe_text(), after=safe_text())
def test_dialect_calls_among_prose(name: str, data: st.DataObject, before: str, after: str) -> None:
    dialect = get_dialect(name)
    toolset = data.draw(tool_sets_for(dialect), label="toolset")
    count = data.draw(st.integers(1, 2), label="count") if dialect.supports_parallel else 1
    strings = strings_for(dialect)
    calls = data.draw(
        st.lists(calls_for(toolset, strings), min_size=count, max_size=count), label="calls"
    )
    parsed = dialect.parse(f"{before}\n{dialect.format_calls(calls)}\n{after}", toolset)
    assert canonical(parsed.calls) == canonical(calls)
    assert parsed.text.split() == f"{before} {after}".split()


@st.composite
def nested_calls(
    draw: st.DrawFn, toolset: ToolSet, strings: st.SearchStrategy[str], depth: int = 2
) -> ToolCall:
    """A valid call one of whose arguments is another call (or a list holding calls),
    nested up to ``depth`` levels."""
    outer = draw(st.sampled_from([t for t in toolset.tools if t.properties]))
    call = draw(calls_for_tool(outer, strings))
    slot = draw(st.sampled_from(list(outer.properties)))
    if depth > 1 and draw(st.booleans()):
        inner: Any = draw(nested_calls(toolset, strings, depth - 1))
    else:
        inner = draw(calls_for(toolset, strings))
    schema = outer.properties[slot]
    if schema.get("type") == "array" and schema.get("maxItems", 2) >= 2 and draw(st.booleans()):
        # In a list the calls are array items; bare, a call's result type is checked only when
        # it runs, so any slot may hold one.
        inner = [inner, draw(calls_for(toolset, strings))][: max(2, schema.get("minItems", 0))]
    return ToolCall(call.name, {**call.arguments, slot: inner})


@pytest.mark.parametrize("name", NESTED_DIALECTS)
@PER_DIALECT
@given(data=st.data())
def test_dialect_nested_calls_round_trip(name: str, data: st.DataObject) -> None:
    dialect = get_dialect(name)
    toolset = data.draw(
        tool_sets().filter(lambda ts: any(t.properties for t in ts.values())), label="toolset"
    )
    strings = strings_for(dialect)
    count = data.draw(st.integers(1, 2), label="count") if dialect.supports_parallel else 1
    calls = data.draw(
        st.lists(nested_calls(toolset, strings), min_size=count, max_size=count), label="calls"
    )
    assert all(call.nested_calls() for call in calls)
    output = dialect.format_calls(calls)
    parsed = dialect.parse(output, toolset)
    assert canonical(parsed.calls) == canonical(calls), output
    for original, back in zip(calls, parsed.calls, strict=True):
        assert canonical(validate_call(back, toolset)) == canonical(
            validate_call(original, toolset)
        )


def looks_like_a_call(dialect: str, text: str) -> bool:
    """Plain answers a dialect legitimately reads as (attempted) calls.

    - nexusraven-v2: an answer that starts with ``Call:`` is a call by definition.
    - nexusraven-v1: the call follows ``Initial Answer:`` wherever it appears.
    - bfcl-python: BFCL's decoder reads an answer that opens like a call (``name(`` or
      ``[name(``) as calls (so the plain answer ``Paris (France)`` is an unknown-function
      error), and ``[]`` means "no call" with empty text.
    The JSON dialects (hermes, trelis, llama-functions) need ``<`` or ``{"``, which the
    alphabet below lacks.
    """
    stripped = text.strip()
    if dialect == "nexusraven-v2":
        return stripped.startswith("Call:")
    if dialect == "nexusraven-v1":
        return "Initial Answer:" in text
    if dialect == "bfcl-python":
        return stripped == "[]" or re.match(r"^(\[\s*)?[A-Za-z_][\w.]*\s*\(", stripped) is not None
    return False


# Plain-text parsing does not depend on the tools beyond their names.
SAMPLE_TOOLS = ToolSet(
    [
        Tool("f", "", {"type": "object", "properties": {"x": {"type": "integer"}}}),
        Tool("math.factorial", "", {"type": "object", "properties": {"n": {"type": "integer"}}}),
    ]
)


@pytest.mark.parametrize("name", DIALECTS)
@FAST
@given(text=safe_text())
def test_dialect_plain_text_round_trip(name: str, text: str) -> None:
    # Letters, digits, spaces, newlines and . , ! ? ' -: no dialect's call syntax.
    dialect = get_dialect(name)
    parsed = dialect.parse(dialect.format_text(text), SAMPLE_TOOLS)
    assert parsed.calls == []
    assert parsed.text == text.strip()


# Few letters, so that ``Call:``, ``f(`` and ``[]`` come up often.
_PUNCTUATED = "aflCIAnswerticx _.,!?:;()[]'-\n"


@pytest.mark.parametrize("name", DIALECTS)
@FAST
@given(text=safe_text(_PUNCTUATED))
def test_dialect_punctuated_text_round_trip(name: str, text: str) -> None:
    assume(not looks_like_a_call(name, text))
    dialect = get_dialect(name)
    parsed = dialect.parse(dialect.format_text(text), SAMPLE_TOOLS)
    assert parsed.calls == []
    assert parsed.text == text.strip()


@pytest.mark.parametrize("name", DIALECTS)
@RENDER
@given(data=st.data(), query=st.text("abcdefghijklmnopqrstuvwxyz ?", min_size=1, max_size=30))
def test_dialect_render_names_every_tool(name: str, data: st.DataObject, query: str) -> None:
    dialect = get_dialect(name)
    toolset = data.draw(tool_sets_for(dialect), label="toolset")
    prompt = dialect.render(toolset, query)
    assert isinstance(prompt, str)
    for tool_name in toolset:
        assert tool_name in prompt


# --- 2. tool formats round trip -----------------------------------------------------------


def json_round_trip(document: Any) -> Any:
    """What a document becomes once written to and read from a file."""
    return json.loads(json.dumps(document))


# JSON formats carry any argument name, Python keywords and non-identifiers included.
WIDE_TOOLS = tools(param_names=wide_parameter_names())


@FAST
@given(name=st.text(max_size=8), parameters=tool_parameters(param_names=wide_parameter_names()))
def test_tool_keeps_normal_parameters_as_given(name: str, parameters: dict[str, Any]) -> None:
    # The generated parameters are already in normal form, so normalising changes nothing.
    assert Tool("f", name, json_round_trip(parameters)).parameters == parameters


@FAST
@given(tool=tools(strict=st.booleans(), param_names=wide_parameter_names()))
def test_openai_round_trip(tool: Tool) -> None:
    back = tools_from_json([json_round_trip(tool.to_openai())])[0]
    assert back == tool
    assert back.to_openai() == tool.to_openai()


@FAST
@given(tool=tools(strict=st.booleans(), param_names=wide_parameter_names()))
def test_legacy_openai_round_trip(tool: Tool) -> None:
    # The bare pre-``tools`` form {"name", "description", "parameters"}.
    function = tool.to_openai()["function"]
    assert tools_from_json([json_round_trip(function)])[0] == tool


@FAST
@given(tool=WIDE_TOOLS)
def test_bfcl_round_trip(tool: Tool) -> None:
    # Our tools are not BFCL-sourced, so to_bfcl converts their types (object -> dict,
    # number -> float) instead of returning an original document.
    document = json_round_trip(to_bfcl(tool))
    assert document["parameters"]["type"] == "dict"
    assert tools_from_json([document])[0] == tool


# The argument-list formats always produce a ``required`` list, and a Tool with
# ``"required": []`` is not equal to one without the key, so the tools here always list it.
# Their importers refuse an empty argument name, which Tool accepts: see
# test_list_formats_empty_parameter_name.
LIST_FORMAT_TOOLS = tools(
    param_names=wide_parameter_names().filter(bool), always_list_required=True
)


@FAST
@given(tool=LIST_FORMAT_TOOLS)
def test_trelis_round_trip(tool: Tool) -> None:
    assert tools_from_json([json_round_trip(to_trelis(tool))])[0] == tool


@FAST
@given(tool=LIST_FORMAT_TOOLS)
def test_llama_functions_round_trip(tool: Tool) -> None:
    assert tools_from_json([json_round_trip(to_llama_functions(tool))])[0] == tool


@PER_DIALECT
@given(toolset=tool_sets(WIDE_TOOLS), data=st.data())
def test_tool_call_dict_round_trip(toolset: ToolSet, data: st.DataObject) -> None:
    call = data.draw(calls_for(toolset), label="call")
    # A free-form object whose only key is "$call" reads back as a nested call: a bug, see
    # test_tool_call_dict_object_with_only_a_call_key.
    assume(not _has_only_call_key(call.arguments))
    back = ToolCall.from_dict(json_round_trip(call.to_dict()))
    assert canonical(back) == canonical(call)


def _has_only_call_key(value: Any) -> bool:
    if isinstance(value, dict):
        return set(value) == {NESTED_CALL_KEY} or any(map(_has_only_call_key, value.values()))
    if isinstance(value, list):
        return any(map(_has_only_call_key, value))
    return False


# --- 3. validation ------------------------------------------------------------------------


FORMAT_SCHEMAS = st.sampled_from(
    [{"type": "string", "format": f} for f in ("date", "date-time", "time", "uuid", "email")]
    + [{"type": "string", "pattern": "^[a-z]+-[0-9]{2}$"}]
)


@FAST
@given(data=st.data(), schema=st.one_of(schemas(3), FORMAT_SCHEMAS))
def test_values_for_schema_validate(data: st.DataObject, schema: dict[str, Any]) -> None:
    value = data.draw(values_for(schema), label="value")
    tool = single_param_tool(schema)
    validated = validate_call(ToolCall("t", {"x": value}), ToolSet([tool]))
    assert list(validated.arguments) == ["x"]


@PER_DIALECT
@given(toolset=tool_sets(), data=st.data())
def test_calls_for_validate(toolset: ToolSet, data: st.DataObject) -> None:
    call = data.draw(calls_for(toolset), label="call")
    validated = validate_call(call, toolset)
    assert validated.name == call.name
    assert_defaults_filled(call, validated, toolset[call.name])


@PER_DIALECT
@given(toolset=tool_sets(WIDE_TOOLS), data=st.data())
def test_validation_is_idempotent(toolset: ToolSet, data: st.DataObject) -> None:
    # Defaults filled in and integers turned into floats are themselves valid. Plain ``==``
    # (1 == 1.0): an integer default of a number parameter is filled in as an integer and
    # only becomes a float the second time, see test_number_default_comes_back_as_a_float.
    once = validate_call(data.draw(calls_for(toolset), label="call"), toolset)
    assert validate_call(once, toolset) == once


@FAST
@given(tool=tools().filter(lambda t: bool(t.properties)), data=st.data())
def test_python_positional_arguments_follow_the_signature(tool: Tool, data: st.DataObject) -> None:
    # Python-syntax models may give leading arguments by position, in the order the rendered
    # signature lists them.
    call = data.draw(calls_for_tool(tool), label="call")
    order = parameter_order(tool)
    given_prefix = 0
    while given_prefix < len(order) and order[given_prefix] in call.arguments:
        given_prefix += 1
    count = data.draw(st.integers(0, given_prefix), label="positional")
    positional = [format_python_value(call.arguments[n]) for n in order[:count]]
    keywords = [
        f"{n}={format_python_value(v)}" for n, v in call.arguments.items() if n not in order[:count]
    ]
    source = f"{tool.name}({', '.join(positional + keywords)})"
    parsed = parse_python_calls(source, ToolSet([tool]))
    assert canonical(parsed) == canonical([call]), source


def _typed_scalar_schemas() -> st.SearchStrategy[dict[str, Any]]:
    """Scalar schemas with a ``type`` (one name or a union with null)."""
    return scalar_schemas().filter(lambda s: "type" in s)


def _wrong_type(kinds: str | list[str]) -> st.SearchStrategy[Any]:
    kinds = kinds if isinstance(kinds, list) else [kinds]

    def wrong(value: Any) -> bool:
        actual = json_type_of(value)
        # An integer is a valid JSON number.
        return actual not in kinds and not (actual == "integer" and "number" in kinds)

    return json_values(max_leaves=3).filter(wrong)


@FAST
@given(data=st.data(), schema=_typed_scalar_schemas())
def test_wrong_scalar_type_is_a_type_error(data: st.DataObject, schema: dict[str, Any]) -> None:
    value = data.draw(_wrong_type(schema["type"]), label="value")
    with pytest.raises(ArgumentTypeError) as info:
        validate_call(ToolCall("t", {"x": value}), ToolSet([single_param_tool(schema)]))
    assert info.value.argument == "x"


@FAST
@given(data=st.data(), enum=st.lists(st.text(max_size=6), min_size=1, max_size=4, unique=True))
def test_string_outside_enum_is_an_enum_error(data: st.DataObject, enum: list[str]) -> None:
    schema = {"type": "string", "enum": enum}
    value = data.draw(nasty_text().filter(lambda s: s not in enum), label="value")
    with pytest.raises(EnumViolationError):
        validate_call(ToolCall("t", {"x": value}), ToolSet([single_param_tool(schema)]))


@FAST
@given(tool=tools().filter(lambda t: bool(t.required)), data=st.data())
def test_missing_required_argument(tool: Tool, data: st.DataObject) -> None:
    call = data.draw(calls_for_tool(tool), label="call")
    missing = data.draw(st.sampled_from(tool.required), label="missing")
    arguments = {k: v for k, v in call.arguments.items() if k != missing}
    with pytest.raises(MissingArgumentError) as info:
        validate_call(ToolCall(tool.name, arguments), ToolSet([tool]))
    assert info.value.argument == missing
    assert missing in info.value.clarification


@FAST
@given(tool=tools(), data=st.data())
def test_undeclared_argument(tool: Tool, data: st.DataObject) -> None:
    call = data.draw(calls_for_tool(tool), label="call")
    extra = data.draw(
        st.text(min_size=1, max_size=10).filter(lambda n: n not in tool.properties), label="extra"
    )
    value = data.draw(json_values(max_leaves=2), label="value")
    with pytest.raises(UnknownArgumentError) as info:
        validate_call(ToolCall(tool.name, {**call.arguments, extra: value}), ToolSet([tool]))
    assert info.value.argument == extra


# --- regression tests for bugs the properties found ---------------------------------------


def test_hermes_closing_tag_inside_a_string() -> None:
    tools_ = ToolSet([Tool("f", "", {"type": "object", "properties": {"s": {"type": "string"}}})])
    calls = [ToolCall("f", {"s": "a</tool_call>b<tool_call>"})]
    hermes = get_dialect("hermes")
    assert hermes.parse(hermes.format_calls(calls), tools_).calls == calls


def test_trelis_optional_object_argument_keeps_required() -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"]}
    tool = Tool("f", "", {"type": "object", "properties": {"o": schema}, "required": []})
    assert tools_from_json([to_trelis(tool)])[0] == tool


PYTHON_DIALECTS = [name for name in DIALECTS if writes_python(get_dialect(name))]


@pytest.mark.parametrize("name", PYTHON_DIALECTS)
@pytest.mark.parametrize("argument", ["from", "class", "None", "user-id"])
def test_python_dialects_refuse_unwritable_parameter(name: str, argument: str) -> None:
    tools_ = ToolSet(
        [Tool("f", "", {"type": "object", "properties": {argument: {"type": "string"}}})]
    )
    dialect = get_dialect(name)
    with pytest.raises(PromptError):
        dialect.render(tools_, "q")
    with pytest.raises(PromptError):
        dialect.format_calls([ToolCall("f", {argument: "x"})])


@pytest.mark.parametrize("export", [to_trelis, to_llama_functions])
def test_list_formats_empty_parameter_name(export: Any) -> None:
    parameters = {"type": "object", "properties": {"": {"type": "string"}}, "required": [""]}
    try:
        tool = Tool("f", "", parameters)
    except ToolDefinitionError:
        return  # refusing the name up front is fine
    assert tools_from_json([export(tool)])[0] == tool


@pytest.mark.parametrize("name", PYTHON_DIALECTS)
@pytest.mark.parametrize("tool_name", ["class", "math.import", "None", "lambda"])
def test_python_dialects_keyword_tool_name(name: str, tool_name: str) -> None:
    tools_ = ToolSet(
        [Tool(tool_name, "", {"type": "object", "properties": {"x": {"type": "integer"}}})]
    )
    calls = [ToolCall(tool_name, {"x": 1})]
    dialect = get_dialect(name)
    try:
        dialect.render(tools_, "q")
        output = dialect.format_calls(calls)
    except PromptError:
        return  # refusing what the syntax cannot express is fine
    assert dialect.parse(output, tools_).calls == calls


@pytest.mark.parametrize("argument", SCHEMA_KEYWORD_NAMES)
def test_parameter_named_like_a_schema_keyword(argument: str) -> None:
    parameters = {"type": "object", "properties": {argument: {"type": "string"}, "b": {}}}
    assert list(Tool("f", "", parameters).properties) == [argument, "b"]


@pytest.mark.parametrize(
    "data", [{"nullable": True}, {"$defs": 1, "a": 2}, {"definitions": "x"}, {"$ref": "#/x"}]
)
def test_default_and_enum_values_are_kept_verbatim(data: dict[str, Any]) -> None:
    schema = {"type": "object", "default": data, "enum": [data]}
    tool = Tool("f", "", {"type": "object", "properties": {"o": schema}})
    assert tool.properties["o"] == schema


def test_tool_call_dict_object_with_only_a_call_key() -> None:
    # Not shaped like a call: an object argument that merely uses the key round-trips.
    call = ToolCall("f", {"o": {NESTED_CALL_KEY: 1}})
    assert ToolCall.from_dict(call.to_dict()) == call


def test_call_key_is_reserved_in_object_arguments() -> None:
    # Shaped like a call: validation refuses it, so a validated call's JSON is unambiguous.
    tool = Tool("f", "", {"type": "object", "properties": {"o": {"type": "object"}}})
    with pytest.raises(UnknownArgumentError, match="reserved"):
        validate_call(ToolCall("f", {"o": {NESTED_CALL_KEY: {"name": "g"}}}), ToolSet([tool]))


def test_number_default_comes_back_as_a_float() -> None:
    tool = Tool("f", "", {"type": "object", "properties": {"x": {"type": "number", "default": 0}}})
    toolset = ToolSet([tool])
    once = validate_call(ToolCall("f", {}), toolset)
    assert canonical(once) == canonical(validate_call(ToolCall("f", {"x": 0}), toolset))
    assert canonical(validate_call(once, toolset)) == canonical(once)


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ({"type": "array", "default": []}, ()),
        ({"default": []}, ()),
        (
            {"type": "object", "properties": {"tags": {"type": "array", "default": []}}},
            ("tags",),
        ),
        pytest.param(
            {"type": "object", "default": {"tags": []}},
            ("tags",),
        ),
    ],
)
def test_filled_default_is_a_copy(schema: dict[str, Any], path: tuple[str, ...]) -> None:
    tool = Tool("f", "", {"type": "object", "properties": {"o": schema}})
    # An object with declared properties and no default of its own is given empty.
    call = ToolCall("f", {} if "default" in schema else {"o": {}})

    def filled_default(validated: ToolCall) -> Any:
        value = validated.arguments["o"]
        for key in path:
            value = value[key]
        return value

    filled_default(validate_call(call, ToolSet([tool]))).append("seen")
    assert filled_default(validate_call(call, ToolSet([tool]))) == []


def test_email_with_trailing_newline_is_refused() -> None:
    tool = single_param_tool({"type": "string", "format": "email"})
    with pytest.raises(ConstraintViolationError):
        validate_call(ToolCall("t", {"x": "a@b.c\n"}), ToolSet([tool]))
