"""Triage: a person's decision on a finding (confirmed, dismissed, or open again), kept across scans.

Decisions are keyed by finding id, which is a fingerprint stable across runs, so a finding dismissed on yesterday's
report stays dismissed on today's. Each decision replaces the current one and is appended to an audit log, in one
transaction: the log says who decided what, when, why, and whether it came from another store.

Decisions travel between stores (a laptop's SQLite, the team's PostgreSQL) as a `footprint.triage/1` JSON file.
An import is checked whole before anything is written, naming the file, the decision and the field at fault, and
then applies only what is newer than the store's own decision, so importing the same file twice, or an old one,
changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from crawler.store.db import Database
from crawler.store.errors import StoreError
from crawler.store.scans import now

SCHEMA = "footprint.triage/1"
STATUSES = ("confirmed", "dismissed", "open")
_REQUIRED = ("finding_id", "status", "reason", "by", "at")
_CONTEXT = ("firm", "channel", "indicator", "url")  # written by export for people reading the file; not imported
_ISO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")


def _instant(at: str) -> datetime | str:
    """An ISO-8601 'Z' time as a comparable value ("...:00Z" and "...:00.5Z" do not compare right as strings)."""
    try:
        return datetime.fromisoformat(at[:-1] + "+00:00")
    except ValueError:
        return at


def _time_problem(at: Any) -> str:
    if not isinstance(at, str) or not _ISO_Z.match(at) or isinstance(_instant(at), str):
        return f"expected an ISO-8601 UTC time like 2026-11-22T02:24:00Z, got {at!r}"
    return ""


class TriageRecords:
    """The triage half of `Store` (which provides `_db` and `finding()`)."""

    _db: Database

    def set_triage(self, finding_id: str, status: str, reason: str, by: str, at: str) -> None:
        """Record a decision on a finding ('open' clears it, and is logged too); ValueError on bad input."""
        if status not in STATUSES:
            raise ValueError(f"triage status {status!r}: expected one of {', '.join(STATUSES)}")
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError("triage reason: expected a non-empty text saying why")
        if not isinstance(finding_id, str) or not finding_id.strip():
            raise ValueError("triage finding id: expected a non-empty finding id")
        problem = _time_problem(at)
        if problem:
            raise ValueError(f"triage time: {problem}")
        with self._db.write() as db:
            _record(db, finding_id, status, reason, by, at, source="")

    def triage(self, finding_ids: Iterable[str] | None = None) -> dict[str, dict]:
        """Current decisions {finding id: {"status", "reason", "by", "at"}}; findings left open are not listed."""
        wanted = None if finding_ids is None else set(finding_ids)
        if wanted is not None and not wanted:
            return {}
        with self._db.read() as db:
            rows = db.rows("SELECT finding_id, status, reason, decided_by, decided_at FROM triage "
                           "WHERE status <> 'open' ORDER BY finding_id")
        return {fid: {"status": status, "reason": reason, "by": by, "at": at}
                for fid, status, reason, by, at in rows if wanted is None or fid in wanted}

    def triage_log(self, finding_id: str) -> list[dict]:
        """Every decision ever recorded on a finding, oldest first; "source" says where an imported one came from."""
        with self._db.read() as db:
            rows = db.rows("SELECT status, reason, decided_by, decided_at, source FROM triage_log "
                           "WHERE finding_id = ? ORDER BY seq", (finding_id,))
        return [{"status": status, "reason": reason, "by": by, "at": at, "source": source}
                for status, reason, by, at, source in rows]

    def export_triage(self) -> dict:
        """Every current decision (re-opened ones included, so the clearing travels too), with where the finding was
        last seen, sorted by finding id."""
        with self._db.read() as db:
            rows = db.rows("SELECT finding_id, status, reason, decided_by, decided_at FROM triage ORDER BY finding_id")
        decisions = []
        for fid, status, reason, by, at in rows:
            seen = self.finding(fid) or {}
            decisions.append({"finding_id": fid, "status": status, "reason": reason, "by": by, "at": at,
                              "firm": seen.get("firm_slug", ""), "channel": seen.get("channel", ""),
                              "indicator": seen.get("indicator", ""), "url": seen.get("url", "")})
        return {"schema": SCHEMA, "decisions": decisions}

    def import_triage(self, data: dict, source: str) -> tuple[int, int]:
        """Apply an exported file's decisions that are newer than this store's; (applied, skipped as not newer).

        Everything is checked first: a problem raises StoreError naming `source`, the decision and the field, and
        nothing is imported."""
        decisions = _validate(data, source)
        applied = skipped = 0
        with self._db.write() as db:
            for decision in decisions:
                current = db.one("SELECT decided_at FROM triage WHERE finding_id = ?", (decision["finding_id"],))
                if current is not None and not _newer(decision["at"], current[0]):
                    skipped += 1
                    continue
                _record(db, decision["finding_id"], decision["status"], decision["reason"], decision["by"],
                        decision["at"], source=source)
                applied += 1
        return applied, skipped


def _newer(at: str, than: str) -> bool:
    a, b = _instant(at), _instant(than)
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a > b
    return at > than


def _record(db: Database, finding_id: str, status: str, reason: str, by: str, at: str, source: str) -> None:
    # The upsert comes first: on PostgreSQL its row lock makes a concurrent decision on the same finding wait, so the
    # log's sequence number below is never taken twice.
    db.execute("INSERT INTO triage (finding_id, status, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?) "
               "ON CONFLICT (finding_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, "
               "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
               (finding_id, status, reason, by, at))
    (seq,) = db.one("SELECT COALESCE(MAX(seq), 0) + 1 FROM triage_log WHERE finding_id = ?", (finding_id,))
    db.execute("INSERT INTO triage_log (finding_id, seq, status, reason, decided_by, decided_at, source, recorded_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (finding_id, int(seq), status, reason, by, at, source, now()))


def _validate(data: Any, source: str) -> list[dict]:
    def fail(where: str, expected: str) -> StoreError:
        return StoreError(f"{source}: {where}: {expected}; nothing was imported")

    if not isinstance(data, dict):
        raise fail("top level", f'expected a JSON object {{"schema": "{SCHEMA}", "decisions": [...]}}, '
                                f"got {type(data).__name__}")
    for key in data:
        if key not in ("schema", "decisions"):
            raise fail(f"key {key!r}", "unknown key: expected only schema and decisions")
    if data.get("schema") != SCHEMA:
        raise fail("schema", f"expected {SCHEMA!r}, got {data.get('schema')!r}")
    decisions = data.get("decisions")
    if not isinstance(decisions, list):
        raise fail("decisions", f"expected a list of decisions, got {type(decisions).__name__}")
    out = []
    for index, decision in enumerate(decisions):
        where = f"decisions[{index}]"
        if not isinstance(decision, dict):
            raise fail(where, f"expected an object with {', '.join(_REQUIRED)}, got {type(decision).__name__}")
        for key in decision:
            if key not in _REQUIRED + _CONTEXT:
                raise fail(f"{where}.{key}", f"unknown field: expected {', '.join(_REQUIRED + _CONTEXT)}")
        for key in _REQUIRED:
            if key not in decision:
                raise fail(f"{where}.{key}", "missing: every decision needs " + ", ".join(_REQUIRED))
        fid, status, reason, by, at = (decision[key] for key in _REQUIRED)
        if not isinstance(fid, str) or not fid.strip():
            raise fail(f"{where}.finding_id", f"expected a non-empty finding id, got {fid!r}")
        if status not in STATUSES:
            raise fail(f"{where}.status", f"expected one of {', '.join(STATUSES)}, got {status!r}")
        if not isinstance(reason, str) or not reason.strip():
            raise fail(f"{where}.reason", f"expected a non-empty text saying why, got {reason!r}")
        if not isinstance(by, str):
            raise fail(f"{where}.by", f"expected who decided, as text, got {by!r}")
        problem = _time_problem(at)
        if problem:
            raise fail(f"{where}.at", problem)
        for key in _CONTEXT:
            if key in decision and not isinstance(decision[key], str):
                raise fail(f"{where}.{key}", f"expected text, got {decision[key]!r}")
        out.append({key: decision[key] for key in _REQUIRED})
    return out
