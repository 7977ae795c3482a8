"""``fncall render``, ``fncall parse``, ``fncall dialects`` and ``fncall demo``: prompts and
outputs without a model, and the house model's demonstration."""

from __future__ import annotations

import argparse
import sys

from fncall.cli._options import TOOLS_HELP


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``render``, ``parse``, ``dialects`` and ``demo``."""
    render = commands.add_parser("render", help="print the exact prompt a dialect's model expects")
    render.add_argument("--dialect", required=True, help="dialect name (see `fncall dialects`)")
    render.add_argument("--tools", required=True, help=TOOLS_HELP)
    render.add_argument("--system", help="a system message, where the dialect has one")
    render.add_argument("query", help="the user's query")
    render.set_defaults(func=_render)

    parse = commands.add_parser(
        "parse", help="read a model output on stdin and print the validated calls as JSON"
    )
    parse.add_argument("--dialect", required=True, help="dialect name (see `fncall dialects`)")
    parse.add_argument("--tools", required=True, help=TOOLS_HELP)
    parse.set_defaults(func=_parse)

    commands.add_parser("dialects", help="list the dialects").set_defaults(func=_dialects)

    demo = commands.add_parser(
        "demo", help="the house model calls everyday tools: calls validated, executed, scored"
    )
    demo.add_argument("--model", help="another model directory (default: the house model)")
    demo.set_defaults(func=_demo)


def _render(args: argparse.Namespace) -> int:
    from fncall.pipeline import render_prompt
    from fncall.tools import load_tools

    tools = load_tools(args.tools)
    sys.stdout.write(render_prompt(args.dialect, tools, args.query, system=args.system))
    sys.stdout.write("\n")
    return 0


def _parse(args: argparse.Namespace) -> int:
    from fncall.pipeline import read_output
    from fncall.tools import load_tools

    tools = load_tools(args.tools)
    print(read_output(args.dialect, tools, sys.stdin.read()).to_json())
    return 0


def _dialects(args: argparse.Namespace) -> int:
    from fncall.dialects import list_dialects

    print(f"{'DIALECT':<20} {'TURNS':<7} {'SYSTEM':<7} FORMAT")
    for dialect in list_dialects():
        turns = "native" if dialect.multi_turn else "folded"
        system = "native" if dialect.supports_system else "folded"
        print(f"{dialect.name:<20} {turns:<7} {system:<7} {dialect.summary}")
    print(
        "\nfolded turns: earlier turns (calls, tool results, replies) become a transcript in "
        "the single query;\nfolded system: a system message goes in front of the first user "
        "turn. A model may name\nanother dialect for conversations (fncall.json "
        "conversation_dialect; the house model: hermes)."
    )
    return 0


def _demo(args: argparse.Namespace) -> int:
    from fncall import demo

    return demo.run(model=args.model)
