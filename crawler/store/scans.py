"""Scans over time: one row per scan, its channels and findings, and the report it produced.

A scan is written twice. `begin_scan` records it as `running` (committed at once, with this process's pid and host),
so a scan whose process dies is still visible and `recover_abandoned` can later say so. `complete_scan` writes the
outcome in ONE transaction (the scan row with the report's summary, every channel and every finding; no second copy
of the whole report, crawler/store/stored_report.py): a process killed half-way leaves the scan `running`, never
`complete` with half its rows. `end_scan` records an interruption or a failure but never undoes a completion.

History reads (`scans`, `scan`, `finding`) are what `footprint history` and `diff` show.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from crawler.store.db import Database
from crawler.store.errors import StoreError
from crawler.store.lists import record_checked
from crawler.store.stored_report import INSERT_FINDING, finding_values, report_from_rows, summary
from detectors.timestamps import stamp


class ScanStatus(StrEnum):
    RUNNING = "running"
    COMPLETE = "complete"  # recorded with its channels and findings, in one transaction, once its reports are whole
    INTERRUPTED = "interrupted"  # stopped by a signal; its captures kept
    FAILED = "failed"
    ABANDONED = "abandoned"  # found running, its process gone (a SIGKILL)


END_STATUSES = (ScanStatus.INTERRUPTED, ScanStatus.FAILED)
MIN_PREFIX = 4  # shortest id prefix `scan()` resolves
_COLUMNS = ("id, firm_slug, firm_name, started_at, finished_at, status, level, score, complete, findings, out_dir, "
            "error")
_ORDER = "ORDER BY started_at DESC, id DESC"


@dataclass(frozen=True)
class ScanRow:
    id: str
    firm_slug: str
    firm_name: str
    started_at: str
    finished_at: str  # "" when unknown
    status: str  # running | complete | interrupted | failed | abandoned
    level: str  # the verdict's level (none|low|medium|high|not-assessed), "" until complete
    score: int | None
    complete: bool  # the verdict's "complete": every channel assessed
    findings: int
    out_dir: str
    error: str


def _row(values: tuple) -> ScanRow:
    (scan_id, slug, name, started, finished, status, level, score, complete, findings, out_dir, error) = values
    return ScanRow(id=scan_id, firm_slug=slug, firm_name=name, started_at=started, finished_at=finished or "",
                   status=status, level=level or "", score=None if score is None else int(score),
                   complete=bool(complete), findings=int(findings or 0), out_dir=out_dir or "", error=error or "")


def now() -> str:
    return stamp()


def _int(value: Any) -> int | None:
    return None if value is None else int(round(value))


class ScanRecords:
    """The scan half of `Store` (which provides `_db`)."""

    _db: Database

    def begin_scan(self, scan_id: str, firm_slug: str, firm_name: str, started_at: str, out_dir: str) -> None:
        """Record a scan as `running`, committed at once; StoreError if the id is already recorded."""
        try:
            with self._db.write() as db:
                found = db.one("SELECT pid, host, process, status FROM scans WHERE id = ?", (scan_id,))
                if found is not None and found == _running_here():
                    return  # this process's insert, committed, its answer lost with the connection: tried again
                if found is not None:
                    raise StoreError(f"store {db.location}: scan {scan_id} is already recorded")
                db.execute("INSERT INTO scans (id, firm_slug, firm_name, firm_key, started_at, status, out_dir, pid, "
                           "host, process) VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)",
                           (scan_id, firm_slug, firm_name, firm_name.casefold(), started_at, out_dir,
                            *_running_here()[:3]))
        except self._db.integrity_error as exc:  # recorded by another process between the check and the insert
            raise StoreError(f"store {self._db.location}: scan {scan_id} is already recorded") from exc

    def complete_scan(self, report: dict, out_dir: str) -> None:
        """Record a finished scan from its report.json dict: all of it in one transaction, or nothing.

        The row made by `begin_scan` is completed (or made, if there was none); completing a scan again replaces
        its channels and findings."""
        scan, firm, verdict = report["scan"], report["firm"], report["verdict"]
        scan_id = scan["id"]
        channels = report["channels"]
        total = sum(len(channel["findings"]) for channel in channels)
        with self._db.write() as db:
            values = (firm["slug"], firm["name"], firm["name"].casefold(), scan["started_at"],
                      scan.get("finished_at") or "", verdict["level"], _int(verdict.get("score")),
                      1 if verdict.get("complete") else 0, total, out_dir, summary(report))
            if db.one("SELECT 1 FROM scans WHERE id = ?", (scan_id,)):
                db.execute("UPDATE scans SET firm_slug = ?, firm_name = ?, firm_key = ?, started_at = ?, "
                           "finished_at = ?, status = 'complete', level = ?, score = ?, complete = ?, findings = ?, "
                           "out_dir = ?, error = '', summary = ?, report = NULL WHERE id = ?", (*values, scan_id))
                db.execute("DELETE FROM findings WHERE scan_id = ?", (scan_id,))
                db.execute("DELETE FROM channels WHERE scan_id = ?", (scan_id,))
            else:
                db.execute("INSERT INTO scans (firm_slug, firm_name, firm_key, started_at, finished_at, status, "
                           "level, score, complete, findings, out_dir, summary, error, id, pid, host) "
                           "VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?, ?, '', ?, ?, ?)",
                           (*values, scan_id, os.getpid(), socket.gethostname()))
            seq = 0
            for channel in channels:
                findings = channel["findings"]
                db.execute("INSERT INTO channels (scan_id, channel, kind, status, level, score, reason, findings) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (scan_id, channel["id"], channel["kind"], channel["status"], channel.get("level") or "",
                            _int(channel.get("score")), channel.get("reason") or "", len(findings)))
                for finding in findings:
                    db.execute(INSERT_FINDING, finding_values(scan_id, seq, channel["id"], finding))
                    seq += 1
            record_checked(db, scan_id, report)

    def end_scan(self, scan_id: str, status: str, error: str = "") -> None:
        """Record that a scan stopped without a report ('interrupted' or 'failed'); a completed scan stays so."""
        if status not in END_STATUSES:
            raise ValueError(f"end_scan status {status!r}: expected one of {', '.join(END_STATUSES)}")
        with self._db.write() as db:
            db.execute("UPDATE scans SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status <> 'complete'",
                       (status, error, now(), scan_id))

    def recover_abandoned(self) -> list[str]:
        """Mark `running` scans of this host whose process is gone as `abandoned`; their ids."""
        host = socket.gethostname()
        abandoned = []
        with self._db.write() as db:
            for scan_id, pid, process in db.rows("SELECT id, pid, process FROM scans WHERE status = 'running' "
                                                 "AND host = ? ORDER BY started_at, id", (host,)):
                if pid is not None and _alive(int(pid)) and (not process or process == process_identity(int(pid))):
                    continue  # the very process that began the scan (not a later one given the same pid)
                db.execute("UPDATE scans SET status = 'abandoned', error = ? WHERE id = ? AND status = 'running'",
                           (f"process {pid} on {host} ended without finishing the scan", scan_id))
                abandoned.append(scan_id)
        return abandoned

    def scans(self, firm: str | None = None, limit: int | None = None) -> list[ScanRow]:
        """Recorded scans, newest first; `firm` matches a slug or a name, case-insensitively."""
        if limit is not None and limit < 0:
            raise ValueError(f"limit {limit}: expected a number >= 0")
        sql, params = f"SELECT {_COLUMNS} FROM scans", []
        if firm:
            sql += " WHERE lower(firm_slug) = ? OR firm_key = ?"
            params += [firm.strip().lower(), firm.strip().casefold()]
        sql += f" {_ORDER}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        with self._db.read() as db:
            return [_row(values) for values in db.rows(sql, params)]

    def scan(self, ref: str) -> ScanRow | None:
        """The scan with this id, or the one whose id starts with `ref` (4 characters or more)."""
        ref = ref.strip()
        with self._db.read() as db:
            exact = db.one(f"SELECT {_COLUMNS} FROM scans WHERE id = ?", (ref,))
            if exact or len(ref) < MIN_PREFIX:
                return _row(exact) if exact else None
            rows = db.rows(f"SELECT {_COLUMNS} FROM scans WHERE substr(id, 1, ?) = ? {_ORDER} LIMIT 11",
                           (len(ref), ref))
        if len(rows) > 1:
            ids = ", ".join(values[0] for values in rows[:10]) + (", ..." if len(rows) > 10 else "")
            raise StoreError(f"scan id prefix {ref!r} is ambiguous in store {self._db.location}: it matches {ids}; "
                             f"give more characters")
        return _row(rows[0]) if rows else None

    def report(self, scan_id: str) -> dict | None:
        """The report of a complete scan as recorded: read back from its rows (crawler/store/stored_report.py), or
        the whole copy a scan recorded before report format 2 kept."""
        with self._db.read() as db:
            row = db.one("SELECT report, summary FROM scans WHERE id = ? AND status = 'complete'", (scan_id,))
            if row is None or not (row[0] or row[1]):
                return None
            return json.loads(row[0]) if row[0] else report_from_rows(db, scan_id, row[1])

    def finding(self, finding_id: str) -> dict | None:
        """Where a finding was last seen: {"id", "firm_slug", "channel", "indicator", "url", "scan_id"}. A merged
        finding's id is found in rows written before report format 2 too (their `merged_id`); a register finding
        has channel "register", its check as indicator and no URL or scan."""
        with self._db.read() as db:
            row = db.one("SELECT s.firm_slug, f.channel, f.indicator, f.url, f.scan_id "
                         "FROM findings f JOIN scans s ON s.id = f.scan_id "
                         "WHERE (f.finding_id = ? OR f.merged_id = ?) AND s.status = 'complete' "
                         "ORDER BY s.started_at DESC, s.id DESC, f.seq LIMIT 1", (finding_id, finding_id))
            if row is None:  # a finding of the initiation register (crawler/store/register.py)
                row = db.one("SELECT firm_slug, 'register', check_id, '', '' FROM register_findings "
                             "WHERE finding_id = ? ORDER BY recorded_at DESC LIMIT 1", (finding_id,))
        if row is None:
            return None
        return dict(zip(("id", "firm_slug", "channel", "indicator", "url", "scan_id"), (finding_id, *row),
                        strict=True))


    def finding_ids(self, prefix: str) -> list[str]:
        """The stored finding ids (merged ids too) that begin with `prefix`; at most 11, for an ambiguity message."""
        with self._db.read() as db:
            rows = db.rows("SELECT DISTINCT finding_id FROM findings WHERE substr(finding_id, 1, ?) = ? UNION "
                           "SELECT DISTINCT merged_id FROM findings WHERE substr(merged_id, 1, ?) = ? UNION "
                           "SELECT DISTINCT finding_id FROM register_findings WHERE substr(finding_id, 1, ?) = ? "
                           "LIMIT 11", (len(prefix), prefix, len(prefix), prefix, len(prefix), prefix))
        return sorted(r[0] for r in rows)

    def latest_findings(self, firm: str | None = None) -> list[dict]:
        """The findings of each firm's newest complete scan (only `firm`'s, by slug or name, when given):
        {"id", "firm_slug", "channel", "indicator", "url"}, for triage by indicator, channel or URL; with the
        firm's register findings (channel "register")."""
        sql = ("SELECT f.finding_id, s.firm_slug, f.channel, f.indicator, f.url FROM findings f "
               "JOIN scans s ON s.id = f.scan_id WHERE s.status = 'complete' AND s.id = ("
               "SELECT s2.id FROM scans s2 WHERE s2.firm_slug = s.firm_slug AND s2.status = 'complete' "
               "ORDER BY s2.started_at DESC, s2.id DESC LIMIT 1)")
        params: list = []
        if firm:
            sql += " AND (lower(s.firm_slug) = ? OR s.firm_key = ?)"
            params += [firm.strip().lower(), firm.strip().casefold()]
        # and the firm's initiation-register findings as last reported: channel "register", the check as indicator
        register = "SELECT finding_id, firm_slug, 'register', check_id, '' FROM register_findings"
        if firm:
            register += " WHERE firm_slug IN (SELECT firm_slug FROM scans WHERE lower(firm_slug) = ? OR firm_key = ?)"
        with self._db.read() as db:
            rows = db.rows(sql + " ORDER BY s.firm_slug, f.seq", params)
            rows += db.rows(register + " ORDER BY firm_slug, check_id, member_state, finding_id", params)
        return [dict(zip(("id", "firm_slug", "channel", "indicator", "url"), r, strict=True)) for r in rows]


def _running_here() -> tuple:
    """A scan row's (pid, host, process, status) when this process began it and it is still running."""
    return os.getpid(), socket.gethostname(), process_identity(os.getpid()), ScanStatus.RUNNING.value


def process_identity(pid: int) -> str:
    """Boot id and start time (clock ticks since boot) of a process, from /proc: together with the pid they name
    one process, where the pid alone may be reused. "" where /proc cannot tell (then the pid alone is used)."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
            boot = fh.read().strip()
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            start = fh.read().rsplit(")", 1)[1].split()[19]  # field 22 of stat, counted after the command name
    except (OSError, IndexError):
        return ""
    return f"{boot}:{start}"


def _alive(pid: int) -> bool:
    """Whether a process of this host still runs (a zombie, dead but not yet reaped, does not)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True
