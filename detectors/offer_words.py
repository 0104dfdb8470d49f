"""The words of offers stated to the reader, per language (data/lexicons/offers.yaml with the verbs of getting and
rewards of incentives.yaml and the first-person words of own_voice.yaml), read by detectors/call_offers.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detectors.cta_vocabulary import tokens_of, without_accents
from detectors.data_files import language_key, load
from detectors.geography import by_language
from detectors.lemmas import forms_of
from detectors.local_ref import COMPOUND_HEAD, COMPOUND_TAIL


@dataclass(frozen=True)
class Offers:
    reader: frozenset[str]  # one-word second-person words (a page's tokens are looked up in it)
    reader_phrases: re.Pattern[str] | None
    gains: frozenset[str]  # verbs of getting, every form
    rewards: tuple[str, ...]  # word beginnings of reward and referral words (incentives.yaml)
    own: frozenset[str]  # first-person words (own_voice.yaml): the site speaking of its offer
    advantages: re.Pattern[str] | None
    more: re.Pattern[str] | None
    labels: re.Pattern[str] | None
    conditions: re.Pattern[str] | None  # matched at a sentence's start
    consequences: re.Pattern[str] | None  # "this means ...", matched at a sentence's start: a rule worked out
    deals: tuple[str, ...]  # word beginnings of the site's offer itself ("Aprovecha esta oferta", "Grib tilbuddet")
    # The opening of "the more ... the more" where the comparative alone also means "several" (Danish "jo flere",
    # Swedish "ju fler": "I flere tilfælde" is "in several cases"): the phrases of `more`.
    opening: re.Pattern[str] | None = None
    how: re.Pattern[str] | None = None  # "how", "whether": an indirect question after a verb of discovery
    selling: re.Pattern[str] | None = None  # "no hidden fees", "in seconds": a claim only where the site says "we"
    second_person: tuple[str, ...] = ()  # a verb's endings that address the reader where no pronoun does ("compras")
    selling_keys: frozenset[str] = frozenset()  # the longest word of each selling point: a page without one has none
    product_stems: tuple[str, ...] = ()  # what a firm sells ("account", "conta"): word beginnings ("konto*") ...
    product_words: frozenset[str] = frozenset()  # ... and whole words ("kort": "kortfattet" is no card)
    product_tails: tuple[str, ...] = ()  # both, long enough to end a compound

    def names_product(self, tokens) -> bool:
        """Whether one of the words names what a firm sells (an account, a card, a loan, a plan), also as the last
        part of a compound ("sparkonto", "Tagesgeldkonto")."""
        return any(t in self.product_words or t.startswith(self.product_stems) or
                   len(t) >= COMPOUND_HEAD + COMPOUND_TAIL and t.endswith(self.product_tails) for t in tokens)


def _pattern(items: list[str]) -> re.Pattern[str] | None:
    """Whole words or phrases; a trailing * matches any ending, a trailing apostrophe the elided word ("lorsqu'un")."""
    if not items:
        return None
    parts = sorted((re.escape(without_accents(i.rstrip("*").lower())) +
                    (r"\w*" if i.endswith("*") else "" if i.endswith(("'", "’")) else r"(?!\w)")
                    for i in items), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")


@cache
def offers() -> dict[str, Offers]:
    file = "lexicons/offers.yaml"
    data = load(file, "offers")
    gains = load("lexicons/incentives.yaml", "incentives")["languages"]
    first_person = load("lexicons/own_voice.yaml", "own-voice")["first_person"]
    gains = {language_key(k): v for k, v in gains.items()}
    first_person = {language_key(k): v for k, v in first_person.items()}
    result = {}
    for language, entry in by_language(file, "languages", data["languages"]).items():
        incentive = gains.get(language, {"verbs": [], "rewards": [], "referrals": []})
        own = first_person.get(language, [])
        verbs = forms_of({v.lower() for v in incentive["verbs"]}, language) | set(entry.get("getting", []))
        single = [r for r in entry["reader"] if " " not in r]
        result[language] = Offers(
            frozenset(without_accents(r.lower()) for r in single), _pattern([r for r in entry["reader"] if " " in r]),
            frozenset(without_accents(v) for v in verbs),
            tuple(without_accents(r.lower()) for r in incentive["rewards"] + incentive["referrals"]),
            frozenset(without_accents(w.rstrip("*").lower()) for w in own if " " not in w),
            _pattern(entry["advantages"]), _pattern(entry["more"]), _pattern(entry["labels"]),
            _pattern(entry["conditions"]), _pattern(entry.get("consequences", [])),
            tuple(without_accents(d.rstrip("*").lower()) for d in entry.get("deals", [])),
            _pattern([m for m in entry["more"] if " " in m]), _pattern(entry.get("how", [])),
            _pattern(entry.get("selling", [])), tuple(without_accents(e) for e in entry.get("second_person", ())),
            frozenset(max(reversed(tokens_of(p)), key=len, default="") for p in entry.get("selling", [])) - {""},
            *_products(entry.get("products", [])))
    return result


def _products(listed: list[str]) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """Offers' product_stems, product_words and product_tails."""
    names = [without_accents(p.rstrip("*").lower()) for p in listed]
    return (tuple(n for n, p in zip(names, listed, strict=True) if p.endswith("*")),
            frozenset(n for n, p in zip(names, listed, strict=True) if not p.endswith("*")),
            tuple(n for n in names if len(n) >= COMPOUND_TAIL))
