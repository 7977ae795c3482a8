"""Generation engines behind one protocol (:class:`~fncall.engines.base.Engine`).

Each engine lives in its own module and is imported only when asked for, so an optional
package (llama-cpp-python, vLLM) is needed only by the engine that uses it.
"""

from __future__ import annotations

import importlib
from typing import Any

from fncall.engines.base import Engine, Generation, GenerationRequest, Sampling
from fncall.errors import ConfigurationError
from fncall.extras import missing_extra

ENGINES: dict[str, tuple[str, str]] = {
    "transformers": ("fncall.engines.transformers", "TransformersEngine"),
    "llamacpp": ("fncall.engines.llamacpp", "LlamaCppEngine"),
    "vllm": ("fncall.engines.vllm", "VLLMEngine"),
    "openai": ("fncall.engines.openai_http", "OpenAIEngine"),
}


def engine_class(name: str) -> type[Engine]:
    """The engine class registered as ``name``.

    Raises:
        ConfigurationError: an unknown name, or an engine whose extra is not installed
            (naming it).
    """
    if name not in ENGINES:
        raise ConfigurationError(f"unknown engine {name!r}; known engines: {', '.join(ENGINES)}")
    module, attribute = ENGINES[name]
    try:
        return getattr(importlib.import_module(module), attribute)
    except ModuleNotFoundError as exc:
        error = missing_extra(exc)
        if error is None:
            raise
        raise error from exc


def load_engine(name: str, model: str, **options: Any) -> Engine:
    """Create the engine ``name`` for ``model`` (a directory, a GGUF file or a URL, as the
    engine expects)."""
    return engine_class(name)(model, **options)


__all__ = ["ENGINES", "Engine", "Generation", "GenerationRequest", "Sampling", "load_engine"]
