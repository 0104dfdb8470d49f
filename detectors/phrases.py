"""Shared by the phrase families (PROMO, BONUS, DISCLAIMER, AFFILIATE programme pages): lexicon matches in a
page's visible text turned into findings, one per distinct phrase per page.

A match in a language other than English points to the member states where that language is official; an
English match points nowhere in particular (the finding still shows marketing, untargeted). Where the same words
exist in several languages, the page's own language decides: the one it declares, else the one its text is in
("Partnerprogramms" on an undeclared German page is German, not Danish). A page declaring a non-EU locale (pt-BR,
fr-CA, de-CH, es-MX) explains copy in its own language, as in LANG: such phrases count as untargeted.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.lang import text_language
from detectors.lexicon import PhraseLexicon
from detectors.locales import parse_locale
from detectors.model import Document, Finding
from detectors.page_locale import written_for
from detectors.text import is_negated, is_quoted, snippet


def page_language(doc: Document) -> str:
    parsed = parse_locale(doc.html_lang) if doc.html_lang else None
    return parsed[0] if parsed else ""


def own_language(doc: Document) -> str:
    """The page's language: the one it declares, else the one its text is identified as ("" when neither)."""
    declared = page_language(doc)
    if declared:
        return declared
    identified = text_language(doc.text)
    return identified[0] if identified else ""


def explained_by_non_eu_locale(doc: Document, language: str, ctx: Context) -> bool:
    """Whether the page declares `language` for a region outside the EU/EEA (<html lang="pt-BR"> for pt), or its own
    text and address show it is written for one (R$ prices, /es-mx/, Québec; page_locale.py)."""
    parsed = parse_locale(doc.html_lang) if doc.html_lang else None
    if parsed and parsed[0] == language and ctx.geo.outside(parsed[1]):
        return True
    return language in ctx.geo.languages and bool(written_for(doc, language, ctx.geo).territory)


_OPENING_QUOTES, _CLOSING_QUOTES = "\"“„«", "\"”“»"


def aimed_at(doc: Document, ctx: Context, language: str) -> tuple[str, ...] | None:
    """The member states copy in `language` aims at; None for copy aimed at none in particular: English, or a
    language the page writes for a territory outside the Union."""
    if language == "en" or explained_by_non_eu_locale(doc, language, ctx):
        return None
    return ctx.geo.states_for_language(language)


def _a_name(text: str, start: int, end: int) -> bool:
    """Whether the phrase is itself all that its quotation marks hold: a programme's name ('the programme "Invita
    un amico"', '«Verv en venn»-tilbudet'), not a slogan or a sentence quoted around it."""
    return start > 0 and end < len(text) and text[start - 1] in _OPENING_QUOTES and text[end] in _CLOSING_QUOTES


def phrase_findings(
    doc: Document,
    ctx: Context,
    indicator: str,
    lexicon: PhraseLexicon,
    *,
    localised_strength: str,
    english_strength: str,
    filter_context: bool = True,
    names: bool = False,
    text: str | None = None,
    locator: str = "text",
) -> list[Finding]:
    if doc.kind != "html":
        return []
    text = doc.text if text is None else text
    own = ""  # the page's own language, read where a phrase is shared by several languages
    found: dict[str, Finding] = {}
    for match in lexicon.find(text):
        phrase = " ".join(match.text.lower().split())
        if phrase in found:
            continue  # one finding per phrase: its later matches need no reading
        own = own or (own_language(doc) if len(match.languages) > 1 else "")
        language = match.language_for(own)
        if filter_context and (is_negated(text, match.start, language) or is_quoted(text, match.start, match.end)
                               and not (names and _a_name(text, match.start, match.end))):
            continue
        states = aimed_at(doc, ctx, language)
        strength = english_strength if states is None else localised_strength
        found[phrase] = ctx.finding(doc, indicator, value=phrase, snippet=snippet(text, match.start, match.end),
                                    locator=f"{locator} ({language})", member_states=states or (), confidence=0.85,
                                    strength=strength)
    return list(found.values())
