"""DOMAIN: first-party hosts on an EU/EEA ccTLD or .eu, country subdomains and country subdirectories.

The registrable domain comes from the public suffix list (tldextract, offline snapshot), so "brand.com.de" and
"brand.co.uk" are read correctly. Host-level findings repeat on every page of a host; the channel analysis keeps
one per value.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from detectors.context import Context
from detectors.domains import split_host
from detectors.geography import UNION
from detectors.locales import parse_locale
from detectors.model import Document, Finding
from detectors.page_locale import written_for

INDICATOR = "DOMAIN"


def _segment_states(segment: str, ctx: Context) -> tuple[str, ...]:
    """A subdomain label or path segment read as a country ("it", "de-de", "fr_fr") or an EU language ("da")."""
    parsed = parse_locale(segment)
    if not parsed or len(segment) not in (2, 5):
        return ()
    lang, region = parsed
    if region:
        return (region,) if ctx.geo.is_member(region) else ()
    if ctx.geo.is_member(lang.upper()):
        return (lang.upper(),)
    if ctx.geo.strength_for_language(lang) != "none":
        return ctx.geo.states_for_language(lang)
    return ()


def _folder_states(segment: str, doc: Document, ctx: Context) -> tuple[str, ...]:
    """A segment's states, unless it is a language folder ("es", "pt", "fr") of a page its own text shows is written
    for a territory outside the Union in that language (a Mexican page under /es/): then it names the language."""
    states = _segment_states(segment, ctx)
    if states and segment in ctx.geo.languages and written_for(doc, segment, ctx.geo).territory:
        return ()
    return states


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.platform or doc.kind != "html":
        return []
    parts = urlsplit(doc.url)
    host = (parts.hostname or "").lower()
    subdomain, registrable, suffix = split_host(host)
    found = []
    tld = suffix.rsplit(".", 1)[-1]
    if tld in ctx.geo.union_tlds:
        found.append(ctx.finding(doc, INDICATOR, value=registrable, snippet=doc.url, locator="url host (.eu)",
                                 member_states=(UNION,), confidence=0.95, strength="strong"))
    elif ctx.geo.is_member(tld.upper()):
        found.append(ctx.finding(doc, INDICATOR, value=registrable, snippet=doc.url, locator="url host (ccTLD)",
                                 member_states=(tld.upper(),), confidence=0.95, strength="strong"))
    label = subdomain.split(".")[0] if subdomain else ""
    states = _folder_states(label, doc, ctx) if label else ()
    if states:
        found.append(ctx.finding(doc, INDICATOR, value=f"{label}.{registrable}", snippet=doc.url,
                                 locator="url host (country subdomain)", member_states=states, confidence=0.85,
                                 strength="strong"))
    segment = parts.path.strip("/").split("/")[0].lower()
    states = _folder_states(segment, doc, ctx) if segment else ()
    if states:
        found.append(ctx.finding(doc, INDICATOR, value=f"{host}/{segment}/", snippet=doc.url,
                                 locator="url path (country subdirectory)", member_states=states, confidence=0.85,
                                 strength="strong"))
    return found
