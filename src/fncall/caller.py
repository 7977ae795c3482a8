"""``FunctionCaller``: a model, a dialect and tools in; validated calls (or a plain answer) out.

The request is checked first (dialect, tools, ``tool_choice``), so a bad request fails
before any generation. With ``constrain=True`` (the default) the dialect's grammar makes
every complete output a call to an offered tool with schema-valid arguments, or a plain
answer where ``tool_choice`` allows one; the output is still parsed and validated, never
trusted. With ``grounded=True`` the grammar also makes every free-form string argument a
span of the request (:mod:`fncall.grammar.grounding`). A generation cut at ``max_tokens`` is
reported as truncated, never returned as a call.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fncall.agent import Agent, AgentRun
from fncall.calls.call import ToolCall
from fncall.calls.execute import Approver, CallResult, Executor, jsonable
from fncall.calls.structured import read_structured_answer
from fncall.calls.validate import validate_calls
from fncall.dialects import Message, get_dialect
from fncall.dialects.base import Demonstration, Dialect
from fncall.engines import Engine, GenerationRequest, Sampling, load_engine
from fncall.engines.base import Generation
from fncall.errors import (
    EngineError,
    FncallError,
    OutputParseError,
    TruncatedOutputError,
)
from fncall.grammar.grounding import grounding_texts
from fncall.grammar.ir import Grammar
from fncall.grammar.values import DEFAULT_LIMITS, GrammarLimits
from fncall.request import (
    CallRequest,
    ResponseFormat,
    ResponseFormatLike,
    ToolChoice,
    ToolChoiceLike,
    resolve_response_format,
    resolve_tool_choice,
)
from fncall.settings import CallerSettings
from fncall.tools import ToolLike, load_tools, toolset
from fncall.tools.spec import ToolSet


@dataclass
class Response:
    """What one query produced.

    Attributes:
        calls: The validated calls, defaults filled in (empty for a plain answer or an
            error).
        text: The plain-text answer, when the model did not call.
        parsed: With a ``response_format``, the answer as the object it asks for (a dict,
            or the pydantic model's instance); ``None`` otherwise.
        raw: The model's output, exactly as generated (cut at a stop sequence).
        error: Why the output could not be used (a truncated generation, a malformed or
            invalid call); ``calls`` is then empty and ``raw`` keeps the output.
        results: With ``execute=True``, what each call returned or raised.
        finish_reason: ``stop`` or ``length``.
        prompt_tokens: Tokens in the prompt (of the last attempt).
        completion_tokens: Tokens generated, over every attempt.
        attempts: Generations made (more than one when retries fed errors back).
        timings: Seconds spent: ``render``, ``generate``, ``parse``, ``execute``, ``total``.
    """

    calls: list[ToolCall] = field(default_factory=list)
    text: str = ""
    parsed: Any = None
    raw: str = ""
    error: FncallError | None = None
    results: list[CallResult] = field(default_factory=list)
    finish_reason: str = "stop"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 1
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the output was usable (calls or a plain answer, no error)."""
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary, as ``fncall call`` prints it."""
        out: dict[str, Any] = {
            "calls": [c.to_dict() for c in self.calls],
            "text": self.text,
            "raw": self.raw,
            "finish_reason": self.finish_reason,
            "usage": {
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
            },
            "attempts": self.attempts,
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }
        if self.parsed is not None:
            dump = getattr(self.parsed, "model_dump", None)
            out["parsed"] = dump(mode="json") if callable(dump) else jsonable(self.parsed)
        if self.error is not None:
            out["error"] = {"type": type(self.error).__name__, "message": str(self.error)}
        if self.results:
            out["results"] = [
                {"call": r.call.to_dict(), "value": jsonable(r.value)}
                if r.error is None
                else {"call": r.call.to_dict(), "error": f"{type(r.error).__name__}: {r.error}"}
                for r in self.results
            ]
        return out


@dataclass
class PreparedCall:
    """A request checked and rendered, ready to generate (what :meth:`FunctionCaller.prepare`
    returns and :meth:`FunctionCaller.run` accepts): its tools, ``tool_choice``, grammar,
    sampling and prompt, so whoever checked it first does not pay for it twice.
    ``demonstrations`` are the retrieved examples in the prompt; ``own_demo_left_out`` says
    the store held the request's own query, which is never shown."""

    tools: ToolSet
    choice: ToolChoice
    grammar: Grammar | None
    sampling: Sampling
    messages: list[Message]
    prompt: str
    dialect: Dialect
    stop: tuple[str, ...] = ()
    response_format: ResponseFormat | None = None
    demonstrations: tuple[Demonstration, ...] = ()
    own_demo_left_out: bool = False
    on_text: Callable[[str], None] | None = None
    cancelled: Callable[[], bool] | None = None


class FunctionCaller:
    """Turns queries into validated tool calls with one model.

    Args:
        model: A model directory (loaded with ``engine``), or a ready :class:`Engine`;
            ``None`` is the bundled house model (:func:`fncall.house.house_model`).
        dialect: The prompt and call format; defaults to the one the model directory's
            ``fncall.json`` names (for an engine, the directory it was loaded from).
        conversation_dialect: The format for a conversation with earlier turns (calls, tool
            results) where ``dialect`` has no places for them; defaults to the one
            ``fncall.json`` names (the house model: ``hermes``, which it was trained to
            answer tool results in). Without one, ``dialect`` folds the conversation into
            its single query (:meth:`Dialect.fold_conversation
            <fncall.dialects.Dialect.fold_conversation>`).
        tools: The offered tools, in any form :func:`fncall.tools.toolset` takes, or a
            tools file (``.py``, ``.json``, OpenAPI) for :func:`fncall.tools.load_tools`.
        engine: Engine name for a model path: ``transformers`` (default), ``llamacpp``,
            ``vllm``, ``openai`` (then ``model`` is the server's base URL).
        engine_options: Keyword arguments for the engine.
        constrain: Grammar-constrained decoding (default). Without it outputs are only
            validated, and ``retries`` can feed errors back to the model.
        grounded: Make every free-form string argument (no ``format`` or ``pattern``) a
            span of the request: of its user, system or tool messages, or of ``system``
            (see :mod:`fncall.grammar.grounding`). Needs ``constrain``.
        retries: Extra attempts after an unusable output, each told what was wrong.
        limits: Bounds on strings, arrays, numbers and calls in the grammar.
        system: A system message, for dialects that have one.
        max_tokens, temperature, top_p, seed: Default sampling.
        beams: Beam search width (engines that support it: ``transformers``); above 1, the
            answer is the likeliest whole output the search finds rather than the greedy
            one, at about ``beams`` times the compute. Needs ``temperature`` 0.
        retrieve: Offer each request only the ``retrieve`` tools that best fit its last
            user message (a tool ``tool_choice`` names always stays); for libraries of
            hundreds or thousands of tools (:mod:`fncall.retrieval`).
        retrieval: How those are ranked: ``bm25``, ``dense`` or ``fused`` (default).
        demos, demos_k: A demonstration store (:mod:`fncall.retrieval.demos`, checked when
            the caller is made): the ``demos_k`` most similar demonstrations whose tools are
            offered go into each prompt, in the dialect's few-shot slot (else as earlier
            turns, or in front of the query); never the request's own query.
        functions, approve, timeout: How calls run with ``execute=True`` (see
            :class:`fncall.calls.execute.Executor`).

    Raises:
        UnknownDialectError, ConfigurationError, EngineError, ToolDefinitionError: a bad
            set-up.
    """

    def __init__(
        self,
        model: str | Path | Engine | None = None,
        dialect: str | Dialect | None = None,
        tools: Iterable[ToolLike] | str | Path = (),
        *,
        engine: str = "transformers",
        engine_options: Mapping[str, Any] | None = None,
        constrain: bool = True,
        grounded: bool = False,
        retries: int = 0,
        limits: GrammarLimits = DEFAULT_LIMITS,
        system: str | None = None,
        max_tokens: int = 256,
        temperature: float = 0.0,
        top_p: float = 1.0,
        seed: int | None = None,
        beams: int = 1,
        conversation_dialect: str | None = None,
        retrieve: int | None = None,
        retrieval: str = "fused",
        demos: str | None = None,
        demos_k: int = 3,
        functions: Mapping[str, Callable[..., Any]] | None = None,
        approve: Approver | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.tools = load_tools(tools) if isinstance(tools, str | Path) else toolset(tools)
        given = CallerSettings(
            None if isinstance(model, Engine) else model,
            dialect.name if isinstance(dialect, Dialect) else dialect,
            engine,
            dict(engine_options or {}),
            constrain,
            grounded,
            retries,
            limits,
            beams,
            max_tokens,
            temperature,
            top_p,
            seed,
            conversation_dialect,
            retrieve,
            retrieval,
            str(demos) if demos is not None else None,
            demos_k,
        )
        if isinstance(model, Engine):
            # a loaded engine: its own model, whose fncall.json may name the dialect
            loaded: Engine | None = model
            settings = given.for_model(model.path)
        else:
            loaded, settings = None, given.resolved()
        self.settings = settings
        self.dialect = dialect if isinstance(dialect, Dialect) else get_dialect(settings.dialect)
        self.conversation_dialect = (
            get_dialect(settings.conversation_dialect)
            if settings.conversation_dialect and not self.dialect.multi_turn
            else None
        )
        self.sampling = settings.sampling
        self.engine = loaded or load_engine(
            settings.engine, str(settings.model), **settings.engine_options
        )
        self.engine.check_sampling(self.sampling)
        if constrain and not self.engine.supports_grammar:
            raise EngineError(
                f"the {self.engine.name} engine cannot constrain decoding; "
                "pass constrain=False (outputs are still validated)"
            )
        self.constrain = constrain
        self.demos = None
        if settings.demos is not None and settings.demos_k > 0:
            from fncall.retrieval.demos import DemoIndex, load_demos

            self.demos = DemoIndex(load_demos(settings.demos))
        self.demos_k = settings.demos_k
        self.retrieve = retrieve
        self.retrieval = retrieval
        self.grounded = grounded
        self.retries = retries
        self.limits = limits
        self.system = system
        self.executor = Executor(self.tools, functions=functions, timeout=timeout, approve=approve)

    @classmethod
    def from_settings(
        cls,
        settings: CallerSettings,
        tools: Iterable[ToolLike] | str | Path = (),
        *,
        engine: Engine | None = None,
        **options: Any,
    ) -> FunctionCaller:
        """A caller set up by ``settings`` (as the CLI, an evaluation and the server make
        one).

        Args:
            settings: The model, dialect, engine and decoding.
            tools: As for the constructor.
            engine: An engine already loaded (several callers sharing one model); it
                replaces ``settings.model`` and ``settings.engine``.
            options: The constructor's other keywords (``system``, ``functions``,
                ``approve``, ``timeout``).
        """
        model = settings.model if engine is None else engine
        return cls(model, settings.dialect, tools, **settings.caller_options(), **options)

    def call(
        self,
        query: str | Sequence[Message],
        *,
        tool_choice: ToolChoiceLike = None,
        parallel: bool = True,
        execute: bool = False,
        max_tokens: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        seed: int | None = None,
        response_format: ResponseFormatLike = None,
    ) -> Response:
        """Answer one query (or a chat ending with the turn to answer).

        Args:
            query: The user's request, or OpenAI-style messages.
            tool_choice: ``auto`` (default), ``none``, ``required``, a tool name, or
                ``{"type": "function", "function": {"name": ...}}``.
            parallel: Whether several calls may be made in one answer.
            execute: Run the validated calls (see ``functions``/``approve``).
            max_tokens, temperature, top_p, seed: Override the caller's sampling defaults.
            response_format: A plain answer must be a JSON object: ``{"type":
                "json_object"}``, ``{"type": "json_schema", "json_schema": {"name",
                "schema", "strict"}}``, a JSON Schema or a pydantic model class (see
                :func:`~fncall.request.resolve_response_format`); the grammar holds the
                answer to it, and ``Response.parsed`` is the object.

        Raises:
            ToolChoiceError, ResponseFormatError, PromptError, GrammarError, EngineError: a
                bad request; raised before any generation.
        """
        request = CallRequest(
            query, tool_choice=tool_choice, parallel=parallel, response_format=response_format
        )
        return self.run(
            [request],
            execute=execute,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            seed=seed,
        )[0]

    def chat(
        self,
        messages: str | Sequence[Message],
        *,
        tool_choice: ToolChoiceLike = None,
        max_steps: int = 6,
    ) -> AgentRun:
        """Run a conversation to an answer as an agent: the model's calls run (validated,
        approved where needed, under ``timeout``), their results go back to it, and it
        answers, in at most ``max_steps`` generations (see :mod:`fncall.agent`; its
        :meth:`Agent.events <fncall.agent.Agent.events>` yields each stage as it happens).

        Args:
            messages: The user's request, or a conversation ending with the turn to answer.
            tool_choice: For the first step; later ones are ``auto``.
            max_steps: Generations at most.

        Raises:
            ToolChoiceError, PromptError, GrammarError, EngineError: a bad request.
        """
        return Agent(self, max_steps=max_steps).run(messages, tool_choice=tool_choice)

    def call_many(
        self,
        queries: Sequence[str | Sequence[Message]],
        *,
        tool_choice: ToolChoiceLike = None,
        parallel: bool = True,
        execute: bool = False,
        max_tokens: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        seed: int | None = None,
    ) -> list[Response]:
        """Answer several queries in one batch on the engine (same arguments as
        :meth:`call`); one unusable output does not affect the others."""
        return self.run(
            [CallRequest(q, tool_choice=tool_choice, parallel=parallel) for q in queries],
            execute=execute,
            max_tokens=max_tokens,
            temperature=temperature,
            top_p=top_p,
            seed=seed,
        )

    def run(
        self,
        requests: Sequence[CallRequest | PreparedCall],
        *,
        execute: bool = False,
        max_tokens: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        seed: int | None = None,
    ) -> list[Response]:
        """Answer requests that may each bring their own tools and ``tool_choice``, in one
        batch on the engine (an evaluation set, a server's concurrent requests). Requests
        made by :meth:`prepare` keep the sampling they were prepared with.

        Raises:
            ToolChoiceError, PromptError, GrammarError, EngineError: a bad request; raised
                before any generation.
        """
        started = time.perf_counter()
        overrides = {"max_tokens": max_tokens, "temperature": temperature, "top_p": top_p}
        if any(isinstance(r, PreparedCall) for r in requests) and (
            seed is not None or any(v is not None for v in overrides.values())
        ):
            raise EngineError(
                "sampling overrides apply to CallRequests; a PreparedCall keeps the sampling "
                "it was prepared with"
            )
        settings = replace(
            self.sampling,
            **{k: v for k, v in overrides.items() if v is not None},
            seed=self.sampling.seed if seed is None else seed,
        )
        # a prepared call is copied: retries rewrite a job's prompt, the caller's stays as is
        jobs = [
            replace(r) if isinstance(r, PreparedCall) else self._job(r, settings) for r in requests
        ]
        responses = [Response(timings={"render": time.perf_counter() - started}) for _ in jobs]
        pending = list(range(len(jobs)))
        for attempt in range(self.retries + 1):
            begun = time.perf_counter()
            batch = [
                GenerationRequest(
                    jobs[i].prompt,
                    jobs[i].dialect.stop + jobs[i].stop,
                    jobs[i].sampling,
                    jobs[i].grammar,
                    on_text=jobs[i].on_text,
                    cancelled=jobs[i].cancelled,
                )
                for i in pending
            ]
            generations = self.engine.generate(batch)
            spent = time.perf_counter() - begun
            failed = []
            for i, generation in zip(pending, generations, strict=True):
                job, response = jobs[i], responses[i]
                response.timings["generate"] = response.timings.get("generate", 0.0) + spent
                self._read(response, generation, job, attempt)
                # a raw prompt (no messages) has no turn to tell the model what was wrong
                if response.error is not None and attempt < self.retries and job.messages:
                    job.messages = _feedback(job.messages, generation.text, response.error)
                    job.prompt = self._render(
                        job.dialect, job.tools, job.messages, job.demonstrations
                    )
                    failed.append(i)
            pending = failed
            if not pending:
                break
        for job, response in zip(jobs, responses, strict=True):
            if execute and response.calls:
                begun = time.perf_counter()
                executor = self.executor if job.tools is self.tools else self._executor(job.tools)
                response.results = executor.run(response.calls)
                response.timings["execute"] = time.perf_counter() - begun
            response.timings["total"] = time.perf_counter() - started
        return responses

    def prepare(self, request: CallRequest) -> PreparedCall:
        """Check one request as :meth:`run` would (tools, ``tool_choice``, grammar, prompt,
        sampling), without generating; :meth:`run` takes the result as it is. A server checks
        each request alone, so one bad request does not fail the batch it joins.

        Raises:
            ToolChoiceError, PromptError, GrammarError, EngineError: as :meth:`run`.
        """
        return self._job(request, self.sampling)

    def _job(self, request: CallRequest, settings: Sampling) -> PreparedCall:
        tools = self.tools if request.tools is None else toolset(request.tools)
        choice = resolve_tool_choice(request.tool_choice, tools, request.parallel)
        response_format = resolve_response_format(request.response_format)
        messages = self._messages(request.query)
        if self.retrieve is not None and len(tools) > self.retrieve:
            tools = self._retrieved(tools, messages, choice)
        dialect = self.dialect_for(messages)
        grammar = None
        if self.constrain:
            grammar = dialect.grammar(
                tools,
                choice,
                parallel=request.parallel,
                limits=self.limits,
                grounded_in=grounding_texts(messages, self.system) if self.grounded else None,
                response_format=response_format,
            )
        overrides = {
            "seed": request.seed,
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "top_p": request.top_p,
        }
        if any(v is not None for v in overrides.values()):
            settings = replace(settings, **{k: v for k, v in overrides.items() if v is not None})
        examples = self._examples(messages, tools)
        own_demo = self.demos is not None and self.demos.holds(_last_user(messages))
        prompt = self._render(dialect, tools, messages, examples)
        return PreparedCall(
            tools,
            choice,
            grammar,
            settings,
            messages,
            prompt,
            dialect,
            request.stop,
            response_format,
            examples,
            own_demo,
            request.on_text,
            request.cancelled,
        )

    def _executor(self, tools: ToolSet) -> Executor:
        functions = {k: f for k, f in self.executor.functions.items() if k in tools}
        return Executor(
            tools, functions=functions, timeout=self.executor.timeout, approve=self.executor.approve
        )

    def _messages(self, query: str | Sequence[Message]) -> list[Message]:
        if isinstance(query, str):
            return [{"role": "user", "content": query}]
        return [dict(m) for m in query]

    def _retrieved(self, tools: ToolSet, messages: list[Message], choice: ToolChoice) -> ToolSet:
        """The ``retrieve`` tools of ``tools`` that best fit the last user message, and the
        one ``tool_choice`` names."""
        from fncall.retrieval import index_for

        keep = [choice.function] if choice.function else []
        index = index_for(tools, self.retrieval)  # type: ignore[arg-type]
        return index.offer(_last_user(messages), self.retrieve or 0, keep)

    def dialect_for(self, messages: Sequence[Message]) -> Dialect:
        """The dialect a request is rendered, decoded and parsed in: the conversation
        dialect for messages with earlier turns (an assistant or tool message) where there
        is one, else the caller's dialect."""
        earlier = any(m.get("role") in ("assistant", "tool") for m in messages)
        return self.conversation_dialect if earlier and self.conversation_dialect else self.dialect

    def _examples(self, messages: list[Message], tools: ToolSet) -> tuple[Demonstration, ...]:
        if self.demos is None:
            return ()
        found = self.demos.search(_last_user(messages), self.demos_k, tools)
        return tuple(Demonstration(d.query, d.answer, d.calls) for d in found)

    def _render(
        self,
        dialect: Dialect,
        tools: ToolSet,
        messages: list[Message],
        examples: tuple[Demonstration, ...] = (),
    ) -> str:
        return dialect.render(tools, messages, system=self.system, demonstrations=examples)

    def _read(
        self, response: Response, generation: Generation, job: PreparedCall, attempt: int
    ) -> None:
        begun = time.perf_counter()
        response.raw = generation.text
        response.finish_reason = generation.finish_reason
        response.prompt_tokens = generation.prompt_tokens
        response.completion_tokens += generation.completion_tokens
        response.attempts = attempt + 1
        response.calls, response.text, response.parsed, response.error = [], "", None, None
        try:
            if generation.finish_reason == "length":
                raise TruncatedOutputError(
                    f"generation reached max_tokens ({generation.completion_tokens} tokens) "
                    "before the answer was complete",
                    generation.text,
                )
            parsed = job.dialect.parse(generation.text, job.tools)
            _check_choice(parsed.calls, job.choice, generation.text)
            response.calls = validate_calls(parsed.calls, job.tools)
            if not parsed.calls and job.response_format is not None:
                response.parsed = read_structured_answer(parsed.text, job.response_format)
            response.text = parsed.text
        except FncallError as exc:
            response.error = exc
        response.timings["parse"] = response.timings.get("parse", 0.0) + (
            time.perf_counter() - begun
        )


def _last_user(messages: Sequence[Message]) -> str:
    """The last user message's text (what retrieval looks for)."""
    users = [m.get("content") or "" for m in messages if m.get("role") == "user"]
    return users[-1] if users else ""


def _check_choice(calls: list[ToolCall], choice: ToolChoice, output: str) -> None:
    """Hold an output to ``tool_choice`` (a grammar already does; unconstrained output may
    not)."""
    if calls and not choice.allows_calls:
        raise OutputParseError("tool_choice is 'none' but the model made a call", output)
    if not calls and not choice.allows_text:
        raise OutputParseError(f"tool_choice is {choice.mode!r} but the model made no call", output)
    if choice.mode == "function" and any(c.name != choice.function for c in calls):
        raise OutputParseError(
            f"tool_choice names {choice.function!r}; the model called others", output
        )
    if choice.max_calls == 1 and len(calls) > 1:
        raise OutputParseError(f"one call was allowed, the model made {len(calls)}", output)


def _feedback(messages: list[Message], output: str, error: FncallError) -> list[Message]:
    """The conversation for a retry: the failed answer and what was wrong with it, folded
    into the last user turn (most dialects render a single query)."""
    note = (
        f"\n\n(Your previous answer was {output.strip()!r}. It was rejected: {error}. "
        "Answer again, correctly.)"
    )
    last_user = max(i for i, m in enumerate(messages) if m.get("role") == "user")
    updated = [dict(m) for m in messages]
    updated[last_user]["content"] = (updated[last_user].get("content") or "") + note
    return updated
