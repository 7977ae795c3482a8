"""``fncall train-retriever``: fine-tune the dense retriever on synthetic training data."""

from __future__ import annotations

import argparse
from pathlib import Path

from fncall.train.retriever import RetrieverConfig


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``train-retriever``."""
    defaults = RetrieverConfig(Path(), Path())
    parser = commands.add_parser(
        "train-retriever",
        help="fine-tune the dense tool retriever (a LoRA adapter on all-MiniLM-L6-v2)",
        description="Teach all-MiniLM-L6-v2 to match requests to the tools that answer them, "
        "from the train.jsonl of `fncall data synth` (each query against the tool it calls "
        "and the offered tools it does not), as a LoRA adapter written to OUT. Copy OUT into "
        "fncall/retrieval/adapter/ to make it the retriever fncall uses.",
    )
    parser.add_argument("--data", required=True, type=Path, help="train.jsonl of fncall data synth")
    parser.add_argument("--out", required=True, type=Path, help="adapter folder")
    parser.add_argument("--examples", type=int, default=defaults.examples)
    parser.add_argument("--batch", type=int, default=defaults.batch)
    parser.add_argument("--hard", type=int, default=defaults.hard, help="hard negatives a query")
    parser.add_argument("--lr", type=float, default=defaults.lr)
    parser.add_argument("--rank", type=int, default=defaults.rank, help="LoRA rank")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Fine-tune and print what was done."""
    from fncall.train.retriever import train_retriever

    config = RetrieverConfig(
        data=args.data,
        out=args.out,
        examples=args.examples,
        batch=args.batch,
        hard=args.hard,
        lr=args.lr,
        rank=args.rank,
        seed=args.seed,
    )
    manifest = train_retriever(config, progress=not args.quiet)
    print(
        f"{manifest['pairs']} pairs, {manifest['steps']} steps in {manifest['seconds']} s; "
        f"loss {manifest['loss_first']:.3f} -> {manifest['loss_last']:.3f}; wrote {args.out}"
    )
    return 0
