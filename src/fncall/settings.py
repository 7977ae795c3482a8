"""``CallerSettings``: how a :class:`~fncall.FunctionCaller` is set up, as one value.

The model, its dialect and engine, and how it decodes (the grammar, grounding, retries,
beams and default sampling). One frozen value serves every way in: the Python API
(:meth:`FunctionCaller.from_settings <fncall.FunctionCaller.from_settings>`), the CLI (which
builds it from its shared options in one place), an evaluation
(:class:`fncall.eval.EvalConfig`) and the server (:class:`fncall.server.ServerConfig`).
The house-model default is applied here, by :meth:`CallerSettings.resolved`, and nowhere
else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from fncall.engines.base import Sampling
from fncall.errors import ConfigurationError
from fncall.grammar.values import DEFAULT_LIMITS, GrammarLimits
from fncall.house import house_model
from fncall.modeldir import read_metadata

RETRIEVAL_METHODS = ("bm25", "dense", "fused")
"""How ``retrieve`` may rank tools (:mod:`fncall.retrieval`)."""


@dataclass(frozen=True)
class CallerSettings:
    """Everything about a function caller except its tools and how calls run.

    Attributes:
        model: A model directory, GGUF file or server URL (``None``: the bundled house
            model, see :func:`fncall.house.house_model`).
        dialect: The prompt and call format (``None``: the one the model directory's
            ``fncall.json`` names).
        conversation_dialect: The format for a conversation with earlier turns (calls,
            tool results) when ``dialect`` has no places for them (``None``: the one
            ``fncall.json`` names as ``conversation_dialect``, if any). Without one, the
            dialect folds the conversation into its single query.
        engine: ``transformers`` (default, in-process), ``llamacpp``, ``vllm`` or
            ``openai``.
        engine_options: Keyword arguments for the engine.
        constrain: Grammar-constrained decoding: every complete output is a valid call or
            an allowed plain answer. Without it outputs are only validated.
        grounded: Every free-form string argument must be a span of the request (see
            :mod:`fncall.grammar.grounding`); needs ``constrain``.
        retries: Extra attempts after an unusable output, each told what was wrong.
        limits: Bounds on strings, arrays, numbers and calls in the grammar.
        beams: Beam search width (engines that support it); needs ``temperature`` 0.
        max_tokens, temperature, top_p, seed: The sampling of a request that gives none.
        retrieve: Offer each request only the ``retrieve`` tools of its offer that best fit
            its last user message (``None``: every tool); see :mod:`fncall.retrieval`.
        retrieval: How those are found: ``bm25``, ``dense`` or ``fused``.
        demos: A demonstration store (JSONL, see :mod:`fncall.retrieval.demos`): the
            ``demos_k`` most similar demonstrations whose tools are offered go into each
            prompt (never the request's own query).
        demos_k: How many.

    Raises:
        ConfigurationError: a setting out of range, or ``grounded`` without ``constrain``.
    """

    model: str | Path | None = None
    dialect: str | None = None
    engine: str = "transformers"
    engine_options: Mapping[str, Any] = field(default_factory=dict)
    constrain: bool = True
    grounded: bool = False
    retries: int = 0
    limits: GrammarLimits = DEFAULT_LIMITS
    beams: int = 1
    max_tokens: int = 256
    temperature: float = 0.0
    top_p: float = 1.0
    seed: int | None = None
    conversation_dialect: str | None = None
    retrieve: int | None = None
    retrieval: str = "fused"
    demos: str | None = None
    demos_k: int = 3

    def __post_init__(self) -> None:
        if not isinstance(self.demos_k, int) or self.demos_k < 0:
            raise ConfigurationError(f"demos_k must be 0 or more, got {self.demos_k!r}")
        if self.retrieve is not None and (not isinstance(self.retrieve, int) or self.retrieve < 1):
            raise ConfigurationError(f"retrieve must be 1 or more tools, got {self.retrieve!r}")
        if self.retrieval not in RETRIEVAL_METHODS:
            raise ConfigurationError(
                f"retrieval must be one of {', '.join(RETRIEVAL_METHODS)}, not {self.retrieval!r}"
            )
        if not isinstance(self.retries, int) or self.retries < 0:
            raise ConfigurationError(f"retries must be 0 or more, got {self.retries!r}")
        if self.grounded and not self.constrain:
            raise ConfigurationError(
                "grounded=True needs constrain=True: the grammar is what keeps string "
                "arguments to spans of the request"
            )
        self.sampling  # noqa: B018 - Sampling checks the sampling settings, in one place

    @property
    def sampling(self) -> Sampling:
        """The default sampling, as engines take it."""
        return Sampling(self.max_tokens, self.temperature, self.top_p, self.seed, self.beams)

    def resolved(self) -> CallerSettings:
        """These settings with the defaults filled in: the house model where no model is
        given, and the dialects its ``fncall.json`` names where none are.

        Raises:
            ConfigurationError: no dialect given, and the model does not name one.
        """
        return self.for_model(str(house_model()) if self.model is None else self.model)

    def for_model(self, model: str | Path | None) -> CallerSettings:
        """These settings for ``model``, with the dialects its ``fncall.json`` names where
        none are given.

        Raises:
            ConfigurationError: no dialect given, and the model does not name one.
        """
        metadata = read_metadata(model) if model is not None else {}
        conversation = self.conversation_dialect or metadata.get("conversation_dialect")
        return replace(
            self,
            model=model,
            dialect=self.dialect or _named_dialect(metadata, model),
            conversation_dialect=conversation if isinstance(conversation, str) else None,
        )

    def caller_options(self) -> dict[str, Any]:
        """Everything but the model and dialect, by the names ``FunctionCaller`` takes."""
        named = ("model", "dialect")
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name not in named}


def _named_dialect(metadata: Mapping[str, Any], model: str | Path | None) -> str:
    """The dialect a model's ``fncall.json`` (``metadata``) names.

    Raises:
        ConfigurationError: there is none.
    """
    name = metadata.get("dialect")
    if not isinstance(name, str):
        raise ConfigurationError(
            f"no dialect given, and {model or 'the engine'} has no fncall.json naming one "
            "(is it a model directory?); pass a dialect"
        )
    return name
