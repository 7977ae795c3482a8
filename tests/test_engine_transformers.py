"""The embedded transformers engine on a real (tiny, random-weight) model."""

from __future__ import annotations

import re

import pytest
import torch

from fncall.engines import load_engine
from fncall.engines.base import GenerationRequest, Sampling
from fncall.errors import ConfigurationError, EngineError
from fncall.grammar.ir import GrammarBuilder, Rep, alt, chars, seq

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
    for beams in (1, 3):
        generation = tiny_engine.generate([_request(max_tokens=3, grammar=grammar, beams=beams)])
        assert generation[0].finish_reason == "length"
        assert generation[0].completion_tokens == 3


def test_bad_setups_are_clear_errors(tmp_path, tiny_engine):
    with pytest.raises(EngineError, match="not a model directory"):
        load_engine("transformers", str(tmp_path))
    with pytest.raises(ConfigurationError, match="unknown engine 'tgi'"):
        load_engine("tgi", str(tmp_path))
    with pytest.raises(ConfigurationError, match="max_tokens must be a positive integer"):
        Sampling(max_tokens=0)
    with pytest.raises(EngineError, match="exceeds the model's"):
        tiny_engine.generate([_request("word " * 4000, max_tokens=200)])


def _complete_sequences(engine, prompt, grammar):
    """Every token sequence ``grammar`` allows after ``prompt``, with its summed
    log-probability under the grammar's mask, by full forward passes (no cache, no beams)."""
    prompt_ids = engine.tokenizer(prompt)["input_ids"]
    found = []

    def visit(ids, matcher, score):
        with torch.inference_mode():
            logits = engine.model(torch.tensor([prompt_ids + ids])).logits[0, -1].float()
        allowed = torch.from_numpy(engine.masker.allowed([matcher]))[0, : logits.shape[0]]
        log_probs = torch.log_softmax(logits.masked_fill(~allowed, float("-inf")), dim=-1)
        for token in allowed.nonzero().flatten().tolist():
            total = score + float(log_probs[token])
            if token in engine.eos_ids:
                found.append((ids, total))
                continue
            child = matcher.deep_copy()
            assert child.consume_token(token)
            if child.is_stopped():
                found.append(([*ids, token], total))
            else:
                visit([*ids, token], child, total)

    visit([], engine.masker.matcher(grammar), 0.0)
    return found


def test_beam_search_finds_the_likeliest_sequence_the_grammar_allows(tiny_engine):
    grammar = GrammarBuilder().build(seq(alt("oslo", "osaka", "ottawa", "rome", "rouen"), ")"))
    # prompts of different lengths, searched in one batch (left padding, shared cache)
    prompts = [f"{word * (1 + i % 4)} is the city" for i, word in enumerate("abcdefghijkl")]
    beams = tiny_engine.generate([_request(p, grammar=grammar, beams=16) for p in prompts])
    greedy = tiny_engine.generate([_request(p, grammar=grammar) for p in prompts])
    for prompt, beam in zip(prompts, beams, strict=True):
        found = _complete_sequences(tiny_engine, prompt, grammar)
        # the search is exhaustive when every sequence fits in the beams at once
        assert len(found) <= 16, "the grammar allows too many tokenisations for this check"
        best_ids, _ = max(found, key=lambda item: item[1])
        assert beam.text == tiny_engine.tokenizer.decode(best_ids)
        assert beam.completion_tokens == len(best_ids) and beam.finish_reason == "stop"
    beaten = sum(g.text != b.text for g, b in zip(greedy, beams, strict=True))
    assert beaten, "greedy found the best sequence every time: a weak check"


def test_beam_requests_batch_with_greedy_ones_and_keep_their_stops(tiny_engine):
    prompts = ["a", PROMPT, "Call: get_weather(city='Paris')"]
    free = tiny_engine.generate([_request(PROMPT, max_tokens=30)])[0]
    stop = free.text[5:8]
    # beam requests of different widths and budgets share one batch
    requests = [
        _request(p, max_tokens=20 - 4 * i, beams=3 + i, stop=[stop]) for i, p in enumerate(prompts)
    ]
    requests.insert(1, _request(PROMPT, max_tokens=30))
    together = tiny_engine.generate(requests)
    alone = [tiny_engine.generate([r])[0] for r in requests]
    assert together == alone
    assert together[1] == free
    beams = [together[0], *together[2:]]
    assert all(stop not in g.text and g.completion_tokens <= 20 for g in beams)
    assert any(g.finish_reason == "stop" and g.completion_tokens < 20 for g in beams)


def test_a_beam_is_heard_once_it_has_won(tiny_engine):
    heard = []
    request = GenerationRequest(PROMPT, (), Sampling(max_tokens=12, beams=4), on_text=heard.append)
    result = tiny_engine.generate([request])[0]
    assert heard == [result.text] and result.text


def test_beam_settings_are_checked(tiny_engine):
    for beams in (0, 17, 2.0):
        with pytest.raises(ConfigurationError, match="beams must be an integer from 1 to 16"):
            Sampling(beams=beams)
    with pytest.raises(ConfigurationError, match="beam search is deterministic"):
        Sampling(beams=2, temperature=0.7)


def test_a_split_stop_string_ends_a_constrained_generation(tmp_path):
    """A tokenizer without ``<|im_end|>`` as one token merges its ``<`` with what precedes
    it (``")<``): a model trained on such text wants that token where the grammar ends.
    Greedy decoding then finishes with the part the grammar takes, and the first piece of
    the stop string is allowed wherever the grammar may end."""
    from fncall.engines.transformers import TransformersEngine, _Row
    from fncall.grammar.matcher import consume
    from fncall.train.model import ModelSize, build_model, save_model
    from fncall.train.tokenizer import train_tokenizer
    from tests.engine_fixtures import call_grammar

    ending = 'get_weather(city="paris")<|im_end|>'
    tokenizer = train_tokenizer([ending] * 50 + ["hello there <b> a"] * 5, 300, ())
    tokenizer.add_tokens(['")<'])  # as a tokenizer that merges across punctuation has it
    model = build_model(tokenizer, ModelSize(hidden_size=32, layers=1, heads=2, kv_heads=1))
    engine = TransformersEngine(save_model(model, tokenizer, tmp_path / "m"), device="cpu")
    vocab = engine.tokenizer.get_vocab()
    merged = [t for t, i in vocab.items() if len(t) > 1 and t.endswith("<") and t[0] in '")']
    assert merged, "the tokenizer merged no grammar end with the stop string's start"
    stop = ("<|im_end|>",)
    assert vocab["<"] in engine.stop_start_ids(stop)

    request = GenerationRequest("x", stop, Sampling(max_tokens=20))
    row = _Row(request, [1], matcher=engine.masker.matcher(call_grammar()))
    for token in engine.tokenizer('get_weather(city="paris', add_special_tokens=False)["input_ids"]:
        consume(row.matcher, token)
        row.ids.append(token)
    logits = torch.zeros(engine.vocab_size)
    logits[vocab[merged[0]]] = 10.0  # the model's first choice runs past the grammar's end
    masked = engine._masked(logits[None], engine._allowed([row]))[0]
    assert masked[vocab[merged[0]]] == float("-inf")
    assert engine._ends_within_token(row, logits, masked)
    assert row.done and row.finish == "stop" and row.matcher.is_accepting()
    assert engine.tokenizer.decode(row.ids) == 'get_weather(city="paris")'
    # where the grammar may end, the stop string's first piece is allowed, and ends it
    assert engine._masked(logits[None], engine._allowed([row]))[0][vocab["<"]] != float("-inf")
