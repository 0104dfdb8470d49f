"""Incentives by structure, for BONUS: a sentence that holds a reward (a reward word, an amount, or a referral that
implies one), a verb of getting and a trigger -- "Invite a friend and you both get 15 €", "Ved å bruke koden ...
motta 55 kr i bitcoin som en velkomstgave" -- in the page's language or English.

Judged sentence by sentence: a negated sentence ("if your bonus was not paid ...") is left out without hiding an
offer made in another sentence of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from detectors.data_files import DataFileError, language_key, load
from detectors.geography import geography
from detectors.lemmas import forms_of
from detectors.lexicon import phrase_lexicon

_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# An amount: a number with a currency, a percentage or a crypto unit next to it ("15 €", "€5", "55 kr", "25%").
_AMOUNT = re.compile(r"(?:[€$£]\s?\d|\d[\d.,]*\s?(?:[€$£%]|(?:eur|euro|euros|usd|usdt|btc|sats?|kr|kč|zł|pln|lei|"
                     r"ron|ft|huf|лв|dkk|sek|nok|kroner|kronor|krónur|korun|koruna|złotych|złote|forint|leva|"
                     r"euro?a?)\b))", re.IGNORECASE)
MIN_WORDS = 4  # a reward, a verb and a trigger take at least this many words


@dataclass(frozen=True)
class Incentive:
    text: str  # the sentence
    language: str
    start: int
    end: int


@dataclass(frozen=True)
class _Vocabulary:
    verbs: frozenset[str]
    rewards: tuple[str, ...]  # word beginnings
    triggers: tuple[str, ...]  # word beginnings; with a space, the beginning of a phrase
    referrals: tuple[str, ...]  # triggers that promise a reward by themselves (invite a friend and earn)
    negations: frozenset[str]


@cache
def _vocabularies() -> dict[str, _Vocabulary]:
    file = "lexicons/incentives.yaml"
    data = load(file, "incentives")
    negation = phrase_lexicon("negation").terms
    known = geography().languages
    result = {}
    for raw, entry in data["languages"].items():
        language = language_key(raw)
        if language not in known:
            raise DataFileError(file, f"languages.{language}", f"an EU/EEA language code ({', '.join(sorted(known))})")
        cues = {c.lower() for c in negation.get(language, []) + negation.get("en", []) if " " not in c}
        result[language] = _Vocabulary(forms_of({v.lower() for v in entry["verbs"]}, language),
                                       tuple(r.lower() for r in entry["rewards"]),
                                       tuple(t.lower() for t in entry["triggers"]),
                                       tuple(t.lower() for t in entry["referrals"]), frozenset(cues))
    return result


def _starts(words: list[str], lowered: str, stems: tuple[str, ...]) -> bool:
    for stem in stems:
        if " " in stem or "-" in stem:
            if re.search(r"(?<!\w)" + re.escape(stem), lowered):
                return True
        elif any(w.startswith(stem) for w in words):
            return True
    return False


@lru_cache(maxsize=8)  # PROMO and BONUS both ask, of the same page
def without_questions(text: str) -> str:
    """`text` with its questions blanked, offsets kept: "Was bringt ein Willkommensbonus?" offers nothing."""
    if "?" not in text:
        return text
    # A question: the run of text after the last boundary (".", "!", "?", a line break) up to its "?".
    return _QUESTION.sub(lambda m: " " * (m.end() - m.start()), text)


_QUESTION = re.compile(r"[^.!?\n]*\?")


def incentives(text: str, languages: tuple[str, ...]) -> list[Incentive]:
    """The sentences of `text` that offer an incentive, in the first of `languages` whose words make them one."""
    found = []
    for m in _SENTENCE.finditer(text):
        language = _offer_language(m.group(0), languages)
        if language:
            found.append(Incentive(" ".join(m.group(0).split()), language, m.start(), m.end()))
    return found


@lru_cache(maxsize=8192)  # menus, footers and banners repeat from page to page: a sentence is read once
def _offer_language(sentence: str, languages: tuple[str, ...]) -> str:
    """The first of `languages` in whose words `sentence` offers an incentive ("" for none)."""
    vocabularies = _vocabularies()
    lowered = sentence.lower()
    words = _WORD.findall(lowered)
    if len(words) < MIN_WORDS:
        return ""
    amount = bool(_AMOUNT.search(sentence))
    for language in languages:
        voc = vocabularies.get(language)
        if voc is None or not any(w in voc.verbs for w in words):
            continue
        # "Invite friends and earn": a referral (two of its words: invite + friend) promises the reward itself.
        rewarded = amount or _starts(words, lowered, voc.rewards) or sum(
            _starts(words, lowered, (stem,)) for stem in voc.referrals) >= 2
        if not rewarded or not _starts(words, lowered, voc.triggers):
            continue
        if any(w in voc.negations for w in words):
            return ""  # negated or hypothetical ("if your bonus was not paid"): this sentence offers nothing
        return language
    return ""
