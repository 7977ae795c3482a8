"""Token masks from grammars, with llguidance: the one place fncall touches a constrained-
decoding library, so it can be swapped without changing engines or dialects.

llguidance was chosen by measurement (``../shared/reference/constrained-decoding.md``):
grammars compile in about a millisecond against 0.1-0.3 s for xgrammar, its per-token cost
was below noise on a 168M model, it has no dependencies, and it reads the Lark that
:mod:`fncall.grammar.render` writes, with the negation a plain-text answer needs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import llguidance
import llguidance.numpy
import numpy as np

from fncall._lru import LruCache
from fncall.errors import GrammarError
from fncall.grammar.ir import Grammar
from fncall.pretrained import cache_dir

TABLE_FORMAT = 1
"""Version of the kept token tables (and of the rule of :func:`_markers_as_text`)."""
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
    def from_hf(
        cls, tokenizer: Any, vocab_size: int, eos_ids: Sequence[int], cache: Path | None = None
    ) -> TokenMasker:
        """The masker of a fast Hugging Face tokenizer whose ``eos_ids`` end a generation
        (allowed where the grammar ends).

        Each token's bytes come from the tokenizer's JSON (5 s at Gemma 3's 262k
        vocabulary) once, and are kept in ``cache`` (default: fncall's cache folder,
        ``tokens/``); the table is built from them (about a second), with the tokenizer
        itself tokenizing the text llguidance asks for (a forced ``<tool_call>`` is the
        model's one marker token, as it was trained).
        """
        folder = (cache_dir() / "tokens") if cache is None else cache
        path = folder / f"{_table_key(tokenizer, vocab_size, eos_ids)}.npz"
        eos = sorted(eos_ids)
        try:
            tokens, special = _read_table(path)
        except (OSError, ValueError, KeyError):  # none kept yet, or unreadable: built again
            table = llguidance.LLTokenizer(
                _markers_as_text(tokenizer, eos_ids), n_vocab=vocab_size, eos_token=eos
            )
            tokens = [table.decode_bytes([i]) for i in range(table.vocab_size)]
            special = [i for i in range(table.vocab_size) if table.is_special_token(i)]
            with contextlib.suppress(OSError):  # a read-only cache only costs time
                _write_table(path, tokens, special)
        return cls(_wrapped_table(tokenizer, tokens, special, vocab_size, eos), vocab_size)

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


def _table_key(tokenizer: Any, vocab_size: int, eos_ids: Sequence[int]) -> str:
    """What a kept table depends on: the tokenizer's files (by path, size and time), the
    vocabulary size, the end tokens and the rule of :func:`_markers_as_text`."""
    source = Path(getattr(tokenizer, "name_or_path", "") or ".")
    files = sorted(source.glob("tokenizer*.json")) if source.is_dir() else []
    stamp = [(str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns) for f in files]
    if not stamp:  # no files to go by: the vocabulary itself
        stamp = [sorted(tokenizer.get_vocab().items())]
    text = json.dumps([TABLE_FORMAT, stamp, vocab_size, sorted(eos_ids), len(tokenizer)])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _write_table(path: Path, tokens: Sequence[bytes], special: Sequence[int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lengths = np.array([len(t) for t in tokens], dtype=np.int32)
    data = np.frombuffer(b"".join(tokens), dtype=np.uint8)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with temporary.open("wb") as file:
        np.savez(file, lengths=lengths, data=data, special=np.array(special, dtype=np.int64))
    os.replace(temporary, path)


def _read_table(path: Path) -> tuple[list[bytes], list[int]]:
    with np.load(path) as stored:
        lengths, data, special = stored["lengths"], stored["data"].tobytes(), stored["special"]
    ends = np.cumsum(lengths)
    if ends.size and ends[-1] != len(data):
        raise ValueError(f"{path}: token lengths do not match the data")
    starts = ends - lengths
    tokens = [data[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    return tokens, special.tolist()


class _Tokens:
    """What llguidance's ``TokenizerWrapper`` reads: each token's bytes, the special ids,
    and the tokenizer itself for the text llguidance must tokenize (grammar literals)."""

    def __init__(self, tokenizer: Any, tokens: list[bytes], special: list[int]) -> None:
        self.tokens, self.special_token_ids = tokens, special
        self.eos_token_id = tokenizer.eos_token_id
        self.bos_token_id = tokenizer.bos_token_id
        self._tokenizer = tokenizer

    def __call__(self, text: str) -> list[int]:
        return self._tokenizer(text, add_special_tokens=False)["input_ids"]


def _wrapped_table(
    tokenizer: Any, tokens: list[bytes], special: list[int], vocab_size: int, eos: list[int]
) -> llguidance.LLTokenizer:
    wrapper = llguidance.TokenizerWrapper(_Tokens(tokenizer, tokens, special))
    return llguidance.LLTokenizer(wrapper, n_vocab=vocab_size, eos_token=eos)


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
