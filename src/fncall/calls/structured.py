"""A plain answer held to a ``response_format``: parsed as one JSON object and validated
against the schema like a call's arguments (never ``eval``-ed), the grammar having kept it
to the schema already where decoding was constrained."""

from __future__ import annotations

from typing import Any

from fncall.calls.jsonparse import decode_json_object
from fncall.calls.validate import validate_value
from fncall.errors import ConstraintViolationError, OutputParseError
from fncall.request import ResponseFormat


def read_structured_answer(text: str, response_format: ResponseFormat) -> Any:
    """The answer as the object it must be: a dict, or the pydantic model's instance.

    Raises:
        OutputParseError: the text is not one JSON object.
        CallValidationError: the object does not fit the schema (the error names the field).
    """
    stripped = text.strip()
    if not stripped.startswith("{"):
        raise OutputParseError("the answer is not the JSON object response_format asks for", text)
    obj = decode_json_object(stripped, text, where="the answer")
    tool = response_format.tool
    checked = validate_value(obj, tool.parameters, tool, "answer")
    if response_format.model is None:
        return checked
    try:
        return response_format.model.model_validate(checked)
    except ValueError as exc:  # the model's own validators, beyond its schema
        errors = getattr(exc, "errors", lambda: [])()
        where = ".".join(str(p) for p in errors[0]["loc"]) if errors else None
        said = errors[0]["msg"] if errors else str(exc)
        raise ConstraintViolationError(
            f"the answer does not fit {response_format.model.__name__}: {said}", tool.name, where
        ) from None
