"""py3langid's identifier with its byte walk done by numpy: the same scores, bit for bit, in a fraction of the time.

py3langid counts a text's n-gram features by walking a DFA over its UTF-8 bytes in a Python loop, one step per byte
(about half of LANG's time). The DFA is an Aho-Corasick automaton over n-grams of a few bytes, so the state after a
byte depends only on the last DEPTH bytes: every state is found at once, by DEPTH vectorised steps from the start
state. The states are then checked against the automaton's own transitions (each state is the step from the one
before on its byte, for every byte), which makes them exactly the states of the loop; where the check fails (a
model whose n-grams are longer) the library's loop is used. The counts go to py3langid's own scoring in the order the
loop meets the features (the order decides the float sums), so every score is the library's.
"""

from __future__ import annotations

import numpy as np
from py3langid.langid import LanguageIdentifier

_NEVER = np.iinfo(np.intp).max  # the first place of a feature not met
DEPTH = 6  # bytes: the longest path from the start state to any state of py3langid's model (0.4)
# float32 of every float16, by its bits: numpy converts float16 one element at a time in software (~2 ns each, a page's
# ~70,000 weights 0.13 ms); one gather from this table (256 KiB) gives the same values.
_SINGLE_OF_HALF = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16).view(np.float16).astype(np.float32)


class FastIdentifier(LanguageIdentifier):
    """A LanguageIdentifier (same model, same `rank` and `classify`) whose feature counting is vectorised."""

    _tables: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
    _rows: _SingleRows | None = None
    _scratch: tuple[np.ndarray, np.ndarray] | None = None  # per feature: times met, first place (see _counts)

    def _raw_score(self, text):
        counted = self._counts(text) if isinstance(text, bytes) else None
        if counted is None:  # no features, or states the check refused: the library's own walk
            return super()._raw_score(text)
        idx, counts = counted
        # As LanguageIdentifier._sparse_score, `np.log1p(counts) @ self.nb_ptc[idx] + self.nb_pc`: the weights are
        # float16, which numpy turns into float32 (exactly) before the float32 product.
        if self._rows is None:
            self._rows = _SingleRows(self.nb_ptc)
        return np.log1p(counts) @ self._rows.take(idx) + self.nb_pc

    def _counts(self, text: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """Feature indices in the order the DFA walk first meets them, and how often it meets each."""
        if self._tables is None:
            # The transition table (~10 M entries, 39 MB) is copied into memory numpy allocates, which it asks the
            # kernel to back with huge pages: its look-ups land far apart and, on the library's 4 KiB pages, missed
            # the TLB nearly every time (about a third of the walk's time on a page judged after the other
            # detectors). The copy takes the library's place (its own walk, the fallback, reads it the same).
            self.tk_nextmove = np.array(self.tk_nextmove, dtype=np.uint32)
            self._tables = (self.tk_nextmove, np.asarray(self._rowbase, dtype=np.intp),
                            np.asarray(self.tk_output, dtype=np.intp))
        nextmove, rowbase, output = self._tables
        data = np.frombuffer(text, dtype=np.uint8).astype(np.intp)
        n = len(data)
        if not n:
            return None
        states = np.zeros(n, dtype=np.intp)
        for back in range(min(DEPTH, n) - 1, -1, -1):  # the byte `back` places before each position, oldest first
            states[back:] = nextmove[rowbase[states[back:]] + data[:n - back]]
        previous = np.concatenate(([0], states[:-1]))
        if not np.array_equal(nextmove[rowbase[previous] + data], states):
            return None
        features = output[states]
        features = features[features >= 0]
        if not len(features):
            return None
        # Counted and first places marked in two tables over every feature, not by np.unique's two sorts (0.05 ms a
        # page): a feature's first place is the smallest it is met at. Only the entries set are set back.
        if self._scratch is None:
            self._scratch = (np.zeros(len(self.nb_ptc), dtype=np.intp), np.full(len(self.nb_ptc), _NEVER))
        count, first = self._scratch
        at = np.arange(len(features))
        np.add.at(count, features, 1)
        np.minimum.at(first, features, at)
        unique = features[first[features] == at]  # each feature at its first place: in the order first met
        counts = count[unique].astype(np.float32)
        count[unique], first[unique] = 0, _NEVER
        return unique, counts


class _SingleRows:
    """The float32 rows of a float16 matrix (the model's weights, a row per feature), each turned the first time a
    text has its feature and kept: a page's ~500 rows are then one gather, not ~70,000 weights looked up in the
    table above each time (0.08 ms a page). Kept compact, in the order met: a crawl keeps the rows of the features
    its pages have (~8,000 for the analyze benchmark's, 4.5 MB), not all 100,000 (57 MB)."""

    def __init__(self, half: np.ndarray):
        self._half = half.view(np.uint16)
        self._slot = np.full(len(half), -1, dtype=np.intp)  # feature -> its row in `_rows`, -1 until met
        self._rows = np.empty((1024, half.shape[1]), dtype=np.float32)
        self._used = 0

    def take(self, features: np.ndarray) -> np.ndarray:
        """The rows of `features` (distinct), in their order."""
        slots = self._slot[features]
        new = features[slots < 0]
        if len(new):
            end = self._used + len(new)
            if end > len(self._rows):  # doubled: copied a few times over a crawl, not on every new feature
                grown = np.empty((max(end, 2 * len(self._rows)), self._rows.shape[1]), dtype=np.float32)
                grown[:self._used] = self._rows[:self._used]
                self._rows = grown
            self._rows[self._used:end] = np.take(_SINGLE_OF_HALF, np.take(self._half, new, axis=0))
            self._slot[new] = np.arange(self._used, end)
            self._used = end
            slots = self._slot[features]
        return np.take(self._rows, slots, axis=0)
