"""Prompt prefixes kept across requests in the transformers engine: the outputs are those of
an engine that evaluates every prompt whole, under batching, sampling, beams, grammars and
streaming, on a Llama and on a Gemma 3 with sliding-window layers."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from fncall.engines.base import GenerationRequest, Sampling
from fncall.engines.prefix_cache import MIN_NEW_TOKENS, PrefixCache
from fncall.engines.transformers import TransformersEngine
from fncall.errors import ConfigurationError
from fncall.train.model import save_model
from fncall.train.tokenizer import train_tokenizer
from tests.engine_fixtures import call_grammar

TOOLS = "You may call get_weather(city) or get_time(zone). " * 3


def _requests(heard: list[list[str]]) -> list[list[GenerationRequest]]:
    """Batches whose prompts share prefixes with earlier ones (the same tool block, a longer
    conversation, a prompt seen before), in every way of decoding."""

    def listener() -> object:
        heard.append([])
        return heard[-1].append

    greedy, sampled = Sampling(10), Sampling(10, temperature=1.0, seed=4)
    return [
        [GenerationRequest(f"{TOOLS} Weather in Paris?", sampling=greedy)],
        [
            GenerationRequest(f"{TOOLS} Weather in Rome?", sampling=greedy),
            GenerationRequest(f"{TOOLS} Time in Tokyo?", sampling=sampled),
            GenerationRequest("Something else entirely", sampling=greedy),
        ],
        [
            GenerationRequest(f"{TOOLS} Weather in Paris? It is 20 C. And Oslo?", sampling=greedy),
            GenerationRequest(f"{TOOLS} Weather in Paris?", sampling=greedy, on_text=listener()),
            GenerationRequest(f"{TOOLS} Call:", sampling=sampled, grammar=call_grammar()),
        ],
        [GenerationRequest(f"{TOOLS} Weather in Rome?", sampling=Sampling(8, beams=3))],
    ]


def _same_with_and_without_reuse(directory: Path) -> None:
    plain = TransformersEngine(directory, device="cpu", prefix_cache_bytes=0)
    reusing = TransformersEngine(directory, device="cpu")
    heard_plain: list[list[str]] = []
    heard_reusing: list[list[str]] = []
    for batch_plain, batch_reusing in zip(
        _requests(heard_plain), _requests(heard_reusing), strict=True
    ):
        assert reusing.generate(batch_reusing) == plain.generate(batch_plain)
    assert heard_reusing == heard_plain and "".join(heard_reusing[0])
    assert plain.reused_prompt_tokens == 0
    assert reusing.reused_prompt_tokens > 4 * len(reusing.tokenizer(TOOLS)["input_ids"])


def test_reused_prefixes_change_no_output_on_llama(tiny_model_dir):
    _same_with_and_without_reuse(tiny_model_dir)


@pytest.fixture(scope="module")
def tiny_gemma(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Gemma 3 whose sliding window (8 tokens) is shorter than the prompts."""
    from transformers import Gemma3ForCausalLM, Gemma3TextConfig

    texts = [TOOLS, "Weather in Paris? Rome? Oslo? Time in Tokyo? Call: get_weather(city=)"]
    tokenizer = train_tokenizer(texts * 4, 300)
    config = Gemma3TextConfig(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=3,
        num_attention_heads=2, num_key_value_heads=1, head_dim=16, sliding_window=8,
        layer_types=["sliding_attention", "sliding_attention", "full_attention"],
        max_position_embeddings=512, pad_token_id=tokenizer.pad_token_id,
        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
    )  # fmt: skip
    torch.manual_seed(0)
    model = Gemma3ForCausalLM(config).eval()
    return save_model(model, tokenizer, tmp_path_factory.mktemp("tiny-gemma"))


def test_reused_prefixes_change_no_output_on_gemma_with_sliding_windows(tiny_gemma):
    _same_with_and_without_reuse(tiny_gemma)


def test_sliding_windows_hold_on_reused_prefixes(tiny_gemma):
    """The cache keeps every position of a sliding layer; the windows must still be those
    of the model evaluating the whole sequence without any cache."""
    engine = TransformersEngine(tiny_gemma, device="cpu")
    prompt = f"{TOOLS} Weather in Oslo?"
    engine.generate([GenerationRequest(f"{TOOLS} Weather in Rome?", sampling=Sampling(2))])
    [answer] = engine.generate([GenerationRequest(prompt, sampling=Sampling(6))])
    assert engine.reused_prompt_tokens > 0
    ids = engine.tokenizer(prompt)["input_ids"]
    for _ in range(answer.completion_tokens):
        with torch.no_grad():
            logits = engine.model(torch.tensor([ids]), use_cache=False).logits[0, -1]
        ids.append(int(torch.argmax(logits)))
    expected = engine.tokenizer.decode(ids[len(engine.tokenizer(prompt)["input_ids"]) :])
    assert answer.text == expected


def _add(cache: PrefixCache, ids: list[int]) -> None:
    cache.add(ids, f"state of {ids}", weight=32 * len(ids))


def test_the_cache_keeps_longest_prefixes_within_its_bytes():
    cache = PrefixCache(max_bytes=32 * 10)
    _add(cache, [1, 2, 3, 4])
    assert cache.longest([1, 2, 3, 9], most=10) == (3, "state of [1, 2, 3, 4]")
    assert cache.longest([1, 2, 3, 4, 5], most=2)[0] == 2  # at most what is asked
    assert cache.longest([7, 1, 2], most=10) == (0, None)
    _add(cache, [1, 2, 3, 4, 5])  # a conversation one turn on replaces its start
    assert len(cache) == 1 and cache.bytes == 32 * 5
    _add(cache, [8, 8, 8])
    cache.longest([1, 2], most=10)  # touched: now the most recently used
    _add(cache, [9, 9, 9])  # over 10 x 32 bytes: the least recently used goes
    assert cache.longest([8, 8, 8], most=10)[0] == 0
    assert cache.longest([1, 2, 3, 4, 5], most=10)[0] == 5 and cache.bytes == 32 * 8
    _add(cache, list(range(20)))  # heavier than the whole cache: not kept
    assert cache.longest(list(range(20)), most=20)[0] == 0 and cache.bytes == 32 * 8


def test_only_mostly_new_prompts_are_kept_and_a_bad_size_is_refused():
    cache = PrefixCache(max_bytes=1000)
    assert cache.wants(prompt_tokens=400, reused=400 - MIN_NEW_TOKENS)
    assert not cache.wants(prompt_tokens=400, reused=401 - MIN_NEW_TOKENS)
    assert not PrefixCache(max_bytes=0).wants(prompt_tokens=400, reused=0)
    for bad in (-1, 1.5, "1GB"):
        with pytest.raises(ConfigurationError, match="prefix_cache_bytes must be 0 or more"):
            PrefixCache(bad)
