"""Triage: a person's decision on a finding (confirmed, dismissed, or open again), kept across scans.

Decisions are keyed by finding id, which is a fingerprint stable across runs, so a finding dismissed on yesterday's
report stays dismissed on today's. Each decision replaces the current one and is appended to an audit log, in one
transaction: the log says who decided what, when, why, and whether it came from another store.

Decisions travel between stores (a laptop's SQLite, the team's PostgreSQL) as a `footprint.triage/1` JSON file
(crawler/config/schema/triage-import.schema.json). An import is checked whole before anything is written, by the one
input loader (detectors.inputs) and then for what only code can check (that each time exists on the calendar),
naming the file, the decision and the field at fault; it then applies only what is newer than the store's own
decision, so importing the same file twice, or an old one, changes nothing. A decision made here (`set_triage`) is
checked against the same schema's `decision`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from crawler.store.db import Database
from crawler.store.errors import StoreError
from crawler.store.scans import now
from detectors.inputs import InputError, schema, shown, validated
from detectors.model import TriageStatus

SCHEMA = "footprint.triage/1"
IMPORT_SCHEMA = "triage-import"  # crawler/config/schema/triage-import.schema.json
_IMPORTED = ("finding_id", "status", "reason", "by", "at")  # a decision's other fields are for people reading it


def _instant(at: str) -> datetime | str:
    """An ISO-8601 'Z' time as a comparable value ("...:00Z" and "...:00.5Z" do not compare right as strings)."""
    try:
        return datetime.fromisoformat(at[:-1] + "+00:00")
    except ValueError:
        return at


def _import_schema() -> Draft202012Validator:
    return schema("crawler.config", IMPORT_SCHEMA)


@cache
def _decision_schema() -> Draft202012Validator:
    """The import schema's `decision`, for one decision on its own."""
    return Draft202012Validator({"$defs": _import_schema().schema["$defs"], "$ref": "#/$defs/decision"})


def _checked_time(source: str, where: str, at: str) -> None:
    """What the schema cannot say: that a time of the right shape exists on the calendar (not 2026-02-30)."""
    if isinstance(_instant(at), str):
        raise InputError(source, where, f"an ISO-8601 UTC time like 2026-11-22T02:24:00Z, got {shown(at)}")


class TriageRecords:
    """The triage half of `Store` (which provides `_db` and `finding()`)."""

    _db: Database

    def set_triage(self, finding_id: str, status: str, reason: str, by: str, at: str) -> None:
        """Record a decision on a finding ('open' clears it, and is logged too); InputError (a ValueError) on bad
        input, naming the field."""
        decision = {"finding_id": finding_id, "status": status, "reason": reason, "by": by, "at": at}
        validated(decision, _decision_schema(), "triage decision")
        _checked_time("triage decision", "at", at)
        with self._db.write() as db:
            _record(db, finding_id, status, reason, by, at, source="")
            carry_over(db, [finding_id])

    def triage(self, finding_ids: Iterable[str] | None = None) -> dict[str, dict]:
        """Current decisions {finding id: {"status", "reason", "by", "at"}}; findings left open are not listed."""
        wanted = None if finding_ids is None else set(finding_ids)
        if wanted is not None and not wanted:
            return {}
        with self._db.read() as db:
            rows = db.rows("SELECT finding_id, status, reason, decided_by, decided_at FROM triage "
                           "WHERE status <> ? ORDER BY finding_id", (TriageStatus.OPEN.value,))
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
            carry_over(db, [d["finding_id"] for d in decisions])
        return applied, skipped


def _newer(at: str, than: str) -> bool:
    a, b = _instant(at), _instant(than)
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a > b
    return at > than


def carry_over(db: Database, finding_ids: Iterable[str] | None = None) -> None:
    """Record decisions made on format-1 per-page finding ids (all of them, or those of `finding_ids`) under the id
    of the merged finding each belongs to (the findings rows' `merged_id`), where newer than the merged finding's
    own decision; of several per-page decisions on one fact, the newest wins (ties: the larger id, so the outcome
    does not depend on row order). The per-page decision stays, and the log says where the merged one came from."""
    rows = db.rows("SELECT DISTINCT t.finding_id, f.merged_id, t.status, t.reason, t.decided_by, t.decided_at "
                   "FROM triage t JOIN findings f ON f.finding_id = t.finding_id "
                   "WHERE f.merged_id <> '' AND f.merged_id <> t.finding_id")
    wanted = None if finding_ids is None else set(finding_ids)
    newest: dict[str, tuple] = {}
    for old_id, merged, status, reason, by, at in rows:
        if wanted is not None and old_id not in wanted:
            continue
        best = newest.get(merged)
        if best is None or _newer(at, best[5]) or (not _newer(best[5], at) and old_id > best[0]):
            newest[merged] = (old_id, merged, status, reason, by, at)
    for merged, (old_id, _, status, reason, by, at) in sorted(newest.items()):
        current = db.one("SELECT decided_at FROM triage WHERE finding_id = ?", (merged,))
        if current is None or _newer(at, current[0]):
            _record(db, merged, status, reason, by, at, source=f"carried over from per-page finding {old_id}")


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
    """The decisions of an import file, checked whole: StoreError naming the file, the decision and the field."""
    try:
        validated(data, _import_schema(), source)
        for index, decision in enumerate(data["decisions"]):
            _checked_time(source, f"decisions[{index}].at", decision["at"])
    except InputError as exc:
        raise StoreError(f"{exc}; nothing was imported") from exc
    return [{key: decision[key] for key in _IMPORTED} for decision in data["decisions"]]
