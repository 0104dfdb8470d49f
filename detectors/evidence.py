"""What channel judging reads: the captures of each channel as the crawl stored them, and the material a firm
supplied, already read into documents. Plain data, filled by the application from its archive (crawler/captures),
so that judging never touches the network or the file system."""

from __future__ import annotations

from dataclasses import dataclass

from detectors.model import ChannelKind, Document


@dataclass(frozen=True)
class Capture:
    """One fetch as archived: what was asked, what came back (or why nothing did)."""

    channel: str
    requested_url: str
    url: str
    fetched_at: str
    status: int | None  # None: the fetch failed (see `error`)
    body: bytes | None = None
    content_type: str = ""
    visitor: str = ""  # country code of the visitor profile ("" without one)
    rendered: bool = False  # a DOM rendered by a browser, not the raw response
    record_id: str = ""  # WARC-Record-ID
    optional: bool = False  # a probe whose absence is no failure (sitemap.xml)
    skipped: bool = False  # refused before fetching (robots.txt, an offsite redirect...)
    error: str = ""


@dataclass(frozen=True)
class SuppliedItem:
    """One post or e-mail campaign of a supplied file, with the countries of its audience."""

    document: Document
    countries: tuple[str, ...]


@dataclass(frozen=True)
class SuppliedMaterial:
    """A supplied file as read: its items in date order and the problems of the lines or messages that could not
    be read (`{"line"|"message": n, "field": ..., "error": ...}`)."""

    name: str  # the file's name
    source: str  # "posts" (a JSON-lines export) or "mail" (an mbox)
    items: tuple[SuppliedItem, ...] = ()
    problems: tuple[dict, ...] = ()

    @property
    def unit(self) -> str:
        return "line" if self.source == "posts" else "message"

    @property
    def scheme(self) -> str:
        return "export" if self.source == "posts" else "mbox"


@dataclass(frozen=True)
class ChannelEvidence:
    """Everything captured for one channel. `supplied` is None for fetched channels; for a supplied channel it is
    None when the file was not found in the archive."""

    id: str
    kind: ChannelKind
    target: str
    captures: tuple[Capture, ...] = ()
    discovered: bool = False  # found linked from the firm's pages, not listed in its profile
    torn: str = ""  # the archive ends in a torn record (a crawl killed mid-write)
    supplied: SuppliedMaterial | None = None
    # The documents of `captures` when the application has parsed them already (a scan parses its websites' pages
    # once, for discovering linked channels and for judging); None: judging parses them.
    documents: tuple[Document, ...] | None = None


@dataclass(frozen=True)
class FirmEvidence:
    """A firm's channels and what judging them needs to know about the scan."""

    channels: tuple[ChannelEvidence, ...]
    same_type_window_days: int  # CROSS_SELL's same-type window (a scan setting)
    websites: tuple[str, ...] = ()  # start URLs of the firm's own sites: their domains are first-party
    home_country: str = ""
    baseline: str = ""  # the neutral visitor every EU visitor is compared with
    eu_visitors: tuple[str, ...] = ()
    crawl_failure: str = ""  # why the crawl process failed, when it did: its channels are at best partial
