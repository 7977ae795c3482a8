"""Bounds on model output that parsers enforce before doing any work.

A model (or someone feeding text through a server) can produce arbitrarily large or deep
output; these bounds keep parsing linear and memory-safe. They are far above what any real
call needs, and every dialect applies the same ones to argument values.
"""

from __future__ import annotations

import math
import re
from typing import Any

from fncall.errors import OutputParseError

MAX_OUTPUT_CHARS = 200_000
MAX_NESTING = 32
MAX_STRING_CHARS = 50_000
MAX_CONTAINER_ITEMS = 10_000
MAX_INT_DIGITS = 100
MAX_CALLS = 256

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A UTF-16 half with no partner: JSON and Python escapes can spell one, but it is no
character, and nothing can encode it as UTF-8."""


def check_output_size(output: str) -> None:
    """Refuse an output longer than :data:`MAX_OUTPUT_CHARS`."""
    if len(output) > MAX_OUTPUT_CHARS:
        raise OutputParseError(
            f"output of {len(output)} characters exceeds the {MAX_OUTPUT_CHARS} limit", output
        )


def check_scalar(value: Any, output: str) -> None:
    """Refuse a string, integer or float literal over the bounds."""
    if isinstance(value, str) and len(value) > MAX_STRING_CHARS:
        raise OutputParseError(
            f"string of {len(value)} characters exceeds {MAX_STRING_CHARS}", output
        )
    if isinstance(value, str) and LONE_SURROGATE.search(value):
        raise OutputParseError(
            "a string holds a lone surrogate (an escape such as \\ud800 that is no character)",
            output,
        )
    if isinstance(value, int) and not isinstance(value, bool) and _digits(value) > MAX_INT_DIGITS:
        raise OutputParseError(f"integer literal longer than {MAX_INT_DIGITS} digits", output)
    if isinstance(value, float) and not math.isfinite(value):
        raise OutputParseError("number is not finite", output)


def check_value(value: Any, output: str) -> None:
    """Refuse a decoded argument value that is too deep, too big, or holds a bad scalar."""
    count = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        count += 1
        if count > MAX_CONTAINER_ITEMS:
            raise OutputParseError(
                f"more than {MAX_CONTAINER_ITEMS} values in the arguments", output
            )
        if depth > MAX_NESTING:
            raise OutputParseError(f"arguments nested deeper than {MAX_NESTING} levels", output)
        if isinstance(item, dict):
            for key in item:
                check_scalar(key, output)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        else:
            check_scalar(item, output)


def _digits(value: int) -> int:
    # Bit length first: CPython refuses str() of an int past 4300 digits.
    if value.bit_length() > 4 * MAX_INT_DIGITS:
        return MAX_INT_DIGITS + 1
    return len(str(abs(value)))
