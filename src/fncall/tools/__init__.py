"""Tools: every supported description format, normalised to one :class:`Tool` spec."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from fncall.errors import ToolFormatError
from fncall.tools.callables import load_python_tools, tool, tool_from_callable, tools_from_module
from fncall.tools.formats import (
    detect_format,
    to_bfcl,
    to_llama_functions,
    to_trelis,
    tool_from_json,
    tools_from_json,
)
from fncall.tools.objects import tool_from_object
from fncall.tools.openapi import load_openapi, tools_from_openapi
from fncall.tools.source import python_source, tool_from_source, tools_from_source
from fncall.tools.spec import Tool, ToolSet, ToolSource

ToolLike = Tool | Callable[..., Any] | dict[str, Any]

__all__ = [
    "Tool",
    "ToolLike",
    "ToolSet",
    "ToolSource",
    "detect_format",
    "load_openapi",
    "load_tools",
    "python_source",
    "to_bfcl",
    "to_llama_functions",
    "to_trelis",
    "tool",
    "tool_from_callable",
    "tool_from_json",
    "tool_from_object",
    "tool_from_source",
    "tools_from_json",
    "tools_from_module",
    "tools_from_openapi",
    "tools_from_source",
    "toolset",
]


def toolset(tools: ToolSet | Iterable[ToolLike]) -> ToolSet:
    """Normalise tools given in any mix of forms: :class:`Tool`, a JSON dict in any format
    :func:`tool_from_json` reads (or an OpenAPI document), a library's tool object
    (:func:`tool_from_object`: pydantic model classes, LangChain, smolagents, Agents SDK
    and MCP tools) or a Python callable."""
    if isinstance(tools, ToolSet):
        return tools
    out: list[Tool] = []
    for index, item in enumerate(tools):
        if isinstance(item, Tool):
            out.append(item)
        elif isinstance(item, dict):
            out.extend(
                tools_from_openapi(item) if "openapi" in item else [tool_from_json(item, index)]
            )
        elif (made := tool_from_object(item)) is not None:
            out.append(made)
        elif callable(item):
            out.append(tool_from_callable(item))
        else:
            raise ToolFormatError(f"tool #{index}: cannot make a tool from {type(item).__name__}")
    return ToolSet(out)


def load_tools(path: str | Path) -> ToolSet:
    """Load tools from a file, detecting the format.

    ``.py``: the module's public functions. ``.json``: any JSON tool format (including
    ``{"python": "<def source>"}`` items), or an OpenAPI 3 document. ``.yaml``/``.yml``: an
    OpenAPI 3 document.
    """
    path = Path(path)
    if not path.is_file():
        raise ToolFormatError(f"tools file not found: {path}")
    suffix = path.suffix.lower()
    if suffix == ".py":
        return ToolSet(load_python_tools(path))
    if suffix in (".yaml", ".yml"):
        return ToolSet(load_openapi(path))
    if suffix != ".json":
        raise ToolFormatError(f"{path}: expected a .py, .json, .yaml or .yml tools file")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ToolFormatError(f"{path}: not valid JSON ({exc})") from exc
    if isinstance(document, dict) and "openapi" in document:
        return ToolSet(tools_from_openapi(document, source_name=str(path)))
    return ToolSet(tools_from_json(document))
