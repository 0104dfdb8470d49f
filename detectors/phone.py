"""PHONE: EU/EEA phone numbers in text, tel: and wa.me/ links, parsed and validated with libphonenumber.

Only numbers written with an international prefix (+49, 0049) tell which country they belong to; a cheap
pattern finds the candidates and libphonenumber decides what is a valid number of which region.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import phonenumbers

from detectors.context import Context
from detectors.model import Document, Finding
from detectors.text import snippet

INDICATOR = "PHONE"
_CANDIDATE = re.compile(r"(?<![\w+])(?:\+|00)\d[\d \u00a0().\-/]{5,20}\d")


@lru_cache(maxsize=4096)  # a support number repeats in every page footer: parse it once
def _parse(raw: str) -> phonenumbers.PhoneNumber | None:
    raw = raw.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, None)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    seen: dict[str, Finding] = {}

    def add(number: phonenumbers.PhoneNumber, snip: str, locator: str) -> None:
        region = phonenumbers.region_code_for_number(number) or ""
        if not ctx.geo.is_member(region):
            return
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if e164 not in seen:
            seen[e164] = ctx.finding(doc, INDICATOR, value=e164, snippet=snip, locator=locator,
                                     member_states=(region,), confidence=0.9, strength="strong")

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
    for m in _CANDIDATE.finditer(doc.text):
        number = _parse(m.group(0))
        if number:
            add(number, snippet(doc.text, m.start(), m.end()), "text")
    return [seen[k] for k in sorted(seen)]
