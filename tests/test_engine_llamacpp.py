"""The GGUF exporter and the llama.cpp engine, against ``transformers`` on the same model.

The model is tiny and random, so these tests say nothing about quality; they check that
llama.cpp computes what ``transformers`` computes, tokenizes as it does, and that the
engine honours stop strings, token budgets, grammars and batch order.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("llama_cpp")
pytest.importorskip("gguf")

import torch
from transformers import LlamaForCausalLM, PreTrainedTokenizerFast

from fncall import FunctionCaller
from fncall.engines import GenerationRequest, Sampling, load_engine
from fncall.engines.llamacpp import LlamaCppEngine
from fncall.errors import ConfigurationError, EngineError, GrammarError
from fncall.export.model_gguf import export_gguf
from tests.engine_fixtures import (
    CALL_PATTERN,
    EXTRA_SPECIAL,
    TinyModel,
    call_grammar,
    tiny_model,  # noqa: F401 - a fixture
)

PROMPTS = ["the weather in Paris", 'get_weather(city="Ber', "München <tool_call> 東京"]


@pytest.fixture(scope="module")
def hf(tiny_model: TinyModel) -> tuple[LlamaForCausalLM, PreTrainedTokenizerFast]:  # noqa: F811
    model = LlamaForCausalLM.from_pretrained(str(tiny_model.hf_dir)).eval()
    return model, PreTrainedTokenizerFast.from_pretrained(str(tiny_model.hf_dir))


@pytest.fixture(scope="module")
def engine(tiny_model: TinyModel) -> LlamaCppEngine:  # noqa: F811
    # An f32 KV cache (GGML type 0) keeps llama.cpp's arithmetic as exact as the f32
    # weights, so greedy choices can be compared with transformers token for token.
    with LlamaCppEngine(str(tiny_model.gguf), n_ctx=256, type_k=0, type_v=0) as engine:
        yield engine


def hf_greedy(
    hf: tuple[LlamaForCausalLM, PreTrainedTokenizerFast], prompt: str, steps: int
) -> list[int]:
    model, tokenizer = hf
    ids = tokenizer.encode(prompt)
    out: list[int] = []
    with torch.no_grad():
        for _ in range(steps):
            logits = model(torch.tensor([ids + out])).logits[0, -1]
            token = int(torch.argmax(logits))
            if token == tokenizer.eos_token_id:
                break
            out.append(token)
    return out


def greedy(prompt: str, max_tokens: int, **kw: object) -> GenerationRequest:
    return GenerationRequest(prompt, sampling=Sampling(max_tokens=max_tokens), **kw)


# --- the GGUF file -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "the weather in Paris is sunny",
        'get_weather(city="Berlin")',
        "Zürich, München, Ærøskøbing: naïve café. 東京の天気 🙂",
        "\n\nindent\t  two  spaces   \n",
        "numbers 0123456789 3.14 -42 {}[]() <> == != ->",
        "<s>the city</s><pad>",
        "call <tool_call>get_weather</tool_call> done",
        "unseen words: xylophone quizzical",
    ],
)
def test_gguf_tokenizes_like_transformers(
    engine: LlamaCppEngine, hf: tuple[LlamaForCausalLM, PreTrainedTokenizerFast], text: str
) -> None:
    _, tokenizer = hf
    assert engine.tokenize(text) == tokenizer.encode(text)


def test_special_tokens_in_prompts_are_single_tokens(
    engine: LlamaCppEngine, hf: tuple[LlamaForCausalLM, PreTrainedTokenizerFast]
) -> None:
    _, tokenizer = hf
    for token in ("<s>", "</s>", "<pad>", *EXTRA_SPECIAL):
        assert engine.tokenize(token) == [tokenizer.convert_tokens_to_ids(token)]


def test_dialect_markers_are_printed_and_control_tokens_are_not(
    tiny_model: TinyModel,  # noqa: F811
    hf: tuple[LlamaForCausalLM, PreTrainedTokenizerFast],
) -> None:
    import llama_cpp

    _, tokenizer = hf
    llm = llama_cpp.Llama(str(tiny_model.gguf), vocab_only=True, verbose=False)
    try:
        for marker in EXTRA_SPECIAL:  # a dialect's parser must see these in completions
            assert llm.detokenize([tokenizer.convert_tokens_to_ids(marker)]) == marker.encode()
        for control in ("<s>", "</s>", "<pad>"):
            assert llm.detokenize([tokenizer.convert_tokens_to_ids(control)]) == b""
        assert llm.token_bos() == tokenizer.bos_token_id
        assert llm.token_eos() == tokenizer.eos_token_id
    finally:
        llm.close()


def test_gguf_logits_match_transformers(
    tiny_model: TinyModel,  # noqa: F811
    hf: tuple[LlamaForCausalLM, PreTrainedTokenizerFast],
) -> None:
    import llama_cpp

    model, tokenizer = hf
    ids = tokenizer.encode("the weather in Paris is sunny today, 東京")
    with torch.no_grad():
        expected = model(torch.tensor([ids])).logits[0].numpy()
    llm = llama_cpp.Llama(
        str(tiny_model.gguf), n_ctx=128, logits_all=True, type_k=0, type_v=0, verbose=False
    )
    try:
        llm.eval(ids)
        actual = np.asarray(llm.scores[: len(ids)])
    finally:
        llm.close()
    # Every position, so a wrong RoPE permutation (which only shows past position 0) fails.
    np.testing.assert_allclose(actual, expected, atol=1e-4, rtol=0)
    assert (actual.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_f16_export_loads_and_stays_close(
    tiny_model: TinyModel,  # noqa: F811
    hf: tuple[LlamaForCausalLM, PreTrainedTokenizerFast],
    tmp_path,
) -> None:
    import llama_cpp

    path = export_gguf(tiny_model.hf_dir, tmp_path / "tiny-f16.gguf", dtype="f16")
    assert path.stat().st_size < tiny_model.gguf.stat().st_size * 0.6
    model, tokenizer = hf
    ids = tokenizer.encode("the weather in Paris")
    with torch.no_grad():
        expected = model(torch.tensor([ids])).logits[0, -1].numpy()
    llm = llama_cpp.Llama(str(path), n_ctx=64, logits_all=True, verbose=False)
    try:
        llm.eval(ids)
        actual = np.asarray(llm.scores[len(ids) - 1])
    finally:
        llm.close()
    np.testing.assert_allclose(actual, expected, atol=5e-3, rtol=0)


def test_export_refuses_what_it_cannot_convert(tiny_model: TinyModel, tmp_path) -> None:  # noqa: F811
    with pytest.raises(EngineError, match="does not exist"):
        export_gguf(tmp_path / "nowhere", tmp_path / "x.gguf")
    with pytest.raises(EngineError, match="dtype"):
        export_gguf(tiny_model.hf_dir, tmp_path / "x.gguf", dtype="q4")  # type: ignore[arg-type]
    with pytest.raises(EngineError, match=r"config\.json does not exist"):
        export_gguf(tmp_path, tmp_path / "x.gguf")
    copy = Path(shutil.copytree(tiny_model.hf_dir, tmp_path / "copy"))
    config = json.loads((copy / "config.json").read_text())
    (copy / "config.json").write_text(json.dumps({**config, "model_type": "mistral"}))
    with pytest.raises(EngineError, match="only Llama-architecture"):
        export_gguf(copy, tmp_path / "x.gguf")
    (copy / "config.json").write_text(json.dumps({**config, "rope_scaling": {"type": "yarn"}}))
    with pytest.raises(EngineError, match="RoPE scaling 'yarn'"):
        export_gguf(copy, tmp_path / "x.gguf")
    assert not (tmp_path / "x.gguf").exists()


# --- the engine --------------------------------------------------------------------------


@pytest.mark.parametrize("prompt", PROMPTS)
def test_greedy_generation_matches_transformers(
    engine: LlamaCppEngine, hf: tuple[LlamaForCausalLM, PreTrainedTokenizerFast], prompt: str
) -> None:
    _, tokenizer = hf
    expected = hf_greedy(hf, prompt, steps=8)
    [generation] = engine.generate([greedy(prompt, 8)])
    unprinted = {tokenizer.bos_token_id, tokenizer.eos_token_id, tokenizer.pad_token_id}
    assert generation.text == tokenizer.decode([t for t in expected if t not in unprinted])
    assert generation.completion_tokens == len(expected)
    assert generation.prompt_tokens == len(tokenizer.encode(prompt))


def test_max_tokens_ends_with_length(engine: LlamaCppEngine) -> None:
    [generation] = engine.generate([greedy(PROMPTS[0], 5)])
    assert generation.finish_reason == "length"
    assert generation.completion_tokens == 5


def test_stop_strings_cut_before_the_earliest_stop(engine: LlamaCppEngine) -> None:
    # A seeded sample, because the random model's greedy text just repeats one token; the
    # same seed draws the same tokens until a stop string ends the run.
    sampling = Sampling(40, temperature=1.0, seed=0)
    [free] = engine.generate([GenerationRequest(PROMPTS[0], sampling=sampling)])
    text = free.text
    letters = [i for i, c in enumerate(text) if c.isascii() and c.isalnum()]
    assert len(letters) > 6, f"too few ASCII characters in the sample to test: {text!r}"
    early = text[letters[len(letters) // 3]]
    late = text[letters[2 * len(letters) // 3] :][:2]
    expected = text[: min(text.find(early), text.find(late))]
    stop = (late, early)  # listed latest first: the earliest in the text must still win
    [cut] = engine.generate([GenerationRequest(PROMPTS[0], stop=stop, sampling=sampling)])
    assert cut.text == expected
    assert cut.finish_reason == "stop"
    assert cut.completion_tokens < free.completion_tokens


def test_grammar_constrains_sampled_output(engine: LlamaCppEngine) -> None:
    grammar = call_grammar()
    prompt = "Call the weather tool:"
    sampled = [
        GenerationRequest(prompt, sampling=Sampling(64, temperature=1.0, seed=seed))
        for seed in range(8)
    ]
    constrained = engine.generate(
        [GenerationRequest(r.prompt, sampling=r.sampling, grammar=grammar) for r in sampled]
    )
    for generation in constrained:
        assert CALL_PATTERN.fullmatch(generation.text), generation.text
        assert generation.finish_reason == "stop"
    assert len({g.text for g in constrained}) > 1, "sampling with different seeds varied nothing"
    free = engine.generate(sampled)
    assert not any(CALL_PATTERN.fullmatch(g.text) for g in free)


def test_a_prefix_already_in_the_context_is_kept_and_changes_nothing(
    engine: LlamaCppEngine,
) -> None:
    shared = "the weather in Paris and the weather in Berlin and the weather in"
    sampling = Sampling(12, temperature=1.0, seed=3)
    asked = GenerationRequest(f"{shared} Rome", sampling=sampling)
    engine.generate([GenerationRequest("München 東京", sampling=Sampling(2))])
    fresh = engine.generate([asked])[0]  # nothing of it was in the context
    engine.generate([GenerationRequest(f"{shared} Oslo", sampling=Sampling(2))])
    before = engine.reused_prompt_tokens
    reused = engine.generate([asked])[0]
    assert engine.reused_prompt_tokens - before >= len(engine.tokenize(shared)) - 1
    assert reused == fresh


def test_a_prefix_of_an_earlier_prompt_is_restored_from_its_saved_state(
    tiny_model: TinyModel,  # noqa: F811
) -> None:
    tools = {name: f"Tools: {name}(city) gives the {name} of a city. " * 4 for name in "ab"}
    asked = [
        GenerationRequest(f"{tools['a']} Paris?", sampling=Sampling(6)),
        GenerationRequest(f"{tools['b']} Paris?", sampling=Sampling(6)),  # replaces a's
        GenerationRequest(f"{tools['a']} Rome?", sampling=Sampling(6, temperature=1.0, seed=2)),
    ]
    answers = {}
    for kept in (0, 2**26):
        with LlamaCppEngine(
            str(tiny_model.gguf), n_ctx=256, type_k=0, type_v=0, prefix_cache_bytes=kept
        ) as engine:
            answers[kept] = [engine.generate([request])[0] for request in asked]
            reused = engine.reused_prompt_tokens
            assert (reused >= len(engine.tokenize(tools["a"])) - 1) == bool(kept), reused
    assert answers[0] == answers[2**26]


def test_tokens_the_grammar_forces_are_fed_in_one_pass(tiny_model: TinyModel) -> None:  # noqa: F811
    requests = [
        GenerationRequest(
            "Call the weather tool:",
            sampling=Sampling(64, temperature=1.0, seed=seed),
            grammar=call_grammar(),
        )
        for seed in range(6)
    ]
    texts = {}
    for fast_forward in (True, False):
        with LlamaCppEngine(
            str(tiny_model.gguf), n_ctx=256, type_k=0, type_v=0, fast_forward=fast_forward
        ) as engine:
            generations = engine.generate(requests)
            assert all(CALL_PATTERN.fullmatch(g.text) for g in generations)
            assert all(g.finish_reason == "stop" for g in generations)
            tokens = sum(g.completion_tokens for g in generations)
            # every token but each generation's last was fed back: sampled, or forced
            assert engine.forward_passes + engine.forced_tokens == tokens - len(requests)
            assert (engine.forced_tokens > 0) == fast_forward
            texts[fast_forward] = [g.text for g in generations]
    # the forced text is what the grammar allowed anyway: the call opens the same way
    opening = 'get_weather(city="'
    assert all(t.startswith(opening) for t in texts[True] + texts[False])


def test_grammar_output_cut_by_max_tokens_reports_length(engine: LlamaCppEngine) -> None:
    request = GenerationRequest(
        "Call:", sampling=Sampling(3, temperature=1.0, seed=1), grammar=call_grammar()
    )
    [generation] = engine.generate([request])
    assert generation.finish_reason == "length"
    assert 'get_weather(city="'.startswith(generation.text) or generation.text.startswith(
        'get_weather(city="'
    )


def test_same_seed_same_sample(engine: LlamaCppEngine) -> None:
    request = GenerationRequest(PROMPTS[0], sampling=Sampling(12, temperature=1.0, seed=7))
    first, second = engine.generate([request, request])
    assert first == second
    other = GenerationRequest(PROMPTS[0], sampling=Sampling(12, temperature=1.0, seed=8))
    assert engine.generate([other])[0].text != first.text


def test_batch_results_come_back_in_order(engine: LlamaCppEngine) -> None:
    requests = [
        greedy(PROMPTS[0], 3),
        greedy(PROMPTS[1], 6),
        GenerationRequest("Call:", sampling=Sampling(40, seed=3), grammar=call_grammar()),
        greedy(PROMPTS[2], 4),
    ]
    one_by_one = [engine.generate([r])[0] for r in requests]
    assert engine.generate(requests) == one_by_one
    assert [g.completion_tokens for g in one_by_one][::3] == [3, 4]


# --- mistakes ----------------------------------------------------------------------------


def test_registry_loads_the_engine(tiny_model: TinyModel) -> None:  # noqa: F811
    with load_engine("llamacpp", str(tiny_model.gguf), n_ctx=64) as engine:
        assert engine.generate([greedy("the", 2)])[0].completion_tokens == 2


def test_missing_and_broken_model_files(tmp_path) -> None:
    with pytest.raises(EngineError, match="does not exist"):
        LlamaCppEngine(str(tmp_path / "missing.gguf"))
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a gguf file at all")
    with pytest.raises(EngineError, match="cannot load"):
        LlamaCppEngine(str(junk))


def test_unknown_options_are_refused(tiny_model: TinyModel) -> None:  # noqa: F811
    with pytest.raises(ConfigurationError, match="n_gpu_layer, typo_k"):
        LlamaCppEngine(str(tiny_model.gguf), typo_k=0, n_gpu_layer=1)


def test_bad_grammar_is_a_grammar_error(engine: LlamaCppEngine) -> None:
    from fncall.grammar.ir import Grammar, Ref

    broken = Grammar({"start": Ref("undefined_rule")})
    with pytest.raises(GrammarError, match="undefined rule"):
        engine.generate([GenerationRequest("x", grammar=broken)])
    # The engine is still usable afterwards.
    assert engine.generate([greedy("the", 1)])[0].completion_tokens == 1


def test_prompts_that_cannot_be_served(engine: LlamaCppEngine) -> None:
    with pytest.raises(EngineError, match="empty"):
        engine.generate([greedy("", 4)])
    with pytest.raises(EngineError, match="context window"):
        engine.generate([greedy("the weather " * 200, 4)])
    with pytest.raises(EngineError, match="the llamacpp engine cannot do beam search"):
        engine.generate([GenerationRequest("the", sampling=Sampling(max_tokens=4, beams=2))])
    with pytest.raises(EngineError, match="the llamacpp engine cannot do beam search"):
        FunctionCaller(engine, "hermes", beams=2)
