"""The register's half of the store: imports of onboarding and services files (pseudonymous rows only), and a
firm's finding history as the register reads it (every complete scan with its findings).

An import is identified by the firm, the file's sha256 and the key's fingerprint: importing the same file again
under the same key records nothing new.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

from crawler.store.db import Database
from detectors.register.history import ScanPoint, Sighting
from detectors.timestamps import parse, stamp


class RegisterRecords:
    """Provided by `Store` (which provides `_db`)."""

    _db: Database

    def save_import(self, firm_slug: str, kind: str, imported, key_id: str) -> tuple[str, bool]:
        """Record an import (`crawler.register.csv_import.Imported`) with its rows; (its id, whether it is new)."""
        import_id = hashlib.sha256("\x1f".join((firm_slug, kind, imported.sha256, key_id)).encode()).hexdigest()[:16]
        problems = json.dumps([{"line": p.line, "field": p.field, "expected": p.expected} for p in imported.problems],
                              ensure_ascii=False, sort_keys=True)
        with self._db.write() as db:
            if db.one("SELECT 1 FROM register_imports WHERE id = ?", (import_id,)):
                return import_id, False
            db.execute("INSERT INTO register_imports (id, firm_slug, kind, file_name, file_sha256, key_id, "
                       "imported_at, rows_read, rows_kept, problems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (import_id, firm_slug, kind, Path(imported.file).name, imported.sha256, key_id, stamp(),
                        imported.read, len(imported.rows), problems))
            for row in imported.rows:
                fields = {k: _plain(v) for k, v in asdict(row).items() if k not in ("client", "line")}
                db.execute("INSERT INTO register_rows (import_id, line, client_hash, fields) VALUES (?, ?, ?, ?)",
                           (import_id, row.line, getattr(row, "client", ""),  # '' for an ad platform's row
                            json.dumps(fields, ensure_ascii=False, sort_keys=True)))
        return import_id, True

    def finding_history(self, firm_slug: str) -> list[tuple[ScanPoint, list[Sighting]]]:
        """Every complete scan of the firm, oldest first, with the findings it recorded."""
        with self._db.read() as db:
            scans = db.rows("SELECT id, started_at, out_dir FROM scans WHERE firm_slug = ? AND status = 'complete' "
                            "ORDER BY started_at, id", (firm_slug,))
            history = []
            for scan_id, started_at, out_dir in scans:
                rows = db.rows("SELECT finding_id, indicator, channel, member_states, url, value, record_id, "
                               "body_sha256, screenshot FROM findings WHERE scan_id = ? ORDER BY seq", (scan_id,))
                sightings = [Sighting(fid, indicator, channel, tuple(states.split(",")) if states else (), url,
                                      value, record, body, shot)
                             for fid, indicator, channel, states, url, value, record, body, shot in rows]
                history.append((ScanPoint(scan_id, parse(started_at), out_dir or ""), sightings))
        return history

    def record_register_findings(self, firm_slug: str, findings: list[dict]) -> None:
        """Replace the firm's register findings with this run's (ids, checks, states, client counts)."""
        with self._db.write() as db:
            db.execute("DELETE FROM register_findings WHERE firm_slug = ?", (firm_slug,))
            for f in findings:
                db.execute("INSERT INTO register_findings (finding_id, firm_slug, check_id, member_state, clients, "
                           "recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                           (f["id"], firm_slug, f["check"], f["member_state"], f["clients"], stamp()))


    def save_register_run(self, firm_slug: str, checked_at: str, html_path: str, summary: dict) -> None:
        """Keep this run's aggregate summary as the firm's latest register check (replacing the previous one)."""
        with self._db.write() as db:
            db.execute("DELETE FROM register_runs WHERE firm_slug = ?", (firm_slug,))
            db.execute("INSERT INTO register_runs (firm_slug, checked_at, html_path, summary) VALUES (?, ?, ?, ?)",
                       (firm_slug, checked_at, html_path, json.dumps(summary, ensure_ascii=False, sort_keys=True)))

    def latest_register_run(self, firm_slug: str) -> dict | None:
        """The firm's latest register check as saved ({"checked_at", "html_path", "summary"}), or None."""
        with self._db.read() as db:
            row = db.one("SELECT checked_at, html_path, summary FROM register_runs WHERE firm_slug = ?",
                         (firm_slug,))
        if row is None:
            return None
        return {"checked_at": row[0], "html_path": row[1], "summary": json.loads(row[2])}


def _plain(value):
    if isinstance(value, datetime):
        return stamp(value)
    if isinstance(value, date):  # a first-party export's day
        return value.isoformat()
    return value

