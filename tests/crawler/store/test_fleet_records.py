"""The fleet's records in the PostgreSQL store: one job per firm however often or concurrently a batch is queued,
attempts under leases, the attempt limit, one complete scan per firm per batch when two attempts race, and
evidence written once with its sha256 (crawler/store/fleet.py, engine.py, evidence.py)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from crawler.cli import main
from crawler.store import StoreError, open_store
from crawler.store.engine import apply_engine_schema, check_engine_schema
from crawler.store.evidence import evidence_target, sha256_of
from crawler.store.fleet import Evidence
from tests.crawler.store.test_store import T0, make_report, sql
from tests.support.pg_server import fresh_schema, postgres_url, skip_reason

QUEUE, TASK = "footprint", "footprint.scan_firm"
FIRMS = [("acme", "Acme", "{}"), ("bolt", "Bolt", "{}")]


@pytest.fixture
def url():
    if postgres_url() is None:
        pytest.skip(skip_reason())
    with fresh_schema(postgres_url()) as scoped:
        with open_store(scoped) as store:
            apply_engine_schema(store.database)
        yield scoped


@pytest.fixture
def store(url):
    with open_store(url) as opened:
        yield opened


def jobs(url: str) -> list[tuple]:
    return sql(url, "SELECT args->>'batch', args->>'firm', status::text FROM procrastinate_jobs ORDER BY id")


def test_the_queue_schema_is_applied_once_and_recorded(url, store):
    assert "already at" in apply_engine_schema(store.database)
    assert [row[0] for row in sql(url, "SELECT engine FROM engine_schema")] == ["procrastinate"]
    check_engine_schema(store.database)


def test_an_unprepared_store_says_to_run_db_migrate():
    if postgres_url() is None:
        pytest.skip(skip_reason())
    with fresh_schema(postgres_url()) as scoped, open_store(scoped) as store:
        with pytest.raises(StoreError, match="footprint db migrate"):
            check_engine_schema(store.database)


def test_fleet_commands_refuse_an_sqlite_store_with_exit_2(tmp_path, capsys):
    code = main(["worker", "--store", str(tmp_path / "s.sqlite"), "--evidence", str(tmp_path / "ev")])
    err = capsys.readouterr().err
    assert code == 2 and "needs a PostgreSQL store" in err and "SQLite" in err
    assert main(["db", "migrate", "--store", str(tmp_path / "s.sqlite")]) == 2


def test_queueing_a_batch_twice_makes_one_job_per_firm(url, store):
    assert store.enqueue_batch("b1", "f.yaml", "{}", 3, FIRMS, QUEUE, TASK) == 2
    assert store.enqueue_batch("b1", "f.yaml", "{}", 3, FIRMS + [("cove", "Cove", "{}")], QUEUE, TASK) == 1
    assert jobs(url) == [("b1", "acme", "todo"), ("b1", "bolt", "todo"), ("b1", "cove", "todo")]
    # a near miss: another batch id is another batch
    assert store.enqueue_batch("b2", "f.yaml", "{}", 3, FIRMS, QUEUE, TASK) == 2
    assert len(jobs(url)) == 5


def test_concurrent_enqueues_make_one_job_per_firm(url):
    firms = [(f"firm-{i}", f"Firm {i}", "{}") for i in range(20)]
    added: list[int] = []
    start = threading.Barrier(4)

    def enqueue() -> None:
        with open_store(url) as own:
            start.wait()
            added.append(own.enqueue_batch("weekly", "f.yaml", "{}", 3, firms, QUEUE, TASK))

    threads = [threading.Thread(target=enqueue) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(added)[-1] >= 1 and sum(added) == 20
    assert sorted(firm for _, firm, _ in jobs(url)) == sorted(slug for slug, _, _ in firms)


def test_a_live_lease_keeps_a_second_delivery_out_and_an_expired_one_is_abandoned(url, store):
    store.enqueue_batch("b", "f", "{}", 3, FIRMS[:1], QUEUE, TASK)
    assert store.claim("b", "acme", 1, "w1", 0.6) == (1, "")
    number, why = store.claim("b", "acme", 1, "w2", 0.6)
    assert number is None and "running on w1 under a live lease" in why
    assert store.renew("b", "acme", 1, 0.6)
    assert store.abandon_stalled(1) == "skip"  # a draining worker stops heartbeating, not renewing
    time.sleep(0.7)
    assert store.abandon_stalled(1) == "retry"
    assert not store.renew("b", "acme", 1, 0.6)  # given up: the old worker learns it at its next renewal
    assert store.claim("b", "acme", 1, "w2", 0.6) == (2, "")
    outcomes = sql(url, "SELECT attempt, worker, outcome, error FROM fleet_attempts ORDER BY attempt")
    assert outcomes[0][:3] == (1, "w1", "abandoned") and "stopped renewing its lease" in outcomes[0][3]
    assert outcomes[1][:3] == (2, "w2", "running")


def test_a_claim_whose_answer_was_lost_is_recognised_as_the_same_workers_own(url, store):
    """A claim committed, its answer lost with the connection, tried again by the same worker for the same job:
    the attempt is its own, not "running elsewhere" (that would close the job and leave the firm running)."""
    store.enqueue_batch("b", "f", "{}", 3, FIRMS[:1], QUEUE, TASK)
    assert store.claim("b", "acme", 1, "w1", 30) == (1, "")
    assert store.claim("b", "acme", 1, "w1", 30) == (1, "")
    assert store.claim("b", "acme", 2, "w1", 30)[0] is None  # near misses: another job, another worker
    assert store.claim("b", "acme", 1, "w2", 30)[0] is None
    assert sql(url, "SELECT attempt, outcome FROM fleet_attempts") == [(1, "running")]
    assert sql(url, "SELECT attempts FROM fleet_firms") == [(1,)]


def test_a_connection_the_server_dropped_is_opened_again_for_the_next_operation(url, store):
    """A PostgreSQL restart or an administrator's pg_terminate_backend: the store's next operation gets a new
    connection (it used to fail for good with "the connection is lost")."""
    with store.database.read() as db:
        (before,) = db.one("SELECT pg_backend_pid()")
    assert sql(url, "SELECT pg_terminate_backend(?)", (before,)) == [(True,)]
    deadline = time.monotonic() + 5
    while sql(url, "SELECT 1 FROM pg_stat_activity WHERE pid = ?", (before,)) and time.monotonic() < deadline:
        time.sleep(0.02)
    store.enqueue_batch("b", "f", "{}", 3, FIRMS[:1], QUEUE, TASK)
    with store.database.read() as db:
        (after,) = db.one("SELECT pg_backend_pid()")
    assert after != before
    assert [firm.slug for firm in store.batch_firms("b")] == ["acme"]


def test_a_firm_past_the_attempt_limit_is_failed_with_the_reasons(url, store):
    store.enqueue_batch("b", "f", "{}", 2, FIRMS[:1], QUEUE, TASK)
    assert store.claim("b", "acme", 1, "w1", 30)[0] == 1
    assert store.end_attempt("b", "acme", 1, "interrupted", "interrupted by SIGTERM") == "queued"
    assert store.claim("b", "acme", 1, "w2", 0.2)[0] == 2
    time.sleep(0.3)
    assert store.abandon_stalled(1) == "failed"
    [(state, error)] = sql(url, "SELECT state, error FROM fleet_firms")
    assert state == "failed"
    assert error.startswith("gave up after 2 attempt(s)") and "attempt 1 interrupted (interrupted by SIGTERM)" in error
    assert "attempt 2 abandoned (worker w2" in error
    assert store.claim("b", "acme", 1, "w3", 30) == (None, "firm acme of batch b is already failed")
    # retry --failed: queued again with a new job and a fresh budget
    assert store.retry_failed("b", QUEUE, TASK) == ["acme"]
    assert store.claim("b", "acme", 2, "w3", 30) == (3, "")


def test_when_a_retry_races_a_slow_finisher_only_the_first_commit_is_complete(url, store):
    store.enqueue_batch("b", "f", "{}", 3, [("nordwind-exchange-ltd", "Nordwind Exchange Ltd", "{}")], QUEUE, TASK)
    slug = "nordwind-exchange-ltd"
    assert store.claim("b", slug, 1, "slow", 0.2)[0] == 1
    store.begin_scan("scan-slow", slug, "Nordwind Exchange Ltd", T0, "")
    store.attempt_scan("b", slug, 1, "scan-slow")
    time.sleep(0.3)
    assert store.claim("b", slug, 1, "fast", 30)[0] == 2  # the slow one's lease expired: a new attempt
    store.begin_scan("scan-fast", slug, "Nordwind Exchange Ltd", T0, "")
    store.attempt_scan("b", slug, 2, "scan-fast")
    uploaded = [Evidence("report.json", "s3://x/slow/report.json", "0" * 64, 2)]
    assert store.record_complete(make_report("scan-fast"), "s3://x/fast", "b", slug, 2, [])
    assert not store.record_complete(make_report("scan-slow"), "s3://x/slow", "b", slug, 1, uploaded)
    # what the loser uploaded stays where it is, named by no row: never a row naming something missing
    assert sql(url, "SELECT count(*) FROM fleet_evidence WHERE scan_id = 'scan-slow'") == [(0,)]
    rows = sql(url, "SELECT id, status FROM scans ORDER BY id")
    assert rows == [("scan-fast", "complete"), ("scan-slow", "failed")]
    assert sql(url, "SELECT count(*) FROM findings WHERE scan_id = 'scan-slow'") == [(0,)]  # rolled back whole
    assert sql(url, "SELECT attempt, outcome FROM fleet_attempts ORDER BY attempt") == [(1, "superseded"),
                                                                                         (2, "complete")]
    # the database itself refuses a second complete scan of the firm in the batch, past footprint's code
    with pytest.raises(Exception, match="scans_one_complete_per_batch"):
        sql(url, "UPDATE scans SET status = 'complete' WHERE id = 'scan-slow'")


def test_recording_complete_again_after_a_lost_answer_keeps_the_attempt_complete(url, store):
    """The runner tries record_complete again when the server drops the connection; if the first try had
    committed (its answer lost), the second finds its own attempt complete and says so, rather than reading its
    own scan as another attempt's and recording the attempt superseded."""
    slug = "nordwind-exchange-ltd"
    store.enqueue_batch("b", "f", "{}", 3, [(slug, "Nordwind Exchange Ltd", "{}")], QUEUE, TASK)
    assert store.claim("b", slug, 1, "w1", 30)[0] == 1
    store.begin_scan("scan-1", slug, "Nordwind Exchange Ltd", T0, "")
    store.attempt_scan("b", slug, 1, "scan-1")
    uploaded = [Evidence("report.json", "s3://x/1/report.json", "0" * 64, 2)]
    assert store.record_complete(make_report("scan-1"), "s3://x/1", "b", slug, 1, uploaded)
    assert store.record_complete(make_report("scan-1"), "s3://x/1", "b", slug, 1, uploaded)
    assert sql(url, "SELECT attempt, outcome, scan_id FROM fleet_attempts") == [(1, "complete", "scan-1")]
    assert sql(url, "SELECT id, status FROM scans") == [("scan-1", "complete")]
    assert sql(url, "SELECT state FROM fleet_firms") == [("done",)]
    assert sql(url, "SELECT count(*) FROM fleet_evidence") == [(1,)]


def test_evidence_in_a_folder_is_written_once_with_its_sha256(tmp_path):
    folder = tmp_path / "firm"
    (folder / "screenshots").mkdir(parents=True)
    (folder / "report.json").write_text("{}")
    (folder / "screenshots" / "a.png").write_bytes(b"png")
    target = evidence_target(str(tmp_path / "shared"))
    target.check()
    location, written = target.upload(folder, "b/firm/scan-1")
    assert [item.path for item in written] == ["report.json", "screenshots/a.png", "SHA256SUMS"]
    for item in written:
        assert sha256_of(Path(item.location)) == item.sha256
    assert Path(location, "SHA256SUMS").read_text().splitlines()[0].endswith("  report.json")
    assert target.upload(folder, "b/firm/scan-1")[1] == written  # the same bytes again: nothing changes
    (folder / "report.json").write_text('{"changed": 1}')
    with pytest.raises(StoreError, match="exists with other contents"):
        target.upload(folder, "b/firm/scan-1")
    assert Path(location, "report.json").read_text() == "{}"


@pytest.mark.parametrize("spec, message", [("", "empty --evidence"), ("ftp://host/x", "expected s3://BUCKET"),
                                           ("s3:///prefix", "expected s3://BUCKET")])
def test_bad_evidence_locations_are_refused(spec, message):
    with pytest.raises(StoreError, match=message):
        evidence_target(spec)
