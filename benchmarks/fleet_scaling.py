#!/usr/bin/env python3
"""Workers scale a politeness-bound batch (issue 13's benchmark, docs/0013-fleet.md): wall(1 worker) / wall(2).

It writes FIRMS made-up firms (default 8), each a website of PAGES static pages (default 10) on a host of its own
(benchmarks/politeness.py's firms), a delay of DELAY seconds (default 1), baseline visitor only, no screenshots,
served by the sandbox web in this process. Each run queues them as a fresh batch in a fresh schema of the test
PostgreSQL (scripts/postgres.sh, port $FOOTPRINT_PG_PORT) and starts `footprint worker` processes (this checkout's
code, `--concurrency C`, default footprint's own, evidence to a folder) until every firm is done. 1 and 2 workers
take turns, ROUNDS times each (default 2), so a slow spell of a shared machine weighs on both. Printed: the
machine, the load average around each run, each wall time (from the workers' start to the last firm done), the
smallest gap between two requests to one host, the peak PSS of the workers' trees and, per firm in flight, of its
runner and crawl processes (peak memory per concurrent static firm), then `ratio: wall(1)/wall(2)` of the best
runs, the last line.

    .venv/bin/python benchmarks/fleet_scaling.py [--firms 8] [--pages 10] [--delay 1] [--rounds 2] [--concurrency C]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness, process_tree  # noqa: E402
from benchmarks.harness import mib  # noqa: E402
from benchmarks.politeness import host_gaps, write_firms  # noqa: E402
from crawler.config.defaults import FLEET_CONCURRENCY, FLEET_LEASE_SECONDS  # noqa: E402
from tests.crawler.store.test_store import sql  # noqa: E402
from tests.support.fleet_harness import RUNNER, Fleet, cli_env, settled  # noqa: E402
from tests.support.pg_server import fresh_schema, postgres_url, skip_reason  # noqa: E402

POLL = 1.0  # the workers' --poll: jobs come by LISTEN/NOTIFY anyway; the poll is the fallback


@dataclass
class Memory:
    """Peaks over the samples: the workers' whole trees, and per firm in flight (its runner and crawl process)."""

    tree_kib: int = 0
    per_firm_kib: float = 0.0
    runner_kib: float = 0.0  # of per_firm_kib: the runner (footprint's code, judging) and its crawl process
    worker_kib: int = 0  # the worker processes themselves, at the tree's peak
    most_firms: int = 0
    samples: int = 0


@dataclass
class Result:
    workers: int
    wall: float
    load: tuple[float, float]  # 1-minute load average before and after
    busy: float  # machine cores busy, on average
    min_gap: float
    states: dict[str, str]
    cpu: float  # CPU seconds of the workers and every process they started
    memory: Memory = field(default_factory=Memory)


def _sample(roots: list[int], memory: Memory) -> None:
    tree = worker = firms_kib = firms = runners_kib = 0
    for root in roots:
        for pid in process_tree.process_tree(root):
            argv = " ".join(process_tree.argv_of(pid))
            if not argv:
                continue
            pss = process_tree.kib(process_tree.read(f"/proc/{pid}/smaps_rollup"), "Pss")
            tree += pss
            if pid == root:
                worker += pss
            else:
                firms_kib += pss
                firms += RUNNER in argv
                runners_kib += pss if RUNNER in argv else 0
    memory.samples += 1
    if tree > memory.tree_kib:
        memory.tree_kib, memory.worker_kib = tree, worker
    memory.most_firms = max(memory.most_firms, firms)
    if firms and firms_kib / firms > memory.per_firm_kib:
        memory.per_firm_kib, memory.runner_kib = firms_kib / firms, runners_kib / firms


def one_run(workers: int, firms_file: Path, web, url: str, work: Path, concurrency: int, interval: float) -> Result:
    env = cli_env({})
    with fresh_schema(url) as store:
        def footprint(*command: str) -> None:
            subprocess.run([sys.executable, "-m", "crawler.cli", *command], cwd=ROOT, env=env, check=True,
                           capture_output=True, timeout=300)

        footprint("db", "migrate", "--store", store)
        footprint("enqueue", "--firm", str(firms_file), "--store", store, "--batch", "scaling", "--proxy", web.url,
                  "--render", "never", "--no-screenshots")
        evidence = work / f"evidence-{workers}-{time.monotonic_ns()}"
        evidence.mkdir(parents=True)
        fleet = Fleet(store, str(evidence), env, work, lease=FLEET_LEASE_SECONDS, poll=POLL, concurrency=concurrency)
        seen = len(web.requests.snapshot())
        memory = Memory()
        done = threading.Event()
        load0 = os.getloadavg()[0]
        busy0, _ = process_tree.machine_cpu()
        started = time.monotonic()
        names = [fleet.start() for _ in range(workers)]
        roots = [fleet.workers[name].pid for name in names]

        def sample() -> None:
            while not done.wait(interval):
                _sample(roots, memory)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            while time.monotonic() - started < 1800:
                if settled(store):
                    break
                time.sleep(0.2)
            wall = time.monotonic() - started
            states = dict(sql(store, "SELECT firm_slug, state FROM fleet_firms"))
            time.sleep(1)  # the last runner exits after recording its firm done
            cpu = sum(sum(process_tree.process_cpu(root) or (0.0, 0.0)) for root in roots)
        finally:
            done.set()
            sampler.join()
            fleet.stop_all()
        busy1, _ = process_tree.machine_cpu()
        shutil.rmtree(evidence, ignore_errors=True)
    times = host_gaps(web.requests.snapshot()[seen:])
    gaps = [b - a for ts in times.values() for a, b in pairwise(ts)]
    return Result(workers, wall, (load0, os.getloadavg()[0]), (busy1 - busy0) / wall, min(gaps, default=0.0),
                  states, cpu, memory)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--firms", type=int, default=8)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=FLEET_CONCURRENCY,
                        help=f"firms each worker scans at once (default footprint's, {FLEET_CONCURRENCY})")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    args = parser.parse_args(argv)
    url = postgres_url()
    if url is None:
        print(skip_reason(), file=sys.stderr)
        return 2
    from crawler.sandbox import SandboxWeb

    work = Path(tempfile.mkdtemp(prefix="fleet-scaling-"))
    try:
        firms_file = write_firms(work / "web", args.firms, args.pages, args.delay)
        print(harness.machine())
        print(f"software: footprint {harness.revision()}, {harness.versions('scrapy', 'procrastinate')}")
        print(f"firms: {args.firms}, {args.pages} static pages each, one host each, delay {args.delay} s, baseline "
              f"visitor only; workers with --concurrency {args.concurrency}, evidence to a folder")
        results: list[Result] = []
        with SandboxWeb(work / "web") as web:
            for round_ in range(1, args.rounds + 1):
                for workers in (1, 2):
                    result = one_run(workers, firms_file, web, url, work, args.concurrency, args.interval)
                    results.append(result)
                    m = result.memory
                    failed = sorted(slug for slug, state in result.states.items() if state != "done")
                    print(f"round {round_}, {workers} worker(s): wall {result.wall:.1f} s; load average "
                          f"{result.load[0]:.1f} -> {result.load[1]:.1f}, machine {result.busy:.2f} of "
                          f"{os.cpu_count()} cores busy; smallest gap to one host {result.min_gap:.3f} s; "
                          f"peak tree PSS {mib(m.tree_kib):.0f} MiB (workers {mib(m.worker_kib):.0f}), "
                          f"per firm in flight {mib(m.per_firm_kib):.0f} MiB (runner {mib(m.runner_kib):.0f}, crawl "
                          f"{mib(m.per_firm_kib - m.runner_kib):.0f}), at most {m.most_firms} at once; CPU of the "
                          f"workers' trees {result.cpu:.1f} s ({result.cpu / args.firms:.1f} s per firm)"
                          + (f"; NOT DONE: {failed}" if failed else ""), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    best = {n: min(r.wall for r in results if r.workers == n) for n in (1, 2)}
    per_round = [a.wall / b.wall for a, b in zip(results[::2], results[1::2], strict=True)]
    print(f"per round: {', '.join(f'{r:.2f}' for r in per_round)}")
    print(f"ratio: wall(1)/wall(2) = {best[1]:.1f} / {best[2]:.1f} = {best[1] / best[2]:.2f}")
    return 0 if all(set(r.states.values()) == {"done"} for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
