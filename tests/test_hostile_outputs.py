"""Malformed and hostile model outputs: each gets one exact error from reading them (parse,
then validate, as :func:`fncall.read_output` does), and nothing runs.

The corpus lives in ``tests/corpus/malformed_outputs.json``; each entry names a dialect, a
model output, the error class it must raise and the exact ``str(error)``. It is a
regression fixture: a changed message is a deliberate change and the corpus is updated
with it (``python tests/test_hostile_outputs.py --rewrite ID ...`` re-records the messages
of the named entries and prints each change; it refuses a changed error class, which is
edited by hand).

Huge inputs are not stored: an output may contain ``<<name>>`` placeholders that
:data:`FACTORIES` expands (``<<canary>>`` is the path of a file that must never appear).

Entries marked ``xfail`` record a behaviour believed wrong (see their reason and
``current``): their ``error`` is the class the output *should* raise, checked with
``isinstance``, and ``message_excludes`` (if any) is text the message should not contain.
They are strict xfails, so fixing the code makes them fail until the entry is updated.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Literal

import pytest

import fncall.errors
from fncall.dialects import get_dialect, list_dialects
from fncall.pipeline import read_output
from fncall.tools import toolset

CORPUS = Path(__file__).parent / "corpus" / "malformed_outputs.json"
DIALECTS = {
    "nexusraven-v1",
    "nexusraven-v2",
    "trelis-v2-llama",
    "trelis-v2-deepseek",
    "trelis-v2-zephyr",
    "llama-functions",
    "hermes",
    "bfcl-python",
}

# --- the fixed tool set ------------------------------------------------------------------

CALLS: list[tuple[str, dict[str, Any]]] = []
"""Every run of a test tool appends here; a hostile output must never add to it."""


def get_weather(city: str, unit: Literal["c", "f"] = "c") -> str:
    """Get the current weather.

    Args:
        city: The city name.
        unit: Temperature unit.
    """
    CALLS.append(("get_weather", {"city": city, "unit": unit}))
    return f"sunny in {city}"


def send_email(to: str, subject: str, body: str = "") -> str:
    """Send an email."""
    CALLS.append(("send_email", {"to": to, "subject": subject, "body": body}))
    return "sent"


FACTORIAL = {
    "name": "math.factorial",
    "description": "The factorial of a number.",
    "parameters": {
        "type": "dict",
        "properties": {"n": {"type": "integer", "description": "The number."}},
        "required": ["n"],
    },
}

TOOLS = toolset([get_weather, send_email, FACTORIAL])
list_dialects()  # import every dialect now, not inside a test that watches exec()


# --- generated inputs --------------------------------------------------------------------


def _nested_calls(depth: int) -> str:
    return "get_weather(city=" * depth + "'x'" + ")" * depth


def _json_calls(count: int) -> str:
    return "\n".join(
        '{"function": "get_weather", "arguments": {"city": "x"}}' for _ in range(count)
    )


def _hermes_calls(count: int) -> str:
    block = '<tool_call>\n{"name": "get_weather", "arguments": {"city": "x"}}\n</tool_call>'
    return "\n".join(block for _ in range(count))


FACTORIES = {
    "deep_brackets_1000": lambda: "[" * 1000 + "]" * 1000,
    "deep_brackets_100": lambda: "[" * 100 + "]" * 100,
    "deep_json_string_1000": lambda: json.dumps("[" * 1000 + "]" * 1000),
    "nested_calls_100": lambda: _nested_calls(100),
    "int_5000_digits": lambda: "1" + "0" * 4999,
    "int_200_digits": lambda: "1" + "0" * 199,
    "json_string_huge_int": lambda: json.dumps('{"city": 1' + "0" * 4999 + "}"),
    "py_string_300k": lambda: "'" + "a" * 300_000 + "'",
    "py_string_60k": lambda: "'" + "a" * 60_000 + "'",
    "json_string_300k": lambda: '"' + "a" * 300_000 + '"',
    "list_10001_items": lambda: "[" + "1, " * 10_001 + "]",
    "attribute_chain_50000": lambda: "x." * 50_000 + "y()",
    "unary_minus_100000": lambda: "-" * 100_000 + "1",
    "open_braces_600": lambda: "{" * 600,
    "json_calls_300": lambda: _json_calls(300),
    "hermes_calls_300": lambda: _hermes_calls(300),
}
_PLACEHOLDER = re.compile(r"<<(\w+)>>")


def expand(output: str, canary: Path) -> str:
    """The output with every ``<<name>>`` replaced by its generated text."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "canary":
            return canary.as_posix()
        return FACTORIES[name]()

    return _PLACEHOLDER.sub(fill, output)


def load_corpus() -> list[dict[str, Any]]:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def _params() -> list[Any]:
    params = []
    for entry in load_corpus():
        marks = []
        if "xfail" in entry:
            marks.append(pytest.mark.xfail(strict=True, reason=entry["xfail"]))
        params.append(pytest.param(entry, id=entry["id"], marks=marks))
    return params


# --- sentinels ---------------------------------------------------------------------------


@pytest.fixture
def sentinels(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Any]:
    """Record anything that would mean model output ran: a shell command, a process, code
    given as text to exec/eval, a test tool, or the canary file appearing."""
    ran: list[str] = []

    def forbid(name: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> Any:
            ran.append(f"{name}{args!r}")
            raise AssertionError(f"{name} called by a parser")

        return record

    monkeypatch.setattr(os, "system", forbid("os.system"))
    monkeypatch.setattr(os, "popen", forbid("os.popen"))
    monkeypatch.setattr(subprocess, "Popen", forbid("subprocess.Popen"))
    real_exec, real_eval = builtins.exec, builtins.eval

    def watch(name: str, real: Any) -> Any:
        def wrapper(source: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(source, str | bytes):  # imports exec code objects; that is fine
                ran.append(f"{name}({source!r})")
            return real(source, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(builtins, "exec", watch("exec", real_exec))
    monkeypatch.setattr(builtins, "eval", watch("eval", real_eval))
    CALLS.clear()
    return {"ran": ran, "canary": tmp_path / "canary.txt"}


def assert_nothing_ran(sentinels: dict[str, Any]) -> None:
    assert sentinels["ran"] == []
    assert CALLS == []
    assert not sentinels["canary"].exists()


# --- the corpus --------------------------------------------------------------------------


def test_corpus_is_well_formed() -> None:
    entries = load_corpus()
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    assert {e["dialect"] for e in entries} == DIALECTS
    assert sum("xfail" not in e for e in entries) >= 40
    for entry in entries:
        assert entry["dialect"] in DIALECTS
        assert issubclass(getattr(fncall.errors, entry["error"]), fncall.errors.FncallError)
        if "xfail" in entry:
            assert "current" in entry, entry["id"]
        else:
            assert isinstance(entry["message"], str), entry["id"]
        for name in _PLACEHOLDER.findall(entry["output"]):
            assert name == "canary" or name in FACTORIES, name


@pytest.mark.parametrize("entry", _params())
def test_malformed_output(entry: dict[str, Any], sentinels: dict[str, Any]) -> None:
    output = expand(entry["output"], sentinels["canary"])
    expected = getattr(fncall.errors, entry["error"])
    if "xfail" in entry:
        with pytest.raises(expected) as caught:
            read_output(entry["dialect"], TOOLS, output)
        if "message_excludes" in entry:
            assert entry["message_excludes"] not in str(caught.value)
    else:
        with pytest.raises(fncall.errors.FncallError) as caught:
            read_output(entry["dialect"], TOOLS, output)
        assert type(caught.value) is expected
        assert str(caught.value) == entry["message"]
    if isinstance(caught.value, fncall.errors.OutputParseError):
        assert caught.value.output == output  # the whole output, nothing lost
    assert_nothing_ran(sentinels)


# --- hostile outputs that are plain text, not calls ---------------------------------------

PLAIN_TEXT = [
    # NexusRaven-V2 only calls after "Call:"; anything else is an answer.
    ("nexusraven-v2", "__import__('os').system('rm -rf /')"),
    ("nexusraven-v2", "I would run os.system('ls') but I will not."),
    ("nexusraven-v1", "open('<<canary>>', 'w').write('x')"),
    # BFCL reads a list of calls; a comprehension is not one.
    ("bfcl-python", "[x for x in range(10)]"),
    ("bfcl-python", "[]"),
    # JSON dialects: objects that are not call envelopes are text.
    ("trelis-v2-llama", 'Here is data: {"city": "Paris"}'),
    ("llama-functions", 'The answer is {"answer": 42}.'),
    ("hermes", '{"name": "get_weather", "arguments": {"city": "x"}} (no tags)'),
]


@pytest.mark.parametrize(("dialect", "output"), PLAIN_TEXT)
def test_hostile_plain_text_is_not_a_call(
    dialect: str, output: str, sentinels: dict[str, Any]
) -> None:
    output = expand(output, sentinels["canary"])
    parsed = get_dialect(dialect).parse(output, TOOLS)
    assert not parsed.is_call
    assert parsed.calls == []
    assert_nothing_ran(sentinels)


def test_sentinels_see_a_tool_run(sentinels: dict[str, Any]) -> None:
    """The tools really record their runs, so an empty CALLS list means something."""
    get_weather("Paris")
    assert CALLS == [("get_weather", {"city": "Paris", "unit": "c"})]
    CALLS.clear()


def test_valid_outputs_still_parse(sentinels: dict[str, Any]) -> None:
    """The tool set and dialect wrappers used by the corpus accept a well-formed call."""
    outputs = {
        "nexusraven-v1": "Initial Answer: get_weather(city='Paris')",
        "nexusraven-v2": "Call: get_weather(city='Paris')<bot_end>",
        "bfcl-python": "[math.factorial(n=5)]",
        "trelis-v2-llama": '{"function": "get_weather", "arguments": {"city": "Paris"}}',
        "trelis-v2-deepseek": '{"function": "get_weather", "arguments": {"city": "Paris"}}',
        "trelis-v2-zephyr": '{"function": "get_weather", "arguments": {"city": "Paris"}}',
        "llama-functions": '{"function_call": {"name": "get_weather", "arguments": {"city": "P"}}}',
        "hermes": '<tool_call>\n{"name": "send_email", "arguments": {"to": "a"}}\n</tool_call>',
    }
    assert set(outputs) == DIALECTS
    for dialect, output in outputs.items():
        assert get_dialect(dialect).parse(output, TOOLS).is_call, dialect
    assert_nothing_ran(sentinels)


# --- re-recording ------------------------------------------------------------------------


def _rewrite(ids: list[str]) -> None:
    """Re-record the message of each named non-xfail entry from the current code, printing
    every change for review. A changed error class is refused: that is a change of
    behaviour, made by editing the entry by hand."""
    entries = load_corpus()
    unknown = sorted(set(ids) - {entry["id"] for entry in entries})
    if unknown:
        raise SystemExit(f"no corpus entry {unknown[0]!r}")
    canary = Path("/nonexistent/canary.txt")
    for entry in entries:
        if "xfail" in entry or entry["id"] not in ids:
            continue
        try:
            read_output(entry["dialect"], TOOLS, expand(entry["output"], canary))
        except fncall.errors.FncallError as exc:
            if type(exc).__name__ != entry["error"]:
                raise SystemExit(
                    f"{entry['id']}: now {type(exc).__name__}, recorded {entry['error']}: "
                    "a different error class is a change of behaviour; edit the entry by hand"
                ) from None
            if str(exc) != entry["message"]:
                print(f"{entry['id']}:\n  was: {entry['message']}\n  now: {exc}")
                entry["message"] = str(exc)
        else:
            raise SystemExit(f"{entry['id']}: no longer raises; remove or fix the entry")
    text = json.dumps(entries, indent=2, ensure_ascii=False)
    CORPUS.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] != ["--rewrite"] or len(sys.argv) < 3:
        raise SystemExit("usage: python tests/test_hostile_outputs.py --rewrite ID [ID ...]")
    _rewrite(sys.argv[2:])
