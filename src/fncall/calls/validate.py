"""Validation of calls against the offered tools' schemas.

Each kind of mistake raises its own error: an unknown function, an unknown argument, a
missing required argument (with a clarification question for the user), a wrong type, a
value outside an enum, a broken bound. Valid calls come back with defaults filled in and
integers given for ``number`` parameters turned into floats.

Declared object properties are treated as closed unless ``additionalProperties`` says
otherwise: an undeclared key from a model is almost always a hallucination. ``oneOf`` is
checked like ``anyOf`` (the first branch that fits wins), and ``NaN``/infinite numbers are
refused everywhere.
"""

from __future__ import annotations

import copy
import datetime as _dt
import math
import re
import uuid
from collections.abc import Mapping
from typing import Any

from fncall.calls.call import NESTED_CALL_KEY, ToolCall
from fncall.calls.limits import LONE_SURROGATE
from fncall.errors import (
    ArgumentTypeError,
    CallValidationError,
    ConstraintViolationError,
    EnumViolationError,
    MissingArgumentError,
    UnknownArgumentError,
    UnknownFunctionError,
)
from fncall.tools import patterns
from fncall.tools.schema import json_type_of, schema_types
from fncall.tools.spec import Tool

# Run on RE2 like schema patterns: Python's re backtracks quadratically on a long non-address.
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def validate_calls(
    calls: list[ToolCall], tools: Mapping[str, Tool], *, fill_defaults: bool = True
) -> list[ToolCall]:
    """Validate every call (nested calls included); see :func:`validate_call`."""
    return [validate_call(call, tools, fill_defaults=fill_defaults) for call in calls]


def validate_call(
    call: ToolCall, tools: Mapping[str, Tool], *, fill_defaults: bool = True
) -> ToolCall:
    """Check one call against its tool and return it with defaults filled in.

    An argument that is itself a call is validated as a call; its result's type is checked
    when the executor has it. With ``fill_defaults=False`` only what the call gives is
    checked and returned (a call judged as written, as evaluation does).

    Raises:
        CallValidationError: one of its subclasses, naming the function and argument.
    """
    tool = tools.get(call.name)
    if tool is None:
        offered = ", ".join(tools) or "none"
        raise UnknownFunctionError(
            f"unknown function {call.name!r} (offered: {offered})", call.name
        )
    return ToolCall(call.name, _Validator(tool, tools, fill_defaults).arguments(call.arguments))


def validate_value(value: Any, schema: Any, owner: Tool, path: str) -> Any:
    """Check a value against ``schema`` as an argument of ``owner`` at ``path`` is checked
    (defaults filled); errors name ``owner`` and ``path``.

    Raises:
        CallValidationError: one of its subclasses.
    """
    return _Validator(owner, {owner.name: owner}, fill_defaults=True).value(value, schema, path)


def clarification_for(tool: Tool, argument: str) -> str:
    """A question to ask the user for a missing argument."""
    description = str(tool.properties.get(argument, {}).get("description", "")).strip()
    detail = f" ({description.rstrip('.')})" if description else ""
    return f"To run {tool.name}, I need the {argument}{detail}. Could you provide it?"


class _Validator:
    def __init__(self, tool: Tool, tools: Mapping[str, Tool], fill_defaults: bool) -> None:
        self.tool = tool
        self.tools = tools
        self.fill_defaults = fill_defaults

    def arguments(self, arguments: dict[str, Any]) -> dict[str, Any]:
        properties = self.tool.properties
        for name in arguments:
            if name not in properties:
                known = ", ".join(properties) or "none"
                raise UnknownArgumentError(
                    f"{self.tool.name}() has no argument {name!r} (arguments: {known})",
                    self.tool.name,
                    name,
                )
        for name in self.tool.required:
            if name not in arguments:
                raise MissingArgumentError(
                    f"{self.tool.name}() is missing required argument {name!r}",
                    self.tool.name,
                    name,
                    clarification_for(self.tool, name),
                )
        out = {}
        for name, schema in properties.items():
            if name in arguments:
                out[name] = self.value(arguments[name], schema, name)
            elif self.fill_defaults and "default" in schema:
                # validated too, so an int default of a float is a float
                out[name] = self.value(copy.deepcopy(schema["default"]), schema, name)
        return out

    def fail(self, cls: type[CallValidationError], path: str, message: str) -> CallValidationError:
        return cls(f"{self.tool.name}(): argument {path!r} {message}", self.tool.name, path)

    def value(self, value: Any, schema: Any, path: str) -> Any:
        if isinstance(value, ToolCall):
            return validate_call(value, self.tools, fill_defaults=self.fill_defaults)
        if schema is True or not isinstance(schema, dict):
            return value
        for key in ("anyOf", "oneOf"):
            if key in schema:
                value = self.one_of(value, schema[key], path)
        for sub in schema.get("allOf", []):
            value = self.value(value, sub, path)
        value = self.typed(value, schema, path)
        if "enum" in schema and not _contains(schema["enum"], value):
            allowed = ", ".join(repr(v) for v in schema["enum"])
            raise self.fail(EnumViolationError, path, f"is {value!r}; allowed: {allowed}")
        if "const" in schema and not _same(schema["const"], value):
            raise self.fail(EnumViolationError, path, f"must be {schema['const']!r}")
        self.bounds(value, schema, path)
        return value

    def one_of(self, value: Any, branches: list[Any], path: str) -> Any:
        errors = []
        for branch in branches:
            try:
                return self.value(value, branch, path)
            except CallValidationError as exc:
                errors.append(exc)
        typed = [e for e in errors if not isinstance(e, ArgumentTypeError)]
        if len(typed) == 1:
            raise typed[0]
        raise self.fail(ArgumentTypeError, path, f"matches none of its {len(branches)} forms")

    def typed(self, value: Any, schema: dict[str, Any], path: str) -> Any:
        types = schema_types(schema) if "type" in schema else []
        actual = json_type_of(value)
        if types and actual not in types:
            if actual == "integer" and "number" in types:
                value = float(value)
            else:
                expected = " or ".join(types)
                raise self.fail(ArgumentTypeError, path, f"must be {expected}, got {actual}")
        if isinstance(value, float) and not math.isfinite(value):
            raise self.fail(ConstraintViolationError, path, f"is {value!r}, not a finite number")
        if isinstance(value, tuple):
            value = list(value)
        if isinstance(value, list):
            return self.array(value, schema, path)
        if isinstance(value, dict):
            return self.object(value, schema, path)
        return value

    def array(self, value: list[Any], schema: dict[str, Any], path: str) -> list[Any]:
        prefix = schema.get("prefixItems", [])
        items = schema.get("items", {})
        out = []
        for i, element in enumerate(value):
            sub = prefix[i] if i < len(prefix) else items
            if sub is False:
                raise self.fail(ConstraintViolationError, path, f"allows {i} items at most")
            out.append(self.value(element, sub, f"{path}[{i}]"))
        return out

    def object(self, value: dict[str, Any], schema: dict[str, Any], path: str) -> dict[str, Any]:
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", not properties)
        out = {}
        for key, item in value.items():
            if key == NESTED_CALL_KEY:
                raise self.fail(UnknownArgumentError, f"{path}.{key}", "is a reserved key")
            if key in properties:
                out[key] = self.value(item, properties[key], f"{path}.{key}")
            elif extra is False:
                known = ", ".join(properties) or "none"
                raise self.fail(UnknownArgumentError, f"{path}.{key}", f"is unknown ({known})")
            else:
                out[key] = self.value(item, extra, f"{path}.{key}")
        for key in schema.get("required", []):
            if key not in value:
                where = f"{path}.{key}"
                raise MissingArgumentError(
                    f"{self.tool.name}(): argument {where!r} is missing",
                    self.tool.name,
                    where,
                    f"To run {self.tool.name}, I need {where}. Could you provide it?",
                )
        for key, sub in properties.items():
            if key not in out and isinstance(sub, dict) and "default" in sub:
                out[key] = self.value(copy.deepcopy(sub["default"]), sub, f"{path}.{key}")
        return out

    def bounds(self, value: Any, schema: dict[str, Any], path: str) -> None:
        problem = _bound_problem(value, schema)
        if problem:
            raise self.fail(ConstraintViolationError, path, problem)


def _bound_problem(value: Any, schema: dict[str, Any]) -> str | None:
    if isinstance(value, str):
        if "minLength" in schema and len(value) < schema["minLength"]:
            return f"is shorter than {schema['minLength']} characters"
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return f"is longer than {schema['maxLength']} characters"
        if LONE_SURROGATE.search(value):
            return "is not valid Unicode (it holds a lone surrogate)"
        if "pattern" in schema and not patterns.search(schema["pattern"], value):
            return f"does not match pattern {schema['pattern']!r}"
        if "format" in schema and not _format_ok(value, schema["format"]):
            return f"is not a valid {schema['format']}"
    elif isinstance(value, int | float) and not isinstance(value, bool):
        checks = (
            ("minimum", lambda b: value < b, "less than"),
            ("maximum", lambda b: value > b, "greater than"),
            ("exclusiveMinimum", lambda b: value <= b, "not greater than"),
            ("exclusiveMaximum", lambda b: value >= b, "not less than"),
        )
        for key, broken, words in checks:
            if key in schema and not isinstance(schema[key], bool) and broken(schema[key]):
                return f"is {value!r}, {words} {schema[key]!r}"
    elif isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            return f"has fewer than {schema['minItems']} items"
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            return f"has more than {schema['maxItems']} items"
    return None


# RFC 3339 shapes, checked before the stdlib parser, which accepts more (20240229, 2024-W09).
_FORMAT_SHAPES = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "date-time": re.compile(
        r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$"
    ),
    "time": re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$"),
}


def _format_ok(value: str, fmt: str) -> bool:
    if fmt in _FORMAT_SHAPES and not _FORMAT_SHAPES[fmt].match(value):
        return False
    parsers = {
        "date": _dt.date.fromisoformat,
        "date-time": _dt.datetime.fromisoformat,
        "time": _dt.time.fromisoformat,
        "uuid": uuid.UUID,
    }
    if fmt == "email":
        return patterns.search(_EMAIL, value)
    if fmt not in parsers:
        return True  # unknown formats are annotations, as JSON Schema says
    try:
        parsers[fmt](value)
    except ValueError:
        return False
    return True


def _same(a: Any, b: Any) -> bool:
    """JSON equality: ``True`` is not ``1``, but ``1`` equals ``1.0``."""
    kinds = {json_type_of(a), json_type_of(b)}
    return a == b and (len(kinds) == 1 or kinds <= {"integer", "number"})


def _contains(options: list[Any], value: Any) -> bool:
    return any(_same(option, value) for option in options)
