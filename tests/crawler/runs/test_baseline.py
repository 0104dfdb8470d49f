"""crawler/runs/baseline.py: the earlier scans a new scan is compared with (--since-last)."""

from __future__ import annotations

from crawler.captures.record import ScanRecord
from crawler.runs.baseline import earlier_reports
from crawler.store.scans import ScanRow, ScanStatus


class FakeStore:
    """The two reads earlier_reports makes: scans by slug or name (as Store.scans matches), and a scan's report."""

    def __init__(self, rows: list[ScanRow], config: dict):
        self.rows, self.config = rows, config

    def scans(self, firm: str) -> list[ScanRow]:
        key = firm.strip().casefold()
        found = [r for r in self.rows if r.firm_slug.lower() == key or r.firm_name.casefold() == key]
        return sorted(found, key=lambda r: (r.started_at, r.id), reverse=True)

    def report(self, scan_id: str) -> dict:
        return {"scan": {"id": scan_id, "visitors": [], "config": self.config}}


def _row(scan_id: str, slug: str, name: str, started: str, status: str = ScanStatus.COMPLETE) -> ScanRow:
    return ScanRow(id=scan_id, firm_slug=slug, firm_name=name, started_at=started, finished_at=started,
                   status=status, level="low", score=10, complete=True, findings=1, out_dir="", error="")


def test_a_firm_whose_slug_rule_changed_keeps_its_history_found_by_name():
    name = "Société Générale"
    rows = [_row("old1", "soci-t-g-n-rale", name, "2026-01-01T00:00:00Z"),  # before names were transliterated
            _row("new1", "societe-generale", name, "2026-02-01T00:00:00Z"),
            _row("other", "societe-generale-2", "Another Firm", "2026-02-02T00:00:00Z"),  # near miss: not this firm
            _row("failed", "societe-generale", name, "2026-02-03T00:00:00Z", ScanStatus.FAILED)]
    record = ScanRecord(firm={"name": name, "slug": "societe-generale"}, plans=[], visitors=[], config={},
                        started_at="2026-03-01T00:00:00Z")
    found = earlier_reports(FakeStore(rows, {}), record, this_scan="now")
    assert [r["scan"]["id"] for r in found] == ["new1", "old1"]  # newest first, each once
