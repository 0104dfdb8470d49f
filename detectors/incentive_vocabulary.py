"""The words incentives are read with (data/lexicons/incentives.yaml), per language: detectors/incentives.py reads a
sentence with them. Verbs are matched through their inflected forms (detectors/lemmas.py); rewards, triggers and the
other lists are word beginnings, a space making a phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial

from detectors.amounts import beside_amount
from detectors.data_files import load
from detectors.geography import by_language
from detectors.lemmas import forms_of
from detectors.phrase_patterns import bare
from detectors.text import negation_cues
from detectors.word_patterns import ending_pattern, opening_pattern, terms_pattern, whole_pattern


@dataclass(frozen=True)
class Vocabulary:
    verbs: frozenset[str]
    verb_phrases: tuple[str, ...]  # a getting verb in several words: "entitled to", "heeft recht op", "a droit à"
    rewards: tuple[str, ...]  # word beginnings
    gifts: tuple[str, ...]  # the rewards that are no charge (a commission, a credit): a verbless line needs one
    triggers: tuple[str, ...]  # word beginnings; with a space, the beginning of a phrase
    referrals: tuple[str, ...]  # triggers that promise a reward by themselves (invite a friend and earn)
    openings: tuple[str, ...]  # triggers that need a reward word: opening an account costs a fee as often as it pays
    caps: re.Pattern | None  # "up to", "bis zu": an advertised maximum, a headline's trigger
    negations: frozenset[str]
    hedges: frozenset[str]  # single words that make a sentence an explanation, not an offer
    hedge_phrases: tuple[str, ...]
    generic_subjects: re.Pattern | None  # "many", "banks" opening a sentence: providers in general its subject
    disclosures: tuple[str, ...]  # the site's own income: "we may receive a commission when you sign up"
    fee_free: re.Pattern | None  # "no fees", "bez maksas": beside a period of time, a fee holiday
    deadlines: re.Pattern | None  # "within", "binnen": the period is a time limit, not a holiday
    pays: tuple[str, ...]  # getting verbs that are verbs of paying ("vi betalar ut"): the reader's, they price
    thresholds: re.Pattern | None  # "at least", "über" right before an amount: a condition, not a reward
    bonuses: re.Pattern | None  # a bonus beside its amount: "10 € Bonus", "a bonus of $25"
    bonus_words: tuple[str, ...]  # the same words, anywhere in the sentence
    yields: tuple[str, ...]  # staking: its rewards are the stake's return, not an incentive
    credits: frozenset[str]  # the getting verbs that credit an account: what they credit may be the reader's own
    credit_phrases: tuple[str, ...]
    own_funds: tuple[str, ...]  # the reader's own money ("your deposit", "das Guthaben"): credited, no reward
    rates: tuple[str, ...]  # a percentage in words: a rate, a reward only beside a referral ("a percentage of fees")

    def general(self, sentence: str) -> bool:
        """Whether a lower-cased sentence opens with providers in general as its subject ("Banks give ...", "La
        plupart des cartes offrent ..."): it describes the market; a firm's own offer speaks of you, us or a name."""
        return self.generic_subjects is not None and self.generic_subjects.match(sentence) is not None


@cache
def vocabularies() -> dict[str, Vocabulary]:
    file = "lexicons/incentives.yaml"
    data = load(file, "incentives")
    result = {}
    for language, entry in by_language(file, "languages", data["languages"]).items():
        cues = {bare(c) for c in negation_cues(language) if " " not in c}  # not English "no": Latvian "from"
        hedges = [bare(h) for h in entry.get("hedges", [])]
        verbs = [v.lower() for v in entry["verbs"]]
        credits = [c.lower() for c in entry.get("credits", [])]
        low = partial(_lowered, entry)
        result[language] = Vocabulary(
            frozenset(map(bare, forms_of({v for v in verbs if " " not in v}, language))),
            tuple(bare(v) for v in verbs if " " in v),
            low("rewards"), tuple(bare(r) for r in entry["rewards"] if r not in entry.get("charges", [])),
            low("triggers"), low("referrals"), low("openings"), whole_pattern(entry.get("caps", [])), frozenset(cues),
            frozenset(h for h in hedges if " " not in h), tuple(h for h in hedges if " " in h),
            opening_pattern(low("generic_subjects")), low("disclosures"),
            terms_pattern(entry.get("fee_free", [])), whole_pattern(entry.get("deadlines", [])), low("pays"),
            ending_pattern(entry.get("thresholds", [])), beside_amount(entry.get("bonuses", [])), low("bonuses"),
            low("yields"), frozenset(map(bare, forms_of({c for c in credits if " " not in c}, language))),
            tuple(bare(c) for c in credits if " " in c), low("own_funds"), low("rates"))
    return result


def _lowered(entry: dict, key: str) -> tuple[str, ...]:
    return tuple(map(bare, entry.get(key, [])))
