"""One worker thread owns the engine; requests queue for it and run in batches.

Engines are not thread-safe and batch best, so every generation happens on one thread: it
takes up to ``max_batch`` waiting requests, already prepared (rendered, grammar built) by
:meth:`FunctionCaller.prepare` on the request's own thread, checks each one's prompt
against the model's limits alone (a bad request fails by itself, not the batch it would
join), and runs the rest together through :meth:`FunctionCaller.run`. The queue is
bounded: a request that finds it full is refused at once (HTTP 429) instead of waiting
without limit. Each request has a deadline; one that passes it while waiting is never run.

The event loop and the worker talk through a :class:`Ticket` per request: the worker posts
:class:`Started`, :class:`Text` (streams only), then :class:`Done` or :class:`Failed`.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import threading
import time
from dataclasses import dataclass, replace
from typing import Any

from fncall.caller import FunctionCaller, PreparedCall, Response
from fncall.errors import FncallError, GrammarError
from fncall.server.answers import Stage
from fncall.server.protocol import ApiError

log = logging.getLogger("fncall.server")


@dataclass(frozen=True)
class Started:
    """The request passed its checks and is generating."""

    prompt_tokens: int | None


@dataclass(frozen=True)
class Text:
    """A piece of generated text (streams only)."""

    text: str


@dataclass(frozen=True)
class Done:
    """The answer."""

    response: Response


@dataclass(frozen=True)
class Failed:
    """Why there is no answer, and at which stage it failed (see
    :func:`fncall.server.translate.error_for`)."""

    error: BaseException
    stage: Stage


Event = Started | Text | Done | Failed


class QueueFullError(Exception):
    """Every queue place is taken."""


class Ticket:
    """One submitted request, as the event loop that submitted it sees it.

    Attributes:
        request: What the worker runs (the prepared call, with this ticket's text listener
            and cancellation).
        deadline: ``time.monotonic()`` past which the answer is no longer wanted.
        submitted: ``time.monotonic()`` of submission.
    """

    def __init__(self, request: PreparedCall, deadline: float, stream: bool) -> None:
        self._loop = asyncio.get_running_loop()
        self._events: asyncio.Queue[Event] = asyncio.Queue()
        self.submitted = time.monotonic()
        self.deadline = deadline
        self.cancelled = False
        self.heard_text = False
        self.request = replace(
            request, on_text=self._on_text if stream else None, cancelled=self._is_cancelled
        )

    def post(self, event: Event) -> None:
        """Deliver an event (from any thread)."""
        try:
            self._loop.call_soon_threadsafe(self._events.put_nowait, event)
        except RuntimeError:  # the loop has closed: nobody is waiting any more
            self.cancelled = True

    def _on_text(self, text: str) -> None:
        self.heard_text = True
        self.post(Text(text))

    def cancel(self) -> None:
        """Nobody wants the answer any more: a request still waiting is never run, and one
        generating stops at its next token (on engines that decode token by token)."""
        self.cancelled = True

    def _is_cancelled(self) -> bool:
        return self.cancelled

    async def next(self) -> Event:
        """The next event; :class:`Failed` with stage ``timeout`` at the deadline."""
        remaining = self.deadline - time.monotonic()
        try:
            if remaining <= 0:
                return self._events.get_nowait()
            return await asyncio.wait_for(self._events.get(), remaining)
        except (TimeoutError, asyncio.QueueEmpty):
            self.cancel()
            return Failed(TimeoutError("request timed out"), "timeout")

    async def response(self) -> Response:
        """Wait for the answer (text events are skipped).

        Raises:
            TicketFailed: the request failed, timed out or was refused.
        """
        while True:
            event = await self.next()
            if isinstance(event, Done):
                return event.response
            if isinstance(event, Failed):
                raise TicketFailed(event)


class TicketFailed(Exception):
    """A request ended in a :class:`Failed` event."""

    def __init__(self, event: Failed) -> None:
        super().__init__(str(event.error))
        self.event = event


class Scheduler:
    """Runs requests on a caller's engine, from one worker thread, in batches.

    Args:
        caller: The function caller whose engine generates.
        max_batch: Requests generated together.
        max_queue: Requests that may wait; more are refused.
        max_prompt_tokens: Longest prompt, in tokens, where the engine can count them.
    """

    def __init__(
        self,
        caller: FunctionCaller,
        *,
        max_batch: int = 8,
        max_queue: int = 64,
        max_prompt_tokens: int | None = None,
    ) -> None:
        self.caller = caller
        self.max_batch = max_batch
        self.max_queue = max_queue
        self.max_prompt_tokens = max_prompt_tokens
        self._waiting: collections.deque[Ticket] = collections.deque()
        self._lock = threading.Condition()
        self._running = 0
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._context = _context_length(caller.engine)

    @property
    def waiting(self) -> int:
        """Requests in the queue."""
        return len(self._waiting)

    @property
    def running(self) -> int:
        """Requests generating now."""
        return self._running

    def submit(self, request: PreparedCall, *, deadline: float, stream: bool = False) -> Ticket:
        """Queue a prepared request, wanted until ``deadline`` (``time.monotonic()``); call
        from the event loop's thread.

        Raises:
            QueueFullError: the queue is full.
            TicketFailed: the server is shutting down.
        """
        ticket = Ticket(request, deadline, stream)
        with self._lock:
            if self._stopping:
                raise TicketFailed(Failed(RuntimeError("shutting down"), "shutdown"))
            if len(self._waiting) >= self.max_queue:
                # requests whose clients have gone (timeouts) give their places back first
                live = [t for t in self._waiting if not t.cancelled]
                self._waiting = collections.deque(live)
            if len(self._waiting) >= self.max_queue:
                raise QueueFullError(f"{len(self._waiting)} requests are waiting")
            self._waiting.append(ticket)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._work, name="fncall-engine", daemon=True
                )
                self._thread.start()
            self._lock.notify()
        return ticket

    def close(self, timeout: float = 30.0) -> None:
        """Refuse new requests, fail the waiting ones, and let the running batch finish."""
        with self._lock:
            self._stopping = True
            waiting = list(self._waiting)
            self._waiting.clear()
            self._lock.notify_all()
        for ticket in waiting:
            ticket.post(Failed(RuntimeError("shutting down"), "shutdown"))
        if self._thread is not None:
            self._thread.join(timeout)

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._waiting and not self._stopping:
                    self._lock.wait()
                if self._stopping:
                    return
                batch = []
                while self._waiting and len(batch) < self.max_batch:
                    batch.append(self._waiting.popleft())
                self._running = len(batch)
            try:
                self._run_batch(batch)
            except BaseException as exc:  # the worker must outlive any failure
                log.exception("engine worker failure")
                for ticket in batch:
                    ticket.post(Failed(exc, "engine"))
            finally:
                self._running = 0

    def _run_batch(self, batch: list[Ticket]) -> None:
        ready: list[tuple[Ticket, int | None]] = []
        now = time.monotonic()
        for ticket in batch:
            if ticket.cancelled or now >= ticket.deadline:
                continue  # the client has been answered (timeout) or has gone
            try:
                ready.append((ticket, self._check(ticket.request)))
            except (FncallError, ApiError) as exc:
                ticket.post(Failed(exc, "request"))
            except Exception as exc:
                log.exception("checking a request failed")
                ticket.post(Failed(exc, "engine"))
        for ticket, tokens in ready:
            ticket.post(Started(tokens))
        self._generate([t for t, _ in ready])

    def _generate(self, tickets: list[Ticket]) -> None:
        if not tickets:
            return
        try:
            responses = self.caller.run([t.request for t in tickets])
        except Exception as exc:
            # Each request passed its checks alone, so this is rare (an engine failure);
            # rerun alone the ones that have not streamed text yet, so one bad request
            # does not fail the others.
            if len(tickets) == 1:
                # llguidance refusing a schema surfaces only here, when the engine compiles it
                stage: Stage = "request" if isinstance(exc, GrammarError) else "engine"
                tickets[0].post(Failed(exc, stage))
                return
            log.warning("a batch of %d failed (%s); retrying one by one", len(tickets), exc)
            for ticket in tickets:
                if ticket.heard_text:
                    ticket.post(Failed(exc, "engine"))
                else:
                    self._generate([ticket])
            return
        for ticket, response in zip(tickets, responses, strict=True):
            ticket.post(Done(response))

    def _check(self, prepared: PreparedCall) -> int | None:
        """Hold a prepared request to the server's limits; return its prompt's token count."""
        tokens = _count_tokens(self.caller.engine, prepared.prompt)
        if tokens is None:
            return None
        if self.max_prompt_tokens is not None and tokens > self.max_prompt_tokens:
            raise ApiError(
                400,
                f"The prompt has {tokens} tokens (with the tools and the dialect's "
                f"instructions); this server accepts at most {self.max_prompt_tokens}.",
                param="messages",
                code="context_length_exceeded",
            )
        budget = prepared.sampling.max_tokens
        if self._context is not None and tokens + budget > self._context:
            raise ApiError(
                400,
                f"This model's context is {self._context} tokens; the prompt has {tokens} "
                f"and max_tokens asks for {budget} more. Shorten the conversation or the "
                "tools, or ask for fewer tokens.",
                param="messages",
                code="context_length_exceeded",
            )
        return tokens


def _count_tokens(engine: Any, prompt: str) -> int | None:
    """Tokens in a prompt, for engines that can say (transformers, llama.cpp)."""
    if hasattr(engine, "count_tokens"):
        return int(engine.count_tokens(prompt))
    if hasattr(engine, "tokenize"):
        return len(engine.tokenize(prompt))
    return None


def _context_length(engine: Any) -> int | None:
    """The engine's context window in tokens, where it is known."""
    config = getattr(getattr(engine, "model", None), "config", None)
    value = getattr(config, "max_position_embeddings", None)
    return value if isinstance(value, int) else None
