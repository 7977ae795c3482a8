"""``pattern`` regexes of tool schemas, compiled for RE2.

A schema's ``pattern`` comes from whoever wrote the tool (a client of ``fncall serve``), and
validation runs it on what the model wrote: a backtracking engine (Python's ``re``) takes
exponential time on ``^(.+)+X$``. RE2 matches in time linear in the text for every pattern
it accepts; what it cannot accept (backreferences, lookaround, atomic groups, possessive
repeats) is refused when the tool is loaded, never when a call is checked.
"""

from __future__ import annotations

import functools

import re2

MAX_PATTERN_CHARS = 2_000
"""Longest ``pattern`` accepted."""

# What RE2 leaves out, spotted in a pattern to name it in the error.
_UNSUPPORTED = (
    ("(?<=", "lookbehind (?<=...)"),
    ("(?<!", "negative lookbehind (?<!...)"),
    ("(?=", "lookahead (?=...)"),
    ("(?!", "negative lookahead (?!...)"),
    ("(?>", "atomic group (?>...)"),
    ("\\k<", "named backreference \\k<...>"),
    ("*+", "possessive repeat *+"),
    ("++", "possessive repeat ++"),
    ("?+", "possessive repeat ?+"),
)

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # the error is raised to the caller; RE2 need not print it too
_OPTIONS.never_capture = True  # only "does it match" is asked


class PatternError(ValueError):
    """A pattern RE2 cannot compile; the message names the construct."""


@functools.lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> re2._Regexp:
    """``pattern`` compiled for RE2 (cached: the same tools come with every request).

    Raises:
        PatternError: too long, not valid Unicode, or a construct RE2 does not have.
    """
    if len(pattern) > MAX_PATTERN_CHARS:
        raise PatternError(
            f"the pattern has {len(pattern)} characters; at most {MAX_PATTERN_CHARS} are accepted"
        )
    try:
        return re2.compile(pattern, options=_OPTIONS)
    except UnicodeEncodeError:
        raise PatternError("the pattern is not valid Unicode (it holds a lone surrogate)") from None
    except re2.error as exc:
        raise PatternError(_explain(pattern, exc)) from None


def search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` matches somewhere in ``text`` (JSON Schema's unanchored
    ``pattern``), in time linear in ``text``.

    Raises:
        PatternError: as :func:`compile_pattern`.
    """
    return compile_pattern(pattern).search(text) is not None


def _explain(pattern: str, exc: re2.error) -> str:
    raw = exc.args[0] if exc.args else b"it does not compile"
    detail = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    construct = next((name for token, name in _UNSUPPORTED if token in pattern), None)
    if construct is None and "escape" in detail and any(f"\\{d}" in pattern for d in "123456789"):
        construct = "a backreference (\\1)"
    if construct is not None:
        return (
            f"{construct} is not supported: patterns run on RE2, which matches in linear time "
            f"and has no such construct ({detail})"
        )
    return f"the pattern does not compile: {detail}"
