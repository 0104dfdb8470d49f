"""Issue 13's acceptance, through real `footprint worker` processes: a PostgreSQL restart in the middle of a batch
loses nothing, and workers whose firms share one host keep the delay between its requests, across the restart too.

One batch, run once for the module: 4 sandbox firms on one host (`shared-hosting.com/<firm>/`), a 0.5 s delay,
3 workers, evidence in a folder. While a worker's runner is crawling, the test server is stopped
(`scripts/postgres.sh stop`: a fast shutdown, every connection cut), left down long enough for every worker's
heartbeat, lease renewal, job poll and watch loop, and the crawls' host-slot claims, to hit it, and started again.
Afterwards the workers are still serving, every firm is done with exactly one complete scan in the batch, in its
first attempt (the outage was shorter than a lease: no attempt is spent on it), with no page lost, every evidence
file is where its row says with the recorded sha256, and no two requests reached the shared host less than the
delay apart. The negative control of the politeness rule (the same crawls without the store's host slots reach the
host closer together) is tests/crawler/crawl/test_host_slots.py's: a worker has no switch to turn them off.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from crawler.sandbox import SandboxWeb
from tests.crawler.store.test_store import sql
from tests.support.fleet_harness import ROOT, Fleet, cli_env, settled
from tests.support.pg_server import SCRIPT, fresh_schema, postgres_url, skip_reason
from tests.support.sites import write_host

BATCH = "restart-test"
HOST = "shared-hosting.com"
FIRMS = ("alpha", "beta", "gamma", "delta")
WORKERS = 3
DELAY = 0.5
LEASE = 10.0  # the workers' lease; renewed every third of it
DOWN_SECONDS = 4.0  # more than a heartbeat and a lease renewal (every LEASE / 3), and many polls (0.2 s)


@dataclass
class Run:
    url: str
    slugs: list[str]
    workers: list[str]
    serving: list[str] = field(default_factory=list)  # workers still running when the batch ended
    restarted_during: list[str] = field(default_factory=list)  # firms running when the server was stopped
    host_times: list[float] = field(default_factory=list)  # arrivals of requests to HOST at the sandbox
    logs: dict[str, str] = field(default_factory=dict)


def _firms_file(root: Path) -> tuple[Path, list[str]]:
    files = {}
    for name in FIRMS:
        files[f"{name}/index.html"] = (f"<html lang=en><title>{name}</title><a href='/{name}/more.html'>More</a>"
                                       f"<a href='/{name}/about.html'>About</a></html>")
        files[f"{name}/more.html"] = f"<html lang=en><title>{name} more</title><p>Plain text.</p></html>"
        files[f"{name}/about.html"] = f"<html lang=en><title>{name} about</title><p>About us.</p></html>"
    write_host(root / "web", HOST, files)
    doc = {"firms": [{"firm": {"name": f"{name.title()} Ltd", "home_country": "SG"},
                      "channels": {"websites": [f"https://{HOST}/{name}/"]}} for name in FIRMS],
           "scan": {"visitors": [], "delay": DELAY, "max_pages": 3, "max_depth": 1, "screenshots": False}}
    path = root / "firms.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    from crawler.config.profiles import load_profile

    return path, [firm.slug for firm in load_profile(path)]


def _postgres(command: str) -> None:
    subprocess.run(["bash", str(SCRIPT), command], cwd=ROOT, check=True, capture_output=True, timeout=120,
                   env=os.environ)


def _footprint(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    if postgres_url() is None:
        pytest.skip(skip_reason())
    tmp = tmp_path_factory.mktemp("restart")
    firms_file, slugs = _firms_file(tmp)
    with fresh_schema(postgres_url()) as url, SandboxWeb(tmp / "web") as web:
        env = cli_env({})
        assert _footprint(env, "db", "migrate", "--store", url).returncode == 0
        queued = _footprint(env, "enqueue", "--firm", str(firms_file), "--store", url, "--batch", BATCH,
                            "--proxy", web.url, "--render", "never", "--no-screenshots")
        assert queued.returncode == 0, queued.stderr
        fleet = Fleet(url, str(tmp / "evidence"), env, tmp, lease=LEASE)
        result = Run(url, slugs, [fleet.start() for _ in range(WORKERS)])
        deadline = time.monotonic() + 180
        try:
            while not result.restarted_during and time.monotonic() < deadline:
                running = sql(url, "SELECT firm_slug, worker FROM fleet_attempts WHERE outcome = 'running'")
                if any(fleet.crawling(worker) for _, worker in running):
                    result.restarted_during = [slug for slug, _ in running]
                    _postgres("stop")
                    time.sleep(DOWN_SECONDS)
                    _postgres("start")
                time.sleep(0.1)
            while time.monotonic() < deadline:
                if settled(url):
                    break
                time.sleep(0.2)
            result.serving = [name for name in result.workers if fleet.workers[name].poll() is None]
        finally:
            fleet.stop_all()
        result.host_times = sorted(r["at"] for r in web.requests if urlsplit(r["url"]).hostname == HOST)
        result.logs = {name: (tmp / f"{name}.log").read_text(errors="replace")[-20000:] for name in result.workers}
        yield result


def test_a_postgresql_restart_mid_batch_loses_nothing(run):
    assert run.restarted_during, "no firm was caught crawling"
    assert run.serving == run.workers, run.logs  # no worker gave up on the way
    states = dict(sql(run.url, "SELECT firm_slug, state FROM fleet_firms"))
    assert states == dict.fromkeys(run.slugs, "done"), (states, run.logs)
    complete = sql(run.url, "SELECT firm_slug, count(*) FROM scans WHERE batch_id = ? AND status = 'complete' "
                            "GROUP BY firm_slug", (BATCH,))
    assert sorted(complete) == sorted((slug, 1) for slug in run.slugs)
    attempts = sql(run.url, "SELECT firm_slug, attempt, outcome FROM fleet_attempts")
    assert sorted(attempts) == sorted((slug, 1, "complete") for slug in run.slugs), _why(run)
    rows = sql(run.url, "SELECT s.firm_slug, e.path, e.location, e.sha256 FROM fleet_evidence e "
                        "JOIN scans s ON s.id = e.scan_id WHERE s.status = 'complete'")
    for slug in run.slugs:
        assert {"report.json", "capture.warc.gz"} <= {path for s, path, *_ in rows if s == slug}
    for _slug, path, location, digest in rows:
        assert hashlib.sha256(Path(location).read_bytes()).hexdigest() == digest, location
        if path == "report.json":  # every page of every firm fetched: none lost to the outage
            channels = json.loads(Path(location).read_text())["channels"]
            assert all(c["pages"]["failed"] == 0 and c["pages"]["fetched"] == 3 for c in channels), location


def _why(run: Run) -> str:
    """The attempts that did not complete, with their errors, then the workers' own lines (their logs' tails hold
    procrastinate's tracebacks too, which would push these out of a failure's shortened message)."""
    ended = sql(run.url, "SELECT firm_slug, attempt, outcome, error FROM fleet_attempts WHERE outcome <> 'complete'")
    said = [line for log in run.logs.values() for line in log.splitlines() if line.startswith("footprint worker:")]
    return "\n".join([*map(str, ended), *said])


def test_workers_sharing_a_host_keep_the_delay_between_its_requests(run):
    """Every firm's robots.txt and pages, from 3 workers' crawls, reach the shared host at least DELAY apart
    (less 0.02 s for the sandbox's clock and thread), across the restart too, with more than one worker used."""
    assert len(run.host_times) >= len(FIRMS) * 4  # robots.txt and 3 pages per firm, at least
    gaps = [later - earlier for earlier, later in pairwise(run.host_times)]
    assert min(gaps) >= DELAY - 0.02, [round(gap, 3) for gap in gaps]
    assert len({w for (w,) in sql(run.url, "SELECT worker FROM fleet_attempts")}) > 1
