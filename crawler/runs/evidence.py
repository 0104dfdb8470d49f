"""`footprint evidence pack|verify`: a firm's scan as one file a supervisor can file, and the check that it is
whole (docs/0014-evidence.md).

Pack: the firm folder a scan (or `analyze`) wrote, found by its path or by its scan id in the store, becomes a WACZ
(crawler/captures/wacz.py) holding the WARC, the reports and screenshots, and a manifest with the sha256 of every
file; with a TSA, an RFC 3161 timestamp over the manifest's sha256 (crawler/crawl/timestamp.py).
Verify: every file against the manifest, the manifest against its digest and the timestamp; each mismatch named.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from crawler.captures.wacz import PackContents, check_package, write_package
from crawler.crawl.timestamp import request_timestamp, verify_timestamp
from crawler.runs.report import ARCHIVE
from detectors.inputs import InputError
from detectors.timestamps import parse, stamp
from reports.build import tool_version

REPORT = "report.json"


def firm_folder(source: str, store_spec: str | None = None) -> Path:
    """The folder to pack: `source` itself when it is one, else the folder the store recorded for that scan id."""
    path = Path(source)
    if not path.is_dir():
        from crawler.store import open_store

        with open_store(store_spec, create=False) as store:
            row = store.scan(source)
        if row is None:
            raise InputError(source, "FIRM_FOLDER|SCAN_ID", "a firm folder written by `footprint scan`, or the id "
                                                            "(or a unique prefix) of a scan in the store")
        path = Path(row.out_dir)
        if not row.out_dir or not path.is_dir():
            raise InputError(source, "out_dir", f"the scan's folder, which the store records as {row.out_dir!r}: "
                                                "it is not there any more")
    for needed in (ARCHIVE, REPORT):
        if not (path / needed).is_file():
            raise InputError(str(path), needed, "a firm folder written by `footprint scan` or `analyze`, with its "
                                                f"{needed}")
    return path


def pack(folder: Path, out: Path, tsa: str = "") -> tuple[str, int]:
    """Write the pack; returns the manifest's sha256 and how many files it lists."""
    report = json.loads((folder / REPORT).read_text(encoding="utf-8"))
    extras = {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*"))
              if p.is_file() and p.name != ARCHIVE and not p.name.startswith(".")}
    finished = parse(report["scan"]["finished_at"])
    contents = PackContents(
        warc=folder / ARCHIVE, extras=extras, pages=_pages(report),
        title=f"footprint evidence: {report['firm']['name']}, scan {report['scan']['id']}",
        created=stamp(), software=f"footprint {tool_version()}",
        date_time=(max(finished.year, 1980), finished.month, finished.day, finished.hour, finished.minute,
                   finished.second))
    manifest_hash = write_package(out, contents, (lambda manifest: request_timestamp(tsa, manifest)) if tsa
                                  else None, tsa)
    return manifest_hash, 3 + len(extras)


def _pages(report: dict) -> list[dict]:
    """Each page a finding points at, once, first seen first: the replay's entry points."""
    seen: dict[str, str] = {}
    for channel in report["channels"]:
        for finding in channel["findings"]:
            url = finding["url"]
            if url.startswith(("http://", "https://")):
                seen[url] = min(seen.get(url, finding["fetched_at"]), finding["fetched_at"])
    return [{"url": url, "ts": ts} for url, ts in sorted(seen.items(), key=lambda kv: (kv[1], kv[0]))]


@dataclass
class Verdict:
    problems: list[str] = field(default_factory=list)  # each names the file (or the timestamp) that does not match
    checked: int = 0
    timestamp: str = ""  # what the timestamp check found; "" when the pack has none


def verify(path: Path, roots: list | None = None) -> Verdict:
    """Check a pack. Raises NotAPackage (crawler/captures/wacz.py) for a file that is no pack at all."""
    found = check_package(path)
    verdict = Verdict(problems=list(found.problems), checked=found.checked)
    if found.timestamp:
        result = verify_timestamp(found.timestamp, hashlib.sha256(found.manifest).digest(), roots or [])
        verdict.timestamp = result.message
        if not result.ok:
            verdict.problems.append(f"timestamp.tsr: the timestamp does not verify over datapackage.json: "
                                    f"{result.message}")
    return verdict
