"""What a detector worked out for a page, kept for the detectors that ask of the same page next (PROMO and BONUS
read the page's territory once per finding; PROMO restates the incentives BONUS found).

Kept by the identity of the objects it was worked out from, which are kept with it so that their ids are not
reused while the entry lives: hashing a whole Document costs more than the work saved. Bounded: the oldest entry
goes first, so a crawl's pages are let go as it moves on."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class PageMemo(Generic[T]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._kept: dict[tuple, tuple[tuple, T]] = {}

    def get(self, owners: tuple, key: Hashable, make: Callable[[], T]) -> T:
        """The value worked out from `owners` (compared by identity) and `key`, made by `make()` the first time."""
        at = (*map(id, owners), key)
        kept = self._kept.get(at)
        if kept is not None and all(a is b for a, b in zip(kept[0], owners, strict=True)):
            return kept[1]
        if len(self._kept) >= self.size:
            self._kept.pop(next(iter(self._kept)))
        value = make()
        self._kept[at] = (owners, value)
        return value

    def clear(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
