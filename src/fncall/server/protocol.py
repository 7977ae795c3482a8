"""The OpenAI chat-completions request, as pydantic models, and the API's error.

Requests are read strictly: a field the API does not have is refused by name (as OpenAI's own
server does), values are not coerced (``"max_tokens": "10"`` is an error, not 10), and the
OpenAI parameters fncall cannot honour are accepted only at their neutral values
(``frequency_penalty: 0``, ``logprobs: false``), which clients send by default, and refused
with a message naming them otherwise. Nothing a client asks for is silently ignored.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fncall.calls.limits import LONE_SURROGATE
from fncall.server.config import ServerConfig
from fncall.tools.schema import inline_refs


class ApiError(Exception):
    """An error answered as OpenAI answers errors: an HTTP status and
    ``{"error": {"message", "type", "param", "code"}}``.

    Attributes:
        status: The HTTP status code.
        message: What was wrong, naming the field.
        type: OpenAI's error type (``invalid_request_error``, ``server_error``, ...).
        param: The offending request field (``messages[2].content``), if any.
        code: A machine-readable code (``model_not_found``), if any.
        headers: Extra response headers (``Retry-After``).
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        """The JSON error body."""
        return {
            "error": {
                "message": self.message,
                "type": self.type,
                "param": self.param,
                "code": self.code,
            }
        }


class Strict(BaseModel):
    """A request model read strictly: unknown fields refused, values not coerced."""

    model_config = ConfigDict(extra="forbid", strict=True)


_Model = TypeVar("_Model", bound=BaseModel)


class FunctionDef(Strict):
    """A function offered to the model (``tools[i].function``, or a legacy ``functions``
    item)."""

    name: str
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class ToolDef(Strict):
    """One ``tools`` item."""

    type: Literal["function"]
    function: FunctionDef


class FunctionName(Strict):
    """``{"name": ...}``: a named function in ``tool_choice`` or ``function_call``."""

    name: str


class NamedToolChoice(Strict):
    """``{"type": "function", "function": {"name": ...}}``."""

    type: Literal["function"]
    function: FunctionName


class CallText(Strict):
    """A call as an assistant message carries it: the arguments are a JSON string."""

    name: str
    arguments: str


class ToolCallParam(Strict):
    """One ``tool_calls`` item of an assistant message sent back in the history."""

    id: str
    type: Literal["function"]
    function: CallText


# Content is text or a list of parts; parts are checked in translate (text parts only) so
# that an image part is refused with a message about images, not a schema error.
Content = str | list[dict[str, Any]]


class SystemMessage(Strict):
    role: Literal["system", "developer"]
    content: Content
    name: str | None = None


class UserMessage(Strict):
    role: Literal["user"]
    content: Content
    name: str | None = None


class AssistantMessage(Strict):
    role: Literal["assistant"]
    content: Content | None = None
    tool_calls: list[ToolCallParam] | None = None
    function_call: CallText | None = None
    refusal: str | None = None
    name: str | None = None


class ToolMessage(Strict):
    role: Literal["tool"]
    content: Content
    tool_call_id: str
    # the called function's name, as some clients (and fncall's agent) send it: checked
    name: str | None = None


class FunctionMessage(Strict):
    """The legacy ``function`` role: a function's result, named by the function."""

    role: Literal["function"]
    name: str
    content: str | None


Message = Annotated[
    SystemMessage | UserMessage | AssistantMessage | ToolMessage | FunctionMessage,
    Field(discriminator="role"),
]


class StreamOptions(Strict):
    include_usage: bool | None = None


class SamplingFields(Strict):
    """What the chat and the raw completions APIs share: how to sample, and when to stop."""

    max_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    stop: str | list[str] | None = None
    # torch seeds take any 64-bit value, signed or not
    seed: int | None = Field(default=None, ge=-(2**63), lt=2**64)
    n: int | None = None
    stream: bool | None = None
    # who asks: it does not change the answer
    user: str | None = None


class ChatCompletionRequest(SamplingFields):
    """``POST /v1/chat/completions``, as far as fncall serves it."""

    model: str
    messages: list[Message] = Field(min_length=1)
    tools: list[ToolDef] | None = None
    tool_choice: Literal["auto", "none", "required"] | NamedToolChoice | None = None
    parallel_tool_calls: bool | None = None
    functions: list[FunctionDef] | None = None
    function_call: Literal["auto", "none"] | FunctionName | None = None
    max_completion_tokens: int | None = Field(default=None, ge=1)
    stream_options: StreamOptions | None = None
    # text, json_object or json_schema: read by fncall.request.resolve_response_format
    response_format: dict[str, Any] | None = None
    # identifiers of the end user or cache: they do not change the answer
    safety_identifier: str | None = None
    prompt_cache_key: str | None = None


# OpenAI parameters fncall cannot honour, with the values that mean "not used": clients
# (LangChain, the SDKs) send some of them by default.
NEUTRAL_VALUES: dict[str, tuple[Any, ...]] = {
    "frequency_penalty": (0,),
    "presence_penalty": (0,),
    "logprobs": (False,),
    "top_logprobs": (0,),
    "logit_bias": ({},),
    "store": (False,),
    "metadata": ({},),
    "service_tier": ("auto", "default"),
    "modalities": (["text"],),
    "reasoning_effort": (),
    "audio": (),
    "prediction": (),
    "web_search_options": (),
    "verbosity": (),
}


def parse_json_body(raw: bytes) -> dict[str, Any]:
    """The request body as a JSON object, every string in it valid Unicode.

    Raises:
        ApiError: 400 for a body that is not JSON, not an object, nested too deeply, or
            holding a string that is not valid Unicode (naming the field).
    """
    try:
        data = json.loads(raw)
    except RecursionError:
        raise ApiError(
            400,
            "The JSON body is nested too deeply for this server (arrays and objects more than "
            "about 900 levels deep; a tool schema may nest at most 32 levels).",
            code="json_too_deep",
        ) from None
    except ValueError as exc:  # bad JSON, bad UTF-8
        raise ApiError(
            400,
            f"We could not parse the JSON body of your request ({type(exc).__name__}: "
            f"{str(exc)[:200]}). The body must be a JSON object.",
            code="invalid_json",
        ) from None
    if not isinstance(data, dict):
        raise ApiError(
            400,
            f"The request body must be a JSON object, not {type(data).__name__}.",
            code="invalid_json",
        )
    where = _lone_surrogate(data)
    if where is not None:
        raise ApiError(
            400,
            f"Invalid value for '{where}': the string holds a lone surrogate (an escape such "
            "as \\ud800 that is no Unicode character).",
            param=where,
            code="invalid_unicode",
        )
    return data


def _lone_surrogate(data: dict[str, Any]) -> str | None:
    """The path of the first string (key or value) in ``data`` that is not valid Unicode."""
    try:  # the common case, at C speed: every string encodes
        json.dumps(data, ensure_ascii=False).encode("utf-8")
        return None
    except (UnicodeEncodeError, RecursionError):
        pass
    stack: list[tuple[Any, list[Any]]] = [(data, [])]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str) and LONE_SURROGATE.search(value):
            return field_path(path)
        if isinstance(value, dict):
            for key, item in value.items():
                if LONE_SURROGATE.search(key):
                    return field_path(path) if path else "body"
                stack.append((item, [*path, key]))
        elif isinstance(value, list):
            stack.extend((item, [*path, i]) for i, item in enumerate(value))
    return "body"


def parse_request(data: dict[str, Any], config: ServerConfig) -> ChatCompletionRequest:
    """Check a chat-completions body field by field.

    Raises:
        ApiError: 400 naming the first offending field.
    """
    # Counted before validation, so 10,000 tools cost a length check, not 10,000 models.
    for key in ("tools", "functions"):
        items = data.get(key)
        if isinstance(items, list) and len(items) > config.max_tools:
            raise ApiError(
                400,
                f"'{key}' has {len(items)} items; this server accepts at most {config.max_tools}.",
                param=key,
                code="too_many_tools",
            )
    return parse_body(ChatCompletionRequest, data, NEUTRAL_VALUES)


def parse_body(
    model: type[_Model], data: dict[str, Any], neutral: dict[str, tuple[Any, ...]]
) -> _Model:
    """Check a body against ``model``, the parameters fncall cannot honour (``neutral``)
    accepted only at the values that mean "not used".

    Raises:
        ApiError: 400 naming the first offending field.
    """
    fields = dict(data)
    for key, allowed_values in neutral.items():
        if key not in fields:
            continue
        value = fields.pop(key)
        if value is not None and not any(_same(value, n) for n in allowed_values):
            allowed = " or ".join(json.dumps(n) for n in (*allowed_values, None))
            raise ApiError(
                400,
                f"'{key}' is not supported by fncall serve; it accepts only {allowed} "
                f"(got {_excerpt(value)}).",
                param=key,
                code="unsupported_parameter",
            )
    try:
        return model.model_validate(fields)
    except ValidationError as exc:
        raise _validation_error(exc) from None


def _same(value: Any, neutral: Any) -> bool:
    """Equal as JSON values: ``0 == 0.0``, but ``false`` is not ``0``."""
    if isinstance(value, bool) or isinstance(neutral, bool):
        return value is neutral
    if isinstance(neutral, int | float):
        return isinstance(value, int | float) and value == neutral
    return type(value) is type(neutral) and value == neutral


def _validation_error(exc: ValidationError) -> ApiError:
    """The most specific pydantic error, worded as OpenAI words it, naming the field."""
    errors = exc.errors(include_url=False)
    for error in errors:
        if error["type"] == "extra_forbidden":
            param = field_path(_request_path(error["loc"]))
            return ApiError(
                400,
                f"Unrecognized request argument supplied: {param}",
                param=param,
                code="unknown_parameter",
            )
    # A union reports one error per member; the deepest path is the most specific, and
    # errors at the same path are the alternatives ("a string or a list").
    paths = [_request_path(e["loc"]) for e in errors]
    deepest = max(paths, key=len)
    alike = [e for e, p in zip(errors, paths, strict=True) if p == deepest]
    param = field_path(deepest)
    if alike[0]["type"] == "missing":
        return ApiError(
            400, f"Missing required parameter: '{param}'.", param=param, code="missing_parameter"
        )
    first, *others = dict.fromkeys(e["msg"] for e in alike)
    detail = first + "".join(f" or {m.removeprefix('Input should be ')}" for m in others)
    got = _excerpt(alike[0].get("input"))
    return ApiError(
        400,
        f"Invalid value for '{param}': {detail} (got {got}).",
        param=param,
        code="invalid_value",
    )


_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
_TYPE_NAMES = frozenset({"str", "int", "float", "bool", "dict", "list", "none"})


def _request_path(loc: tuple[Any, ...]) -> list[Any]:
    """A pydantic location without the union members it names: ``messages.0.user.content.str``
    is ``messages[0].content`` in the request."""
    out: list[Any] = []
    for i, part in enumerate(loc):
        if isinstance(part, str):
            after_message = i >= 2 and loc[i - 2] == "messages" and isinstance(loc[i - 1], int)
            if (
                (after_message and part in _ROLES)
                or part in _TYPE_NAMES
                or "[" in part
                or part[:1].isupper()  # a model class: every request field is lower case
            ):
                continue
        out.append(part)
    return out


def field_path(loc: list[Any]) -> str:
    """``["messages", 0, "content"]`` as ``messages[0].content``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "body"


def _excerpt(value: Any, limit: int = 80) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def chat_completions_openapi() -> dict[str, Any]:
    """The OpenAPI request body of ``POST /v1/chat/completions``."""
    return request_body_openapi(ChatCompletionRequest)


def request_body_openapi(model: type[BaseModel]) -> dict[str, Any]:
    """The OpenAPI request body of a route that takes ``model`` (routes read the raw body
    themselves, to answer errors in OpenAI's shape, so FastAPI cannot derive it)."""
    schema = model.model_json_schema()
    schema = inline_refs(schema, root=schema, tool=model.__name__, path="body")
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _without_discriminators(schema)}},
        }
    }


def _without_discriminators(schema: Any) -> Any:
    """Inlined, the discriminator mappings' pointers lead nowhere; ``oneOf`` stays."""
    if isinstance(schema, dict):
        return {k: _without_discriminators(v) for k, v in schema.items() if k != "discriminator"}
    if isinstance(schema, list):
        return [_without_discriminators(v) for v in schema]
    return schema
