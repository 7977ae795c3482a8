"""Tools from the objects of the libraries people build agents with.

Each is recognised by the library its class comes from (no library is imported to check),
read through what that library itself publishes as the tool's schema, and runs through
the library's own entry point once fncall has validated the arguments:

- a pydantic model class: its name, its docstring as the description, its fields (with
  their ``Field(description=...)`` texts, defaults and constraints) as the parameters;
  "running" it builds the model instance;
- a LangChain tool (``BaseTool``, ``StructuredTool``, ``@tool``): its ``tool_call_schema``
  as LangChain sends it to OpenAI; it runs through ``tool.invoke(arguments)``;
- a smolagents ``Tool``: its ``inputs`` as :mod:`fncall.tools.formats` reads them; it runs
  as ``tool(**arguments)``;
- the OpenAI Agents SDK's ``FunctionTool``: its ``params_json_schema``; it runs through
  ``on_invoke_tool``, and ``needs_approval=True`` carries over;
- an MCP ``types.Tool`` (from ``ClientSession.list_tools()``): its definition as the MCP
  format reads it, fields the format does not know kept in its source (no function:
  :mod:`fncall.tools.mcp_servers` runs MCP tools).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pydantic

from fncall.errors import ToolDefinitionError
from fncall.tools.callables import schema_of_type
from fncall.tools.formats import MCP_KEYS, tool_from_json
from fncall.tools.spec import Tool, ToolSource

__all__ = ["library_of", "tool_from_object"]


def library_of(obj: Any) -> str | None:
    """The library whose tool ``obj`` is (``pydantic``, ``langchain``, ``smolagents``,
    ``agents``, ``mcp``), or ``None``."""
    if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel):
        return "pydantic"
    roots = {cls.__module__.split(".")[0] for cls in type(obj).__mro__}
    if "langchain_core" in roots and hasattr(obj, "tool_call_schema"):
        return "langchain"
    if "smolagents" in roots and isinstance(getattr(obj, "inputs", None), dict):
        return "smolagents"
    if "agents" in roots and hasattr(obj, "params_json_schema") and hasattr(obj, "on_invoke_tool"):
        return "agents"
    if "mcp" in roots and hasattr(obj, "inputSchema"):
        return "mcp"
    return None


def tool_from_object(obj: Any) -> Tool | None:
    """The :class:`Tool` for a library's tool object, or ``None`` where ``obj`` is none.

    Raises:
        ToolDefinitionError: the object's schema is not one fncall can use.
    """
    library = library_of(obj)
    if library is None:
        return None
    return _READERS[library](obj)


def _from_pydantic(model: type[pydantic.BaseModel]) -> Tool:
    name = model.__name__
    schema = schema_of_type(model, name, "parameters")
    description = schema.pop("description", "")
    return Tool(
        name=name,
        description=description,
        parameters=schema,
        func=model,
        source=ToolSource("pydantic", document=model.model_json_schema()),
    )


def _from_langchain(tool: Any) -> Tool:
    from langchain_core.utils.function_calling import convert_to_openai_tool

    document = convert_to_openai_tool(tool)
    return _with_runner(tool_from_json(document), lambda arguments: tool.invoke(arguments))


def _from_smolagents(tool: Any) -> Tool:
    document = {"name": tool.name, "description": tool.description, "inputs": tool.inputs}
    return _with_runner(tool_from_json(document), lambda arguments: tool(**arguments))


def _from_agents_sdk(tool: Any) -> Tool:
    from agents.tool_context import ToolContext

    document = {
        "type": "function",
        "name": tool.name,
        "description": tool.description,
        "parameters": tool.params_json_schema,
        "strict": bool(tool.strict_json_schema),
    }

    def run(arguments: dict[str, Any]) -> Any:
        text = json.dumps(arguments)
        context = ToolContext(
            context=None, tool_name=tool.name, tool_call_id="fncall", tool_arguments=text
        )
        return asyncio.run(tool.on_invoke_tool(context, text))

    approval = getattr(tool, "needs_approval", False)
    if not isinstance(approval, bool):
        raise ToolDefinitionError(
            tool.name,
            "needs_approval",
            "is a function; fncall asks its approve callback for every call instead "
            "(give needs_approval=True)",
        )
    return _with_runner(tool_from_json(document), run, requires_approval=approval)


def _from_mcp(tool: Any) -> Tool:
    listed = tool.model_dump(by_alias=True, exclude_none=True, mode="json")
    # a server may send fields newer than the format (the SDK keeps them): the tool is
    # read from the fields it has, and keeps them all as written
    made = tool_from_json({k: v for k, v in listed.items() if k in MCP_KEYS})
    return replace(made, source=ToolSource("mcp", document=listed))


def _with_runner(
    made: Tool, run: Callable[[dict[str, Any]], Any], *, requires_approval: bool = False
) -> Tool:
    """``made`` running through ``run`` (which takes the validated arguments as a dict)."""

    def call(**arguments: Any) -> Any:
        return run(arguments)

    call.__name__ = made.name
    return replace(made, func=call, requires_approval=requires_approval or made.requires_approval)


_READERS: dict[str, Callable[[Any], Tool]] = {
    "pydantic": _from_pydantic,
    "langchain": _from_langchain,
    "smolagents": _from_smolagents,
    "agents": _from_agents_sdk,
    "mcp": _from_mcp,
}
