"""What the store keeps of a report, and the report read back from it.

Format 2 stores no second copy of the whole report.json (at 20,000 pages that copy was most of the store): the
report's small parts (schema, tool, firm, scan, verdict, errors) go into `scans.summary` as JSON, each channel into a
`channels` row and each finding into a `findings` row with every field `diff` and `--since-last` compare. Reading a
scan back joins them into a report.json-shaped dict holding those parts (not the channels' pages, indicators or
notes: see the report file for those). Scans recorded before keep their stored copy, which is read as it is.
"""

from __future__ import annotations

import json

from crawler.store.db import Database

SUMMARY_KEYS = ("schema", "tool", "firm", "scan", "verdict", "errors")
FINDING_COLUMNS = ("scan_id", "seq", "channel", "finding_id", "indicator", "strength", "confidence", "member_states",
                   "url", "value", "snippet", "locator", "body_sha256", "merged_id", "fetched_at", "record_id",
                   "legal_ref", "visitors", "pages", "seen_on", "first_seen", "last_seen", "triage", "screenshot",
                   "is_new")
INSERT_FINDING = (f"INSERT INTO findings ({', '.join(FINDING_COLUMNS)}) "
                  f"VALUES ({', '.join('?' for _ in FINDING_COLUMNS)})")
_READ = ("finding_id, indicator, strength, confidence, member_states, url, value, snippet, locator, body_sha256, "
         "fetched_at, record_id, legal_ref, visitors, pages, seen_on, first_seen, last_seen, triage, screenshot, "
         "is_new")


def summary(report: dict) -> str:
    return json.dumps({k: report[k] for k in SUMMARY_KEYS if k in report}, ensure_ascii=False, sort_keys=True)


def finding_values(scan_id: str, seq: int, channel_id: str, finding: dict) -> tuple:
    """A finding of report.json as its row's values, in FINDING_COLUMNS' order."""
    evidence = finding["evidence"]
    merged = finding["id"] if finding.get("seen_on") else ""  # a fact merged over pages; '' for one item
    return (scan_id, seq, channel_id, finding["id"], finding["indicator"], finding.get("strength") or "",
            finding.get("confidence"), _joined(finding.get("member_states")), finding["url"],
            str(evidence.get("value") or ""), evidence.get("snippet") or "", evidence.get("locator") or "",
            finding.get("body_sha256") or "", merged, finding.get("fetched_at") or "", finding.get("record_id") or "",
            finding.get("legal_ref") or "", _joined(finding.get("visitors")), int(finding.get("pages", 1)),
            json.dumps(finding.get("seen_on", []), ensure_ascii=False, sort_keys=True),
            finding.get("first_seen") or "", finding.get("last_seen") or "",
            json.dumps(finding["triage"], ensure_ascii=False, sort_keys=True) if finding.get("triage") else "",
            finding.get("screenshot") or "", None if "new" not in finding else int(bool(finding["new"])))


def report_from_rows(db: Database, scan_id: str, stored: str) -> dict:
    """The report of a complete scan from its rows (`stored`: its scans.summary)."""
    report = json.loads(stored)
    channels = []
    for channel, kind, status, level, score, reason in db.rows(
            "SELECT channel, kind, status, level, score, reason FROM channels WHERE scan_id = ? ORDER BY channel",
            (scan_id,)):
        rows = db.rows(f"SELECT {_READ} FROM findings WHERE scan_id = ? AND channel = ? ORDER BY seq",
                       (scan_id, channel))
        channels.append({"id": channel, "kind": kind, "status": status, "level": level or None,
                         "score": None if score is None else int(score), "reason": reason,
                         "findings": [_finding(channel, row) for row in rows]})
    return {**report, "channels": channels}


def _finding(channel: str, row: tuple) -> dict:
    (fid, indicator, strength, confidence, states, url, value, snippet, locator, body, fetched, record, legal,
     visitors, pages, seen_on, first_seen, last_seen, triage, screenshot, new) = row
    finding = {"id": fid, "indicator": indicator, "channel": channel, "url": url, "fetched_at": fetched,
               "body_sha256": body, "confidence": confidence, "member_states": _split(states),
               "evidence": {"value": value, "snippet": snippet, "locator": locator}, "legal_ref": legal,
               "strength": strength, "visitors": _split(visitors), "record_id": record, "pages": int(pages),
               "seen_on": json.loads(seen_on or "[]"), "first_seen": first_seen, "last_seen": last_seen,
               "screenshot": screenshot}
    if triage:
        finding["triage"] = json.loads(triage)
    if new is not None:
        finding["new"] = bool(new)
    return finding


def _joined(values) -> str:
    return ",".join(values or ())


def _split(joined: str) -> list[str]:
    return joined.split(",") if joined else []
