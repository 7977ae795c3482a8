"""Options several commands share, as argparse parents, and the one place that turns them
into the settings a :class:`~fncall.FunctionCaller` (or an evaluation, or a server) takes."""

from __future__ import annotations

import argparse
from typing import Any

from fncall.engines import ENGINES

GROUNDED_HELP = (
    "copy free-form string arguments from the request: each must be a span of its words "
    "(needs the grammar)"
)
BEAMS_HELP = (
    "beam search width: above 1, answer with the likeliest whole output found (transformers "
    "engine; about that many times the compute)"
)
TOOLS_HELP = "a .py module, a .json or an OpenAPI file"
DIALECT_HELP = "dialect name (default: the model directory's fncall.json)"


def model_options(model_help: str) -> argparse.ArgumentParser:
    """``--model``, ``--dialect`` and ``--engine`` (its choices from the engine registry)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--model", help=f"{model_help} (default: the house model)")
    parent.add_argument("--dialect", help=DIALECT_HELP)
    parent.add_argument(
        "--engine",
        default="transformers",
        choices=list(ENGINES),
        help="generation engine (default: transformers, in-process)",
    )
    return parent


def decoding_options(*, sampling: bool = True) -> argparse.ArgumentParser:
    """How outputs are generated: the grammar, grounding, beams, retries and (with
    ``sampling``) the sampling settings a request may otherwise bring itself."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--no-constrain", action="store_true", help="generate without a grammar (still validated)"
    )
    parent.add_argument("--grounded", action="store_true", help=GROUNDED_HELP)
    parent.add_argument("--beams", type=int, default=1, help=BEAMS_HELP)
    if sampling:
        parent.add_argument(
            "--retries", type=int, default=0, help="re-ask with the error this many times"
        )
        parent.add_argument("--max-tokens", type=int, default=256)
        parent.add_argument("--temperature", type=float, default=0.0)
        parent.add_argument("--seed", type=int)
    return parent


def decoding_settings(args: argparse.Namespace, *, sampling: bool = True) -> dict[str, Any]:
    """The settings :func:`decoding_options` (with the same ``sampling``) gave, by the names
    ``FunctionCaller``, ``EvalConfig`` and ``ServerConfig`` share."""
    settings: dict[str, Any] = {
        "engine": args.engine,
        "constrain": not args.no_constrain,
        "grounded": args.grounded,
        "beams": args.beams,
    }
    if sampling:
        for name in ("retries", "max_tokens", "temperature", "seed"):
            settings[name] = getattr(args, name)
    return settings
