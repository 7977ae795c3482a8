"""A tool seen as a Python function: signature, docstring and argument order.

Python-syntax dialects (NexusRaven) show tools as ``def`` signatures with docstrings. A
tool written in Python keeps its own signature and docstring; any other tool gets ones
derived from its JSON Schema.
"""

from __future__ import annotations

import inspect
import keyword
from collections.abc import Iterable
from typing import Any

from fncall.calls.pyformat import format_python_value
from fncall.errors import PromptError
from fncall.tools.spec import Tool

_SCALARS = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
    "object": "dict",
}


def _is_python(tool: Tool) -> bool:
    return tool.source is not None and tool.source.format == "python"


def python_name_problem(tool: Tool, *, dotted: bool) -> str | None:
    """What of ``tool`` Python syntax cannot name (``"tool 'x'"``, ``"parameter 'p' of tool
    'x'"``), or None. A call may name a dotted tool (``math.factorial``), a ``def`` may not:
    ``dotted`` says which is asked. The one rule for both, so what a dialect offers and what
    fncall can write as Python agree."""
    parts = tool.name.split(".") if dotted else [tool.name]
    if not all(_is_identifier(part) for part in parts):
        return f"tool {tool.name!r}"
    for name in tool.properties:
        if not _is_identifier(name):
            return f"parameter {name!r} of tool {tool.name!r}"
    return None


def _is_identifier(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name)


def check_python_names(tools: Iterable[Tool], dialect: str) -> None:
    """Refuse tools a Python-syntax dialect cannot write a call to.

    Raises:
        PromptError: a tool or parameter name that is a Python keyword or not an identifier.
    """
    for tool in tools:
        problem = python_name_problem(tool, dotted=True)
        if problem is not None:
            raise PromptError(
                f"{dialect} writes calls in Python syntax, which cannot name {problem}"
            )


def parameter_order(tool: Tool) -> tuple[str, ...]:
    """Parameter names in signature order: how positional arguments map to names.

    Python tools keep their own order; for others, parameters without a default come first
    (as Python requires), each group in declaration order.
    """
    if _is_python(tool):
        return tuple(tool.properties)
    required = set(tool.required)
    mandatory = [n for n, s in tool.properties.items() if n in required and "default" not in s]
    return tuple(mandatory + [n for n in tool.properties if n not in mandatory])


def python_annotation(schema: dict[str, Any]) -> str:
    """A Python type annotation for a JSON Schema (``""`` when any value is allowed)."""
    if "enum" in schema:
        return "Literal[" + ", ".join(format_python_value(v) for v in schema["enum"]) + "]"
    if "const" in schema:
        return f"Literal[{format_python_value(schema['const'])}]"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            parts = [python_annotation(s) or "Any" for s in schema[key]]
            return " | ".join(dict.fromkeys(parts))
    kind = schema.get("type")
    if isinstance(kind, list):
        return " | ".join(python_annotation({**schema, "type": k}) for k in kind)
    if kind == "array":
        item = python_annotation(schema.get("items", {}))
        return f"list[{item}]" if item else "list"
    if kind is None:
        return ""
    return _SCALARS.get(kind, "")


def python_signature(tool: Tool) -> str:
    """``name(a: str, b: int = 3)``: the tool's own signature for Python tools."""
    if _is_python(tool) and tool.source and tool.source.signature:
        return tool.source.signature
    required = set(tool.required)
    params = []
    for name in parameter_order(tool):
        schema = tool.properties[name]
        annotation = python_annotation(schema)
        text = f"{name}: {annotation}" if annotation else name
        if "default" in schema:
            text += f" = {format_python_value(schema['default'])}"
        elif name not in required:
            text += " = None"
        params.append(text)
    return f"{tool.name}({', '.join(params)})"


def python_docstring(tool: Tool, *, dedent: bool = False, indent_args: bool = False) -> str:
    """The tool's docstring without quotes.

    Python tools give their own docstring stripped of outer whitespace; its inner lines keep
    their source indentation (as LangChain passed it when NexusRaven-13B was evaluated)
    unless ``dedent`` is set. Other tools get a Google-style docstring built from the
    description and the parameter schemas, its ``Args:`` entries level with ``Args:`` as in
    NexusRaven's model card, or indented under it (strict Google style, which docstring
    parsers read back) with ``indent_args``.
    """
    if _is_python(tool) and tool.source and tool.source.docstring is not None:
        raw = tool.source.docstring
        return inspect.cleandoc(raw) if dedent else raw.strip()
    lines = [tool.description.strip()] if tool.description.strip() else []
    if tool.properties:
        if lines:
            lines.append("")
        lines.append("Args:")
        entry, more = ("    ", "        ") if indent_args else ("", "")
        required = set(tool.required)
        for name in parameter_order(tool):
            schema = tool.properties[name]
            kind = python_annotation(schema) or "Any"
            if name not in required:
                kind += ", optional"
            text = str(schema.get("description", "")).strip().split("\n")
            lines.append(f"{entry}{name} ({kind}): {text[0]}".rstrip())
            lines += [f"{more}{line}".rstrip() for line in text[1:]]
    return "\n".join(lines)
