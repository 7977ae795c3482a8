"""What every generating route shares: the model, the scheduler that owns it, the limits,
and the steps from a checked request to a ticket and from a ticket to an answer."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

from fastapi.concurrency import run_in_threadpool

from fncall.caller import FunctionCaller, PreparedCall, Response
from fncall.errors import FncallError
from fncall.server.answers import Answer, error_for, logged_answer
from fncall.server.config import ServerConfig
from fncall.server.protocol import ApiError, ChatCompletionRequest
from fncall.server.scheduler import QueueFullError, Scheduler, Ticket, TicketFailed
from fncall.server.translate import Prepared, prepare


@dataclass(frozen=True)
class Submitted:
    """A request in the scheduler's hands.

    Attributes:
        prepared: The request in fncall's terms.
        ready: The checked, rendered call (its ``dialect`` reads the output).
        ticket: Where its text and answer arrive.
    """

    prepared: Prepared
    ready: PreparedCall
    ticket: Ticket


@dataclass(frozen=True)
class Service:
    """The served model and how requests reach it.

    Attributes:
        caller: The model, its dialect and tools set-up.
        scheduler: The only way to the engine.
        config: Limits and protections.
        served: The model id clients send.
        fingerprint: The ``system_fingerprint`` of every answer.
    """

    caller: FunctionCaller
    scheduler: Scheduler
    config: ServerConfig
    served: str
    fingerprint: str

    def check_model(self, given: str) -> None:
        """Refuse a request for another model (404, as OpenAI answers it)."""
        if given != self.served:
            raise ApiError(
                404,
                f"The model '{given}' does not exist; this server serves '{self.served}'.",
                param="model",
                code="model_not_found",
            )

    async def submit(self, body: ChatCompletionRequest, access: dict[str, Any]) -> Submitted:
        """Check and render the request off the event loop, inside its time, and queue it.

        Raises:
            ApiError: 400 for a bad request, 429 when the queue is full, 504 past the
                timeout, 503 while shutting down.
        """
        deadline = time.monotonic() + self.config.timeout
        # Tool schemas, the prompt and the grammar are CPU work a client sizes: off the event
        # loop, and inside the request's time (every part of it is bounded, so the thread
        # left running past a timeout ends soon after).
        try:
            prepared, ready = await asyncio.wait_for(
                run_in_threadpool(self._ready, body), deadline - time.monotonic()
            )
        except TimeoutError:
            raise error_for(TimeoutError(), "timeout", self.config.timeout) from None
        ticket = self.queue(ready, deadline=deadline, stream=prepared.stream, access=access)
        return Submitted(prepared, ready, ticket)

    def queue(
        self, ready: PreparedCall, *, deadline: float, stream: bool, access: dict[str, Any]
    ) -> Ticket:
        """Hand a prepared call to the scheduler.

        Raises:
            ApiError: 429 when the queue is full, 503 while shutting down.
        """
        access["stream"] = stream
        try:
            return self.scheduler.submit(ready, deadline=deadline, stream=stream)
        except QueueFullError:
            raise ApiError(
                429,
                f"The server is at capacity ({self.config.max_queue} requests waiting); "
                "retry shortly.",
                type="rate_limit_error",
                code="server_busy",
                headers={"Retry-After": "1"},
            ) from None
        except TicketFailed as exc:
            raise error_for(exc.event.error, exc.event.stage, self.config.timeout) from None

    async def answer(self, submitted: Submitted, access: dict[str, Any]) -> tuple[Response, Answer]:
        """Wait for a request that does not stream, and read its answer.

        Raises:
            ApiError: the request failed, timed out, or the output is not a valid answer.
        """
        try:
            response = await submitted.ticket.response()
        except TicketFailed as exc:
            raise error_for(exc.event.error, exc.event.stage, self.config.timeout) from None
        finally:
            submitted.ticket.cancel()
        if self.config.log_prompts:
            access["output"] = response.raw
        answer = logged_answer(response, submitted.prepared, submitted.ready.dialect, access)
        access["outcome"] = answer.finish_reason
        return response, answer

    def _ready(self, body: ChatCompletionRequest) -> tuple[Prepared, PreparedCall]:
        prepared = prepare(body, self.config)
        try:
            return prepared, self.caller.prepare(prepared.call)
        except FncallError as exc:
            raise error_for(exc, "request", self.config.timeout) from None
