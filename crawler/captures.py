"""Reading captures back: documents for the detectors, and what each channel's fetches say about its status.

A channel is `assessed` when HTML pages were fetched and nothing failed, `partial` when some pages failed,
`inconclusive` when what came back cannot be judged (only non-HTML content, or a bot or login wall), and
`not-assessed` when nothing could be fetched at all. Never "low risk" for want of evidence.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path

from detectors.document import build_document
from detectors.model import ChannelResult, Document
from detectors.walls import wall_kind


class CaptureFileError(ValueError):
    pass


@dataclass
class ChannelCaptures:
    documents: list[Document] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    corrupt_lines: list[int] = field(default_factory=list)


def read_captures(path: Path) -> ChannelCaptures:
    """Parse a capture file; a truncated or corrupt line (a crawl killed mid-write) is skipped and reported."""
    out = ChannelCaptures()
    if not path.exists():
        return out
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                out.corrupt_lines.append(number)
                continue
            out.records.append(record)
            if record.get("body_b64") is not None and record.get("status") is not None:
                out.documents.append(document_from_record(record))
    return out


def document_from_record(record: dict) -> Document:
    return build_document(
        channel=record["channel"], requested_url=record["requested_url"], url=record["url"],
        status=int(record["status"]), fetched_at=record["fetched_at"],
        content_type=record.get("content_type", ""), body=base64.b64decode(record["body_b64"]),
    )


def channel_result(channel_id: str, kind: str, target: str, captures: ChannelCaptures) -> ChannelResult:
    errors: list[dict] = []
    fetched_html: list[Document] = []
    other_types: set[str] = set()
    failed = 0
    walls: list[str] = []
    for record in captures.records:
        if record.get("optional"):
            continue  # sitemap probes: a site without a sitemap.xml is not a failure
        if record.get("skipped"):
            errors.append({"url": record["url"], "error": record.get("error", "skipped")})
            continue
        status = record.get("status")
        if status is None or status >= 400:
            failed += 1
            errors.append({"url": record["url"], "error": record.get("error") or f"HTTP {status}"})
    for doc in captures.documents:
        if doc.status >= 400:
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
    for number in captures.corrupt_lines:
        errors.append({"url": "", "error": f"capture file line {number} is corrupt (crawl interrupted?)"})

    result = ChannelResult(id=channel_id, kind=kind, target=target, status="assessed",
                           pages_fetched=len(fetched_html), pages_failed=failed, errors=errors)
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
