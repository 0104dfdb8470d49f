"""Cross-visitor analysis: one website fetched by a non-EU baseline visitor and by EU visitor profiles.

Geo-targeting and geo-blocking exist only as differences between visitors: a German page says nothing about
targeting Germany until the baseline's copy of the same URL is English, and a 451 proves nothing until the
baseline was served the page. So documents are paired by requested URL, and each EU visitor's document is
compared with the baseline's:

- GEOBLOCK (mitigating, weighs nothing): the EU visitor was refused where the baseline was served: HTTP 403/451,
  a short block page ("not available in your country", geoblock lexicon), or a redirect to a region page;
- GEO_TARGETED (strong): the EU visitor was redirected to an EU locale, or shown EU-pointing signals (language,
  currency, bonus...) that the baseline's copy lacks. The per-document findings themselves come from
  analyze_documents; only the difference is added here.

Per EU visitor state refused anywhere, a geo-block verdict: "verified" when every page that visitor fetched was
refused and no finding of the channel names that state or the EU (a German bonus page still reachable is
EU-directed promotion, whatever the block); "not-credited" when refused but such findings exist; "partial" when
only some of its pages were refused. Only "verified" from every EU vantage point may lower a score
(scoring.apply_geoblock). Pure: documents in, findings out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from http import HTTPStatus
from urllib.parse import urlsplit

from detectors.analyze import analyze_document, sort_key
from detectors.context import Context, split_host
from detectors.geography import UNION
from detectors.lexicon import PhraseLexicon, PhraseMatch, phrase_lexicon
from detectors.locales import locale_targets, parse_locale
from detectors.model import Document, Finding, normalise_url
from detectors.text import snippet
from detectors.walls import wall_kind

GEOBLOCK = "GEOBLOCK"
GEO_TARGETED = "GEO_TARGETED"
VERDICTS = ("verified", "not-credited", "partial")
REFUSAL_STATUSES = {451: 0.95, 403: 0.75}  # status -> confidence: 403 is also what a WAF answers a proxy IP
SHORT_PAGE = 2000  # characters of text: a block page says one thing; a long page with the phrase is a disclaimer
# Path words of a region or block page (/blocked, /geo-restricted, /region-unavailable).
_BLOCK_WORDS = frozenset({"block", "blocked", "restricted", "restriction", "restrictions", "unavailable",
                          "unsupported", "region", "regions", "geo", "geoblock", "geoblocked", "georestricted",
                          "georestriction", "geofence", "geofenced"})
_PATH_WORD = re.compile(r"[a-z]+")
# Findings that show no EU-directed content: a refusal, a disclaimer, markers that weigh nothing.
_NOT_DIRECTED = frozenset({GEOBLOCK, "DISCLAIMER"})
_NO_WEIGHT = frozenset({"marker", "mitigating"})

_Key = tuple[str, str, bool]  # (channel, normalised requested URL, rendered)


@cache
def _lexicon() -> PhraseLexicon:
    return phrase_lexicon("geoblock")


@dataclass(frozen=True)
class _Refusal:
    value: str  # "451 for DE", "block page for DE", "redirect to /restricted for DE"
    snippet: str
    locator: str  # http status | text | redirect
    confidence: float
    url: str  # where the finding sits: the requested URL for a redirect, else the page


def analyze_visitors(
    docs: Iterable[Document],
    ctx: Context,
    baseline: str,
    eu_visitors: tuple[str, ...],
    *,
    channel_findings: Iterable[Finding] | None = None,
    kind: str = "website",
) -> tuple[list[Finding], dict[str, str]]:
    """GEOBLOCK and GEO_TARGETED findings of one channel, and the geo-block verdict per EU visitor state.

    `channel_findings` are the channel's per-document findings (analyze_documents over every visitor's
    documents); when omitted they are computed here. Findings of refused pages are left out of the verdict: a
    block page in German is the refusal, not a promotion.
    """
    docs = list(docs)
    pages = _pages(docs)
    analysed: dict[int, list[Finding]] = {}

    def findings_of(doc: Document) -> list[Finding]:
        if id(doc) not in analysed:
            analysed[id(doc)] = analyze_document(doc, ctx, kind)
        return analysed[id(doc)]

    found: list[Finding] = []
    refused_docs: list[Document] = []
    counts: dict[str, list[int]] = {}  # state -> [pages refused, pages served]
    for state in sorted({v for v in eu_visitors if v and v != baseline}):
        for key in sorted(k for k in pages if state in pages[k]):
            eu = pages[key][state]
            base = _counterpart(pages, key, baseline)
            refusal = _refusal(eu, base, state) if base else None
            tally = counts.setdefault(state, [0, 0])
            if refusal:
                tally[0] += 1
                refused_docs.append(eu)
                finding = ctx.finding(eu, GEOBLOCK, value=refusal.value, snippet=refusal.snippet,
                                      locator=refusal.locator, member_states=_states(state, ctx),
                                      confidence=refusal.confidence, strength="mitigating")
                found.append(replace(finding, url=refusal.url, visitors=(state,)))
                continue
            if not _served(eu) or _looks_blocked(eu):
                continue  # failed, or a wall or region page without a served baseline copy to compare with
            tally[1] += 1
            if base and _served(base):
                found.extend(_targeted(eu, base, state, ctx, findings_of))

    verdicts: dict[str, str] = {}
    refused_states = sorted(state for state, (refused, _) in counts.items() if refused)
    if refused_states:
        refused = {(normalise_url(d.url), d.body_sha256) for d in refused_docs}
        if channel_findings is None:
            skip = {id(d) for d in refused_docs}
            channel_findings = [f for d in docs if id(d) not in skip for f in findings_of(d)]
        directed = [f for f in list(channel_findings) + found
                    if (normalise_url(f.url), f.body_sha256) not in refused and _is_directed(f)]
        for state in refused_states:
            if any(state in f.member_states or UNION in f.member_states for f in directed):
                verdicts[state] = "not-credited"
            elif counts[state][1]:
                verdicts[state] = "partial"
            else:
                verdicts[state] = "verified"

    unique: dict[str, Finding] = {}
    for finding in sorted(found, key=sort_key):
        unique.setdefault(finding.id, finding)
    return sorted(unique.values(), key=sort_key), verdicts


def _pages(docs: list[Document]) -> dict[_Key, dict[str, Document]]:
    """Documents by page and visitor; a page fetched twice by one visitor keeps its first capture."""
    pages: dict[_Key, dict[str, Document]] = {}
    order = sorted(docs, key=lambda d: (d.channel, d.requested_url or d.url, d.visitor, d.rendered, d.fetched_at,
                                        d.url, d.body_sha256, d.status))
    for doc in order:
        key = (doc.channel, normalise_url(doc.requested_url or doc.url), doc.rendered)
        pages.setdefault(key, {}).setdefault(doc.visitor, doc)
    return pages


def _counterpart(pages: dict[_Key, dict[str, Document]], key: _Key, baseline: str) -> Document | None:
    """The baseline's copy of the same page, raw against raw and rendered against rendered when both exist."""
    channel, url, rendered = key
    return pages[key].get(baseline) or pages.get((channel, url, not rendered), {}).get(baseline)


def _states(state: str, ctx: Context) -> tuple[str, ...]:
    return (state,) if ctx.geo.is_member(state) else ()


def _served(doc: Document) -> bool:
    return doc.status < 400 and bool(doc.text.strip())


def _is_directed(f: Finding) -> bool:
    return f.indicator not in _NOT_DIRECTED and f.strength not in _NO_WEIGHT and bool(f.member_states)


# --- refusals -------------------------------------------------------------------------------------------------


def _page_text(doc: Document) -> str:
    return f"{doc.title}\n{doc.text}" if doc.title else doc.text


def _block_phrases(doc: Document) -> list[PhraseMatch]:
    if doc.kind != "html" or len(doc.text) > SHORT_PAGE:
        return []
    return _lexicon().find(_page_text(doc))


def _new_block_phrases(eu: Document, base: Document) -> list[PhraseMatch]:
    """Block phrases of the EU visitor's short page that the baseline's copy does not carry."""
    found = _block_phrases(eu)
    if not found:
        return []
    seen = {" ".join(m.text.lower().split()) for m in _lexicon().find(_page_text(base))}
    return [m for m in found if " ".join(m.text.lower().split()) not in seen]


def _block_path(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return any(w in _BLOCK_WORDS or w.startswith(("geoblock", "georestrict", "geofenc"))
               for w in _PATH_WORD.findall(path))


def _looks_blocked(doc: Document) -> bool:
    """A page that is no content: a bot challenge, a block page, a region page (even without a baseline copy)."""
    return bool(wall_kind(doc) or _block_phrases(doc) or _block_path(doc.url))


def _first_text(doc: Document, width: int = 160) -> str:
    return " ".join(_page_text(doc).split())[:width]


def _refusal(eu: Document, base: Document, state: str) -> _Refusal | None:
    if not _served(base):
        return None  # refused everyone (or failed): not a geo-block
    phrases = _new_block_phrases(eu, base)
    if eu.status in REFUSAL_STATUSES:
        if eu.status == 403 and not phrases and wall_kind(eu) == "bot wall":
            return None  # a challenge for the proxy's IP, not a refusal of the country
        line = f"HTTP {eu.status} {HTTPStatus(eu.status).phrase}"
        first = _first_text(eu)
        return _Refusal(f"{eu.status} for {state}", f"{line}: {first}" if first else line, "http status",
                        REFUSAL_STATUSES[eu.status], eu.url)
    final, requested = normalise_url(eu.url), normalise_url(eu.requested_url or eu.url)
    if final != requested and final != normalise_url(base.url) and (_block_path(eu.url) or phrases):
        where = _short_url(eu.url, eu.requested_url)
        reason = f" ({phrases[0].text})" if phrases else ""
        return _Refusal(f"redirect to {where} for {state}", f"{eu.requested_url} -> {eu.url}{reason}", "redirect",
                        0.85, eu.requested_url or eu.url)
    if phrases:
        text = _page_text(eu)
        return _Refusal(f"block page for {state}", snippet(text, phrases[0].start, phrases[0].end), "text", 0.85,
                        eu.url)
    return None


def _short_url(url: str, relative_to: str) -> str:
    """The path when the host is unchanged, else host and path."""
    parts, origin = urlsplit(url), urlsplit(relative_to)
    path = parts.path or "/"
    return path if (parts.hostname or "") == (origin.hostname or "") else f"{parts.hostname}{path}"


# --- geo-targeted content -------------------------------------------------------------------------------------


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


def _targeted(eu: Document, base: Document, state: str, ctx: Context, findings_of) -> list[Finding]:
    found: list[Finding] = []
    marker = _eu_marker(eu.url, ctx)
    redirected = normalise_url(eu.url) != normalise_url(eu.requested_url or eu.url)
    if (redirected and marker and normalise_url(eu.url) != normalise_url(base.url)
            and not _eu_marker(base.url, ctx)):
        finding = ctx.finding(eu, GEO_TARGETED, value=f"redirect to {marker} for {state}",
                              snippet=f"{eu.requested_url} -> {eu.url} (baseline: {base.url})", locator="redirect",
                              member_states=_states(state, ctx), confidence=0.9, strength="strong")
        found.append(replace(finding, url=eu.requested_url or eu.url, visitors=(state,)))

    seen = {_signal(f) for f in findings_of(base)}
    only: dict[tuple[str, str], Finding] = {}
    for f in findings_of(eu):
        if _is_directed(f) and _signal(f) not in seen:
            only.setdefault(_signal(f), f)
    if only:
        signals = sorted(only.values(), key=lambda f: (f.indicator, f.evidence.value, f.evidence.locator))
        value = f"{state}-only: " + ", ".join(f"{f.indicator} {f.evidence.value}" for f in signals)
        in_text = [f for f in signals if f.evidence.locator.startswith("text")]
        snip = in_text[0].evidence.snippet if in_text else _first_text(eu, 300)
        finding = ctx.finding(eu, GEO_TARGETED, value=value, snippet=snip, locator="visitor comparison",
                              member_states=_states(state, ctx), confidence=max(f.confidence for f in signals),
                              strength="strong")
        found.append(replace(finding, visitors=(state,)))
    return found


def _signal(f: Finding) -> tuple[str, str]:
    return f.indicator, " ".join(f.evidence.value.lower().split())
