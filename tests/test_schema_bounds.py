"""Bounded work on tool schemas a client sends (issue 19): patterns on RE2 (linear time,
refused at load when RE2 cannot take them), ``$ref`` expansion counted as it happens, depth
and size limits checked while walking, grammar caches bounded by bytes."""

from __future__ import annotations

from typing import Any

import pytest

from fncall import read_output, toolset
from fncall._lru import LruCache
from fncall.errors import ConstraintViolationError, OutputParseError, ToolDefinitionError
from fncall.tools import tool_from_json
from fncall.tools.patterns import PatternError, search
from fncall.tools.schema import MAX_SCHEMA_NODES, iter_schemas, map_schema
from tests.strategies import ref_fan_out


def tool_with(parameters: dict[str, Any]) -> Any:
    return tool_from_json({"type": "function", "function": {"name": "f", "parameters": parameters}})


def pattern_tool(pattern: str) -> Any:
    return tool_with(
        {"type": "object", "properties": {"x": {"type": "string", "pattern": pattern}}}
    )


@pytest.mark.parametrize(
    ("pattern", "construct"),
    [
        ("(?=a)a", "lookahead"),
        ("(?!a)b", "negative lookahead"),
        ("(?<=a)b", "lookbehind"),
        ("(?<!a)b", "negative lookbehind"),
        ("(a)\\1", "backreference"),
        ("(?<n>a)\\k<n>", "named backreference"),
        ("a++", "possessive"),
        ("(?>a)", "atomic group"),
        ("(", "does not compile"),
    ],
)
def test_patterns_re2_cannot_take_are_refused_at_load_naming_the_construct(
    pattern: str, construct: str
) -> None:
    with pytest.raises(ToolDefinitionError) as raised:
        pattern_tool(pattern)
    assert raised.value.tool == "f"
    assert raised.value.field == "parameters.properties.x.pattern"
    assert construct in raised.value.reason


def test_a_catastrophic_pattern_is_checked_in_linear_time() -> None:
    tools = toolset([pattern_tool("^(a+)+$")])
    output = '<tool_call>{"name": "f", "arguments": {"x": "' + "a" * 5000 + '!"}}</tool_call>'
    with pytest.raises(ConstraintViolationError):
        read_output("hermes", tools, output)
    assert search("^(.+)+X$", "a" * 50_000) is False
    assert search("^(.+)+X$", "a" * 50 + "X") is True


def test_patterns_keep_json_schema_semantics() -> None:
    assert search("b", "abc")  # unanchored, as JSON Schema says
    assert not search("^b", "abc")
    assert not search("^\\d+$", "١٢٣")  # \d is ASCII digits, as in ECMA-262
    with pytest.raises(PatternError):
        search("a" * 3000, "a")


def test_a_lone_surrogate_in_model_output_is_a_parse_error() -> None:
    tools = toolset([pattern_tool("a")])
    with pytest.raises(OutputParseError, match="surrogate"):
        read_output("hermes", tools, '<tool_call>{"name": "f", "arguments": {"x": "\\ud800"}}')


def test_ref_fan_out_stops_at_the_node_budget_before_expanding() -> None:
    tool_with(ref_fan_out(8))  # 511 sub-schemas: fine
    # 2^30 copies if expanded first and counted after: this would not finish
    with pytest.raises(ToolDefinitionError, match=f"more than {MAX_SCHEMA_NODES} sub-schemas"):
        tool_with(ref_fan_out(30))


def test_ref_fan_out_of_data_stops_at_the_data_budget() -> None:
    schema = ref_fan_out(12, {"type": "string", "description": "x" * 2000})
    with pytest.raises(ToolDefinitionError, match="characters"):
        tool_with(schema)


def test_depth_properties_and_enums_are_bounded_with_the_limit_named() -> None:
    deep: dict[str, Any] = {"type": "string"}
    for _ in range(400):  # past Python's recursion limit if walked recursively without a bound
        deep = {"type": "object", "properties": {"x": deep}}
    with pytest.raises(ToolDefinitionError, match="deeper than 32"):
        tool_with(deep)
    many = {"type": "object", "properties": {f"p{i}": {"type": "string"} for i in range(1001)}}
    with pytest.raises(ToolDefinitionError, match="1001 properties"):
        tool_with(many)
    with pytest.raises(ToolDefinitionError, match="5000 values"):
        tool_with({"type": "object", "properties": {"x": {"enum": list(range(5000))}}})
    with pytest.raises(ToolDefinitionError, match="is not a schema"):
        tool_with({"type": "object", "properties": {"x": {"$ref": "#/d"}}, "d": [1]})


def test_schema_walks_refuse_depth_instead_of_recursing() -> None:
    deep: dict[str, Any] = {"type": "string"}
    for _ in range(2000):
        deep = {"items": deep}
    with pytest.raises(ToolDefinitionError, match="deeper"):
        list(iter_schemas(deep, tool="t"))
    with pytest.raises(ToolDefinitionError, match="deeper"):
        map_schema(deep, lambda node: node, tool="t")


def test_a_thousand_optional_properties_build_a_grammar() -> None:
    from fncall.dialects import get_dialect

    props = {f"p{i}": {"type": "integer"} for i in range(1000)}
    tools = toolset([tool_with({"type": "object", "properties": props})])
    grammar = get_dialect("hermes").grammar(tools, "required")
    assert "p999" in grammar.lark  # was a RecursionError: the members nested 1,000 deep


def test_the_cache_is_bounded_by_bytes_as_well_as_count() -> None:
    cache: LruCache[str, str] = LruCache(100, max_bytes=10, weigh=lambda key, value: len(value))
    for key in "abcde":
        cache.get(key, lambda: "xxx")  # 3 bytes each: 3 fit
    assert len(cache) == 3 and cache.bytes == 9
    assert "a" not in cache and "b" not in cache and "e" in cache
    cache.get("big", lambda: "y" * 11)  # made and returned, too heavy to keep
    assert "big" not in cache and cache.bytes == 9
    cache.clear()
    assert len(cache) == 0 and cache.bytes == 0
