"""Each seed card's prompt and call examples, reproduced byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fncall import Demonstration, ToolCall, get_dialect, read_output, render_prompt, toolset
from fncall.errors import OutputParseError, PromptError
from tests.bfcl_data import require_bfcl

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# --- NexusRaven-13B (v1) -------------------------------------------------------------------


def cylinder_volume(radius, height):
    """Calculate the volume of a cylinder.

    Parameters:
    - radius (float): The radius of the base of the cylinder.
    - height (float): The height of the cylinder.

    Returns:
    - float: The volume of the cylinder.
    """


def hello_world(n: int):
    """
    Prints hello world to the user.

    Args:
    n (int) : Number of times to print hello world.
    """


def hello_universe(n: int):
    """
    Prints hello universe to the user.

    Args:
    n (int) : Number of times to print hello universe.
    """


def test_nexusraven_v1_prompt_is_the_eval_builders_bytes():
    # shared/reference/nexusraven.md, "The exact bytes are:" for cylinder_volume.
    expected = (
        "\n<human>:\n\nOPTION:\n<func_start>def cylinder_volume(radius, height)<func_end>\n"
        '<docstring_start>\n"""\nCalculate the volume of a cylinder.\n\n    Parameters:\n'
        "    - radius (float): The radius of the base of the cylinder.\n"
        "    - height (float): The height of the cylinder.\n\n    Returns:\n"
        '    - float: The volume of the cylinder.\n"""\n<docstring_end>\n\n'
        "User Query: Question: What is the volume of a cylinder of radius 2 and height 3?\n\n"
        "Please pick a function from the above options that best answers the user query and "
        "fill in the appropriate arguments.<human_end>"
    )
    prompt = render_prompt(
        "nexusraven-v1",
        [cylinder_volume],
        "What is the volume of a cylinder of radius 2 and height 3?",
    )
    assert prompt == expected


def test_nexusraven_v1_few_shot_slot_matches_the_prompting_readme():
    prompt = render_prompt(
        "nexusraven-v1",
        [hello_world, hello_universe],
        "Please print hello universe 14 times. ",
        demonstrations=[
            Demonstration(
                "How do I announce I'm here to this world someone 3 times?", "hello_world(3)"
            ),
            Demonstration("How do I tell someone hello universe 2 times?", "hello_universe(2)"),
        ],
    )
    assert (
        "\nUser Query: Example: How do I announce I'm here to this world someone 3 times? Answer: "
        "hello_world(3). Example: How do I tell someone hello universe 2 times? Answer: "
        "hello_universe(2). Now, please answer this question. Question: Please print hello "
        "universe 14 times. \n\nPlease pick a function" in prompt
    )
    assert "<func_start>def hello_world(n: int)<func_end>" in prompt
    assert '"""\nPrints hello world to the user.\n\n    Args:\n' in prompt


@pytest.mark.parametrize(
    "output",
    [
        "Initial Answer: hello_world(10)",
        "<bot>:\nInitial Answer: hello_world(10)\nReflection: The call is correct.",
        " \nInitial Answer: hello_world(n=10)\n",
    ],
)
def test_nexusraven_v1_reads_the_initial_answer(output):
    parsed = read_output("nexusraven-v1", [hello_world], output)
    assert parsed.calls == [ToolCall("hello_world", {"n": 10})]


def test_nexusraven_v1_stops_at_reflection():
    assert get_dialect("nexusraven-v1").stop == ("\nReflection:",)


# --- NexusRaven-V2 -------------------------------------------------------------------------


def get_weather_data(coordinates):
    """
    Fetches weather data from the Open-Meteo API for the given latitude and longitude.

    Args:
    coordinates (tuple): The latitude of the location.

    Returns:
    float: The current temperature in the coordinates you've asked for
    """


def get_coordinates_from_city(city_name):
    """
    Fetches the latitude and longitude of a given city name using the Maps.co Geocoding API.

    Args:
    city_name (str): The name of the city.

    Returns:
    tuple: The latitude and longitude of the city.
    """


def test_nexusraven_v2_prompt_is_the_model_cards_template():
    expected = (
        "\nFunction:\ndef get_weather_data(coordinates):\n"
        '    """\n'
        "    Fetches weather data from the Open-Meteo API for the given latitude and longitude.\n"
        "\n    Args:\n    coordinates (tuple): The latitude of the location.\n"
        "\n    Returns:\n    float: The current temperature in the coordinates you've asked for\n"
        '    """\n\n'
        "Function:\ndef get_coordinates_from_city(city_name):\n"
        '    """\n'
        "    Fetches the latitude and longitude of a given city name using the Maps.co Geocoding"
        " API.\n\n    Args:\n    city_name (str): The name of the city.\n"
        "\n    Returns:\n    tuple: The latitude and longitude of the city.\n"
        '    """\n\n'
        "User Query: What's the weather like in Seattle right now?<human_end>\n\n"
    )
    prompt = render_prompt(
        "nexusraven-v2",
        [get_weather_data, get_coordinates_from_city],
        "What's the weather like in Seattle right now?",
    )
    assert prompt == expected


def test_a_system_message_goes_in_front_of_the_query_where_there_is_no_system_prompt():
    """NexusRaven's prompt has no system slot: a system message (given, or leading the
    messages) goes in front of the first user turn, a blank line between, as BFCL's prompt
    handlers do, not refused."""
    query = "What's the weather like in Seattle right now?"
    tools = [get_weather_data, get_coordinates_from_city]
    plain = render_prompt("nexusraven-v2", tools, query)
    for dialect in ("nexusraven-v2", "nexusraven-v1"):
        messages = [
            {"role": "system", "content": "Answer in metric."},
            {"role": "user", "content": query},
        ]
        folded = render_prompt(dialect, tools, messages, system="Be brief.")
        assert f"Be brief.\n\nAnswer in metric.\n\n{query}" in folded
        assert render_prompt(dialect, tools, messages[1:], system="Be brief.") == render_prompt(
            dialect, tools, f"Be brief.\n\n{query}"
        )
    assert plain == render_prompt("nexusraven-v2", tools, [{"role": "user", "content": query}])


CONVERSATION = [
    {"role": "system", "content": "Be brief."},
    {"role": "user", "content": "What's the weather like in Seattle right now?"},
    {
        "role": "assistant",
        "content": "Let me look.",
        "tool_calls": [
            {
                "id": "c1",
                "type": "function",
                "function": {
                    "name": "get_coordinates_from_city",
                    "arguments": '{"city_name": "Seattle"}',
                },
            }
        ],
    },
    {
        "role": "tool",
        "tool_call_id": "c1",
        "name": "get_coordinates_from_city",
        "content": "[47.6, -122.3]",
    },
    {"role": "assistant", "content": "It is at 47.6, -122.3."},
    {"role": "user", "content": "And the weather there?"},
]


def test_a_conversation_is_folded_into_a_single_turn_dialects_query():
    """NexusRaven has places for one query only: earlier turns become a transcript under the
    first user turn, each call in the dialect's own syntax, nothing dropped."""
    tools = [get_weather_data, get_coordinates_from_city]
    transcript = (
        "Be brief.\n\nWhat's the weather like in Seattle right now?\n"
        "Assistant: Let me look.\n"
        "Assistant: Call: get_coordinates_from_city(city_name='Seattle')\n"
        "Result of get_coordinates_from_city: [47.6, -122.3]\n"
        "Assistant: It is at 47.6, -122.3.\n"
        "User: And the weather there?"
    )
    assert render_prompt("nexusraven-v2", tools, CONVERSATION) == render_prompt(
        "nexusraven-v2", tools, transcript
    )
    # each dialect writes the earlier call its own way
    llama = render_prompt("llama-functions", tools, CONVERSATION)
    assert (
        'Assistant: {"function_call":{"name":"get_coordinates_from_city","arguments":'
        '{"city_name":"Seattle"}}}\n' in llama
    )
    assert "Result of get_coordinates_from_city: [47.6, -122.3]\nAssistant: It is" in llama
    # a call the dialect cannot write (two at once in a one-call format) is one line each
    two = {"role": "assistant", "tool_calls": [{"function": {"name": "a", "arguments": {}}}] * 2}
    later_system = {"role": "system", "content": "Answer in French."}
    folded = get_dialect("nexusraven-v2").fold_conversation([CONVERSATION[1], later_system])
    assert folded.endswith("\nSystem: Answer in French.")
    folded = get_dialect("nexusraven-v1").fold_conversation([CONVERSATION[1], two])
    assert folded.endswith("\nAssistant: Initial Answer: a()\nAssistant: Initial Answer: a()")


@pytest.mark.parametrize(
    "bad, problem",
    [
        ({"function": {"arguments": "{}"}}, "needs a function name"),
        ({"function": {"name": "f", "arguments": "{oops"}}, "arguments must be a JSON object"),
        ({"function": {"name": "f", "arguments": [1]}}, "arguments must be a JSON object"),
    ],
)
def test_a_malformed_earlier_call_is_a_prompt_error_in_every_dialect(bad, problem):
    messages = [CONVERSATION[1], {"role": "assistant", "tool_calls": [bad]}, CONVERSATION[5]]
    for dialect in ("nexusraven-v2", "hermes", "bfcl-python"):
        with pytest.raises(PromptError, match=problem):
            render_prompt(dialect, [get_weather_data, get_coordinates_from_city], messages)


def test_nexusraven_v2_nested_call_from_the_card():
    output = (
        "Call: get_weather_data(coordinates=get_coordinates_from_city(city_name='Seattle'))"
        "<bot_end>\nThought: The function call `get_weather_data(...)` answers the question"
    )
    parsed = read_output("nexusraven-v2", [get_weather_data, get_coordinates_from_city], output)
    inner = ToolCall("get_coordinates_from_city", {"city_name": "Seattle"})
    assert parsed.calls == [ToolCall("get_weather_data", {"coordinates": inner})]


def add_edge(u, v):
    """Adds an edge between node u and node v."""


def is_two_nodes_connected(u, v):
    """Tells whether node u and node v are connected."""


def test_nexusraven_v2_parallel_calls_with_trailing_semicolon():
    output = (
        "Call: add_edge(u='Emma', v='Bob'); add_edge(u='Emma', v='Charlie'); "
        "is_two_nodes_connected(u='Emma', v='Erik'); "
    )
    parsed = read_output("nexusraven-v2", [add_edge, is_two_nodes_connected], output)
    assert [c.name for c in parsed.calls] == ["add_edge", "add_edge", "is_two_nodes_connected"]
    assert parsed.calls[1].arguments == {"u": "Emma", "v": "Charlie"}


def test_nexusraven_v2_semicolon_inside_a_string_is_not_a_separator():
    parsed = read_output("nexusraven-v2", [add_edge], "Call: add_edge(u='a; b', v='c')")
    assert parsed.calls == [ToolCall("add_edge", {"u": "a; b", "v": "c"})]


def getWeather(city_name: str, use_celsius: bool = False):
    """Gets the weather of a city."""


def test_nexusraven_v2_optional_argument_default_filled():
    parsed = read_output("nexusraven-v2", [getWeather], "Call: getWeather(city_name='Seattle')")
    assert parsed.calls == [ToolCall("getWeather", {"city_name": "Seattle", "use_celsius": False})]
    prompt = render_prompt("nexusraven-v2", [getWeather], "q")
    assert "def getWeather(city_name: str, use_celsius: bool = False):" in prompt


# --- function-calling Llama 2 / Mistral / Zephyr / DeepSeek v2 ---------------------------

SEARCH_BING = {
    "function": "search_bing",
    "description": (
        "Search the web for content on Bing. This allows users to search online/the internet/"
        "the web for content."
    ),
    "arguments": [{"name": "query", "type": "string", "description": "The search query string"}],
}
SEARCH_ARXIV = {
    "function": "search_arxiv",
    "description": (
        "Search for research papers on ArXiv. Make use of AND, OR and NOT operators as "
        "appropriate to join terms within the query."
    ),
    "arguments": [{"name": "query", "type": "string", "description": "The search query string"}],
}
CARD_FUNCTION_LIST = json.dumps(SEARCH_BING, indent=4)


@pytest.mark.parametrize(
    ("dialect", "b_inst", "e_inst"),
    [
        ("trelis-v2-llama", "[INST] ", " [/INST]"),
        ("trelis-v2-deepseek", "\n### Instruction:\n", "\n### Response:\n"),
        ("trelis-v2-zephyr", "<|user|>\n", "</s>\n<|assistant|>\n"),
    ],
)
def test_trelis_prompts_follow_the_cards_code(dialect, b_inst, e_inst):
    user = "Search for the latest news on AI."
    # The card's llama.cpp example, verbatim in Python:
    b_func, e_func = "<FUNCTIONS>", "</FUNCTIONS>\n\n"
    expected = f"{b_func}{CARD_FUNCTION_LIST.strip()}{e_func}{b_inst}{user.strip()}{e_inst}\n\n"
    assert render_prompt(dialect, [SEARCH_BING], user) == expected

    b_sys, e_sys = "<<SYS>>\n", "\n<</SYS>>\n\n"
    system = "You are a helpful research assistant."
    expected_sys = (
        f"{b_func}{CARD_FUNCTION_LIST.strip()}{e_func}{b_inst}{b_sys}{system.strip()}{e_sys}"
        f"{user.strip()}{e_inst}\n\n"
    )
    assert render_prompt(dialect, [SEARCH_BING], user, system=system) == expected_sys


def test_trelis_llama_matches_the_v1_card_spelling_too():
    # Card 001 writes B_INST="[INST]" and f"{B_INST} {user} {E_INST}": the same bytes.
    prompt = render_prompt("trelis-v2-llama", [SEARCH_BING], "  hi  ")
    assert prompt.endswith("</FUNCTIONS>\n\n[INST] hi [/INST]\n\n")


def test_trelis_function_list_separates_tools_with_a_blank_line():
    prompt = render_prompt("trelis-v2-llama", [SEARCH_BING, SEARCH_ARXIV], "q")
    listing = json.dumps(SEARCH_BING, indent=4) + "\n\n" + json.dumps(SEARCH_ARXIV, indent=4)
    assert prompt.startswith(f"<FUNCTIONS>{listing}</FUNCTIONS>\n\n")


DELETE_FILE = {
    "function": "delete_file",
    "description": "Deletes files.",
    "arguments": [{"name": "fileNames", "type": "array", "description": "Files to delete"}],
}
SAVE_CHAT = {
    "function": "save_chat",
    "description": "Saves the chat.",
    "arguments": [
        {"name": "fileName", "type": "string", "description": "Name"},
        {"name": "fileDescription", "type": "string", "description": "Description"},
        {"name": "fileContent", "type": "string", "description": "Content"},
    ],
}


@pytest.mark.parametrize("dialect", ["trelis-v2-llama", "trelis-v2-deepseek", "trelis-v2-zephyr"])
def test_trelis_card_outputs_parse(dialect):
    tools = [SEARCH_BING, DELETE_FILE, SAVE_CHAT]
    array_call = (
        '{ "function": "delete_file", "arguments": { "fileNames": [ "Dissecting Transformer Length'
        ' Extrapolation via The Lens of Receptive Field Analysis", "Luna- Linear Unified Nested '
        'Attention", "Substack_Inc_2021_2020_GAAP_Audited_Financials" ] } }'
    )
    parsed = read_output(dialect, tools, array_call)
    assert parsed.calls[0].name == "delete_file"
    assert len(parsed.calls[0].arguments["fileNames"]) == 3

    three = (
        '{ "function": "save_chat", "arguments": { "fileName": "KiteDiscussion", '
        '"fileDescription": "Notes on one and two stringed kites", "fileContent": "--- **Types of'
        ' Kite** There are one and two string kites. ---" } }'
    )
    assert read_output(dialect, tools, three).calls[0].arguments["fileName"] == "KiteDiscussion"

    indented = (
        '{\n    "function": "search_bing",\n    "arguments": {\n        "query": "kites"\n    }\n}'
    )
    around = f"Sure! Here is the call:\n```json\n{indented}\n```\nLet me know."
    parsed = read_output(dialect, tools, around)
    assert parsed.calls == [ToolCall("search_bing", {"query": "kites"})]
    assert parsed.text == "Sure! Here is the call:\n```json\n\n```\nLet me know."

    plain = read_output(dialect, tools, "There are no functions allowing me to search google.")
    assert not plain.is_call
    assert plain.text == "There are no functions allowing me to search google."


# --- Llama-2-7b-chat functions ---------------------------------------------------------------

QUIZ = {
    "name": "computeQuizScore",
    "description": "Compute the score of a quiz.",
    "parameters": [
        {"name": "answers", "type": "array", "description": "The answers given"},
        {
            "name": "totalQuestions",
            "type": "number",
            "description": "How many questions",
            "optional": True,
        },
    ],
}


def test_llama_functions_prompt_matches_the_training_data_row():
    user = "Hey, my answers were B for question 1 and C for question 2."
    listing = (
        '{"functions":[{"name":"computeQuizScore","description":"Compute the score of a quiz.",'
        '"parameters":[{"description":"The answers given","name":"answers","type":"array"},'
        '{"description":"How many questions","name":"totalQuestions","optional":true,'
        '"type":"number"}]}]}'
    )
    expected = (
        "[INST] <<SYS>>\n<<API>>\nYou may answer by calling one of the following functions. If "
        "you can infer a function's required arguments, respond with a the function name and "
        "arguments. If multiple functions can be called, pick the one that best answers the "
        f"question.\n\n```\n{listing}\n```\n<</API>>\n<</SYS>>\n\n{user} [/INST]"
    )
    assert render_prompt("llama-functions", [QUIZ], user) == expected


def test_llama_functions_output_from_the_training_data_parses():
    output = (
        ' {"function_call":{"name":"computeQuizScore","arguments":{"answers":[{"questionId":1,'
        '"selectedOption":"B"},{"questionId":2,"selectedOption":"C"}],"totalQuestions":2}}} '
    )
    parsed = read_output("llama-functions", [QUIZ], output)
    assert parsed.calls == [
        ToolCall(
            "computeQuizScore",
            {
                "answers": [
                    {"questionId": 1, "selectedOption": "B"},
                    {"questionId": 2, "selectedOption": "C"},
                ],
                "totalQuestions": 2.0,
            },
        )
    ]
    assert (
        get_dialect("llama-functions")
        .format_calls(parsed.calls[:1])
        .startswith(' {"function_call":{"name":"computeQuizScore","arguments":')
    )


# --- Hermes ------------------------------------------------------------------------------------

HERMES_TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_weather",
            "description": "Get weather.",
            "parameters": {
                "type": "object",
                "properties": {
                    "city": {"type": "string", "description": "City name"},
                    "unit": {"type": "string", "description": "Unit"},
                },
                "required": ["city"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "add",
            "description": "Add.",
            "parameters": {
                "type": "object",
                "properties": {"a": {"type": "integer", "description": "x"}},
            },
        },
    },
]


def test_hermes_prompt_matches_the_hermes3_tool_use_template():
    messages = [
        {"role": "user", "content": "Weather in Paris?"},
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "type": "function",
                    "function": {"name": "get_weather", "arguments": {"city": "Paris"}},
                }
            ],
        },
        {"role": "tool", "content": '{"temp": 20}'},
        {"role": "tool", "content": '{"temp": 21}'},
        {"role": "assistant", "content": "It is 20C."},
        {"role": "user", "content": "thanks"},
    ]
    expected = (
        "<|im_start|>system\nYou are a function calling AI model. You are provided with function "
        "signatures within <tools></tools> XML tags. You may call one or more functions to assist "
        "with the user query. Don't make assumptions about what values to plug into functions. "
        'Here are the available tools: <tools> {"type": "function", "function": {"name": '
        '"get_weather", "description": "get_weather(city: str, unit: str) - Get weather.\n\n'
        '    Args:\n        city(str): City name        unit(str): Unit", "parameters": '
        '{"type": "object", "properties": {"city": {"type": "string", "description": "City '
        'name"}, "unit": {"type": "string", "description": "Unit"}}, "required": ["city"]}}}\n'
        '{"type": "function", "function": {"name": "add", "description": "add(a: int) - Add.\n\n'
        '    Args:\n        a(int): x", "parameters": {"type": "object", "properties": {"a": '
        '{"type": "integer", "description": "x"}}}}} </tools>Use the following pydantic model '
        'json schema for each tool call you will make: {"properties": {"name": {"title": "Name", '
        '"type": "string"}, "arguments": {"title": "Arguments", "type": "object"}}, "required": '
        '["name", "arguments"], "title": "FunctionCall", "type": "object"}}\nFor each function '
        "call return a json object with function name and arguments within <tool_call></tool_call>"
        ' XML tags as follows:\n<tool_call>\n{"name": <function-name>, "arguments": <args-dict>}\n'
        "</tool_call><|im_end|>\n<|im_start|>user\nWeather in Paris?<|im_end|>\n"
        '<|im_start|>assistant\n<tool_call>\n{"name": "get_weather", "arguments": {"city": '
        '"Paris"}}\n</tool_call><|im_end|>\n<|im_start|>tool\n<tool_response>\n{"temp": 20}\n'
        '</tool_response>\n<tool_response>\n{"temp": 21}\n</tool_response>\n<|im_end|>'
        "<|im_start|>assistant\nIt is 20C.<|im_end|>\n<|im_start|>user\nthanks<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    assert render_prompt("hermes", HERMES_TOOLS, messages) == expected


def test_hermes_renders_an_assistant_turn_with_text_and_calls_as_its_template_does():
    messages = [
        {"role": "user", "content": "Weather in Paris?"},
        {
            "role": "assistant",
            "content": "Checking.",
            "tool_calls": [{"function": {"name": "get_weather", "arguments": '{"city": "Paris"}'}}],
        },
        {"role": "tool", "content": "20"},
    ]
    prompt = render_prompt("hermes", HERMES_TOOLS, messages)
    assert (
        '<|im_start|>assistant\nChecking.\n<tool_call>\n{"name": "get_weather", "arguments": '
        '{"city": "Paris"}}\n</tool_call><|im_end|>\n<|im_start|>tool\n<tool_response>\n20\n'
        "</tool_response><|im_end|><|im_start|>assistant\n"
    ) in prompt


def test_hermes_parses_several_calls_and_content():
    output = (
        'Let me check.\n<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n'
        '</tool_call>\n<tool_call>\n{"name": "add", "arguments": "{\\"a\\": 2}"}\n</tool_call>'
    )
    parsed = read_output("hermes", HERMES_TOOLS, output)
    assert parsed.calls == [ToolCall("get_weather", {"city": "Paris"}), ToolCall("add", {"a": 2})]
    assert parsed.text == "Let me check."


# --- BFCL ---------------------------------------------------------------------------------------


def _first_bfcl_entry() -> dict:
    path = require_bfcl() / "BFCL_v4_simple_python.json"
    return json.loads(path.read_text().splitlines()[0])


def test_bfcl_prompt_is_bfcls_default_system_prompt():
    entry = _first_bfcl_entry()
    docs = [
        {
            **f,
            "description": f["description"]
            + " Note that the provided function is in Python 3 syntax.",
        }
        for f in entry["function"]
    ]
    system = (
        "You are an expert in composing functions.You are given a question and a set of possible "
        "functions. Based on the question, you will need to make one or more function/tool calls "
        "to achieve the purpose. If none of the functions can be used, point it out. If the given"
        " question lacks the parameters required by the function, also point it out.\n\nYou "
        "should only return the function calls in your response.\n\nIf you decide to invoke any "
        "of the function(s), you MUST put it in the format of [func_name1(params_name1="
        "params_value1, params_name2=params_value2...), func_name2(params)].  You SHOULD NOT "
        "include any other text in the response.\n\nAt each turn, you should try your best to "
        "complete the tasks requested by the user within the current turn. Continue to output "
        "functions to call until you have fulfilled the user's request to the best of your "
        "ability. Once you have no more functions to call, the system will consider the current "
        "turn complete and proceed to the next turn or task.\n\nHere is a list of functions in "
        f"json format that you can invoke.\n{json.dumps(docs, indent=4)}\n"
    )
    query = entry["question"][0][0]["content"]
    expected = (
        f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{query}<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    assert render_prompt("bfcl-python", entry["function"], query) == expected


def test_bfcl_renders_earlier_calls_and_results_as_the_qwen_template_does():
    tools = [get_weather_data, get_coordinates_from_city]
    prompt = render_prompt("bfcl-python", tools, CONVERSATION[1:4] + CONVERSATION[3:4])
    assert prompt.endswith(
        "<|im_start|>user\nWhat's the weather like in Seattle right now?<|im_end|>\n"
        "<|im_start|>assistant\nLet me look.\n[get_coordinates_from_city(city_name='Seattle')]"
        "<|im_end|>\n<|im_start|>user\n<tool_response>\n[47.6, -122.3]\n</tool_response>\n"
        "<tool_response>\n[47.6, -122.3]\n</tool_response><|im_end|>\n<|im_start|>assistant\n"
    )


@pytest.mark.parametrize(
    "output",
    [
        "[calculate_triangle_area(base=10, height=5)]",
        "```python\n[calculate_triangle_area(base=10, height=5)]\n```",
        "calculate_triangle_area(base=10, height=5)",
    ],
)
def test_bfcl_call_list_parses(output):
    entry = _first_bfcl_entry()
    parsed = read_output("bfcl-python", entry["function"], output)
    assert parsed.calls == [ToolCall("calculate_triangle_area", {"base": 10, "height": 5})]


def test_bfcl_dotted_names_and_plain_text():
    tools = toolset(
        [
            {
                "name": "math.factorial",
                "description": "Factorial.",
                "parameters": {
                    "type": "dict",
                    "properties": {"n": {"type": "integer"}},
                    "required": ["n"],
                },
            }
        ]
    )
    parsed = read_output("bfcl-python", tools, "[math.factorial(n=5), math.factorial(n=6)]")
    assert [c.arguments["n"] for c in parsed.calls] == [5, 6]
    text = read_output("bfcl-python", tools, "None of the functions can compute a sum.")
    assert not text.is_call and text.text == "None of the functions can compute a sum."
    assert read_output("bfcl-python", tools, "[]").calls == []


# --- FunctionGemma ----------------------------------------------------------------------------

GEMMA_WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Get current weather for a location",
        "parameters": {
            "type": "object",
            "properties": {"location": {"type": "string", "description": "City name"}},
            "required": ["location"],
        },
    },
}


def test_functiongemma_prompt_is_the_official_templates():
    """The bytes the official chat template renders (llama.cpp's tokenization of them was
    checked against the model's GGUF by others; BOS is the tokenizer's)."""
    expected = (
        "<start_of_turn>developer\nYou are a model that can do function calling with the "
        "following functions<start_function_declaration>declaration:get_weather{description:"
        "<escape>Get current weather for a location<escape>,parameters:{properties:{location:"
        "{description:<escape>City name<escape>,type:<escape>STRING<escape>}},required:"
        "[<escape>location<escape>],type:<escape>OBJECT<escape>}}<end_function_declaration>"
        "<end_of_turn>\n<start_of_turn>user\nWhat's the weather in Paris?<end_of_turn>\n"
        "<start_of_turn>model\n"
    )
    assert (
        render_prompt("functiongemma", [GEMMA_WEATHER], "What's the weather in Paris?") == expected
    )


def test_functiongemma_declares_enums_items_and_nested_objects_keys_sorted():
    tool = {
        "name": "book",
        "description": "Book a table.",
        "parameters": {
            "type": "object",
            "properties": {
                "when": {"type": "string", "enum": ["lunch", "dinner"]},
                "guests": {"type": "array", "items": {"type": "string"}, "description": "Names"},
                "place": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}, "area": {"type": "string"}},
                    "required": ["city"],
                },
            },
            "required": ["when"],
        },
    }
    prompt = render_prompt("functiongemma", [tool], "x")
    assert (
        "parameters:{properties:{guests:{description:<escape>Names<escape>,items:{type:<escape>"
        "STRING<escape>},type:<escape>ARRAY<escape>},place:{properties:{area:{type:<escape>STRING"
        "<escape>},city:{type:<escape>STRING<escape>}},required:[<escape>city<escape>],type:"
        "<escape>OBJECT<escape>},when:{enum:[<escape>lunch<escape>,<escape>dinner<escape>],type:"
        "<escape>STRING<escape>}},required:[<escape>when<escape>],type:<escape>OBJECT<escape>}}"
    ) in prompt


def test_functiongemma_renders_a_conversation_in_one_model_turn_per_call():
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Weather in Paris?"},
        {
            "role": "assistant",
            "tool_calls": [
                {"function": {"name": "get_weather", "arguments": '{"location": "Paris"}'}}
            ],
        },
        {"role": "tool", "name": "get_weather", "content": '{"temp": 20}'},
    ]
    prompt = render_prompt("functiongemma", [GEMMA_WEATHER], messages)
    assert prompt.startswith(
        "<start_of_turn>developer\nBe brief.\nYou are a model that can do function calling "
        "with the following functions<start_function_declaration>"
    )
    assert prompt.endswith(
        "<start_of_turn>user\nWeather in Paris?<end_of_turn>\n<start_of_turn>model\n"
        "<start_function_call>call:get_weather{location:<escape>Paris<escape>}"
        "<end_function_call><start_function_response>response:get_weather{value:<escape>"
        '{"temp": 20}<escape>}<end_function_response>'
    )  # the model answers on in its turn
    answered = [
        *messages,
        {"role": "assistant", "content": "20C."},
        {"role": "user", "content": "Thanks"},
    ]
    assert render_prompt("functiongemma", [GEMMA_WEATHER], answered).endswith(
        "<end_function_response>20C.<end_of_turn>\n<start_of_turn>user\nThanks<end_of_turn>\n"
        "<start_of_turn>model\n"
    )


@pytest.mark.parametrize(
    "output, calls, text",
    [
        ("<start_function_call>call:get_weather{location:<escape>Paris, {FR}<escape>}"
         "<end_function_call>", [ToolCall("get_weather", {"location": "Paris, {FR}"})], ""),
        ("Checking.<start_function_call>call:f{a:1.5,b:true,c:None,d:[<escape>x<escape>,2],"
         "e:{k:<escape>v<escape>,<escape>odd key<escape>:-3}}<end_function_call>"
         "<start_function_call>call:g{}<end_function_call>",
         [ToolCall("f", {"a": 1.5, "b": True, "c": None, "d": ["x", 2],
                         "e": {"k": "v", "odd key": -3}}), ToolCall("g", {})], "Checking."),
        ("It is sunny in Paris.", [], "It is sunny in Paris."),
    ],
)  # fmt: skip
def test_functiongemma_outputs_parse(output, calls, text):
    parsed = get_dialect("functiongemma").parse(output, toolset([GEMMA_WEATHER]))
    assert parsed.calls == calls and parsed.text == text


@pytest.mark.parametrize(
    "output",
    [
        "<start_function_call>call:get_weather{location:<escape>Paris}<end_function_call>",
        "<start_function_call>call:get_weather{location:Paris}<end_function_call>",
        "<start_function_call>call:get_weather{location:<escape>P<escape>",
        "<start_function_call>call:get_weather{a:1,a:2}<end_function_call>",
        "<start_function_call>get_weather{}<end_function_call>",
    ],
)
def test_functiongemma_malformed_calls_are_errors_not_text(output):
    with pytest.raises(OutputParseError):
        read_output("functiongemma", [GEMMA_WEATHER], output)


def test_functiongemma_declares_a_property_of_any_value():
    tool = {
        "name": "f",
        "description": "F.",
        "parameters": {"type": "object", "properties": {"x": True}},
    }
    assert "properties:{x:{type:<escape>STRING<escape>}}" in render_prompt(
        "functiongemma", [tool], "q"
    )
