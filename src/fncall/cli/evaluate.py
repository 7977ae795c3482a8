"""``fncall eval``: score a model (or a file of its outputs) on evaluation sets, and
``fncall eval compare``: finished runs side by side."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fncall.cli._options import caller_settings, decoding_options, model_options


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``eval`` and its ``compare`` subcommand."""
    ev = commands.add_parser(
        "eval",
        help="score a model on BFCL, NexusRaven or fncall sets (`fncall eval compare DIR...` "
        "puts runs side by side)",
        description="Score a model (or a file of its outputs) on evaluation sets. Results are "
        "appended per entry to OUT/results.jsonl, so an interrupted run resumes; "
        "OUT/summary.json and OUT/report.html are written at the end. "
        "`fncall eval compare DIR [DIR ...]` prints finished runs side by side.",
        parents=[
            model_options("model or adapter directory, GGUF file or server URL"),
            decoding_options(),
        ],
    )
    ev.add_argument(
        "--data",
        action="append",
        help="question file or folder (BFCL, NexusRaven or fncall JSONL); repeatable (required)",
    )
    ev.add_argument(
        "--answers",
        action="append",
        default=[],
        help="BFCL possible_answer file or folder (default: possible_answer/ next to the data)",
    )
    ev.add_argument("--tools", help="functions of NexusRaven-style sets (.py module or JSON)")
    ev.add_argument(
        "--predictions", help="score these outputs instead ({'id', 'result'} JSON lines)"
    )
    ev.add_argument("--limit", type=int, help="score at most N entries of each category")
    ev.add_argument("--batch-size", type=int, default=1, help="entries generated together")
    ev.add_argument("--out", help="folder for results and the report (required)")
    ev.add_argument("--quiet", action="store_true", help="no progress bar")
    ev.set_defaults(func=run, eval_parser=ev)
    actions = ev.add_subparsers(dest="eval_command", metavar="[compare]")
    compare = actions.add_parser(
        "compare",
        help="print finished evaluation runs side by side",
        description="Print finished evaluation runs side by side.",
    )
    compare.add_argument("runs", nargs="+", metavar="DIR", help="output folders of fncall eval")
    compare.set_defaults(func=_compare)


def run(args: argparse.Namespace) -> int:
    """Run (or resume) the evaluation and print its table; 130 when interrupted."""
    from fncall import eval as evaluation
    from fncall.eval.evaluate import evaluate

    missing = [f"--{name}" for name in ("data", "out") if not getattr(args, name)]
    if missing:
        args.eval_parser.error(f"the following arguments are required: {', '.join(missing)}")
    started = time.perf_counter()
    config = evaluation.EvalConfig(caller_settings(args), predictions=args.predictions)
    try:
        summary = evaluate(
            config, args.data, args.out, answers=args.answers, tools=args.tools,
            limit=args.limit, batch_size=args.batch_size, progress=not args.quiet,
        )  # fmt: skip
    except KeyboardInterrupt:
        return 130  # evaluate() has said how many results are saved
    print(evaluation.format_table(summary))
    print(f"\nreport: {Path(args.out) / 'report.html'} ({time.perf_counter() - started:.1f} s)")
    return 0


def _compare(args: argparse.Namespace) -> int:
    from fncall import eval as evaluation

    print(evaluation.compare(args.runs))
    return 0
