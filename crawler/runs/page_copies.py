"""The archived copies beside report.html: for each captured page a finding's evidence is in, a script-free copy
with that finding's matched text highlighted (crawler/captures/page_copy.py), written to `pages/<hash>.html` in the
firm's folder. report.html links each finding to `pages/<hash>.html#m-<finding id>`, a file beside it: no server,
no network. `footprint view FOLDER` serves the same copies (crawler/runs/view.py).

The records findings point at are read once more, each alone where the judge noted where it begins, else the whole
archive record by record, keeping only the bodies findings point at. Copies are bounded
per channel (ARCHIVED_COPIES_PER_CHANNEL): past it a finding has no saved copy and `footprint view` still serves it.
"""

from __future__ import annotations

from pathlib import Path

from crawler.captures.page_copy import Capture, copy_name, is_html, safe_copy
from crawler.captures.stream import ArchiveStream
from crawler.config.defaults import ARCHIVED_COPIES_PER_CHANNEL
from detectors.model import ChannelResult, Finding
from reports.evidence_view import marked
from reports.writer import atomic_write


def mark_text(snippet: str, value: str) -> str:
    """What of a finding to highlight on its page: the value as the snippet shows it, else the value itself."""
    _, match, _ = marked(snippet, value)
    return match or value


def finding_marks(findings: list[dict]) -> list[tuple[str, str]]:
    """(anchor id, text) per finding, as report.json holds them; the anchor is what report.html links to."""
    return [(f"m-{f['id']}", mark_text(f["evidence"]["snippet"], f["evidence"]["value"])) for f in findings]


def _wanted(channels: list[ChannelResult]) -> dict[str, list[Finding]]:
    """record id -> the findings whose evidence it holds, at most ARCHIVED_COPIES_PER_CHANNEL records a channel."""
    wanted: dict[str, list[Finding]] = {}
    for channel in channels:
        records: set[str] = set()
        for finding in channel.findings:
            rid = finding.record_id
            if not rid or (rid not in records and len(records) >= ARCHIVED_COPIES_PER_CHANNEL):
                continue
            records.add(rid)
            wanted.setdefault(rid, []).append(finding)
    return wanted


def write_page_copies(archive: Path, channels: list[ChannelResult], out_dir: Path,
                      offsets: dict[str, int] | None = None) -> dict[str, str]:
    """Write the copies into out_dir/pages/; returns record id -> the copy's path relative to out_dir. Records
    that are not HTML (a JSON lookup, a supplied export) get no copy. `offsets`: where each capture's record begins
    in the archive, as the judge read it: then only the records wanted are read, else the whole archive."""
    wanted = _wanted(channels)
    written: dict[str, str] = {}
    if not wanted or not archive.is_file():
        return written
    for entry in _records(archive, wanted, offsets or {}):
        rid = entry.get("record_id") or ""
        body = entry.get("body")
        if rid not in wanted or rid in written or not body or not is_html(entry.get("content_type") or "", body):
            continue
        findings = [f.to_dict() for f in wanted[rid]]
        page = safe_copy(body, entry.get("content_type") or "", Capture(entry["url"], entry["fetched_at"], rid),
                         finding_marks(findings))
        name = copy_name(entry["url"], entry.get("visitor") or "", body)
        (out_dir / "pages").mkdir(parents=True, exist_ok=True)
        atomic_write(out_dir / name, page)
        written[rid] = name
    return written


def _records(archive: Path, wanted: dict[str, list[Finding]], offsets: dict[str, int]):
    """The captures of the records wanted: each read alone where its offset is known, else the archive's."""
    with ArchiveStream(archive) as stream:
        if all(rid in offsets for rid in wanted):
            for offset in sorted({offsets[rid] for rid in wanted}):
                entry = stream.entry_at(offset)
                if entry is not None and entry[0] == "capture":
                    yield entry[1]
            return
        yield from (entry for kind, entry in stream.entries(final=True) if kind == "capture")
