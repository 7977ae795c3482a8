"""``fncall data synth``: refined synthetic function-calling data from the catalog."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``data`` and its ``synth`` action."""
    data = commands.add_parser("data", help="make training data (`fncall data synth`)")
    actions = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")
    synth = actions.add_parser(
        "synth",
        help="generate refined synthetic function-calling data",
        description="Compose a tool universe from the built-in catalog, write queries and "
        "answers, refine them in counted stages and write OUT/train.jsonl, OUT/heldout.jsonl "
        "(tools never seen in training) and OUT/manifest.json. Deterministic in --seed.",
    )
    synth.add_argument("--out", required=True, help="output folder")
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument("--train", type=int, default=50_000, help="training examples to keep")
    synth.add_argument("--heldout", type=int, default=600, help="held-out examples to keep")
    synth.add_argument("--tools-per-intent", type=int, default=8)
    synth.add_argument(
        "--rename-rate",
        type=float,
        default=0.5,
        help="share of training examples whose tools get fresh names (so names are read "
        "from the prompt, not recalled)",
    )
    synth.add_argument(
        "--exclude",
        action="append",
        default=[],
        help="evaluation file or folder whose queries no example may overlap; repeatable",
    )
    synth.add_argument(
        "--group-size",
        type=int,
        default=1,
        help="make training examples in groups of up to this many consecutive ones that "
        "offer the same tools in the same order (one prompt up to the query) with different "
        "requests: this tool, another, two calls, none fits; each record gets a 'group' "
        "number for the trainer to pack a group into one sequence. 1 (the default) makes "
        "each example on its own; the held-out split is the same either way",
    )
    synth.add_argument(
        "--chat-share",
        type=float,
        default=0.0,
        help="share of training groups written as chat turns in --chat-dialect (system "
        "prompts, follow-ups, tool results and answers that state them) instead of "
        "nexusraven-v2; above 0 the held-out examples also go to heldout-chat.jsonl",
    )
    synth.add_argument(
        "--chat-dialect", default="hermes", help="the multi-turn dialect of chat turns"
    )
    synth.add_argument(
        "--procedural-intents",
        type=int,
        default=0,
        help="add about this many generated training-only intents (an action on a thing, "
        "with the catalog's slots: 'archive the ski pass SKP-20931 in Oslo') so a model "
        "practises reading tools it cannot have memorised; the held-out split is the same",
    )
    synth.add_argument(
        "--demos",
        type=int,
        default=2_000,
        metavar="N",
        help="also write OUT/demos.jsonl, N demonstrations of the training intents for "
        "--demos (queries kept apart from the held-out ones); 0 for none (default 2000)",
    )
    synth.add_argument("--quiet", action="store_true", help="no progress bars")
    synth.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Generate the data and print what was kept."""
    from fncall.train.synth.dataset import SynthConfig, synthesize

    config = SynthConfig(
        out=Path(args.out),
        seed=args.seed,
        train_examples=args.train,
        heldout_examples=args.heldout,
        tools_per_intent=args.tools_per_intent,
        rename_rate=args.rename_rate,
        exclude=[Path(p) for p in args.exclude],
        group_size=args.group_size,
        procedural_intents=args.procedural_intents,
        chat_share=args.chat_share,
        chat_dialect=args.chat_dialect,
        demos=args.demos,
    )
    manifest = synthesize(config, progress=not args.quiet)
    universe = manifest["universe"]
    print(
        f"{universe['distinct_tools']} tools over {universe['domains']} domains "
        f"({universe['heldout_tools']} held out); wrote {args.out}/train.jsonl, "
        f"heldout.jsonl{', demos.jsonl' if args.demos else ''}, manifest.json"
    )
    for split, facts in manifest["splits"].items():
        stages = ", ".join(f"{s} -{v['dropped']}" for s, v in facts["stages"].items())
        print(f"{split}: {facts['examples']} examples kept ({stages})")
    return 0
