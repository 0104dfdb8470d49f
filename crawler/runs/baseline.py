"""`--since-last`: the earlier scans a firm's new scan is compared with."""

from __future__ import annotations

from crawler.captures.record import ScanRecord
from crawler.config.defaults import COMPARABLE_SETTINGS, HISTORY_DEPTH
from crawler.store.scans import ScanStatus


def earlier_reports(store, record: ScanRecord, this_scan: str, depth: int = HISTORY_DEPTH) -> list[dict]:
    """The firm's earlier complete reports made with the same crawl settings, newest first: each channel is
    compared with the latest that assessed it (reports/since_last.py), so a few are kept in reach for channels
    that were unreachable last time. A quick manual check with a smaller page budget or other visitors is no
    baseline for the scheduled scan: it would make pages it skipped look new."""
    # By slug and by name: a firm whose name the slug rule once spelled differently ("Société" was "soci-t")
    # keeps its history.
    found = {r.id: r for key in (record.firm["slug"], record.firm.get("name", "")) if key for r in store.scans(key)}
    rows = [r for r in sorted(found.values(), key=lambda r: (r.started_at, r.id), reverse=True)
            if r.status == ScanStatus.COMPLETE and r.id != this_scan and r.started_at <= record.started_at]
    reports = []
    for row in rows:
        report = store.report(row.id)
        if report is not None and _same_crawl(report, record):
            reports.append(report)
            if len(reports) == depth:
                break
    return reports


def _same_crawl(report: dict, record: ScanRecord) -> bool:
    scan = report["scan"]
    return scan["visitors"] == record.visitor_countries and all(
        scan["config"].get(k) == record.config.get(k) for k in COMPARABLE_SETTINGS)
