"""PHONE: EU/EEA phone numbers in text, tel: and wa.me/ links, parsed and validated with libphonenumber.

A number written with an international prefix (+49, 0049) tells which country it belongs to; a cheap pattern
finds the candidates and libphonenumber decides what is a valid number of which region. A number in national
form ("030 1234 5678", "0800 123 456", "884 032 052") is read with the page's likely region: its country-code
domain, the region of its declared locale (html lang, its own hreflang entry), its language when that is spoken
in one member state only, else the member state the page addresses (LOCAL_REF), else the language of its text
when that has one state; failing those, the member states of its language, where the number is valid in exactly
one of them (never on a page written for a country outside the Union). It counts only next to a word that says
"telephone" (lexicons/phone_context.yaml: Tel., Telefon, call us, Hotline, Zadzwoń do nas), alone on its line in
a contact block (an e-mail or web address within two lines: "Linnoitustie 4B, 02600 Espoo / 010 504 8400 /
www.poplatek.fi") or in a tel: link, so that dates, prices, order and register numbers never do; and only when it
is valid for that region.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import phonenumbers

from detectors import local_ref
from detectors.context import Context
from detectors.domains import split_host
from detectors.lang import text_language
from detectors.lexicon import phrase_lexicon, words_of
from detectors.locales import parse_locale
from detectors.model import Document, Finding
from detectors.phrases import explained_by_non_eu_locale
from detectors.text import snippet

# phonenumbers compiles its metadata's patterns again on every check unless asked to keep them (Python's own regex
# cache, 512 entries, is too small for them): 0.7 ms a page in a profile of benchmarks/analyze.py. Versions before
# 9 keep nothing and have no switch.
if hasattr(phonenumbers, "enable_pattern_cache"):
    phonenumbers.enable_pattern_cache()

INDICATOR = "PHONE"
# An international number: "+" or "00" not after a word character or "+" (checked after them, so that the pattern
# begins with a character the regex engine skips to instead of a lookbehind tried at every character).
_CANDIDATE = re.compile(r"(?:\+(?<![\w+]\+)|00(?<![\w+]00))\d[\d \u00a0().\-/]{5,20}\d")
# A national-form number: digits in groups, 7 to 13 of them, not part of a longer token, a decimal or a date.
# It begins with "(" or a digit (the lookbehind checked after it, so the engine skips to one instead of trying the
# pattern at every character), a "(" followed by a digit; after a hyphen only where the hyphen starts a list item
# ("-6979913711" on a line of its own), not in a range or a code ("10-2345678", "AB-1234567").
_NATIONAL = re.compile(r"[(\d](?<![\w+.,/:].)(?<![\w+.,/:)-]-.)(?:(?<=\()\d|(?<=\d))[\d \u00a0().\-/]{5,16}\d"
                       r"(?![\w%€$£]|[.,/:-]\d)")
# A date at the start ("06.10.15 - 08:35", "2026-01-01"), unless the whole is the French five pairs (01.23.45.67.89).
_DATE = re.compile(r"^(?:(?:0?[1-9]|[12]\d|3[01])[./-](?:0?[1-9]|1[0-2])[./-](?:\d{4}|\d{2})(?!\d)|\d{4}-\d\d-\d\d)")
_FIVE_PAIRS = re.compile(r"^\d\d([ .\-])\d\d(?:\1\d\d){3}$")
NATIONAL_CONFIDENCE = 0.8  # the region is inferred from the page, not written in the number
CONTEXT_BEFORE, CONTEXT_AFTER = 40, 30  # characters around a national number where a phone word must stand
CONTACT_LINES = 2  # lines around a number alone on its line where an e-mail or web address makes a contact block
_CONTACT = re.compile(r"\w@[\w-]+\.\w|www\.\w|https?://")
_AROUND = " \t•·|*–-"  # what may stand beside a number alone on its line: a list's bullet, a separator


@lru_cache(maxsize=4096)  # a support number repeats in every page footer: parse it once
def _parse(raw: str) -> tuple[str, str] | None:
    """(region, E.164 form) of a valid international number; region "" for one of no single region."""
    raw = raw.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        return None
    return _identity(number) if phonenumbers.is_valid_number(number) else None


def _identity(number: phonenumbers.PhoneNumber) -> tuple[str, str]:
    return (phonenumbers.region_code_for_number(number) or "",
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    seen: dict[str, Finding] = {}

    def add(number: tuple[str, str], snip: str, locator: str, confidence: float = 0.9) -> None:
        region, e164 = number
        if ctx.geo.is_member(region) and e164 not in seen:
            seen[e164] = ctx.finding(doc, INDICATOR, value=e164, snippet=snip, locator=locator,
                                     member_states=(region,), confidence=confidence, strength="strong")

    for link in doc.links:
        if link.url.startswith("tel:"):
            number = _parse(unquote(link.url[4:]))
            if number:
                add(number, f'<a href="{link.url}">{link.text}</a>', "a[href^=tel:]")
        elif ("wa.me" in link.url or "whatsapp.com" in link.url) and (
                (urlsplit(link.url).hostname or "") in ("wa.me", "api.whatsapp.com")):
            digits = re.sub(r"\D", "", urlsplit(link.url).path) or re.sub(r"\D", "", urlsplit(link.url).query)
            number = _parse("+" + digits) if digits else None
            if number:
                add(number, link.url, "a[href*=wa.me]")
    international = []
    for m in _CANDIDATE.finditer(doc.text):
        international.append((m.start(), m.end()))
        number = _parse(m.group(0))
        if number:
            add(number, snippet(doc.text, m.start(), m.end()), "text")
    for number, snip, locator in _national_numbers(doc, ctx, international):
        add(number, snip, locator, NATIONAL_CONFIDENCE)
    return [seen[k] for k in sorted(seen)]


def _national_numbers(doc: Document, ctx: Context, international: list[tuple[int, int]]):
    """(number, snippet, locator) for national-form numbers next to a phone word, and national tel: links;
    read with the page's likely regions, in order, the first under which the number is valid."""
    candidates = []
    for link in doc.links:
        raw = unquote(link.url[4:]).strip() if link.url.startswith("tel:") else ""
        if raw and not raw.startswith(("+", "00")):
            candidates.append((raw, f'<a href="{link.url}">{link.text}</a>', "a[href^=tel:]"))
    text = doc.text
    for m in _NATIONAL.finditer(text):
        raw = m.group(0).strip()
        digits = sum(map(str.isdigit, raw))
        if not 7 <= digits <= 13 or raw.startswith("00") or (_DATE.match(raw) and not _FIVE_PAIRS.match(raw)):
            continue
        start, end = m.span()
        if any(s < end and start < e for s, e in international):
            continue
        # Five pairs after a trunk 0 ("01 83 81 67 25") is how France and its neighbours write a telephone number
        # and nothing else: a site's header shows it with no word beside it.
        if _phone_word_near(text, m.start(), m.end()) or _in_contact_block(text, m.start(), m.end()) or (
                raw[0] == "0" and _FIVE_PAIRS.match(raw)):
            candidates.append((raw, snippet(text, m.start(), m.end()), "text"))
    if not candidates:
        return
    regions = _likely_regions(doc, ctx)
    shared: list[str] | None = None
    for raw, snip, locator in candidates:
        number = next((found for region in regions if (found := _parse_national(raw, region))), None)
        if number is None and not regions:  # a region the page gives is never second-guessed per number
            shared = _language_states(doc, ctx) if shared is None else shared
            valid = [n for n in (_parse_national(raw, state) for state in shared) if n]
            number = valid[0] if len(valid) == 1 else None  # valid in two of them: no telling which
        if number:
            yield number, snip, locator


def _language_states(doc: Document, ctx: Context) -> list[str]:
    """The member states that speak the page's language (declared, else read from its text), where it has several
    ("030 1234 5678" on a German page is valid in Germany alone of them); none for a page its text or address
    shows written for a country outside the Union (a Swiss page's "044 ..." may be valid in Germany too)."""
    declared = parse_locale(doc.html_lang) if doc.html_lang else None
    detected = None if declared else text_language(doc.text, ctx)
    language = declared[0] if declared else detected[0] if detected else ""
    if not language or explained_by_non_eu_locale(doc, language, ctx):
        return []
    return list(ctx.geo.states_for_language(language))


def _phone_word_near(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - CONTEXT_BEFORE)
    return _phone_word_in(text[window_start:end + CONTEXT_AFTER], start - window_start, end - window_start)


def _in_contact_block(text: str, start: int, end: int) -> bool:
    """Whether the number stands alone on its line with an e-mail or web address within CONTACT_LINES lines."""
    left, right = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    right = len(text) if right < 0 else right
    if text[left:start].strip(_AROUND) or text[end:right].strip(_AROUND):
        return False
    for _ in range(CONTACT_LINES):
        left = text.rfind("\n", 0, max(left - 1, 0)) + 1
        following = text.find("\n", right + 1)
        right = len(text) if following < 0 else following
    return bool(_CONTACT.search(text, left, right))


@lru_cache(maxsize=4096)  # a footer's "Tel. 030 ..." is read once, not on every page
def _phone_word_in(window: str, start: int, end: int) -> bool:
    """Whether a phone word stands in `window` outside the number at start:end. The window's words are indexed here
    (words_of), not in the shared cache of page texts, which a few windows a page would push pages out of."""
    return any(not (start <= m.start < end) for m in phrase_lexicon("phone_context").find(window, words_of(window)))


@lru_cache(maxsize=4096)
def _parse_national(raw: str, region: str) -> tuple[str, str] | None:
    """(region, E.164 form) of a number valid in `region`, written in its national form."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    valid = phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == region
    return _identity(number) if valid else None


def _likely_regions(doc: Document, ctx: Context) -> list[str]:
    """The member states the page most likely dials from, most telling first (see the module's docstring)."""
    regions: list[str] = []
    suffix = split_host(urlsplit(doc.url).hostname or "")[2].rsplit(".", 1)[-1].upper()
    if ctx.geo.is_member(suffix):
        regions.append(suffix)
    declared = parse_locale(doc.html_lang) if doc.html_lang else None
    if declared and declared[1]:
        regions.append(declared[1])
    for alternate in doc.alternates:  # the page's own hreflang entry (x-default and other pages' regions aside)
        own = parse_locale(alternate.hreflang) if alternate.url.rstrip("/") == doc.url.rstrip("/") else None
        if own and own[1]:
            regions.append(own[1])
    if declared and len(ctx.geo.states_for_language(declared[0])) == 1:
        regions.append(ctx.geo.states_for_language(declared[0])[0])
    if not regions:
        regions += [s for f in local_ref.detect(doc, ctx) for s in f.member_states]
    if not regions and not declared:
        detected = text_language(doc.text, ctx)
        states = ctx.geo.states_for_language(detected[0]) if detected else ()
        regions += list(states) if len(states) == 1 else []
    return [r for r in dict.fromkeys(regions) if ctx.geo.is_member(r)]
