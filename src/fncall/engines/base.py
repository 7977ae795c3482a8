"""The engine protocol: batched prompts, stop sequences, sampling and an optional grammar in;
texts, token counts and why each generation ended out.

Engines know nothing about tools or dialects: a dialect renders the prompt and compiles the
grammar, an engine only generates. Adding an engine means one module with one class that
implements :class:`Engine`, registered in :mod:`fncall.engines`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Literal

from fncall.errors import ConfigurationError, EngineError
from fncall.grammar.ir import Grammar

FinishReason = Literal["stop", "length"]

MAX_BEAMS = 16
"""The widest beam search a request may ask for."""


@dataclass(frozen=True)
class Sampling:
    """How tokens are chosen.

    Attributes:
        max_tokens: New tokens at most; a generation that reaches it ends with ``length``.
        temperature: 0 for greedy decoding.
        top_p: Nucleus sampling mass (1.0: off).
        seed: Seed for sampled decoding, so a run can be repeated.
        beams: Beam search width; above 1, the completion is the likeliest whole sequence
            the search finds (under the grammar, when there is one), not a token-by-token
            greedy choice. Needs ``temperature`` 0 and an engine that
            :attr:`~Engine.supports_beams`.
    """

    max_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    seed: int | None = None
    beams: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.max_tokens, int) or self.max_tokens < 1:
            raise ConfigurationError(
                f"max_tokens must be a positive integer, got {self.max_tokens!r}"
            )
        if not 0.0 <= self.temperature <= 100.0:
            raise ConfigurationError(
                f"temperature must be between 0 and 100, got {self.temperature}"
            )
        if not 0.0 < self.top_p <= 1.0:
            raise ConfigurationError(f"top_p must be in (0, 1], got {self.top_p}")
        if not isinstance(self.beams, int) or not 1 <= self.beams <= MAX_BEAMS:
            raise ConfigurationError(
                f"beams must be an integer from 1 to {MAX_BEAMS}, got {self.beams!r}"
            )
        if self.beams > 1 and self.temperature > 0:
            raise ConfigurationError("beam search is deterministic: use beams with temperature 0")


@dataclass(frozen=True)
class GenerationRequest:
    """One prompt to complete.

    Attributes:
        prompt: The exact text to continue (the dialect's rendered prompt).
        stop: Generation ends before the first of these strings; it is not in the text.
        sampling: Token budget and sampling settings.
        grammar: When given, the completion must match it; generation ends when the
            grammar is complete.
        on_text: Called with each new piece of generated text, in order, from the thread
            that generates. Engines that decode token by token (``streams_text``) call it
            as tokens are decoded; the others call it once with the whole text. The pieces
            are the raw text, which may run on into a stop string that the final
            :attr:`Generation.text` cuts. It must not raise (it runs inside the batch).
        cancelled: When it returns true, nobody wants the rest: engines that decode token by
            token end the generation there (as if cut by ``max_tokens``), freeing its place
            in the batch; the others may finish it.
    """

    prompt: str
    stop: tuple[str, ...] = ()
    sampling: Sampling = field(default_factory=Sampling)
    grammar: Grammar | None = None
    on_text: Callable[[str], None] | None = field(default=None, compare=False, repr=False)
    cancelled: Callable[[], bool] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Generation:
    """A completion.

    Attributes:
        text: The generated text, cut before any stop sequence.
        finish_reason: ``stop`` (end of sequence, a stop string, or the grammar complete)
            or ``length`` (``max_tokens`` reached: the text may be incomplete).
        prompt_tokens: Tokens in the prompt.
        completion_tokens: Tokens generated.
    """

    text: str
    finish_reason: FinishReason
    prompt_tokens: int
    completion_tokens: int


class Engine(ABC):
    """Something that completes prompts.

    Attributes:
        name: Registry name (``transformers``, ``llamacpp``, ``vllm``, ``openai``).
        supports_grammar: Whether requests may carry a grammar.
        supports_beams: Whether requests may ask for beam search (``Sampling.beams`` > 1).
        streams_text: Whether ``on_text`` listeners hear text as it is generated (else
            once, with the whole text, when the generation is done).
        path: The model it was loaded from (a directory, a file or a server's URL), where
            it has one.
    """

    name: ClassVar[str]
    supports_grammar: ClassVar[bool] = True
    supports_beams: ClassVar[bool] = False
    streams_text: ClassVar[bool] = False
    path: str | None = None

    @abstractmethod
    def generate(self, requests: Sequence[GenerationRequest]) -> list[Generation]:
        """Complete every request (batched where the engine can), in order.

        Raises:
            EngineError: the engine failed, or a request asks for something it cannot do.
        """

    def check(self, requests: Sequence[GenerationRequest]) -> None:
        """Refuse requests this engine cannot serve, before any work starts."""
        if not self.supports_grammar and any(r.grammar is not None for r in requests):
            raise EngineError(f"the {self.name} engine cannot constrain generation by grammar")
        for request in requests:
            self.check_sampling(request.sampling)

    def check_sampling(self, sampling: Sampling) -> None:
        """Refuse sampling settings this engine cannot follow (a caller checks its defaults
        with this when it is made)."""
        if sampling.beams > 1 and not self.supports_beams:
            raise EngineError(f"the {self.name} engine cannot do beam search; use beams=1")

    @staticmethod
    def deliver_text(requests: Sequence[GenerationRequest], results: Sequence[Generation]) -> None:
        """Hand each finished text to its request's listener, for engines that cannot
        stream."""
        for request, result in zip(requests, results, strict=True):
            if request.on_text is not None and result.text:
                request.on_text(result.text)

    def close(self) -> None:  # noqa: B027 - most engines hold nothing to release
        """Release what the engine holds (processes, connections)."""

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
