"""OpenAI's legacy completions: ``POST /v1/completions``, a raw prompt continued as it is.

No dialect, tools or grammar: the prompt goes to the model as written and the text comes
back as generated, cut at the client's ``stop`` strings only. ``max_tokens`` defaults to
16, as OpenAI's does. One prompt a request (a string, or a list holding one), one choice;
``echo``, ``suffix``, ``logprobs`` and ``best_of`` other than their neutral values are
refused by name.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from fncall.caller import PreparedCall
from fncall.calls.call import ParsedOutput, ToolCall
from fncall.dialects.base import Dialect, PromptInput
from fncall.grammar.call_syntax import CallGrammar
from fncall.grammar.ir import EMPTY, Node
from fncall.request import ToolChoice
from fncall.server.answers import error_for, usage
from fncall.server.protocol import (
    ApiError,
    SamplingFields,
    parse_body,
    parse_json_body,
    request_body_openapi,
)
from fncall.server.scheduler import Done, Failed, Text, TicketFailed
from fncall.server.service import Service
from fncall.server.stream import DONE, event
from fncall.server.translate import stops_of, within_limit
from fncall.tools.spec import ToolSet

router = APIRouter()

DEFAULT_MAX_TOKENS = 16
"""OpenAI's default for a completion."""

NEUTRAL_VALUES: dict[str, tuple[Any, ...]] = {
    "echo": (False,),
    "suffix": (),
    "logprobs": (),
    "best_of": (1,),
    "frequency_penalty": (0,),
    "presence_penalty": (0,),
    "logit_bias": ({},),
}


class CompletionRequest(SamplingFields):
    """``POST /v1/completions``, as far as fncall serves it."""

    model: str
    prompt: str | list[str]


class _RawText(Dialect):
    """The prompt as written, the output as generated: no format of its own."""

    name = "raw"
    summary = "a raw prompt and its continuation"
    text_avoid = "$^"  # nothing reads as a call
    text_approximation = EMPTY

    def build_prompt(self, given: PromptInput) -> str:
        return given.query

    def extract(self, output: str, tools: ToolSet) -> ParsedOutput:
        return ParsedOutput([], output, output)

    def call_grammar(self, g: CallGrammar) -> Node:
        return EMPTY

    def format_calls(self, calls: Sequence[ToolCall]) -> str:
        return ""


RAW_TEXT = _RawText()


@router.post("/v1/completions", openapi_extra=request_body_openapi(CompletionRequest))
async def create_completion(request: Request) -> Response:
    """Continue a raw prompt (see the module docstring)."""
    service: Service = request.app.state.service
    access: dict[str, Any] = request.state.access
    body = parse_body(CompletionRequest, parse_json_body(await request.body()), NEUTRAL_VALUES)
    service.check_model(body.model)
    ready = _prepared(body, service)
    deadline = time.monotonic() + service.config.timeout
    ticket = service.queue(ready, deadline=deadline, stream=bool(body.stream), access=access)
    cid = f"cmpl-{request.state.request_id}"
    created = int(time.time())

    def body_of(text: str, finish: str | None) -> dict[str, Any]:
        choice = {"text": text, "index": 0, "logprobs": None, "finish_reason": finish}
        return {
            "id": cid,
            "object": "text_completion",
            "created": created,
            "model": service.served,
            "choices": [choice],
        }

    if body.stream:
        first = await ticket.next()  # a refused prompt is an HTTP error, not a 200 stream
        if isinstance(first, Failed):
            ticket.cancel()
            raise error_for(first.error, first.stage, service.config.timeout)

        async def events() -> AsyncIterator[bytes]:
            held = StopHold(ready.stop)
            try:
                while True:
                    item = await ticket.next()
                    if isinstance(item, Text):
                        if released := held.feed(item.text):
                            yield event(body_of(released, None))
                    elif isinstance(item, Done):
                        response = item.response
                        if rest := held.finish(response.raw):
                            yield event(body_of(rest, None))
                        access["outcome"] = response.finish_reason
                        final = body_of("", response.finish_reason)
                        yield event({**final, "usage": usage(response)})
                        break
                    elif isinstance(item, Failed):
                        error = error_for(item.error, item.stage, service.config.timeout)
                        access["outcome"] = f"error:{error.code}"
                        yield event(error.body())
                        break
                yield DONE
            finally:
                ticket.cancel()

        return StreamingResponse(events(), media_type="text/event-stream")
    try:
        response = await ticket.response()
    except TicketFailed as exc:
        raise error_for(exc.event.error, exc.event.stage, service.config.timeout) from None
    finally:
        ticket.cancel()
    access["outcome"] = response.finish_reason
    return JSONResponse({**body_of(response.raw, response.finish_reason), "usage": usage(response)})


class StopHold:
    """Releases streamed text that no stop string can still claim: text from the start of
    a stop string on is never sent (the engine may hear it before it stops), and a piece
    that may be a stop string's beginning waits for the next one."""

    def __init__(self, stops: tuple[str, ...]) -> None:
        self.stops = stops
        self.buffer = ""
        self.sent = 0

    def feed(self, piece: str) -> str:
        """Add generated text; return what may be sent now."""
        self.buffer += piece
        found = [i for i in (self.buffer.find(s) for s in self.stops) if i >= 0]
        if found:
            safe = min(found)
        else:
            longest = max((len(s) for s in self.stops), default=1)
            safe = max(self.sent, len(self.buffer) - (longest - 1))
        released, self.sent = self.buffer[self.sent : safe], max(self.sent, safe)
        return released

    def finish(self, final: str) -> str:
        """The rest of ``final`` (the whole output, cut at its stop) not yet sent."""
        return final[self.sent :] if final.startswith(self.buffer[: self.sent]) else ""


def _prepared(body: CompletionRequest, service: Service) -> PreparedCall:
    prompts = [body.prompt] if isinstance(body.prompt, str) else body.prompt
    if len(prompts) != 1:
        raise ApiError(
            400,
            f"prompt has {len(prompts)} prompts; fncall serve continues one a request.",
            param="prompt",
        )
    if body.n not in (None, 1):
        raise ApiError(400, f"n={body.n} is not supported: one choice a request.", param="n")
    max_tokens = within_limit("max_tokens", body.max_tokens or DEFAULT_MAX_TOKENS, service.config)
    stops = stops_of(body.stop)
    overrides = {"temperature": body.temperature, "top_p": body.top_p, "seed": body.seed}
    sampling = replace(
        service.caller.sampling,
        max_tokens=max_tokens,
        beams=1,
        **{k: v for k, v in overrides.items() if v is not None},
    )
    return PreparedCall(
        ToolSet(), ToolChoice("none"), None, sampling, [], prompts[0], RAW_TEXT, stops
    )
