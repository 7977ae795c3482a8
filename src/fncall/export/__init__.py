"""Writing models for other runtimes: a model trained from scratch as one GGUF file
(:mod:`fncall.export.model_gguf`), an adapter as a GGUF LoRA file or merged into its base
(:mod:`fncall.export.adapter_gguf`, which also keeps the llama.cpp engine's converted copies
in fncall's cache).

The names in ``__all__`` are the API; they are imported when first used (``gguf`` and torch
are heavy).
"""

from fncall._lazy import lazy_exports

__all__ = ["export_gguf", "export_lora_gguf", "export_merged_gguf", "merged_gguf"]

__getattr__ = lazy_exports(
    __name__,
    {
        "export_gguf": "model_gguf",
        "export_lora_gguf": "adapter_gguf",
        "export_merged_gguf": "adapter_gguf",
        "merged_gguf": "adapter_gguf",
    },
)
