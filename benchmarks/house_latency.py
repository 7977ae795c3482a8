"""Latency of one call, and calls per second batched, for the bundled house model on CPU.

Queries are the everyday demo queries (``fncall.demo.QUERIES``) against the demo tools,
grammar-constrained and greedy (or by beam search, with ``--beams``), as ``fncall call`` runs
them. One query at a time gives the latency a user waits (p50, p95 over ``--repeats`` rounds
of all queries); then all queries, repeated to ``--batch`` requests, go through
``FunctionCaller.call_many`` at once.

    .venv/bin/python benchmarks/house_latency.py [--model DIR] [--repeats 5] [--batch 16]
        [--threads 2] [--beams 1] [--engine transformers|llamacpp] [--lora]

The llama.cpp engine decodes one request at a time, so its "batched" figure is sequential.
"""

from __future__ import annotations

import argparse
import statistics
import time

import torch

from fncall import FunctionCaller
from fncall.demo import QUERIES, demo_tools


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="model directory (default: the house model)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beams", type=int, default=1, help="beam search width")
    parser.add_argument("--engine", default="transformers", choices=["transformers", "llamacpp"])
    parser.add_argument(
        "--lora", action="store_true", help="llamacpp: the adapter as a LoRA file, not merged"
    )
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    options = {}
    if args.engine == "llamacpp":
        options = {"n_threads": args.threads, "merge": not args.lora}
    caller = FunctionCaller(
        args.model, tools=demo_tools(), max_tokens=96, beams=args.beams, engine=args.engine,
        engine_options=options,
    )  # fmt: skip
    queries = [query for query, _ in QUERIES]
    caller.call(queries[0])  # warm-up: grammar compilation and first-call allocations

    single, tokens = [], 0
    for _ in range(args.repeats):
        for query in queries:
            began = time.perf_counter()
            response = caller.call(query)
            single.append(time.perf_counter() - began)
            tokens += response.completion_tokens
    cuts = statistics.quantiles(single, n=20)
    print(
        f"one call at a time: {len(single)} calls, p50 {statistics.median(single) * 1000:.0f} ms,"
        f" p95 {cuts[18] * 1000:.0f} ms, {tokens / sum(single):.0f} generated tokens/s"
    )

    batch = (queries * (args.batch // len(queries) + 1))[: args.batch]
    began = time.perf_counter()
    responses = caller.call_many(batch)
    spent = time.perf_counter() - began
    usable = sum(r.ok for r in responses)
    print(
        f"batched: {len(batch)} calls in {spent:.2f} s = {len(batch) / spent:.1f} calls/s "
        f"({usable} usable answers)"
    )


if __name__ == "__main__":
    main()
