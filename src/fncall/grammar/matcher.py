"""Token masks from grammars, with llguidance: the one place fncall touches a constrained-
decoding library, so it can be swapped without changing engines or dialects.

llguidance was chosen by measurement (``../shared/reference/constrained-decoding.md``):
grammars compile in about a millisecond against 0.1-0.3 s for xgrammar, its per-token cost
was below noise on a 168M model, it has no dependencies, and it reads the Lark that
:mod:`fncall.grammar.render` writes, with the negation a plain-text answer needs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import llguidance
import llguidance.numpy
import numpy as np

from fncall._lru import LruCache
from fncall.errors import GrammarError
from fncall.grammar.ir import Grammar

MATCHER_CACHE_SIZE = 256
"""Compiled grammars a :class:`TokenMasker` keeps."""
MATCHER_CACHE_BYTES = 512 * 2**20
"""Memory those compiled grammars may hold (about 80 bytes per character of Lark, measured
on a 65k-character grammar: 5 MB)."""


class TokenMasker:
    """Compiles grammars against one tokenizer and fills allowed-token masks for a batch.

    One per model, shared by both local engines: the token table is built once, and each
    distinct grammar is compiled once (later requests copy a ready matcher); the
    :data:`MATCHER_CACHE_SIZE` grammars used last stay compiled (within
    :data:`MATCHER_CACHE_BYTES`), since grounded grammars differ with every request.

    Args:
        tokenizer: llguidance's token table (see :meth:`from_hf`, or the llama.cpp engine's
            own from a GGUF vocabulary).
        vocab_size: The model's vocabulary size (may exceed the tokenizer's: the extra ids
            are never allowed).
    """

    def __init__(self, tokenizer: llguidance.LLTokenizer, vocab_size: int) -> None:
        self.vocab_size = vocab_size
        self.tokenizer = tokenizer
        self._templates: LruCache[str, llguidance.LLMatcher] = LruCache(
            MATCHER_CACHE_SIZE, max_bytes=MATCHER_CACHE_BYTES, weigh=lambda lark, _: 80 * len(lark)
        )
        self._executor = llguidance.LLExecutor()
        self._bitmask = np.zeros((0, (vocab_size + 31) // 32), dtype=np.int32)

    @classmethod
    def from_hf(cls, tokenizer: Any, vocab_size: int, eos_ids: Sequence[int]) -> TokenMasker:
        """The masker of a fast Hugging Face tokenizer whose ``eos_ids`` end a generation
        (allowed where the grammar ends)."""
        table = llguidance.LLTokenizer(
            _markers_as_text(tokenizer, eos_ids), n_vocab=vocab_size, eos_token=list(eos_ids)
        )
        return cls(table, vocab_size)

    def matcher(self, grammar: Grammar) -> llguidance.LLMatcher:
        """A fresh matcher at the start of ``grammar``.

        Raises:
            GrammarError: llguidance refuses the grammar.
        """
        return self._templates.get(grammar.lark, lambda: self._compile(grammar.lark)).deep_copy()

    def _compile(self, lark: str) -> llguidance.LLMatcher:
        spec = llguidance.grammar_from("lark", lark)
        problem = llguidance.LLMatcher.validate_grammar(spec, self.tokenizer)
        if problem:
            raise GrammarError(f"the grammar does not compile: {_first_line(problem)}")
        template = llguidance.LLMatcher(self.tokenizer, spec, log_level=0)
        if template.is_error():
            raise GrammarError(f"the grammar does not compile: {_first_line(template.get_error())}")
        return template

    def allowed(self, matchers: Sequence[llguidance.LLMatcher | None]) -> np.ndarray:
        """A boolean (batch, vocab) array of the tokens each matcher allows next; rows
        without a matcher allow everything."""
        rows = len(matchers)
        if self._bitmask.shape[0] < rows:
            self._bitmask = np.zeros((rows, self._bitmask.shape[1]), dtype=np.int32)
        bitmask = self._bitmask[:rows]
        bitmask.fill(-1)
        work = [(m, i) for i, m in enumerate(matchers) if m is not None]
        if work:
            llguidance.numpy.fill_next_token_bitmask_par(self._executor, work, bitmask)
        bits = np.unpackbits(bitmask.view(np.uint8), axis=1, bitorder="little")
        return bits[:, : self.vocab_size].astype(bool)


def _first_line(problem: str, limit: int = 300) -> str:
    """llguidance's message without the grammar excerpt it quotes (which can be megabytes)."""
    line = problem.strip().splitlines()[0] if problem.strip() else "no reason given"
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _markers_as_text(tokenizer: Any, eos_ids: Sequence[int]) -> str:
    """The tokenizer's JSON with added tokens other than end-of-sequence moved into the
    model vocabulary, so they count as their text.

    llguidance treats every added token as special and never lets one match grammar text,
    yet dialect markers (``<tool_call>``, ``<bot_end>``) are usually added tokens: a grammar
    literal ``<tool_call>`` must accept the model's own ``<tool_call>`` token. Only markers
    of printable ASCII without spaces move, because those are spelled the same in byte-level
    and sentencepiece vocabularies.
    """
    data = json.loads(tokenizer.backend_tokenizer.to_str())
    vocab = data.get("model", {}).get("vocab")
    if not isinstance(vocab, dict):
        return json.dumps(data)
    kept = []
    for added in data.get("added_tokens", []):
        if added["id"] in eos_ids or not is_text_marker(added["content"]):
            kept.append(added)
        else:
            vocab[added["content"]] = added["id"]
    data["added_tokens"] = kept
    return json.dumps(data)


def is_text_marker(text: str) -> bool:
    """Whether a special token counts as its text in grammars (see :func:`_markers_as_text`):
    printable ASCII without spaces, spelled the same in every vocabulary."""
    return text.isascii() and text.isprintable() and " " not in text


def consume(matcher: llguidance.LLMatcher, token: int) -> None:
    """Advance ``matcher`` by one sampled token (which its mask allowed).

    Raises:
        GrammarError: the token was not allowed (an engine bug, reported, never hidden).
    """
    if not matcher.consume_token(token):
        raise GrammarError(f"token {token} broke the grammar: {matcher.get_error()}")
