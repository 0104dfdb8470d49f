"""One website channel as several visitors saw it: a non-EU baseline visitor and EU visitor profiles.

Geo-targeting and geo-blocking exist only as differences between visitors: a German page says nothing about
targeting Germany until the baseline's copy of the same URL is English, and a 451 proves nothing until the
baseline was served the page. So pages are paired by requested URL, and each EU visitor's page is compared with
the baseline's copy. `VisitorViews` is that pairing, the subject of the visitor-scope indicators
(detectors/geoblock.py, detectors/geo_targeted.py); what a refusal looks like is decided here, once, because both
need it: a refused page is a GEOBLOCK and never GEO_TARGETED content.

A page is kept as a `PageView`, what the comparison reads of it (status, URLs, whether it was served or looks
blocked, its opening words, its block phrases, the signals of its own findings), made when the page is judged:
the document and its body are not kept until the end of the crawl.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from http import HTTPStatus
from urllib.parse import urlsplit

from detectors.context import Context
from detectors.lexicon import PhraseLexicon, PhraseMatch, phrase_lexicon
from detectors.merge import fact_key
from detectors.model import Document, Finding
from detectors.text import snippet
from detectors.urls import normalise_url
from detectors.walls import wall_kind

REFUSAL_STATUSES = {451: 0.95, 403: 0.75}  # status -> confidence: 403 is also what a WAF answers a proxy IP
# Findings that show no EU-directed content: a refusal, a disclaimer, markers that weigh nothing.
_NOT_DIRECTED = frozenset({"GEOBLOCK", "DISCLAIMER"})
_NO_WEIGHT = frozenset({"marker", "mitigating"})
SHORT_PAGE = 2000  # characters of text: a block page says one thing; a long page with the phrase is a disclaimer
# Path words of a region or block page (/blocked, /geo-restricted, /region-unavailable).
_BLOCK_WORDS = frozenset({"block", "blocked", "restricted", "restriction", "restrictions", "unavailable",
                          "unsupported", "region", "regions", "geo", "geoblock", "geoblocked", "georestricted",
                          "georestriction", "geofence", "geofenced"})
_PATH_WORD = re.compile(r"[a-z]+")

PageKey = tuple[str, str, bool]  # (channel, normalised requested URL, rendered)
OPENING = 300  # characters of a page's opening words kept for snippets


@dataclass(frozen=True, slots=True)
class BlockPhrase:
    text: str  # as on the page
    key: str  # normalised: what tells two pages' phrases apart
    snippet: str


@dataclass(frozen=True, slots=True)
class PageView:
    """What the visitor comparison reads of one captured page (attributes named as on Document, so a finding can
    be made from it)."""

    channel: str
    url: str
    requested_url: str
    status: int
    fetched_at: str
    body_sha256: str
    visitor: str
    rendered: bool
    record_id: str
    served: bool  # status below 400 and some text
    blocked: bool  # an EU visitor's page that is a wall, a block page or a region page (looks_blocked)
    wall: str  # an EU visitor's page's wall kind
    opening: str  # an EU visitor's page's first OPENING characters of title and text, spaces collapsed
    block_phrases: tuple[BlockPhrase, ...]  # an EU visitor's short page's (a block page says one thing)
    phrase_keys: frozenset[str]  # a baseline page's block phrases anywhere: what its copy already carries
    signals: frozenset[tuple[str, str]]  # a baseline page's: (indicator, normalised value) of its findings
    directed: tuple[Finding, ...]  # an EU visitor page's findings directed at a member state, without page details


def page_view(doc: Document, findings: Iterable[Finding], baseline: bool, shared: dict | None = None) -> PageView:
    """The view of `doc` with its own (document-scope) findings; `baseline`: the baseline visitor's page (its
    copy is what EU visitors' pages are compared with), else an EU visitor's. `shared`: one copy of equal signal
    sets and findings across the pages of a channel (site chrome repeats them on every page)."""
    shared = {} if shared is None else shared
    findings = list(findings)
    text = page_text(doc)
    signals = phrase_keys = frozenset()
    directed: tuple[Finding, ...] = ()
    block_phrases: tuple[BlockPhrase, ...] = ()
    if baseline:
        signals = frozenset(fact_key(f) for f in findings)
        # The title and the text apart (a phrase does not run from one into the other): the text's words are the
        # ones the detectors just read, not indexed again with the title in front.
        phrase_keys = frozenset(_phrase_key(m.text) for part in (doc.title, doc.text) if part
                                for m in _lexicon().find(part))
    else:
        # In the detectors' order (the first of equal signals is the one a comparison quotes).
        directed = tuple(dict.fromkeys(_shared(shared, replace(f, url="", fetched_at="", body_sha256="",
                                                               record_id="", visitors=()))
                                       for f in findings if is_directed(f)))
        block_phrases = tuple(BlockPhrase(m.text, _phrase_key(m.text), snippet(text, m.start, m.end))
                              for m in _block_phrases(doc))
    return PageView(channel=doc.channel, url=doc.url, requested_url=doc.requested_url, status=doc.status,
                    fetched_at=doc.fetched_at, body_sha256=doc.body_sha256, visitor=doc.visitor,
                    rendered=doc.rendered, record_id=doc.record_id, served=served(doc),
                    blocked=not baseline and looks_blocked(doc), wall="" if baseline else wall_kind(doc),
                    opening="" if baseline else first_text(doc, OPENING), block_phrases=block_phrases,
                    phrase_keys=_shared(shared, phrase_keys), signals=_shared(shared, signals),
                    directed=_shared(shared, directed))


def shared_view(view: PageView, shared: dict, record_id: str) -> PageView:
    """`view`, made elsewhere (a helper process: crawler/crawl/judge_helper.py), with the capture's `record_id` and
    one copy of its signal sets and findings shared with the channel's other views, as `page_view` with `shared`
    gives them."""
    directed = tuple(_shared(shared, f) for f in view.directed)
    return replace(view, record_id=record_id, phrase_keys=_shared(shared, view.phrase_keys),
                   signals=_shared(shared, view.signals), directed=_shared(shared, directed))


def _shared(table: dict, value):
    return table.setdefault(value, value)


def _phrase_key(text: str) -> str:
    return " ".join(text.lower().split())


def is_directed(f: Finding) -> bool:
    """Evidence of content directed at a member state (or the EU): what keeps a geo-block from being credited."""
    return f.indicator not in _NOT_DIRECTED and f.strength not in _NO_WEIGHT and bool(f.member_states)


@cache
def _lexicon() -> PhraseLexicon:
    return phrase_lexicon("geoblock")


@dataclass(frozen=True)
class Comparison:
    """One page as an EU visitor saw it, beside the baseline's copy (None when the baseline has none)."""

    state: str
    key: PageKey
    eu: PageView
    base: PageView | None
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
    """A channel's pages by page and visitor (the views of every visitor's pages, detectors/geo.page_view)."""

    views: list[PageView]
    baseline: str
    eu_visitors: tuple[str, ...]
    pages: dict[PageKey, dict[str, PageView]] = field(init=False)
    _compared: list[Comparison] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.pages = {}
        order = sorted(self.views, key=lambda v: (v.channel, v.requested_url or v.url, v.visitor, v.rendered,
                                                  v.fetched_at, v.url, v.body_sha256, v.status))
        for view in order:  # a page fetched twice by one visitor keeps its first capture
            key = (view.channel, normalise_url(view.requested_url or view.url), view.rendered)
            self.pages.setdefault(key, {}).setdefault(view.visitor, view)

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

    def _counterpart(self, key: PageKey) -> PageView | None:
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


def _block_path(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return any(w in _BLOCK_WORDS or w.startswith(("geoblock", "georestrict", "geofenc"))
               for w in _PATH_WORD.findall(path))


def refusal(eu: PageView, base: PageView, state: str) -> Refusal | None:
    """How the EU visitor was refused a page the baseline was served: a refusal status, a redirect to a region
    page, or a short block page the baseline did not get; None when it was not."""
    if not base.served:
        return None  # refused everyone (or failed): not a geo-block
    # Block phrases of the EU visitor's short page that the baseline's copy does not carry.
    phrases = [p for p in eu.block_phrases if p.key not in base.phrase_keys]
    if eu.status in REFUSAL_STATUSES:
        if eu.status == 403 and not phrases and eu.wall == "bot wall":
            return None  # a challenge for the proxy's IP, not a refusal of the country
        line = f"HTTP {eu.status} {HTTPStatus(eu.status).phrase}"
        first = eu.opening[:160]
        return Refusal(f"{eu.status} for {state}", f"{line}: {first}" if first else line, "http status",
                       REFUSAL_STATUSES[eu.status], eu.url)
    final, requested = normalise_url(eu.url), normalise_url(eu.requested_url or eu.url)
    if final != requested and final != normalise_url(base.url) and (_block_path(eu.url) or phrases):
        where = _short_url(eu.url, eu.requested_url)
        reason = f" ({phrases[0].text})" if phrases else ""
        return Refusal(f"redirect to {where} for {state}", f"{eu.requested_url} -> {eu.url}{reason}", "redirect",
                       0.85, eu.requested_url or eu.url)
    if phrases:
        return Refusal(f"block page for {state}", phrases[0].snippet, "text", 0.85, eu.url)
    return None


def _short_url(url: str, relative_to: str) -> str:
    """The path when the host is unchanged, else host and path."""
    parts, origin = urlsplit(url), urlsplit(relative_to)
    path = parts.path or "/"
    return path if (parts.hostname or "") == (origin.hostname or "") else f"{parts.hostname}{path}"
