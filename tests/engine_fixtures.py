"""A tiny random-weight Llama model, as a ``transformers`` directory and as GGUF, shared by the
engine tests (imported by each test module; built once per test session)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from fncall.grammar.ir import Grammar, GrammarBuilder, Rep, chars, seq

EXTRA_SPECIAL = ("<tool_call>", "</tool_call>")
"""Dialect-style markers: special tokens besides ``<s>``, ``</s>`` and ``<pad>``."""

_WORDS = (
    "the weather in Paris is sunny today and the city is calm; "
    'get_weather(city="Berlin") returns 21 degrees. Zürich, München, Ærøskøbing: naïve café. '
    "東京の天気は晴れです。 def call(x): return x * 2 + 1\n\tindent  two  spaces\n\n"
    "numbers 0123456789, 3.14, -42; symbols {} [] () <> == != += ->"
)
TRAINING_TEXTS = [_WORDS] * 3 + _WORDS.split() * 2

CALL_PATTERN = re.compile(r'get_weather\(city="[a-z]{1,10}"\)')
"""What :func:`call_grammar` accepts, as a Python regex to check outputs against."""


def call_grammar() -> Grammar:
    """``get_weather(city="<1 to 10 lowercase letters>")``, built from grammar IR nodes."""
    builder = GrammarBuilder()
    city = builder.rule("city", Rep(chars("a-z"), 1, 10))
    return builder.build(seq('get_weather(city="', city, '")'))


@dataclass(frozen=True)
class TinyModel:
    """A tiny model saved both ways.

    Attributes:
        hf_dir: The directory :func:`fncall.train.model.save_model` wrote.
        gguf: The same model exported with :func:`fncall.export.model_gguf.export_gguf` (f32).
    """

    hf_dir: Path
    gguf: Path


_built: dict[str, TinyModel] = {}
_lock = threading.Lock()


def build_tiny_model(root: Path) -> TinyModel:
    """Train a ~300-token byte-level BPE tokenizer, build a 2-layer, hidden-64 Llama with
    grouped-query attention (4 query heads, 2 KV heads), save it, and export it to GGUF."""
    from fncall.export.model_gguf import export_gguf
    from fncall.train.model import ModelSize, build_model, save_model
    from fncall.train.tokenizer import train_tokenizer

    tokenizer = train_tokenizer(TRAINING_TEXTS, vocab_size=320, special_tokens=EXTRA_SPECIAL)
    size = ModelSize(hidden_size=64, layers=2, heads=4, kv_heads=2, max_positions=512)
    model = build_model(tokenizer, size, seed=0)
    hf_dir = save_model(model, tokenizer, root / "tiny-hf")
    return TinyModel(hf_dir=hf_dir, gguf=export_gguf(hf_dir, root / "tiny.gguf"))


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> TinyModel:
    """The tiny model, built on first use and shared by every test module that imports this
    fixture (each import registers its own fixture, hence the process-wide cache)."""
    pytest.importorskip("gguf", reason="exporting GGUF needs fncall[llamacpp]")
    with _lock:
        if "model" not in _built:
            _built["model"] = build_tiny_model(tmp_path_factory.mktemp("tiny-model"))
        return _built["model"]
