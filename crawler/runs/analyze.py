"""`footprint analyze`: rebuild a firm's reports from its capture.warc.gz alone, with no network.

The archive's warcinfo record holds what the scan decided (firm, channels, visitor profiles, configuration); its
response and resource records hold what was seen; its screenshot records the pictures. The same judging as the
scan's runs on them, so the findings and their ids are the scan's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from crawler.captures.feed import ArchiveJudgement
from crawler.config.limits import slugify
from crawler.config.profiles import FirmTarget
from crawler.crawl.screenshots import file_name
from crawler.runs.firm import FirmOutcome
from crawler.runs.folders import finish_firm_dir, partial_dir
from crawler.runs.page_copies import write_page_copies
from crawler.runs.pdf import report_files, write_report_files
from crawler.runs.report import ARCHIVE, attach_screenshots, provenance, report_for
from crawler.runs.shot_marks import write_marks
from detectors.inputs import InputError

OFFLINE = "not used (offline re-analysis of the archive)"


def analyze_archive(path: Path, run_dir: Path, formats: tuple[str, ...], firm: FirmTarget | None = None,
                    triage: dict[str, dict] | None = None, validate: bool = False) -> FirmOutcome:
    """Rebuild the firm's reports into `run_dir/<firm slug>/` (written in a hidden folder, renamed when whole).
    `triage`: reviewers' decisions from the store, applied as in a scan; `validate`: --validate. The archive is
    read once, record by record: pages are judged and screenshots written out as they come."""
    if not path.is_file():
        raise InputError(str(path), "(file)", "an existing capture.warc.gz written by `footprint scan`")
    screenshots = _Screenshots()
    with ArchiveJudgement(path, on_screenshot=screenshots.keep) as judged:
        judged.take_new(final=True)
        record = judged.record
        if record is None:
            torn = judged.stream.torn
            raise InputError(str(path), "warcinfo", "a footprint archive (its warcinfo record names the firm and "
                                                    "channels); this file has none" + (f" ({torn})" if torn else ""))
        channels = judged.finish()
    if firm is not None:
        record.firm = {"name": firm.name, "home_country": firm.home_country, "slug": firm.slug}
    # The archive may come from anywhere: its slug becomes a folder name, so it is made one (a slug stays itself).
    record.firm["slug"] = slugify(record.firm.get("slug") or record.firm.get("name") or "")
    out_dir = partial_dir(run_dir, record.firm["slug"])
    attach_screenshots(channels, screenshots.write(out_dir))
    marks = write_marks(channels, screenshots.boxes, out_dir)  # the scan's boxes, from the archive
    if not record.started_at and judged.first_fetched:
        record.started_at = judged.first_fetched[:19] + "Z"
    finished = (judged.last_fetched or record.started_at)[:19] + "Z"
    copies = write_page_copies(path, channels, out_dir, judged.offsets)
    report = report_for(record, channels, finished,
                        provenance(record, OFFLINE, finished, judged.navigation, channels, path.name or ARCHIVE),
                        triage, validate=validate, archived_copies=copies, shot_marks=marks)
    write_report_files(report, out_dir, formats)
    _keep_archive(path, out_dir / ARCHIVE)  # the rebuilt report's evidence sits beside it, as a scan's does
    folder = finish_firm_dir(out_dir, run_dir, record.firm["slug"])
    paths = report_files(folder, formats)
    paths["warc"] = folder / ARCHIVE
    return FirmOutcome(FirmTarget(name=record.firm["name"]), report, paths, scan_id=report["scan"]["id"],
                       folder=folder)


class _Screenshots:
    """The archive's screenshots, spooled to a temporary file as they are read (the firm's folder is known only
    once the whole archive is), then written beside the report."""

    def __init__(self):
        self.spool = tempfile.TemporaryFile()
        self.kept: list[tuple[str, str, int]] = []  # (url, visitor, length) in spool order
        self.boxes: dict[tuple[str, str], dict] = {}  # the element boxes measured on each

    def keep(self, shot: dict) -> None:
        self.spool.write(shot["png"])
        self.kept.append((shot["url"], shot["visitor"], len(shot["png"])))
        self.boxes[(shot["url"], shot["visitor"])] = shot.get("boxes") or {}

    def write(self, out_dir: Path) -> dict[tuple[str, str], str]:
        shots = {}
        self.spool.seek(0)
        with self.spool:
            for url, visitor, length in self.kept:
                relative = file_name(url, visitor)
                (out_dir / relative).parent.mkdir(parents=True, exist_ok=True)
                (out_dir / relative).write_bytes(self.spool.read(length))
                shots[(url, visitor)] = relative
        return shots


def _keep_archive(source: Path, target: Path) -> None:
    """A hard link where the file system allows it (archives can be large), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
