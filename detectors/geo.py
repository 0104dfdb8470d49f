"""One website channel as several visitors saw it: a non-EU baseline visitor and EU visitor profiles.

Geo-targeting and geo-blocking exist only as differences between visitors: a German page says nothing about
targeting Germany until the baseline's copy of the same URL is English, and a 451 proves nothing until the
baseline was served the page. So documents are paired by requested URL, and each EU visitor's document is
compared with the baseline's copy. `VisitorViews` is that pairing, the subject of the visitor-scope indicators
(detectors/geoblock.py, detectors/geo_targeted.py); what a refusal looks like is decided here, once, because both
need it: a refused page is a GEOBLOCK and never GEO_TARGETED content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from http import HTTPStatus
from urllib.parse import urlsplit

from detectors.context import Context
from detectors.lexicon import PhraseLexicon, PhraseMatch, phrase_lexicon
from detectors.model import Document, Finding
from detectors.text import snippet
from detectors.urls import normalise_url
from detectors.walls import wall_kind

REFUSAL_STATUSES = {451: 0.95, 403: 0.75}  # status -> confidence: 403 is also what a WAF answers a proxy IP
SHORT_PAGE = 2000  # characters of text: a block page says one thing; a long page with the phrase is a disclaimer
# Path words of a region or block page (/blocked, /geo-restricted, /region-unavailable).
_BLOCK_WORDS = frozenset({"block", "blocked", "restricted", "restriction", "restrictions", "unavailable",
                          "unsupported", "region", "regions", "geo", "geoblock", "geoblocked", "georestricted",
                          "georestriction", "geofence", "geofenced"})
_PATH_WORD = re.compile(r"[a-z]+")

PageKey = tuple[str, str, bool]  # (channel, normalised requested URL, rendered)


@cache
def _lexicon() -> PhraseLexicon:
    return phrase_lexicon("geoblock")


@dataclass(frozen=True)
class Comparison:
    """One page as an EU visitor saw it, beside the baseline's copy (None when the baseline has none)."""

    state: str
    key: PageKey
    eu: Document
    base: Document | None
    refusal: Refusal | None


@dataclass(frozen=True)
class Refusal:
    value: str  # "451 for DE", "block page for DE", "redirect to /restricted for DE"
    snippet: str
    locator: str  # http status | text | redirect
    confidence: float
    url: str  # where the finding sits: the requested URL for a redirect, else the page


@dataclass
class VisitorViews:
    """A channel's documents by page and visitor. `findings_of(doc)` gives a document's own findings (the
    document-scope detectors), computed once per document however many visitor detectors ask."""

    docs: list[Document]
    baseline: str
    eu_visitors: tuple[str, ...]
    findings_of: Callable[[Document], list[Finding]]
    pages: dict[PageKey, dict[str, Document]] = field(init=False)
    _compared: list[Comparison] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.pages = {}
        order = sorted(self.docs, key=lambda d: (d.channel, d.requested_url or d.url, d.visitor, d.rendered,
                                                 d.fetched_at, d.url, d.body_sha256, d.status))
        for doc in order:  # a page fetched twice by one visitor keeps its first capture
            key = (doc.channel, normalise_url(doc.requested_url or doc.url), doc.rendered)
            self.pages.setdefault(key, {}).setdefault(doc.visitor, doc)

    @property
    def states(self) -> list[str]:
        return sorted({v for v in self.eu_visitors if v and v != self.baseline})

    def comparisons(self) -> list[Comparison]:
        """Every EU visitor's page beside the baseline's copy, state by state, page by page, in a stable order
        (worked out once: every visitor-scope detector reads them)."""
        if self._compared is None:
            self._compared = []
            for state in self.states:
                for key in sorted(k for k in self.pages if state in self.pages[k]):
                    eu = self.pages[key][state]
                    base = self._counterpart(key)
                    self._compared.append(Comparison(state, key, eu, base,
                                                     refusal(eu, base, state) if base else None))
        return self._compared

    def _counterpart(self, key: PageKey) -> Document | None:
        """The baseline's copy of the same page, raw against raw and rendered against rendered when both exist."""
        channel, url, rendered = key
        return self.pages[key].get(self.baseline) or self.pages.get((channel, url, not rendered), {}).get(
            self.baseline)


def visitor_states(state: str, ctx: Context) -> tuple[str, ...]:
    return (state,) if ctx.geo.is_member(state) else ()


def served(doc: Document) -> bool:
    return doc.status < 400 and bool(doc.text.strip())


def looks_blocked(doc: Document) -> bool:
    """A page that is no content: a bot challenge, a block page, a region page (even without a baseline copy)."""
    return bool(wall_kind(doc) or _block_phrases(doc) or _block_path(doc.url))


def page_text(doc: Document) -> str:
    return f"{doc.title}\n{doc.text}" if doc.title else doc.text


def first_text(doc: Document, width: int = 160) -> str:
    return " ".join(page_text(doc).split())[:width]


def _block_phrases(doc: Document) -> list[PhraseMatch]:
    if doc.kind != "html" or len(doc.text) > SHORT_PAGE:
        return []
    return _lexicon().find(page_text(doc))


def _new_block_phrases(eu: Document, base: Document) -> list[PhraseMatch]:
    """Block phrases of the EU visitor's short page that the baseline's copy does not carry."""
    found = _block_phrases(eu)
    if not found:
        return []
    seen = {" ".join(m.text.lower().split()) for m in _lexicon().find(page_text(base))}
    return [m for m in found if " ".join(m.text.lower().split()) not in seen]


def _block_path(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return any(w in _BLOCK_WORDS or w.startswith(("geoblock", "georestrict", "geofenc"))
               for w in _PATH_WORD.findall(path))


def refusal(eu: Document, base: Document, state: str) -> Refusal | None:
    """How the EU visitor was refused a page the baseline was served: a refusal status, a redirect to a region
    page, or a short block page the baseline did not get; None when it was not."""
    if not served(base):
        return None  # refused everyone (or failed): not a geo-block
    phrases = _new_block_phrases(eu, base)
    if eu.status in REFUSAL_STATUSES:
        if eu.status == 403 and not phrases and wall_kind(eu) == "bot wall":
            return None  # a challenge for the proxy's IP, not a refusal of the country
        line = f"HTTP {eu.status} {HTTPStatus(eu.status).phrase}"
        first = first_text(eu)
        return Refusal(f"{eu.status} for {state}", f"{line}: {first}" if first else line, "http status",
                       REFUSAL_STATUSES[eu.status], eu.url)
    final, requested = normalise_url(eu.url), normalise_url(eu.requested_url or eu.url)
    if final != requested and final != normalise_url(base.url) and (_block_path(eu.url) or phrases):
        where = _short_url(eu.url, eu.requested_url)
        reason = f" ({phrases[0].text})" if phrases else ""
        return Refusal(f"redirect to {where} for {state}", f"{eu.requested_url} -> {eu.url}{reason}", "redirect",
                       0.85, eu.requested_url or eu.url)
    if phrases:
        text = page_text(eu)
        return Refusal(f"block page for {state}", snippet(text, phrases[0].start, phrases[0].end), "text", 0.85,
                       eu.url)
    return None


def _short_url(url: str, relative_to: str) -> str:
    """The path when the host is unchanged, else host and path."""
    parts, origin = urlsplit(url), urlsplit(relative_to)
    path = parts.path or "/"
    return path if (parts.hostname or "") == (origin.hostname or "") else f"{parts.hostname}{path}"
