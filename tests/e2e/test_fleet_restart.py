"""A PostgreSQL restart in the middle of a fleet batch loses nothing (issue 13).

Three sandbox firms, two `footprint worker` processes, evidence in a folder. While a worker's runner is crawling a
firm, the test server is stopped (`scripts/postgres.sh stop`: a fast shutdown, every connection cut), left down
long enough for every worker's heartbeat, lease renewal, job poll and watch loop, and the crawl's host-slot claims,
to hit it, and started again. Afterwards the workers are still serving, every firm is done with exactly one complete
scan in the batch, in its first attempt (the outage was shorter than a lease: no attempt is spent on it), with no
page lost, and every evidence file is where its row says with the recorded sha256.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from crawler.sandbox import SandboxWeb
from tests.crawler.store.test_store import sql
from tests.support.fleet_harness import ROOT, Fleet, cli_env
from tests.support.pg_server import SCRIPT, fresh_schema, postgres_url, skip_reason
from tests.support.sites import generate

BATCH = "restart-test"
LEASE = 10.0  # the workers' lease; renewed every third of it
DOWN_SECONDS = 4.0  # more than a heartbeat and a lease renewal (every LEASE / 3), and many polls (0.2 s)


def _firms_file(web: Path) -> tuple[Path, list[str]]:
    data = yaml.safe_load(generate(web, count=3, unreachable=0, seed=23).read_text())
    data["scan"].update({"max_pages": 3, "visitors": [], "delay": 0.5})  # a crawl of a few seconds, to be caught in
    path = web / "restart.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    from crawler.config.profiles import load_profile

    return path, [firm.slug for firm in load_profile(path)]


def _postgres(command: str) -> None:
    subprocess.run(["bash", str(SCRIPT), command], cwd=ROOT, check=True, capture_output=True, timeout=120,
                   env=os.environ)


def _footprint(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_postgresql_restart_mid_batch_loses_nothing(tmp_path):
    if postgres_url() is None:
        pytest.skip(skip_reason())
    firms_file, slugs = _firms_file(tmp_path / "web")
    evidence = tmp_path / "evidence"
    with fresh_schema(postgres_url()) as url, SandboxWeb(tmp_path / "web") as web:
        env = cli_env({})
        assert _footprint(env, "db", "migrate", "--store", url).returncode == 0
        queued = _footprint(env, "enqueue", "--firm", str(firms_file), "--store", url, "--batch", BATCH,
                            "--proxy", web.url, "--render", "never", "--no-screenshots")
        assert queued.returncode == 0, queued.stderr
        fleet = Fleet(url, str(evidence), env, tmp_path, lease=LEASE)
        names = [fleet.start(), fleet.start()]
        deadline = time.monotonic() + 120
        restarted_during: list[str] = []
        try:
            while not restarted_during and time.monotonic() < deadline:
                running = sql(url, "SELECT firm_slug, worker FROM fleet_attempts WHERE outcome = 'running'")
                if any(fleet.crawling(worker) for _, worker in running):
                    restarted_during = [slug for slug, _ in running]
                    _postgres("stop")
                    time.sleep(DOWN_SECONDS)
                    _postgres("start")
                time.sleep(0.1)
            assert restarted_during, "no firm was caught crawling"
            states: dict[str, str] = {}
            while time.monotonic() < deadline:
                states = dict(sql(url, "SELECT firm_slug, state FROM fleet_firms"))
                if all(state in ("done", "failed") for state in states.values()):
                    break
                time.sleep(0.2)
            serving = [name for name in names if fleet.workers[name].poll() is None]
        finally:
            codes = fleet.stop_all()
        logs = {name: (tmp_path / f"{name}.log").read_text(errors="replace")[-3000:] for name in names}
        assert serving == names, (codes, logs)  # no worker gave up on the way
        assert states == dict.fromkeys(slugs, "done"), (states, logs)
        complete = sql(url, "SELECT firm_slug, count(*) FROM scans WHERE batch_id = ? AND status = 'complete' "
                            "GROUP BY firm_slug", (BATCH,))
        assert sorted(complete) == sorted((slug, 1) for slug in slugs)
        rows = sql(url, "SELECT s.firm_slug, e.path, e.location, e.sha256 FROM fleet_evidence e "
                        "JOIN scans s ON s.id = e.scan_id WHERE s.status = 'complete'")
        assert {slug for slug, *_ in rows} == set(slugs)
        for _slug, _path, location, digest in rows:
            assert hashlib.sha256(Path(location).read_bytes()).hexdigest() == digest, location
        assert all({"report.json", "capture.warc.gz"} <= {p for s, p, *_ in rows if s == slug} for slug in slugs)
        attempts = sql(url, "SELECT firm_slug, attempt, outcome FROM fleet_attempts ORDER BY firm_slug, attempt")
        assert sorted(attempts) == sorted((slug, 1, "complete") for slug in slugs), (attempts, logs)
        for _slug, path, location, _digest in rows:
            if path == "report.json":
                channels = json.loads(Path(location).read_text())["channels"]
                assert all(c["pages"]["failed"] == 0 and c["pages"]["fetched"] > 0 for c in channels), location
