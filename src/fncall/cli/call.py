"""``fncall call``: ask a model once; print the validated calls (and their results)."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import ExitStack

from fncall.cli._options import (
    caller_settings,
    decoding_options,
    model_options,
    open_tools,
    tool_options,
)
from fncall.cli.chat import ask_on_terminal


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``call``."""
    call = commands.add_parser(
        "call",
        help="ask a model; print the validated calls (and results) as JSON",
        parents=[
            model_options("model directory, GGUF file or server URL"),
            decoding_options(),
            tool_options(),
        ],
    )
    call.add_argument(
        "--tool-choice",
        default="auto",
        help="auto, none, required, or the name of the tool to call (default: auto)",
    )
    call.add_argument("--no-parallel", action="store_true", help="allow one call at most")
    call.add_argument("--system", help="a system message, where the dialect has one")
    call.add_argument(
        "--execute",
        action="store_true",
        help="run the calls (tools from a .py file or --mcp servers); tools that need approval "
        "ask on the terminal",
    )
    call.add_argument("query", help="the user's query")
    call.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Answer the query; 1 when the output could not be used."""
    from fncall.caller import FunctionCaller

    with ExitStack() as stack:
        tools = open_tools(args, stack)
        caller = FunctionCaller.from_settings(
            caller_settings(args), tools, system=args.system, approve=ask_on_terminal
        )
        response = caller.call(
            args.query,
            tool_choice=args.tool_choice,
            parallel=not args.no_parallel,
            execute=args.execute,
        )
    print(json.dumps(response.to_dict(), indent=2, ensure_ascii=False))
    if response.error is not None:
        print(f"error: {type(response.error).__name__}: {response.error}", file=sys.stderr)
        return 1
    return 0
