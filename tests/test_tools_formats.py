"""JSON tool formats: detection, import, export and the errors malformed tools get."""

from __future__ import annotations

import json

import pytest

from fncall.errors import DuplicateToolError, ToolDefinitionError, ToolFormatError
from fncall.tools import (
    Tool,
    ToolSet,
    detect_format,
    load_tools,
    to_bfcl,
    to_llama_functions,
    to_trelis,
    tools_from_json,
    toolset,
)

OPENAI_STRICT = {
    "type": "function",
    "function": {
        "name": "book_flight",
        "description": "Book a flight.",
        "strict": True,
        "parameters": {
            "type": "object",
            "properties": {
                "route": {
                    "type": "object",
                    "properties": {
                        "from": {"type": "string"},
                        "to": {"type": "string"},
                    },
                    "required": ["from", "to"],
                    "additionalProperties": False,
                },
                "passengers": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "cabin": {"type": "string", "enum": ["economy", "business"]},
                "seat": {"type": ["string", "null"]},
            },
            "required": ["route", "passengers", "cabin", "seat"],
            "additionalProperties": False,
        },
    },
}


def test_openai_strict_tool_round_trips():
    [tool] = tools_from_json([OPENAI_STRICT])
    assert tool.strict is True
    assert tool.required == ["route", "passengers", "cabin", "seat"]
    assert tool.properties["cabin"]["enum"] == ["economy", "business"]
    assert tool.to_openai() == OPENAI_STRICT
    assert tools_from_json([tool.to_openai()]) == [tool]


def test_legacy_openai_functions_list():
    doc = {
        "functions": [
            {
                "name": "ping",
                "description": "Ping.",
                "parameters": {"type": "object", "properties": {}},
            }
        ]
    }
    [tool] = tools_from_json(doc)
    assert (tool.name, tool.required, detect_format(doc["functions"][0])) == ("ping", [], "openai")


def test_trelis_metadata_and_wrapper():
    meta = {
        "function": "search_bing",
        "description": "Search the web.",
        "arguments": [{"name": "query", "type": "string", "description": "The query"}],
    }
    for item in (
        meta,
        {"functionMetadata": meta},
        {"functionMetaData": meta, "samplePromptResponsePairs": []},
    ):
        [tool] = tools_from_json([item])
        assert tool.name == "search_bing"
        assert tool.parameters == {
            "type": "object",
            "properties": {"query": {"type": "string", "description": "The query"}},
            "required": ["query"],
        }
        assert to_trelis(tool) == meta


def test_trelis_optional_markers_and_export_of_other_tools():
    item = {
        "function": "f",
        "description": "",
        "arguments": [
            {"name": "a", "type": "number"},
            {"name": "b", "type": "int", "required": False},
            {"name": "c", "type": "str", "default": "x"},
        ],
    }
    [tool] = tools_from_json(item)
    assert tool.required == ["a"]
    assert tool.properties["b"] == {"type": "integer"}
    assert tool.defaults == {"c": "x"}
    # A tool from another format exports to metadata that imports back to the same tool.
    [openai_tool] = tools_from_json([OPENAI_STRICT])
    # Metadata has no place for the top-level additionalProperties; everything else survives.
    parameters = {k: v for k, v in openai_tool.parameters.items() if k != "additionalProperties"}
    openai_tool = Tool(openai_tool.name, openai_tool.description, parameters)
    assert tools_from_json([to_trelis(openai_tool)]) == [openai_tool]


def test_llama_functions_parameters_list():
    item = {
        "name": "computeQuizScore",
        "description": "Score.",
        "parameters": [
            {"name": "answers", "type": "array", "description": "Answers"},
            {"name": "totalQuestions", "type": "number", "optional": True},
        ],
    }
    [tool] = tools_from_json({"functions": [item]})
    assert detect_format(item) == "llama-functions"
    assert tool.required == ["answers"]
    assert to_llama_functions(tool) == item
    plain = Tool(tool.name, tool.description, tool.parameters)
    assert tools_from_json([to_llama_functions(plain)]) == [plain]


BFCL_DOC = {
    "name": "calculate_distance",
    "description": "Distance between two coordinates.",
    "parameters": {
        "type": "dict",
        "properties": {
            "coord1": {"type": "tuple", "items": {"type": "float"}, "description": "First"},
            "options": {"type": "dict", "properties": {"unit": {"type": "string"}}},
            "data": {"type": "any", "description": "Anything"},
            "scale": {"type": "float", "default": 1.0},
        },
        "required": ["coord1"],
    },
}


def test_bfcl_types_become_json_schema():
    [tool] = tools_from_json([BFCL_DOC])
    assert detect_format(BFCL_DOC) == "bfcl"
    assert tool.parameters == {
        "type": "object",
        "properties": {
            "coord1": {"type": "array", "items": {"type": "number"}, "description": "First"},
            "options": {"type": "object", "properties": {"unit": {"type": "string"}}},
            "data": {"description": "Anything"},
            "scale": {"type": "number", "default": 1.0},
        },
        "required": ["coord1"],
    }
    assert to_bfcl(tool) == BFCL_DOC  # its own doc, tuple and all
    plain = Tool(tool.name, tool.description, tool.parameters)
    assert tools_from_json([to_bfcl(plain)]) == [plain]


def test_every_bfcl_function_in_shared_data_loads():
    from tests.bfcl_data import require_bfcl

    files = sorted(require_bfcl().glob("BFCL_v4_*.json"))
    docs = loaded = 0
    for path in files:
        for line in path.read_text().splitlines():
            entry = json.loads(line)
            docs += len(entry["function"])
            loaded += len(toolset(entry["function"]))
    assert loaded == docs > 1000  # every doc, with every key it carries


@pytest.mark.parametrize(
    ("document", "tool", "field", "message"),
    [
        (
            [{"description": "no name", "parameters": {"type": "object"}}],
            "#0",
            "name",
            "is missing or empty",
        ),
        ([{"name": "bad name!", "parameters": {}}], "bad name!", "name", "must be an identifier"),
        (
            [{"name": "f", "parameters": {"type": "object", "properties": {"x": {"type": "str"}}}}],
            "f",
            "parameters.properties.x.type",
            "unknown type 'str'",
        ),
        (
            [{"name": "f", "parameters": {"type": "array"}}],
            "f",
            "parameters.type",
            "must be 'object'",
        ),
        ([{"name": "f", "parameters": ["x"]}], "f", "parameters[0]", "must be an object"),
        (
            [{"name": "f", "parameters": {"type": "object", "properties": {}, "required": ["x"]}}],
            "f",
            "parameters.required",
            "'x' is required but not among the properties",
        ),
        (
            [{"function": "g", "arguments": [{"type": "string"}]}],
            "g",
            "arguments[0].name",
            "is missing or empty",
        ),
        (
            [{"function": "g", "arguments": [{"name": "a", "type": "complex"}]}],
            "g",
            "arguments[0].type",
            "unknown type 'complex'",
        ),
        (
            [
                {
                    "name": "f",
                    "parameters": {"type": "object", "properties": {"x": {"$ref": "#/nowhere"}}},
                }
            ],
            "f",
            "parameters.properties.x",
            "points nowhere",
        ),
    ],
)
def test_malformed_tools_name_tool_and_field(document, tool, field, message):
    with pytest.raises(ToolDefinitionError) as info:
        tools_from_json(document)
    assert (info.value.tool, info.value.field) == (tool, field)
    assert message in str(info.value)


def test_duplicate_tool_names_are_rejected():
    doc = [{"name": "f", "parameters": {"type": "object"}}, {"function": "f", "arguments": []}]
    with pytest.raises(DuplicateToolError) as info:
        toolset(doc)
    assert info.value.tool == "f"


def test_unrecognised_documents_raise_format_errors(tmp_path):
    with pytest.raises(ToolFormatError, match="unrecognised tool format"):
        tools_from_json([{"title": "x"}])
    with pytest.raises(ToolFormatError, match="must be a JSON object or list"):
        tools_from_json("nope")
    bad = tmp_path / "tools.json"
    bad.write_text("{not json")
    with pytest.raises(ToolFormatError, match="not valid JSON"):
        load_tools(bad)
    with pytest.raises(ToolFormatError, match="not found"):
        load_tools(tmp_path / "missing.json")
    with pytest.raises(ToolFormatError, match=r"expected a \.py, \.json"):
        load_tools(bad.rename(tmp_path / "tools.txt"))


def test_load_tools_detects_each_file_kind(tmp_path):
    py = tmp_path / "tools.py"
    py.write_text("def ping(host: str) -> bool:\n    '''Ping a host.'''\n    return True\n")
    js = tmp_path / "tools.json"
    js.write_text(json.dumps([OPENAI_STRICT, BFCL_DOC]))
    assert list(load_tools(py)) == ["ping"]
    assert list(load_tools(js)) == ["book_flight", "calculate_distance"]
    assert isinstance(load_tools(js), ToolSet)


def test_refs_and_nullable_are_normalised():
    doc = {
        "name": "f",
        "parameters": {
            "type": "object",
            "$defs": {"Unit": {"type": "string", "enum": ["c", "f"]}},
            "properties": {
                "unit": {"$ref": "#/$defs/Unit"},
                "n": {"type": "integer", "nullable": True},
            },
        },
    }
    [tool] = tools_from_json([doc])
    assert tool.properties == {
        "unit": {"type": "string", "enum": ["c", "f"]},
        "n": {"type": ["integer", "null"]},
    }
    recursive = {
        "name": "g",
        "parameters": {
            "type": "object",
            "$defs": {"Node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/Node"}}}},
            "properties": {"head": {"$ref": "#/$defs/Node"}},
        },
    }
    with pytest.raises(ToolDefinitionError, match="recursive"):
        tools_from_json([recursive])


# --- top-level keys are strict ----------------------------------------------------------

PARAMS = {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
FORMATS_NAMED = "openai", "trelis", "llama-functions", "bfcl", "python"


@pytest.mark.parametrize(
    ("item", "tool", "key", "suggestion", "accepted"),
    [
        (  # the bare (legacy) OpenAI function
            {"name": "weather", "description": "Weather.", "paramters": PARAMS},
            "weather",
            "paramters",
            "parameters",
            ("'type', 'name', 'description', 'parameters', 'strict'"),
        ),
        (  # the function inside an OpenAI tool
            {"type": "function", "function": {"name": "weather", "Parameters": PARAMS}},
            "weather",
            "Parameters",
            "parameters",
            "'name', 'description', 'parameters', 'strict'",
        ),
        (  # the OpenAI tool around it
            {"type": "function", "function": {"name": "weather"}, "fuction": {}},
            "weather",
            "fuction",
            "function",
            "'type', 'function'",
        ),
        (
            {"function": "search", "description": "", "argumnets": [{"name": "q"}]},
            "search",
            "argumnets",
            "arguments",
            "'function', 'description', 'arguments'",
        ),
        (
            {"functionMetaData": {"function": "search"}, "samplePromptResponsePair": []},
            "search",
            "samplePromptResponsePair",
            "samplePromptResponsePairs",
            "'functionMetaData', 'functionMetadata', 'samplePromptResponsePairs'",
        ),
        (
            {"name": "quiz", "descripton": "Score.", "parameters": [{"name": "n"}]},
            "quiz",
            "descripton",
            "description",
            "'name', 'description', 'parameters'",
        ),
        (
            {**BFCL_DOC, "respones": {"type": "dict"}},
            "calculate_distance",
            "respones",
            "response",
            "'name', 'description', 'parameters', 'response'",
        ),
        (
            {"python": "def f(x: int):\n    'F.'\n", "pyton": ""},
            "#0",
            "pyton",
            "python",
            "'python'",
        ),
    ],
)
def test_unknown_key_is_refused_with_a_suggestion(item, tool, key, suggestion, accepted):
    with pytest.raises(ToolDefinitionError) as info:
        tools_from_json([item])
    assert (info.value.tool, info.value.field) == (tool, key)
    message = str(info.value)
    assert f"did you mean {suggestion!r}?" in message
    assert f"takes {accepted};" in message
    assert all(name in message for name in FORMATS_NAMED)


def test_unknown_keys_are_all_named_and_far_ones_get_no_suggestion():
    item = {"name": "f", "parameters": PARAMS, "paramters": {}, "x_extra": 1, "returns": "str"}
    with pytest.raises(ToolDefinitionError) as info:
        tools_from_json([item])
    assert (info.value.tool, info.value.field) == ("f", "paramters")
    message = str(info.value)
    assert "nor are 'x_extra', 'returns'" in message
    assert "did you mean 'parameters' for 'paramters'?" in message
    assert message.count("did you mean") == 1  # nothing is close to x_extra or returns
    with pytest.raises(ToolDefinitionError, match="is not a key of Trelis metadata") as info:
        tools_from_json([{"function": "g", "arguments": [], "returns": "str"}])
    assert (info.value.tool, info.value.field) == ("g", "returns")


def test_misplaced_key_says_where_it_goes():
    with pytest.raises(ToolDefinitionError, match="'strict' goes inside 'function'"):
        tools_from_json([{"type": "function", "function": {"name": "f"}, "strict": True}])
    with pytest.raises(ToolDefinitionError, match=r"did you mean 'strict' inside 'function'\?"):
        tools_from_json([{"type": "function", "function": {"name": "f"}, "strcit": True}])
    meta = {"function": "g", "arguments": []}
    with pytest.raises(ToolDefinitionError, match="'description' goes inside 'functionMetadata'"):
        tools_from_json([{"functionMetadata": meta, "description": "G."}])


@pytest.mark.parametrize(
    "item",
    [
        {"name": "weather", "description": "Weather.", "inputSchema": PARAMS},
        {"name": "weather", "title": "Weather", "description": "Weather.", "inputSchema": PARAMS,
         "outputSchema": {"type": "object"}, "annotations": {"readOnlyHint": True}, "_meta": {}},
        {"name": "weather", "description": "Weather.", "input_schema": PARAMS,
         "output_schema": None, "annotations": None, "meta": None},
    ],
)  # fmt: skip
def test_mcp_tools_in_camel_and_snake_case_are_read(item):
    [tool] = tools_from_json([item])
    assert detect_format(item) == "mcp" and tool.source.format == "mcp"
    assert (tool.name, tool.description, tool.required) == ("weather", "Weather.", ["city"])
    assert tool.properties == PARAMS["properties"] and not tool.requires_approval
    assert tool.source.document == item  # outputSchema and annotations kept as written


def test_an_mcp_tool_marked_destructive_needs_approval():
    destructive = {"name": "rm", "inputSchema": PARAMS, "annotations": {"destructiveHint": True}}
    [tool] = tools_from_json([destructive])
    assert tool.requires_approval
    snake = {"name": "rm", "input_schema": PARAMS, "annotations": {"destructive_hint": True}}
    assert tools_from_json([snake])[0].requires_approval
    read_only = {**destructive, "annotations": {"destructiveHint": True, "readOnlyHint": True}}
    assert not tools_from_json([read_only])[0].requires_approval


@pytest.mark.parametrize(
    "item, field, says",
    [
        ({"name": "w", "inputSchema": PARAMS, "inputschema": {}}, "inputschema", "did you mean"),
        ({"name": "w", "inputSchema": [1]}, "inputSchema", "must be a JSON Schema object"),
        ({"name": "w", "inputSchema": PARAMS, "annotations": [1]}, "annotations", "an object"),
        ({"name": "w", "inputs": {"x": {"type": "image"}}}, "inputs.x.type", "not images"),
        ({"name": "w", "inputs": {"x": {"type": "str"}}}, "inputs.x.type", "must be one of"),
        ({"name": "w", "inputs": {"x": "string"}}, "inputs.x", "must be an object"),
        ({"name": "w", "inputs": {"x": {"type": "string", "nullable": "yes"}}},
         "inputs.x.nullable", "true or false"),
        ({"name": "w", "inputs": {}, "outputs": "string"}, "outputs", "did you mean"),
    ],
)  # fmt: skip
def test_malformed_mcp_and_smolagents_tools_name_the_field(item, field, says):
    with pytest.raises(ToolDefinitionError, match=says) as info:
        tools_from_json([item])
    assert (info.value.tool, info.value.field) == ("w", field)


def test_smolagents_tools_are_read_with_optional_and_any_inputs():
    item = {
        "name": "weather",
        "description": "Weather.",
        "inputs": {
            "city": {"type": "string", "description": "The city"},
            "days": {"type": "integer", "description": "Days ahead", "nullable": True},
            "extra": {"type": "any", "description": "Anything"},
        },
        "output_type": "string",
    }
    [tool] = tools_from_json([item])
    assert tool.source.format == "smolagents" and tool.required == ["city", "extra"]
    assert tool.properties == {
        "city": {"type": "string", "description": "The city"},
        "days": {"type": ["integer", "null"], "description": "Days ahead"},
        "extra": {"description": "Anything"},
    }


def test_misspelled_format_keys_get_a_suggestion_in_the_format_error():
    with pytest.raises(ToolFormatError, match="did you mean 'function' for 'fucntion'"):
        tools_from_json([{"type": "function", "fucntion": {"name": "f"}}])
    with pytest.raises(ToolFormatError, match="did you mean 'name' for 'nmae'"):
        tools_from_json([{"nmae": "f", "description": "F."}])


def test_keys_the_formats_carry_still_load():
    # BFCL multi-turn docs describe the result under "response": a BFCL doc even with no
    # BFCL-only type, the key kept in the source document.
    doc = {
        "name": "cd",
        "description": "Change directory.",
        "parameters": {"type": "object", "properties": {"folder": {"type": "string"}}},
        "response": {"type": "dict", "properties": {"cwd": {"type": "string"}}},
    }
    [tool] = tools_from_json([doc])
    assert (detect_format(doc), tool.required, list(tool.properties)) == ("bfcl", [], ["folder"])
    assert to_bfcl(tool) == doc
    # The Responses API writes a function tool flat, "type" beside "name".
    [flat] = tools_from_json([{"type": "function", "name": "f", "parameters": PARAMS}])
    assert (flat.name, flat.required) == ("f", ["city"])
    with pytest.raises(ToolDefinitionError) as info:
        tools_from_json([{"type": "tool", "name": "f", "parameters": PARAMS}])
    assert (info.value.tool, info.value.field) == ("f", "type")


def test_trelis_wrapper_must_be_one_object():
    meta = {"function": "g", "arguments": []}
    with pytest.raises(ToolDefinitionError, match="repeats") as info:
        tools_from_json([{"functionMetaData": meta, "functionMetadata": meta}])
    assert (info.value.tool, info.value.field) == ("g", "functionMetadata")
    with pytest.raises(ToolDefinitionError, match="must be an object") as info:
        tools_from_json([{"functionMetadata": None}])
    assert (info.value.tool, info.value.field) == ("#0", "functionMetadata")
