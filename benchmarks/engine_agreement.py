"""Greedy agreement of the transformers and llama.cpp engines on one adapter.

Each held-out entry's prompt (its ``prompt`` field, the dialect's exact text) is completed
greedily, without a grammar, by both engines: the transformers engine runs the base
dequantised with the adapter merged; llama.cpp runs the base GGUF as it is (Q4_K_M) with the
adapter as a GGUF LoRA file. Prints how many completions are identical.

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
    first = load_engine("transformers", model, device="cpu", threads=args.threads)
    second = load_engine("llamacpp", model, n_threads=args.threads)
    same = 0
    for row in rows:
        request = GenerationRequest(row["prompt"], stop, Sampling(max_tokens=args.max_tokens))
        a, b = (engine.generate([request])[0].text for engine in (first, second))
        same += a == b
    print(f"identical greedy completions: {same}/{len(rows)} ({same / len(rows):.1%})")


if __name__ == "__main__":
    main()
