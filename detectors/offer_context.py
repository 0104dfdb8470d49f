"""Offer context: whether an amount, a currency or a payment rail sits in the site's own offer.

"Mindesteinzahlung: 25 €", "Deposit via iDEAL" and a fee table are offers; "the token lost 300 euros in a week",
"230 Millionen Euro Risikokapital" and "What is SEPA?" are not. The words that decide are data
(lexicons/offer_context.yaml, every EU/EEA language); this module only says where to look: the sentence around a
match within its block, widened to the neighbouring blocks when the block is a short one (a table cell, a list
item, a button: "Minsta belopp" above "350 SEK").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from detectors.blocks import BlockMemo
from detectors.data_files import load
from detectors.lexicon import PhraseLexicon, _Words, is_word_char, lexicon_terms, word_places, words_of
from detectors.lexicon import _words as page_words  # the page's words, shared with the phrase scan
from detectors.text import LIMIT_DOT

FILE = "lexicons/offer_context.yaml"
REACH = 150  # characters on each side of a match that its sentence may span
SHORT_BLOCK = 60  # a block shorter than this is a cell, item or label: its neighbours give its context
NEIGHBOURS = 2  # blocks above (and one below) a short block that are read with it
ABBREVIATION = 6  # characters before a sentence where an example's abbreviation ("np.", "e.g.") may stand
REPORTED = 2  # reporting words ("said", "sagte") that make a page an article
# The dot of a limit's "min." and "max." ends no sentence: it abbreviates the offer word before an amount.
_FULL_STOP = re.compile(rf"(?!{LIMIT_DOT})\.(?=\s|$)|[!?;](?=\s|$)")
_STOP = re.compile(rf"{_FULL_STOP.pattern}|\s[-–—•|]\s")  # a sentence or a clause set off by a dash or a bullet
_ASCII = frozenset(map(chr, range(128)))
# A stored page that opens with its publication date ("date 2024-03 ...") is a dated article; the first day of 2000
# is an archive's placeholder for a page of no known date.
_DATELINE = re.compile(r"\s*date (?!2000-01-01\b)\d{4}-\d{2}(?:-\d{2})?\b")


OWN_OFFER = "own_offer"  # the site speaking of its own offer: the one group read in the page's languages only
GROUPS = ("offer", OWN_OFFER, "narrative", "explainer", "generic", "reporting", "editorial", "sign_in")


@dataclass(frozen=True)
class _Lexicons:
    # Every group in one matcher keyed "group:language" (one scan of the page instead of seven).
    phrases: PhraseLexicon
    endings: re.Pattern  # compounds ending in an offer word ("Bitcoinpreis", "insättningsavgift")
    ending_words: tuple[str, ...]  # the same endings, lower-cased: which words of a page can hold one
    ending_alphabet: frozenset[str]  # their letters
    magnitude: re.Pattern  # a magnitude word right after an amount ("€870 miljard", "EUR 5 million")


@cache
def _lexicons() -> _Lexicons:
    data = load(FILE, "offer-context")
    magnitudes = sorted({re.escape(t.rstrip("*")) + (r"\w*" if t.endswith("*") else "")
                         for terms in lexicon_terms(FILE, "magnitude", data["magnitude"]).values() for t in terms},
                        key=len, reverse=True)
    terms = {f"{group}:{lang}": phrases for group in GROUPS
             for lang, phrases in lexicon_terms(FILE, group, data[group]).items()}
    return _Lexicons(
        phrases=PhraseLexicon(data["family"], terms),
        # The ending after at least three letters of the same word: found where the ending is, without backtracking
        # over every word of the page.
        endings=re.compile(r"(?<=\w\w\w)(?:" + "|".join(sorted(map(re.escape, data["offer_endings"]), key=len,
                                                                reverse=True)) + r")(?!\w)", re.IGNORECASE),
        ending_words=tuple(sorted({e.lower() for e in data["offer_endings"]})),
        ending_alphabet=frozenset("".join(data["offer_endings"]).lower()),
        magnitude=re.compile(r"[ \u00a0\u202f]?[-\u2011]?(?:" + "|".join(magnitudes) + r")(?!\w)", re.IGNORECASE),
    )


@lru_cache(maxsize=4096)
def _reading(char: str, alphabet: frozenset[str]) -> str | None:
    """How a page's lower-cased words (detectors/lexicon.py) must read `char` to see every word a case-insensitive
    regex of `alphabet`'s letters sees: "" as they are, the letter it matches when case is ignored ("ı" as "i"),
    None when they cannot."""
    lower = char.lower()
    folded = lower if len(lower) == 1 else char
    if is_word_char(char) != is_word_char(folded):
        return None
    letters = [c for c in sorted(alphabet) if re.match(re.escape(c), char, re.IGNORECASE)]
    if not letters or letters == [folded]:
        return ""
    if not is_word_char(folded):  # read as a letter, it would join two words
        return None
    return letters[0] if len(letters) == 1 and folded not in alphabet else None


@lru_cache(maxsize=16)
def _letters(text: str) -> frozenset[str]:
    """The text's distinct letters beyond ASCII."""
    return frozenset(set(text) - _ASCII)


@lru_cache(maxsize=1024)
def _readings(letters: frozenset[str], alphabet: frozenset[str]) -> dict[str, str] | None:
    """Lower-cased letter -> the letter a case-insensitive regex of `alphabet` reads it as, where they differ."""
    readings: dict[str, str] = {}
    for char in letters:
        reading = _reading(char, alphabet)
        if reading is None:
            return None
        lower = char.lower()
        key = lower if len(lower) == 1 else char
        if reading and readings.setdefault(key, reading) != reading:
            return None
    return readings


@lru_cache(maxsize=16)
def read_words(text: str, alphabet: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    """The text lower-cased (same offsets) and its distinct words, read so that a word a case-insensitive regex of
    `alphabet`'s letters matches is among them; None on the rare page where a set of words cannot promise that."""
    return _read(alphabet, page_words(text), _letters(text))


def _read(alphabet: frozenset[str], index: _Words, letters: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    readings = _readings(letters, alphabet)
    if readings is None:
        return None
    if not readings:
        return index.folded, index.words
    return _read_as(index, tuple(sorted(readings.items())))


@lru_cache(maxsize=16)
def _read_as(index: _Words, readings: tuple[tuple[str, str], ...]) -> tuple[str, frozenset[str]]:
    """The index's text and words with each letter replaced by its reading: the same for every alphabet that reads
    the page's letters alike (a page with a Turkish "ı" is read with "i" by three or four scans), so read once."""
    folded, words = index.folded, "\n".join(index.words)
    for key, reading in readings:
        folded, words = folded.replace(key, reading), words.replace(key, reading)
    return folded, frozenset(words.split("\n"))


def scan(regex: re.Pattern, text: str, firsts: frozenset[str], alphabet: frozenset[str], on: str | None = None,
         by_first: Callable[[str], re.Pattern] | None = None):
    """`regex.finditer(on or text)` for a regex whose every match starts a run of word characters that is one of
    `firsts` (lower-cased, letters from `alphabet`): tried only where the page has such a run (read_words), not at
    every character. `on`: a text of the same offsets to match in (the page lower-cased). `by_first`: the part of
    `regex` that can match where a first word stands, tried there instead (a few alternatives, not all)."""
    read = read_words(text, alphabet)
    target = text if on is None else on
    if read is None:
        yield from regex.finditer(target)
        return
    folded, words = read
    places = _places(text, folded, alphabet)
    starts = sorted((at, word) for word in firsts & words for at in places(word))
    last = 0
    for at, word in starts:
        if at >= last:
            m = (regex if by_first is None else by_first(word)).match(target, at)
            if m:
                yield m
                last = m.end()


def _places(text: str, folded: str, alphabet: frozenset[str]) -> Callable[[str], list[int]]:
    """Where a word of the text as read_words read it stands: where the shared index has it (every page's phrase
    scans ask the index that), unless the word holds a letter another letter was read as (looked for in `folded`)."""
    index = page_words(text)
    if folded is index.folded:
        return index.places
    became = "".join(set(_readings(_letters(text), alphabet).values()))
    return lambda word: word_places(folded, word) if any(c in word for c in became) else index.places(word)


def _endings(text: str, lex: _Lexicons, index: _Words) -> list[int]:
    """Where the compound endings start: the positions `lex.endings` finds, looked for only in the words of the text
    that end in one (one set pass instead of a regex tried at every character)."""
    read = _read(lex.ending_alphabet, index, frozenset(set(text) - _ASCII))
    if read is None:
        return [m.start() for m in lex.endings.finditer(text)]
    folded, words = read
    starts = []
    for word in [w for w in words if len(w) > 3 and w.endswith(lex.ending_words)]:
        for at in word_places(folded, word):
            m = lex.endings.search(text, at, at + len(word))
            if m:
                starts.append(m.start())
    return starts


ENDING = "ending"  # a compound ending in an offer word, beside the lexicon's groups
ANY_LANGUAGE: frozenset[str] = frozenset()


def _block_words(block: str) -> tuple[tuple[str, frozenset[str], int], ...]:
    """(group, languages, offset) of each offer-context word in one block of a page (the offer-context lexicon's
    blocks: no phrase runs across them, and a compound ending is a word's), in order, with the languages whose words
    of that group it is (none for a compound ending: any language's); remembered per block (detectors/blocks.py)."""
    lex, index = _lexicons(), words_of(block)
    words = []
    for m in lex.phrases.find(block, index):
        by_group: dict[str, set[str]] = {}
        for key in m.languages:
            group, _, language = key.partition(":")
            by_group.setdefault(group, set()).add(language)
        words += [(group, frozenset(by_group[group]), m.start) for group in sorted(by_group)]
    words += [(ENDING, ANY_LANGUAGE, at) for at in _endings(block, lex, index)]
    return tuple(words)


def _blocks_words(blocks: list[str]) -> list[tuple[tuple[str, frozenset[str], int], ...]]:
    """`_block_words` of each of a page's new blocks (in page order), read as one text of the blocks joined by line
    breaks: a block's reading is the same (no phrase runs across its end, but the page's last block's, which comes
    last), and the costs of a read are paid once instead of per block (about 25 new blocks a page)."""
    starts = list(accumulate((len(block) + 1 for block in blocks[:-1]), initial=0))
    words: list[list[tuple[str, frozenset[str], int]]] = [[] for _ in blocks]
    for group, languages, at in _block_words("\n".join(blocks)):
        n = bisect_right(starts, at) - 1
        words[n].append((group, languages, at - starts[n]))
    return [tuple(read) for read in words]


_BLOCK_WORDS = BlockMemo(_block_words, _blocks_words)


class OfferContext:
    """The offer and narrative words of one text, found once and asked about each match. Offer and narrative words
    count in any language (cognates: "лимит" reads the same in a Russian page as in a Bulgarian one); the site
    speaking of its own offer, which outweighs a story or an explainer, only in `languages` (the page's, or any where
    unknown): Finnish "voit" ("you can") in a French "se voit amputé" is not the site speaking of its offer."""

    def __init__(self, text: str, languages: frozenset[str] = ANY_LANGUAGE):
        self.text = text
        found: dict[str, list[int]] = {group: [] for group in (*GROUPS, ENDING)}
        for at, words in _BLOCK_WORDS.over(_lexicons().phrases.blocks(text)):
            for group, of, start in words:
                if group != OWN_OFFER or not languages or not of.isdisjoint(languages):
                    found[group].append(at + start)
        # The site speaking of its own offer ("you can pay") is an offer word too.
        self._offer = sorted(found["offer"] + found[OWN_OFFER] + found[ENDING])
        self._narrative, self._explainer = found["narrative"], found["explainer"]
        self._generic, self._own, self._sign_in = found["generic"], found[OWN_OFFER], found["sign_in"]
        # An article (a dateline, a reading time, a press agency, or people quoted): what it says of money is reported.
        self.editorial = (bool(_DATELINE.match(text)) or bool(found["editorial"])
                          or len(found["reporting"]) >= REPORTED)
        self._magnitude = _lexicons().magnitude

    def _line(self, pos: int) -> tuple[int, int]:
        left = self.text.rfind("\n", 0, pos) + 1
        right = self.text.find("\n", pos)
        return left, (len(self.text) if right < 0 else right)

    def sentence(self, start: int, end: int, stops: re.Pattern = _STOP) -> tuple[int, int]:
        """The sentence (or clause) around [start, end) inside its block, at most REACH characters each side."""
        line_left, line_right = self._line(start)
        lo, hi = max(line_left, start - REACH), min(line_right, end + REACH)
        left = max((m.end() for m in stops.finditer(self.text, lo, start)), default=lo)
        right_stop = stops.search(self.text, end, hi)
        return left, (right_stop.start() if right_stop else hi)

    def _span(self, start: int, end: int) -> tuple[int, int]:
        """The sentence, or for a short block the block with its neighbours (a table or a list)."""
        line_left, line_right = self._line(start)
        if line_right - line_left >= SHORT_BLOCK:
            return self.sentence(start, end)
        left = line_left
        for _ in range(NEIGHBOURS):
            if left <= 0:
                break
            prev_left = self.text.rfind("\n", 0, left - 1) + 1
            if left - prev_left > 2 * SHORT_BLOCK + 40:  # a paragraph above a cell does not describe it
                break
            left = prev_left
        right = line_right
        if right < len(self.text):
            next_right = self.text.find("\n", right + 1)
            next_right = len(self.text) if next_right < 0 else next_right
            if next_right - right <= SHORT_BLOCK:
                right = next_right
        return left, right

    @staticmethod
    def _any(positions: list[int], left: int, right: int, skip: tuple[int, int] = (0, 0)) -> bool:
        i = bisect_left(positions, left)
        while i < len(positions) and positions[i] < right:
            if not skip[0] <= positions[i] < skip[1]:
                return True
            i += 1
        return False

    def is_offer(self, start: int, end: int, *, beyond_match: bool = False) -> bool:
        """An offer word near the match, and no news or legal wording in its sentence. `beyond_match`: the match's
        own words do not count ("virement SEPA" names a rail; it does not offer it)."""
        left, right = self._span(start, end)
        if not self._any(self._offer, left, right, (start, end) if beyond_match else (0, 0)):
            return False
        return not self.is_narrative(start, end)

    def is_close_offer(self, start: int, end: int, reach: int = 60) -> bool:
        """An offer word within `reach` characters in the same sentence (for a currency named without an amount)."""
        left, right = self.sentence(start, end)
        if not self._any(self._offer, max(left, start - reach), min(right, end + reach)):
            return False
        return not self.is_narrative(start, end)

    def is_narrative(self, start: int, end: int) -> bool:
        """News or legal wording anywhere in the whole sentence ("... are taxed - even below 2 500 €")."""
        left, right = self.sentence(start, end, _FULL_STOP)
        return self._any(self._narrative, left, right)

    def is_magnitude(self, end: int) -> bool:
        """A magnitude word right after an amount: a statistic, never a price."""
        return bool(self._magnitude.match(self.text, end))

    def is_explained(self, start: int, end: int) -> bool:
        """The match is introduced as a thing explained ("What is SEPA?", "Wie funktioniert Bizum")."""
        left, right = self.sentence(start, end)
        return self._any(self._explainer, left, right)

    def explainer_headings(self) -> bool:
        """The page is laid out as an explanation: a short block opens with "What is", "Come funziona"..."""
        for pos in self._explainer:
            line_left, line_right = self._line(pos)
            if pos - line_left <= 3 and line_right - line_left <= SHORT_BLOCK:
                return True
        return False

    def is_own_offer(self, start: int, end: int) -> bool:
        """The site speaks of its own offer in the match's sentence ("we support ... SEPA transfer")."""
        left, right = self.sentence(start, end)
        return self._any(self._own, left, right)

    def is_sign_in(self, start: int, end: int) -> bool:
        """The match's sentence names credentials ("Vipps or username and password"): identity, not payment."""
        left, right = self.sentence(start, end)
        return self._any(self._sign_in, left, right)

    def is_generic(self, start: int, end: int) -> bool:
        """The match is an example or what exchanges in general do ("via methoden zoals iDEAL"), also right after an
        abbreviation whose dot ends no sentence ("np. BTC/PLN"); not where the site first names its own offer and
        then gives examples of it ("We support trading against fiat money, such as NOK and DKK")."""
        left, right = self.sentence(start, end)
        from_ = max(self._line(start)[0], left - ABBREVIATION)
        i = bisect_left(self._generic, from_)
        if i == len(self._generic) or self._generic[i] >= right:
            return False
        return not self._any(self._own, left, self._generic[i])


def narrates(sentence: str, language: str) -> bool:
    """Whether a sentence holds news or legal wording about money in its language ("ti espone a una perdita", a
    tax, a fine; not the English "profit*" in the French "profitez")."""
    return f"narrative:{language}" in _sentence_groups(sentence)


def refers_to_article(sentence: str, language: str) -> bool:
    """Whether a sentence names itself part of an article or a guide ("In dit artikel proberen wij je ... te geven"),
    or its press agency: it previews or reports, it does not offer."""
    return f"editorial:{language}" in _sentence_groups(sentence)


@lru_cache(maxsize=256)  # PROMO asks both of each offer sentence: it is scanned once
def _sentence_groups(sentence: str) -> frozenset[str]:
    """The groups and languages ("narrative:it") of the phrases a sentence holds, its own words indexed (the page's
    stay cached)."""
    return frozenset(key for m in _lexicons().phrases.find(sentence, words_of(sentence)) for key in m.languages)


@lru_cache(maxsize=8)
def offer_context(text: str, languages: frozenset[str] = ANY_LANGUAGE) -> OfferContext:
    """One OfferContext per text and languages, shared by CURRENCY and PAYMENT on the same document."""
    return OfferContext(text, languages)
