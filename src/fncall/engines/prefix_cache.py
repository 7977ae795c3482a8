"""Prompt states kept across requests, so a repeated prefix is not evaluated again.

Function calling repeats itself: an agent or a server with a fixed tool set sends the same
system prompt and tool block with every query, and the prefill of that block is most of a
call's cost. An entry holds an engine's state after one whole prompt (the transformers
engine: the attention keys and values per layer; the llama.cpp engine: its context's saved
state); a later prompt reuses the longest prefix it shares with any entry. Keys and values
at a position depend only on the tokens up to it, so a prefix of an entry is exact
whatever followed it.

Bounded by bytes, the least recently used entry dropped first; a prompt that extends an
entry (the next turn of a conversation) replaces it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Generic, TypeVar

import numpy as np

from fncall.errors import ConfigurationError

State = TypeVar("State")

MIN_NEW_TOKENS = 32
"""Tokens a prompt must have evaluated itself (not reused) to be worth keeping, or a kept
state must spare to be worth restoring: a prompt that reused nearly all of an entry would
hold the same states twice, for the few tokens of its query."""


class PrefixCache(Generic[State]):
    """Prompt states by token ids, within ``max_bytes``.

    Args:
        max_bytes: Most bytes of states kept (0: keep nothing).
    """

    def __init__(self, max_bytes: int) -> None:
        if not isinstance(max_bytes, int) or max_bytes < 0:
            raise ConfigurationError(f"prefix_cache_bytes must be 0 or more, got {max_bytes!r}")
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[tuple[int, ...], tuple[np.ndarray, State, int]] = OrderedDict()

    def wants(self, prompt_tokens: int, reused: int) -> bool:
        """Whether a prompt of ``prompt_tokens`` that reused ``reused`` is worth keeping."""
        return bool(self.max_bytes) and prompt_tokens - reused >= MIN_NEW_TOKENS

    def __len__(self) -> int:
        return len(self._entries)

    def longest(self, ids: Sequence[int], most: int) -> tuple[int, State | None]:
        """The longest prefix of ``ids`` (at most ``most`` tokens) held, as its length and
        the state holding it (which may run longer: use the first ``length`` tokens)."""
        wanted = np.asarray(ids[:most], dtype=np.int64)
        best, found, key = 0, None, None
        for held, (array, state, _) in self._entries.items():
            n = min(len(wanted), len(array))
            differs = np.flatnonzero(wanted[:n] != array[:n])
            shared = int(differs[0]) if len(differs) else n
            if shared > best:
                best, found, key = shared, state, held
        if key is not None:
            self._entries.move_to_end(key)
        return best, found

    def add(self, ids: Sequence[int], state: State, weight: int) -> None:
        """Keep ``state`` (``weight`` bytes), the state after the prompt ``ids``, replacing
        entries it extends."""
        if weight > self.max_bytes:
            return
        key = tuple(ids)
        for held in [h for h in self._entries if key[: len(h)] == h]:
            self.bytes -= self._entries.pop(held)[2]
        self._entries[key] = (np.asarray(key, dtype=np.int64), state, weight)
        self.bytes += weight
        while self.bytes > self.max_bytes:
            _, (_, _, dropped) = self._entries.popitem(last=False)
            self.bytes -= dropped

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()
        self.bytes = 0
