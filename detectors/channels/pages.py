"""A fetched channel's pages: documents built from its captures, and what its fetches say about its status.

A channel is `assessed` when HTML pages were fetched and nothing failed, `partial` when some pages failed,
`inconclusive` when what came back cannot be judged (only non-HTML content, or a bot or login wall), and
`not-assessed` when nothing could be fetched at all. Never "low risk" for want of evidence. A page cut at the
parsing limits is judged on the part read and makes its channel `partial`; it and every page read in another
encoding than UTF-8 (or in a guessed one) are listed in the channel's page notes.
"""

from __future__ import annotations

from detectors.document import build_document
from detectors.evidence import Capture, ChannelEvidence
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


def fetch_status(channel: ChannelEvidence, docs: list[Document]) -> ChannelResult:
    """The channel's result before judging: pages fetched and failed, errors, and its status."""
    errors: list[dict] = []
    fetched_html: list[Document] = []
    other_types: set[str] = set()
    failed = 0
    walls: list[str] = []
    # A page refused to one visitor but served to another is geo-evidence (GEOBLOCK), not a failed page.
    served = {c.requested_url for c in channel.captures if c.status is not None and c.status < 400}
    for capture in channel.captures:
        if capture.optional:
            continue  # sitemap probes: a site without a sitemap.xml is not a failure
        if capture.skipped:
            errors.append({"url": capture.url, "error": capture.error or "skipped"})
            continue
        status = capture.status
        if (status is None or status >= 400) and capture.requested_url not in served:
            failed += 1
            who = f" (as {capture.visitor})" if capture.visitor else ""
            errors.append({"url": capture.url, "error": (capture.error or f"HTTP {status}") + who})
    for doc in docs:
        if doc.status >= 400:
            if doc.requested_url in served:
                continue
            wall = wall_kind(doc)
            if wall:
                walls.append(f"{wall} at {doc.url}")
            continue
        if doc.kind == "html":
            wall = wall_kind(doc)
            if wall:
                walls.append(f"{wall} at {doc.url}")
            else:
                fetched_html.append(doc)
        elif doc.kind == "other":
            other_types.add(doc.content_type.split(";")[0].strip() or "unknown type")
    if channel.torn:
        errors.append({"url": "", "error": f"capture archive ends in a torn record (crawl interrupted?): "
                                           f"{channel.torn}"})

    result = ChannelResult(id=channel.id, kind=channel.kind, target=channel.target,
                           status=ChannelStatus.ASSESSED, pages_fetched=len({d.url for d in fetched_html}),
                           pages_failed=failed, errors=errors, discovered=channel.discovered,
                           rendered=sorted({d.url for d in fetched_html if d.rendered}),
                           page_notes=page_notes(fetched_html))
    truncated = {d.url for d in fetched_html if d.truncated}
    if not fetched_html:
        if walls:
            result.status, result.reason = ChannelStatus.INCONCLUSIVE, "; ".join(walls[:3])
        elif other_types:
            result.status = ChannelStatus.INCONCLUSIVE
            result.reason = f"no HTML page fetched, only {', '.join(sorted(other_types))}: nothing to assess"
        else:
            result.status = ChannelStatus.NOT_ASSESSED
            first = next((e["error"] for e in errors), "no page was fetched")
            result.reason = f"nothing could be fetched ({first})"
    elif failed or walls:
        result.status = ChannelStatus.PARTIAL
        result.reason = f"{failed + len(walls)} page(s) failed or were walled off"
    elif truncated:
        result.status = ChannelStatus.PARTIAL
        result.reason = f"{len(truncated)} page(s) over the parsing limits, judged on the part read"
    return result


def page_notes(docs: list[Document]) -> list[dict]:
    """How each page out of the ordinary was read: its encoding when not plainly UTF-8, and what was cut."""
    notes = {}
    for doc in docs:
        if doc.truncated or doc.encoding != "UTF-8" or doc.decoded_by in ("detected", "default"):
            note = {"url": doc.url, "encoding": doc.encoding, "decoded_by": doc.decoded_by,
                    "truncated": doc.truncated}
            notes.setdefault(tuple(note.values()), note)
    return sorted(notes.values(), key=lambda n: (n["url"], n["encoding"], n["truncated"]))


def after_crawl_failure(result: ChannelResult, failure: str) -> ChannelResult:
    """A crawl process that died may have missed pages: an otherwise clean channel is only `partial`."""
    if failure:
        result.errors.append({"url": result.target, "error": f"crawler process failed: {failure}"})
        if result.status == ChannelStatus.ASSESSED:
            result.status, result.reason = ChannelStatus.PARTIAL, "the crawler process failed before finishing"
    return result
