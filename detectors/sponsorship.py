"""SPONSORSHIP: team and event sponsorships, roadshows, conferences and trade fairs, press pages.

Phrases come from data/lexicons/sponsorship.yaml ("offizieller Hauptsponsor", "retrouvez-nous au salon",
"meet us at", "nota de prensa"). As for the other phrase families, a phrase in an EU language points to the
member states of that language (strong) and an English phrase points nowhere in particular (medium).

An event or a team is also placed by where it is: a phrase in the same sentence as the name of an EU/EEA country
(babel's names, in the phrase's language, the page's language or English) or of a large EU/EEA city
(data/lexicons/eu_cities.yaml) raises a strong finding for that member state ("Meet us at Blockchain Week
Berlin": DE), whatever the language of the phrase. "Meet us at Consensus in Austin" stays an untargeted English
finding. Negated or quoted phrases do not count, nor does a negated place ("not in Berlin this year").
"""

from __future__ import annotations

import re
from functools import cache

from detectors.context import Context
from detectors.data_files import DataFileError, load
from detectors.geography import Geography, geography
from detectors.lexicon import PhraseLexicon, phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import page_language, phrase_findings
from detectors.text import is_negated, is_quoted, sentence_bounds, snippet

INDICATOR = "SPONSORSHIP"
LEXICON = "sponsorship"
CITIES_FILE = "lexicons/eu_cities.yaml"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    lexicon = phrase_lexicon(LEXICON)
    findings = phrase_findings(doc, ctx, INDICATOR, lexicon, localised_strength="strong", english_strength="medium")
    return findings + _place_findings(doc, ctx, lexicon)


def _place_findings(doc: Document, ctx: Context, lexicon: PhraseLexicon) -> list[Finding]:
    """One finding per distinct (phrase, place) named in the same sentence, for the place's member state."""
    text = doc.text
    own_language = page_language(doc)
    found: dict[str, Finding] = {}
    for match in lexicon.find(text):
        language = match.language_for(own_language)
        if is_negated(text, match.start, language) or is_quoted(text, match.start, match.end):
            continue
        left, right = sentence_bounds(text, match.start, match.end)
        phrase = " ".join(match.text.lower().split())
        for start, end, code in _places(text, left, right, ctx.geo, (language, own_language, "en")):
            if start < match.end and end > match.start:  # inside the phrase itself
                continue
            if is_negated(text, start, language):
                continue
            value = f"{phrase} + {' '.join(text[start:end].lower().split())}"
            found.setdefault(value, ctx.finding(
                doc, INDICATOR, value=value, snippet=snippet(text, min(start, match.start), max(end, match.end)),
                locator=f"text ({language})", member_states=(code,), confidence=0.9, strength="strong"))
    return list(found.values())


def _places(text: str, left: int, right: int, geo: Geography, languages) -> list[tuple[int, int, str]]:
    """(start, end, member state) of the country and city names in text[left:right]."""
    places: dict[tuple[int, int], str] = {}
    for language in dict.fromkeys(lang for lang in languages if lang):
        regex, names = _country_regex(geo, language)
        if regex is None:
            continue
        for m in regex.finditer(text, left, right):
            places.setdefault((m.start(), m.end()), names[m.group(0).lower()])
    cities, codes = _city_regex()
    for m in cities.finditer(text, left, right):
        places.setdefault((m.start(), m.end()), codes[m.group(0)])
    return [(start, end, code) for (start, end), code in sorted(places.items())]


@cache
def _country_regex(geo: Geography, language: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """Babel's names of the member states in one language (as SEO's, one language at a time: German "Island"
    is Iceland, an English "island" is not)."""
    names = geo.country_names.get(language, {})
    if not names:
        return None, {}
    alternatives = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE), names


@cache
def _city_regex() -> tuple[re.Pattern, dict[str, str]]:
    """City names as written or in capitals (case-sensitive: "Porto" the city, not "porto" the harbour)."""
    codes: dict[str, str] = {}
    for name, code in city_names().items():
        codes[name] = code
        codes.setdefault(name.upper(), code)
    alternatives = sorted((re.escape(n) for n in codes), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"), codes


@cache
def city_names() -> dict[str, str]:
    """data/lexicons/eu_cities.yaml as {city name: member state}, validated."""
    return cities_from_data(CITIES_FILE, load(CITIES_FILE, "eu-cities"), geography())


def cities_from_data(file: str, data: dict, geo: Geography) -> dict[str, str]:
    """The cities of a schema-checked file, refusing codes that are not EU/EEA member states and a name listed twice
    (case-insensitive, across all states)."""
    table: dict[str, str] = {}
    seen: dict[str, str] = {}
    for raw_code, names in data["cities"].items():
        code = "NO" if raw_code is False else str(raw_code)  # YAML 1.1 reads a bare NO (Norway) as false
        if code not in geo.member_states:
            raise DataFileError(file, f"cities.{code}",
                                f"an EU/EEA member state code ({', '.join(sorted(geo.member_states))})")
        for n, name in enumerate(names):
            key = name.lower()
            if key in seen:
                raise DataFileError(file, f"cities.{code}[{n}]",
                                    f"a city listed once, {name!r} is also under {seen[key]}")
            seen[key] = code
            table[name] = code
    return table
