"""Options several commands share, as argparse parents, and the one place that turns them
into the :class:`~fncall.settings.CallerSettings` a caller, an evaluation and a server take."""

from __future__ import annotations

import argparse
from contextlib import ExitStack

from fncall.engines import ENGINES
from fncall.errors import ConfigurationError
from fncall.settings import RETRIEVAL_METHODS, CallerSettings
from fncall.tools.spec import Tool

GROUNDED_HELP = (
    "copy free-form string arguments from the request: each must be a span of its words "
    "(needs the grammar)"
)
BEAMS_HELP = (
    "beam search width: above 1, answer with the likeliest whole output found (transformers "
    "engine; about that many times the compute)"
)
TOOLS_HELP = "a .py module, a .json or an OpenAPI file"
MCP_HELP = (
    "an MCP server whose tools are offered too: a command that starts it (stdio) or its "
    "http(s):// URL (repeatable)"
)
DIALECT_HELP = "dialect name (default: the model directory's fncall.json)"
CONVERSATION_HELP = (
    "dialect for conversations with tool results when --dialect is single-turn (default: "
    "the model's fncall.json; the house model: hermes)"
)
VERBOSE_HELP = "show the libraries' own warnings and progress bars (loading weights)"


def model_options(model_help: str) -> argparse.ArgumentParser:
    """``--model``, ``--dialect`` and ``--engine`` (its choices from the engine registry)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--model", help=f"{model_help} (default: the house model)")
    parent.add_argument("--dialect", help=DIALECT_HELP)
    parent.add_argument("--conversation-dialect", help=CONVERSATION_HELP)
    # also after the command; SUPPRESS keeps an absent flag from undoing `fncall --verbose`
    parent.add_argument(
        "--verbose", action="store_true", default=argparse.SUPPRESS, help=VERBOSE_HELP
    )
    parent.add_argument(
        "--engine",
        default="transformers",
        choices=list(ENGINES),
        help="generation engine (default: transformers, in-process)",
    )
    return parent


def tool_options(what: str = TOOLS_HELP) -> argparse.ArgumentParser:
    """``--tools FILE`` and ``--mcp COMMAND_OR_URL`` (repeatable)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--tools", help=what)
    parent.add_argument(
        "--mcp", action="append", default=[], metavar="COMMAND_OR_URL", help=MCP_HELP
    )
    return parent


def open_tools(args: argparse.Namespace, stack: ExitStack) -> list[Tool]:
    """The tools of ``--tools`` and of each ``--mcp`` server (connected until ``stack``
    closes).

    Raises:
        ConfigurationError: neither was given, or a server could not be used.
    """
    if not args.tools and not args.mcp:
        raise ConfigurationError("give the tools: --tools FILE and/or --mcp COMMAND_OR_URL")
    from fncall.tools import load_tools

    tools = list(load_tools(args.tools).values()) if args.tools else []
    if args.mcp:
        from fncall.tools.mcp_servers import McpServer

        for target in args.mcp:
            tools.extend(stack.enter_context(McpServer(target)).tools)
    return tools


def decoding_options() -> argparse.ArgumentParser:
    """How outputs are generated: the grammar, grounding, beams, retries and the default
    sampling."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--no-constrain", action="store_true", help="generate without a grammar (still validated)"
    )
    parent.add_argument("--grounded", action="store_true", help=GROUNDED_HELP)
    parent.add_argument("--beams", type=int, default=1, help=BEAMS_HELP)
    parent.add_argument(
        "--retries", type=int, default=0, help="re-ask with the error this many times"
    )
    parent.add_argument("--max-tokens", type=int, default=256, help="new tokens at most")
    parent.add_argument(
        "--temperature", type=float, default=0.0, help="0 (default) for greedy decoding"
    )
    parent.add_argument("--seed", type=int, help="seed for sampled decoding")
    parent.add_argument(
        "--retrieve",
        type=int,
        metavar="K",
        help="offer each request only the K tools that best fit it (large tool libraries)",
    )
    parent.add_argument(
        "--retrieval",
        default="fused",
        choices=RETRIEVAL_METHODS,
        help="how --retrieve ranks the tools (default: fused, BM25 and embeddings)",
    )
    parent.add_argument(
        "--demos",
        metavar="FILE",
        help="a demonstration store (JSONL of query, call, tools): the most similar go "
        "into each prompt",
    )
    parent.add_argument(
        "--demos-k", type=int, default=3, metavar="N", help="demonstrations a prompt (3)"
    )
    return parent


def caller_settings(args: argparse.Namespace) -> CallerSettings:
    """The settings :func:`model_options` and :func:`decoding_options` gave, as one value
    (a caller, an evaluation and a server take the same).

    Raises:
        ConfigurationError: a setting out of range.
    """
    return CallerSettings(
        model=args.model,
        dialect=args.dialect,
        conversation_dialect=args.conversation_dialect,
        engine=args.engine,
        constrain=not args.no_constrain,
        grounded=args.grounded,
        retries=args.retries,
        beams=args.beams,
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        seed=args.seed,
        retrieve=args.retrieve,
        retrieval=args.retrieval,
        demos=args.demos,
        demos_k=args.demos_k,
    )
