"""Session fixtures: a tiny random-weight model whose tokenizer knows every dialect's markers,
built locally once per run (nothing is downloaded), and a check of text against a grammar."""

from __future__ import annotations

from pathlib import Path

import llguidance
import pytest

from fncall.demo import everyday
from fncall.dialects import list_dialects
from fncall.tools import toolset
from fncall.tools.callables import tools_from_module

MARKERS = (
    "<bot_end>",
    "<human_end>",
    "<|im_start|>",
    "<|im_end|>",
    "<tool_call>",
    "</tool_call>",
    "<|EOT|>",
)


def _corpus() -> list[str]:
    """Prompts and answers of every dialect on the example tools, plus varied text, so the
    tokenizer has merges for the call syntax and single tokens for every character class."""
    tools = toolset(tools_from_module(everyday))
    texts = []
    for dialect in list_dialects():
        try:
            texts.append(dialect.render(tools, "What is the weather in Paris, in celsius?"))
        except Exception:
            continue
    texts += [
        "get_weather(city='Paris', unit='celsius') {\"function\": \"get_weather\"} "
        '[1, 2.5, -3] {"a": true, "b": null} None True False Zürich 東京 3.14159',
        "".join(chr(c) for c in range(32, 127)) * 2,
    ]
    return texts * 4


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-layer, hidden-64 Llama with a 1,000-token byte-level BPE tokenizer."""
    from fncall.train.model import random_model

    directory = tmp_path_factory.mktemp("tiny-model")
    return random_model(directory, _corpus(), 1000, MARKERS, metadata={"dialect": "nexusraven-v2"})


@pytest.fixture(scope="session")
def tiny_engine(tiny_model_dir: Path):
    """The tiny model loaded in the transformers engine (shared: loading takes a second)."""
    from fncall.engines.transformers import TransformersEngine

    return TransformersEngine(tiny_model_dir, device="cpu")


@pytest.fixture(scope="session")
def accepts(tiny_engine):
    """``accepts(grammar, text)``: whether ``text`` is a complete match of ``grammar``."""

    def check(grammar, text: str, gbnf: bool = False) -> bool:
        if gbnf:
            spec = llguidance.grammar_from("gbnf", grammar.gbnf)
            matcher = llguidance.LLMatcher(tiny_engine.masker.tokenizer, spec, log_level=0)
        else:
            matcher = tiny_engine.masker.matcher(grammar)
        for token in tiny_engine.tokenizer(text, add_special_tokens=False)["input_ids"]:
            if not matcher.consume_token(token):
                return False
        return matcher.is_accepting()

    return check
