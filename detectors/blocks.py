"""Work done once per block of text: the site chrome a crawl meets on every page is read once.

A page's text is its lines (detectors/document.py), and most of a site's lines repeat on every page: the navigation,
the language and currency pickers, a banner, the footer (84 % of the analyze benchmark's text, 73 % of the crawl
benchmark's). A reader that cuts a text into blocks no match can run across (a phrase lexicon cuts at the line
breaks none of its phrases can span: PhraseLexicon.blocks) keeps its reading per block text, and a page's reading is
its blocks' readings shifted to where each block starts: the same as reading the page whole, whatever was read
before. Memory is bounded: a memo keeps at most two generations of BLOCKS_KEPT blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")
BLOCKS_KEPT = 4_096  # per memo and generation: a multilingual site's chrome fits (the crawl benchmark's: ~3,400)
_MEMOS: list[BlockMemo] = []


class BlockMemo(Generic[T]):
    """`read(block)` remembered per block text, in two generations: when the current one holds BLOCKS_KEPT blocks it
    becomes the old one (the one before is dropped), and a block found in the old one moves back, so the site chrome
    read on every page stays while the blocks of one page only are forgotten."""

    def __init__(self, read: Callable[[str], T], read_many: Callable[[list[str]], list[T]] | None = None):
        self._read = read
        self._read_many = read_many  # the readings of several new blocks of one text at once, in the text's order
        self._known: dict[str, T] = {}
        self._old: dict[str, T] = {}
        _MEMOS.append(self)

    def __call__(self, block: str) -> T:
        known = self._known.get(block)
        if known is None:
            known = self._old.get(block)
            if known is None:
                known = self._read(block)
            self._keep(block, known)
        return known

    def _keep(self, block: str, reading: T) -> None:
        if len(self._known) >= BLOCKS_KEPT:
            self._old, self._known = self._known, {}
        self._known[block] = reading

    def over(self, pieces: list[str]) -> list[tuple[int, T]]:
        """(offset, reading) of each piece whose reading is not empty, in order, the offsets those of the pieces in
        "\\n".join(pieces). Most pieces are known (one dictionary look-up each, in C) and read nothing."""
        readings = list(map(self._known.get, pieces))
        missing = [n for n, reading in enumerate(readings) if reading is None]
        new = [block for block in dict.fromkeys(pieces[n] for n in missing) if block not in self._old]
        if len(new) > 1 and self._read_many is not None:  # read together: the cost per read, once
            for block, reading in zip(new, self._read_many(new), strict=True):
                self._keep(block, reading)
        for n in missing:
            readings[n] = self(pieces[n])
        read = [n for n, reading in enumerate(readings) if reading]
        if not read:
            return []
        before = list(accumulate(map(len, pieces), initial=0))  # the characters of the pieces before each one
        return [(before[n] + n, readings[n]) for n in read]  # and one line break after each


def forget_blocks() -> None:
    """Forget every block read (the benchmarks time each pass over a corpus as a crawl meets it: every block new)."""
    for memo in _MEMOS:
        memo._known, memo._old = {}, {}


def joined_runs(lines: list[str], joined: list[int]) -> list[str]:
    """`lines` with each line whose index is in `joined` (sorted) put together with the line after it."""
    blocks, at, i = [], 0, 0
    while i < len(joined):
        start = joined[i]
        end = start + 1  # the last line of the run
        i += 1
        while i < len(joined) and joined[i] <= end:
            end = joined[i] + 1
            i += 1
        end = min(end, len(lines) - 1)
        blocks += lines[at:start]
        blocks.append("\n".join(lines[start:end + 1]))
        at = end + 1
    blocks += lines[at:]
    return blocks
