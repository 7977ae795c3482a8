"""The ``fncall`` command line.

One module a command (or a few small ones): each has ``add_parser(commands)``, which adds
its subcommand and sets ``func``, the function that runs it. Heavy packages (torch, the
trainer, the server) are imported inside those functions, so ``fncall --help`` and
``fncall dialects`` answer at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from fncall.cli import call, chat, data, evaluate, export, prompts, retriever, serve, train
from fncall.cli._options import VERBOSE_HELP
from fncall.errors import FncallError, MissingArgumentError
from fncall.extras import missing_extra

COMMANDS = (prompts, call, chat, evaluate, data, train, retriever, serve, export)

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The whole ``fncall`` parser."""
    parser = argparse.ArgumentParser(
        prog="fncall",
        description="Turn open-weight language models into reliable function callers.",
    )
    parser.add_argument("--verbose", action="store_true", help=VERBOSE_HELP)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``fncall`` command. Returns the exit code (1 for any error)."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else list(argv))
    if not args.verbose:
        _quiet_libraries()
    try:
        try:
            return args.func(args)
        except ModuleNotFoundError as exc:
            error = missing_extra(exc)
            if error is None:
                raise
            raise error from exc
    except FncallError as exc:
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        if isinstance(exc, MissingArgumentError):
            print(f"ask the user: {exc.clarification}", file=sys.stderr)
        return 1


_LIBRARIES = r"(transformers|peft|torch|huggingface_hub|llama_cpp|accelerate)(\.|$)"


def _quiet_libraries() -> None:
    """Keep the libraries' deprecation warnings and weight-loading bars off a command's
    output (``--verbose`` shows them): they speak of fncall's dependencies, not of the
    user's request, and land in the middle of ``fncall eval``'s progress bar."""
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # read when transformers loads
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    for category in (FutureWarning, DeprecationWarning):
        warnings.filterwarnings("ignore", category=category, module=_LIBRARIES)
