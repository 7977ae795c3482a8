"""BFCL's five non-live Python categories through ``fncall eval``, timed.

Until the house model exists this runs a random-weight tiny model, which shows what the
harness measures and what grammar-constrained decoding guarantees on its own: every
completed call is valid, and nothing more. The scores are those of noise.

    .venv/bin/python benchmarks/eval_bfcl.py [--out DIR] [--limit N] [--batch-size N]

Writes DIR/summary.json, DIR/report.html and DIR/results.jsonl (default
``benchmarks/eval/random-tiny``), and prints the summary table and the wall time.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from fncall.cli import main as fncall
from fncall.demo import everyday
from fncall.dialects import get_dialect
from fncall.tools import toolset
from fncall.tools.callables import tools_from_module
from fncall.train.model import random_model

BFCL = Path(__file__).resolve().parents[2] / "shared" / "bfcl"
DIALECT = "bfcl-python"


def build_random_model(directory: str) -> Path:
    """The tiny random model the tests use, on a tokenizer that knows the dialect."""
    tools = toolset(tools_from_module(everyday))
    corpus = [get_dialect(DIALECT).render(tools, "What is the weather in Paris?")] * 4
    corpus.append("".join(chr(c) for c in range(32, 127)) * 2)
    markers = ("<|im_start|>", "<|im_end|>")
    return random_model(directory, corpus, 1000, markers, metadata={"dialect": DIALECT})


def run() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).parent / "eval" / "random-tiny"))
    parser.add_argument("--limit", help="entries per category (default: all)")
    parser.add_argument("--batch-size", default="8")
    args = parser.parse_args()
    # a fixed path, so an interrupted run resumes with the same configuration
    model = Path(tempfile.gettempdir()) / "fncall-random-tiny"
    if not (model / "fncall.json").exists():
        build_random_model(str(model))
    command = ["eval", "--data", str(BFCL), "--model", str(model), "--out", args.out]
    # greedy decoding of random weights repeats one token; sampling shows what the grammar does
    command += ["--batch-size", args.batch_size, "--temperature", "1", "--seed", "0"]
    if args.limit:
        command += ["--limit", args.limit]
    started = time.perf_counter()
    code = fncall(command)
    print(f"wall time: {time.perf_counter() - started:.1f} s (exit {code})")


if __name__ == "__main__":
    run()
