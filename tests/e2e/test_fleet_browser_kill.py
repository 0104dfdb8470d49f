"""`kill -9` of a worker whose firm is being rendered (issue 13): no crawl or browser process it started is left
running within 5 s. The worker's death reaches its runner (PR_SET_PDEATHSIG), which stops the crawl process as a
scan does on SIGTERM, and the crawl process its Playwright driver and Chromium; the runner itself exits once it has
recorded its scan interrupted. (tests/e2e/test_fleet.py kills workers whose firms crawl with `--render never`.)"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
import yaml

from crawler.crawl.browser_memory import descendants
from crawler.sandbox import SandboxWeb
from tests.crawler.store.test_store import sql
from tests.support.fleet_harness import ROOT, RUNNER, Fleet, alive, cli_env, cmdline
from tests.support.pg_server import fresh_schema, postgres_url, skip_reason
from tests.support.sites import write_host

HOST = "rendered-exchange.com"


def _firms_file(root) -> str:
    links = "".join(f"<a href='/p{n}.html'>{n}</a>" for n in range(1, 6))
    files = {"index.html": f"<html lang=en><title>Rendered</title><body>{links}</body></html>"}
    files |= {f"p{n}.html": f"<html lang=en><title>Page {n}</title><p>Page {n}.</p></html>" for n in range(1, 6)}
    write_host(root / "web", HOST, files)
    doc = {"firms": [{"firm": {"name": "Rendered Ltd", "home_country": "SG"},
                      "channels": {"websites": [f"https://{HOST}/"]}}],
           "scan": {"visitors": [], "delay": 1.0, "max_pages": 6, "max_depth": 1, "screenshots": False}}
    path = root / "firms.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return str(path)


def _browsers(pids: list[int]) -> list[int]:
    return [pid for pid in pids if any(name in cmdline(pid) for name in ("chrom", "headless_shell"))]


def test_a_worker_killed_while_its_firm_renders_leaves_no_browser_running(chromium, tmp_path):
    if postgres_url() is None:
        pytest.skip(skip_reason())
    firms_file = _firms_file(tmp_path)
    with fresh_schema(postgres_url()) as url, SandboxWeb(tmp_path / "web") as web:
        env = cli_env({})
        footprint = [sys.executable, "-m", "crawler.cli"]
        subprocess.run([*footprint, "db", "migrate", "--store", url], cwd=ROOT, env=env, check=True, timeout=120,
                       capture_output=True)
        subprocess.run([*footprint, "enqueue", "--firm", firms_file, "--store", url, "--batch", "render",
                        "--proxy", web.url, "--render", "always", "--no-screenshots"], cwd=ROOT, env=env,
                       check=True, timeout=120, capture_output=True)
        fleet = Fleet(url, str(tmp_path / "evidence"), env, tmp_path)
        name = fleet.start()
        deadline = time.monotonic() + 120
        try:
            while time.monotonic() < deadline and not _browsers(descendants(fleet.workers[name].pid)):
                time.sleep(0.1)
            tree = descendants(fleet.workers[name].pid)
            browsers = _browsers(tree)
            assert browsers, (tmp_path / f"{name}.log").read_text(errors="replace")[-2000:]
            runners = [pid for pid in tree if RUNNER in cmdline(pid)]
            crawling = [pid for pid in tree if pid not in runners]  # the crawl process, Playwright's driver, Chromium
            worker = fleet.workers.pop(name)
            worker.kill()
            worker.wait()
            killed = time.monotonic()
            while any(alive(pid) for pid in crawling) and time.monotonic() - killed < 5:
                time.sleep(0.05)
            left = {pid: cmdline(pid)[:100] for pid in crawling if alive(pid)}
            while any(alive(pid) for pid in runners) and time.monotonic() - killed < 60:
                time.sleep(0.1)
            runner_gone = not any(alive(pid) for pid in runners)
        finally:
            fleet.stop_all()
        assert len(runners) == 1 and len(browsers) >= 1
        assert not left, left
        # The runner outlives them only to record its scan interrupted, as `footprint scan` does on SIGTERM.
        assert runner_gone
        assert sql(url, "SELECT status FROM scans") == [("interrupted",)]
        assert sql(url, "SELECT outcome FROM fleet_attempts") == [("running",)]  # until its lease runs out
