"""fncall answers and errors as OpenAI's JSON: the one choice a response makes, the
``chat.completion`` body, and the API error for each way a request can fail."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass
from typing import Any, Literal

from fncall.caller import Response
from fncall.calls.call import ToolCall
from fncall.dialects.base import Dialect
from fncall.errors import (
    EngineError,
    FncallError,
    GrammarError,
    PromptError,
    ToolChoiceError,
    ToolDefinitionError,
    TruncatedOutputError,
)
from fncall.server.gate import TextGate, cut_at_stops
from fncall.server.protocol import ApiError
from fncall.server.translate import Prepared

Stage = Literal["request", "engine", "timeout", "shutdown"]
"""Where a request failed: its own fault (400), the engine's (500), time (504), shutdown
(503)."""


@dataclass(frozen=True)
class Answer:
    """What goes in the response's one choice."""

    calls: list[ToolCall]
    content: str | None
    finish_reason: str


def answer_of(response: Response, prepared: Prepared, dialect: Dialect) -> Answer:
    """The choice a response makes.

    A generation cut by ``max_tokens`` keeps the plain text it had (``finish_reason``
    ``length``, as OpenAI) but never a call: a cut call is not a call. Any other unusable
    output is a server-side failure, reported rather than passed on.

    Raises:
        ApiError: 500 ``model_error`` when the output is not a valid answer.
    """
    error = response.error
    if error is None:
        content, stopped = cut_at_stops(response.text, prepared.stops)
        if response.calls:
            finish = "function_call" if prepared.legacy else "tool_calls"
            return Answer(response.calls, content or None, finish)
        return Answer([], content, "stop" if stopped else response.finish_reason)
    if isinstance(error, TruncatedOutputError):
        gate = TextGate(dialect, prepared.stops)
        gate.feed(response.raw)
        return Answer([], gate.emitted or None, "stop" if gate.stopped else "length")
    raise ApiError(
        500,
        f"The model's output is not a valid answer ({type(error).__name__}: {error}); it is "
        "reported rather than returned as an invalid call.",
        type="model_error",
        code="invalid_model_output",
    )


def logged_answer(
    response: Response, prepared: Prepared, dialect: Dialect, access: dict[str, Any]
) -> Answer:
    """:func:`answer_of`, with the token counts (and an error's code) in the request's
    access-log record.

    Raises:
        ApiError: as :func:`answer_of`.
    """
    access.update(
        prompt_tokens=response.prompt_tokens, completion_tokens=response.completion_tokens
    )
    try:
        return answer_of(response, prepared, dialect)
    except ApiError as exc:
        access["outcome"] = f"error:{exc.code}"
        raise


def new_id(prefix: str = "chatcmpl-") -> str:
    """A response or call id."""
    return prefix + secrets.token_hex(12)


def call_json(call: ToolCall) -> str:
    """A call's arguments as the JSON string OpenAI puts in ``arguments`` (nested calls as
    ``{"$call": {...}}``)."""
    return json.dumps(call.to_dict()["arguments"], ensure_ascii=False)


def usage(response: Response) -> dict[str, int]:
    """OpenAI's ``usage`` object."""
    return {
        "prompt_tokens": response.prompt_tokens,
        "completion_tokens": response.completion_tokens,
        "total_tokens": response.prompt_tokens + response.completion_tokens,
    }


def completion_body(
    cid: str, model: str, answer: Answer, response: Response, legacy: bool, fingerprint: str
) -> dict[str, Any]:
    """A ``chat.completion`` object."""
    message: dict[str, Any] = {"role": "assistant", "content": answer.content, "refusal": None}
    if answer.calls and legacy:
        call = answer.calls[0]
        message["function_call"] = {"name": call.name, "arguments": call_json(call)}
    elif answer.calls:
        message["tool_calls"] = [
            {
                "id": new_id("call_"),
                "type": "function",
                "function": {"name": c.name, "arguments": call_json(c)},
            }
            for c in answer.calls
        ]
    return {
        "id": cid,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": fingerprint,
        "choices": [
            {
                "index": 0,
                "message": message,
                "logprobs": None,
                "finish_reason": answer.finish_reason,
            }
        ],
        "usage": usage(response),
    }


def error_for(error: BaseException, stage: Stage, timeout: float) -> ApiError:
    """The API error for a failure: the request's fault (400), the server's (500), time
    (504) or a shutdown (503)."""
    if isinstance(error, ApiError):
        return error
    if stage == "timeout":
        return ApiError(
            504,
            f"No answer within this server's request timeout ({timeout:g} s); ask for fewer "
            "tokens or try again later.",
            type="timeout",
            code="request_timeout",
        )
    if stage == "shutdown":
        return ApiError(503, "The server is shutting down.", type="server_error", code="shutdown")
    if stage == "request" and isinstance(error, FncallError):
        param, code = "messages", "invalid_request"
        if isinstance(error, ToolChoiceError):
            param, code = "tool_choice", "invalid_tool_choice"
        elif isinstance(error, GrammarError | ToolDefinitionError):
            param, code = "tools", "unsupported_schema"
        elif isinstance(error, EngineError):
            param = None
        elif isinstance(error, PromptError):
            code = "unsupported_conversation"
        return ApiError(400, f"{error}", param=param, code=code)
    return ApiError(
        500,
        f"The server failed while generating ({type(error).__name__}: {error}).",
        type="server_error",
        code="engine_error",
    )
