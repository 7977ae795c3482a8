"""Grammar compile time and the per-token cost of constrained decoding.

Prints, for 1, 10, 50 and 128 tools: the time to build a dialect's grammar and compile it
with llguidance (cold), and to get it again (cached). Then the same for a grammar grounded
in requests of 10 to 3,000 words (``grounded=True``: built and compiled for every request,
since each request's text differs), with the mask time per token. Then, on a tiny and a
~100M-parameter random-weight Llama in the same run: milliseconds per generated token with
and without the grammar, and their ratio.

    .venv/bin/python benchmarks/grammar.py [--dialect hermes] [--tokens 48] [--runs 3]

Targets (issue 3): cached compile <= 1 ms; ratio <= 1.10 on the ~100M model.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

import torch

from fncall.calls.call import ToolCall
from fncall.dialects import base, get_dialect
from fncall.engines.base import GenerationRequest, Sampling
from fncall.engines.transformers import TransformersEngine
from fncall.grammar.matcher import TokenMasker
from fncall.tools.spec import Tool, ToolSet
from fncall.train.model import ModelSize, random_model

UNITS = ["celsius", "fahrenheit", "kelvin"]


def synthetic_tools(count: int) -> ToolSet:
    """``count`` distinct tools with a realistic mix of parameter kinds."""
    tools = []
    for i in range(count):
        properties = {
            "city": {"type": "string", "description": "A city name."},
            f"days_{i}": {"type": "integer", "minimum": 1, "maximum": 14},
            "unit": {"type": "string", "enum": UNITS},
            "threshold": {"type": "number", "minimum": -50, "maximum": 60},
            "detailed": {"type": "boolean", "default": False},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 4},
        }
        tools.append(
            Tool(
                f"tool_{i}",
                f"Tool number {i}.",
                {"type": "object", "properties": properties, "required": ["city", f"days_{i}"]},
            )
        )
    return ToolSet(tools)


def make_model(directory: str, size: ModelSize, vocab: int) -> TransformersEngine:
    corpus = [get_dialect("hermes").render(synthetic_tools(5), "Weather in Paris?")] * 20
    corpus += [" ".join(f"word{i} {i * 7} token{i % 97}" for i in range(4000))]
    markers = ("<tool_call>", "</tool_call>", "<|im_start|>", "<|im_end|>")
    random_model(directory, corpus, vocab, markers, size)
    engine = TransformersEngine(directory, device="cpu")
    params = sum(p.numel() for p in engine.model.parameters())
    print(f"model: {params / 1e6:.1f}M parameters, vocabulary {engine.vocab_size}")
    return engine


def compile_times(dialect_name: str, engine: TransformersEngine) -> None:
    dialect = get_dialect(dialect_name)
    masker = TokenMasker.from_hf(engine.tokenizer, engine.vocab_size, sorted(engine.eos_ids))
    print(f"\n{dialect_name}: grammar compile (ms)      build+render   llguidance   cached")
    for count in (1, 10, 50, 128):
        tools = synthetic_tools(count)
        base._GRAMMARS.clear()
        begun = time.perf_counter()
        grammar = dialect.grammar(tools, "auto")
        _ = grammar.lark
        built = time.perf_counter() - begun
        begun = time.perf_counter()
        matcher = masker.matcher(grammar)
        masker.allowed([matcher])  # the first mask: where llguidance does its lazy work
        compiled = time.perf_counter() - begun
        cached = []
        for _ in range(200):
            begun = time.perf_counter()
            matcher = masker.matcher(dialect.grammar(tools, "auto"))
            cached.append(time.perf_counter() - begun)
        print(
            f"  {count:>4} tools {len(grammar.lark):>9} chars {built * 1e3:>10.2f} "
            f"{compiled * 1e3:>12.2f} {statistics.median(cached) * 1e3:>8.3f}"
        )


def grounded_times(dialect_name: str, engine: TransformersEngine) -> None:
    dialect = get_dialect(dialect_name)
    masker = TokenMasker.from_hf(engine.tokenizer, engine.vocab_size, sorted(engine.eos_ids))
    tools = synthetic_tools(10)
    # a call every grounded grammar below accepts: its tokens drive the mask timing
    call = dialect.format_calls([ToolCall("tool_1", {"city": "Paris", "days_1": 3})])
    print(f"\n{dialect_name}, grounded, 10 tools (ms)  build+render   llguidance   mask/token")
    for count in (10, 100, 1000, 3000):
        request = " ".join(f"word{i % 500}, city{i}" if i % 7 else "Paris" for i in range(count))
        begun = time.perf_counter()
        grammar = dialect.grammar(tools, "required", grounded_in=[request])
        _ = grammar.lark
        built = time.perf_counter() - begun
        begun = time.perf_counter()
        matcher = masker.matcher(grammar)
        masker.allowed([matcher])
        compiled = time.perf_counter() - begun
        masks = []
        for token in engine.tokenizer(call, add_special_tokens=False)["input_ids"]:
            begun = time.perf_counter()
            masker.allowed([matcher])
            masks.append(time.perf_counter() - begun)
            if not matcher.consume_token(token):
                break
        print(
            f"  {count:>5} words {len(grammar.lark):>9} chars {built * 1e3:>8.2f} "
            f"{compiled * 1e3:>12.2f} {statistics.median(masks) * 1e3:>12.3f}"
        )


def decode_ratio(engine: TransformersEngine, dialect_name: str, tokens: int, runs: int) -> None:
    dialect = get_dialect(dialect_name)
    tools = synthetic_tools(10)
    prompt = dialect.render(tools, "What is the weather in Paris for the next three days?")
    grammar = dialect.grammar(tools, "required")
    engine.masker.matcher(grammar)  # compile outside the timing

    def per_token(constrained: bool, seed: int) -> tuple[float, int]:
        request = GenerationRequest(
            prompt, dialect.stop, Sampling(tokens, 1.0, 1.0, seed), grammar if constrained else None
        )
        begun = time.perf_counter()
        generation = engine.generate([request])[0]
        return (
            time.perf_counter() - begun
        ) / generation.completion_tokens, generation.completion_tokens

    per_token(False, 0), per_token(True, 0)  # warm-up
    free, constrained, lengths = [], [], []
    for seed in range(runs):  # interleaved, so drift in machine load hits both alike
        free.append(per_token(False, seed)[0])
        cost, length = per_token(True, seed)
        constrained.append(cost)
        lengths.append(length)
    f, c = statistics.median(free), statistics.median(constrained)
    print(
        f"  unconstrained {f * 1e3:.2f} ms/token, constrained {c * 1e3:.2f} ms/token "
        f"(outputs of {min(lengths)}-{max(lengths)} tokens), ratio {c / f:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dialect", default="hermes")
    parser.add_argument("--tokens", type=int, default=48)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(2)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    with tempfile.TemporaryDirectory() as tiny_dir, tempfile.TemporaryDirectory() as big_dir:
        tiny = make_model(tiny_dir, ModelSize.tiny(), 1000)
        compile_times(args.dialect, tiny)
        grounded_times(args.dialect, tiny)
        print("\nper-token cost, tiny model:")
        decode_ratio(tiny, args.dialect, args.tokens, args.runs)
        big = make_model(big_dir, ModelSize.small_100m(), 32000)
        compile_times(args.dialect, big)
        print("\nper-token cost, ~100M model:")
        decode_ratio(big, args.dialect, args.tokens, args.runs)


if __name__ == "__main__":
    main()
