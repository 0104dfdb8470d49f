"""From judged channels to a firm's report: scored (detectors/assessment.py), written out (reports/build.py),
compared with earlier scans when asked (--since-last), checked against its own schema when asked (--validate)."""

from __future__ import annotations

from dataclasses import replace

from crawler.captures.provenance import Navigation, provenance_block
from crawler.captures.record import ScanRecord
from crawler.runs.member_state import add_list_hits, jurisdiction_section, warning_lists_section
from detectors.assessment import assess
from detectors.model import ChannelResult
from reports.build import build_report, tool_version
from reports.since_last import mark_since_last
from reports.validate import validate_report

ARCHIVE = "capture.warc.gz"


def attach_screenshots(channels: list[ChannelResult], shots: dict[tuple[str, str], str]) -> None:
    """Point each finding at the screenshot of its page as the first visitor that saw it."""
    for channel in channels:
        channel.findings = [replace(f, screenshot=shots.get((f.url, (f.visitors or ("",))[0]), ""))
                            for f in channel.findings]


def provenance(record: ScanRecord, browser: str, finished: str, navigation: Navigation,
               channels: list[ChannelResult], archive: str = ARCHIVE) -> dict:
    """The report's provenance: tool, configuration, times, and (crawler/captures/provenance.py) the vantage
    point, browser profile, machine and each evidence page's navigation path, from the archive's records."""
    evidence_pages = [(c.id, visitor, f.url, f.record_id) for c in channels for f in c.findings
                      if not f.url.startswith("file:") for visitor in f.visitors or ("",)]
    return {"tool": {"name": "footprint", "version": tool_version()}, "config": record.config,
            "visitors": record.visitors, "browser": browser, "started_at": record.started_at,
            "finished_at": finished, "archive": archive,
            **provenance_block(record.provenance, navigation, evidence_pages)}


def report_for(record: ScanRecord, channels: list[ChannelResult], finished: str, provenance: dict,
               triage: dict[str, dict] | None = None, history: list[dict] | None = None,
               validate: bool = False, archived_copies: dict[str, str] | None = None,
               shot_marks: dict[str, str] | None = None, register: dict | None = None) -> dict:
    """The report. `triage`: reviewers' decisions by finding id; `history`: the firm's earlier complete reports,
    newest first, when `--since-last` asks what is new (None: not asked); `validate` (--validate, and every test
    run): checked against its schema first; `archived_copies`: record id -> its saved copy beside the report
    (crawler/runs/page_copies.py), set on each finding as `archived_copy`; `shot_marks`: finding id -> its element
    marked on its screenshot, "" where not located (crawler/runs/shot_marks.py), set as `screenshot_mark`;
    `register`: the aggregate of the firm's latest `register check` from the store (None: no section)."""
    visitors = record.visitor_countries
    add_list_hits(record, channels)
    report = build_report(assess(channels, visitors, triage), firm=record.firm, started_at=record.started_at,
                          finished_at=finished, visitors=visitors, config=record.config, provenance=provenance,
                          triage=triage, scan_nonce=record.nonce, crawl_limits=record.crawl_limits)
    if record.warning_lists:
        report["warning_lists"] = warning_lists_section(record, report)
    if record.config.get("jurisdiction"):
        report["jurisdiction"] = jurisdiction_section(report, record.config["jurisdiction"])
    if register is not None:
        report["register"] = register
    for finding in (f for c in report["channels"] for f in c["findings"]):
        if finding["record_id"] in (archived_copies or {}):
            finding["archived_copy"] = archived_copies[finding["record_id"]]
        if finding["id"] in (shot_marks or {}) and finding.get("screenshot"):
            finding["screenshot_mark"] = shot_marks[finding["id"]]
    if history is not None:
        report = mark_since_last(report, history)
    problems = validate_report(report) if validate else []
    if problems:  # a report that breaks its own schema is our bug: fail loudly rather than write it
        raise RuntimeError(f"report for {record.firm['name']!r} does not match its schema: {problems[:3]}")
    return report
