"""A bounded cache for compiled grammars: grounded grammars differ with every request, and a
client chooses how big each one is, so a cache keyed by grammar must forget the least
recently used, by count and by size, instead of growing forever."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LruCache(Generic[K, V]):
    """At most ``size`` values weighing at most ``max_bytes`` together, the least recently
    used dropped first.

    Args:
        size: Most values kept.
        max_bytes: Most bytes kept, as ``weigh`` counts them (``None``: no byte bound).
        weigh: About how many bytes a value holds in memory, from its key and value; a value
            heavier than ``max_bytes`` alone is made and returned but not kept.
    """

    def __init__(
        self,
        size: int,
        max_bytes: int | None = None,
        weigh: Callable[[K, V], int] | None = None,
    ) -> None:
        if max_bytes is not None and weigh is None:
            raise ValueError("a byte bound needs a weigh function")
        self.size = size
        self.max_bytes = max_bytes
        self._weigh = weigh
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.bytes = 0

    def get(self, key: K, make: Callable[[], V]) -> V:
        """The value for ``key``, made with ``make()`` (and kept) when missing."""
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key][0]
        value = make()
        weight = self._weigh(key, value) if self._weigh is not None else 0
        if self.max_bytes is not None and weight > self.max_bytes:
            return value
        self._items[key] = (value, weight)
        self.bytes += weight
        while len(self._items) > self.size or (
            self.max_bytes is not None and self.bytes > self.max_bytes
        ):
            _, (_, dropped) = self._items.popitem(last=False)
            self.bytes -= dropped
        return value

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def clear(self) -> None:
        """Forget every value (benchmarks time cold builds)."""
        self._items.clear()
        self.bytes = 0
