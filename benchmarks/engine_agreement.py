"""Greedy agreement of the transformers and llama.cpp engines on one adapter.

Each held-out entry's prompt (its ``prompt`` field, the dialect's exact text) is completed
greedily, without a grammar, by both engines: the transformers engine runs the base
dequantised with the adapter merged (float32); llama.cpp runs it in both of its ways, the
adapter merged into the base as one f16 GGUF file (its default) and the base GGUF as it is
(Q4_K_M) with the adapter as a GGUF LoRA file (``merge=False``). Prints how many completions
of each are identical to the transformers engine's.

    .venv/bin/python benchmarks/engine_agreement.py --data build/house/data7/heldout.jsonl
        [--model DIR] [--limit 200] [--max-tokens 96] [--dialect nexusraven-v2]
"""

from __future__ import annotations

import argparse
import json

from fncall.dialects import get_dialect
from fncall.engines import load_engine
from fncall.engines.base import GenerationRequest, Sampling


def main() -> None:
    from fncall.house import house_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="JSONL with 'prompt' fields")
    parser.add_argument("--model", help="adapter directory (default: the house model)")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--max-tokens", type=int, default=96)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dialect", default="nexusraven-v2", help="the prompts' dialect")
    args = parser.parse_args()
    model = args.model or str(house_model())
    with open(args.data, encoding="utf-8") as file:
        rows = [json.loads(line) for line in file][: args.limit]
    stop = get_dialect(args.dialect).stop
    requests = [
        GenerationRequest(row["prompt"], stop, Sampling(max_tokens=args.max_tokens)) for row in rows
    ]
    reference = load_engine("transformers", model, device="cpu", threads=args.threads)
    expected = [reference.generate([request])[0].text for request in requests]
    reference.close()
    for label, merge in (("merged (default)", True), ("LoRA file (merge=False)", False)):
        engine = load_engine("llamacpp", model, n_threads=args.threads, merge=merge)
        same = sum(
            engine.generate([request])[0].text == text
            for request, text in zip(requests, expected, strict=True)
        )
        engine.close()
        print(
            f"llama.cpp {label}: identical greedy completions {same}/{len(rows)} "
            f"({same / len(rows):.1%})"
        )


if __name__ == "__main__":
    main()
