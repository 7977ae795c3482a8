"""Speed on a real model, side by side: fncall's two local engines and llama-cpp-python as its
users call it, on the same model and the same requests.

The model is the house model (the LoRA adapter on Gemma 3 270M, 262,144-token vocabulary):
the transformers engine runs the adapter merged into the dequantised base; fncall's llama.cpp
engine and llama-cpp-python run the same merged f16 GGUF file. The requests are everyday
queries against the demo tools (``fncall.demo``), greedy.

- **Peer**: ``Llama(chat_format="chatml-function-calling").create_chat_completion(tools=...,
  tool_choice="auto")``, what llama-cpp-python documents for function calling (its server
  runs the same code, one request at a time). A call counts as valid when it names an
  offered tool and its arguments pass fncall's validation.
- **Latency**: p50/p95 of one call, after one warm-up call (so the tool block is cached where
  an engine can cache it). **Calls/s**: 16 requests at once; fncall's transformers engine
  batches them (``call_many``), the llama.cpp engine and the peer run one at a time.
- **Per token**: seconds per decoding step, grammar-constrained against unconstrained, the
  prompt already cached, under a grammar that allows a long free string (so neither forced
  tokens nor the sparse output layer apply: the grammar's own cost).
- **First against repeated**: a fresh engine's first call with a tool set, against a second
  call with the same tools and another query (prefix reuse), whole and the prompt alone.
- **Forced tokens**: the share of the llama.cpp engine's decoding passes that tokens the
  grammar forced saved, over the queries (or ``--heldout`` prompts).
- **dtype**: float32 against bfloat16 for the transformers engine on this CPU.
- **Switches**: the sparse output layer (transformers) and forced tokens (llama.cpp) on
  and off: one call's p50, and whether any output changes.
- **Cold start**: a new process, from start to its first constrained call's answer.

    .venv/bin/python benchmarks/real_model.py [--threads 2] [--skip-cold]
        [--heldout build/house/data7/heldout.jsonl --heldout-limit 50]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from fncall import FunctionCaller
from fncall.calls.call import ToolCall
from fncall.calls.validate import validate_call
from fncall.demo import QUERIES, demo_tools, everyday
from fncall.dialects import get_dialect
from fncall.engines.base import Engine, Generation, GenerationRequest, Sampling
from fncall.errors import FncallError
from fncall.eval import load_eval_set
from fncall.grammar.ir import Grammar, GrammarBuilder, Rep, chars, seq
from fncall.house import house_model
from fncall.pipeline import render_prompt

DIALECT = "nexusraven-v2"
MORE = [
    "What's the temperature in Berlin right now?",
    "Convert 80 pounds to yen.",
    "Give me the coordinates of Nairobi.",
    "Turn the living room heating to 22 degrees.",
    "Send an email to sam@example.com about the meeting notes.",
    "Is it raining in Lima?",
    "How many Swiss francs is 1200 Swedish kronor?",
    "Where exactly is Reykjavik?",
    "Set the kitchen thermostat to 18.",
    "Mail ops@example.com with the subject Disk full",
    "How cold is it in Oslo, in celsius?",
    "What are 15 dollars in euros?",
    "Write me a haiku about autumn.",
]
QUERY_TEXTS = [q for q, _ in QUERIES] + MORE


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def fncall_row(engine: Engine, label: str, batched: bool) -> dict:
    """Latency, calls/s and valid-call rate of one fncall engine."""
    caller = FunctionCaller(engine, DIALECT, demo_tools(), max_tokens=96)
    caller.call(QUERY_TEXTS[0])  # warm-up: the tool block is cached from here on
    seconds, valid = [], 0
    for query in QUERY_TEXTS:
        spent, response = timed(lambda q=query: caller.call(q))
        seconds.append(spent)
        valid += response.ok
    burst = (QUERY_TEXTS * 2)[:16]
    if batched:
        spent, _ = timed(lambda: caller.call_many(burst))
    else:
        spent, _ = timed(lambda: [caller.call(q) for q in burst])
    return {
        "engine": label,
        "p50": statistics.median(seconds),
        "p95": percentile(seconds, 0.95),
        "calls_s": 16 / spent,
        "valid": valid / len(QUERY_TEXTS),
    }


def peer_row(gguf: str, threads: int) -> dict:
    """The same measures for llama-cpp-python's own function calling."""
    from llama_cpp import Llama

    tools = demo_tools()
    openai_tools = [tool.to_openai() for tool in tools.values()]
    llm = Llama(
        model_path=gguf, chat_format="chatml-function-calling", n_ctx=4096,
        n_threads=threads, verbose=False,
    )  # fmt: skip

    def ask(query: str) -> bool:
        reply = llm.create_chat_completion(
            messages=[{"role": "user", "content": query}], tools=openai_tools,
            tool_choice="auto", temperature=0.0, max_tokens=96,
        )  # fmt: skip
        message = reply["choices"][0]["message"]
        calls = message.get("tool_calls") or []
        try:
            for call in calls:
                function = call["function"]
                arguments = json.loads(function["arguments"])
                validate_call(ToolCall(function["name"], arguments), tools)
        except (FncallError, ValueError, TypeError):
            return False
        return bool(calls) or bool(message.get("content"))

    ask(QUERY_TEXTS[0])
    seconds, valid = [], 0
    for query in QUERY_TEXTS:
        spent, ok = timed(lambda q=query: ask(q))
        seconds.append(spent)
        valid += bool(ok)
    burst = (QUERY_TEXTS * 2)[:16]
    spent, _ = timed(lambda: [ask(q) for q in burst])
    llm.close()
    return {
        "engine": "llama-cpp-python (chatml-function-calling)",
        "p50": statistics.median(seconds),
        "p95": percentile(seconds, 0.95),
        "calls_s": 16 / spent,
        "valid": valid / len(QUERY_TEXTS),
    }


def per_token(engine: Engine, steps: int = 40) -> tuple[float, float]:
    """Seconds per decoding step, under a grammar and without one: the same prompt (already
    in the cache), ``steps`` tokens, less the time of a one-token generation (the prompt's
    last token and the first step). The prompt ends inside a call's string argument and the
    grammar is a long free string: it cannot end early, force a token or allow few enough
    tokens for the sparse output layer, so what is measured is the mask's own cost; the
    unconstrained run writes on until the budget or the model ends it."""
    prompt = render_prompt(DIALECT, demo_tools(), QUERY_TEXTS[5]) + "Call: send_email(to='"
    grammar = GrammarBuilder().build(seq(Rep(chars(" -~"), 4 * steps, 4 * steps)))
    figures = []
    for constrained in (grammar, None):

        def run(n: int, g: Grammar | None = constrained) -> Generation:
            return engine.generate([GenerationRequest(prompt, (), Sampling(n), g)])[0]

        run(1)  # the prompt is cached from here on
        one, _ = timed(lambda: run(1))
        spent, generation = timed(lambda: run(steps))
        figures.append((spent - one) / (generation.completion_tokens - 1))
    return figures[0], figures[1]


def prompt_seconds(load: Callable[[], Engine]) -> tuple[float, ...]:
    """A fresh engine's first call with the tools (token table built already), and a second
    call with the same tools and another query: the whole call, and its prompt alone (a
    one-token generation); last, the prompt alone again after a call with other tools."""
    engine = load()
    FunctionCaller(engine, DIALECT, [], max_tokens=8).call("Hello")  # token table, grammar
    prompts = [render_prompt(DIALECT, demo_tools(), q) for q in QUERY_TEXTS[:4]]
    others = render_prompt(DIALECT, [everyday.get_weather, everyday.send_email], "Hi")

    def prompt_only(text: str) -> float:
        return timed(lambda: engine.generate([GenerationRequest(text, (), Sampling(1))]))[0]

    first_prompt, repeated_prompt = prompt_only(prompts[0]), prompt_only(prompts[1])
    prompt_only(others)
    returned_prompt = prompt_only(prompts[2])
    engine.close()
    engine = load()
    FunctionCaller(engine, DIALECT, [], max_tokens=8).call("Hello")
    caller = FunctionCaller(engine, DIALECT, demo_tools(), max_tokens=96)
    first, _ = timed(lambda: caller.call(QUERY_TEXTS[2]))
    repeated, _ = timed(lambda: caller.call(QUERY_TEXTS[3]))
    engine.close()
    return first, repeated, first_prompt, repeated_prompt, returned_prompt


def dtypes(model: str, threads: int, heldout: str | None, limit: int) -> None:
    """float32 against bfloat16 in the transformers engine on this CPU: the prompt of one
    call (nothing reused), a decoding step, and whether the calls come out the same; with
    ``heldout``, also greedy completions of its prompts (unconstrained, batches of 8)."""
    from fncall.engines.transformers import TransformersEngine

    prompt = render_prompt(DIALECT, demo_tools(), QUERY_TEXTS[1])
    requests = []
    if heldout:
        with open(heldout, encoding="utf-8") as file:
            rows = [json.loads(line) for line in file][:limit]
        stop = get_dialect(DIALECT).stop
        requests = [GenerationRequest(row["prompt"], stop, Sampling(64)) for row in rows]
    raws, completions = {}, {}
    for dtype in ("float32", "bfloat16"):
        engine = TransformersEngine(model, device="cpu", dtype=dtype, threads=threads,
                                    prefix_cache_bytes=0)  # fmt: skip
        caller = FunctionCaller(engine, DIALECT, demo_tools(), max_tokens=96)
        raws[dtype] = [caller.call(q).raw for q in QUERY_TEXTS]

        def run(n: int, e: Engine = engine) -> Generation:
            return e.generate([GenerationRequest(prompt, (), Sampling(n))])[0]

        one, _ = timed(lambda: run(1))
        spent, generation = timed(lambda: run(30))
        step = (spent - one) / (generation.completion_tokens - 1)
        print(f"{dtype}: prompt ({generation.prompt_tokens} tokens) {one:.2f} s, "
              f"decoding step {step * 1000:.1f} ms")  # fmt: skip
        if requests:
            spent, batches = timed(
                lambda e=engine: [
                    e.generate(requests[i : i + 8]) for i in range(0, len(requests), 8)
                ]
            )
            completions[dtype] = [g.text for batch in batches for g in batch]
            print(f"{dtype}: {len(requests)} held-out prompts in {spent:.1f} s")
        engine.close()
    same = sum(a == b for a, b in zip(raws["float32"], raws["bfloat16"], strict=True))
    print(f"float32 and bfloat16 calls identical: {same}/{len(QUERY_TEXTS)}")
    if requests:
        same = sum(a == b for a, b in zip(*completions.values(), strict=True))
        print(f"float32 and bfloat16 held-out completions identical: {same}/{len(requests)}")


def switches(loads: dict[str, Callable[[bool], Engine]], entries: Sequence[Any]) -> None:
    """Each engine's optional speed-up on and off: one call's p50 over the queries, and how
    many outputs (the queries, then the held-out ``entries``) come out identical."""
    for label, load in loads.items():
        raws: dict[bool, list[str]] = {}
        p50 = {}
        for on in (True, False):
            engine = load(on)
            caller = FunctionCaller(engine, DIALECT, demo_tools(), max_tokens=96)
            caller.call(QUERY_TEXTS[0])
            timings = [timed(lambda q=query, c=caller: c.call(q)) for query in QUERY_TEXTS]
            p50[on] = statistics.median(seconds for seconds, _ in timings)
            raws[on] = [response.raw for _, response in timings]
            for entry in entries:
                asked = FunctionCaller(engine, DIALECT, entry.tools, max_tokens=96)
                raws[on].append(asked.call(entry.messages).raw)
            engine.close()
        same = sum(a == b for a, b in zip(raws[True], raws[False], strict=True))
        print(f"{label}: one call p50 {p50[True]:.2f} s on, {p50[False]:.2f} s off; "
              f"outputs identical {same}/{len(raws[True])}")  # fmt: skip


def cold_start(engine: str) -> float:
    code = (
        "import time; t = time.perf_counter(); from fncall import FunctionCaller;"
        "from fncall.demo import demo_tools;"
        f"FunctionCaller(None, tools=demo_tools(), engine={engine!r}, max_tokens=96)"
        ".call('What is the weather in Paris?');"
        "print(time.perf_counter() - t)"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    inside = float(out.stdout.strip().splitlines()[-1])
    return max(inside, time.perf_counter() - started)


def forced_share(engine: Any, asked: Sequence[tuple[Any, Any]]) -> tuple[float, int]:
    """The share of the llama.cpp engine's decoding steps (tokens after the first) that were
    forced, so took no pass of their own, over ``(tools, query)`` pairs."""
    passes, forced = engine.forward_passes, engine.forced_tokens
    for tools, query in asked:
        FunctionCaller(engine, DIALECT, tools, max_tokens=96).call(query)
    passes, forced = engine.forward_passes - passes, engine.forced_tokens - forced
    return forced / (passes + forced), passes + forced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--skip-cold", action="store_true", help="skip the cold-start runs")
    parser.add_argument(
        "--heldout", help="JSONL of held-out entries (query, tools) for forced tokens"
    )
    parser.add_argument("--heldout-limit", type=int, default=50)
    args = parser.parse_args()

    import torch

    from fncall.engines.llamacpp import LlamaCppEngine
    from fncall.engines.transformers import TransformersEngine
    from fncall.export.adapter_gguf import merged_gguf

    torch.set_num_threads(args.threads)
    model = str(house_model())
    gguf = str(merged_gguf(model))

    def transformers() -> Engine:
        return TransformersEngine(model, device="cpu", threads=args.threads)

    def llamacpp(fast_forward: bool = True) -> Engine:
        return LlamaCppEngine(model, n_threads=args.threads, fast_forward=fast_forward)

    rows = []
    engine = transformers()
    rows.append(fncall_row(engine, "fncall transformers", batched=True))
    constrained, free = per_token(engine)
    print(f"transformers per token: constrained {constrained * 1000:.1f} ms, "
          f"unconstrained {free * 1000:.1f} ms, ratio {constrained / free:.2f}")  # fmt: skip
    engine.close()
    engine = llamacpp()
    rows.append(fncall_row(engine, "fncall llama.cpp", batched=False))
    share, steps = forced_share(engine, [(demo_tools(), q) for q in QUERY_TEXTS])
    print(f"llama.cpp forced tokens: {share:.1%} of {steps} decoding steps took no pass")
    if args.heldout:
        entries = load_eval_set([args.heldout])[: args.heldout_limit]
        share, steps = forced_share(engine, [(e.tools, e.messages) for e in entries])
        print(f"held-out ({len(entries)}): {share:.1%} of {steps} decoding steps took no pass")
    engine.close()
    engine = llamacpp(fast_forward=False)  # the grammar's cost alone: nothing forced
    constrained, free = per_token(engine)
    print(f"llama.cpp per token: constrained {constrained * 1000:.1f} ms, "
          f"unconstrained {free * 1000:.1f} ms, ratio {constrained / free:.2f}")  # fmt: skip
    engine.close()
    rows.append(peer_row(gguf, args.threads))

    print("\n| engine | p50 s | p95 s | calls/s (16 at once) | valid calls |")
    print("|---|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['engine']} | {row['p50']:.2f} | {row['p95']:.2f} | "
              f"{row['calls_s']:.2f} | {row['valid']:.0%} |")  # fmt: skip
    best = max(rows[:2], key=lambda r: r["calls_s"])
    print(f"\nbest fncall engine / peer, calls/s: {best['calls_s'] / rows[2]['calls_s']:.2f}x")

    for label, load in (("transformers", transformers), ("llama.cpp", llamacpp)):
        first, repeated, first_prompt, repeated_prompt, returned = prompt_seconds(load)
        print(f"{label}: first call with the tools {first:.2f} s, repeated {repeated:.2f} s "
              f"({repeated / first:.0%}); the prompt alone {first_prompt:.2f} s, repeated "
              f"{repeated_prompt:.2f} s ({repeated_prompt / first_prompt:.0%}), after "
              f"other tools {returned:.2f} s ({returned / first_prompt:.0%})")  # fmt: skip
    dtypes(model, args.threads, args.heldout, 2 * args.heldout_limit)
    switches(
        {
            "transformers sparse_head": lambda on: TransformersEngine(
                model, device="cpu", threads=args.threads, sparse_head=on
            ),
            "llama.cpp fast_forward": lambda on: llamacpp(fast_forward=on),
        },
        load_eval_set([args.heldout])[: args.heldout_limit] if args.heldout else [],
    )
    if not args.skip_cold:
        for name in ("transformers", "llamacpp"):
            print(f"cold start, {name}: {cold_start(name):.1f} s to the first constrained call")


if __name__ == "__main__":
    main()
