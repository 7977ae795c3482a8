"""JSON tool formats: detection, import into :class:`Tool`, and export back.

Formats (each item of a list, or the list under ``functions``/``tools``):

- ``openai``: ``{"type": "function", "function": {"name", "description", "parameters",
  "strict"}}``, or the legacy bare ``{"name", "description", "parameters", "strict"}``
  (which may also carry ``"type": "function"``, as the Responses API writes it).
- ``trelis``: the function-calling Llama v2 cards' metadata ``{"function", "description",
  "arguments": [{"name", "type", "description"}]}``, optionally wrapped as the Trelis
  function files write it: ``{"functionMetaData": ..., "samplePromptResponsePairs": [...]}``
  (``functionMetadata`` also read; the sample pairs are kept in the source document, not
  read). The cards say nothing about optional arguments, so every argument is required
  unless it carries ``"required": false``, ``"optional": true`` or a ``"default"``.
- ``llama-functions``: the Llama-2-7b-chat functions card's ``{"name", "description",
  "parameters": [{"name", "type", "description", "optional"}]}``.
- ``bfcl``: BFCL function docs ``{"name", "description", "parameters", "response"}``: JSON
  Schema with Python type names (``dict``, ``float``, ``tuple``, ``any``). ``response``, the
  multi-turn docs' schema of the result, is kept in the source document, not read; a doc
  that carries it is BFCL whatever its types.
- ``python``: ``{"python": "<source of one def with a docstring>"}``, a NexusRaven-style
  Python tool as text, read without running it (see :mod:`fncall.tools.source`).
- ``mcp``: an MCP ``tools/list`` entry ``{"name", "title", "description", "inputSchema",
  "outputSchema", "annotations", "icons", "_meta", "execution"}``, or the same in
  snake_case (``input_schema``, ``output_schema``, ``meta``) as Python SDKs dump it. A tool
  whose annotations say ``destructiveHint: true`` (and not ``readOnlyHint: true``) needs
  approval before it runs; MCP's default for a tool without hints is not acted on.
- ``smolagents``: ``{"name", "description", "inputs": {name: {"type", "description",
  "nullable"}}, "output_type", "output_schema"}``; a ``nullable`` input is optional, the
  type ``any`` takes any JSON value, and ``image``/``audio`` inputs are refused (a model
  writes no images).

The top-level keys are strict: a key a format does not list above (a typo such as
``paramters``) is a :class:`~fncall.errors.ToolDefinitionError` naming the key, the keys
the format takes and the formats read, never a tool that silently takes no arguments. No
format has free-form top-level keys. Keys inside the parameter schema and inside
argument-list entries are the schema's business (:mod:`fncall.tools.schema`), not checked
here. Tool objects of libraries (pydantic, LangChain, smolagents, the Agents SDK, MCP) are
read by :mod:`fncall.tools.objects`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection
from typing import Any

from fncall.errors import ToolDefinitionError, ToolFormatError
from fncall.tools.schema import iter_schemas, map_schema
from fncall.tools.source import tool_from_source
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

# The top-level keys each format takes (see the module docstring).
_OPENAI_TOOL_KEYS = ("type", "function")
_OPENAI_FUNCTION_KEYS = ("name", "description", "parameters", "strict")
_OPENAI_BARE_KEYS = ("type", *_OPENAI_FUNCTION_KEYS)
_TRELIS_KEYS = ("function", "description", "arguments")
_TRELIS_WRAPPERS = ("functionMetaData", "functionMetadata")
_TRELIS_WRAPPER_KEYS = (*_TRELIS_WRAPPERS, "samplePromptResponsePairs")
_LLAMA_FUNCTIONS_KEYS = ("name", "description", "parameters")
_BFCL_KEYS = ("name", "description", "parameters", "response")
_PYTHON_KEYS = ("python",)
MCP_KEYS = ("name", "title", "description", "inputSchema", "outputSchema", "annotations")
MCP_KEYS += ("icons", "_meta", "execution")
"""The top-level keys of an MCP tool definition (camelCase, as MCP sends it)."""
_MCP_SNAKE_KEYS = ("name", "title", "description", "input_schema", "output_schema")
_MCP_SNAKE_KEYS += ("annotations", "icons", "meta", "execution")
_SMOLAGENTS_KEYS = ("name", "description", "inputs", "output_type", "output_schema")
_ALL_KEYS = frozenset(
    _OPENAI_BARE_KEYS
    + _OPENAI_TOOL_KEYS
    + _TRELIS_KEYS
    + _TRELIS_WRAPPER_KEYS
    + _BFCL_KEYS
    + _PYTHON_KEYS
    + MCP_KEYS
    + _MCP_SNAKE_KEYS
    + _SMOLAGENTS_KEYS
)
_FORMATS = (
    'the tool formats read are openai ({"type": "function", "function": {...}} or the bare '
    "function), trelis, llama-functions, bfcl, python, mcp and smolagents (and whole "
    "OpenAPI 3 documents)"
)
# smolagents input types -> JSON Schema types (None: any JSON value)
_SMOLAGENTS_TYPES = {
    "string": "string", "boolean": "boolean", "integer": "integer", "number": "number",
    "array": "array", "object": "object", "null": "null", "any": None,
}  # fmt: skip


def detect_format(item: Any) -> str:
    """Name the format of one JSON tool description (see the module docstring)."""
    if not isinstance(item, dict):
        raise ToolFormatError(f"a tool must be a JSON object, not {type(item).__name__}")
    if item.get("type") == "function" and isinstance(item.get("function"), dict):
        return "openai"
    if "python" in item:
        return "python"
    if "inputSchema" in item or "input_schema" in item:
        return "mcp"
    if isinstance(item.get("inputs"), dict):
        return "smolagents"
    if "functionMetadata" in item or "functionMetaData" in item:
        return "trelis"
    if isinstance(item.get("function"), str) or isinstance(item.get("arguments"), list):
        return "trelis"
    if isinstance(item.get("parameters"), list):
        return "llama-functions"
    if isinstance(item.get("parameters"), dict) and _uses_bfcl_types(item["parameters"]):
        return "bfcl"
    if "response" in item and "name" in item:  # only BFCL docs describe the result
        return "bfcl"
    if "name" in item or isinstance(item.get("parameters"), dict):
        return "openai"
    raise ToolFormatError(
        "unrecognised tool format: expected OpenAI, Trelis, llama-functions, BFCL, python, MCP "
        "or smolagents keys, got "
        + ", ".join(repr(k) for k in item)
        + _suggestions(item, _ALL_KEYS)
    )


def _suggestions(keys: Collection[Any], known: Collection[str]) -> str:
    hints = [
        f"{close[0]!r} for {key!r}"
        for key in map(str, keys)
        if key not in known and (close := difflib.get_close_matches(key, known, n=1, cutoff=0.75))
    ]
    return f" (did you mean {', '.join(hints)}?)" if hints else ""


def tools_from_json(document: Any) -> list[Tool]:
    """Build tools from a parsed JSON document in any supported format.

    Accepts one tool, a list of tools, or an object holding the list under ``functions`` or
    ``tools``. Formats may be mixed within a list.
    """
    items = _tool_items(document)
    return [tool_from_json(item, index) for index, item in enumerate(items)]


def tool_from_json(item: Any, index: int = 0) -> Tool:
    """Build one tool from a JSON object in any supported format.

    Raises:
        ToolDefinitionError: The tool is malformed, or carries a top-level key its format
            does not take (the message names the key, the keys the format takes and the
            formats read).
        ToolFormatError: The object is in no format fncall recognises.
    """
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


def _check_keys(
    item: dict[str, Any],
    allowed: tuple[str, ...],
    what: str,
    label: str,
    inner: tuple[str, tuple[str, ...]] | None = None,
) -> None:
    """Refuse any top-level key of ``item`` that is not in ``allowed`` (a format's keys).

    ``what`` names the object ("an OpenAI function") in the message; ``inner`` is a
    wrapper's ``(key, keys of the object under it)``, to say where a misplaced key goes. The
    error's field is the first unknown key; the message names them all.
    """
    unknown = [str(key) for key in item if key not in allowed]
    if not unknown:
        return
    first, others = unknown[0], unknown[1:]
    reason = f"is not a key of {what}"
    if others:
        reason += f", nor {'is' if len(others) == 1 else 'are'} "
        reason += ", ".join(repr(k) for k in others)
    hints = []
    for key in unknown:
        of = f" for {key!r}" if others else ""
        if inner is not None and key in inner[1]:
            hints.append(f"{key!r} goes inside {inner[0]!r}")
        elif close := _close(key, allowed):
            hints.append(f"did you mean {close!r}{of}?")
        elif inner is not None and (close := _close(key, inner[1])):
            hints.append(f"did you mean {close!r} inside {inner[0]!r}{of}?")
    if hints:
        reason += f" ({'; '.join(hints)})"
    keys = ", ".join(repr(k) for k in allowed)
    raise ToolDefinitionError(label, first, f"{reason}; {what} takes {keys}; {_FORMATS}")


def _close(key: str, known: tuple[str, ...]) -> str | None:
    """The known key ``key`` is most likely a misspelling of, if any."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return close[0] if close else next((k for k in known if k.lower() == key.lower()), None)


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
    requires_approval: bool = False,
) -> Tool:
    """Build a tool, naming it ``#index`` in errors until its name is known to be good."""
    label = _label(item, index, name_key)
    check_tool_name(item.get(name_key), label)
    return Tool(
        name=item[name_key],
        description=_text(item, "description", label),
        parameters=parameters(label),
        strict=strict,
        requires_approval=requires_approval,
        source=ToolSource(fmt, document=item if document is None else document),
    )


# --- openai -------------------------------------------------------------------------------


def _from_openai(item: dict[str, Any], index: int) -> Tool:
    if isinstance(item.get("function"), dict):
        function = item["function"]
        label = _label(function, index)
        inner = ("function", _OPENAI_FUNCTION_KEYS)
        _check_keys(item, _OPENAI_TOOL_KEYS, "an OpenAI tool", label, inner)
        _check_keys(function, _OPENAI_FUNCTION_KEYS, "an OpenAI function", label)
    else:  # the bare function, or the Responses API's flat tool with "type": "function"
        function = item
        label = _label(function, index)
        _check_keys(item, _OPENAI_BARE_KEYS, "a bare OpenAI function", label)
        if item.get("type", "function") != "function":
            raise ToolDefinitionError(label, "type", "must be 'function' if given")
    strict = function.get("strict", False)
    if not isinstance(strict, bool):
        raise ToolDefinitionError(label, "strict", "must be true or false")
    parameters = function.get("parameters", {"type": "object", "properties": {}})
    return _tool(function, index, "openai", lambda _: parameters, strict=strict, document=item)


# --- trelis and llama-functions: argument lists ------------------------------------------


def _from_trelis(item: dict[str, Any], index: int) -> Tool:
    wrappers = [key for key in _TRELIS_WRAPPERS if key in item]
    if wrappers:
        meta = item[wrappers[0]]
        label = _label(meta, index, "function")
        inner = (wrappers[0], _TRELIS_KEYS)
        _check_keys(item, _TRELIS_WRAPPER_KEYS, "a Trelis function file", label, inner)
        if len(wrappers) > 1:
            raise ToolDefinitionError(label, wrappers[1], f"repeats {wrappers[0]!r}; give one")
        if not isinstance(meta, dict):
            raise ToolDefinitionError(label, wrappers[0], f"must be an object, not {_kind(meta)}")
        item = meta
    _check_keys(item, _TRELIS_KEYS, "Trelis metadata", _label(item, index, "function"))
    arguments = item.get("arguments", [])
    return _tool(
        item,
        index,
        "trelis",
        lambda label: _argument_list_schema(arguments, label, "arguments"),
        name_key="function",
    )


def _from_llama_functions(item: dict[str, Any], index: int) -> Tool:
    _check_keys(item, _LLAMA_FUNCTIONS_KEYS, "a llama-functions function", _label(item, index))
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
    _check_keys(item, _BFCL_KEYS, "a BFCL function doc", _label(item, index))
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
    _check_keys(item, _PYTHON_KEYS, "a python tool", f"#{index}")
    source = item["python"]
    if not isinstance(source, str):
        raise ToolDefinitionError(
            f"#{index}", "python", f"must be the source of a def as a string, not {_kind(source)}"
        )
    try:
        return tool_from_source(source)
    except ToolFormatError as exc:  # say which item of a list it was
        raise ToolFormatError(f"tool #{index}: {exc}") from exc


# --- agent libraries: mcp and smolagents ---------------------------------------------------


def _from_mcp(item: dict[str, Any], index: int) -> Tool:
    label = _label(item, index)
    snake = "input_schema" in item
    keys = _MCP_SNAKE_KEYS if snake else MCP_KEYS
    _check_keys(item, keys, "an MCP tool", label)
    schema_key = "input_schema" if snake else "inputSchema"
    parameters = item.get(schema_key)
    if not isinstance(parameters, dict):
        raise ToolDefinitionError(
            label, schema_key, f"must be a JSON Schema object, not {_kind(parameters)}"
        )
    hints = item.get("annotations") or {}
    if not isinstance(hints, dict):
        raise ToolDefinitionError(label, "annotations", f"must be an object, not {_kind(hints)}")

    def hint(name: str, snake_name: str) -> Any:
        return hints.get(name, hints.get(snake_name))

    destructive = hint("destructiveHint", "destructive_hint") is True
    read_only = hint("readOnlyHint", "read_only_hint") is True
    return _tool(
        item, index, "mcp", lambda _: parameters, requires_approval=destructive and not read_only
    )


def _from_smolagents(item: dict[str, Any], index: int) -> Tool:
    label = _label(item, index)
    _check_keys(item, _SMOLAGENTS_KEYS, "a smolagents tool", label)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, spec in item["inputs"].items():
        field = f"inputs.{name}"
        if not isinstance(spec, dict):
            raise ToolDefinitionError(label, field, f"must be an object, not {_kind(spec)}")
        kinds = spec.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        types: list[str] = []
        for kind in kinds:
            if kind in ("image", "audio"):
                raise ToolDefinitionError(
                    label,
                    f"{field}.type",
                    f"is {kind!r}: a model writes JSON arguments, not {kind}s",
                )
            if not isinstance(kind, str) or kind not in _SMOLAGENTS_TYPES:
                known = ", ".join(repr(k) for k in _SMOLAGENTS_TYPES)
                raise ToolDefinitionError(
                    label, f"{field}.type", f"must be one of {known}, not {kind!r}"
                )
            if _SMOLAGENTS_TYPES[kind] is None:  # any: no constraint at all
                types = []
                break
            types.append(_SMOLAGENTS_TYPES[kind])
        nullable = spec.get("nullable", False)
        if not isinstance(nullable, bool):
            raise ToolDefinitionError(label, f"{field}.nullable", "must be true or false")
        schema = {k: v for k, v in spec.items() if k not in ("type", "nullable")}
        if types and nullable and "null" not in types:
            types.append("null")
        if types:
            schema["type"] = types[0] if len(types) == 1 else types
        properties[str(name)] = schema
        if not nullable:
            required.append(str(name))
    parameters: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        parameters["required"] = required
    return _tool(item, index, "smolagents", lambda _: parameters)


_IMPORTERS = {
    "openai": _from_openai,
    "trelis": _from_trelis,
    "llama-functions": _from_llama_functions,
    "bfcl": _from_bfcl,
    "python": _from_python,
    "mcp": _from_mcp,
    "smolagents": _from_smolagents,
}
