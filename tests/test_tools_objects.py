"""Tools from the real objects of pydantic, LangChain, smolagents, the OpenAI Agents SDK and
MCP: their schemas read as each library publishes them, and their calls run through the
library's own entry point after validation."""

from __future__ import annotations

from typing import ClassVar, Literal

import mcp.types
import pydantic
import pytest
from agents import function_tool
from langchain_core.tools import StructuredTool
from langchain_core.tools import tool as langchain_tool
from smolagents import Tool as SmolTool
from smolagents import tool as smol_tool

from fncall import ToolCall
from fncall.calls.execute import Executor
from fncall.errors import ApprovalDeniedError, CallValidationError
from fncall.tools import tool_from_object, toolset
from fncall.tools.objects import library_of


class Booking(pydantic.BaseModel):
    """Book a table at a restaurant."""

    restaurant: str = pydantic.Field(description="The restaurant's name")
    guests: int = pydantic.Field(2, ge=1, le=12, description="How many people")
    seating: Literal["inside", "terrace"] = "inside"


class Trip(pydantic.BaseModel):
    """Plan a trip."""

    city: str = pydantic.Field(description="Where to")
    booking: Booking | None = None


def test_a_pydantic_model_class_keeps_its_field_descriptions_and_builds_the_model():
    tool = tool_from_object(Booking)
    assert (tool.name, tool.description) == ("Booking", "Book a table at a restaurant.")
    assert tool.properties["restaurant"] == {
        "type": "string",
        "description": "The restaurant's name",
    }
    assert tool.properties["guests"] == {
        "type": "integer", "minimum": 1, "maximum": 12, "default": 2,
        "description": "How many people",
    }  # fmt: skip
    assert tool.properties["seating"]["enum"] == ["inside", "terrace"]
    assert tool.required == ["restaurant"]
    nested = tool_from_object(Trip)  # a model inside a model: inlined, not a $ref
    assert "$ref" not in str(nested.parameters)
    assert nested.properties["booking"]["type"] == ["object", "null"]
    assert nested.properties["booking"]["properties"]["guests"]["maximum"] == 12
    [result] = Executor(toolset([Booking])).run([ToolCall("Booking", {"restaurant": "Chez Lu"})])
    assert result.value == Booking(restaurant="Chez Lu")
    [refused] = Executor(toolset([Booking])).run(
        [ToolCall("Booking", {"restaurant": "X", "guests": 40})]
    )
    assert isinstance(refused.error, CallValidationError)  # fncall's check, before pydantic's


class Conversion(pydantic.BaseModel):
    amount: float = pydantic.Field(description="How much money")
    currency: str = pydantic.Field(description="ISO code to convert to")


def test_a_langchain_structured_tool_keeps_its_schema_and_runs_through_invoke():
    calls = []

    def convert(amount: float, currency: str) -> str:
        calls.append((amount, currency))
        return f"{amount * 2} {currency}"

    tool = StructuredTool.from_function(
        convert, name="convert", description="Convert money.", args_schema=Conversion
    )
    made = tool_from_object(tool)
    assert library_of(tool) == "langchain" and made.description == "Convert money."
    assert made.properties["amount"] == {"type": "number", "description": "How much money"}
    assert made.required == ["amount", "currency"]
    [result] = Executor(toolset([tool])).run(
        [ToolCall("convert", {"amount": 3, "currency": "EUR"})]
    )
    assert result.value == "6.0 EUR" and calls == [(3.0, "EUR")]


@langchain_tool(parse_docstring=True)
def add(a: int, b: int = 2) -> int:
    """Add two numbers.

    Args:
        a: The first number.
        b: The second number.
    """
    return a + b


def test_a_langchain_decorated_tool_is_read_as_langchain_sends_it():
    made = tool_from_object(add)
    assert made.properties == {
        "a": {"type": "integer", "description": "The first number."},
        "b": {"type": "integer", "default": 2, "description": "The second number."},
    }
    [result] = Executor(toolset([add])).run([ToolCall("add", {"a": 40})])
    assert result.value == 42


class Lookup(SmolTool):
    name = "lookup"
    description = "Look a word up in a dictionary."
    inputs: ClassVar[dict[str, dict[str, object]]] = {
        "word": {"type": "string", "description": "The word"},
        "language": {"type": "string", "description": "Its language", "nullable": True},
    }
    output_type = "string"

    def forward(self, word: str, language: str | None = None) -> str:
        return f"{word} ({language or 'en'}): a word"


@smol_tool
def shout(text: str) -> str:
    """Say it louder.

    Args:
        text: What to say.
    """
    return text.upper()


def test_smolagents_tools_keep_their_inputs_and_run_as_smolagents_runs_them():
    made = tool_from_object(Lookup())
    assert made.required == ["word"]
    assert made.properties["language"] == {
        "type": ["string", "null"],
        "description": "Its language",
    }
    tools = toolset([Lookup(), shout])
    results = Executor(tools).run(
        [ToolCall("lookup", {"word": "hi"}), ToolCall("shout", {"text": "hey"})]
    )
    assert [r.value for r in results] == ["hi (en): a word", "HEY"]
    assert tools["shout"].properties == {"text": {"type": "string", "description": "What to say."}}


@function_tool
def get_weather(city: str) -> str:
    """Get the weather.

    Args:
        city: The city.
    """
    return f"sunny in {city}"


@function_tool(needs_approval=True)
def delete_file(path: str) -> str:
    """Delete a file.

    Args:
        path: The file.
    """
    return f"deleted {path}"


def test_agents_sdk_function_tools_run_through_on_invoke_tool_and_keep_approval():
    made = tool_from_object(get_weather)
    # the schema as the SDK sends it to OpenAI (pydantic's titles included)
    assert made.strict and made.properties["city"]["description"] == "The city."
    assert made.parameters["additionalProperties"] is False
    [result] = Executor(toolset([get_weather])).run([ToolCall("get_weather", {"city": "Oslo"})])
    assert result.value == "sunny in Oslo"
    guarded = tool_from_object(delete_file)
    assert guarded.requires_approval
    [denied] = Executor(toolset([delete_file])).run([ToolCall("delete_file", {"path": "a"})])
    assert isinstance(denied.error, ApprovalDeniedError)
    approved = Executor(toolset([delete_file]), approve=lambda call, tool: True)
    assert approved.run([ToolCall("delete_file", {"path": "a"})])[0].value == "deleted a"


def test_an_mcp_sdk_tool_object_is_read_with_its_annotations():
    listed = mcp.types.Tool(
        name="remove_note",
        description="Remove a note.",
        inputSchema={
            "type": "object",
            "properties": {"id": {"type": "integer"}},
            "required": ["id"],
        },
        annotations=mcp.types.ToolAnnotations(destructiveHint=True),
    )
    made = tool_from_object(listed)
    assert made.source.format == "mcp" and made.requires_approval and made.required == ["id"]
    assert made.func is None  # an MCP tool runs on its server (fncall.mcp)


def test_other_objects_are_not_library_tools():
    assert tool_from_object(len) is None and tool_from_object(object()) is None
    with pytest.raises(Exception, match="cannot make a tool from int"):
        toolset([3])


def test_an_mcp_tool_with_fields_newer_than_the_format_is_read_and_keeps_them():
    listed = mcp.types.Tool(
        name="ping",
        inputSchema={"type": "object"},
        futureField={"x": 1},  # sent by a newer server
    )
    made = tool_from_object(listed)
    assert made.name == "ping" and made.source.document["futureField"] == {"x": 1}
