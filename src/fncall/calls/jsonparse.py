"""Finding JSON calls inside free model text.

Tolerated, because the seed models and their data really produce them: code fences and
prose around the JSON, trailing text, several objects in a row, ``arguments`` given as a
JSON string (OpenAI style), and glaive's single-quoted argument strings
(``"arguments": '{"a": 1}'``). Nothing else is repaired: no missing brackets are added, no
Python literals are read as JSON, ``NaN``/``Infinity`` and repeated keys are refused, and a
call that starts but does not parse is an error, never skipped in favour of an object found
inside it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from fncall.calls import limits
from fncall.calls.call import ParsedOutput, ToolCall
from fncall.errors import OutputParseError
from fncall.tools.spec import Tool

_GLAIVE_ARGUMENTS = re.compile(r'"arguments"\s*:\s*\'')
_MAX_CANDIDATES = 512


def _reject_constant(name: str) -> Any:
    raise OutputParseError(f"{name} is not a valid JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise OutputParseError(f"key {key!r} appears twice in a JSON object")
        out[key] = value
    return out


_DECODER = json.JSONDecoder(parse_constant=_reject_constant, object_pairs_hook=_unique_keys)


def _decode_at(text: str, start: int, output: str) -> tuple[Any, int] | None:
    """Decode the JSON value at ``start``: ``None`` if it is not JSON, an error if it is
    JSON fncall refuses."""
    try:
        return _DECODER.raw_decode(text, start)
    except OutputParseError as exc:
        raise OutputParseError(exc.reason, output) from None
    except json.JSONDecodeError:
        return None
    except ValueError:  # CPython's limit on integer digits
        raise OutputParseError(
            f"integer literal longer than {limits.MAX_INT_DIGITS} digits", output
        ) from None
    except RecursionError:
        raise OutputParseError("JSON nested too deeply", output) from None


def iter_json_objects(text: str) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """Yield ``(start, end, object)`` for each top-level JSON object found in ``text``.

    Objects may be surrounded by anything; a ``{`` that does not start a valid object is
    skipped. Positions refer to ``text`` after glaive's quirk is rewritten.
    """
    limits.check_output_size(text)
    text = _unquote_glaive_arguments(text)
    position = 0
    candidates = 0
    while (start := text.find("{", position)) != -1:
        candidates += 1
        if candidates > _MAX_CANDIDATES:
            raise OutputParseError(f"more than {_MAX_CANDIDATES} '{{' in the output", text)
        decoded = _decode_at(text, start, text)
        if decoded is None:
            position = start + 1
            continue
        value, end = decoded
        if isinstance(value, dict):
            yield start, end, value
        position = end


def decode_json_object(text: str, output: str, where: str = "the output") -> dict[str, Any]:
    """``text`` must be exactly one JSON object (surrounding whitespace allowed); ``where``
    names the text in the error."""
    text = _unquote_glaive_arguments(text)
    start = len(text) - len(text.lstrip())
    decoded = _decode_at(text, start, output)
    if decoded is None or not isinstance(decoded[0], dict) or text[decoded[1] :].strip():
        raise OutputParseError(f"{where} must hold exactly one JSON object", output)
    return decoded[0]


def _unquote_glaive_arguments(text: str) -> str:
    """Rewrite ``"arguments": '{...}'`` as a JSON string, the one quirk of glaive data."""
    out = []
    position = 0
    for match in _GLAIVE_ARGUMENTS.finditer(text):
        if match.start() < position:
            continue
        inner_start = match.end()
        try:
            _, inner_end = json.JSONDecoder().raw_decode(text, inner_start)
        except (ValueError, RecursionError):
            continue
        if text[inner_end : inner_end + 1] != "'":
            continue
        out.append(text[position : match.end() - 1])
        out.append(json.dumps(text[inner_start:inner_end]))
        position = inner_end + 1
    out.append(text[position:])
    return "".join(out)


def decode_arguments(value: Any, function: str, output: str) -> dict[str, Any]:
    """Arguments as a dict: accepts an object or a string holding a JSON object, within the
    bounds of :mod:`fncall.calls.limits`."""
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            value = {}
        else:
            decoded = _decode_at(stripped, 0, output)
            if decoded is None or stripped[decoded[1] :].strip():
                raise OutputParseError(
                    f"arguments of {function!r} are a string that is not JSON", output
                )
            value = decoded[0]
    if not isinstance(value, dict):
        raise OutputParseError(
            f"arguments of {function!r} must be a JSON object, not {type(value).__name__}", output
        )
    limits.check_value(value, output)
    return value


EnvelopeReader = Callable[[dict[str, Any], str], "tuple[Any, Any] | None"]


def parse_json_calls(
    output: str,
    tools: Mapping[str, Tool],
    read_envelope: EnvelopeReader,
    opener: re.Pattern[str],
) -> ParsedOutput:
    """Parse a dialect whose calls are JSON objects embedded in text.

    Args:
        output: The model output.
        tools: The offered tools.
        read_envelope: Returns ``(name, arguments)`` for an object that is a call in this
            dialect, ``None`` for any other object; raises OutputParseError for a call with
            a bad shape. Gets the object and the output.
        opener: Matches the start of a call. Every match must begin a call that parses;
            otherwise the output is a malformed call, not text with a call inside.

    Raises:
        OutputParseError: an attempted call that is not valid JSON or has a bad shape.
    """
    text = _unquote_glaive_arguments(output)
    calls: list[ToolCall] = []
    kept: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for start, end, obj in iter_json_objects(text):
        spans.append((start, end))
        envelope = read_envelope(obj, output)
        if envelope is None:
            continue
        name, arguments = envelope
        if not isinstance(name, str) or not name:
            raise OutputParseError("call without a function name", output)
        calls.append(ToolCall(name, decode_arguments(arguments, name, output)))
        kept.append(text[position:start])
        position = end
    kept.append(text[position:])
    for match in opener.finditer(text):
        if not any(start <= match.start() < end for start, end in spans):
            raise OutputParseError(
                f"the JSON call starting at character {match.start()} is not valid JSON", output
            )
    return ParsedOutput(calls, "".join(kept).strip(), output)
