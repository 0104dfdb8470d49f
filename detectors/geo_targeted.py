"""GEO_TARGETED: content shown only to EU visitors (EU-locale redirects, EU-only promotions, EUR defaults).

What an EU visitor profile got and the non-EU baseline did not, for the same URL: a redirect to an EU locale
(/de/, de.brand.com, brand.de), or EU-pointing signals (language, currency, bonus...) missing from the baseline's
copy. A difference between two documents, so this indicator looks at a channel's visitor views
(detectors/geo.py). Pages refused to the visitor are GEOBLOCK's, and pages that are walls or region pages are
nobody's content.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from detectors.context import Context
from detectors.domains import split_host
from detectors.geo import OPENING, Comparison, VisitorViews, visitor_states
from detectors.locales import locale_targets, parse_locale
from detectors.merge import fact_key
from detectors.model import Finding, Scope
from detectors.urls import normalise_url

INDICATOR = "GEO_TARGETED"
SCOPE = Scope.VISITORS


def detect(views: VisitorViews, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    for seen in views.comparisons():
        if seen.refusal or not seen.eu.served or seen.eu.blocked:
            continue  # refused, failed, or a wall or region page
        if seen.base and seen.base.served:
            found.extend(_targeted(seen, ctx))
    return found


def _targeted(seen: Comparison, ctx: Context) -> list[Finding]:
    eu, base, state = seen.eu, seen.base, seen.state
    found: list[Finding] = []
    marker = _eu_marker(eu.url, ctx)
    redirected = normalise_url(eu.url) != normalise_url(eu.requested_url or eu.url)
    if (redirected and marker and normalise_url(eu.url) != normalise_url(base.url)
            and not _eu_marker(base.url, ctx)):
        finding = ctx.finding(eu, INDICATOR, value=f"redirect to {marker} for {state}",
                              snippet=f"{eu.requested_url} -> {eu.url} (baseline: {base.url})", locator="redirect",
                              member_states=visitor_states(state, ctx), confidence=0.9, strength="strong")
        found.append(replace(finding, url=eu.requested_url or eu.url, visitors=(state,)))

    only: dict[tuple[str, str], Finding] = {}
    for f in eu.directed:  # the EU page's directed signals the baseline's copy does not carry
        if fact_key(f) not in base.signals:
            only.setdefault(fact_key(f), f)
    if only:
        signals = sorted(only.values(), key=lambda f: (f.indicator, f.evidence.value, f.evidence.locator))
        value = f"{state}-only: " + ", ".join(f"{f.indicator} {f.evidence.value}" for f in signals)
        in_text = [f for f in signals if f.evidence.locator.startswith("text")]
        snip = in_text[0].evidence.snippet if in_text else eu.opening[:OPENING]
        finding = ctx.finding(eu, INDICATOR, value=value, snippet=snip, locator="visitor comparison",
                              member_states=visitor_states(state, ctx), confidence=max(f.confidence for f in signals),
                              strength="strong")
        found.append(replace(finding, visitors=(state,)))
    return found


def _locale_label(label: str, ctx: Context) -> bool:
    """A path segment or host label naming an EU locale or member state (de, de-de, fr_fr, it, at)."""
    if len(label) not in (2, 5):
        return False
    parsed = parse_locale(label)
    if not parsed:
        return False
    return bool(locale_targets(label, ctx.geo)) or (not parsed[1] and ctx.geo.is_member(parsed[0].upper()))


def _eu_marker(url: str, ctx: Context) -> str:
    """Where a URL says "EU locale": /de/, de.brand.com, brand.de; "" when it does not."""
    parts = urlsplit(url)
    segment = parts.path.strip("/").split("/")[0].lower()
    if segment and _locale_label(segment, ctx):
        return f"/{segment}/"
    subdomain, registrable, suffix = split_host(parts.hostname or "")
    label = subdomain.split(".")[0] if subdomain else ""
    if label and _locale_label(label, ctx):
        return f"{label}.{registrable}"
    tld = suffix.rsplit(".", 1)[-1]
    if tld and (tld in ctx.geo.union_tlds or ctx.geo.is_member(tld.upper())):
        return registrable
    return ""
