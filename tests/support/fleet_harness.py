"""Worker processes for the fleet tests: start `footprint worker`s, look at their process trees in /proc, kill one
outright or stop it, and see how long what it started outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from crawler.crawl.browser_memory import descendants
from crawler.store.fleet_status import SETTLED
from tests.crawler.store.test_store import sql

ROOT = Path(__file__).resolve().parents[2]
CRAWL_CHILD = "crawler.crawl.child"
RUNNER = "crawler.runs.fleet.runner"


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def alive(pid: int) -> bool:
    """Running, not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@dataclass
class Fleet:
    """Workers of one test; each killed one is replaced, so the batch goes on."""

    store: str
    evidence: str
    env: dict[str, str]
    logs: Path
    lease: float = 2.5  # short, for the tests; long enough that a live worker on a loaded machine keeps it
    poll: float = 0.2
    concurrency: int = 0  # firms each worker scans at once (0: the worker's default)
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)
    started: int = 0

    def start(self) -> str:
        self.started += 1
        name = f"w{self.started}"
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115 - closed with the process, by the OS
        self.workers[name] = subprocess.Popen(
            [sys.executable, "-m", "crawler.cli", "worker", "--store", self.store, "--evidence", self.evidence,
             "--name", name, "--lease", str(self.lease), "--poll", str(self.poll),
             *(["--concurrency", str(self.concurrency)] if self.concurrency else [])],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        return name

    def crawling(self, name: str) -> bool:
        proc = self.workers.get(name)
        return proc is not None and proc.poll() is None and any(
            CRAWL_CHILD in cmdline(pid) for pid in descendants(proc.pid))

    def kill(self, name: str) -> float:
        """SIGKILL the worker; then how long until nothing it started runs any more (at most 10 s waited)."""
        proc = self.workers.pop(name)
        tree = descendants(proc.pid)
        proc.kill()
        proc.wait()
        killed = time.monotonic()
        while any(alive(pid) for pid in tree) and time.monotonic() - killed < 10:
            time.sleep(0.05)
        return time.monotonic() - killed

    def terminate(self, name: str) -> int:
        proc = self.workers.pop(name)
        proc.send_signal(signal.SIGTERM)
        return proc.wait(timeout=60)

    def stop_all(self) -> dict[str, int]:
        codes = {}
        for proc in list(self.workers.values()):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for name, proc in list(self.workers.items()):
            try:
                codes[name] = proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                codes[name] = proc.wait()
        self.workers.clear()
        return codes


def cli_env(extra: dict[str, str]) -> dict[str, str]:
    """The environment of a `footprint` subprocess running this checkout's code."""
    return {**os.environ, **extra, "PYTHONPATH": str(ROOT)}


def settled(store: str) -> bool:
    """Whether every firm the fleet's store holds is done or failed (none queued or running)."""
    states = [state for (state,) in sql(store, "SELECT state FROM fleet_firms")]
    return bool(states) and all(state in SETTLED for state in states)
