"""BFCL's non-live Python categories from ``../shared/bfcl`` (evaluation data: read here,
never trained on), and their ground truth turned into calls."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from fncall.calls.call import ToolCall
from fncall.eval.data import EvalEntry, load_eval_set

BFCL_DIR = Path(__file__).resolve().parents[2] / "shared" / "bfcl"
CATEGORIES = ("simple_python", "multiple", "parallel", "parallel_multiple", "irrelevance")
REQUIRE_SHARED = os.environ.get("FNCALL_REQUIRE_SHARED") == "1"
"""Set by CI (``.ci/run``): a missing ``../shared`` then fails the tests that read it
instead of skipping them."""

needs_bfcl = pytest.mark.skipif(
    not BFCL_DIR.is_dir() and not REQUIRE_SHARED, reason=f"BFCL data not found at {BFCL_DIR}"
)


def require_bfcl() -> Path:
    """``BFCL_DIR``, skipping the test where it is missing (failing it under CI)."""
    if not BFCL_DIR.is_dir():
        message = f"BFCL data not found at {BFCL_DIR}"
        if REQUIRE_SHARED:
            pytest.fail(message + " (FNCALL_REQUIRE_SHARED=1)")
        pytest.skip(message)
    return BFCL_DIR


@cache
def bfcl_entries() -> tuple[EvalEntry, ...]:
    """All 1,240 entries of the five categories."""
    return tuple(load_eval_set([BFCL_DIR]))


def _first_acceptable(options: list[Any], schema: dict[str, Any]) -> Any:
    value = next(o for o in options if o != "")
    kind = schema.get("type")
    if kind == "dict" and isinstance(value, dict):
        properties = schema.get("properties", {})
        return {
            key: _first_acceptable(accepted, properties.get(key, {}))
            for key, accepted in value.items()
            if "" not in accepted
        }
    items = schema.get("items", {})
    if kind in ("array", "tuple") and items.get("type") == "dict" and isinstance(value, list):
        return [
            {
                key: _first_acceptable(accepted, items.get("properties", {}).get(key, {}))
                for key, accepted in element.items()
                if "" not in accepted
            }
            for element in value
        ]
    return value


def truth_calls(entry: EvalEntry) -> list[ToolCall]:
    """The ground truth as the plainest correct answer: the first acceptable value of
    every argument, and no argument the ground truth marks as omittable (unless the doc
    requires it)."""
    calls = []
    for answer in entry.ground_truth:
        name, arguments = next(iter(answer.items()))
        doc = next(d for d in entry.docs if d["name"] == name)
        properties = doc["parameters"].get("properties", {})
        required = doc["parameters"].get("required", [])
        given = {
            param: _first_acceptable(options, properties.get(param, {}))
            for param, options in arguments.items()
            if "" not in options or param in required
        }
        calls.append(ToolCall(name, given))
    return calls
