"""Grounded strings: the words and spans of a request, and grammars in which a free-form string
argument can only be a span of it, checked with llguidance against a real tokenizer."""

from __future__ import annotations

import ast
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fncall.calls.call import ToolCall
from fncall.dialects import get_dialect
from fncall.errors import ConstraintViolationError
from fncall.grammar.grounding import (
    MAX_LISTED_SPANS,
    Grounding,
    grounding_texts,
    spans,
    words,
)
from fncall.grammar.ir import GrammarBuilder, Lit
from fncall.grammar.matcher import MATCHER_CACHE_SIZE, TokenMasker
from fncall.grammar.values import DISTINCT_KEYS, GrammarLimits, ValueCompiler, ValueSyntax
from fncall.pipeline import read_output
from fncall.tools.spec import Tool, ToolSet

QUERY = "email ngregory@example.org that I'm late."
SEND = ToolSet(
    [
        Tool(
            "send",
            "Send an email.",
            {
                "type": "object",
                "properties": {"to": {"type": "string"}, "body": {"type": "string"}},
                "required": ["to", "body"],
            },
        )
    ]
)


def test_words_lose_edge_punctuation_only():
    text = (
        "\"Let's meet in Mumbai. Ask #backend-oncall: $5, see /tmp/x.txt or a@b.org "
        "(KQI-1972;) ... “ok” -- fine?!"
    )
    assert [text[start:end] for start, end in words(text)] == [
        "Let's",
        "meet",
        "in",
        "Mumbai",
        "Ask",
        "#backend-oncall",
        "$5",
        "see",
        "/tmp/x.txt",
        "or",
        "a@b.org",
        "KQI-1972",
        "ok",
        "--",
        "fine",
    ]


def test_spans_keep_the_text_between_words_as_written():
    text = "(Parent-teacher  meeting,\tFriday.)"
    assert list(spans(text)) == [
        "Parent-teacher",
        "Parent-teacher  meeting",
        "Parent-teacher  meeting,\tFriday",
        "meeting",
        "meeting,\tFriday",
        "Friday",
    ]
    assert list(spans(text, longest=14)) == ["Parent-teacher", "meeting", "Friday"]
    assert list(spans("... !?")) == []


def test_grounding_texts_are_user_system_and_tool_contents():
    messages = [
        {"role": "system", "content": "Be brief."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "Call Ann"},
                {"type": "image_url", "image_url": {"url": "https://example.org/a.png"}},
            ],
        },
        {"role": "assistant", "content": "Calling Bob"},
        {"role": "tool", "content": "Ann: 555-0101"},
    ]
    assert grounding_texts(messages, "You help.") == [
        "You help.",
        "Be brief.",
        "Call Ann",
        "Ann: 555-0101",
    ]


_NASTY = st.sampled_from("'\"\\\n\r\t\b\f\x00\x1f\x7f<é東😀")


# a lone surrogate is no text a request can carry as UTF-8; Grounding splits texts at them
_CHARACTERS = st.characters(blacklist_categories=("Cs",))


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.one_of(_NASTY, _CHARACTERS), max_size=30), python=st.booleans())
def test_string_bodies_are_strings_of_the_grammar_that_decode_to_the_text(text, python, accepts):
    syntax = ValueSyntax(python=python, excluded="<")
    builder = GrammarBuilder()
    grammar = builder.build(ValueCompiler(builder, syntax, GrammarLimits()).string({}))
    literal = syntax.quote + syntax.string_body(text) + syntax.quote
    assert accepts(grammar, literal)
    assert (ast.literal_eval(literal) if python else json.loads(literal)) == text


def test_nexusraven_strings_must_be_spans_of_the_request(accepts):
    dialect = get_dialect("nexusraven-v2")
    grammar = dialect.grammar(SEND, "required", grounded_in=[QUERY])
    free = dialect.grammar(SEND, "required")
    assert grammar.unenforced == []
    for text in (
        "Call: send(to='ngregory@example.org', body='that I\\'m late')",
        "Call: send(to='email', body='email ngregory@example.org that I\\'m late')",
    ):
        assert accepts(grammar, text) and accepts(grammar, text, gbnf=True), text
    for text in (
        "Call: send(to='gregory@example.org', body='late')",  # a near-copy
        "Call: send(to='ngregory@example.org', body='I am late')",
        "Call: send(to='ngregory@example.org', body='late.')",  # edge punctuation is no word
        "Call: send(to='', body='late')",
    ):
        assert not accepts(grammar, text), text
        assert accepts(free, text), text
    assert not accepts(grammar, "Call: send(to='gregory@example.org', body='late')", gbnf=True)


def test_lone_surrogates_split_a_text(accepts):
    texts = ["ship to Oslo\ud800Bergen now"]
    grammar = get_dialect("hermes").grammar(SEND, "required", grounded_in=texts)
    assert "\ud800" not in grammar.lark
    assert Grounding(texts, GrammarBuilder(), ValueSyntax()).texts == ["ship to Oslo", "Bergen now"]


def test_spans_never_cross_grounding_texts(accepts):
    grammar = get_dialect("bfcl-python").grammar(
        SEND, "required", grounded_in=["Mail to Ann", "about lunch"]
    )
    assert accepts(grammar, "[send(to='Ann', body='about lunch')]")
    assert not accepts(grammar, "[send(to='Ann', body='Ann about')]")
    assert not accepts(grammar, "[send(to='Ann', body='Ann\\n\\nabout')]")


def test_formats_enums_patterns_and_free_form_values_are_not_grounded(accepts):
    tool = Tool(
        "book",
        "",
        {
            "type": "object",
            "properties": {
                "day": {"type": "string", "format": "date"},
                "room": {"enum": ["kitchen", "attic"]},
                "code": {"type": "string", "pattern": "^[A-Z]+$"},
                "extra": {},
                "note": {"type": "string"},
            },
            "required": ["day", "room", "code", "extra", "note"],
        },
    )
    grammar = get_dialect("bfcl-python").grammar(
        ToolSet([tool]), "required", grounded_in=["book the attic on Friday"]
    )
    assert grammar.unenforced == ["pattern '^[A-Z]+$'", DISTINCT_KEYS]

    def call(day: str = "2024-05-03", note: str = "the attic") -> str:
        return f"[book(day='{day}', room='kitchen', code='XYZ', extra={{'k': 'v'}}, note='{note}')]"

    assert accepts(grammar, call())
    assert not accepts(grammar, call(note="the loft"))
    assert not accepts(grammar, call(day="Friday", note="Friday"))


def test_length_bounded_strings_are_the_spans_that_fit(accepts):
    properties = {
        "subject": {"type": "string", "maxLength": 10},
        "summary": {"type": "string", "minLength": 41},
    }
    tool = Tool("note", "", {"type": "object", "properties": properties})
    grammar = get_dialect("bfcl-python").grammar(ToolSet([tool]), "required", grounded_in=[QUERY])
    assert accepts(grammar, "[note(subject='email')]")
    assert accepts(grammar, "[note(subject='that I\\'m')]")
    assert not accepts(grammar, "[note(subject='that I\\'m late')]")  # 13 characters
    assert not accepts(grammar, "[note(subject='mail')]")
    # the whole query is 40 characters: the ordinary string rule, and said so
    assert grammar.unenforced == ["grounding: no span of the request fits minLength 41"]
    assert accepts(grammar, f"[note(summary='{'x' * 41}')]")
    wordless = get_dialect("bfcl-python").grammar(SEND, "required", grounded_in=["... ?"])
    assert wordless.unenforced == ["grounding: the request has no words to copy"]
    assert accepts(wordless, "[send(to='Ann', body='hi')]")


def test_too_many_short_spans_leave_the_length_to_validation(accepts):
    request = " ".join(f"w{i}" for i in range(1000))  # about 6,000 spans of 30 characters or less
    tool = Tool(
        "note",
        "",
        {
            "type": "object",
            "properties": {"text": {"type": "string", "maxLength": 30}},
            "required": ["text"],
        },
    )
    tools = ToolSet([tool])
    grammar = get_dialect("bfcl-python").grammar(tools, "required", grounded_in=[request])
    more = f"more than {MAX_LISTED_SPANS} spans of the request are that short"
    assert grammar.unenforced == [f"grounding: maxLength 30 ({more})"]
    long_span = " ".join(f"w{i}" for i in range(10, 30))
    assert accepts(grammar, "[note(text='w7')]")
    assert accepts(grammar, f"[note(text='{long_span}')]")  # the bound is not in the grammar
    assert not accepts(grammar, "[note(text='w7 w9')]")  # still only spans
    with pytest.raises(ConstraintViolationError, match="longer than 30 characters"):
        read_output("bfcl-python", tools, f"[note(text='{long_span}')]")


def test_json_strings_are_spans_in_json_escaping(accepts):
    dialect = get_dialect("hermes")
    grammar = dialect.grammar(SEND, "required", grounded_in=['Tell Bob "ship it" now <3'])

    def call(body: str) -> str:
        return dialect.format_calls([ToolCall("send", {"to": "Bob", "body": body})])

    assert call('ship it" now').endswith('"ship it\\" now"}}\n</tool_call>')
    assert accepts(grammar, call('ship it" now'))
    assert not accepts(grammar, call('"ship it"'))  # the quotes around it are no word
    # "<" starts the stop sequence, so strings hold it only as an escape
    assert accepts(grammar, call("now <3").replace("<3", "\\u003c3"))
    assert not accepts(grammar, call("now <3"))


def test_grounded_grammars_are_cached_per_texts():
    dialect = get_dialect("hermes")
    grammar = dialect.grammar(SEND, "required", grounded_in=[QUERY])
    assert dialect.grammar(SEND, "required", grounded_in=(QUERY,)) is grammar
    assert dialect.grammar(SEND, "required", grounded_in=["another request"]) is not grammar
    assert dialect.grammar(SEND, "required") is not grammar


def test_compiled_matchers_stay_bounded(tiny_engine):
    masker = TokenMasker.from_hf(
        tiny_engine.tokenizer, tiny_engine.vocab_size, sorted(tiny_engine.eos_ids)
    )
    kept = GrammarBuilder().build(Lit("kept"))
    for i in range(MATCHER_CACHE_SIZE + 8):
        masker.matcher(kept)
        masker.matcher(GrammarBuilder().build(Lit(f"request {i}")))
    assert len(masker._templates) == MATCHER_CACHE_SIZE
    assert kept.lark in masker._templates  # the least recently used go, not the oldest
