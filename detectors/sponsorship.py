"""SPONSORSHIP: the site's own sponsorships, booths, roadshows, conferences and trade fairs, and where they are.

Phrases come from data/lexicons/sponsorship.yaml ("offizieller Hauptsponsor", "retrouvez-nous au salon",
"meet us at", "visit our booth"). A phrase counts only in the site's own voice (detectors/own_voice.py): a
first-person word in its sentence ("we are proud sponsors of ...") or, after a short heading ("CC Roadshow
2017"), in the two sentences that follow it; or the site as the event's organiser. News about someone else's
sponsorship, a "press conference", a menu item ("Spenden & Sponsoring") and negated or quoted phrases do not.

An event or a team is placed by where it is: the name of an EU/EEA country (babel's names, in the phrase's
language, the page's language or English) or of a large EU/EEA city (data/lexicons/eu_cities.yaml) near the
phrase raises a strong finding for that member state ("Meet us at Blockchain Week Berlin": DE), whatever the
language of the phrase; a lone event word in the site's sentence with no place near it ("our COO hosted two panels
at the summit") takes the place of its earlier mention on the page ("Paris Blockchain Week Summit"). Without an
EU/EEA place a phrase of several words in an EU language points nowhere in particular; an English one ("Meet us at
Consensus in Austin", "proud partner of a London club") or a lone event word ("Konferenz", "Sponsoring") raises
nothing; a negated place ("not in Berlin this year") places nothing. A first-person sentence that is reported speech
("'We are thrilled to partner with the club,' said the exchange's CMO") is a news quote, not the site's voice.

On the site's own promotion rules (detectors/promotion_rules.py: the organiser is the site), a campaign held at an
event (data/lexicons/campaign_events.yaml: "The Contest is conducted in connection with a sports event ... Warsaw")
is the site's presence there, placed the same way; and a partner of the site's own placed in a member state
(data/lexicons/own_partners.yaml: "unserem Steuerberatungs-Partner in Österreich") is a partnership there.
"""

from __future__ import annotations

import re
from functools import cache

from detectors.context import Context
from detectors.data_files import DataFileError, load
from detectors.geography import Geography, geography
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.own_voice import own_voice, press_event, site_brand
from detectors.phrases import own_language
from detectors.promotion_rules import promotion_rules
from detectors.text import is_negated, is_quoted, negation_cues, sentence_bounds, snippet

INDICATOR = "SPONSORSHIP"
LEXICON = "sponsorship"
CAMPAIGN_EVENTS = "campaign_events"
OWN_PARTNERS = "own_partners"
CITIES_FILE = "lexicons/eu_cities.yaml"
PLACE_REACH = 250  # characters around a phrase in which a place names where the event or team is
POSSESSIVE_REACH = 60  # characters before a partner word in which "unserem" of "unserem Krypto-Steuer-Partner" stands
PARTNER_PLACE_REACH = 40  # characters after a partner phrase in which its place is read
PARTNER_PLACE_GAP = 5  # characters between them at most: an article ("in der Schweiz", "en la", "in the")
MENTION_REACH = 40  # characters from an event word's earlier mention to the place in its name ("Paris ... Summit")
VOICE_REACH = 150  # characters from a phrase to the first-person word of its own sentence
HEADING_WORDS = 5  # a sentence this short is a heading: the site's voice may come in the sentences after it


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html" or not doc.text:
        return []
    text = doc.text
    language_of_page = own_language(doc)
    found: dict[str, Finding] = {}
    for match in phrase_lexicon(LEXICON).find(text):
        language = match.language_for(language_of_page)
        if (is_negated(text, match.start, language) or is_quoted(text, match.start, match.end)
                or press_event(text, match.start, match.end)):
            continue
        # Without a declared language, a phrase shared by many languages (roadshow) is read in each of them.
        voice, reach = _own_voice_language(text, match, (language, language_of_page, "en", *match.languages),
                                           site_brand(doc.url))
        if not voice:
            continue
        _add_placed(doc, ctx, match, language, (language, voice, language_of_page, "en"), reach, found)
    _add_own_partners(doc, ctx, language_of_page, found)
    # The site's own campaign held at an event ("conducted in connection with a sports event ... in Warsaw"): on its
    # own promotion rules, whose organiser is the site, the event is the site's presence there.
    campaign_events = phrase_lexicon(CAMPAIGN_EVENTS).find(text)
    if campaign_events and promotion_rules(doc, ctx):
        for match in campaign_events:
            language = match.language_for(language_of_page)
            _add_placed(doc, ctx, match, language, (language, language_of_page, "en"), match.end, found)
    return list(found.values())


def _add_own_partners(doc: Document, ctx: Context, language_of_page: str, found: dict[str, Finding]) -> None:
    """The site's own partner placed in a member state ("unserem Steuerberatungs-Partner in Österreich"): a first-person
    word in the phrase or among the three words before it, the place right after it ("Partner in der Schweiz"); "wir
    sind Ihr Partner in allen Fragen" names none, and a city further on is someone else's."""
    text = doc.text
    for match in phrase_lexicon(OWN_PARTNERS).find(text):
        language = match.language_for(language_of_page)
        words_before = text[max(0, match.start - POSSESSIVE_REACH):match.start].split()[-3:]
        if not own_voice(" ".join((*words_before, match.text)), (language, language_of_page)):
            continue
        for start, end, code in _places(text, match.end, match.end + PARTNER_PLACE_REACH, ctx.geo,
                                        (language, language_of_page, "en")):
            if start <= match.end + PARTNER_PLACE_GAP:
                value = f"{' '.join(match.text.lower().split())} + {' '.join(text[start:end].lower().split())}"
                found.setdefault(value, ctx.finding(
                    doc, INDICATOR, value=value, snippet=snippet(text, match.start, end), locator=f"text ({language})",
                    member_states=(code,), confidence=0.9, strength="strong"))


def _add_placed(doc: Document, ctx: Context, match, language: str, languages, reach: int,
                found: dict[str, Finding]) -> None:
    """The findings of a phrase in the site's voice: one per EU/EEA place near it, else (a specific phrase in an EU
    language) one that points nowhere in particular."""
    text = doc.text
    phrase = " ".join(match.text.lower().split())
    # Places before the phrase within reach (an organiser's address above); after it, up to the end of its
    # paragraph, or of the sentences read after a heading (not the next paragraph's other event).
    left, _ = sentence_bounds(text, max(0, match.start - PLACE_REACH), match.start)
    line_end = text.find("\n", reach)
    right = min(line_end if line_end >= 0 else len(text), match.end + PLACE_REACH)
    places = [(start, end, code) for start, end, code in _places(text, left, right, ctx.geo, languages)
              if not (start < match.end and end > match.start) and not _place_negated(text, start, language)]
    if not places and " " not in phrase:  # "the summit" in the site's sentence, named with its place before
        places = _named_before(text, match, ctx.geo, languages)
    for start, end, code in places:
        value = f"{phrase} + {' '.join(text[start:end].lower().split())}"
        found.setdefault(value, ctx.finding(
            doc, INDICATOR, value=value, snippet=snippet(text, min(start, match.start), max(end, match.end)),
            locator=f"text ({language})", member_states=(code,), confidence=0.9, strength="strong"))
    # Without an EU/EEA place, only a specific phrase in an EU language counts ("offizieller Hauptsponsor");
    # an English phrase is an event anywhere, a lone event word ("Conférences") a menu or a topic.
    if not places and language != "en" and " " in phrase:
        found.setdefault(phrase, ctx.finding(
            doc, INDICATOR, value=phrase, snippet=snippet(text, match.start, match.end),
            locator=f"text ({language})", member_states=(), confidence=0.8, strength="medium"))


def _named_before(text: str, match, geo: Geography, languages) -> list[tuple[int, int, str]]:
    """The place of the event word's earlier mention on the page, next to it ("Paris Blockchain Week Summit" above,
    then "our COO hosted two panels at the summit"): a recap names the event and its city once, up top."""
    word = re.compile(r"(?<!\w)" + re.escape(match.text) + r"(?!\w)", re.IGNORECASE)
    for m in word.finditer(text, 0, match.start):
        left, right = sentence_bounds(text, m.start(), m.end())
        places = _places(text, max(left, m.start() - MENTION_REACH), min(right, m.end() + MENTION_REACH), geo,
                         languages)
        if places:
            return places
    return []


def _place_negated(text: str, start: int, language: str) -> bool:
    """"not in Berlin", "nicht in Wien": a negation cue of the phrase's own language among the three words before the
    place (English cues only for English: Portuguese "no" is "in the", as in "estaremos no Web Summit em Lisboa")."""
    cues = negation_cues(language)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text[max(0, start - 60):start].lower())[-3:]
    return any(w in cues for w in words)


def _own_voice_language(text: str, match, languages, brand: re.Pattern | None) -> tuple[str, int]:
    """(language of the first-person or organiser word that makes the phrase the site's own, or "" -- the phrase's
    language when the site names itself; the end of the last sentence read)."""
    left, right = sentence_bounds(text, match.start, match.end)
    line_start, line_end = text.rfind("\n", 0, match.start) + 1, text.find("\n", match.end)
    whole_line = text[line_start:line_end if line_end >= 0 else len(text)].strip() == text[left:right].strip()
    heading = whole_line and len(text[left:right].split()) <= HEADING_WORDS
    sentences = 3 if heading else 1  # a heading line: and the two sentences after it
    first = True
    while sentences:
        sentence = text[left:right]
        # The brand counts in the phrase's own sentence only: "Sponsoring" over "fairkom agiert ..." is a button.
        # Not the phrase itself: "sponsoring" on sponsoring.fr is the trade's word, not the site naming itself.
        named = first and brand is not None and brand.search(
            text[left:match.start] + " " * (match.end - match.start) + text[match.end:right])
        # In the phrase's own sentence, a first-person word near it: "... of where we've already been", 200
        # characters on in a long sentence, is everyone's "we", not the site's.
        near = text[max(left, match.start - VOICE_REACH):min(right, match.end + VOICE_REACH)] if first else sentence
        voice = own_voice(near, languages) or (languages[0] if named else "")
        first = False
        if voice or right >= len(text):
            return voice, right
        sentences -= bool(sentence.strip())
        left, right = sentence_bounds(text, right + 1, right + 1)
    return "", right


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
