"""Whether a passage is the site speaking of itself (SPONSORSHIP): a first-person word ("we", "unser", "nous",
"wij") or the site as an event's organiser ("Veranstalter", "Pořadatel"), in data/lexicons/own_voice.yaml, or
the site's own brand, the first label of its registrable domain ("Nordwind ist offizieller Hauptsponsor" on
nordwind.de; on a news site the sponsor's name is not the site's).
Navigation labels that hold a first-person word ("Über uns", "Contact us") are blanked out first, so a menu line
"Über uns Referenzen Spenden & Sponsoring" is not the site's own sponsorship. "Press conference" and its
translations are someone else's meeting with the press, not an event of the site's.
A writer offering its own referral link or code ("med min länk") pitches the programme it earns from (AFFILIATE and
BONUS read a page that does so as the site's own offer, not a report). A writer's "I" ("I may be compensated ...
through referral links") makes an affiliate disclosure its own on a page that reports on someone else's programme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from detectors.data_files import load
from detectors.domains import registrable_domain
from detectors.phrase_patterns import phrase_pattern
from detectors.text import denies, is_negated, sentence_bounds

FILE = "lexicons/own_voice.yaml"
_BOUNDED = r"(?<!\w)(?:{})(?!\w)"
ABBREVIATION = 3  # letters: "US", "EU"; a first-person word this short in capitals may be one


@dataclass(frozen=True)
class _Words:
    first_person: dict[str, re.Pattern]  # per language: "me" is Estonian "we" and English "me"
    organiser: dict[str, re.Pattern]
    own_links: dict[str, re.Pattern]
    writer: dict[str, re.Pattern]  # "I", "ich", "je": a blogger speaking of itself
    menu: re.Pattern
    press: re.Pattern
    reported: re.Pattern


def _alternation(words) -> str:
    return _BOUNDED.format("|".join(sorted((phrase_pattern(w) for w in words), key=len, reverse=True)))


@cache
def _words() -> _Words:
    data = load(FILE, "own-voice")
    per_language = lambda key: {  # noqa: E731
        "no" if lang is False else str(lang): re.compile(_alternation(words), re.IGNORECASE)
        for lang, words in data[key].items()}
    return _Words(
        first_person=per_language("first_person"),
        organiser=per_language("organiser"),
        own_links=per_language("own_links"),
        writer=per_language("writer"),
        menu=re.compile(_alternation(data["menu_labels"]), re.IGNORECASE),
        press=re.compile(_alternation(data["press_words"]), re.IGNORECASE),
        reported=re.compile(_alternation(data["reported_speech"]), re.IGNORECASE),
    )


def own_voice(passage: str, languages) -> str:
    """The language in which passage says "we" (outside navigation labels, not negated) or names the site as
    organiser, among languages; "" when it does not."""
    words = _words()
    prose = words.menu.sub(" ", passage)
    if words.reported.search(prose):
        return ""
    for language in dict.fromkeys(lang for lang in languages if lang):
        for table in (words.first_person, words.organiser):
            # "este ano não estaremos no Porto": the site says where it will not be
            if language in table and any(not is_negated(prose, m.start(), language) and not _abbreviation(prose, m)
                                         for m in table[language].finditer(prose)):
                return language
    return ""


def speaks_for_itself(passage: str, language: str) -> bool:
    """Whether passage is the site or its writer speaking of itself in `language`: "we" (own_voice) or "I", not
    negated ("I get nothing for these links" denies) and not reported speech. English "I" is no abbreviation."""
    if own_voice(passage, (language,)):
        return True
    words = _words()
    table = words.writer.get(language)
    return table is not None and not words.reported.search(passage) and any(
        not is_negated(passage, m.start(), language) for m in table.finditer(passage))


def offers_own_link(text: str, languages) -> bool:
    """Whether text offers the writer's own referral link or code ("Få 20% rabatt ... med min länk") in one of
    languages, in a sentence that neither asks nor denies ("my referral code didn't work?" is a user's complaint):
    an affiliate pitching the programme it earns from, wherever on the page."""
    table = _words().own_links
    for language in dict.fromkeys(languages):
        for m in table[language].finditer(text) if language in table else ():
            left, right = sentence_bounds(text, m.start(), m.end())
            sentence = text[left:right]
            if not sentence.rstrip().endswith("?") and not denies(sentence, language):
                return True
    return False


def _abbreviation(prose: str, m: re.Match) -> bool:
    """A short word in capitals in a passage that is not: an abbreviation ("US$100m", "the US market"), not the
    pronoun it is spelt like; in a line of capitals ("MEET US IN BERLIN") it is the pronoun."""
    word = m.group(0)
    return len(word) <= ABBREVIATION and word.isupper() and not prose.isupper()


def press_event(text: str, start: int, end: int) -> bool:
    """Whether the event word at text[start:end] is a press conference ("press conference", "conferencia de
    prensa", "conférence de presse"): a press word right before or after it."""
    words = _words()
    before = text[max(0, start - 12):start]
    after = text[end:end + 16]
    return bool(words.press.search(before) or words.press.search(after))


@cache
def site_brand(url: str) -> re.Pattern | None:
    """The site's name as written in its copy: the first label of its registrable domain (nordwind.de:
    Nordwind, crypto-expo.eu: Crypto Expo, tatrabanka.sk: Tatra banka, a space or hyphen anywhere the domain
    has none), four letters or more; None for shorter or unknown names."""
    domain = registrable_domain((urlsplit(url).hostname or "").lower())
    label = domain.split(".")[0].replace("-", "") if domain else ""
    if len(label) < 4:
        return None
    return re.compile(r"(?<!\w)" + r"[\s-]?".join(map(re.escape, label)) + r"(?!\w)", re.IGNORECASE)
