"""SEO: pages optimised for EU search queries.

Titles, meta descriptions, headings and URL slugs naming an EU/EEA country (in any EU language, names from babel)
together with crypto vocabulary ("Bitcoin kaufen in Deutschland"), crypto search phrases in EU languages
("krypto kaufen"), and JSON-LD `areaServed` naming EU countries. A country-named title, h1 or slug is a
country landing page: strong. Platform pages are skipped.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import cache, lru_cache
from urllib.parse import unquote, urlsplit

from detectors.context import Context
from detectors.geography import Geography
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.offer_context import scan
from detectors.phrases import explained_by_non_eu_locale, own_language

INDICATOR = "SEO"


@cache
def _country_regex(geo: Geography) -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for by_name in geo.country_names.values():
        names.update(by_name)
    alternatives = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE), names


@cache
def _country_firsts(geo: Geography) -> tuple[frozenset[str], frozenset[str]] | None:
    """The names' first words and their letters, for offer_context.scan (None if a name begins with no letter)."""
    names = _country_regex(geo)[1]
    if not all(re.match(r"\w", n) for n in names):
        return None
    firsts = frozenset(re.findall(r"\w+", n.lower())[0] for n in names)
    return firsts, frozenset("".join(firsts))


def _country_matches(geo: Geography, joined: str):
    """`countries.finditer(joined)`; with the word index of the fields (built for the crypto terms), the ~570-name
    case-insensitive alternation is tried only where a name's first word stands, not at every word."""
    countries = _country_regex(geo)[0]
    firsts = _country_firsts(geo)
    return countries.finditer(joined) if firsts is None else scan(countries, joined, *firsts)


def _fields(doc: Document):
    """(locator, text, landing) for every field search engines rank on; `landing` marks the strongest ones."""
    yield "title", doc.title, True
    for key in ("description", "og:title", "og:description"):
        value = doc.meta_value(key)
        if value:
            yield f'meta[name="{key}"]', value, False
    for n, heading in enumerate(doc.headings):
        yield "h1-h3", heading, n == 0
    slug = unquote(urlsplit(doc.url).path).replace("-", " ").replace("_", " ").replace("/", " ").strip()
    if slug:
        yield "url slug", slug, True


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.platform or doc.kind != "html":
        return []
    crypto = phrase_lexicon("crypto_terms")
    names = _country_regex(ctx.geo)[1]
    found: dict[str, Finding] = {}
    language_of_page = own_language(doc)
    fields = [(locator, text, landing) for locator, text, landing in _fields(doc) if text]
    # One pass over all fields joined (one word index instead of one per field), matches split back per field.
    joined = "\n".join(text for _, text, _ in fields)
    terms_by_field: dict[int, list] = {}
    offsets = []
    position = 0
    for _, text, _ in fields:
        offsets.append(position)
        position += len(text) + 1
    for term in crypto.find(joined):
        terms_by_field.setdefault(bisect_right(offsets, term.start) - 1, []).append(term)
    # The countries named in every field at once: no name holds a line break, and the break between two fields
    # bounds a name as a field's start and end do.
    countries_by_field: dict[int, list] = {}
    for m in _country_matches(ctx.geo, joined) if terms_by_field else ():
        countries_by_field.setdefault(bisect_right(offsets, m.start()) - 1, []).append(m)
    for field, terms in sorted(terms_by_field.items()):
        locator, text, landing = fields[field]
        for m in countries_by_field.get(field, ()):
            code = names[m.group(0).lower()]
            value = f"{terms[0].text.lower()} + {m.group(0).lower()}"
            found.setdefault(value, ctx.finding(
                doc, INDICATOR, value=value, snippet=text, locator=locator, member_states=(code,),
                confidence=0.9, strength="strong" if landing else "medium"))
        for term in terms:
            language = term.language_for(language_of_page)
            if language != "en" and " " in term.text.strip() and not explained_by_non_eu_locale(doc, language, ctx):
                states = ctx.geo.states_for_language(language)
                value = term.text.lower()
                found.setdefault(value, ctx.finding(
                    doc, INDICATOR, value=value, snippet=text, locator=f"{locator} ({language})",
                    member_states=states, confidence=0.8, strength="medium"))
    for code, raw in _area_served(doc, ctx.geo):
        value = f"areaServed {code}"
        found.setdefault(value, ctx.finding(
            doc, INDICATOR, value=value, snippet=raw, locator='script[type="application/ld+json"] areaServed',
            member_states=(code,), confidence=0.95, strength="strong"))
    return [found[k] for k in sorted(found)]


def _area_served(doc: Document, geo: Geography):
    for block in doc.json_ld:
        yield from _areas_in(block, geo)


@lru_cache(maxsize=512)  # a site's JSON-LD (its organisation, its web site) is the same on every page: read once
def _areas_in(block: str, geo: Geography) -> tuple[tuple[str, str], ...]:
    """(member state, the areaServed entry) for each label of an areaServed that names a member state."""
    names = _country_regex(geo)[1]
    try:
        data = json.loads(block)
    except ValueError:
        return ()
    found = []
    for area in _walk(data):
        for label in _labels(area):
            code = label.upper() if geo.is_member(label.upper()) else names.get(label.lower())
            if code:
                found.append((code, json.dumps(area, ensure_ascii=False)[:200]))
    return tuple(found)


def _walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "areaServed":
                yield value
            else:
                yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _labels(area):
    if isinstance(area, str):
        yield area.strip()
    elif isinstance(area, list):
        for item in area:
            yield from _labels(item)
    elif isinstance(area, dict):
        for key in ("name", "identifier", "addressCountry"):
            if isinstance(area.get(key), str):
                yield area[key].strip()
