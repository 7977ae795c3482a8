"""Streaming answers as OpenAI's server-sent events.

Plain text streams as the engine decodes it, through a :class:`~fncall.server.gate.TextGate`
so that nothing of a call's marker or a stop string reaches the content. Calls are sent once
the answer is complete and validated: for each call a delta with its ``index``, ``id`` and
``name``, then its JSON arguments in fragments. A client therefore never receives a call the
non-streamed answer would not contain (a call cut by ``max_tokens``, one that fails
validation), which is where peers' streaming tool parsers go wrong.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Any

from fncall.dialects.base import Dialect
from fncall.server.answers import call_json, error_for, logged_answer, new_id, usage
from fncall.server.gate import TextGate
from fncall.server.protocol import ApiError
from fncall.server.scheduler import Done, Failed, Text, Ticket
from fncall.server.translate import Prepared

ARGUMENT_FRAGMENT = 16  # characters of arguments per delta
DONE = b"data: [DONE]\n\n"


def event(data: dict[str, Any]) -> bytes:
    """One server-sent event."""
    return b"data: " + json.dumps(data, ensure_ascii=False).encode() + b"\n\n"


async def sse(
    ticket: Ticket,
    prepared: Prepared,
    dialect: Dialect,
    *,
    cid: str,
    model: str,
    fingerprint: str,
    timeout: float,
    access: dict[str, Any],
) -> AsyncIterator[bytes]:
    """The events of one streamed answer, ending with ``[DONE]``; ``access`` gets the
    outcome and token counts for the access log."""
    created = int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
        return event(
            {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "system_fingerprint": fingerprint,
                "choices": [
                    {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
                ],
            }
        )

    gate = TextGate(dialect, prepared.stops)
    try:
        yield chunk({"role": "assistant", "content": ""})
        while True:
            item = await ticket.next()
            if isinstance(item, Text):
                if released := gate.feed(item.text):
                    yield chunk({"content": released})
            elif isinstance(item, Done):
                response = item.response
                try:
                    answer = logged_answer(response, prepared, dialect, access)
                except ApiError as exc:
                    yield event(exc.body())
                    yield DONE
                    return
                if rest := gate.finish(answer.content or ""):
                    yield chunk({"content": rest})
                for index, call in enumerate(answer.calls):
                    for delta in _call_deltas(index, call.name, call_json(call), prepared.legacy):
                        yield chunk(delta)
                yield chunk({}, answer.finish_reason)
                if prepared.include_usage:
                    yield event(
                        {
                            "id": cid,
                            "object": "chat.completion.chunk",
                            "created": created,
                            "model": model,
                            "system_fingerprint": fingerprint,
                            "choices": [],
                            "usage": usage(response),
                        }
                    )
                access["outcome"] = answer.finish_reason
                yield DONE
                return
            elif isinstance(item, Failed):
                error = error_for(item.error, item.stage, timeout)
                access["outcome"] = f"error:{error.code}"
                yield event(error.body())
                yield DONE
                return
    finally:
        # finished, failed or the client went away: a request still waiting is not run
        ticket.cancel()


def _call_deltas(index: int, name: str, arguments: str, legacy: bool) -> list[dict[str, Any]]:
    """A call as deltas: its index, id and name first, then the arguments in fragments."""
    pieces = [
        arguments[i : i + ARGUMENT_FRAGMENT] for i in range(0, len(arguments), ARGUMENT_FRAGMENT)
    ]
    if legacy:
        return [{"function_call": {"name": name, "arguments": ""}}] + [
            {"function_call": {"arguments": p}} for p in pieces
        ]
    head = {
        "index": index,
        "id": new_id("call_"),
        "type": "function",
        "function": {"name": name, "arguments": ""},
    }
    return [{"tool_calls": [head]}] + [
        {"tool_calls": [{"index": index, "function": {"arguments": p}}]} for p in pieces
    ]
