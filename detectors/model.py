"""The data that flows through footprint: documents in, findings out.

Everything here is plain, immutable data so that a report can be rebuilt from stored captures and compared
byte for byte. Nothing in this module touches the network or the file system.
"""

from __future__ import annotations

import hashlib
from dataclasses import MISSING, asdict, dataclass, field, fields
from enum import StrEnum
from functools import lru_cache

from detectors.urls import normalise_url

LEVELS = ("none", "low", "medium", "high")
MERGE_SAMPLE = 10  # sightings a merged finding lists (the first by sorted URL); `pages` counts them all


class ChannelStatus(StrEnum):
    """What could be judged of a channel. Only `assessed` and `partial` channels get a risk level: the others say
    why not, and never count as low risk."""

    ASSESSED = "assessed"
    PARTIAL = "partial"  # some pages failed or were walled off
    INCONCLUSIVE = "inconclusive"  # what came back cannot be judged: walls, non-HTML, empty parses
    NOT_ASSESSED = "not-assessed"  # nothing could be fetched

    @property
    def rated(self) -> bool:
        return self in (ChannelStatus.ASSESSED, ChannelStatus.PARTIAL)

    @property
    def label(self) -> str:
        """As reports show it: NOT ASSESSED, INCONCLUSIVE..."""
        return self.value.replace("-", " ").upper()


UNRATED_LABELS = {s.value: s.label for s in ChannelStatus if not s.rated}  # for templates


def rated(status: str) -> bool:
    """Whether a channel with this status (as report.json writes it) gets a risk level."""
    return ChannelStatus(status).rated


class ChannelKind(StrEnum):
    """How a firm reaches people; each kind is planned, crawled and judged its own way."""

    WEBSITE = "website"
    AFFILIATE = "affiliate"
    APP = "app"
    SOCIAL = "social"
    EXPORT = "export"  # material the firm supplies (posts, e-mail campaigns)


class Scope(StrEnum):
    """What one call of an indicator's `detect(subject, ctx)` looks at."""

    DOCUMENT = "document"  # one parsed page, listing, post or message
    VISITORS = "visitors"  # one channel's pages as each visitor profile saw them (detectors.geo.VisitorViews)
    STOREFRONTS = "storefronts"  # one app's listings across storefronts (detectors.appstore.Storefronts)
    SUPPLIED = "supplied"  # a dated sequence of supplied items (detectors.cross_sell.SuppliedSequence)
    FIRM = "firm"  # the firm's names and domains against imported warning lists (detectors.warning_list.ListCheck)


@dataclass(frozen=True)
class Link:
    """An outgoing link as found on a page: absolute URL, anchor text, and where it sat (CSS-like locator)."""

    url: str
    text: str = ""
    locator: str = "a[href]"


@dataclass(frozen=True)
class Alternate:
    """A declared language alternate (`<link rel=alternate hreflang>` or sitemap `xhtml:link`)."""

    hreflang: str
    url: str
    locator: str


@dataclass(frozen=True)
class Document:
    """What was captured of one fetched resource, parsed once and shared by every detector.

    `platform` is set when the host is a platform (app store, social network, video or publishing site): there the
    page's localisation belongs to the platform, not to the firm, so localisation detectors stay silent (LANG still
    reads the text of a post on a publishing site, the publisher's own).
    """

    channel: str
    url: str  # final URL, after redirects
    requested_url: str
    status: int
    fetched_at: str  # UTC, ISO 8601 with Z
    body_sha256: str
    content_type: str = "text/html"
    kind: str = "html"  # html | sitemap | other
    html_lang: str = ""
    title: str = ""
    meta: tuple[tuple[str, str], ...] = ()  # (name or property, content), in page order
    alternates: tuple[Alternate, ...] = ()
    links: tuple[Link, ...] = ()
    headings: tuple[str, ...] = ()
    text: str = ""  # visible text, blocks separated by newlines
    json_ld: tuple[str, ...] = ()  # raw JSON-LD blocks, parsed by the detectors that need them
    select_options: tuple[str, ...] = ()  # option labels of <select> elements (currency/language pickers)
    buttons: tuple[str, ...] = ()  # texts of buttons and links styled as buttons (calls to action)
    images: tuple[tuple[str, str, str], ...] = ()  # (alt, title, file name) of images: logos, badges
    platform: bool = False
    visitor: str = ""  # country code of the visitor profile that fetched it ("" when fetched without one)
    rendered: bool = False  # the DOM after a real browser ran the page's scripts, not the raw response
    record_id: str = ""  # WARC-Record-ID of the capture this document was built from
    encoding: str = ""  # the character encoding the page was read in (Encoding Standard name), HTML pages only
    decoded_by: str = ""  # why that one: bom | header | meta | utf-8 (undeclared, valid) | detected | default
    truncated: str = ""  # why only part of the page was read (detectors/page_limits.py), "" when it was whole

    def meta_value(self, name: str) -> str:
        name = name.lower()
        for key, value in self.meta:
            if key == name:
                return value
        return ""


class _kept:  # lower case: a decorator, as the functools one it replaces
    """functools.cached_property without its lock (Python 3.11 takes one at every first read: a crawl reads the id
    of each of thousands of findings a second once, detectors/merge.py): the value is kept in the instance's
    `__dict__`, which then answers instead."""

    def __init__(self, read):
        self._read, self._name = read, read.__name__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._read(instance)
        return value


@dataclass(frozen=True)
class Evidence:
    value: str  # the normalised observed value (a locale, a host, a phrase, a number)
    snippet: str  # the surrounding text as captured, trimmed
    locator: str  # where on the page: a CSS-like selector, "text", "url", "sitemap xhtml:link"...

    @classmethod
    def of(cls, value: str, snippet: str, locator: str) -> Evidence:
        """As Evidence(value, snippet, locator), its state set at once as Finding.of's (0.6 against 1.3 us)."""
        made = object.__new__(cls)
        state = made.__dict__
        state["value"], state["snippet"], state["locator"] = value, snippet, locator
        return made


@dataclass(frozen=True)
class Sighting:
    """One page a merged finding was seen on: where, which capture, when."""

    url: str
    record_id: str = ""
    fetched_at: str = ""

    @classmethod
    def of(cls, url: str, record_id: str, fetched_at: str) -> Sighting:
        """As Sighting(url, record_id, fetched_at), its state set at once as Evidence.of's (merging makes one a
        finding)."""
        made = object.__new__(cls)
        state = made.__dict__
        state["url"], state["record_id"], state["fetched_at"] = url, record_id, fetched_at
        return made


@dataclass(frozen=True)
class Finding:
    """What an indicator found. A merged finding (`seen_on` non-empty) is one fact of a channel seen on `pages`
    pages: its url, capture and evidence are those of its first sighting (detectors/merge.py), and its id leaves
    the page out. A per-item finding (visitor comparisons, supplied material) has `seen_on` empty."""

    indicator: str
    channel: str
    url: str
    fetched_at: str
    body_sha256: str
    confidence: float
    member_states: tuple[str, ...]
    evidence: Evidence
    legal_ref: str
    strength: str = "medium"  # strong | medium | weak | marker, as decided for this observation
    visitors: tuple[str, ...] = ()  # visitor profiles that were shown this evidence
    record_id: str = ""  # WARC-Record-ID of the capture the evidence is in
    screenshot: str = ""  # path of a screenshot of the page, relative to the report
    # A merged (document-scope) finding: the same fact on many pages of the channel is one finding
    pages: int = 1  # distinct pages of the channel that showed it
    seen_on: tuple[Sighting, ...] = ()  # a bounded sample of those pages; empty for a per-item finding
    first_seen: str = ""  # min / max fetched_at over all sightings, not only the sample
    last_seen: str = ""

    @_kept  # the fingerprint is read for dedup, sorting and output: hash once
    def id(self) -> str:
        if self.seen_on:  # merged: the page is no longer part of its identity
            return merged_id(self.indicator, self.channel, self.evidence.value)
        return finding_id(self.indicator, self.channel, self.url, self.evidence.value)

    def with_fields(self, **changes) -> Finding:
        """A copy with `changes` (field names), as dataclasses.replace but without running __init__ again: a crawl
        merges thousands of findings per second (detectors/merge.py). The id is worked out again when asked."""
        unknown = changes.keys() - _FINDING_FIELDS
        if unknown:
            raise TypeError(f"Finding has no field {sorted(unknown)[0]!r}")
        copy = object.__new__(Finding)
        state = copy.__dict__
        state.update(self.__dict__)
        state.pop("id", None)  # the cached fingerprint: it may depend on what changed
        state.update(changes)
        return copy

    @classmethod
    def of(cls, **values) -> Finding:
        """A new finding from all its fields (those with a default may be left out), its state set at once as in
        with_fields, not field by field through the frozen dataclass's __init__ (4.5 against 7.8 us; a page makes
        ~45). Unchecked, for its one hot caller (Context.finding): a field left out is an AttributeError later."""
        made = object.__new__(cls)
        state = made.__dict__
        state.update(_FINDING_DEFAULTS)  # two updates: merging the two into one more dict cost more
        state.update(values)
        return made

    def to_dict(self) -> dict:
        data = asdict(self)
        data["id"] = self.id
        data["member_states"] = list(self.member_states)
        data["visitors"] = list(self.visitors)
        data["seen_on"] = [asdict(s) for s in self.seen_on]
        data["confidence"] = round(self.confidence, 3)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Finding:
        """From report.json's form; format 1 (no pages, seen_on, first_seen, last_seen) loads with the defaults."""
        data = dict(data)
        data.pop("id", None)
        data["evidence"] = Evidence(**data["evidence"])
        data["member_states"] = tuple(data["member_states"])
        data["visitors"] = tuple(data.get("visitors", ()))
        data["seen_on"] = tuple(Sighting(**s) for s in data.get("seen_on", ()))
        return cls(**data)


_FINDING_FIELDS = frozenset(f.name for f in fields(Finding))
_FINDING_DEFAULTS = {f.name: f.default for f in fields(Finding) if f.default is not MISSING}


def sort_key(f: Finding) -> tuple:
    """The order findings are listed in everywhere: stable, whatever order they were found in."""
    return (f.indicator, f.url, f.evidence.locator, f.evidence.value, f.id)


def finding_id(indicator: str, channel: str, url: str, value: str) -> str:
    """Stable fingerprint: indicator, channel, normalised URL and normalised evidence value, nothing volatile."""
    key = "\x1f".join((indicator, channel, normalise_url(url), normalise_value(value)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=4096)  # a channel's facts recur page after page (merge.py asks once per page and fact)
def merged_id(indicator: str, channel: str, value: str) -> str:
    """The id of a merged finding: one fact of a channel, whatever pages it was seen on."""
    return finding_id(indicator, channel, "", value)


@lru_cache(maxsize=4096)  # asked per finding by merge.py (its key, then its id); phrases and numbers recur
def normalise_value(value: str) -> str:
    """An evidence value as findings are told apart by: case and spacing left out."""
    return " ".join(value.lower().split())


@dataclass
class ChannelResult:
    """A channel after analysis: what was fetched, what failed, what was found."""

    id: str
    kind: ChannelKind
    target: str
    status: ChannelStatus
    reason: str = ""
    pages_fetched: int = 0
    pages_failed: int = 0
    findings: list[Finding] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    discovered: bool = False
    rendered: list[str] = field(default_factory=list)  # URLs whose browser-rendered DOM was assessed
    checked: list[str] = field(default_factory=list)  # URLs of the HTML pages judged: what a clean result covered
    geoblock: dict[str, str] = field(default_factory=dict)  # member state -> verified | not-credited | partial
    # Pages read in another encoding than UTF-8 or a guessed one, or cut at the parsing limits: {"url", "encoding",
    # "decoded_by", "truncated"}, one per page and reading
    page_notes: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.kind, self.status = ChannelKind(self.kind), ChannelStatus(self.status)


class TriageStatus(StrEnum):
    """A reviewer's decision on a finding, kept across scans by finding id; `open` withdraws an earlier one."""

    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    OPEN = "open"
