"""`footprint batch status`: what a batch's firms and workers are doing, read from the fleet's tables.

Per batch: firms queued, running, done and failed; attempts made and how they ended; per worker, the attempts it
ran by outcome; the running attempt whose lease runs out first (seconds left by the database's clock: negative
means its worker is gone and a watch loop will give it up); and each failed firm with its reason.
"""

from __future__ import annotations

from crawler.store.db import Database

STATES = ("queued", "running", "done", "failed")
SETTLED = ("done", "failed")  # a firm in one of these is no more attempts' business


class FleetStatus:
    """The status half of the fleet records (`Store` provides `_db`)."""

    _db: Database

    def batch_status(self, batch_id: str | None = None) -> list[dict]:
        """Every batch (newest first), or the one named; [] when there is none."""
        with self._db.read() as db:
            where, params = ("WHERE id = ?", (batch_id,)) if batch_id else ("", ())
            batches = db.rows(f"SELECT id, created_at, firms_file, max_attempts FROM fleet_batches {where} "
                              f"ORDER BY created_at DESC, id", params)
            return [_one(db, *batch) for batch in batches]


def _one(db: Database, batch_id: str, created_at: str, firms_file: str, max_attempts: int) -> dict:
    states = dict(db.rows("SELECT state, count(*) FROM fleet_firms WHERE batch_id = ? GROUP BY state", (batch_id,)))
    workers: dict[str, dict[str, int]] = {}
    for worker, outcome, count in db.rows("SELECT worker, outcome, count(*) FROM fleet_attempts WHERE batch_id = ? "
                                          "GROUP BY worker, outcome ORDER BY worker, outcome", (batch_id,)):
        workers.setdefault(worker, {})[outcome] = int(count)
    outcomes: dict[str, int] = {}
    for counts in workers.values():
        for outcome, count in counts.items():
            outcomes[outcome] = outcomes.get(outcome, 0) + count
    lease = db.one("SELECT firm_slug, attempt, worker, round(extract(epoch FROM lease_until - now())::numeric, 1) "
                   "FROM fleet_attempts WHERE batch_id = ? AND outcome = 'running' ORDER BY lease_until, firm_slug "
                   "LIMIT 1", (batch_id,))
    failed = db.rows("SELECT firm_slug, error FROM fleet_firms WHERE batch_id = ? AND state = 'failed' "
                     "ORDER BY firm_slug", (batch_id,))
    return {
        "batch": batch_id, "created_at": created_at, "firms_file": firms_file, "max_attempts": int(max_attempts),
        "firms": sum(int(n) for n in states.values()), **{state: int(states.get(state, 0)) for state in STATES},
        "attempts": sum(outcomes.values()), "outcomes": dict(sorted(outcomes.items())), "workers": workers,
        "oldest_lease": None if lease is None else {"firm": lease[0], "attempt": int(lease[1]), "worker": lease[2],
                                                    "seconds_left": float(lease[3])},
        "failed_firms": [{"firm": slug, "error": error} for slug, error in failed],
    }
