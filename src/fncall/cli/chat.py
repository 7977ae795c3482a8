"""``fncall chat``: a conversation in the terminal. The model calls tools, fncall runs them
(asking first for those that need approval), and the model answers from the results."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from typing import TextIO

from fncall.calls.call import ToolCall
from fncall.cli._options import (
    TOOLS_HELP,
    caller_settings,
    decoding_options,
    model_options,
    open_tools,
    tool_options,
)
from fncall.tools.spec import Tool


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Add ``chat``."""
    chat = commands.add_parser(
        "chat",
        help="talk with a model that calls your tools and answers from their results",
        description="A conversation in the terminal: each turn, the model calls tools (run "
        "after validation; tools that need approval ask first), reads their results and "
        "answers. Turns are read from standard input until an empty line or end of input; "
        "give MESSAGE to answer one and exit.",
        parents=[
            model_options("model directory, GGUF file or server URL"),
            decoding_options(),
            tool_options(f"{TOOLS_HELP} (its Python functions run as the tools)"),
        ],
    )
    chat.add_argument("--system", help="a system message")
    chat.add_argument(
        "--max-steps", type=int, default=6, help="generations per turn at most (default 6)"
    )
    chat.add_argument(
        "--yes", action="store_true", help="run tools that need approval without asking"
    )
    chat.add_argument("message", nargs="?", help="one message to answer, then exit")
    chat.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Hold the conversation; 1 when any turn ended without an answer."""
    from fncall.agent import Agent, AgentRun
    from fncall.caller import FunctionCaller

    with ExitStack() as stack:
        tools = open_tools(args, stack)
        caller = FunctionCaller.from_settings(
            caller_settings(args), tools, approve=_approve_all if args.yes else ask_on_terminal
        )
        agent = Agent(caller, max_steps=args.max_steps)
        system = [{"role": "system", "content": args.system}] if args.system else []
        conversation = AgentRun(system)
        turns = [args.message] if args.message is not None else _read_turns(sys.stdin, sys.stderr)
        ok = True
        for text in turns:
            conversation.messages.append({"role": "user", "content": text})
            for event in agent.steps(conversation):
                _show(event)
            ok = ok and conversation.answer is not None
    return 0 if ok else 1


def _read_turns(source: TextIO, prompt_to: TextIO) -> Iterator[str]:
    while True:
        print("you> ", end="", file=prompt_to, flush=True)
        line = source.readline()
        if not line.strip():
            return
        yield line.strip()


def _show(event: object) -> None:
    from fncall.agent import Answered, CallsMade, Stopped, ToolResult

    if isinstance(event, CallsMade):
        for call in event.calls:
            print(f"  -> {_written(call)}", flush=True)
    elif isinstance(event, ToolResult):
        mark = " (rejected)" if event.approval == "rejected" else ""
        print(f"  <- {event.result.call.name}{mark}: {event.content}", flush=True)
    elif isinstance(event, Answered):
        print(f"model> {event.text}", flush=True)
    elif isinstance(event, Stopped):
        print(f"stopped: {event.message}", file=sys.stderr, flush=True)


def _written(call: ToolCall) -> str:
    arguments = ", ".join(f"{k}={v!r}" for k, v in call.arguments.items())
    return f"{call.name}({arguments})"


def ask_on_terminal(call: ToolCall, tool: Tool) -> bool:
    """Ask on the terminal whether to run ``call`` (an approval callback)."""
    print(f"run {_written(call)}? [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _approve_all(call: ToolCall, tool: Tool) -> bool:
    return True
