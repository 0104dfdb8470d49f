"""Reading captures back: documents for the detectors, and what each channel's fetches say about its status.

A channel is `assessed` when HTML pages were fetched and nothing failed, `partial` when some pages failed,
`inconclusive` when what came back cannot be judged (only non-HTML content, or a bot or login wall), and
`not-assessed` when nothing could be fetched at all. Never "low risk" for want of evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.warc import Archive
from detectors.document import build_document
from detectors.model import ChannelResult, Document
from detectors.walls import wall_kind


@dataclass
class ChannelCaptures:
    documents: list[Document] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    torn: str = ""  # the archive ended in a torn record (a crawl killed mid-write)


def channel_captures(archive: Archive, channel_id: str) -> ChannelCaptures:
    """The captures of one channel, and the documents built from them (re-parsed from the stored bytes)."""
    out = ChannelCaptures(torn=archive.torn)
    for record in archive.captures:
        if record["channel"] != channel_id:
            continue
        out.records.append(record)
        if record.get("body") is not None and record.get("status") is not None:
            out.documents.append(document_from_record(record))
    return out


def document_from_record(record: dict) -> Document:
    return build_document(
        channel=record["channel"], requested_url=record["requested_url"], url=record["url"],
        status=int(record["status"]), fetched_at=record["fetched_at"],
        content_type=record.get("content_type", ""), body=record["body"], visitor=record.get("visitor", ""),
        rendered=bool(record.get("rendered")), record_id=record.get("record_id", ""),
    )


def channel_result(channel_id: str, kind: str, target: str, captures: ChannelCaptures) -> ChannelResult:
    errors: list[dict] = []
    fetched_html: list[Document] = []
    other_types: set[str] = set()
    failed = 0
    walls: list[str] = []
    # A page refused to one visitor but served to another is geo-evidence (GEOBLOCK), not a failed page.
    served = {r["requested_url"] for r in captures.records if r.get("status") is not None and r["status"] < 400}
    for record in captures.records:
        if record.get("optional"):
            continue  # sitemap probes: a site without a sitemap.xml is not a failure
        if record.get("skipped"):
            errors.append({"url": record["url"], "error": record.get("error", "skipped")})
            continue
        status = record.get("status")
        if (status is None or status >= 400) and record["requested_url"] not in served:
            failed += 1
            who = f" (as {record['visitor']})" if record.get("visitor") else ""
            errors.append({"url": record["url"], "error": (record.get("error") or f"HTTP {status}") + who})
    for doc in captures.documents:
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
    if captures.torn:
        errors.append({"url": "", "error": f"capture archive ends in a torn record (crawl interrupted?): "
                                           f"{captures.torn}"})

    result = ChannelResult(id=channel_id, kind=kind, target=target, status="assessed",
                           pages_fetched=len({d.url for d in fetched_html}), pages_failed=failed, errors=errors,
                           rendered=sorted({d.url for d in fetched_html if d.rendered}))
    if not fetched_html:
        if walls:
            result.status, result.reason = "inconclusive", "; ".join(walls[:3])
        elif other_types:
            result.status = "inconclusive"
            result.reason = f"no HTML page fetched, only {', '.join(sorted(other_types))}: nothing to assess"
        else:
            result.status = "not-assessed"
            first = next((e["error"] for e in errors), "no page was fetched")
            result.reason = f"nothing could be fetched ({first})"
    elif failed or walls:
        result.status = "partial"
        result.reason = f"{failed + len(walls)} page(s) failed or were walled off"
    return result
