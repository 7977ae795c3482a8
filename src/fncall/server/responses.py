"""OpenAI's Responses API: ``POST /v1/responses`` and ``GET /v1/responses/{id}``.

A request is translated into the chat request it amounts to, so it is checked, rendered,
generated and answered exactly as ``/v1/chat/completions`` would be, then answered in the
Responses shape:

- ``input`` is a string or a list of items: messages (``user``, ``system``,
  ``developer``, ``assistant``; text content or ``input_text``/``output_text`` parts),
  ``function_call`` items (a previous answer's calls, sent back as they came) and
  ``function_call_output`` items (their results); ``instructions`` is a system message;
- ``previous_response_id`` continues a stored response: its conversation (without its
  instructions, as OpenAI does) comes before the new input. Responses are kept in memory,
  the :data:`STORED_RESPONSES` most recently used within :data:`STORED_BYTES`, unless
  ``store`` is false;
- function ``tools``, ``tool_choice``, ``parallel_tool_calls``, ``max_output_tokens``,
  ``temperature``, ``top_p`` and ``text.format`` (``text``, ``json_object``,
  ``json_schema``) mean what they mean in the chat API;
- the answer's ``output`` holds a ``message`` item with ``output_text``, or one
  ``function_call`` item per call; a generation cut by ``max_output_tokens`` is
  ``incomplete``. With ``stream`` the events are OpenAI's (``response.created`` ...
  ``response.completed``), text deltas as the model writes them.

Other tool types, input items and parameters are refused by name, never ignored.
"""

from __future__ import annotations

import json
import re
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import Field

from fncall.caller import Response as CallerResponse
from fncall.server.answers import Answer, call_json, error_for, logged_answer, new_id
from fncall.server.gate import TextGate
from fncall.server.protocol import (
    ApiError,
    Strict,
    parse_body,
    parse_json_body,
    parse_request,
    request_body_openapi,
)
from fncall.server.scheduler import Done, Failed, Text
from fncall.server.service import Service, Submitted
from fncall.tools.schema import data_size

router = APIRouter()

STORED_RESPONSES = 1024
"""Responses kept for ``previous_response_id`` (the least recently used go first)."""
STORED_BYTES = 64 * 2**20
"""What the stored responses may take in all (about: their JSON's size), so clients
cannot fill the server's memory with long conversations."""
ARGUMENT_FRAGMENT = 48
"""Characters of a call's arguments per streamed delta."""

NEUTRAL_VALUES: dict[str, tuple[Any, ...]] = {
    "truncation": ("disabled",),
    "background": (False,),
    "include": ([],),
    "service_tier": ("auto", "default"),
    "top_logprobs": (0,),
    "reasoning": (),
    "conversation": (),
    "prompt": (),
    "max_tool_calls": (),
}


class ResponsesRequest(Strict):
    """``POST /v1/responses``, as far as fncall serves it."""

    model: str
    input: str | list[dict[str, Any]]
    instructions: str | None = None
    tools: list[dict[str, Any]] | None = None
    tool_choice: str | dict[str, Any] | None = None
    parallel_tool_calls: bool | None = None
    previous_response_id: str | None = None
    max_output_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    stream: bool | None = None
    text: dict[str, Any] | None = None
    store: bool | None = None
    metadata: dict[str, str] | None = None
    user: str | None = None
    safety_identifier: str | None = None
    prompt_cache_key: str | None = None


class ResponseStore:
    """The most recently used responses, for ``previous_response_id`` and ``GET``: each
    its body and the conversation it ends (chat-shaped messages)."""

    def __init__(self, size: int = STORED_RESPONSES, max_bytes: int = STORED_BYTES) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = OrderedDict()
        self._bytes: dict[str, int] = {}
        self._total = 0

    def put(self, body: dict[str, Any], conversation: list[dict[str, Any]]) -> None:
        """Keep a response (one larger than the whole budget is not kept)."""
        weight = data_size([body, conversation], self.max_bytes)
        if weight > self.max_bytes:
            return
        self._items[body["id"]] = (body, conversation)
        self._bytes[body["id"]] = weight
        self._total += weight
        while len(self._items) > self.size or self._total > self.max_bytes:
            oldest, _ = self._items.popitem(last=False)
            self._total -= self._bytes.pop(oldest)

    def body(self, rid: str) -> dict[str, Any]:
        """A stored response's body.

        Raises:
            ApiError: 404 when it is not (or no longer) stored.
        """
        return self._get(rid, "id")[0]

    def conversation(self, rid: str) -> list[dict[str, Any]]:
        """The conversation a stored response ends.

        Raises:
            ApiError: 404 when it is not (or no longer) stored.
        """
        return self._get(rid, "previous_response_id")[1]

    def _get(self, rid: str, param: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        if rid not in self._items:
            raise ApiError(
                404,
                f"No response with id '{rid}' is stored here (this server keeps the newest "
                f"{self.size}, in memory, unless store is false).",
                param=param,
                code="response_not_found",
            )
        self._items.move_to_end(rid)
        return self._items[rid]


@router.post("/v1/responses", openapi_extra=request_body_openapi(ResponsesRequest))
async def create_response(request: Request) -> Response:
    """Answer a Responses request (see the module docstring)."""
    service: Service = request.app.state.service
    store: ResponseStore = request.app.state.responses
    access: dict[str, Any] = request.state.access
    body = parse_body(ResponsesRequest, parse_json_body(await request.body()), NEUTRAL_VALUES)
    service.check_model(body.model)
    history = store.conversation(body.previous_response_id) if body.previous_response_id else []
    added, sources = _input_messages(body.input)
    chat = _chat_body(body, [*history, *added])
    origins = ["instructions"] if body.instructions else []
    origins += ["previous_response_id"] * len(history) + sources
    try:
        submitted = await service.submit(parse_request(chat, service.config), access)
    except ApiError as exc:
        raise _named_for_input(exc, origins) from None
    rid = f"resp_{request.state.request_id}"
    shell = _shell(rid, body, service.served)
    keep = body.store is not False

    def finish(
        answer: Answer, response: CallerResponse, streamed: tuple[str, str] | None = None
    ) -> dict[str, Any]:
        """The finished response, stored: with ``streamed`` (the message id and text sent),
        its message is the one the client saw."""
        output = _output(answer)
        if streamed is not None:
            message = _message_item(*streamed)
            if output and output[0]["type"] == "message":
                output[0] = message
            else:
                output.insert(0, message)
        done = {**shell, **_completion(answer, response), "output": output}
        if keep:
            store.put(done, [*history, *added, *_output_messages(output)])
        return done

    if submitted.prepared.stream:
        first = await submitted.ticket.next()
        if isinstance(first, Failed):
            raise error_for(first.error, first.stage, service.config.timeout)
        return StreamingResponse(
            _events(submitted, shell, finish, service, access),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    response, answer = await service.answer(submitted, access)
    return JSONResponse(finish(answer, response))


@router.get("/v1/responses/{response_id}")
async def get_response(request: Request, response_id: str) -> dict[str, Any]:
    """A stored response."""
    store: ResponseStore = request.app.state.responses
    return store.body(response_id)


# --- the request, as a chat request --------------------------------------------------------


def _chat_body(body: ResponsesRequest, messages: list[dict[str, Any]]) -> dict[str, Any]:
    if body.instructions:
        messages = [{"role": "system", "content": body.instructions}, *messages]
    if not messages:
        raise ApiError(400, "input is empty: there is nothing to answer.", param="input")
    chat: dict[str, Any] = {"model": body.model, "messages": messages}
    if body.tools is not None:
        chat["tools"] = [_tool(t, i) for i, t in enumerate(body.tools)]
    if body.tool_choice is not None:
        chat["tool_choice"] = _tool_choice(body.tool_choice)
    for name, value in (
        ("parallel_tool_calls", body.parallel_tool_calls),
        ("max_completion_tokens", body.max_output_tokens),
        ("temperature", body.temperature),
        ("top_p", body.top_p),
        ("stream", body.stream),
    ):
        if value is not None:
            chat[name] = value
    if body.text is not None:
        chat["response_format"] = _response_format(body.text)
    return chat


def _tool(tool: dict[str, Any], index: int) -> dict[str, Any]:
    if tool.get("type") != "function":
        raise ApiError(
            400,
            f"tools[{index}].type {tool.get('type')!r} is not supported: fncall serves "
            "function tools only.",
            param=f"tools[{index}].type",
            code="unsupported_tool_type",
        )
    function = {k: v for k, v in tool.items() if k != "type"}
    return {"type": "function", "function": function}


def _tool_choice(choice: str | dict[str, Any]) -> str | dict[str, Any]:
    if isinstance(choice, str):
        return choice
    if choice.get("type") == "function" and set(choice) == {"type", "name"}:
        return {"type": "function", "function": {"name": choice["name"]}}
    raise ApiError(
        400,
        'tool_choice must be "auto", "none", "required" or {"type": "function", "name": ...}.',
        param="tool_choice",
        code="invalid_tool_choice",
    )


def _response_format(text: dict[str, Any]) -> dict[str, Any]:
    unknown = set(text) - {"format", "verbosity"}
    if unknown or text.get("verbosity") not in (None, "medium"):
        field = sorted(unknown)[0] if unknown else "verbosity"
        raise ApiError(400, f"text.{field} is not supported.", param=f"text.{field}")
    fmt = text.get("format") or {"type": "text"}
    if not isinstance(fmt, dict):
        raise ApiError(400, "text.format must be an object.", param="text.format")
    if fmt.get("type") != "json_schema":
        return fmt
    spec = {k: v for k, v in fmt.items() if k != "type"}
    return {"type": "json_schema", "json_schema": spec}


# chat fields a Responses request's fields became, and their Responses names
_RESPONSES_NAMES = (
    (re.compile(r"tools\[(\d+)\]\.function\b"), r"tools[\1]"),
    (re.compile(r"\bmax_completion_tokens\b"), "max_output_tokens"),
    (re.compile(r"\bresponse_format\.json_schema\b"), "text.format"),
    (re.compile(r"\bresponse_format\b"), "text.format"),
)


def _named_for_input(error: ApiError, origins: list[str]) -> ApiError:
    """``error`` naming the Responses field the chat field came from: the input item for
    ``messages[k]``, ``max_output_tokens`` for ``max_completion_tokens`` and so on."""
    found = re.match(r"messages\[(\d+)\]", error.param or "")
    if found and int(found.group(1)) < len(origins):
        error.param = origins[int(found.group(1))] + error.param[found.end() :]  # type: ignore[index]
        error.message = error.message.replace(found.group(0), origins[int(found.group(1))])
    for chat_name, responses_name in _RESPONSES_NAMES:
        if error.param:
            error.param = chat_name.sub(responses_name, error.param)
        error.message = chat_name.sub(responses_name, error.message)
    return error


def _input_messages(given: str | list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Input items as chat messages (consecutive function calls make one assistant turn),
    and the input item each message came from (``input[i]``)."""
    if isinstance(given, str):
        return [{"role": "user", "content": given}], ["input"]
    out: list[dict[str, Any]] = []
    sources: list[str] = []
    for i, item in enumerate(given):
        where = f"input[{i}]"
        kind = item.get("type", "message")
        if kind == "message":
            role = item.get("role")
            if role not in ("user", "system", "developer", "assistant"):
                raise ApiError(
                    400, f"{where}.role {role!r} is not a message role.", param=f"{where}.role"
                )
            out.append({"role": role, "content": _text(item.get("content"), f"{where}.content")})
            sources.append(where)
        elif kind == "function_call":
            call = {
                "id": _string(item, "call_id", where),
                "type": "function",
                "function": {
                    "name": _string(item, "name", where),
                    "arguments": _string(item, "arguments", where),
                },
            }
            last = out[-1] if out else None
            if last is not None and last["role"] == "assistant":  # one generation's calls
                last.setdefault("tool_calls", []).append(call)
            else:
                out.append({"role": "assistant", "content": None, "tool_calls": [call]})
                sources.append(where)
        elif kind == "function_call_output":
            output = item.get("output")
            content = _text(output, f"{where}.output")
            out.append(
                {
                    "role": "tool",
                    "tool_call_id": _string(item, "call_id", where),
                    "content": content,
                }
            )
            sources.append(where)
        else:
            raise ApiError(
                400,
                f"{where}.type {kind!r} is not supported: input items are messages, "
                "function_call and function_call_output.",
                param=f"{where}.type",
                code="unsupported_input_item",
            )
    return out, sources


def _text(content: Any, field: str) -> str:
    """The text of ``field`` (a message's content, an output): a string, or text parts."""
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        raise ApiError(400, f"{field} must be text or a list of text parts.", param=field)
    texts = []
    for j, part in enumerate(content):
        kinds = ("input_text", "output_text", "text")
        if not isinstance(part, dict) or part.get("type") not in kinds:
            kind = part.get("type") if isinstance(part, dict) else type(part).__name__
            raise ApiError(
                400, f"{field}[{j}] is {kind!r}; fncall serves text only.", param=f"{field}[{j}]"
            )
        texts.append(_string(part, "text", f"{field}[{j}]"))
    return "\n".join(texts)


def _string(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str):
        raise ApiError(400, f"{where}.{key} must be a string.", param=f"{where}.{key}")
    return value


# --- the answer, as a response -------------------------------------------------------------


def _shell(rid: str, body: ResponsesRequest, model: str) -> dict[str, Any]:
    """The response object before its output: what the request asked for."""
    fmt = (body.text or {}).get("format") or {"type": "text"}
    return {
        "id": rid,
        "object": "response",
        "created_at": int(time.time()),
        "status": "in_progress",
        "model": model,
        "output": [],
        "instructions": body.instructions,
        "previous_response_id": body.previous_response_id,
        "tools": body.tools or [],
        "tool_choice": body.tool_choice if body.tool_choice is not None else "auto",
        "parallel_tool_calls": body.parallel_tool_calls is not False,
        "temperature": body.temperature,
        "top_p": body.top_p,
        "max_output_tokens": body.max_output_tokens,
        "text": {"format": fmt},
        "truncation": "disabled",
        "store": body.store is not False,
        "metadata": body.metadata or {},
        "error": None,
        "incomplete_details": None,
        "usage": None,
    }


def _completion(answer: Answer, response: CallerResponse) -> dict[str, Any]:
    incomplete = answer.finish_reason == "length"
    return {
        "status": "incomplete" if incomplete else "completed",
        "incomplete_details": {"reason": "max_output_tokens"} if incomplete else None,
        "usage": {
            "input_tokens": response.prompt_tokens,
            "input_tokens_details": {"cached_tokens": 0},
            "output_tokens": response.completion_tokens,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": response.prompt_tokens + response.completion_tokens,
        },
    }


def _output(answer: Answer) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    if answer.content:
        items.append(_message_item(new_id("msg_"), answer.content))
    for call in answer.calls:
        items.append(
            {
                "type": "function_call",
                "id": new_id("fc_"),
                "call_id": new_id("call_"),
                "name": call.name,
                "arguments": call_json(call),
                "status": "completed",
            }
        )
    return items


def _message_item(item_id: str, text: str, status: str = "completed") -> dict[str, Any]:
    return {
        "type": "message",
        "id": item_id,
        "status": status,
        "role": "assistant",
        "content": [{"type": "output_text", "text": text, "annotations": []}] if text else [],
    }


def _output_messages(output: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A response's output items as the chat messages a continuation renders."""
    return _input_messages(
        [
            item if item["type"] == "function_call" else {**item, "type": "message"}
            for item in output
        ]
    )[0]


# --- streaming -----------------------------------------------------------------------------


async def _events(
    submitted: Submitted,
    shell: dict[str, Any],
    finish: Any,
    service: Service,
    access: dict[str, Any],
) -> AsyncIterator[bytes]:
    sequence = 0

    def event(kind: str, **data: Any) -> bytes:
        nonlocal sequence
        sequence += 1
        payload = {"type": kind, "sequence_number": sequence, **data}
        return f"event: {kind}\ndata: {json.dumps(payload, ensure_ascii=False)}\n\n".encode()

    ticket = submitted.ticket
    gate = TextGate(submitted.ready.dialect, submitted.prepared.stops)
    message_id = new_id("msg_")
    started = False
    text_parts: list[str] = []

    def open_message() -> list[bytes]:
        nonlocal started
        started = True
        part = {"type": "output_text", "text": "", "annotations": []}
        return [
            event(
                "response.output_item.added",
                output_index=0,
                item=_message_item(message_id, "", "in_progress"),
            ),
            event(
                "response.content_part.added",
                item_id=message_id,
                output_index=0,
                content_index=0,
                part=part,
            ),
        ]

    def delta(text: str) -> list[bytes]:
        out = [] if started else open_message()
        text_parts.append(text)
        out.append(
            event(
                "response.output_text.delta",
                item_id=message_id,
                output_index=0,
                content_index=0,
                delta=text,
            )
        )
        return out

    try:
        yield event("response.created", response=shell)
        yield event("response.in_progress", response=shell)
        while True:
            item = await ticket.next()
            if isinstance(item, Text):
                if released := gate.feed(item.text):
                    for chunk in delta(released):
                        yield chunk
            elif isinstance(item, Done):
                response = item.response
                try:
                    answer = logged_answer(
                        response, submitted.prepared, submitted.ready.dialect, access
                    )
                except ApiError as exc:
                    yield event("error", code=exc.code, message=exc.message, param=exc.param)
                    return
                if rest := gate.finish(answer.content or ""):
                    for chunk in delta(rest):
                        yield chunk
                text = "".join(text_parts)
                body = finish(answer, response, (message_id, text) if started else None)
                index = 0
                if started:
                    part = {"type": "output_text", "text": text, "annotations": []}
                    yield event(
                        "response.output_text.done",
                        item_id=message_id,
                        output_index=0,
                        content_index=0,
                        text=text,
                    )
                    yield event(
                        "response.content_part.done",
                        item_id=message_id,
                        output_index=0,
                        content_index=0,
                        part=part,
                    )
                    yield event("response.output_item.done", output_index=0, item=body["output"][0])
                    index = 1
                for call in body["output"][index:]:
                    yield event(
                        "response.output_item.added",
                        output_index=index,
                        item={**call, "arguments": "", "status": "in_progress"},
                    )
                    arguments = call["arguments"]
                    for start in range(0, len(arguments), ARGUMENT_FRAGMENT):
                        piece = arguments[start : start + ARGUMENT_FRAGMENT]
                        yield event(
                            "response.function_call_arguments.delta",
                            item_id=call["id"],
                            output_index=index,
                            delta=piece,
                        )
                    yield event(
                        "response.function_call_arguments.done",
                        item_id=call["id"],
                        output_index=index,
                        arguments=arguments,
                    )
                    yield event("response.output_item.done", output_index=index, item=call)
                    index += 1
                access["outcome"] = answer.finish_reason
                kind = (
                    "response.completed" if body["status"] == "completed" else "response.incomplete"
                )
                yield event(kind, response=body)
                return
            elif isinstance(item, Failed):
                error = error_for(item.error, item.stage, service.config.timeout)
                access["outcome"] = f"error:{error.code}"
                yield event("error", code=error.code, message=error.message, param=error.param)
                return
    finally:
        ticket.cancel()
