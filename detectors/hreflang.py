"""HREFLANG: alternates declared for EU locales, in the page head or in a sitemap (xhtml:link).

An explicit targeting declaration, so strong when it names an EU/EEA region. Platform pages (app stores, social
networks) list alternates for every market they serve: that is the platform's localisation, not the firm's.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.locales import locale_targets, parse_locale
from detectors.model import Document, Finding

INDICATOR = "HREFLANG"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.platform:
        return []
    found, seen = [], set()
    for alt in doc.alternates:
        parsed = parse_locale(alt.hreflang)
        if not parsed:
            continue  # x-default and malformed values declare no locale
        lang, region = parsed
        tag = f"{lang}-{region}" if region else lang
        target = locale_targets(tag, ctx.geo)
        if not target or (tag, alt.locator) in seen:
            continue
        seen.add((tag, alt.locator))
        states, strength = target
        snippet = f'<link rel="alternate" hreflang="{alt.hreflang}" href="{alt.url}">'
        found.append(ctx.finding(doc, INDICATOR, value=f"{tag} {alt.url}", snippet=snippet, locator=alt.locator,
                                 member_states=states, confidence=0.95 if region else 0.8, strength=strength))
    return found
