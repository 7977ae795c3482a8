"""Grammars compiled from tools: what they accept and refuse, in every dialect, checked with
llguidance against a real (locally trained) tokenizer."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fncall.calls.call import ToolCall
from fncall.demo import everyday
from fncall.dialects import get_dialect, list_dialects
from fncall.errors import GrammarError, ToolChoiceError
from fncall.grammar.ir import Chars, GrammarBuilder, Rep, seq
from fncall.grammar.values import GrammarLimits, integer_range
from fncall.request import ToolChoice
from fncall.tools import toolset
from fncall.tools.callables import tools_from_module
from fncall.tools.spec import Tool, ToolSet

TOOLS = toolset(tools_from_module(everyday))
DIALECTS = [d.name for d in list_dialects()]
WEATHER = ToolCall("get_weather", {"city": "Paris"})
WEATHER_UNIT = ToolCall("get_weather", {"city": "Paris", "unit": "fahrenheit"})
THERMOSTAT = ToolCall("set_thermostat", {"room": "kitchen", "temperature": 21.5})


@pytest.mark.parametrize("name", DIALECTS)
def test_formatted_calls_are_accepted(name, accepts):
    dialect = get_dialect(name)
    grammar = dialect.grammar(TOOLS, "required")
    for call in (WEATHER, WEATHER_UNIT, THERMOSTAT):
        assert accepts(grammar, dialect.format_calls([call])), call
    if dialect.supports_parallel:
        assert accepts(grammar, dialect.format_calls([WEATHER, THERMOSTAT]))


@pytest.mark.parametrize("name", DIALECTS)
def test_invalid_calls_are_refused(name, accepts):
    dialect = get_dialect(name)
    grammar = dialect.grammar(TOOLS, "required")
    invalid = [
        ToolCall("get_wether", {"city": "Paris"}),  # not an offered tool
        ToolCall("set_thermostat", {"room": "garage", "temperature": 20}),  # not in the enum
        ToolCall("set_thermostat", {"room": "kitchen"}),  # required argument missing
        ToolCall("set_thermostat", {"room": "kitchen", "temperature": "warm"}),  # wrong type
        ToolCall("get_weather", {"city": "Paris", "country": "FR"}),  # undeclared argument
        ToolCall("get_weather", {"unit": "celsius", "city": "Paris"}),  # out of declared order
    ]
    in_order = ToolCall("get_weather", {"city": "Paris", "unit": "celsius"})
    if dialect.format_calls([invalid[-1]]) == dialect.format_calls([in_order]):
        invalid.pop()  # a format with one order of its own (FunctionGemma sorts the keys)
    for call in invalid:
        # format_calls writes whatever it is given; the grammar must refuse it
        assert not accepts(grammar, dialect.format_calls([call])), call


@pytest.mark.parametrize("name", DIALECTS)
def test_tool_choice_shapes_the_language(name, accepts):
    dialect = get_dialect(name)
    call = dialect.format_calls([WEATHER])
    other = dialect.format_calls([THERMOSTAT])
    text = "I cannot help with that."
    auto = dialect.grammar(TOOLS, "auto")
    assert accepts(auto, call) and accepts(auto, text)
    required = dialect.grammar(TOOLS, "required")
    assert accepts(required, call) and not accepts(required, text)
    none = dialect.grammar(TOOLS, "none")
    assert accepts(none, text) and not accepts(none, call)
    named = dialect.grammar(TOOLS, {"type": "function", "function": {"name": "get_weather"}})
    assert accepts(named, call) and not accepts(named, other) and not accepts(named, text)
    if dialect.supports_parallel:
        both = dialect.format_calls([WEATHER, THERMOSTAT])
        assert accepts(required, both)
        assert not accepts(dialect.grammar(TOOLS, "required", parallel=False), both)
        # a choice resolved earlier (as the caller does) keeps the dialect's parallel=False
        resolved = ToolChoice("required")
        assert not accepts(dialect.grammar(TOOLS, resolved, parallel=False), both)
        assert not accepts(named, dialect.format_calls([WEATHER, WEATHER]))


@pytest.mark.parametrize("name", DIALECTS)
def test_gbnf_rendering_accepts_the_same_calls(name, accepts):
    dialect = get_dialect(name)
    grammar = dialect.grammar(TOOLS, "required")
    for call in (WEATHER, WEATHER_UNIT, THERMOSTAT):
        assert accepts(grammar, dialect.format_calls([call]), gbnf=True)
    bad = ToolCall("set_thermostat", {"room": "garage", "temperature": 20})
    assert not accepts(grammar, dialect.format_calls([bad]), gbnf=True)


def test_plain_answers_cannot_start_a_call(accepts):
    v2 = get_dialect("nexusraven-v2").grammar(TOOLS, "auto")
    assert accepts(v2, "Calling is not needed here.")
    assert not accepts(v2, "Call: nothing")
    hermes = get_dialect("hermes").grammar(TOOLS, "auto")
    assert accepts(hermes, "Sure, <b>bold</b> text")
    assert not accepts(hermes, "thinking <tool_call> oops")
    bfcl = get_dialect("bfcl-python").grammar(TOOLS, "auto")
    assert accepts(bfcl, "None of the functions fit.")
    assert not accepts(bfcl, "get_weather(")


def test_strings_cannot_hold_a_stop_sequence(accepts):
    dialect = get_dialect("nexusraven-v2")
    grammar = dialect.grammar(TOOLS, "required")
    assert not accepts(grammar, "Call: get_weather(city='a<bot_end>b')")
    assert accepts(grammar, "Call: get_weather(city='a\\u003cbot_end>b')")


def test_nested_calls_in_nexusraven_v2(accepts):
    dialect = get_dialect("nexusraven-v2")
    grammar = dialect.grammar(TOOLS, "required")
    nested = ToolCall("get_weather", {"city": ToolCall("get_coordinates", {"city": "Seattle"})})
    assert accepts(grammar, dialect.format_calls([nested]))
    deeper = ToolCall("get_weather", {"city": nested})
    assert not accepts(grammar, dialect.format_calls([deeper]))


def test_limits_bound_strings_and_calls(accepts):
    dialect = get_dialect("bfcl-python")
    limits = GrammarLimits(max_string=5, max_calls=2)
    grammar = dialect.grammar(TOOLS, "required", limits=limits)
    assert accepts(grammar, "[get_weather(city='Paris')]")
    assert not accepts(grammar, "[get_weather(city='Parisx')]")
    assert not accepts(grammar, "[" + ", ".join(["get_weather(city='a')"] * 3) + "]")


def test_compiled_grammars_are_cached():
    dialect = get_dialect("hermes")
    assert dialect.grammar(TOOLS, "auto") is dialect.grammar(TOOLS, "auto")
    assert dialect.grammar(TOOLS, "auto") is not dialect.grammar(TOOLS, "required")
    copy = toolset(tools_from_module(everyday))
    assert dialect.grammar(copy, "auto") is dialect.grammar(TOOLS, "auto")


def test_bad_tool_choice_is_refused_before_anything_runs():
    dialect = get_dialect("hermes")
    with pytest.raises(ToolChoiceError, match="'book_flight', which is not offered"):
        dialect.grammar(TOOLS, "book_flight")
    with pytest.raises(ToolChoiceError, match="needs at least one tool"):
        dialect.grammar(ToolSet(), "required")
    with pytest.raises(ToolChoiceError, match="must be"):
        dialect.grammar(TOOLS, {"type": "retrieval"})
    with pytest.raises(ToolChoiceError):
        dialect.grammar(TOOLS, 3)


def test_unsupported_and_unenforced_schemas_are_named():
    tool = Tool(
        "f",
        "",
        {"type": "object", "properties": {"code": {"type": "string", "pattern": "^[A-Z]{3}$"}}},
    )
    grammar = get_dialect("hermes").grammar(ToolSet([tool]), "required")
    assert grammar.unenforced == ["pattern '^[A-Z]{3}$'"]
    tuple_tool = Tool(
        "g",
        "",
        {
            "type": "object",
            "properties": {"p": {"type": "array", "prefixItems": [{"type": "integer"}]}},
        },
    )
    with pytest.raises(GrammarError, match="prefixItems"):
        get_dialect("hermes").grammar(ToolSet([tuple_tool]), "required")


@settings(max_examples=60, deadline=None)
@given(
    low=st.integers(-(10**6), 10**6),
    span=st.integers(0, 10**6),
    probe=st.integers(-3 * 10**6, 3 * 10**6),
)
def test_integer_ranges_are_exact(low, span, probe, tiny_engine):
    high = low + span
    grammar = GrammarBuilder().build(integer_range(low, high))
    pattern = re.compile(_to_python_regex(grammar.lark))
    for value in (low, high, probe, low - 1, high + 1):
        assert bool(pattern.fullmatch(str(value))) == (low <= value <= high), value
    assert not pattern.fullmatch("0" + str(abs(high)))  # no leading zeros


def _to_python_regex(lark: str) -> str:
    """A one-rule Lark grammar of literals, classes and repeats as a Python regex (just
    enough for integer ranges)."""
    body = lark.split("start: ", 1)[1].split("\n", 1)[0]
    out = []
    for token in re.findall(r'"(?:[^"\\]|\\.)*"|/[^/]*/|\{\d+,\d*\}|[()|?*+]|\s+', body):
        if token.startswith('"'):
            out.append(re.escape(token[1:-1]))
        elif token.startswith("/"):
            out.append(token[1:-1])
        elif token.strip():
            out.append(token)
    return "".join(out)


@settings(max_examples=40, deadline=None)
@given(
    low=st.integers(-500, 500),
    span=st.integers(0, 500),
    value=st.floats(-2000, 2000, allow_nan=False).map(lambda x: round(x, 3)),
    strict=st.booleans(),
)
def test_number_bounds_admit_only_values_in_range(low, span, value, strict, accepts):
    high = low + span
    schema = {"type": "number", "minimum": low, "maximum": high}
    if strict:
        schema = {"type": "number", "exclusiveMinimum": low, "exclusiveMaximum": high}
    tool = Tool("f", "", {"type": "object", "properties": {"x": schema}, "required": ["x"]})
    if strict and span == 0:  # 5 < x < 5: nothing to generate
        with pytest.raises(GrammarError, match="no number lies within"):
            get_dialect("bfcl-python").grammar(ToolSet([tool]), "required")
        return
    grammar = get_dialect("bfcl-python").grammar(ToolSet([tool]), "required")
    text = f"[f(x={value!r})]"
    if accepts(grammar, text):
        assert (low < value < high) if strict else (low <= value <= high)
    if not strict and math.isclose(value, round(value)) and low <= value <= high:
        assert accepts(grammar, f"[f(x={round(value)})]")


def test_character_classes_render_escapes(accepts):
    builder = GrammarBuilder()
    singles = Chars(tuple((c, c) for c in "\\-^]a"))  # each one a class metacharacter
    grammar = builder.build(seq("<", Rep(singles, 1, 4), ">"))
    assert accepts(grammar, "<\\-^]>") and accepts(grammar, "<a>")
    assert not accepts(grammar, "<b>")
    assert accepts(grammar, "<\\-^]>", gbnf=True) and not accepts(grammar, "<b>", gbnf=True)


def test_free_form_keys_are_declared_unenforced_and_repeats_refused():
    from fncall.calls.pyparse import parse_python_calls
    from fncall.errors import OutputParseError
    from fncall.grammar.values import DISTINCT_KEYS
    from fncall.tools import Tool, ToolSet

    tags = Tool(
        "tag",
        "Tag a file.",
        {
            "type": "object",
            "properties": {
                "labels": {"type": "object", "additionalProperties": {"type": "string"}}
            },
            "required": ["labels"],
        },
    )
    tools = ToolSet([tags])
    assert DISTINCT_KEYS in get_dialect("hermes").grammar(tools, "required").unenforced
    with pytest.raises(OutputParseError, match="'a' appears twice"):
        parse_python_calls("tag(labels={'a': 'x', 'a': 'y'})", tools)
    with pytest.raises(OutputParseError, match="'a' appears twice"):
        get_dialect("hermes").parse(
            '<tool_call>\n{"name": "tag", "arguments": {"labels": {"a": "x", "a": "y"}}}\n'
            "</tool_call>",
            tools,
        )


_TEXT_PIECES = [
    *("a", "x", "C", " ", "\n", "'", '"', ":", "(", "[", "{", "<", "`", "python\n"),
    *("Call", "Call:", "Initial Answer:", "get_weather(", "<tool_call>", "<b>"),
    *('"function":', '"function_call":', "function"),
]


@pytest.mark.parametrize("name", DIALECTS)
@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.lists(st.sampled_from(_TEXT_PIECES), max_size=8).map("".join))
def test_the_gbnf_approximation_of_plain_text_is_within_text_avoid(name, text, accepts):
    """A dialect keeps one rule for a plain answer in two forms: ``text_avoid`` (a regex, for
    llguidance and the parser) and ``text_approximation`` (for GBNF, which has no
    negation). Whatever the approximation admits, the rule must allow too."""
    dialect = get_dialect(name)
    grammar = dialect.grammar(TOOLS, "none")
    if accepts(grammar, text, gbnf=True):
        assert re.match(dialect.text_avoid, text) is None, text
        assert accepts(grammar, text), text
        assert dialect.parse(text, TOOLS).calls == [], text
