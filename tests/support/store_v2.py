"""A store as footprint wrote it before report format 2 (schema version 2, commit dab3163): the first two migration
files as shipped, and the rows written the way that version's `complete_scan` and `set_triage` wrote them (their
SQL copied here, since the code itself has moved on). Opening it with today's `open_store` must migrate it."""

from __future__ import annotations

import json

from crawler.store.db import connect
from crawler.store.migrate import CREATE_TABLE, available, statements

RECORDED_AT = "2026-11-22T05:00:00Z"


def write_version_2_store(spec: str, report: dict, decisions: list[tuple[str, str, str, str]]) -> None:
    """A store at schema version 2 holding `report` (format 1) as a complete scan, and triage `decisions`
    (finding id, status, reason, decided_at), each logged."""
    db = connect(spec)
    try:
        with db.write():
            _migrate_to(db, 2)
            _complete_scan(db, report)
            for finding_id, status, reason, at in decisions:
                db.execute("INSERT INTO triage (finding_id, status, reason, decided_by, decided_at) "
                           "VALUES (?, ?, ?, ?, ?)", (finding_id, status, reason, "reviewer", at))
                db.execute("INSERT INTO triage_log (finding_id, seq, status, reason, decided_by, decided_at, source, "
                           "recorded_at) VALUES (?, 1, ?, ?, ?, ?, '', ?)",
                           (finding_id, status, reason, "reviewer", at, RECORDED_AT))
    finally:
        db.close()


def store_at_version(spec: str, version: int) -> None:
    """An empty store with only the first `version` migrations applied, as that release left it."""
    db = connect(spec)
    try:
        with db.write():
            _migrate_to(db, version)
    finally:
        db.close()


def _migrate_to(db, version: int) -> None:
    db.execute(CREATE_TABLE)
    for migration in available()[:version]:
        for statement in statements(migration.sql):
            db.execute(statement)
        db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                   (migration.version, migration.name, RECORDED_AT))


def _complete_scan(db, report: dict) -> None:
    scan, firm, verdict = report["scan"], report["firm"], report["verdict"]
    total = sum(len(channel["findings"]) for channel in report["channels"])
    db.execute("INSERT INTO scans (firm_slug, firm_name, firm_key, started_at, finished_at, status, level, score, "
               "complete, findings, out_dir, report, error, id, pid, host) "
               "VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?, ?, '', ?, ?, ?)",
               (firm["slug"], firm["name"], firm["name"].casefold(), scan["started_at"], scan["finished_at"],
                verdict["level"], verdict.get("score"), 1 if verdict.get("complete") else 0, total, "out",
                json.dumps(report, ensure_ascii=False, sort_keys=True), scan["id"], 1, "host"))
    seq = 0
    for channel in report["channels"]:
        db.execute("INSERT INTO channels (scan_id, channel, kind, status, level, score, reason, findings) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (scan["id"], channel["id"], channel["kind"], channel["status"], channel.get("level") or "",
                    channel.get("score"), channel.get("reason") or "", len(channel["findings"])))
        for finding in channel["findings"]:
            evidence = finding["evidence"]
            db.execute("INSERT INTO findings (scan_id, seq, channel, finding_id, indicator, strength, confidence, "
                       "member_states, url, value, snippet, locator, body_sha256) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (scan["id"], seq, channel["id"], finding["id"], finding["indicator"], finding["strength"],
                        finding["confidence"], ",".join(finding["member_states"]), finding["url"],
                        evidence["value"], evidence["snippet"], evidence["locator"], finding["body_sha256"]))
            seq += 1
