"""JSON tool formats: detection, import into :class:`Tool`, and export back.

Formats (each item of a list, or the list under ``functions``/``tools``):

- ``openai``: ``{"type": "function", "function": {"name", "description", "parameters",
  "strict"}}``, or the legacy bare ``{"name", "description", "parameters"}``.
- ``trelis``: the function-calling Llama v2 cards' metadata ``{"function", "description",
  "arguments": [{"name", "type", "description"}]}``, optionally wrapped in
  ``{"functionMetadata": ...}``. The cards say nothing about optional arguments, so every
  argument is required unless it carries ``"required": false``, ``"optional": true`` or a
  ``"default"``.
- ``llama-functions``: the Llama-2-7b-chat functions card's ``{"name", "description",
  "parameters": [{"name", "type", "description", "optional"}]}``.
- ``bfcl``: BFCL function docs, JSON Schema with Python type names (``dict``, ``float``,
  ``tuple``, ``any``).
- ``python``: ``{"python": "<source of one def with a docstring>"}``, a NexusRaven-style
  Python tool as text, read without running it (see :mod:`fncall.tools.pysource`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fncall.errors import ToolDefinitionError, ToolFormatError
from fncall.tools.pysource import tool_from_source
from fncall.tools.schema import iter_schemas, map_schema
from fncall.tools.spec import Tool, ToolSource, check_tool_name

# Type names the list-style formats (trelis, llama-functions) use, beside JSON's own.
_LOOSE_TYPES = {
    "string": "string",
    "str": "string",
    "integer": "integer",
    "int": "integer",
    "number": "number",
    "float": "number",
    "boolean": "boolean",
    "bool": "boolean",
    "array": "array",
    "list": "array",
    "object": "object",
    "dict": "object",
}
_BFCL_TO_JSON = {"dict": "object", "float": "number", "tuple": "array", "any": None}
_BFCL_ONLY = frozenset(_BFCL_TO_JSON)
_JSON_TO_BFCL = {"object": "dict", "number": "float"}
_ARGUMENT_KEYS = ("name", "type", "description")


def detect_format(item: Any) -> str:
    """Name the format of one JSON tool description (see the module docstring)."""
    if not isinstance(item, dict):
        raise ToolFormatError(f"a tool must be a JSON object, not {type(item).__name__}")
    if item.get("type") == "function" and isinstance(item.get("function"), dict):
        return "openai"
    if "python" in item:
        return "python"
    if "functionMetadata" in item or "functionMetaData" in item:
        return "trelis"
    if isinstance(item.get("function"), str) or isinstance(item.get("arguments"), list):
        return "trelis"
    if isinstance(item.get("parameters"), list):
        return "llama-functions"
    if isinstance(item.get("parameters"), dict) and _uses_bfcl_types(item["parameters"]):
        return "bfcl"
    if "name" in item or isinstance(item.get("parameters"), dict):
        return "openai"
    raise ToolFormatError(
        "unrecognised tool format: expected OpenAI, Trelis, llama-functions, BFCL or python "
        "keys, got " + ", ".join(repr(k) for k in item)
    )


def tools_from_json(document: Any) -> list[Tool]:
    """Build tools from a parsed JSON document in any supported format.

    Accepts one tool, a list of tools, or an object holding the list under ``functions`` or
    ``tools``. Formats may be mixed within a list.
    """
    items = _tool_items(document)
    return [tool_from_json(item, index) for index, item in enumerate(items)]


def tool_from_json(item: Any, index: int = 0) -> Tool:
    """Build one tool from a JSON object in any supported format."""
    fmt = detect_format(item)
    return _IMPORTERS[fmt](item, index)


def _tool_items(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in ("functions", "tools"):
            if isinstance(document.get(key), list):
                return document[key]
        return [document]
    raise ToolFormatError(f"a tools document must be a JSON object or list, not {_kind(document)}")


def _kind(value: Any) -> str:
    return type(value).__name__


def _label(item: Any, index: int, key: str = "name") -> str:
    name = item.get(key) if isinstance(item, dict) else None
    return name if isinstance(name, str) and name else f"#{index}"


def _text(item: dict[str, Any], key: str, label: str) -> str:
    value = item.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ToolDefinitionError(label, key, f"must be a string, not {_kind(value)}")
    return value


def _tool(
    item: dict[str, Any],
    index: int,
    fmt: str,
    parameters: Callable[[str], Any],
    name_key: str = "name",
    strict: bool = False,
    document: dict[str, Any] | None = None,
) -> Tool:
    """Build a tool, naming it ``#index`` in errors until its name is known to be good."""
    label = _label(item, index, name_key)
    check_tool_name(item.get(name_key), label)
    return Tool(
        name=item[name_key],
        description=_text(item, "description", label),
        parameters=parameters(label),
        strict=strict,
        source=ToolSource(fmt, document=item if document is None else document),
    )


# --- openai -------------------------------------------------------------------------------


def _from_openai(item: dict[str, Any], index: int) -> Tool:
    function = item["function"] if item.get("type") == "function" else item
    strict = function.get("strict", False)
    if not isinstance(strict, bool):
        raise ToolDefinitionError(_label(function, index), "strict", "must be true or false")
    parameters = function.get("parameters", {"type": "object", "properties": {}})
    return _tool(function, index, "openai", lambda _: parameters, strict=strict, document=item)


# --- trelis and llama-functions: argument lists ------------------------------------------


def _from_trelis(item: dict[str, Any], index: int) -> Tool:
    item = item.get("functionMetadata") or item.get("functionMetaData") or item
    arguments = item.get("arguments", [])
    return _tool(
        item,
        index,
        "trelis",
        lambda label: _argument_list_schema(arguments, label, "arguments"),
        name_key="function",
    )


def _from_llama_functions(item: dict[str, Any], index: int) -> Tool:
    return _tool(
        item,
        index,
        "llama-functions",
        lambda label: _argument_list_schema(item["parameters"], label, "parameters"),
    )


def _argument_list_schema(arguments: Any, label: str, field: str) -> dict[str, Any]:
    if not isinstance(arguments, list):
        raise ToolDefinitionError(label, field, "must be a list of arguments")
    properties: dict[str, Any] = {}
    required: list[str] = []
    for i, argument in enumerate(arguments):
        where = f"{field}[{i}]"
        if not isinstance(argument, dict):
            raise ToolDefinitionError(label, where, "must be an object")
        name = argument.get("name")
        if not isinstance(name, str) or not name:
            raise ToolDefinitionError(label, f"{where}.name", "is missing or empty")
        if name in properties:
            raise ToolDefinitionError(label, f"{where}.name", f"argument {name!r} repeats")
        # A boolean "required" marks the argument; a list is the nested schema's own keyword.
        flags = ("name", "optional") + (
            ("required",) if isinstance(argument.get("required"), bool) else ()
        )
        schema = {k: v for k, v in argument.items() if k not in flags}
        if "type" in schema:
            schema["type"] = _loose_type(schema["type"], label, f"{where}.type")
        properties[name] = schema
        optional = argument.get("optional") is True or argument.get("required") is False
        if not optional and "default" not in argument:
            required.append(name)
    return {"type": "object", "properties": properties, "required": required}


def _loose_type(name: Any, label: str, field: str) -> str | list[str]:
    if isinstance(name, list):
        return [_loose_type(n, label, field) for n in name]  # type: ignore[misc]
    if name == "null":
        return "null"
    if not isinstance(name, str) or name.lower() not in _LOOSE_TYPES:
        known = ", ".join(sorted(set(_LOOSE_TYPES.values())))
        raise ToolDefinitionError(label, field, f"unknown type {name!r}; expected one of {known}")
    return _LOOSE_TYPES[name.lower()]


def _original(tool: Tool, fmt: str) -> dict[str, Any] | None:
    if tool.source is not None and tool.source.format == fmt and tool.source.document:
        return dict(tool.source.document)
    return None


def to_trelis(tool: Tool) -> dict[str, Any]:
    """This tool as function-calling Llama v2 metadata (``function``/``arguments``); the
    tool's original metadata if it came as such. Optional arguments carry
    ``"optional": true``, which keeps an object argument's own ``required`` list intact."""
    if (original := _original(tool, "trelis")) is not None:
        return original
    return {
        "function": tool.name,
        "description": tool.description,
        "arguments": _argument_list(tool),
    }


def to_llama_functions(tool: Tool) -> dict[str, Any]:
    """This tool in the Llama-2-7b-chat functions format (``parameters`` as a list); the
    tool's original document if it came as one."""
    if (original := _original(tool, "llama-functions")) is not None:
        return original
    return {"name": tool.name, "description": tool.description, "parameters": _argument_list(tool)}


def _argument_list(tool: Tool) -> list[dict[str, Any]]:
    required = set(tool.required)
    out = []
    for name, schema in tool.properties.items():
        argument: dict[str, Any] = {"name": name}
        argument.update({k: schema[k] for k in _ARGUMENT_KEYS if k in schema and k != "name"})
        argument.update({k: v for k, v in schema.items() if k not in _ARGUMENT_KEYS})
        if name not in required:
            argument["optional"] = True
        out.append(argument)
    return out


# --- bfcl ---------------------------------------------------------------------------------


def _uses_bfcl_types(schema: Any) -> bool:
    return any(
        isinstance(sub.get("type"), str) and sub["type"] in _BFCL_ONLY
        for sub in iter_schemas(schema)
    )


def _from_bfcl(item: dict[str, Any], index: int) -> Tool:
    parameters = bfcl_to_json_schema(item.get("parameters", {"type": "dict"}))
    return _tool(item, index, "bfcl", lambda _: parameters)


def bfcl_to_json_schema(schema: Any) -> Any:
    """Translate BFCL's Python type names (``dict``, ``float``, ``tuple``, ``any``) to JSON
    Schema. Any other unknown name is left for the schema check to report."""

    def translate(node: dict[str, Any]) -> dict[str, Any]:
        kind = node.get("type")
        if not (isinstance(kind, str) and kind in _BFCL_TO_JSON):
            return node
        out = {k: v for k, v in node.items() if k != "type"}
        if _BFCL_TO_JSON[kind] is not None:
            out = {"type": _BFCL_TO_JSON[kind], **out}
        return out

    return map_schema(schema, translate)


def to_bfcl(tool: Tool) -> dict[str, Any]:
    """This tool as a BFCL function doc (the tool's original doc if it came from one)."""
    if (original := _original(tool, "bfcl")) is not None:
        return original
    return {
        "name": tool.name,
        "description": tool.description,
        "parameters": _json_schema_to_bfcl(tool.parameters),
    }


def _json_schema_to_bfcl(schema: Any) -> Any:
    def translate(node: dict[str, Any]) -> dict[str, Any]:
        kind = node.get("type")
        if isinstance(kind, str):
            return {**node, "type": _JSON_TO_BFCL.get(kind, kind)}
        if kind is None and not {"enum", "const", "anyOf", "oneOf", "allOf"} & set(node):
            return {"type": "any", **node}
        return node

    return map_schema(schema, translate)


# --- python -------------------------------------------------------------------------------


def _from_python(item: dict[str, Any], index: int) -> Tool:
    source = item["python"]
    if not isinstance(source, str):
        raise ToolDefinitionError(
            f"#{index}", "python", f"must be the source of a def as a string, not {_kind(source)}"
        )
    try:
        return tool_from_source(source)
    except ToolFormatError as exc:  # say which item of a list it was
        raise ToolFormatError(f"tool #{index}: {exc}") from exc


_IMPORTERS = {
    "openai": _from_openai,
    "trelis": _from_trelis,
    "llama-functions": _from_llama_functions,
    "bfcl": _from_bfcl,
    "python": _from_python,
}
