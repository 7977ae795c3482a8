"""Llama-architecture causal LMs (RoPE, RMSNorm, SwiGLU) built from a size description."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from fncall.modeldir import write_metadata
from fncall.train.choices import MODEL_SIZES


@dataclass(frozen=True)
class ModelSize:
    """The shape of a Llama model. ``ModelSize.tiny()`` has about 0.3M parameters besides the
    embeddings, ``ModelSize.house()`` about 3.2M in all with a 4k vocabulary and
    ``ModelSize.small_100m()`` about 100M with a 32k vocabulary."""

    SIZES = MODEL_SIZES

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
    def house(cls) -> ModelSize:
        """The bundled house model: about 3.2M parameters with a 4k vocabulary. An hour on
        2 CPU cores is about 10^15 FLOPs, for which a model of 2-3M parameters (20 tokens
        per parameter) learns the most; the 6.9M first tried learned markedly slower."""
        return cls(
            hidden_size=192, layers=6, heads=6, kv_heads=3, intermediate_size=512,
            max_positions=2048,
        )  # fmt: skip

    @classmethod
    def small_100m(cls) -> ModelSize:
        return cls(hidden_size=768, layers=12, heads=12, kv_heads=4, intermediate_size=2048)


def build_model(
    tokenizer: PreTrainedTokenizerFast,
    size: ModelSize = ModelSize(),
    seed: int = 0,
    vocab_size: int | None = None,
) -> LlamaForCausalLM:
    """A randomly initialised model whose vocabulary and special ids match ``tokenizer``.

    ``vocab_size`` pads the embedding beyond the tokenizer (as released models often do),
    e.g. to measure per-token costs at a realistic 32k vocabulary.
    """
    config = LlamaConfig(
        vocab_size=max(len(tokenizer), vocab_size or 0),
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


def random_model(
    directory: str | Path,
    texts: list[str],
    vocab_size: int = 1000,
    special_tokens: tuple[str, ...] = (),
    size: ModelSize = ModelSize(),
    metadata: dict[str, Any] | None = None,
) -> Path:
    """Train a tokenizer on ``texts``, build a random-weight model of ``size`` over it and
    save both to ``directory``: a real model directory, for tests, benchmarks and the demo.
    ``vocab_size`` beyond what ``texts`` can fill pads the embedding."""
    from fncall.train.tokenizer import train_tokenizer

    tokenizer = train_tokenizer(texts, vocab_size=vocab_size, special_tokens=special_tokens)
    model = build_model(tokenizer, size, vocab_size=vocab_size)
    return save_model(model, tokenizer, directory, metadata)


def export_compact(source: str | Path, directory: str | Path) -> Path:
    """Copy the model in ``source`` to ``directory`` with bfloat16 weights (half the size;
    the transformers engine loads them back as float32 on CPU), with its tokenizer and
    fncall metadata. How the house model is bundled."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from fncall.modeldir import read_metadata

    model = AutoModelForCausalLM.from_pretrained(str(source), local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(str(source), local_files_only=True)
    return save_model(model.to(torch.bfloat16), tokenizer, directory, read_metadata(source))
