"""Batches, firms and attempts of a fleet of workers: the fleet half of `Store` (PostgreSQL only; docs/0013-fleet.md).

Every rule that decides "run it again?" or "is it done?" is one transaction holding the firm's row lock, so two
workers (or a worker and another's watch loop) can never both act on one firm: `claim` starts an attempt, `renew`
extends its lease, `abandon_stalled` gives up a dead worker's attempt, `end_attempt` records an interruption or a
failure, `record_complete` the scan. Times are PostgreSQL's `now()`: workers' clocks never enter a comparison.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass

from crawler.store.db import Database
from crawler.store.engine import defer
from crawler.store.errors import StoreError
from crawler.store.fleet_status import SETTLED

_LEASE = "now() + make_interval(secs => ?)"
_FIRM = "batch_id = ? AND firm_slug = ?"


@dataclass(frozen=True)
class BatchFirm:
    batch_id: str
    slug: str
    name: str
    firm: str  # JSON
    options: str  # JSON: the batch's run options
    state: str
    attempts: int
    scan_id: str
    error: str


@dataclass(frozen=True)
class Evidence:
    path: str  # relative to the firm's folder
    location: str
    sha256: str
    bytes: int


class FleetRecords:
    """The fleet half of `Store` (which provides `_db`)."""

    _db: Database

    # -- enqueueing -----------------------------------------------------------------------------------------------

    def enqueue_batch(self, batch_id: str, firms_file: str, options: str, max_attempts: int,
                      firms: list[tuple[str, str, str]], queue: str, task: str) -> int:
        """Record the batch and each (slug, name, firm JSON) not yet in it, with one job each, in one transaction;
        how many firms were new. A firm already in the batch (an earlier or a concurrent enqueue) is left alone:
        the primary key makes the second insert wait for the first and then do nothing."""
        added = 0
        with self._db.write() as db:
            db.execute("INSERT INTO fleet_batches (id, created_at, firms_file, options, max_attempts) "
                       "VALUES (?, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), ?, ?, ?) "
                       "ON CONFLICT (id) DO NOTHING", (batch_id, firms_file, options, max_attempts))
            for slug, name, firm in firms:
                if db.one("INSERT INTO fleet_firms (batch_id, firm_slug, firm_name, firm, state) "
                          "VALUES (?, ?, ?, ?, 'queued') ON CONFLICT DO NOTHING RETURNING firm_slug",
                          (batch_id, slug, name, firm)) is None:
                    continue
                job = defer(db, queue, task, {"batch": batch_id, "firm": slug})
                db.execute(f"UPDATE fleet_firms SET job_id = ? WHERE {_FIRM}", (job, batch_id, slug))
                added += 1
        return added

    def retry_failed(self, batch_id: str, queue: str, task: str) -> list[str]:
        """Queue the batch's failed firms again, each with a fresh attempt budget and a new job; their slugs."""
        with self._db.write() as db:
            slugs = [s for (s,) in db.rows("SELECT firm_slug FROM fleet_firms WHERE batch_id = ? AND state = 'failed' "
                                           "ORDER BY firm_slug FOR UPDATE", (batch_id,))]
            for slug in slugs:
                job = defer(db, queue, task, {"batch": batch_id, "firm": slug})
                db.execute(f"UPDATE fleet_firms SET state = 'queued', attempts = 0, error = '', job_id = ? "
                           f"WHERE {_FIRM}", (job, batch_id, slug))
        return slugs

    # -- attempts -------------------------------------------------------------------------------------------------

    def claim(self, batch_id: str, slug: str, job_id: int, worker: str, lease: float) -> tuple[int | None, str]:
        """Start an attempt at the firm for this job: (its number, "") or (None, why not: done, failed, running
        elsewhere under a live lease, or out of attempts, then recorded failed)."""
        with self._db.write() as db:
            row = db.one(f"SELECT f.state, f.attempts, b.max_attempts FROM fleet_firms f JOIN fleet_batches b "
                         f"ON b.id = f.batch_id WHERE f.{_FIRM} FOR UPDATE OF f", (batch_id, slug))
            if row is None:
                return None, f"firm {slug} is not in batch {batch_id}"
            state, attempts, max_attempts = row
            if state in SETTLED:
                return None, f"firm {slug} of batch {batch_id} is already {state}"
            live = db.one(f"SELECT attempt, worker, job_id FROM fleet_attempts WHERE {_FIRM} "
                          f"AND outcome = 'running' AND lease_until > now()", (batch_id, slug))
            if live and (live[1], live[2]) == (worker, job_id):
                return live[0], ""  # this claim committed, but its answer was lost with the connection: it is ours
            if live:
                return None, f"attempt {live[0]} at firm {slug} is running on {live[1]} under a live lease"
            self._abandon_expired(db, batch_id, slug)
            if attempts >= max_attempts:
                return None, self._fail(db, batch_id, slug, max_attempts)
            (last,) = db.one(f"SELECT coalesce(max(attempt), 0) FROM fleet_attempts WHERE {_FIRM}", (batch_id, slug))
            number = int(last) + 1
            db.execute(f"INSERT INTO fleet_attempts (batch_id, firm_slug, attempt, job_id, worker, host, pid, "
                       f"started_at, lease_until, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, now(), {_LEASE}, 'running')",
                       (batch_id, slug, number, job_id, worker, socket.gethostname(), os.getpid(), lease))
            db.execute(f"UPDATE fleet_firms SET state = 'running', attempts = attempts + 1, job_id = ? WHERE {_FIRM}",
                       (job_id, batch_id, slug))
        return number, ""

    def renew(self, batch_id: str, slug: str, attempt: int, lease: float) -> bool:
        """Extend a running attempt's lease; False when it is no longer running (given up as abandoned)."""
        with self._db.write() as db:
            row = db.one(f"UPDATE fleet_attempts SET lease_until = {_LEASE} WHERE {_FIRM} AND attempt = ? "
                         f"AND outcome = 'running' RETURNING attempt", (lease, batch_id, slug, attempt))
        return row is not None

    def attempt_scan(self, batch_id: str, slug: str, attempt: int, scan_id: str) -> None:
        """The scan an attempt began: the scan row names its batch (for the one-complete-scan rule)."""
        with self._db.write() as db:
            db.execute("UPDATE scans SET batch_id = ? WHERE id = ?", (batch_id, scan_id))
            db.execute(f"UPDATE fleet_attempts SET scan_id = ? WHERE {_FIRM} AND attempt = ?",
                       (scan_id, batch_id, slug, attempt))

    def end_attempt(self, batch_id: str, slug: str, attempt: int, outcome: str, error: str) -> str:
        """Record a running attempt interrupted or failed; the firm's state after it: 'queued' (to run again),
        'failed' (out of attempts) or what it already was ('done': another attempt completed meanwhile)."""
        with self._db.write() as db:
            row = db.one(f"SELECT f.state, f.attempts, b.max_attempts FROM fleet_firms f JOIN fleet_batches b "
                         f"ON b.id = f.batch_id WHERE f.{_FIRM} FOR UPDATE OF f", (batch_id, slug))
            if row is None:
                raise StoreError(f"store {db.location}: firm {slug} is not in batch {batch_id}")
            state, attempts, max_attempts = row
            db.execute(f"UPDATE fleet_attempts SET outcome = ?, error = ?, finished_at = now() WHERE {_FIRM} "
                       f"AND attempt = ? AND outcome = 'running'", (outcome, error, batch_id, slug, attempt))
            if state in SETTLED:
                return state
            if attempts >= max_attempts:
                self._fail(db, batch_id, slug, max_attempts)
                return "failed"
            db.execute(f"UPDATE fleet_firms SET state = 'queued' WHERE {_FIRM}", (batch_id, slug))
            return "queued"

    def abandon_stalled(self, job_id: int) -> str:
        """For a job the queue says is stalled (its worker's heartbeat is old): 'skip' while its attempt's lease
        is live (a draining worker stops heartbeating, not renewing); else the expired attempts are recorded
        abandoned and the answer is 'retry', 'failed' (out of attempts) or 'finish' (the firm is already done or
        failed: the job only needs closing)."""
        with self._db.write() as db:
            row = db.one("SELECT f.batch_id, f.firm_slug, f.state, f.attempts, b.max_attempts FROM fleet_firms f "
                         "JOIN fleet_batches b ON b.id = f.batch_id WHERE f.job_id = ? FOR UPDATE OF f", (job_id,))
            if row is None:
                return "finish"  # a job no firm waits for (its firm was queued again with a new job)
            batch_id, slug, state, attempts, max_attempts = row
            if state in SETTLED:
                return "finish"
            if db.one(f"SELECT 1 FROM fleet_attempts WHERE {_FIRM} AND outcome = 'running' AND lease_until > now()",
                      (batch_id, slug)):
                return "skip"
            self._abandon_expired(db, batch_id, slug)
            if attempts >= max_attempts:
                self._fail(db, batch_id, slug, max_attempts)
                return "failed"
            db.execute(f"UPDATE fleet_firms SET state = 'queued' WHERE {_FIRM}", (batch_id, slug))
            return "retry"

    def record_complete(self, report: dict, out_dir: str, batch_id: str, slug: str, attempt: int,
                        evidence: list[Evidence]) -> bool:
        """The scan complete, its evidence and the attempt's end, in one transaction; False (nothing recorded
        complete, the attempt marked superseded) when another attempt of the firm completed first."""
        scan_id = report["scan"]["id"]
        try:
            with self._db.write() as db:
                if db.one(f"SELECT 1 FROM fleet_attempts WHERE {_FIRM} AND attempt = ? AND outcome = 'complete' "
                          f"AND scan_id = ?", (batch_id, slug, attempt, scan_id)):
                    return True  # recorded by this call's first try, whose answer was lost with the connection
                self.complete_scan(report, out_dir)  # a savepoint inside this transaction
                for item in evidence:
                    db.execute("INSERT INTO fleet_evidence (scan_id, path, location, sha256, bytes) "
                               "VALUES (?, ?, ?, ?, ?)", (scan_id, item.path, item.location, item.sha256, item.bytes))
                db.execute(f"UPDATE fleet_attempts SET outcome = 'complete', scan_id = ?, error = '', "
                           f"finished_at = now() WHERE {_FIRM} AND attempt = ?", (scan_id, batch_id, slug, attempt))
                db.execute(f"UPDATE fleet_firms SET state = 'done', scan_id = ?, error = '' WHERE {_FIRM}",
                           (scan_id, batch_id, slug))
        except self._db.integrity_error:
            error = f"another attempt at firm {slug} of batch {batch_id} completed first"
            with self._db.write() as db:
                db.execute("UPDATE scans SET status = 'failed', error = ?, finished_at = ? WHERE id = ? "
                           "AND status <> 'complete'", (error, report["scan"].get("finished_at") or "", scan_id))
                db.execute(f"UPDATE fleet_attempts SET outcome = 'superseded', error = ?, finished_at = now() "
                           f"WHERE {_FIRM} AND attempt = ?", (error, batch_id, slug, attempt))
            return False
        return True

    def _abandon_expired(self, db: Database, batch_id: str, slug: str) -> None:
        for attempt, worker, host, scan_id in db.rows(
                f"UPDATE fleet_attempts SET outcome = 'abandoned', finished_at = now(), error = 'worker ' || worker "
                f"|| ' on ' || host || ' stopped renewing its lease' WHERE {_FIRM} AND outcome = 'running' "
                f"AND lease_until <= now() RETURNING attempt, worker, host, scan_id", (batch_id, slug)):
            if scan_id:
                db.execute("UPDATE scans SET status = 'abandoned', error = ? WHERE id = ? AND status = 'running'",
                           (f"attempt {attempt}: worker {worker} on {host} stopped renewing its lease", scan_id))

    def _fail(self, db: Database, batch_id: str, slug: str, max_attempts: int) -> str:
        ends = db.rows(f"SELECT attempt, outcome, error FROM fleet_attempts WHERE {_FIRM} ORDER BY attempt",
                       (batch_id, slug))
        told = "; ".join(f"attempt {n} {outcome}" + (f" ({error})" if error else "") for n, outcome, error in ends)
        reason = f"gave up after {max_attempts} attempt(s): {told or 'none started'}"
        db.execute(f"UPDATE fleet_firms SET state = 'failed', error = ? WHERE {_FIRM}", (reason, batch_id, slug))
        return reason

    # -- reading --------------------------------------------------------------------------------------------------

    def batch_firm(self, batch_id: str, slug: str) -> BatchFirm | None:
        with self._db.read() as db:
            row = db.one(f"SELECT f.batch_id, f.firm_slug, f.firm_name, f.firm, b.options, f.state, f.attempts, "
                         f"f.scan_id, f.error FROM fleet_firms f JOIN fleet_batches b ON b.id = f.batch_id "
                         f"WHERE f.{_FIRM}", (batch_id, slug))
        return BatchFirm(*row) if row else None

    def batch_firms(self, batch_id: str) -> list[BatchFirm]:
        with self._db.read() as db:
            rows = db.rows("SELECT f.batch_id, f.firm_slug, f.firm_name, f.firm, b.options, f.state, f.attempts, "
                           "f.scan_id, f.error FROM fleet_firms f JOIN fleet_batches b ON b.id = f.batch_id "
                           "WHERE f.batch_id = ? ORDER BY f.firm_slug", (batch_id,))
        return [BatchFirm(*row) for row in rows]

    def evidence(self, scan_id: str) -> list[Evidence]:
        with self._db.read() as db:
            rows = db.rows("SELECT path, location, sha256, bytes FROM fleet_evidence WHERE scan_id = ? ORDER BY path",
                           (scan_id,))
        return [Evidence(path, location, sha256, int(size)) for path, location, sha256, size in rows]
