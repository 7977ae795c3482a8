"""The embedded transformers engine on a real (tiny, random-weight) model."""

from __future__ import annotations

import re

import pytest

from fncall.engines import load_engine
from fncall.engines.base import GenerationRequest, Sampling
from fncall.errors import EngineError
from fncall.grammar.ir import GrammarBuilder, Rep, chars, seq

PROMPT = "What is the weather in Paris?"


def _request(prompt=PROMPT, **kwargs):
    stop = kwargs.pop("stop", ())
    grammar = kwargs.pop("grammar", None)
    return GenerationRequest(prompt, tuple(stop), Sampling(**kwargs), grammar)


def test_greedy_is_deterministic_and_batching_changes_nothing(tiny_engine):
    prompts = ["a", PROMPT, "Call: get_weather(city='Paris', unit='celsius') and more words"]
    alone = [tiny_engine.generate([_request(p, max_tokens=12)])[0] for p in prompts]
    together = tiny_engine.generate([_request(p, max_tokens=12) for p in prompts])
    assert [g.text for g in together] == [g.text for g in alone]
    assert [g.prompt_tokens for g in together] == [tiny_engine.count_tokens(p) for p in prompts]
    assert all(g.finish_reason == "length" and g.completion_tokens == 12 for g in together)


def test_sampling_repeats_with_a_seed_and_varies_without(tiny_engine):
    first = tiny_engine.generate([_request(max_tokens=10, temperature=1.0, seed=7)])[0]
    again = tiny_engine.generate([_request(max_tokens=10, temperature=1.0, seed=7)])[0]
    others = tiny_engine.generate(
        [_request(max_tokens=10, temperature=1.0, seed=s) for s in range(4)]
    )
    assert first.text == again.text
    assert len({g.text for g in others}) > 1


def test_stop_strings_cut_the_text(tiny_engine):
    free = tiny_engine.generate([_request(max_tokens=30)])[0]
    stop = free.text[5:8]
    assert stop and stop in free.text
    cut = tiny_engine.generate([_request(max_tokens=30, stop=[stop])])[0]
    assert cut.finish_reason == "stop"
    assert cut.text == free.text[: free.text.find(stop)]


def test_grammar_is_always_matched(tiny_engine):
    builder = GrammarBuilder()
    city = builder.rule("city", Rep(chars("a-z"), 1, 8))
    grammar = builder.build(seq("get_weather(city='", city, "')"))
    pattern = re.compile(r"get_weather\(city='[a-z]{1,8}'\)")
    constrained = tiny_engine.generate(
        [_request(max_tokens=40, temperature=1.0, seed=s, grammar=grammar) for s in range(8)]
    )
    assert all(pattern.fullmatch(g.text) and g.finish_reason == "stop" for g in constrained)
    free = tiny_engine.generate(
        [_request(max_tokens=40, temperature=1.0, seed=s) for s in range(8)]
    )
    assert not any(pattern.fullmatch(g.text) for g in free)


def test_token_limit_is_reported(tiny_engine):
    grammar = GrammarBuilder().build(seq("x", Rep(chars("a-z"), 50, 50)))
    generation = tiny_engine.generate([_request(max_tokens=3, grammar=grammar)])[0]
    assert generation.finish_reason == "length"
    assert generation.completion_tokens == 3


def test_bad_setups_are_clear_errors(tmp_path, tiny_engine):
    with pytest.raises(EngineError, match="not a model directory"):
        load_engine("transformers", str(tmp_path))
    with pytest.raises(EngineError, match="unknown engine 'tgi'"):
        load_engine("tgi", str(tmp_path))
    with pytest.raises(EngineError, match="max_tokens must be a positive integer"):
        Sampling(max_tokens=0)
    with pytest.raises(EngineError, match="exceeds the model's"):
        tiny_engine.generate([_request("word " * 4000, max_tokens=200)])
