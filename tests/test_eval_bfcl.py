"""Faithfulness of the BFCL AST checker.

- The ground truth of every entry in ``../shared/bfcl``, written in each dialect and
  decoded again, scores 100%.
- Systematic perturbations fail with the error type BFCL gives them.
- The rules of ``shared/reference/bfcl.md`` section 2, quirks included, hold one by one.
"""

from __future__ import annotations

import functools
import json
import random
from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fncall.calls.call import ToolCall
from fncall.dialects import get_dialect, list_dialects
from fncall.errors import EvalDataError
from fncall.eval.bfcl import TYPE_OF, ast_check, standardize_string
from fncall.eval.data import EvalEntry
from fncall.eval.score import decode, score
from tests.bfcl_data import bfcl_entries, needs_bfcl, truth_calls

pytestmark = needs_bfcl


def _ast_entries() -> list[EvalEntry]:
    return [e for e in bfcl_entries() if e.scoring == "ast"]


def _verdict(entry: EvalEntry, calls: list[ToolCall], dialect: str = "bfcl-python"):
    writer = get_dialect(dialect)
    return score(entry, decode(writer, writer.format_calls(calls), entry.tools))


@pytest.mark.parametrize("dialect", [d.name for d in list_dialects()])
def test_ground_truth_scores_100_percent_in_every_dialect(dialect):
    writer = get_dialect(dialect)
    checked, failures = 0, []
    for entry in _ast_entries():
        calls = truth_calls(entry)
        if len(calls) > 1 and not writer.supports_parallel:
            continue
        verdict = _verdict(entry, calls, dialect)
        checked += 1
        if not verdict.valid:
            failures.append((entry.id, verdict.error_type, verdict.errors))
    assert failures == []
    # every single-call entry at least; all 1,000 where the dialect writes parallel calls
    assert checked >= 600
    if writer.supports_parallel:
        assert checked == 1000


def test_irrelevance_entries_pass_only_without_a_call():
    irrelevance = [e for e in bfcl_entries() if e.scoring == "no_call"]
    assert len(irrelevance) == 240
    writer = get_dialect("bfcl-python")
    for entry in irrelevance:
        text = "None of the functions can answer this."
        assert score(entry, decode(writer, text, entry.tools)).valid
        assert score(entry, decode(writer, "[]", entry.tools)).valid
        assert score(entry, decode(writer, "[broken(", entry.tools)).valid  # decode error
        tool = next(iter(entry.tools.values()))
        called = score(entry, decode(writer, f"[{tool.name}()]", entry.tools))
        assert called.error_type == "irrelevance_error:decoder_success"


# --- perturbations -----------------------------------------------------------------------


def _plain_params(entry: EvalEntry, call: ToolCall) -> list[tuple[str, str]]:
    """Arguments of a call whose value is a scalar of the doc's own type (not a BFCL
    "variable"), with that type's name."""
    doc = next(d for d in entry.docs if d["name"] == call.name)
    out = []
    for param, value in call.arguments.items():
        kind = doc["parameters"]["properties"][param]["type"]
        if kind in ("string", "integer", "float", "boolean") and type(value) is TYPE_OF[kind]:
            out.append((param, kind))
    return out


def _wrong_value(kind: str, value: Any) -> Any:
    return {
        "string": "fncall-perturbed value",
        "integer": value + 7919 if isinstance(value, int) else 0,
        "float": value + 7919.5 if isinstance(value, float) else 0.5,
        "boolean": not value,
    }[kind]


def _wrong_type(kind: str) -> Any:
    return {"string": 7919, "integer": "7919", "float": "79.19", "boolean": "true"}[kind]


def _perturb(entry: EvalEntry, how: str, rng: random.Random) -> tuple[list[ToolCall], str] | None:
    """A broken version of the ground truth and the error type BFCL reports for it, or
    None when the perturbation does not apply to this entry."""
    calls = truth_calls(entry)
    parallel = "parallel" in entry.category
    index = rng.randrange(len(calls))
    call = calls[index]
    doc = next(d for d in entry.docs if d["name"] == call.name)
    arguments = dict(call.arguments)
    if how == "dropped_call":
        if not parallel or len(calls) < 2:
            return None
        return calls[:index] + calls[index + 1 :], "parallel_function_checker_no_order:wrong_count"
    if how == "wrong_value" or how == "wrong_type":
        plain = _plain_params(entry, call)
        if not plain:
            return None
        param, kind = rng.choice(plain)
        if how == "wrong_value":
            arguments[param] = _wrong_value(kind, arguments[param])
            expected = {"string": "value_error:string"}.get(kind, "value_error:others")
        else:
            arguments[param] = _wrong_type(kind)
            expected = "type_error:simple"
    elif how == "missing_required":
        present = [p for p in doc["parameters"].get("required", []) if p in arguments]
        if not present:
            return None
        del arguments[rng.choice(present)]
        expected = "simple_function_checker:missing_required"
    elif how == "extra_argument":
        arguments["fncall_extra"] = 1
        expected = "simple_function_checker:unexpected_param"
    elif how == "swapped_function":
        others = [d["name"] for d in entry.docs if d["name"] != call.name]
        if not others or parallel:
            return None
        call = ToolCall(rng.choice(others), arguments)
        calls[index] = call
        return calls, "simple_function_checker:wrong_func_name"
    else:
        raise AssertionError(how)
    calls[index] = ToolCall(call.name, arguments)
    if parallel:
        expected = "parallel_function_checker_no_order:cannot_find_match"
    return calls, expected


@pytest.mark.parametrize(
    "how",
    [
        "wrong_value",
        "missing_required",
        "extra_argument",
        "wrong_type",
        "swapped_function",
        "dropped_call",
    ],
)
def test_every_perturbation_fails_with_its_error_type(how):
    rng = random.Random(how)
    applied, wrong = Counter(), []
    for entry in _ast_entries():
        perturbed = _perturb(entry, how, rng)
        if perturbed is None:
            continue
        calls, expected = perturbed
        verdict = _verdict(entry, calls)
        applied[entry.category] += 1
        if verdict.valid or verdict.error_type != expected:
            wrong.append((entry.id, expected, verdict.error_type, verdict.errors))
    assert wrong == []
    assert sum(applied.values()) >= 150, applied


def test_a_call_of_an_unoffered_function_is_decoded_and_scored_as_wrong_name():
    entry = next(e for e in _ast_entries() if e.category == "simple_python")
    writer = get_dialect("bfcl-python")
    decoded = decode(writer, "[made_up.function(x=1)]", entry.tools)
    assert decoded.hallucinated == ("made_up.function",)
    assert decoded.calls == [ToolCall("made_up.function", {"x": 1})]
    assert score(entry, decoded).error_type == "simple_function_checker:wrong_func_name"


def test_a_plain_text_answer_and_a_broken_call_get_decoder_error_types():
    entry = next(e for e in _ast_entries() if e.category == "simple_python")
    writer = get_dialect("bfcl-python")
    text = score(entry, decode(writer, "I would need more details.", entry.tools))
    assert text.error_type == "ast_decoder:decoder_wrong_output_format"
    broken = score(entry, decode(writer, "[f(x=1", entry.tools))
    assert broken.error_type == "ast_decoder:decoder_failed"
    truncated = score(entry, decode(writer, "[f(x=1)]", entry.tools, truncated=True))
    assert truncated.error_type == "ast_decoder:decoder_failed"


@functools.cache
def _unambiguous_parallel() -> list[EvalEntry]:
    return [e for e in _ast_entries() if e.category.startswith("parallel") and _unambiguous(e)]


def _unambiguous(entry: EvalEntry) -> bool:
    """No ground-truth call also satisfies another ground-truth item. BFCL matches greedily,
    item by item (so does fncall, rule for rule), and where items overlap (parallel_178
    accepts Microsoft or Apple in its first item) the order of the calls decides."""
    calls = truth_calls(entry)
    return not any(
        ast_check(entry.docs, [{call.name: call.arguments}], [answer], "multiple").valid
        for i, call in enumerate(calls)
        for j, answer in enumerate(entry.ground_truth)
        if i != j
    )


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_parallel_calls_pass_in_any_order(data):
    entry = data.draw(st.sampled_from(_unambiguous_parallel()))
    calls = data.draw(st.permutations(truth_calls(entry)))
    assert _verdict(entry, list(calls)).valid


# --- the rules one by one ------------------------------------------------------------------


def _doc(**properties: dict[str, Any]) -> dict[str, Any]:
    required = [p for p, s in properties.items() if not s.pop("optional", False)]
    return {
        "name": "f",
        "parameters": {"type": "dict", "properties": properties, "required": required},
    }


def _check(doc, arguments, truth, category="simple_python"):
    return ast_check([doc], [{"f": arguments}], [{"f": truth}], category)


def test_strings_are_compared_after_bfcl_normalisation():
    doc = _doc(unit={"type": "string"}, expr={"type": "string"})
    truth = {"unit": ["units"], "expr": ["3x**2 + 2x - 1"]}
    assert _check(doc, {"unit": "Units.", "expr": "3*x**2 + 2*x - 1"}, truth).valid
    wrong = _check(doc, {"unit": "meters", "expr": "3x**2 + 2x - 1"}, truth)
    assert wrong.error_type == "value_error:string"


@given(st.text(max_size=30))
def test_standardize_string_is_idempotent_and_ignores_case_and_punctuation(text):
    once = standardize_string(text)
    assert standardize_string(once) == once
    assert standardize_string(text.upper()) == standardize_string(text.lower()) or any(
        c.upper().lower() != c.lower() for c in text
    )
    assert standardize_string(f" {text}.,/-_*^") == once


def test_integer_to_float_is_promoted_at_the_top_level_only():
    doc = _doc(x={"type": "float"}, points={"type": "tuple", "items": {"type": "float"}})
    truth = {"x": [5.0], "points": [[33.4484, -112.074]]}
    assert _check(doc, {"x": 5, "points": [33.4484, -112.074]}, truth).valid
    nested = _check(doc, {"x": 5.0, "points": [33, -112.074]}, truth)
    assert nested.error_type == "type_error:nested"


def test_types_are_exact():
    doc = _doc(base={"type": "integer"})
    assert _check(doc, {"base": 10.0}, {"base": [10]}).error_type == "type_error:simple"
    assert _check(doc, {"base": True}, {"base": [1]}).error_type == "type_error:simple"


def test_a_variable_passes_the_type_check_and_is_compared_as_is():
    doc = _doc(data={"type": "array", "items": {"type": "float"}})
    assert _check(doc, {"data": "my_data"}, {"data": ["my_data"]}).valid
    # compared as-is: no string normalisation for a variable
    assert _check(doc, {"data": "My_Data"}, {"data": ["my_data"]}).error_type == (
        "value_error:others"
    )


def test_omittable_and_unlisted_optional_parameters():
    doc = _doc(a={"type": "integer"}, b={"type": "string", "optional": True})
    c_doc = _doc(a={"type": "integer"}, c={"type": "integer", "optional": True})
    assert _check(doc, {"a": 1}, {"a": [1], "b": ["x", ""]}).valid
    missing = _check(doc, {"a": 1}, {"a": [1], "b": ["x"]})
    assert missing.error_type == "simple_function_checker:missing_optional"
    # an optional parameter the ground truth does not list fails, even with a fine value
    extra = _check(c_doc, {"a": 1, "c": 2}, {"a": [1]})
    assert extra.error_type == "simple_function_checker:unexpected_param"


def test_lists_dicts_and_lists_of_dicts():
    doc = _doc(
        names={"type": "array", "items": {"type": "string"}},
        where={"type": "dict", "properties": {}},
        rows={"type": "array", "items": {"type": "dict"}},
    )
    truth = {
        "names": [["New York", "LA"]],
        "where": [{"department": ["Science"], "school": ["Bluebird HS", ""]}],
        "rows": [[{"k": ["a"]}, {"k": ["b"]}]],
    }
    good = {"names": ["new york", "L.A."], "where": {"department": "science"}}
    assert _check(doc, {**good, "rows": [{"k": "A"}, {"k": "b"}]}, truth).valid
    order = _check(doc, {**good, "names": ["LA", "New York"], "rows": []}, truth)
    assert order.error_type == "value_error:list/tuple"
    key = _check(doc, {**good, "where": {"dept": "Science"}, "rows": []}, truth)
    assert key.error_type == "value_error:dict_key"
    value = _check(doc, {**good, "where": {"department": "Art"}, "rows": []}, truth)
    assert value.error_type == "value_error:dict_value"
    count = _check(doc, {**good, "rows": [{"k": "a"}]}, truth)
    assert count.error_type == "value_error:list_dict_count"


def test_an_omittable_list_accepts_the_empty_list_as_bfcl_does():
    doc = _doc(tags={"type": "array", "items": {"type": "string"}, "optional": True})
    assert _check(doc, {"tags": []}, {"tags": [["a"], ""]}).valid


def test_parallel_matching_is_greedy_without_backtracking():
    doc = _doc(x={"type": "integer"})
    truth = [{"f": {"x": [1, 2]}}, {"f": {"x": [1]}}]
    # a perfect matching exists (2->first, 1->second), but greedy takes 1 for the first
    verdict = ast_check([doc], [{"f": {"x": 1}}, {"f": {"x": 2}}], truth, "parallel")
    assert verdict.error_type == "parallel_function_checker_no_order:cannot_find_match"
    assert ast_check([doc], [{"f": {"x": 2}}, {"f": {"x": 1}}], truth, "parallel").valid
    distinct = [{"f": {"x": [1]}}, {"f": {"x": [2]}}]
    duplicate = ast_check([doc], [{"f": {"x": 1}}, {"f": {"x": 1}}], distinct, "parallel")
    assert duplicate.error_type == "parallel_function_checker_no_order:cannot_find_match"


def test_the_category_name_chooses_the_checker():
    doc = _doc(x={"type": "integer"})
    two = [{"f": {"x": 1}}, {"f": {"x": 1}}]
    truth = [{"f": {"x": [1]}}]
    assert ast_check([doc], two, truth, "simple_python").error_type == (
        "simple_function_checker:wrong_count"
    )
    assert ast_check([doc], two, truth, "live_multiple").error_type == (
        "multiple_function_checker:wrong_count"
    )
    assert ast_check([doc], two, truth, "live_parallel").error_type == (
        "parallel_function_checker_no_order:wrong_count"
    )


def test_a_doc_type_the_checker_does_not_know_is_a_data_error():
    doc = _doc(x={"type": "complex"})
    with pytest.raises(EvalDataError, match="complex"):
        _check(doc, {"x": 1}, {"x": [1]})


def test_live_categories_run_to_the_end_with_system_and_assistant_messages(
    tmp_path, tiny_model_dir
):
    """BFCL's live files (user-contributed entries, some with system prompts and earlier
    assistant turns) in BFCL's layout: every entry runs and every category is scored,
    nothing stops at a conversation. The entries are made up here, in BFCL's shape (the
    live files are not in ../shared/bfcl)."""
    from fncall.eval import EvalConfig
    from fncall.eval.evaluate import evaluate
    from fncall.settings import CallerSettings

    weather = {"name": "get_weather", "description": "Weather in a city.", "parameters": {
        "type": "dict", "properties": {"city": {"type": "string", "description": "City"}},
        "required": ["city"]}}  # fmt: skip
    system = {"role": "system", "content": "You are a helpful assistant for travellers."}
    earlier = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]
    ask = {"role": "user", "content": "Weather in Oslo?"}
    answers = tmp_path / "possible_answer"
    answers.mkdir()
    for category, turns, truth in [
        ("live_simple", [system, ask], [{"get_weather": {"city": ["Oslo"]}}]),
        ("live_multiple", [*earlier, ask], [{"get_weather": {"city": ["Oslo"]}}]),
        ("live_parallel", [ask], [{"get_weather": {"city": ["Oslo"]}}] * 2),
        ("live_parallel_multiple", [system, ask], [{"get_weather": {"city": ["Oslo"]}}] * 2),
        ("live_irrelevance", [system, *earlier, {"role": "user", "content": "Tell a joke"}], None),
        ("live_relevance", [ask], None),
    ]:
        entry = {"id": f"{category}_0-0-0", "question": [turns], "function": [weather]}
        (tmp_path / f"BFCL_v4_{category}.json").write_text(json.dumps(entry) + "\n")
        if truth is not None:
            line = {"id": entry["id"], "ground_truth": truth}
            (answers / f"BFCL_v4_{category}.json").write_text(json.dumps(line) + "\n")
    config = EvalConfig(CallerSettings(str(tiny_model_dir), max_tokens=24))
    summary = evaluate(config, [tmp_path], out=tmp_path / "run", progress=False)
    assert summary["n"] == 6 and summary["not_run"] == 0
    assert set(summary["by_category"]) == {
        "live_simple", "live_multiple", "live_parallel", "live_parallel_multiple",
        "live_irrelevance", "live_relevance",
    }  # fmt: skip
