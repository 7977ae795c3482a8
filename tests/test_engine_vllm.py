"""The vLLM engine.

The GPU tests build a small random-weight Llama model and run it under vLLM; they are
marked ``gpu`` and skip (with the reason) without CUDA or without vllm. Run them on a GPU
machine with ``pip install -e '.[all,dev,vllm]' && pytest tests/test_engine_vllm.py -m gpu``.
The other tests run anywhere: the error for a missing vllm or model directory, and how
requests map onto one ``LLM.generate`` call (against a stand-in vllm module).
"""

from __future__ import annotations

import re
import sys
import types
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from types import SimpleNamespace
from typing import Any, ClassVar

import pytest
import torch

from fncall.engines import load_engine
from fncall.engines.base import GenerationRequest, Sampling
from fncall.engines.vllm import VLLMEngine
from fncall.errors import EngineError
from fncall.grammar.ir import Grammar, GrammarBuilder, Rep, chars, seq

HAS_VLLM = find_spec("vllm") is not None
HAS_CUDA = torch.cuda.is_available()
GPU_SKIP_REASON = (
    f"needs a CUDA GPU and vllm (CUDA available: {HAS_CUDA}, vllm installed: {HAS_VLLM}); "
    "run on a GPU machine: pip install -e '.[all,dev,vllm]' && "
    "pytest tests/test_engine_vllm.py -m gpu"
)

WEATHER = GrammarBuilder().build(seq('get_weather(city="', Rep(chars("a-z"), 1, 10), '")'))
WEATHER_RE = re.compile(r'get_weather\(city="[a-z]{1,10}"\)')


def test_missing_vllm_or_model_directory_is_a_clear_engine_error(tmp_path: Path) -> None:
    with pytest.raises(EngineError) as info:
        load_engine("vllm", str(tmp_path / "nonexistent"))
    message = str(info.value)
    if HAS_VLLM:
        assert "nonexistent" in message and "does not exist" in message
    else:  # the first thing a user without vllm must learn is how to get it
        assert "pip install 'fncall[vllm]'" in message and "CUDA GPU" in message


# --- request mapping, against a stand-in vllm module (no GPU needed) ---------------------


class _FakeLLM:
    """Records what VLLMEngine passes to vLLM and answers with canned outputs."""

    created: ClassVar[dict[str, Any]] = {}
    calls: ClassVar[list[tuple[list[str], list[Any], bool]]] = []
    error: ClassVar[Exception | None] = None

    def __init__(self, **kwargs: Any) -> None:
        _FakeLLM.created = kwargs

    def generate(self, prompts: list[str], params: list[Any], use_tqdm: bool = True) -> list:
        _FakeLLM.calls.append((prompts, params, use_tqdm))
        if _FakeLLM.error is not None:
            raise _FakeLLM.error
        reasons = ["length", "stop", None]
        return [
            SimpleNamespace(
                prompt_token_ids=list(range(len(prompt))),
                outputs=[
                    SimpleNamespace(
                        text=f"out{i}", token_ids=[7] * (i + 1), finish_reason=reasons[i % 3]
                    )
                ],
            )
            for i, prompt in enumerate(prompts)
        ]


@pytest.fixture
def fake_vllm(monkeypatch: pytest.MonkeyPatch) -> type[_FakeLLM]:
    vllm = types.ModuleType("vllm")
    sampling_params = types.ModuleType("vllm.sampling_params")
    vllm.LLM = _FakeLLM  # type: ignore[attr-defined]
    vllm.SamplingParams = SimpleNamespace  # type: ignore[attr-defined]
    sampling_params.StructuredOutputsParams = SimpleNamespace  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vllm", vllm)
    monkeypatch.setitem(sys.modules, "vllm.sampling_params", sampling_params)
    _FakeLLM.created, _FakeLLM.calls, _FakeLLM.error = {}, [], None
    return _FakeLLM


def test_requests_map_onto_one_vllm_generate_call(
    fake_vllm: type[_FakeLLM], tmp_path: Path
) -> None:
    engine = VLLMEngine(str(tmp_path), tensor_parallel_size=2, enforce_eager=True)
    assert fake_vllm.created["tensor_parallel_size"] == 2
    assert fake_vllm.created["enforce_eager"] is True
    assert fake_vllm.created["structured_outputs_config"]["backend"] == "guidance"

    requests = [
        GenerationRequest("ab", stop=("\n",), sampling=Sampling(max_tokens=5, seed=3)),
        GenerationRequest("abcd", grammar=WEATHER, sampling=Sampling(temperature=1.0)),
        GenerationRequest("abc"),
    ]
    generations = engine.generate(requests)

    ((prompts, params, use_tqdm),) = fake_vllm.calls
    assert prompts == ["ab", "abcd", "abc"] and use_tqdm is False
    assert (params[0].max_tokens, params[0].seed, params[0].stop) == (5, 3, ["\n"])
    assert params[0].structured_outputs is None and params[2].stop is None
    assert params[1].temperature == 1.0
    assert params[1].structured_outputs.grammar == WEATHER.lark
    assert [g.text for g in generations] == ["out0", "out1", "out2"]
    assert [g.finish_reason for g in generations] == ["length", "stop", "stop"]
    assert [(g.prompt_tokens, g.completion_tokens) for g in generations] == [(2, 1), (4, 2), (3, 3)]

    fake_vllm.error = ValueError("Grammar error: unknown name")
    with pytest.raises(EngineError, match="vLLM rejected the batch: Grammar error"):
        engine.generate(requests[:1])


# --- on a GPU, with vLLM ------------------------------------------------------------------

CITIES = ["paris", "london", "tokyo", "lima", "oslo", "cairo", "delhi", "rome", "quito"]
CORPUS = [
    line
    for i, city in enumerate(CITIES * 20)
    for line in (
        f'get_weather(city="{city}", days={i % 7 + 1})',
        f"What is the weather in {city.title()} for the next {i % 5 + 2} days?",
        f"The forecast for {city} says rain, wind and {i % 30} degrees.",
    )
]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small random-weight Llama model (head size 64, which every vLLM attention backend
    supports) with a locally trained tokenizer."""
    from fncall.train.model import ModelSize, build_model, save_model
    from fncall.train.tokenizer import train_tokenizer

    tokenizer = train_tokenizer(CORPUS, vocab_size=400)
    size = ModelSize(
        hidden_size=128, layers=2, heads=2, kv_heads=1, intermediate_size=256, max_positions=1024
    )
    return save_model(build_model(tokenizer, size), tokenizer, tmp_path_factory.mktemp("model"))


@pytest.fixture(scope="module")
def engine(model_dir: Path) -> Iterator[VLLMEngine]:
    """One vLLM engine for all GPU tests: starting one takes a while and holds GPU memory."""
    pytest.importorskip("vllm")
    # Eager mode skips CUDA-graph capture (faster start); without prefix caching a repeated
    # batch runs the same kernels, so greedy results can be compared exactly.
    engine = VLLMEngine(
        str(model_dir),
        gpu_memory_utilization=0.3,
        max_model_len=512,
        enforce_eager=True,
        enable_prefix_caching=False,
    )
    yield engine
    engine.close()


@pytest.mark.gpu
@pytest.mark.skipif(not (HAS_CUDA and HAS_VLLM), reason=GPU_SKIP_REASON)
class TestOnGPU:
    def test_greedy_generation_is_repeatable_and_in_request_order(
        self, engine: VLLMEngine, model_dir: Path
    ) -> None:
        from transformers import AutoTokenizer

        prompts = ["Weather in Paris?\n", "Hi", "The forecast for oslo says rain and wind, "]
        requests = [GenerationRequest(p, sampling=Sampling(max_tokens=16)) for p in prompts]
        first, second = engine.generate(requests), engine.generate(requests)
        assert [g.text for g in first] == [g.text for g in second]
        tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
        assert [g.prompt_tokens for g in first] == [len(tokenizer(p).input_ids) for p in prompts]
        for generation in first:
            assert 1 <= generation.completion_tokens <= 16
            assert generation.finish_reason in ("stop", "length")

    def test_stop_string_ends_generation_before_it(self, engine: VLLMEngine) -> None:
        forced = GrammarBuilder().build(seq('get_weather(city="paris")'))  # one possible text
        cut, whole = engine.generate(
            [
                GenerationRequest("Weather?\n", stop=("(city",), grammar=forced),
                GenerationRequest("Weather?\n", stop=("london",), grammar=forced),
            ]
        )
        assert (cut.text, cut.finish_reason) == ("get_weather", "stop")
        assert (whole.text, whole.finish_reason) == ('get_weather(city="paris")', "stop")

    def test_max_tokens_ends_with_length(self, engine: VLLMEngine) -> None:
        long = GrammarBuilder().build(Rep(chars("a-z"), 60, 60))  # no EOS before 60 letters
        (generation,) = engine.generate(
            [GenerationRequest("Spell:", grammar=long, sampling=Sampling(max_tokens=3))]
        )
        assert generation.finish_reason == "length"
        assert generation.completion_tokens == 3

    def test_grammar_is_always_matched_while_free_sampling_is_not(self, engine: VLLMEngine) -> None:
        def batch(grammar: Grammar | None) -> list[GenerationRequest]:
            return [
                GenerationRequest(
                    "Weather in Lima?\n",
                    grammar=grammar,
                    sampling=Sampling(max_tokens=48, temperature=1.0, seed=seed),
                )
                for seed in range(16)
            ]

        constrained = engine.generate(batch(WEATHER))
        for generation in constrained:
            assert WEATHER_RE.fullmatch(generation.text), generation.text
            assert generation.finish_reason == "stop"
        assert len({g.text for g in constrained}) > 1  # really sampled, seed by seed
        assert [g.text for g in engine.generate(batch(WEATHER))] == [g.text for g in constrained]

        free = engine.generate(batch(None))
        assert not all(WEATHER_RE.fullmatch(g.text) for g in free)

    def test_bad_grammar_is_an_engine_error_and_the_engine_still_works(
        self, engine: VLLMEngine
    ) -> None:
        broken = Grammar()
        broken.lark = "start: undefined_rule\n"  # type: ignore[misc]  # what vLLM must reject
        with pytest.raises(EngineError, match=r"(?i)grammar"):
            engine.generate([GenerationRequest("x", grammar=broken)])
        (generation,) = engine.generate([GenerationRequest("x", grammar=WEATHER)])
        assert WEATHER_RE.fullmatch(generation.text)
