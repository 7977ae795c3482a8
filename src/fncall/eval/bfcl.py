"""BFCL's AST checker, rule for rule (``bfcl_eval/eval_checker/ast_eval/ast_checker.py``).

The rules, including the ones that look like accidents, are kept because BFCL scores
are compared across models only when everyone is scored the same way:

- Arguments are matched by keyword. Every ``required`` parameter must be present, and
  every parameter the model passes must appear both in the function doc and in the
  ground truth, so an optional parameter that the ground truth does not list fails.
- A ground-truth value list that holds ``""`` marks the parameter as omittable.
- Types are exact (``True`` is not an ``integer``). An ``int`` is promoted to ``float`` at
  the top level only. Arrays and tuples get a one-level element-type check, which passes
  as soon as one acceptable answer is not a list.
- The "variable" escape: when the ground truth's value type differs from the doc's type,
  a value of the ground truth's type passes the type check and is compared as-is.
- Strings are compared after :func:`standardize_string`, both alone and inside lists and
  dicts. Anything else is compared with Python's ``in``, so there is no float tolerance.
- The checker is chosen by the category name. A name with ``parallel`` gets greedy
  matching that ignores order. A name with ``multiple`` gets one call of the
  ground-truth function. Any other name is simple: exactly one call, checked against the
  first doc.

Error types are BFCL's strings (``simple_function_checker:missing_required``,
``type_error:nested``, ``value_error:string``, ...), so failure counts compare directly
with BFCL's score files. Only Python-language categories are scored; Java and JavaScript
need BFCL's literal converters and are refused by :mod:`fncall.eval.data`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fncall.errors import EvalDataError

# BFCL's Python type table, plus the JSON Schema names of fncall's own tools.
TYPE_OF = {
    "string": str,
    "integer": int,
    "float": float,
    "number": float,
    "boolean": bool,
    "array": list,
    "tuple": list,
    "dict": dict,
    "object": dict,
    "any": str,
}
_SEQUENCE_TYPES = ("array", "tuple")
_IGNORED_CHARACTERS = re.compile(r"[ ,./\-_*^]")

DecodedCall = Mapping[str, Mapping[str, Any]]
"""One decoded call in BFCL's shape: ``{function_name: {argument: value}}``."""


@dataclass(frozen=True)
class Check:
    """The verdict on one entry.

    Attributes:
        valid: Whether the output passes.
        error_type: BFCL's error type when it does not (``value_error:string``, ...).
        errors: What was wrong, in words.
    """

    valid: bool
    error_type: str | None = None
    errors: tuple[str, ...] = ()


PASS = Check(True)


def fail(error_type: str, *errors: str) -> Check:
    """A failed check of the given BFCL error type."""
    return Check(False, error_type, errors)


def standardize_string(text: str) -> str:
    """BFCL's string normalisation: drop spaces and ``, . / - _ * ^``, lowercase, and
    turn ``'`` into ``"``."""
    return _IGNORED_CHARACTERS.sub("", text).lower().replace("'", '"')


def ast_check(
    docs: Sequence[Mapping[str, Any]],
    calls: Sequence[DecodedCall],
    ground_truth: Sequence[DecodedCall],
    category: str,
) -> Check:
    """Score decoded calls against a BFCL ``possible_answer`` entry.

    Args:
        docs: The function docs offered to the model (BFCL's ``function`` field).
        calls: The model's calls, ``[{name: {argument: value}}]``, in output order.
        ground_truth: The entry's ``ground_truth`` list.
        category: The entry's category; it chooses the checker as BFCL does.

    Raises:
        EvalDataError: a ground truth naming a function with no doc, or a doc whose
            parameter has no type BFCL knows.
    """
    if "parallel" in category:
        return _parallel_no_order(docs, calls, ground_truth)
    if "multiple" in category:
        if len(calls) != len(ground_truth):
            return fail("multiple_function_checker:wrong_count", "Wrong number of functions.")
        return _check_call(_doc_named(docs, ground_truth[0]), calls[0], ground_truth[0])
    if len(calls) != 1:
        return fail("simple_function_checker:wrong_count", "Wrong number of functions.")
    return _check_call(docs[0], calls[0], ground_truth[0])


def _doc_named(docs: Sequence[Mapping[str, Any]], answer: DecodedCall) -> Mapping[str, Any]:
    name = next(iter(answer))
    for doc in docs:
        if doc.get("name") == name:
            return doc
    raise EvalDataError(f"the ground truth calls {name!r}, which no function doc describes")


def _parallel_no_order(
    docs: Sequence[Mapping[str, Any]],
    calls: Sequence[DecodedCall],
    ground_truth: Sequence[DecodedCall],
) -> Check:
    if len(calls) != len(ground_truth):
        return fail("parallel_function_checker_no_order:wrong_count", "Wrong number of functions.")
    matched: set[int] = set()
    for index, answer in enumerate(ground_truth):
        doc = _doc_named(docs, answer)
        reasons = []
        for position, call in enumerate(calls):
            if position in matched:
                continue
            verdict = _check_call(doc, call, answer)
            if verdict.valid:
                matched.add(position)
                break
            reasons.append(f"output {position}: {verdict.error_type}: {'; '.join(verdict.errors)}")
        else:
            return fail(
                "parallel_function_checker_no_order:cannot_find_match",
                f"no unmatched call of the output matches expected call {index}",
                *reasons,
            )
    return PASS


def _check_call(doc: Mapping[str, Any], call: DecodedCall, answer: DecodedCall) -> Check:
    """BFCL's ``simple_function_checker`` for one call."""
    name = doc["name"]
    expected = next(iter(answer.values()))
    parameters = doc.get("parameters") or {}
    properties = parameters.get("properties") or {}
    if name not in call:
        return fail(
            "simple_function_checker:wrong_func_name",
            f"Function name {name!r} not found in model output.",
        )
    arguments = call[name]
    for required in parameters.get("required") or []:
        if required not in arguments:
            return fail(
                "simple_function_checker:missing_required",
                f"Missing required parameter: {required!r}.",
            )
    for param, value in arguments.items():
        if param not in properties or param not in expected:
            return fail(
                "simple_function_checker:unexpected_param", f"Unexpected parameter: {param!r}."
            )
        verdict = _check_argument(name, param, value, properties[param], expected[param])
        if not verdict.valid:
            return verdict
    for param, options in expected.items():
        if param not in arguments and "" not in options:
            return fail(
                "simple_function_checker:missing_optional",
                f"Optional parameter {param!r} not provided and not marked as optional.",
            )
    return PASS


def _python_type(function: str, param: str, schema: Any) -> tuple[str, type]:
    type_name = schema.get("type") if isinstance(schema, Mapping) else None
    if not isinstance(type_name, str) or type_name not in TYPE_OF:
        raise EvalDataError(
            f"function {function!r}, parameter {param!r}: type {type_name!r} is not one "
            f"the AST checker knows ({', '.join(TYPE_OF)})"
        )
    return type_name, TYPE_OF[type_name]


def _check_argument(
    function: str, param: str, value: Any, schema: Mapping[str, Any], options: list[Any]
) -> Check:
    type_name, expected_type = _python_type(function, param, schema)
    item_type = None
    if type_name in _SEQUENCE_TYPES and isinstance(schema.get("items"), Mapping):
        item_type = _python_type(function, f"{param}[]", schema["items"])[1]
    if type_name in ("float", "number") and type(value) is int:
        value = float(value)
    typed = _type_check(param, value, options, type_name, expected_type, item_type)
    if not typed.valid:
        return typed.check
    if not typed.is_variable:
        if expected_type is dict:
            return _dict_check(param, value, options)
        if expected_type is list and item_type is dict:
            return _list_of_dicts_check(param, value, options)
        if expected_type is str:
            return _string_check(param, value, options)
        if expected_type is list:
            return _list_check(param, value, options)
    if value not in options:
        return fail(
            "value_error:others",
            f"Invalid value for parameter {param!r}: {value!r}. Expected one of {options}.",
        )
    return PASS


@dataclass(frozen=True)
class _Typed:
    check: Check
    is_variable: bool = False

    @property
    def valid(self) -> bool:
        return self.check.valid


def _answer_type(options: list[Any]) -> type | None:
    """The type of the first acceptable value that is not ``""`` (the omission marker)."""
    return next((type(option) for option in options if option != ""), None)


def _type_check(
    param: str,
    value: Any,
    options: list[Any],
    type_name: str,
    expected_type: type,
    item_type: type | None,
) -> _Typed:
    answer_type = _answer_type(options)
    is_variable = answer_type is not None and answer_type is not expected_type
    nested_failure = None
    if type(value) is expected_type:
        if item_type is None:
            return _Typed(PASS, is_variable)
        for option in options:
            # An acceptable answer that is not a list (such as "") passes the element check.
            if not isinstance(option, list) or all(
                _type_check(param, item, option, item_type.__name__, item_type, None).valid
                for item in value
            ):
                return _Typed(PASS, is_variable)
        nested_failure = fail(
            "type_error:nested",
            f"Nested type checking failed for parameter {param!r}. Expected outer type "
            f"{type_name} with inner type {item_type.__name__}. Parameter value: {value!r}.",
        )
    if answer_type is not None and type(value) is answer_type:
        return _Typed(nested_failure or PASS, True)
    return _Typed(
        fail(
            "type_error:simple",
            f"Incorrect type for parameter {param!r}. Expected type {type_name}, got "
            f"{type(value).__name__}. Parameter value: {value!r}.",
        )
    )


def _standardized(value: Any) -> Any:
    return standardize_string(value) if isinstance(value, str) else value


def _string_check(param: str, value: str, options: list[Any]) -> Check:
    accepted = [standardize_string(o) for o in options if isinstance(o, str)]
    if standardize_string(value) not in accepted:
        return fail(
            "value_error:string",
            f"Invalid value for parameter {param!r}: {value!r}. Expected one of {options}. "
            "Case insensitive.",
        )
    return PASS


def _list_check(param: str, value: list[Any], options: list[Any]) -> Check:
    given = [_standardized(item) for item in value]
    # BFCL walks every acceptable answer by index, so "" (the omission marker) stands for
    # the empty list and a string stands for the list of its characters.
    accepted = [
        [_standardized(item) for item in option]
        for option in options
        if isinstance(option, list | str)
    ]
    if given not in accepted:
        return fail(
            "value_error:list/tuple",
            f"Invalid value for parameter {param!r}: {value!r}. Expected one of {options}.",
        )
    return PASS


def _dict_check(param: str, value: dict[str, Any], options: list[Any]) -> Check:
    verdict = fail("dict_checker:unclear", f"no acceptable value for parameter {param!r}")
    for option in options:
        if option == "":
            continue
        verdict = _dict_matches(value, option)
        if verdict.valid:
            return verdict
    return verdict


def _dict_matches(value: Mapping[str, Any], option: Any) -> Check:
    if not isinstance(option, Mapping):
        return fail("dict_checker:unclear", f"acceptable value {option!r} is not a dict")
    for key, item in value.items():
        if key not in option:
            return fail("value_error:dict_key", f"Unexpected dict key parameter: {key!r}.")
        accepted = [_standardized(o) for o in option[key]]
        if _standardized(item) not in accepted:
            return fail(
                "value_error:dict_value",
                f"Invalid value for parameter {key!r}: {item!r}. Expected one of {accepted}.",
            )
    for key, accepted in option.items():
        if key not in value and "" not in accepted:
            return fail("value_error:dict_key", f"Missing dict key parameter: {key!r}.")
    return PASS


def _list_of_dicts_check(param: str, value: list[Any], options: list[Any]) -> Check:
    verdict = fail("list_dict_checker:unclear", f"no acceptable value for parameter {param!r}")
    for option in options:
        # len("") == 0 in BFCL too: an omittable parameter accepts the empty list.
        if not isinstance(option, list | str) or len(value) != len(option):
            verdict = fail(
                "value_error:list_dict_count", "Wrong number of dictionaries in the list."
            )
            continue
        for item, accepted in zip(value, option, strict=True):
            verdict = (
                _dict_check(param, item, [accepted])
                if isinstance(item, dict)
                else fail(
                    "value_error:dict_value", f"list item {item!r} of {param!r} is not a dict"
                )
            )
            if not verdict.valid:
                break
        else:
            return PASS
    return verdict
