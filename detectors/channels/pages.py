"""A fetched channel's pages: documents built from its captures, and what its fetches say about its status.

A channel is `assessed` when HTML pages were fetched, its start page among them: a page that fails or 404s
further in (a dead link) is listed among its errors, not a hole in the picture. It is `partial` when its start
page failed though other pages came back, or pages were walled off, `inconclusive` when what came back cannot be
judged (only non-HTML content, or a bot or login wall), and `not-assessed` when nothing could be fetched at all.
A fetch that failed for one visitor (no answer, or an error that is no refusal) of a page another visitor was served is
listed too, with the visitor: that page's geo comparison is missing, and when it is the start page the channel is
`partial`. Never "low risk" for want of evidence. A page cut at the parsing limits is judged on the part read and
makes its channel `partial`; it and every page read in another encoding than UTF-8 (or in a guessed one) are listed
in the channel's page notes.
"""

from __future__ import annotations

from detectors.document import build_document
from detectors.evidence import Capture, ChannelEvidence
from detectors.geo import REFUSAL_STATUSES
from detectors.model import ChannelResult, ChannelStatus, Document
from detectors.walls import wall_kind


def documents(channel: ChannelEvidence) -> list[Document]:
    """The documents of every capture that has a body (failed fetches have none), parsed once."""
    if channel.documents is not None:
        return list(channel.documents)
    return [document_of(c) for c in channel.captures if c.body is not None and c.status is not None]


def document_of(capture: Capture) -> Document:
    return build_document(
        channel=capture.channel, requested_url=capture.requested_url, url=capture.url, status=capture.status,
        fetched_at=capture.fetched_at, content_type=capture.content_type, body=capture.body,
        visitor=capture.visitor, rendered=capture.rendered, record_id=capture.record_id,
    )


class FetchTally:
    """What a channel's fetches say about its status, kept as captures and documents arrive: the URLs served,
    failed fetches and walls (a page refused to one visitor but served to another is geo-evidence, GEOBLOCK, not
    a failure: decided at the end, once every visitor's fetch is in), pages fetched, rendered, cut, read in an
    unusual encoding. Sets of URLs, never the pages."""

    def __init__(self) -> None:
        self.served: set[str] = set()  # requested URLs some visitor was served (status below 400)
        self.served_as: set[tuple[str, str]] = set()  # (requested URL, visitor) of the same
        self.skipped: list[dict] = []
        self.failures: list[tuple[str, dict]] = []  # (requested URL, error) of fetches that failed
        # (requested URL, visitor, error) of fetches that failed for a visitor, refusals (geo-evidence) left out
        self.visitor_failures: list[tuple[str, str, dict]] = []
        self.walls: list[tuple[str, str]] = []  # (requested URL or "" when it counts anyway, "wall at URL")
        self.fetched: set[str] = set()  # URLs of HTML pages that could be judged
        self.rendered: set[str] = set()
        self.truncated: set[str] = set()
        self.notes: dict[tuple, dict] = {}
        self.other_types: set[str] = set()

    def add_capture(self, capture: Capture) -> None:
        if capture.optional:
            return  # sitemap probes: a site without a sitemap.xml is not a failure
        if capture.skipped:
            self.skipped.append({"url": capture.url, "error": capture.error or "skipped"})
            return
        status = capture.status
        if status is not None and status < 400:
            self.served.add(capture.requested_url)
            self.served_as.add((capture.requested_url, capture.visitor))
        else:
            who = f" (as {capture.visitor})" if capture.visitor else ""
            error = {"url": capture.url, "error": (capture.error or f"HTTP {status}") + who}
            self.failures.append((capture.requested_url, error))
            if capture.visitor and status not in REFUSAL_STATUSES:
                self.visitor_failures.append((capture.requested_url, capture.visitor, error))

    def add_document(self, doc: Document) -> None:
        if doc.status >= 400:
            wall = wall_kind(doc)
            if wall:
                self.walls.append((doc.requested_url, f"{wall} at {doc.url}"))
            return
        if doc.kind == "html":
            wall = wall_kind(doc)
            if wall:
                self.walls.append(("", f"{wall} at {doc.url}"))
                return
            self.fetched.add(doc.url)
            if doc.rendered:
                self.rendered.add(doc.url)
            if doc.truncated:
                self.truncated.add(doc.url)
            note = page_note(doc)
            if note:
                self.notes.setdefault(tuple(note.values()), note)
        elif doc.kind == "other":
            self.other_types.add(doc.content_type.split(";")[0].strip() or "unknown type")

    def result(self, channel: ChannelEvidence, torn: str) -> ChannelResult:
        """The channel's result before judging: pages fetched and failed, errors (sorted), and its status."""
        failed = [error for requested, error in self.failures if requested not in self.served]
        failed_urls = {requested for requested, _ in self.failures if requested not in self.served}
        # Served to another visitor: the page is assessed, its comparison for this visitor is not.
        unseen = [(requested, visitor, error) for requested, visitor, error in self.visitor_failures
                  if requested in self.served and (requested, visitor) not in self.served_as]
        unseen_errors = list({(e["url"], e["error"]): e for _, _, e in unseen}.values())  # plain and rendered
        errors = sorted(self.skipped + failed + unseen_errors, key=lambda e: (e["url"], e["error"]))
        walls = sorted(wall for requested, wall in self.walls if not requested or requested not in self.served)
        missed = sorted({visitor for requested, visitor, _ in unseen if requested == channel.target})
        if torn:
            errors.append({"url": "", "error": f"capture archive ends in a torn record (crawl interrupted?): {torn}"})
        result = ChannelResult(id=channel.id, kind=channel.kind, target=channel.target,
                               status=ChannelStatus.ASSESSED, pages_fetched=len(self.fetched),
                               pages_failed=len(failed), errors=errors, discovered=channel.discovered,
                               rendered=sorted(self.rendered), checked=sorted(self.fetched),
                               page_notes=_sorted_notes(self.notes.values()))
        if not self.fetched:
            if walls:
                result.status, result.reason = ChannelStatus.INCONCLUSIVE, "; ".join(walls[:3])
            elif self.other_types:
                result.status = ChannelStatus.INCONCLUSIVE
                result.reason = f"no HTML page fetched, only {', '.join(sorted(self.other_types))}: nothing to assess"
            else:
                result.status = ChannelStatus.NOT_ASSESSED
                first = next((e["error"] for e in errors), "no page was fetched")
                result.reason = f"nothing could be fetched ({first})"
        elif channel.target in failed_urls or walls or missed:
            result.status = ChannelStatus.PARTIAL
            start = "the start page failed" if channel.target in failed_urls else ""
            walled = f"{len(walls)} page(s) were walled off" if walls else ""
            compared = (f"the start page failed as {', '.join(missed)}, so it was not compared for that visitor"
                        if missed else "")
            result.reason = "; ".join(part for part in (start, walled, compared) if part)
        elif self.truncated:
            result.status = ChannelStatus.PARTIAL
            result.reason = f"{len(self.truncated)} page(s) over the parsing limits, judged on the part read"
        return result


def page_note(doc: Document) -> dict | None:
    """How a page out of the ordinary was read: its encoding when not plainly UTF-8, and what was cut."""
    if doc.truncated or doc.encoding != "UTF-8" or doc.decoded_by in ("detected", "default"):
        return {"url": doc.url, "encoding": doc.encoding, "decoded_by": doc.decoded_by, "truncated": doc.truncated}
    return None


def page_notes(docs: list[Document]) -> list[dict]:
    """The notes of the pages out of the ordinary, one per page and reading."""
    notes = {}
    for doc in docs:
        note = page_note(doc)
        if note:
            notes.setdefault(tuple(note.values()), note)
    return _sorted_notes(notes.values())


def _sorted_notes(notes) -> list[dict]:
    return sorted(notes, key=lambda n: (n["url"], n["encoding"], n["truncated"]))


def after_crawl_failure(result: ChannelResult, failure: str) -> ChannelResult:
    """A crawl process that died may have missed pages: an otherwise clean channel is only `partial`."""
    if failure:
        result.errors.append({"url": result.target, "error": f"crawler process failed: {failure}"})
        if result.status == ChannelStatus.ASSESSED:
            result.status, result.reason = ChannelStatus.PARTIAL, "the crawler process failed before finishing"
    return result
