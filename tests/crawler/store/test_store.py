"""The scan store, on a real SQLite file and a real PostgreSQL server: migrations, scan history, all-or-nothing
completion (a failure or a SIGKILL mid-transaction leaves no half-recorded scan), abandoned scans, triage and its
exchange between stores, threads, and readable errors for locations that cannot work."""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading

import pytest

from crawler.store import ScanRow, StoreError, default_location, open_store
from tests.conftest import ROOT
from tests.support.pg_server import fresh_schema, postgres_url, skip_reason
from tests.support.store_v2 import store_at_version

T0 = "2026-11-22T02:00:00Z"


def _is_postgres(spec: str) -> bool:
    return spec.startswith(("postgresql://", "postgres://"))


def _need_postgres() -> str:
    url = postgres_url()
    if url is None:
        pytest.skip(skip_reason())
    return url


@pytest.fixture(params=["sqlite", "postgres"])
def spec(request, tmp_path):
    """A store location nobody has used yet: a SQLite file path, or a PostgreSQL URL onto a fresh schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "data" / "footprint.sqlite")
    else:
        with fresh_schema(_need_postgres()) as url:
            yield url


@pytest.fixture
def store(spec):
    with open_store(spec) as opened:
        yield opened


def sql(spec: str, query: str, params: tuple = ()) -> list[tuple]:
    """Straight to the database, past the store (for what the API deliberately does not show)."""
    if _is_postgres(spec):
        import psycopg

        with psycopg.connect(spec, autocommit=True) as conn:
            cur = conn.execute(query.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else []
    conn = sqlite3.connect(spec)
    try:
        with conn:
            return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def make_report(scan_id: str, slug: str = "nordwind-exchange-ltd", name: str = "Nordwind Exchange Ltd",
                started: str = T0, findings: tuple[int, ...] = (2, 1), level: str = "high", score: int = 87) -> dict:
    channels = []
    for c, count in enumerate(findings):
        channel = f"website:{slug}-{c}.example"
        channels.append({
            "id": channel, "kind": "website", "target": f"https://{slug}-{c}.example/", "status": "assessed",
            "level": level, "score": score, "reason": "",
            "findings": [{
                "id": f"{slug}-{c}-{i}", "indicator": "HREFLANG", "channel": channel, "strength": "strong",
                "confidence": 0.95,
                "member_states": ["DE", "AT"], "url": f"https://{slug}-{c}.example/de/{i}",
                "fetched_at": started, "body_sha256": "93ba4be4" * 8,
                "evidence": {"value": f"de-DE /de/{i}", "snippet": "<link hreflang=\"de-DE\">",
                             "locator": "link[hreflang=\"de-DE\"]"},
                "legal_ref": "MiCA Art. 61(1)", "visitors": ["DE"], "record_id": f"<urn:uuid:{c}-{i}>",
                "pages": 1, "seen_on": [], "first_seen": "", "last_seen": "", "screenshot": ""}
                for i in range(count)]})
    return {"schema": "footprint.report/2", "tool": {"name": "footprint", "version": "0.1.0"},
            "scan": {"id": scan_id, "started_at": started, "finished_at": started.replace("T02", "T03"),
                     "visitors": ["DE", "US"]},
            "firm": {"slug": slug, "name": name, "home_country": "SC"},
            "verdict": {"level": level, "score": score, "complete": True, "summary": "..."},
            "channels": channels, "errors": []}


def read_back(report: dict) -> dict:
    """What the store keeps of a report: all but the channels' pages, indicators and notes (no second copy)."""
    kept = ("id", "kind", "status", "level", "score", "reason", "findings")
    return {**report, "channels": [{k: c[k] for k in kept} for c in report["channels"]]}


def record(store, scan_id: str, **kwargs) -> dict:
    report = make_report(scan_id, **kwargs)
    store.begin_scan(scan_id, report["firm"]["slug"], report["firm"]["name"], report["scan"]["started_at"], "out")
    store.complete_scan(report, f"out/{report['firm']['slug']}")
    return report


def child_env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


# -- migrations ------------------------------------------------------------------------------------------------------


def test_migrations_apply_once_and_reopening_changes_nothing(spec):
    with open_store(spec) as store:
        store.begin_scan("scan-0001", "acme", "Acme", T0, "out")
    applied = sql(spec, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
    assert applied and applied[0][:2] == (1, "initial") and applied[0][2].endswith("Z")
    with open_store(spec) as store:
        assert [row.id for row in store.scans()] == ["scan-0001"]
    assert sql(spec, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version") == applied


def test_a_store_from_a_newer_footprint_is_refused(spec):
    open_store(spec).close()
    sql(spec, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', ?)", (T0,))
    with pytest.raises(StoreError) as err:
        open_store(spec)
    message = str(err.value)
    assert "schema version 999" in message and "upgrade footprint" in message
    assert ("127.0.0.1" if _is_postgres(spec) else spec) in message


def test_concurrent_first_opens_migrate_once(spec):
    errors, barrier = [], threading.Barrier(4)

    def first_open():
        try:
            barrier.wait()
            open_store(spec).close()
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=first_open) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    versions = [v for (v,) in sql(spec, "SELECT version FROM schema_migrations")]
    assert 1 in versions  # migrated once by whichever opened first, the others waited and found it done
    with open_store(spec) as store:
        assert store.scans() == []  # and the store works


# -- scans -----------------------------------------------------------------------------------------------------------


def test_a_completed_scan_keeps_its_verdict_report_and_findings(store):
    report = record(store, "01jd0000aaaa")
    row = store.scan("01jd0000aaaa")
    assert row == ScanRow(id="01jd0000aaaa", firm_slug="nordwind-exchange-ltd", firm_name="Nordwind Exchange Ltd",
                          started_at=T0, finished_at="2026-11-22T03:00:00Z", status="complete", level="high",
                          score=87, complete=True, findings=3, out_dir="out/nordwind-exchange-ltd", error="")
    assert store.report("01jd0000aaaa") == read_back(report)
    assert store.finding("nordwind-exchange-ltd-0-1") == {
        "id": "nordwind-exchange-ltd-0-1", "firm_slug": "nordwind-exchange-ltd",
        "channel": "website:nordwind-exchange-ltd-0.example", "indicator": "HREFLANG",
        "url": "https://nordwind-exchange-ltd-0.example/de/1", "scan_id": "01jd0000aaaa"}
    assert store.finding("no-such-finding") is None and store.report("nope") is None


def test_a_running_scan_has_no_verdict_and_its_id_cannot_be_reused(spec, store):
    store.begin_scan("01jd0000bbbb", "acme", "Acme", T0, "out/acme")
    (row,) = store.scans()
    assert (row.status, row.level, row.score, row.complete, row.findings) == ("running", "", None, False, 0)
    assert store.report("01jd0000bbbb") is None
    # the same process trying again (its first try committed, the answer lost with the connection) is let through
    store.begin_scan("01jd0000bbbb", "acme", "Acme", T0, "out/acme")
    assert [r.id for r in store.scans()] == ["01jd0000bbbb"]
    sql(spec, "UPDATE scans SET pid = pid + 1")  # begun by another process
    with pytest.raises(StoreError, match="01jd0000bbbb is already recorded"):
        store.begin_scan("01jd0000bbbb", "acme", "Acme", T0, "out/acme")
    sql(spec, "UPDATE scans SET pid = pid - 1, status = 'interrupted'")  # this process's, but ended
    with pytest.raises(StoreError, match="01jd0000bbbb is already recorded"):
        store.begin_scan("01jd0000bbbb", "acme", "Acme", T0, "out/acme")


def test_complete_scan_without_begin_records_the_scan_and_completing_again_replaces_it(store):
    store.complete_scan(make_report("01jd0000cccc", findings=(1,)), "out")
    assert store.scan("01jd0000cccc").findings == 1
    store.complete_scan(make_report("01jd0000cccc", findings=(2, 2), score=40, level="medium"), "out2")
    row = store.scan("01jd0000cccc")
    assert (row.findings, row.score, row.level, row.out_dir) == (4, 40, "medium", "out2")
    assert len(store.scans()) == 1


def test_history_is_newest_first_and_filters_by_firm_slug_or_name(store):
    record(store, "s-old", started="2026-11-20T10:00:00Z")
    record(store, "s-new", started="2026-11-22T10:00:00Z")
    record(store, "s-mid", started="2026-11-21T10:00:00Z", slug="atlas", name="Atlas Digital Märkte")
    store.begin_scan("s-same-b", "atlas", "Atlas Digital Märkte", "2026-11-21T10:00:00Z", "out")
    assert [r.id for r in store.scans()] == ["s-new", "s-same-b", "s-mid", "s-old"]
    assert [r.id for r in store.scans(limit=2)] == ["s-new", "s-same-b"]
    assert [r.id for r in store.scans("NORDWIND-exchange-ltd")] == ["s-new", "s-old"]
    assert [r.id for r in store.scans("nordwind exchange LTD")] == ["s-new", "s-old"]
    assert [r.id for r in store.scans("ATLAS DIGITAL MÄRKTE")] == ["s-same-b", "s-mid"]
    assert store.scans("nobody") == [] and store.scans(limit=0) == []


def test_scans_are_found_by_unique_prefix_and_an_ambiguous_one_lists_the_candidates(store):
    record(store, "01jdab12aaaa")
    record(store, "01jdab12bbbb", started="2026-11-22T05:00:00Z")
    record(store, "01jdcd34cccc")
    assert store.scan("01jdcd").id == "01jdcd34cccc"
    assert store.scan("01jdab12bbbb").id == "01jdab12bbbb"
    assert store.scan("01jd0") is None and store.scan("01j") is None  # no match; too short to be a prefix
    with pytest.raises(StoreError) as err:
        store.scan("01jdab")
    assert "ambiguous" in str(err.value) and "01jdab12aaaa" in str(err.value) and "01jdab12bbbb" in str(err.value)


def test_a_failure_inside_complete_scan_leaves_the_scan_running_with_no_rows(spec, store):
    store.begin_scan("01jdfail0001", "nordwind-exchange-ltd", "Nordwind Exchange Ltd", T0, "out")
    broken = make_report("01jdfail0001", findings=(3,))
    del broken["channels"][0]["findings"][1]["indicator"]  # the second finding: after rows were written
    with pytest.raises(KeyError):
        store.complete_scan(broken, "out")
    row = store.scan("01jdfail0001")
    assert (row.status, row.level, row.findings) == ("running", "", 0)
    assert store.report("01jdfail0001") is None and store.finding("nordwind-exchange-ltd-0-0") is None
    for table in ("channels", "findings"):
        assert sql(spec, f"SELECT count(*) FROM {table} WHERE scan_id = ?", ("01jdfail0001",)) == [(0,)]
    store.complete_scan(make_report("01jdfail0001", findings=(3,)), "out")  # nothing left over to collide with
    assert store.scan("01jdfail0001").findings == 3


def test_end_scan_records_an_interruption_but_never_overwrites_a_completion(store):
    record(store, "done")
    store.begin_scan("stopped", "acme", "Acme", T0, "out")
    store.end_scan("done", "failed", "too late")
    store.end_scan("stopped", "interrupted", "SIGINT")
    assert store.scan("done").status == "complete" and store.scan("done").error == ""
    stopped = store.scan("stopped")
    assert (stopped.status, stopped.error) == ("interrupted", "SIGINT") and stopped.finished_at.endswith("Z")
    with pytest.raises(ValueError, match="interrupted, failed"):
        store.end_scan("stopped", "complete")


def test_running_scans_of_dead_processes_are_recovered_as_abandoned(spec, store):
    begin = ("import sys; from crawler.store import open_store\n"
             "with open_store(sys.argv[1]) as s: s.begin_scan('dead-0001', 'acme', 'Acme', sys.argv[2], 'out')")
    child = subprocess.run([sys.executable, "-c", begin, spec, T0], env=child_env(), cwd=ROOT, timeout=30)
    assert child.returncode == 0  # it has exited and been reaped: its pid names no process
    store.begin_scan("alive-0001", "acme", "Acme", T0, "out")  # this process: alive
    record(store, "complete-0001")
    assert store.recover_abandoned() == ["dead-0001"]
    assert store.recover_abandoned() == []
    dead = store.scan("dead-0001")
    assert dead.status == "abandoned" and "ended without finishing" in dead.error
    assert store.scan("alive-0001").status == "running" and store.scan("complete-0001").status == "complete"


def test_a_running_scan_whose_pid_was_reused_by_another_process_is_abandoned(spec, store):
    store.begin_scan("reused-0001", "acme", "Acme", T0, "out")
    assert store.recover_abandoned() == []  # its own process is still there
    # The recorded pid now belongs to a process started at another time (as after a reboot): not the scan's.
    sql(spec, "UPDATE scans SET process = ? WHERE id = ?", ("another-boot:12345", "reused-0001"))
    assert store.recover_abandoned() == ["reused-0001"]


def test_a_first_version_store_is_migrated_to_the_current_schema(spec):
    store_at_version(spec, 1)  # as a store written by the first release: no `process` column
    with open_store(spec) as store:
        store.begin_scan("after-0001", "acme", "Acme", T0, "out")
        assert store.scan("after-0001").status == "running"
    assert [v for (v,) in sql(spec, "SELECT version FROM schema_migrations ORDER BY version")][-1] >= 2


STALLING_CHILD = """
import json, sys, time
from crawler.store import open_store

class Stall(dict):  # a finding that stops the world when read: we are inside complete_scan's transaction
    def _stall(self):
        print("inside", flush=True)
        time.sleep(60)

    def __getitem__(self, key):
        self._stall()
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._stall()
        return super().get(key, default)

spec, path = sys.argv[1:3]
report = json.loads(open(path, encoding="utf-8").read())
findings = report["channels"][0]["findings"]
findings[1] = Stall(findings[1])
store = open_store(spec)
scan, firm = report["scan"], report["firm"]
store.begin_scan(scan["id"], firm["slug"], firm["name"], scan["started_at"], "o")
store.complete_scan(report, "out")
print("completed", flush=True)
"""


def _wait_for(proc: subprocess.Popen, word: str, timeout: float = 20) -> None:
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.strip()) for line in proc.stdout], daemon=True).start()
    while True:
        line = lines.get(timeout=timeout)
        assert line != "completed", "the child was not stopped inside complete_scan"
        if line == word:
            return


def test_a_process_killed_inside_complete_scan_leaves_no_partial_scan(spec, tmp_path):
    report = make_report("01jdkill0001", findings=(3, 2))
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    (tmp_path / "child.py").write_text(STALLING_CHILD, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(tmp_path / "child.py"), spec, str(tmp_path / "report.json")],
                            stdout=subprocess.PIPE, text=True, env=child_env(), cwd=ROOT)
    try:
        _wait_for(proc, "inside")
        with open_store(spec) as store:  # while the child sits in its transaction: readers are not blocked
            assert store.scan("01jdkill0001").status == "running"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    with open_store(spec) as store:
        row = store.scan("01jdkill0001")
        assert (row.status, row.level, row.findings) == ("running", "", 0)
        assert store.report("01jdkill0001") is None and store.finding("nordwind-exchange-ltd-0-0") is None
        for table in ("channels", "findings"):
            assert sql(spec, f"SELECT count(*) FROM {table} WHERE scan_id = ?", ("01jdkill0001",)) == [(0,)]
        assert store.recover_abandoned() == ["01jdkill0001"]
        record(store, "01jdafter001", started="2026-11-23T00:00:00Z")
        store.complete_scan(report, "out")  # the killed scan's report can still be recorded in full
        assert [(r.id, r.status, r.findings) for r in store.scans()] == [
            ("01jdafter001", "complete", 3), ("01jdkill0001", "complete", 5)]


# -- triage ----------------------------------------------------------------------------------------------------------


def test_triage_decisions_overwrite_and_every_one_is_logged(store):
    record(store, "t1")
    fid = "nordwind-exchange-ltd-0-0"
    store.set_triage(fid, "dismissed", "an old page, since removed", "anna", "2026-11-22T08:00:00Z")
    store.set_triage(fid, "confirmed", "still linked from the footer", "ben", "2026-11-22T09:00:00Z")
    store.set_triage("nordwind-exchange-ltd-1-0", "dismissed", "US page", "anna", "2026-11-22T09:30:00Z")
    assert store.triage() == {
        fid: {"status": "confirmed", "reason": "still linked from the footer", "by": "ben",
              "at": "2026-11-22T09:00:00Z"},
        "nordwind-exchange-ltd-1-0": {"status": "dismissed", "reason": "US page", "by": "anna",
                                      "at": "2026-11-22T09:30:00Z"}}
    assert list(store.triage([fid, "unknown"])) == [fid] and store.triage([]) == {}
    store.set_triage(fid, "open", "needs a second look", "carl", "2026-11-22T10:00:00Z")
    assert list(store.triage()) == ["nordwind-exchange-ltd-1-0"]  # re-opened: no decision, but logged
    assert [(e["status"], e["by"], e["at"]) for e in store.triage_log(fid)] == [
        ("dismissed", "anna", "2026-11-22T08:00:00Z"), ("confirmed", "ben", "2026-11-22T09:00:00Z"),
        ("open", "carl", "2026-11-22T10:00:00Z")]
    with pytest.raises(ValueError, match="status: one of confirmed, dismissed, open, got 'ignored'"):
        store.set_triage(fid, "ignored", "why not", "anna", "2026-11-22T10:00:00Z")
    with pytest.raises(ValueError, match="reason: a non-empty text saying why"):
        store.set_triage(fid, "dismissed", "  ", "anna", "2026-11-22T10:00:00Z")
    with pytest.raises(ValueError, match="at: an ISO-8601 UTC time like 2026-11-22T02:24:00Z, got '2026-11-31T"):
        store.set_triage(fid, "dismissed", "why", "anna", "2026-11-31T10:00:00Z")
    assert len(store.triage_log(fid)) == 3


def test_triage_travels_between_a_sqlite_and_a_postgres_store(tmp_path):
    url = _need_postgres()
    with fresh_schema(url) as team_url, open_store(str(tmp_path / "laptop.sqlite")) as laptop, \
            open_store(team_url) as team:
        record(laptop, "laptop-1")
        laptop.set_triage("nordwind-exchange-ltd-0-0", "dismissed", "geo-blocked since", "anna", "2026-11-22T08:00:00Z")
        laptop.set_triage("nordwind-exchange-ltd-0-1", "confirmed", "German bonus page", "anna", "2026-11-22T08:01:00Z")
        laptop.set_triage("unseen-finding", "confirmed", "from a colleague's scan", "anna", "2026-11-22T08:02:00Z")
        exported = json.loads(json.dumps(laptop.export_triage()))
        assert exported["schema"] == "footprint.triage/1"
        assert [d["finding_id"] for d in exported["decisions"]] == [
            "nordwind-exchange-ltd-0-0", "nordwind-exchange-ltd-0-1", "unseen-finding"]
        assert exported["decisions"][0] == {
            "finding_id": "nordwind-exchange-ltd-0-0", "status": "dismissed", "reason": "geo-blocked since",
            "by": "anna", "at": "2026-11-22T08:00:00Z", "firm": "nordwind-exchange-ltd",
            "channel": "website:nordwind-exchange-ltd-0.example", "indicator": "HREFLANG",
            "url": "https://nordwind-exchange-ltd-0.example/de/0"}
        assert exported["decisions"][2]["firm"] == exported["decisions"][2]["url"] == ""

        team.set_triage("nordwind-exchange-ltd-0-1", "dismissed", "newer word", "ben", "2026-11-22T09:00:00Z")
        assert team.import_triage(exported, "laptop.json") == (2, 1)  # the team's own, newer decision stands
        assert team.import_triage(exported, "laptop.json") == (0, 3)  # again: nothing is newer
        assert team.triage() == {
            "nordwind-exchange-ltd-0-0": {"status": "dismissed", "reason": "geo-blocked since", "by": "anna",
                                          "at": "2026-11-22T08:00:00Z"},
            "nordwind-exchange-ltd-0-1": {"status": "dismissed", "reason": "newer word", "by": "ben",
                                          "at": "2026-11-22T09:00:00Z"},
            "unseen-finding": {"status": "confirmed", "reason": "from a colleague's scan", "by": "anna",
                               "at": "2026-11-22T08:02:00Z"}}
        assert team.triage_log("unseen-finding")[0]["source"] == "laptop.json"

        team.set_triage("unseen-finding", "open", "was a test page", "ben", "2026-11-22T09:05:00Z")
        assert laptop.import_triage(team.export_triage(), "team") == (2, 1)  # the re-opening travels too
        assert laptop.triage() == team.triage()
        assert "unseen-finding" not in laptop.triage()


MISSING = object()


def _with_second(**changes) -> dict:
    """A triage file whose first decision is fine and whose second has `changes` (MISSING: the field left out)."""
    first = {"finding_id": "f-good", "status": "confirmed", "reason": "ok", "by": "anna", "at": "2026-11-22T09:00:00Z"}
    second = {"finding_id": "f-bad", "status": "dismissed", "reason": "x", "by": "ben", "at": "2026-11-22T09:00:00Z"}
    second = {k: v for k, v in (second | changes).items() if v is not MISSING}
    return {"schema": "footprint.triage/1", "decisions": [first, second]}


BAD_IMPORTS = [
    ({"schema": "footprint.triage/2", "decisions": []}, "schema",
     "footprint.triage/1, the format `footprint triage --export` writes, got 'footprint.triage/2'"),
    ({"schema": "footprint.triage/2", "decisions": {}}, "schema", "footprint.triage/1"),  # the version comes first
    ({"decisions": []}, "schema", "this key is required"),
    ({"schema": "footprint.triage/1", "decisions": {}}, "decisions", "a list of decisions, got {}"),
    ({"schema": "footprint.triage/1", "decisions": [], "by": "anna"}, "by",
     "a known key (decisions, schema); unknown keys are errors"),
    (["not", "an", "object"], "(top)", "a JSON object"),
    ({"schema": "footprint.triage/1", "decisions": ["f-1"]}, "decisions[0]", "a decision: an object with finding_id"),
    (_with_second(status=MISSING), "decisions[1].status", "this key is required"),
    (_with_second(status="closed"), "decisions[1].status", "one of confirmed, dismissed, open, got 'closed'"),
    (_with_second(reason=" "), "decisions[1].reason", "a non-empty text saying why, got ' '"),
    (_with_second(finding_id=7), "decisions[1].finding_id", "a non-empty finding id, got 7"),
    (_with_second(by=None), "decisions[1].by", "who decided, as text, got None"),
    (_with_second(at="2026-11-22 09:00"), "decisions[1].at", "an ISO-8601 UTC time like 2026-11-22T02:24:00Z"),
    (_with_second(at="2026-11-22T09:00:00+01:00"), "decisions[1].at", "an ISO-8601 UTC time like 2026-11-22T02:24:00Z"),
    (_with_second(at="2026-02-30T09:00:00Z"), "decisions[1].at", "an ISO-8601 UTC time like 2026-11-22T02:24:00Z, "
                                                                  "got '2026-02-30T09:00:00Z'"),  # checked in code
    (_with_second(url=5), "decisions[1].url", "text (where the finding was last seen; not imported), got 5"),
    (_with_second(reson="typo"), "decisions[1].reson", "a known key (at, by, channel, finding_id, firm, indicator, "
                                                       "reason, status, url); unknown keys are errors"),
]


@pytest.mark.parametrize("bad, field, expected", BAD_IMPORTS, ids=[f"{case[1]}:{case[2][:40]}" for case in BAD_IMPORTS])
def test_a_bad_triage_file_is_refused_whole_naming_the_decision_and_field(store, bad, field, expected):
    with pytest.raises(StoreError) as err:
        store.import_triage(bad, "triage-from-ben.json")
    message = str(err.value)
    assert message.startswith(f"triage-from-ben.json: {field}: {expected}"), message
    assert message.endswith("; nothing was imported"), message
    assert store.triage() == {} and store.triage_log("f-good") == []


# -- threads and locations -------------------------------------------------------------------------------------------


def test_four_threads_record_scans_and_triage_at_once(spec, store):
    errors, barrier = [], threading.Barrier(4)

    def work(n: int) -> None:
        try:
            own = open_store(spec) if n % 2 else None  # two threads share `store`, two have their own connection
            target = own or store
            barrier.wait()
            for j in range(6):
                scan_id = f"thread{n}-{j}"
                record(target, scan_id, slug=f"firm-{n}", name=f"Firm {n}", started=f"2026-11-22T0{j}:00:0{n}Z")
                target.set_triage(f"firm-{n}-0-0", "confirmed", f"round {j}", f"t{n}", f"2026-11-22T0{j}:00:00Z")
                assert target.scans(f"firm-{n}", limit=1)[0].id == scan_id
            if own:
                own.close()
        except Exception as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = store.scans()
    assert len(rows) == 24 and {r.status for r in rows} == {"complete"} and {r.findings for r in rows} == {3}
    assert {fid: d["reason"] for fid, d in store.triage().items()} == {f"firm-{n}-0-0": "round 5" for n in range(4)}
    assert all(len(store.triage_log(f"firm-{n}-0-0")) == 6 for n in range(4))


def test_bad_locations_give_a_readable_store_error(tmp_path):
    (tmp_path / "a-file").write_text("not a directory", encoding="utf-8")
    (tmp_path / "notes.sqlite").write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    foreign = tmp_path / "other-app.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.close()
    cases = [
        (str(tmp_path / "a-file" / "store.sqlite"), ["a-file", "cannot create its directory"]),
        (str(tmp_path), ["is a directory", "expected a SQLite file"]),
        (str(tmp_path / "notes.sqlite"), ["notes.sqlite", "not a SQLite database"]),
        (str(foreign), ["other-app.sqlite", "not a footprint store", "customers"]),
        ("postgresql://nobody@127.0.0.1:1/x", ["postgresql://nobody@127.0.0.1:1/x", "cannot connect"]),
        ("postgres://nobody:s3cret@127.0.0.1:1/x", ["postgres://nobody:***@127.0.0.1:1/x", "cannot connect"]),
        ("postgresql://nobody@127.0.0.1:1/x?password=s3cret", ["?password=***", "cannot connect"]),
        ("postgresql://nobody@127.0.0.1:notaport/x", ["127.0.0.1:notaport", "cannot connect"]),
        ("mysql://root@localhost/footprint", ["unsupported URL scheme 'mysql'", "postgresql://"]),
        ("", ["empty store location"]),
    ]
    for spec, words in cases:
        with pytest.raises(StoreError) as err:
            open_store(spec)
        message = str(err.value)
        assert all(word in message for word in words), (spec, message)
        assert "s3cret" not in message and "\n" not in message
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(StoreError, match="not writable"):
            open_store(str(locked / "store.sqlite"))


def test_a_postgres_database_holding_other_tables_is_refused(tmp_path):
    with fresh_schema(_need_postgres()) as url:
        sql(url, "CREATE TABLE customers (id INTEGER)")
        with pytest.raises(StoreError, match="not a footprint store.*customers"):
            open_store(url)


def test_the_default_location_follows_footprint_store_then_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("FOOTPRINT_STORE", str(tmp_path / "explicit.sqlite"))
    assert default_location() == str(tmp_path / "explicit.sqlite")
    with open_store() as store:
        assert store.location == str(tmp_path / "explicit.sqlite")
    monkeypatch.delenv("FOOTPRINT_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_location() == str(tmp_path / "xdg" / "footprint" / "footprint.sqlite")
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_location() == str(tmp_path / "home" / ".local" / "share" / "footprint" / "footprint.sqlite")
