"""The ``fncall`` command, run as a real process."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fncall.grammar.grounding import spans

TOOLS_PY = '''
from typing import Literal


def get_weather(city: str, unit: Literal["c", "f"] = "c") -> str:
    """Get the weather.

    Args:
        city: The city.
        unit: Temperature unit.
    """
    return city


def _private():
    pass
'''


def fncall(*args: str, stdin: str = "", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fncall.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def tools_file(tmp_path: Path) -> Path:
    path = tmp_path / "tools.py"
    path.write_text(TOOLS_PY)
    return path


def test_console_script_is_installed():
    script = Path(sys.executable).parent / "fncall"
    result = subprocess.run([script, "dialects"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "nexusraven-v2" in result.stdout


def test_dialects_lists_every_dialect_with_a_line():
    table = fncall("dialects").stdout.split("\n\n")[0].splitlines()
    assert table[0].split() == ["DIALECT", "TURNS", "SYSTEM", "FORMAT"]
    rows = {line.split()[0]: line.split()[1:3] for line in table[1:]}
    assert rows["hermes"] == ["native", "native"]
    assert rows["nexusraven-v2"] == ["folded", "folded"]
    names = list(rows)
    assert names == sorted(names)
    assert {"nexusraven-v1", "nexusraven-v2", "trelis-v2-llama", "trelis-v2-deepseek"} <= set(names)
    assert {"trelis-v2-zephyr", "llama-functions", "hermes", "bfcl-python"} <= set(names)


def test_render_prints_the_exact_prompt(tools_file):
    result = fncall(
        "render", "--dialect", "nexusraven-v2", "--tools", str(tools_file), "Weather in Oslo?"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "\nFunction:\ndef get_weather(city: str, unit: Literal['c', 'f'] = 'c') -> str:\n"
    )
    assert result.stdout.endswith("User Query: Weather in Oslo?<human_end>\n\n\n")
    assert "_private" not in result.stdout


def test_render_with_system_and_json_tools(tmp_path):
    path = tmp_path / "tools.json"
    path.write_text(json.dumps([{"function": "ping", "description": "Ping.", "arguments": []}]))
    result = fncall(
        "render",
        "--dialect",
        "trelis-v2-llama",
        "--tools",
        str(path),
        "--system",
        "Be brief.",
        "hi",
    )
    assert result.returncode == 0, result.stderr
    assert "[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nhi [/INST]" in result.stdout


def test_parse_prints_validated_calls(tools_file):
    result = fncall(
        "parse",
        "--dialect",
        "nexusraven-v2",
        "--tools",
        str(tools_file),
        stdin="Call: get_weather(city='Oslo')<bot_end>",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"name": "get_weather", "arguments": {"city": "Oslo", "unit": "c"}}
    ]


def test_parse_plain_text_answer(tools_file):
    result = fncall(
        "parse", "--dialect", "nexusraven-v2", "--tools", str(tools_file), stdin="I cannot help."
    )
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"text": "I cannot help."}


@pytest.mark.parametrize(
    ("output", "error"),
    [
        ("Call: get_weather(city=__import__('os').system('id'))", "UnsafeOutputError"),
        ("Call: get_weather(city='Oslo', unit='k')", "EnumViolationError"),
        ("Call: get_forecast(city='Oslo')", "UnknownFunctionError"),
        ("Call: get_weather(unit='c')", "MissingArgumentError"),
        ("Call: get_weather(city='Oslo'", "OutputParseError"),
    ],
)
def test_parse_errors_exit_non_zero_with_the_error_type(tools_file, output, error):
    result = fncall("parse", "--dialect", "nexusraven-v2", "--tools", str(tools_file), stdin=output)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {error}: ")
    assert "Traceback" not in result.stderr


def test_missing_argument_prints_the_clarification(tools_file):
    result = fncall(
        "parse",
        "--dialect",
        "nexusraven-v2",
        "--tools",
        str(tools_file),
        stdin="Call: get_weather()",
    )
    assert (
        "ask the user: To run get_weather, I need the city (The city). Could you provide it?"
        in result.stderr
    )


def test_user_mistakes_get_clear_errors(tools_file, tmp_path):
    unknown = fncall("render", "--dialect", "gpt-9", "--tools", str(tools_file), "q")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith(
        "error: UnknownDialectError: unknown dialect 'gpt-9'; known dialects: "
    )
    missing = fncall("render", "--dialect", "hermes", "--tools", str(tmp_path / "nope.py"), "q")
    assert missing.returncode == 1 and "ToolFormatError" in missing.stderr
    broken = tmp_path / "broken.py"
    broken.write_text("def f(*args):\n    pass\n")
    bad_tool = fncall("render", "--dialect", "hermes", "--tools", str(broken), "q")
    assert bad_tool.returncode == 1 and "ToolDefinitionError" in bad_tool.stderr
    assert "Traceback" not in unknown.stderr + missing.stderr + bad_tool.stderr


def test_call_grounded_copies_strings_from_the_query(tiny_model_dir, tools_file):
    query = "Weather in Zürich, please."
    model = ["--model", str(tiny_model_dir), "--dialect", "bfcl-python", "--tools", str(tools_file)]
    sampling = ["--tool-choice", "get_weather", "--max-tokens", "100", "--temperature", "1"]
    result = fncall("call", *model, *sampling, "--seed", "1", "--grounded", query)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["calls"][0]["arguments"]["city"] in set(spans(query))
    refused = fncall("call", *model, "--grounded", "--no-constrain", query)
    assert refused.returncode == 1 and "grounded=True needs constrain=True" in refused.stderr


def test_demo_runs_the_house_model_on_everyday_tools():
    from fncall.demo import QUERIES

    # the first run in a fresh cache dequantises the base (about a minute on 2 cores)
    result = fncall("demo", timeout=900)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "the bundled house model (nexusraven-v2)" in out
    # every query got a generated answer, shown with what fncall did with it
    for query, _ in QUERIES:
        assert f"user:   {query}" in out
    # one generated answer per query, one more for the grounded request, each agent run's
    # call and (when the call ran) its answer from the result (on the demo tools and on the
    # MCP server's), the structured answer and the large library's call
    agent = out.split("As an agent (hermes)", 1)[1].split("An MCP server's tools", 1)[0]
    mcp = out.split("An MCP server's tools", 1)[1].split("A structured answer", 1)[0]
    runs = sum(2 if "\ntool:   " in part else 1 for part in (agent, mcp))
    assert out.count("model:  ") - out.count("[recorded]") == len(QUERIES) + 1 + runs + 2
    assert "listed by the server: get_weather, read_note, delete_note, broken" in out
    assert re.search(r"-> parsed: Contact\(name='.*', email='.*'\)", out)
    assert re.search(r"A large library \([\d,]+ tools\)", out) and "-> offered: " in out
    assert re.search(r"demo\s+7\s+\d\s+\d+\.\d%", out)  # scored by fncall eval
    # the same queries by beam search, each marked against the greedy answer, and scored
    beam_lines = re.findall(
        r"^beam:   .+   \[(as greedy|changed): (correct|exec:\w+)\]$", out, re.MULTILINE
    )
    assert len(beam_lines) == len(QUERIES)
    assert len(re.findall(r"demo\s+7\s+\d\s+\d+\.\d%", out)) == 2
    assert re.search(r"strings written: \['.+'\]; all spans of the request: True", out)
    assert "refused, nothing ran: UnsafeOutputError" in out  # recorded hostile outputs
    assert "ask the user: To run convert_currency" in out
    # as an agent: a call, its result, an answer from it (or why there was none)
    assert "As an agent (hermes): a call, its result, then an answer from the result." in out
    assert re.search(
        r"^tool:   \{.*\}\nmodel:  .*\n  -> states the result's values \[.+\]: (True|False)$"
        r"|^  -> no call, so no result to answer from: ",
        out,
        re.MULTILINE,
    )
    assert "/v1/chat/completions  (tool_choice: required) -> 200" in out  # fncall serve
    assert "a tool whose pattern has a backreference -> 400 invalid_tool" in out
    assert "a form post from http://evil.example -> 403 origin_not_allowed" in out
    assert "finish_reason: tool_calls" in out
    assert "2608 tools over 44 domains" in out  # the synthetic data part
    assert re.search(r"\d+ tools of 6\d generated intents", out)
    assert "a generated intent: [" in out
    assert "grounding -" in out and "-> Call: " in out


def test_model_commands_keep_library_noise_off_unless_verbose(tiny_model_dir, tools_file):
    call = ["call", "--model", str(tiny_model_dir), "--tools", str(tools_file), "--max-tokens", "4"]
    quiet = fncall(*call, "Weather in Paris?")
    assert quiet.returncode in (0, 1), quiet.stderr
    assert "Loading weights" not in quiet.stderr and "Warning" not in quiet.stderr, quiet.stderr
    for verbose in (["--verbose", *call], [*call, "--verbose"]):
        loud = fncall(*verbose, "Weather in Paris?")
        assert "Loading weights" in loud.stderr, loud.stderr


APPROVED_WEATHER = '''from fncall import tool


@tool(requires_approval=True)
def get_weather(city: str) -> dict:
    """Get the current weather in a city.

    Args:
        city: The city name.
    """
    return {"city": city, "temperature_c": 14, "conditions": "light rain"}
'''


def test_chat_runs_turns_from_the_terminal_asking_before_a_tool_that_needs_approval(tmp_path):
    tools = tmp_path / "weather.py"
    tools.write_text(APPROVED_WEATHER)
    turns = "What's the weather in Lyon right now?\ny\n\n"  # a turn, the approval, the end
    result = fncall("chat", "--tools", str(tools), stdin=turns, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "run get_weather(city='Lyon')? [y/N]" in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "  -> get_weather(city='Lyon')"
    assert lines[1].startswith('  <- get_weather: {"city": "Lyon", "temperature_c": 14')
    assert lines[2].startswith("model> ") and "14" in lines[2]
    # refused: the model is told, and the turn still ends with its answer
    refused = fncall(
        "chat", "--tools", str(tools), stdin=turns.replace("\ny\n", "\nn\n"), timeout=300
    )
    assert "  <- get_weather (rejected): " in refused.stdout and "model> " in refused.stdout
