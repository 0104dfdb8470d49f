"""A fleet end to end (issue 13): 8 sandbox firms and a 9th that kills its worker every time, 3 worker processes
over a private PostgreSQL and moto's S3 server, all on loopback.

One batch runs once for the module, while the harness kills -9 the worker crawling the first firm (once), sends
SIGTERM to the one crawling the second (once), and kills -9 whichever worker crawls the poison firm (every time),
starting a fresh worker after each. Then: every firm but the poison one is done with exactly one complete scan,
its evidence in the bucket with the recorded sha256; the killed worker left nothing running within 5 s; the
interrupted and killed attempts were run again by other workers, never two at once; the poison firm is failed
after 3 attempts; queueing the batch again, even concurrently, made no second job; `batch report` ranks the
firms as the run index of `footprint scan --firm` ranks the same reports.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from crawler.sandbox import SandboxWeb
from reports.index import build_index
from tests.crawler.store.test_store import sql
from tests.support.fleet_harness import ROOT, Fleet, cli_env, settled
from tests.support.pg_server import fresh_schema, postgres_url, skip_reason
from tests.support.s3_server import s3_env
from tests.support.sites import generate

BATCH = "fleet-test"
POISON = "poison-ltd"
SLOW = {"delay": 1.5}  # the firms the harness interrupts crawl long enough to be caught crawling (polled
# every 0.1 s, but the loop waits for a SIGTERM'd worker to exit meanwhile)


@dataclass
class FleetRun:
    url: str
    env: dict[str, str]
    bucket: str
    tmp: Path
    slugs: list[str]
    kill_slug: str
    term_slug: str
    orphans_gone_after: list[float] = field(default_factory=list)
    killed: list[str] = field(default_factory=list)
    kill_worker: str = ""  # the worker killed while crawling kill_slug
    terminated: str = ""
    term_code: int | None = None
    exit_codes: dict[str, int] = field(default_factory=dict)
    enqueue_outputs: list[str] = field(default_factory=list)
    wall: float = 0.0


def footprint(run_env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, env=run_env, capture_output=True,
                          text=True, timeout=120)


def _firms_file(web: Path) -> tuple[Path, list[str]]:
    generated = generate(web, count=8, unreachable=0, seed=11)
    data = yaml.safe_load(generated.read_text())
    shutil.copytree(web / urlsplit_host(data["firms"][0]), web / "poison-ltd.com")
    poison = {"firm": {"name": "Poison Ltd", "home_country": "SG"},
              "channels": {"websites": ["https://poison-ltd.com/"]}, "scan": SLOW}
    data["firms"][0]["scan"] = SLOW
    data["firms"][1]["scan"] = SLOW
    data["firms"].insert(2, poison)
    data["scan"].update({"max_pages": 3, "visitors": []})
    path = web / "fleet.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    from crawler.config.profiles import load_profile

    return path, [firm.slug for firm in load_profile(path)]


def urlsplit_host(entry: dict) -> str:
    return entry["channels"]["websites"][0].split("/")[2]


@pytest.fixture(scope="module")
def fleet_run(tmp_path_factory):
    if postgres_url() is None:
        pytest.skip(skip_reason())
    s3, bucket = s3_env()
    tmp = tmp_path_factory.mktemp("fleet")
    firms_file, slugs = _firms_file(tmp / "web")
    with fresh_schema(postgres_url()) as url, SandboxWeb(tmp / "web") as web:
        env = cli_env(s3)
        run = FleetRun(url, env, bucket, tmp, slugs, kill_slug=slugs[0], term_slug=slugs[1])
        assert footprint(env, "db", "migrate", "--store", url).returncode == 0
        enqueue = [sys.executable, "-m", "crawler.cli", "enqueue", "--firm", str(firms_file), "--store", url,
                   "--batch", BATCH, "--proxy", web.url, "--render", "never", "--no-screenshots"]
        twins = [subprocess.Popen(enqueue, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True) for _ in range(2)]
        run.enqueue_outputs = [twin.communicate(timeout=60)[0].strip() for twin in twins]
        run.enqueue_outputs.append(footprint(env, *enqueue[3:]).stdout.strip())
        fleet = Fleet(url, f"s3://{bucket}/evidence", env, tmp)
        for _ in range(3):
            fleet.start()
        started = time.monotonic()
        try:
            _drive(run, fleet, deadline=started + 420)  # minutes only on a machine shared by many runs
        finally:
            run.exit_codes = fleet.stop_all()
        run.wall = time.monotonic() - started
        figures = {"wall_s": round(run.wall, 1), "killed": run.killed, "kill_worker": run.kill_worker,
                   "terminated": run.terminated,
                   "orphans_gone_after_s": [round(t, 2) for t in run.orphans_gone_after]}
        (tmp / "figures.json").write_text(json.dumps(figures))  # for BENCHMARKS-style notes: what this run took
        yield run


def _drive(run: FleetRun, fleet: Fleet, deadline: float) -> None:
    """Until every firm is done or failed: interrupt the chosen firms' workers while they crawl."""
    while time.monotonic() < deadline:
        if settled(run.url):
            return
        for slug, worker in sql(run.url, "SELECT firm_slug, worker FROM fleet_attempts WHERE outcome = 'running'"):
            if not fleet.crawling(worker):
                continue
            if slug == POISON or (slug == run.kill_slug and not run.kill_worker):
                run.orphans_gone_after.append(fleet.kill(worker))
                run.killed.append(worker)
                run.kill_worker = run.kill_worker or (worker if slug == run.kill_slug else "")
                fleet.start()
            elif slug == run.term_slug and not run.terminated:
                run.terminated, run.term_code = worker, fleet.terminate(worker)
                fleet.start()
        time.sleep(0.1)
    pytest.fail(f"the batch did not finish in time: {sql(run.url, 'SELECT firm_slug, state FROM fleet_firms')}")


def test_every_firm_is_done_with_exactly_one_complete_scan_and_the_poison_firm_failed(fleet_run):
    run = fleet_run
    states = dict(sql(run.url, "SELECT firm_slug, state FROM fleet_firms"))
    assert states == {slug: "failed" if slug == POISON else "done" for slug in run.slugs}
    complete = sql(run.url, "SELECT firm_slug, count(*) FROM scans WHERE batch_id = ? AND status = 'complete' "
                            "GROUP BY firm_slug", (BATCH,))
    assert sorted(complete) == sorted((slug, 1) for slug in run.slugs if slug != POISON)


def test_queueing_the_batch_twice_and_concurrently_made_one_job_per_firm(fleet_run):
    assert fleet_run.enqueue_outputs == [BATCH] * 3
    jobs = sql(fleet_run.url, "SELECT args->>'firm', count(*) FROM procrastinate_jobs GROUP BY 1")
    assert sorted(jobs) == sorted((slug, 1) for slug in fleet_run.slugs)


def test_every_evidence_object_is_in_the_bucket_with_its_recorded_sha256(fleet_run):
    import boto3

    s3 = boto3.client("s3", endpoint_url=fleet_run.env["AWS_ENDPOINT_URL"], region_name="us-east-1",
                      aws_access_key_id="testing", aws_secret_access_key="testing")
    rows = sql(fleet_run.url, "SELECT s.firm_slug, e.path, e.location, e.sha256 FROM fleet_evidence e "
                              "JOIN scans s ON s.id = e.scan_id WHERE s.status = 'complete'")
    per_firm: dict[str, set[str]] = {}
    for slug, path, location, digest in rows:
        key = location.removeprefix(f"s3://{fleet_run.bucket}/")
        body = s3.get_object(Bucket=fleet_run.bucket, Key=key)["Body"].read()
        assert hashlib.sha256(body).hexdigest() == digest, location
        per_firm.setdefault(slug, set()).add(path)
    assert len(per_firm) == 8
    assert all({"report.json", "report.html", "capture.warc.gz", "SHA256SUMS"} <= paths for paths in per_firm.values())
    # the scan rows point at the uploaded folder
    for slug, out_dir in sql(fleet_run.url, "SELECT firm_slug, out_dir FROM scans WHERE status = 'complete'"):
        assert out_dir.startswith(f"s3://{fleet_run.bucket}/evidence/{BATCH}/{slug}/")


def test_a_killed_worker_leaves_nothing_running_and_its_firm_is_run_again_elsewhere(fleet_run):
    run = fleet_run
    assert run.kill_worker and max(run.orphans_gone_after) < 5, run.orphans_gone_after
    attempts = sql(run.url, "SELECT attempt, worker, outcome, error FROM fleet_attempts WHERE firm_slug = ? "
                            "ORDER BY attempt", (run.kill_slug,))
    assert attempts[0][1] == run.kill_worker and attempts[0][2] == "abandoned"
    assert "stopped renewing its lease" in attempts[0][3]
    assert attempts[-1][2] == "complete" and attempts[-1][1] != run.kill_worker


def test_sigterm_interrupts_the_scan_with_exit_7_and_another_worker_runs_it_once(fleet_run):
    run = fleet_run
    assert run.terminated and run.term_code == 7
    attempts = sql(run.url, "SELECT worker, outcome FROM fleet_attempts WHERE firm_slug = ? ORDER BY attempt",
                   (run.term_slug,))
    assert attempts[0] == (run.terminated, "interrupted")
    assert [outcome for _, outcome in attempts[1:]] == ["complete"] and attempts[1][0] != run.terminated
    assert sql(run.url, "SELECT status FROM scans WHERE firm_slug = ? ORDER BY started_at", (run.term_slug,)) == \
        [("interrupted",), ("complete",)]
    assert all(code in (0, 7) for code in run.exit_codes.values()), run.exit_codes


def test_two_attempts_at_a_firm_overlap_only_when_the_first_one_lost_its_lease(fleet_run):
    """A SIGTERM'd worker keeps renewing its lease until its scan has stopped, so the interrupted firm never runs
    twice at once. Elsewhere a second attempt may start only after the first one's lease expired (a worker starved
    of CPU on a loaded machine looks dead); then the first commit wins and the other is superseded."""
    overlapping = sql(fleet_run.url, "SELECT a.firm_slug, a.outcome, b.outcome FROM fleet_attempts a "
                                     "JOIN fleet_attempts b ON a.firm_slug = b.firm_slug AND b.attempt > a.attempt "
                                     "WHERE b.started_at < a.finished_at")
    assert all(slug != fleet_run.term_slug for slug, _, _ in overlapping), overlapping
    assert all("superseded" in (first, second) or first == "abandoned" for _, first, second in overlapping)


def test_the_poison_firm_is_failed_after_three_attempts_with_the_reason(fleet_run):
    [(error,)] = sql(fleet_run.url, "SELECT error FROM fleet_firms WHERE firm_slug = ?", (POISON,))
    assert error.startswith("gave up after 3 attempt(s)")
    outcomes = sql(fleet_run.url, "SELECT outcome FROM fleet_attempts WHERE firm_slug = ?", (POISON,))
    assert outcomes == [("abandoned",)] * 3


def test_batch_status_and_report_rank_the_firms_as_a_scan_run_index_does(fleet_run):
    run = fleet_run
    status = json.loads(footprint(run.env, "batch", "status", BATCH, "--json", "--store", run.url).stdout)
    assert (status[0]["done"], status[0]["failed"], status[0]["running"]) == (8, 1, 0)
    assert status[0]["outcomes"]["complete"] == 8 and status[0]["outcomes"]["abandoned"] >= 4
    out = run.tmp / "report"
    assert footprint(run.env, "batch", "report", BATCH, "--out", str(out), "--store", run.url).returncode == 0
    index = json.loads((out / "index.json").read_text())
    # what `scan --firm` ranks: the report.json each scan wrote (here, as uploaded), through the same index
    entries = []
    for slug in run.slugs:
        folder = out / slug
        report = json.loads((folder / "report.json").read_text()) if slug != POISON else None
        entries.append({"slug": slug, "name": slug, "report": report, "report_dir": slug, "error": "x"})
    expected = build_index(entries, index["run"])
    assert [(f["slug"], f["rank"], f["level"], f["score"]) for f in index["firms"]] == \
        [(f["slug"], f["rank"], f["level"], f["score"]) for f in expected["firms"]]
    assert index["firms"][0]["slug"] == POISON and index["firms"][0]["rank"] is None  # failed: first, unranked
    assert all((out / f["report"]["html"]).is_file() for f in index["firms"] if f["report"])


def test_analyze_rebuilds_a_firm_from_its_archive_in_the_bucket(fleet_run):
    run = fleet_run
    slug = run.slugs[-1]
    [(scan_id, location)] = sql(run.url, "SELECT e.scan_id, e.location FROM fleet_evidence e JOIN scans s "
                                         "ON s.id = e.scan_id WHERE s.firm_slug = ? AND s.status = 'complete' "
                                         "AND e.path = 'capture.warc.gz'", (slug,))
    out = run.tmp / "analyze"
    done = footprint(run.env, "analyze", location, "--out", str(out), "--store", run.url)
    assert done.returncode in (0, 3), done.stderr
    [rebuilt] = list(out.glob("latest/*/report.json"))
    [(level, score)] = sql(run.url, "SELECT level, score FROM scans WHERE id = ?", (scan_id,))
    verdict = json.loads(rebuilt.read_text())["verdict"]
    assert (verdict["level"], verdict["score"]) == (level, score)


def test_batch_retry_queues_only_the_failed_firm_again(fleet_run):
    """Last: it changes the batch. A near miss first: without --failed nothing happens (exit 2)."""
    run = fleet_run
    assert footprint(run.env, "batch", "retry", BATCH, "--store", run.url).returncode == 2
    done = footprint(run.env, "batch", "retry", BATCH, "--failed", "--store", run.url)
    assert done.returncode == 0 and done.stdout.strip().endswith(f"1 failed firm(s) queued again: {POISON}")
    assert sql(run.url, "SELECT state, attempts FROM fleet_firms WHERE firm_slug = ?", (POISON,)) == [("queued", 0)]
    assert sql(run.url, "SELECT args->>'firm' FROM procrastinate_jobs WHERE status = 'todo'") == [(POISON,)]
