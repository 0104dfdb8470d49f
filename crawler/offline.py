"""`footprint analyze`: rebuild a firm's reports from its capture.warc.gz alone, with no network.

The archive's warcinfo record holds what the scan decided (firm, channels, visitor profiles, configuration); its
response and resource records hold what was seen; its screenshot records the pictures. The same `assess` as the
scan runs on them, so the findings and their ids are the scan's.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from crawler.runs import finish_firm_dir, partial_dir
from crawler.scan import ARCHIVE, FirmOutcome, FirmRun, assess, attach_screenshots, report_for
from crawler.screenshots import file_name
from crawler.targets import FirmTarget, TargetError
from crawler.warc import read_archive
from reports.build import tool_version
from reports.writer import FORMATS, write_reports


def analyze_archive(path: Path, run_dir: Path, formats: tuple[str, ...], firm: FirmTarget | None = None,
                    triage: dict[str, dict] | None = None) -> FirmOutcome:
    """Rebuild the firm's reports into `run_dir/<firm slug>/` (written in a hidden folder, renamed when whole).
    `triage`: reviewers' decisions from the store, applied as in a scan."""
    if not path.is_file():
        raise TargetError(str(path), "(file)", "an existing capture.warc.gz written by `footprint scan`")
    archive = read_archive(path)
    runs = [info for info in archive.info if "plans" in info]
    if not runs:
        raise TargetError(str(path), "warcinfo", "a footprint archive (its warcinfo record names the firm and "
                                                 "channels); this file has none" + (f" ({archive.torn})"
                                                                                      if archive.torn else ""))
    info = runs[0]
    run = FirmRun.from_archive(archive.info)
    if firm is not None:
        run.firm = {"name": firm.name, "home_country": firm.home_country, "slug": firm.slug}
    channels = assess(run, archive)
    out_dir = partial_dir(run_dir, run.firm["slug"])
    shots = {}
    for shot in archive.screenshots:
        relative = file_name(shot["url"], shot["visitor"])
        (out_dir / relative).parent.mkdir(parents=True, exist_ok=True)
        (out_dir / relative).write_bytes(shot["png"])
        shots[(shot["url"], shot["visitor"])] = relative
    attach_screenshots(channels, shots)
    started = info.get("started_at") or (archive.captures[0]["fetched_at"][:19] + "Z" if archive.captures else "")
    finished = max((c["fetched_at"] for c in archive.captures), default=started)[:19] + "Z"
    provenance = {"tool": {"name": "footprint", "version": tool_version()}, "config": run.config,
                  "visitors": run.visitors, "browser": "not used (offline re-analysis of the archive)",
                  "started_at": started, "finished_at": finished, "archive": str(path.name or ARCHIVE)}
    report = report_for(run, channels, started, finished, provenance, triage)
    write_reports(report, out_dir, formats)
    _keep_archive(path, out_dir / ARCHIVE)  # the rebuilt report's evidence sits beside it, as a scan's does
    folder = finish_firm_dir(out_dir, run_dir, run.firm["slug"])
    paths = {fmt: folder / FORMATS[fmt][0] for fmt in formats}
    paths["warc"] = folder / ARCHIVE
    return FirmOutcome(FirmTarget(name=run.firm["name"]), report, paths, scan_id=report["scan"]["id"], folder=folder)


def _keep_archive(source: Path, target: Path) -> None:
    """A hard link where the file system allows it (archives can be large), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
