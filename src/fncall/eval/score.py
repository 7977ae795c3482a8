"""Decoding a model's output as written, then scoring it against an entry.

Scoring must see the calls exactly as the model wrote them. Validated calls have
defaults filled in, and BFCL fails an argument that its ground truth does not list. So
the output is decoded again with the dialect's parser, without validation.

A call to a function that was not offered is still decoded. The name is kept, so BFCL
reports it as ``wrong_func_name`` and an irrelevance entry counts it as a call, as BFCL
would. It also feeds the hallucinated-function rate.

Error types for outcomes that BFCL's checker never sees:

- ``ast_decoder:decoder_failed``: the output attempted a call that does not parse, or
  generation was cut at ``max_tokens``. fncall never returns a truncated output as a
  call.
- ``ast_decoder:decoder_wrong_output_format``: the output is a plain-text answer.
- ``irrelevance_error:decoder_success`` and ``relevance_error:decoder_failed``: BFCL's own
  error types.
- ``exec:decoder_failed`` and ``exec:no_call``: the same outcomes for execution match.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from fncall.calls.call import ToolCall
from fncall.calls.validate import validate_calls
from fncall.dialects.base import Dialect
from fncall.errors import FncallError, OutputParseError, UnknownFunctionError
from fncall.eval.bfcl import PASS, Check, ast_check, fail
from fncall.eval.data import EvalEntry
from fncall.eval.execmatch import execution_match
from fncall.tools.spec import ToolSet


@dataclass(frozen=True)
class Decoded:
    """A model output read as written.

    Attributes:
        calls: The calls, unvalidated; empty for a plain-text answer; ``None`` when the
            output attempted a call that could not be read, or was cut at ``max_tokens``.
        text: The plain-text part.
        error: Why the output could not be read, when ``calls`` is ``None``.
        hallucinated: Names called that were not offered.
        attempted_call: Whether the output made, or began, a call (a plain answer cut at
            ``max_tokens`` did not).
    """

    calls: list[ToolCall] | None
    text: str = ""
    error: str | None = None
    hallucinated: tuple[str, ...] = field(default=())
    attempted_call: bool = False


_TRUNCATED = "generation reached max_tokens before the answer ended"


def decode(dialect: Dialect, output: str, tools: ToolSet, truncated: bool = False) -> Decoded:
    """Read an output with the dialect's parser, without validating the calls.

    Args:
        dialect: The dialect the output was written in.
        output: The model's output (cut at a stop sequence).
        tools: The offered tools.
        truncated: Generation stopped at ``max_tokens``: the output is never a call.
    """
    decoded = _parse_as_written(dialect, output, tools)
    if truncated:
        return replace(decoded, calls=None, text="", error=_TRUNCATED)
    return decoded


def _parse_as_written(dialect: Dialect, output: str, tools: ToolSet) -> Decoded:
    try:
        parsed = dialect.parse(output, tools)
    except UnknownFunctionError as exc:  # positional arguments that no offered tool names
        return Decoded(None, error=str(exc), hallucinated=(exc.function,), attempted_call=True)
    except OutputParseError as exc:
        return Decoded(None, error=f"{type(exc).__name__}: {exc}", attempted_call=True)
    named = dict.fromkeys(name for call in parsed.calls for name in _names(call))
    return Decoded(
        parsed.calls,
        parsed.text,
        hallucinated=tuple(name for name in named if name not in tools),
        attempted_call=bool(parsed.calls),
    )


def _names(value: Any) -> list[str]:
    """The functions a call names, its nested calls' included, in the order written."""
    if isinstance(value, ToolCall):
        return [value.name, *_names(list(value.arguments.values()))]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return [name for item in value for name in _names(item)]
    return []


def is_valid_call(decoded: Decoded, tools: ToolSet) -> bool:
    """Whether the output's calls are all valid calls of the offered tools (what
    constrained decoding guarantees)."""
    if not decoded.calls:
        return False
    try:
        validate_calls(decoded.calls, tools, fill_defaults=False)
    except FncallError:
        return False
    return True


def score(entry: EvalEntry, decoded: Decoded) -> Check:
    """The verdict on an entry's decoded output, by the entry's scoring rule."""
    if entry.scoring == "no_call":
        if decoded.calls:
            return fail("irrelevance_error:decoder_success", "the output calls a function")
        return PASS
    if entry.scoring == "states":
        if decoded.calls is None or decoded.calls:
            return fail("answer:not_plain_text", decoded.error or "the output calls a function")
        missing = [text for text in entry.expected_text if text not in decoded.text]
        if missing:
            return fail("answer:missing_values", f"the answer does not state {missing}")
        return PASS
    if entry.scoring == "any_call":
        if decoded.calls:
            return PASS
        return fail("relevance_error:decoder_failed", decoded.error or "the output makes no call")
    prefix = "ast_decoder" if entry.scoring == "ast" else "exec"
    if decoded.calls is None:
        return fail(f"{prefix}:decoder_failed", decoded.error or "")
    if not decoded.calls:
        kind = "decoder_wrong_output_format" if entry.scoring == "ast" else "no_call"
        return fail(f"{prefix}:{kind}", "the output is a plain-text answer, not a call")
    if entry.scoring == "ast":
        as_written = [{c.name: c.arguments} for c in decoded.calls]
        return ast_check(entry.docs, as_written, entry.ground_truth, entry.category)
    return execution_match(decoded.calls, entry.reference, entry.tools)
