"""``fncall train-retriever``: fine-tune the dense retriever on synthetic training data."""

from __future__ import annotations

import argparse
from pathlib import Path

# the settings a run may change; left out, RetrieverConfig's defaults apply
SETTINGS = {
    "examples": (int, "records with calls to train on (12000)"),
    "batch": (int, "queries a step (32)"),
    "hard": (int, "hard negatives a query: offered tools not called (2)"),
    "lr": (float, "learning rate (3e-4)"),
    "rank": (int, "LoRA rank (16)"),
    "seed": (int, "shuffling and dropout (0)"),
}


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``train-retriever``."""
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
    for name, (kind, help_text) in SETTINGS.items():
        parser.add_argument(f"--{name}", type=kind, help=help_text)
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Fine-tune and print what was done."""
    from fncall.train.retriever import RetrieverConfig, train_retriever

    given = {name: getattr(args, name) for name in SETTINGS if getattr(args, name) is not None}
    manifest = train_retriever(RetrieverConfig(args.data, args.out, **given), not args.quiet)
    print(
        f"{manifest['pairs']} pairs, {manifest['steps']} steps in {manifest['seconds']} s; "
        f"loss {manifest['loss_first']:.3f} -> {manifest['loss_last']:.3f}; wrote {args.out}"
    )
    return 0
