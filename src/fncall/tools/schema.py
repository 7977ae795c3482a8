"""Checking and normalising the JSON Schema that describes a tool's parameters.

Every tool format is converted to one dialect of JSON Schema (draft 2020-12 keywords,
``$ref`` inlined, OpenAPI's ``nullable`` turned into a type union) so that validation,
rendering and grammar compilation each deal with one shape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fncall.errors import ToolDefinitionError
from fncall.tools.patterns import PatternError, compile_pattern

JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "array", "object", "null"})

# Keywords whose value is a schema, a list of schemas or a name -> schema map: the only
# places a schema walk descends into (everything else, defaults and enums included, is data).
_SUBSCHEMA = (
    "items",
    "additionalProperties",
    "not",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
)
_SUBSCHEMA_LISTS = ("anyOf", "oneOf", "allOf", "prefixItems")
_SUBSCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas")

# Bounds on the work one tool's schema may cause, checked while walking (a client sends the
# schema): 2.3 KB of ``$defs`` that each refer to the one before twice expand to 2^20 copies.
MAX_DEPTH = 32
"""Deepest nesting of sub-schemas."""
MAX_SCHEMA_NODES = 10_000
"""Most sub-schemas in one tool's parameters once every ``$ref`` is inlined."""
MAX_SCHEMA_DATA = 500_000
"""Most characters of data (descriptions, enums, defaults, names) in one tool's parameters
once every ``$ref`` is inlined: what the prompt and the grammar grow with."""
MAX_PROPERTIES = 1_000
"""Most properties of one object schema."""
MAX_ENUM_VALUES = 4_096
"""Most values of one ``enum``."""


def normalize_parameters(schema: Any, tool: str) -> dict[str, Any]:
    """Check a tool's parameter schema and return its normalised copy.

    The top level must be an object schema. ``$ref`` pointers into ``$defs``,
    ``definitions`` or ``components`` of the same document are inlined; recursive
    references are rejected because no dialect can render them. The work is bounded
    (:data:`MAX_DEPTH`, :data:`MAX_SCHEMA_NODES`, :data:`MAX_SCHEMA_DATA`) and stops at the
    first bound passed, before memory grows.

    Raises:
        ToolDefinitionError: naming the tool and the offending field.
    """
    if not isinstance(schema, dict):
        raise ToolDefinitionError(tool, "parameters", "must be a JSON object schema")
    top_type = schema.get("type", "object")
    if top_type != "object":
        raise ToolDefinitionError(
            tool, "parameters.type", f"must be 'object' (got {top_type!r}): parameters are named"
        )
    resolved = inline_refs(schema, root=schema, tool=tool, path="parameters")
    resolved.pop("$defs", None)
    resolved.pop("definitions", None)
    resolved["type"] = "object"
    resolved.setdefault("properties", {})
    for name in resolved["properties"] if isinstance(resolved["properties"], dict) else ():
        if not isinstance(name, str) or not name.strip():
            raise ToolDefinitionError(tool, "parameters.properties", "a parameter has no name")
    check_schema(resolved, tool, "parameters")
    return resolved


def check_schema(schema: Any, tool: str, path: str, depth: int = 0) -> None:
    """Raise ToolDefinitionError if ``schema`` is not a schema fncall can use."""
    if depth > MAX_DEPTH:
        raise _too_deep(tool, path)
    if schema is True or schema == {}:
        return
    if not isinstance(schema, dict):
        raise ToolDefinitionError(tool, path, "must be a JSON object (a schema)")
    types = schema.get("type")
    if types is not None:
        for name in types if isinstance(types, list) else [types]:
            if name not in JSON_TYPES:
                raise ToolDefinitionError(
                    tool, f"{path}.type", f"unknown type {name!r}; expected one of {_type_list()}"
                )
    if "enum" in schema:
        if not isinstance(schema["enum"], list) or not schema["enum"]:
            raise ToolDefinitionError(tool, f"{path}.enum", "must be a non-empty list")
        if len(schema["enum"]) > MAX_ENUM_VALUES:
            raise ToolDefinitionError(
                tool,
                f"{path}.enum",
                f"has {len(schema['enum'])} values; at most {MAX_ENUM_VALUES} are accepted",
            )
    if "pattern" in schema:
        _check_pattern(schema["pattern"], tool, f"{path}.pattern")
    properties = schema.get("properties", {})
    if not isinstance(properties, dict):
        raise ToolDefinitionError(tool, f"{path}.properties", "must map names to schemas")
    if len(properties) > MAX_PROPERTIES:
        raise ToolDefinitionError(
            tool,
            f"{path}.properties",
            f"has {len(properties)} properties; at most {MAX_PROPERTIES} are accepted",
        )
    for name, sub in properties.items():
        check_schema(sub, tool, f"{path}.properties.{name}", depth + 1)
    required = schema.get("required", [])
    if not isinstance(required, list) or not all(isinstance(r, str) for r in required):
        raise ToolDefinitionError(tool, f"{path}.required", "must be a list of names")
    for name in required:
        if "properties" in schema and name not in properties:
            raise ToolDefinitionError(
                tool, f"{path}.required", f"{name!r} is required but not among the properties"
            )
    for key in _SUBSCHEMA:
        if key in schema and not isinstance(schema[key], bool):
            check_schema(schema[key], tool, f"{path}.{key}", depth + 1)
    for key in _SUBSCHEMA_LISTS:
        if key in schema:
            if not isinstance(schema[key], list) or not schema[key]:
                raise ToolDefinitionError(tool, f"{path}.{key}", "must be a non-empty list")
            for i, sub in enumerate(schema[key]):
                check_schema(sub, tool, f"{path}.{key}[{i}]", depth + 1)


def _check_pattern(pattern: Any, tool: str, path: str) -> None:
    if not isinstance(pattern, str):
        raise ToolDefinitionError(tool, path, f"must be a string (a regex), not {pattern!r}")
    try:
        compile_pattern(pattern)
    except PatternError as exc:
        raise ToolDefinitionError(tool, path, str(exc)) from None


def _type_list() -> str:
    return ", ".join(sorted(JSON_TYPES))


def _too_deep(tool: str, path: str) -> ToolDefinitionError:
    return ToolDefinitionError(tool, path, f"schemas nested deeper than {MAX_DEPTH} levels")


def inline_refs(
    node: Any, root: dict[str, Any], tool: str, path: str, seen: tuple[str, ...] = ()
) -> Any:
    """Return ``node`` with every local ``$ref`` replaced by a copy of its target in ``root``.

    Only schema positions are walked: property names, defaults and enum values are data and
    stay as written. ``$defs``/``definitions`` are dropped and OpenAPI's ``nullable`` becomes
    a type union with ``null``. The expansion is counted as it is made and stops with a
    ToolDefinitionError past :data:`MAX_DEPTH`, :data:`MAX_SCHEMA_NODES` sub-schemas or
    :data:`MAX_SCHEMA_DATA` characters of data.
    """
    return _Inliner(root, tool).inline(node, path, seen, 0)


class _Inliner:
    """One ``$ref`` expansion, with the count of what it has made so far."""

    def __init__(self, root: dict[str, Any], tool: str) -> None:
        self.root = root
        self.tool = tool
        self.nodes = 0
        self.data = 0

    def inline(self, node: Any, path: str, seen: tuple[str, ...], depth: int) -> Any:
        if not isinstance(node, dict):
            return node
        if depth > MAX_DEPTH:
            raise _too_deep(self.tool, path)
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise ToolDefinitionError(
                    self.tool, path, f"recursive $ref {ref!r} is not supported"
                )
            target = resolve_pointer(self.root, ref, self.tool, path)
            if not isinstance(target, dict):
                raise ToolDefinitionError(self.tool, path, f"$ref {ref!r} is not a schema")
            merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
            return self.inline(merged, path, (*seen, ref), depth)
        self.count(node, path)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in ("$defs", "definitions"):
                continue
            if key in _SUBSCHEMA_MAPS and isinstance(value, dict):
                self.add_data(sum(len(str(name)) for name in value), path)
                out[key] = {
                    name: self.inline(sub, f"{path}.{key}.{name}", seen, depth + 1)
                    for name, sub in value.items()
                }
            elif key in _SUBSCHEMA:
                out[key] = self.inline(value, f"{path}.{key}", seen, depth + 1)
            elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
                out[key] = [
                    self.inline(sub, f"{path}.{key}[{i}]", seen, depth + 1)
                    for i, sub in enumerate(value)
                ]
            else:
                out[key] = value
        if out.pop("nullable", False) is True:  # OpenAPI 3.0 spelling of a null union
            out = _add_null(out)
        return _numeric_exclusive_bounds(out)

    def count(self, node: dict[str, Any], path: str) -> None:
        """Count one sub-schema and the data it holds (everything but its sub-schemas)."""
        self.nodes += 1
        if self.nodes > MAX_SCHEMA_NODES:
            raise ToolDefinitionError(
                self.tool,
                path,
                f"expands to more than {MAX_SCHEMA_NODES} sub-schemas once $ref pointers "
                "are inlined",
            )
        for key, value in node.items():
            if key not in ("$defs", "definitions") and not _holds_schemas(key, value):
                self.add_data(len(key) + data_size(value, MAX_SCHEMA_DATA - self.data), path)

    def add_data(self, amount: int, path: str) -> None:
        self.data += amount
        if self.data > MAX_SCHEMA_DATA:
            raise ToolDefinitionError(
                self.tool,
                path,
                f"holds more than {MAX_SCHEMA_DATA:,} characters of descriptions, enums and "
                "defaults once $ref pointers are inlined",
            )


def _holds_schemas(key: str, value: Any) -> bool:
    """Whether a keyword's value is walked as sub-schemas (else it is data)."""
    if key in _SUBSCHEMA_LISTS:
        return isinstance(value, list)
    return (key in _SUBSCHEMA_MAPS or key in _SUBSCHEMA) and isinstance(value, dict)


def data_size(value: Any, limit: int) -> int:
    """About how many characters ``value`` takes as JSON, counted up to just past ``limit``
    (so a huge value costs no more than the limit to measure)."""
    total = 0
    stack = [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str):
            total += len(item) + 2
        elif isinstance(item, dict):
            total += 2 + sum(len(str(k)) + 3 for k in item)
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            total += 2 + len(item)
            stack.extend(item)
        else:
            total += 4
    return total


def _numeric_exclusive_bounds(schema: dict[str, Any]) -> dict[str, Any]:
    """Rewrite draft-4 / OpenAPI 3.0 ``exclusiveMinimum: true`` into the numeric form."""
    for exclusive, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(schema.get(exclusive), bool):
            schema = dict(schema)
            if schema.pop(exclusive) and bound in schema:
                schema[exclusive] = schema.pop(bound)
    return schema


def _add_null(schema: dict[str, Any]) -> dict[str, Any]:
    types = schema.get("type")
    if types is None:
        return {"anyOf": [schema, {"type": "null"}]}
    types = types if isinstance(types, list) else [types]
    if "enum" in schema and None not in schema["enum"]:
        schema = {**schema, "enum": [*schema["enum"], None]}
    return {**schema, "type": [*types, "null"] if "null" not in types else types}


def resolve_pointer(root: dict[str, Any], ref: Any, tool: str, path: str) -> Any:
    """Follow a local JSON pointer (``#/a/b``) inside ``root``."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        raise ToolDefinitionError(tool, path, f"only local $ref pointers are supported: {ref!r}")
    node: Any = root
    for part in ref[1:].lstrip("/").split("/") if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            raise ToolDefinitionError(tool, path, f"$ref {ref!r} points nowhere")
        node = node[part]
    return node


def schema_types(schema: dict[str, Any]) -> list[str]:
    """The JSON types a schema admits, in declared order (empty: any type)."""
    types = schema.get("type")
    if types is None:
        if "enum" in schema:
            return _unique(json_type_of(v) for v in schema["enum"])
        if "const" in schema:
            return [json_type_of(schema["const"])]
        return []
    return list(types) if isinstance(types, list) else [types]


def json_type_of(value: Any) -> str:
    """The JSON type name of a Python value (bool is not an integer)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _unique(items: Any) -> list[str]:
    return list(dict.fromkeys(items))


def map_schema(
    schema: Any,
    transform: Callable[[dict[str, Any]], dict[str, Any]],
    *,
    tool: str = "?",
    path: str = "parameters",
    depth: int = 0,
) -> Any:
    """Apply ``transform`` to every sub-schema, innermost first.

    Only schema positions are visited (``properties`` values, ``items`` and the like), never
    data such as ``enum`` values or defaults, so a property named ``type`` stays a name.

    Raises:
        ToolDefinitionError: (naming ``tool``) sub-schemas nested past :data:`MAX_DEPTH`.
    """
    if not isinstance(schema, dict):
        return schema
    if depth > MAX_DEPTH:
        raise _too_deep(tool, path)
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            out[key] = {
                name: map_schema(
                    sub, transform, tool=tool, path=f"{path}.{key}.{name}", depth=depth + 1
                )
                for name, sub in value.items()
            }
        elif key in _SUBSCHEMA:
            out[key] = map_schema(
                value, transform, tool=tool, path=f"{path}.{key}", depth=depth + 1
            )
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            out[key] = [
                map_schema(sub, transform, tool=tool, path=f"{path}.{key}[{i}]", depth=depth + 1)
                for i, sub in enumerate(value)
            ]
        else:
            out[key] = value
    return transform(out)


def iter_schemas(schema: Any, *, tool: str = "?") -> Iterator[dict[str, Any]]:
    """Every sub-schema of ``schema`` (itself included), outermost first.

    Raises:
        ToolDefinitionError: (naming ``tool``) sub-schemas nested past :data:`MAX_DEPTH`.
    """
    stack: list[tuple[Any, str, int]] = [(schema, "parameters", 0)]
    while stack:
        node, path, depth = stack.pop()
        if not isinstance(node, dict):
            continue
        if depth > MAX_DEPTH:
            raise _too_deep(tool, path)
        yield node
        children: list[tuple[Any, str, int]] = []
        for key in _SUBSCHEMA_MAPS:
            value = node.get(key)
            for name, sub in value.items() if isinstance(value, dict) else ():
                children.append((sub, f"{path}.{key}.{name}", depth + 1))
        for key in _SUBSCHEMA:
            children.append((node.get(key), f"{path}.{key}", depth + 1))
        for key in _SUBSCHEMA_LISTS:
            value = node.get(key)
            for i, sub in enumerate(value if isinstance(value, list) else ()):
                children.append((sub, f"{path}.{key}[{i}]", depth + 1))
        stack.extend(reversed(children))
