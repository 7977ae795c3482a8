"""Llama-architecture causal LMs (RoPE, RMSNorm, SwiGLU) built from a size description."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from fncall.modeldir import write_metadata


@dataclass(frozen=True)
class ModelSize:
    """The shape of a Llama model. ``ModelSize.tiny()`` has about 0.3M parameters besides the
    embeddings; ``ModelSize.small_100m()`` about 100M in all with a 32k vocabulary."""

    hidden_size: int = 64
    layers: int = 2
    heads: int = 4
    kv_heads: int = 2
    intermediate_size: int = 172
    max_positions: int = 4096

    @classmethod
    def tiny(cls) -> ModelSize:
        return cls()

    @classmethod
    def small_100m(cls) -> ModelSize:
        return cls(hidden_size=768, layers=12, heads=12, kv_heads=4, intermediate_size=2048)


def build_model(
    tokenizer: PreTrainedTokenizerFast, size: ModelSize = ModelSize(), seed: int = 0
) -> LlamaForCausalLM:
    """A randomly initialised model whose vocabulary and special ids match ``tokenizer``."""
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=size.hidden_size,
        intermediate_size=size.intermediate_size,
        num_hidden_layers=size.layers,
        num_attention_heads=size.heads,
        num_key_value_heads=size.kv_heads,
        max_position_embeddings=size.max_positions,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=True,
    )
    torch.manual_seed(seed)
    return LlamaForCausalLM(config)


def save_model(
    model: LlamaForCausalLM,
    tokenizer: PreTrainedTokenizerFast,
    directory: str | Path,
    metadata: dict[str, Any] | None = None,
) -> Path:
    """Write weights (safetensors), config, tokenizer and fncall metadata to ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(directory))
    tokenizer.save_pretrained(str(directory))
    if metadata is not None:
        write_metadata(directory, metadata)
    return directory


def size_description(size: ModelSize) -> dict[str, int]:
    """The size as plain numbers, for model cards and benchmark output."""
    return asdict(size)
