"""The ``fncall`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from fncall import demo
from fncall.caller import FunctionCaller
from fncall.calls.call import ToolCall
from fncall.dialects import list_dialects
from fncall.errors import FncallError, MissingArgumentError
from fncall.pipeline import read_output, render_prompt
from fncall.tools import load_tools
from fncall.tools.spec import Tool


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fncall",
        description="Turn open-weight language models into reliable function callers.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    render = commands.add_parser("render", help="print the exact prompt a dialect's model expects")
    render.add_argument("--dialect", required=True, help="dialect name (see `fncall dialects`)")
    render.add_argument("--tools", required=True, help="a .py module, a .json or an OpenAPI file")
    render.add_argument("--system", help="a system message, where the dialect has one")
    render.add_argument("query", help="the user's query")

    parse = commands.add_parser(
        "parse", help="read a model output on stdin and print the validated calls as JSON"
    )
    parse.add_argument("--dialect", required=True, help="dialect name (see `fncall dialects`)")
    parse.add_argument("--tools", required=True, help="a .py module, a .json or an OpenAPI file")

    call = commands.add_parser(
        "call", help="ask a model; print the validated calls (and results) as JSON"
    )
    call.add_argument("--model", required=True, help="model directory, GGUF file or server URL")
    call.add_argument("--dialect", help="dialect name (default: the model directory's fncall.json)")
    call.add_argument("--tools", required=True, help="a .py module, a .json or an OpenAPI file")
    call.add_argument(
        "--engine",
        default="transformers",
        choices=["transformers", "llamacpp", "vllm", "openai"],
        help="generation engine (default: transformers, in-process)",
    )
    call.add_argument(
        "--tool-choice",
        default="auto",
        help="auto, none, required, or the name of the tool to call (default: auto)",
    )
    call.add_argument("--no-parallel", action="store_true", help="allow one call at most")
    call.add_argument(
        "--no-constrain", action="store_true", help="generate without a grammar (still validated)"
    )
    call.add_argument(
        "--retries", type=int, default=0, help="re-ask with the error this many times"
    )
    call.add_argument("--max-tokens", type=int, default=256)
    call.add_argument("--temperature", type=float, default=0.0)
    call.add_argument("--seed", type=int)
    call.add_argument("--system", help="a system message, where the dialect has one")
    call.add_argument(
        "--execute",
        action="store_true",
        help="run the calls (tools from a .py file); tools that need approval ask on the terminal",
    )
    call.add_argument("query", help="the user's query")

    commands.add_parser("dialects", help="list the dialects")
    commands.add_parser("demo", help="render, parse, validate and execute on example tools")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``fncall`` command. Returns the exit code (1 for any error)."""
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "render":
            tools = load_tools(args.tools)
            sys.stdout.write(render_prompt(args.dialect, tools, args.query, system=args.system))
            sys.stdout.write("\n")
        elif args.command == "parse":
            tools = load_tools(args.tools)
            print(read_output(args.dialect, tools, sys.stdin.read()).to_json())
        elif args.command == "call":
            return _call(args)
        elif args.command == "dialects":
            for dialect in list_dialects():
                print(f"{dialect.name:<20} {dialect.summary}")
        elif args.command == "demo":
            return demo.run()
    except FncallError as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if isinstance(exc, MissingArgumentError):
            print(f"ask the user: {exc.clarification}", file=sys.stderr)
        return 1
    return 0


def _ask_on_terminal(call: ToolCall, tool: Tool) -> bool:
    arguments = ", ".join(f"{k}={v!r}" for k, v in call.arguments.items())
    print(f"run {call.name}({arguments})? [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _call(args: argparse.Namespace) -> int:
    tools = load_tools(args.tools)
    caller = FunctionCaller(
        args.model,
        args.dialect,
        tools,
        engine=args.engine,
        constrain=not args.no_constrain,
        retries=args.retries,
        system=args.system,
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        seed=args.seed,
        approve=_ask_on_terminal,
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


if __name__ == "__main__":
    sys.exit(main())
