"""Writing models for other runtimes: a model trained from scratch as one GGUF file
(:mod:`fncall.export.model_gguf`), an adapter as a GGUF LoRA file or merged into its base
(:mod:`fncall.export.adapter_gguf`, which also keeps the llama.cpp engine's converted copies
in fncall's cache)."""
