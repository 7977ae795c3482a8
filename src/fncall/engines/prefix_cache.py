"""Prompt KV states kept across requests, so a repeated prefix is not evaluated again.

Function calling repeats itself: an agent or a server with a fixed tool set sends the same
system prompt and tool block with every query, and the prefill of that block is most of a
call's cost. An entry holds the attention keys and values of one whole prompt, per layer;
a later prompt reuses the longest prefix it shares with any entry. Keys and values at a
position depend only on the tokens up to it, so a prefix of an entry is exact whatever
followed it.

Bounded by bytes, the least recently used entry dropped first; a prompt that extends an
entry (the next turn of a conversation) replaces it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
import torch

Layers = list[tuple[torch.Tensor, torch.Tensor]]
"""Per layer, keys and values of shape ``(heads, tokens, head_dim)``."""


class PrefixCache:
    """Prompt KV states by token ids, within ``max_bytes``.

    Args:
        max_bytes: Most bytes of keys and values kept (0: keep nothing).
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[tuple[int, ...], tuple[np.ndarray, Layers, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def longest(self, ids: Sequence[int], most: int) -> tuple[int, Layers | None]:
        """The longest prefix of ``ids`` (at most ``most`` tokens) held, as its length and
        the entry holding it (whose states may run longer: use the first ``length``)."""
        wanted = np.asarray(ids[:most], dtype=np.int64)
        best, found, key = 0, None, None
        for held, (array, layers, _) in self._entries.items():
            n = min(len(wanted), len(array))
            differs = np.flatnonzero(wanted[:n] != array[:n])
            shared = int(differs[0]) if len(differs) else n
            if shared > best:
                best, found, key = shared, layers, held
        if key is not None:
            self._entries.move_to_end(key)
        return best, found

    def add(self, ids: Sequence[int], layers: Layers) -> None:
        """Keep the states of the prompt ``ids``, replacing entries it extends."""
        weight = sum(k.nbytes + v.nbytes for k, v in layers)
        if weight > self.max_bytes:
            return
        key = tuple(ids)
        for held in [h for h in self._entries if key[: len(h)] == h]:
            self.bytes -= self._entries.pop(held)[2]
        self._entries[key] = (np.asarray(key, dtype=np.int64), layers, weight)
        self.bytes += weight
        while self.bytes > self.max_bytes:
            _, (_, _, dropped) = self._entries.popitem(last=False)
            self.bytes -= dropped

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()
        self.bytes = 0
