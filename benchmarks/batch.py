#!/usr/bin/env python3
"""Batch scans (issue 5): how fast does `footprint scan --firm FIRMS --parallel P` get through many firms, and what
does it cost in memory?

It generates N made-up firms (default 50, the last one unreachable) with tests/generated_firms.py: small sites of
2-4 pages each (some in German/French/Polish with euro prices, SEPA and bonuses, some with euro prices in English,
some clean), plus a firms file whose shared `scan:` block asks for one EU visitor (DE), delay 0, no screenshots.
It serves them on the sandbox web (in this process, not counted) and runs, as a user would, in a subprocess:

    footprint scan --firm FIRMS.yaml --proxy SANDBOX --out DIR --parallel P --max-pages PAGES --store TMP.sqlite
                   --quiet --no-screenshots --log-file run.jsonl [--render MODE]

Every 0.2 s it sums over the subprocess's whole process tree (footprint itself and each firm's crawl child,
`python -m crawler.crawl.child`; Playwright and Chromium if a page is rendered) the resident memory (VmRSS from
/proc/<pid>/status) and the proportional set size (Pss from /proc/<pid>/smaps_rollup: shared pages split between
their users, what the tree really costs the machine), and counts the crawl children alive. From the run's JSON-lines
log it takes each firm's scan time (firm.start to firm.done/failed); from /proc/<pid>/stat the CPU time of the
footprint process itself and of its reaped children (the crawl processes); from /proc/stat how busy the whole
machine was, so that a run slowed by other work on it (another test suite, say) shows it.

Printed: firms, parallel, wall time, firms/minute, peak tree RSS and PSS (MiB), exit code, the index's counts,
and the per-firm time and CPU split. The last line is `firms_per_minute: <x>`.

    .venv/bin/python benchmarks/batch.py [--firms 50] [--parallel 4] [--pages 5] [--render auto|always|never]
                                         [--unreachable 1] [--seed 7] [--interval 0.2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.render_memory import _kib, _read, kind_of, machine, mib, process_tree  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine since boot, from /proc/stat's first line."""
    values = [int(x) for x in _read("/proc/stat").splitlines()[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq) / CLOCK_TICKS, steal / CLOCK_TICKS


def own_cpu() -> float:
    """This process's CPU seconds: the sandbox web's threads and the sampler."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Sample:
    t: float
    rss: int  # KiB, whole tree
    pss: int
    crawls: int  # crawl children alive
    processes: int
    by_kind: dict[str, int] = field(default_factory=dict)  # RSS KiB per kind


@dataclass
class Watch:
    root_pid: int
    interval: float
    start: float
    samples: list[Sample] = field(default_factory=list)
    cpu: tuple[float, float] = (0.0, 0.0)  # footprint's own CPU s, its reaped children's CPU s (last seen)
    done: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> Sample:
        rss = pss = crawls = processes = 0
        by_kind: dict[str, int] = {}
        for pid in process_tree(self.root_pid):
            if not _read(f"/proc/{pid}/cmdline"):
                continue  # a zombie, exited and not yet reaped: no memory
            kind = kind_of(pid, self.root_pid)
            kib = _kib(_read(f"/proc/{pid}/status"), "VmRSS")
            rss += kib
            pss += _kib(_read(f"/proc/{pid}/smaps_rollup"), "Pss")
            by_kind[kind] = by_kind.get(kind, 0) + kib
            crawls += kind == "crawl"
            processes += 1
        stat = _read(f"/proc/{self.root_pid}/stat")
        if stat:
            fields = stat.rsplit(")", 1)[1].split()
            # fields[11..14] are utime, stime, cutime, cstime (stat fields 14-17) in clock ticks
            utime, stime, cutime, cstime = (int(x) / CLOCK_TICKS for x in fields[11:15])
            self.cpu = (utime + stime, cutime + cstime)
        return Sample(time.monotonic() - self.start, rss, pss, crawls, processes, by_kind)

    def run(self) -> None:
        while not self.done.is_set():
            self.samples.append(self.sample())
            self.done.wait(self.interval)


def firm_times(log: Path) -> list[float]:
    """Seconds from firm.start to firm.done (or firm.failed) per firm, from the run's JSON-lines log."""
    started: dict[str, datetime] = {}
    times = []
    if not log.is_file():
        return times
    for line in log.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        when = datetime.strptime(entry["time"], "%Y-%m-%dT%H:%M:%S.%fZ")
        if entry["event"] == "firm.start":
            started[entry["firm"]] = when
        elif entry["event"] in ("firm.done", "firm.failed") and entry.get("firm") in started:
            times.append((when - started.pop(entry["firm"])).total_seconds())
    return times


def run(firms: int, parallel: int, pages: int, render: str, unreachable: int, seed: int, interval: float,
        keep: Path | None) -> int:
    from crawler.sandbox import SandboxWeb
    from tests.generated_firms import generate, plan

    workdir = Path(tempfile.mkdtemp(prefix="batch-bench-"))
    try:
        web_root, out, log = workdir / "web", workdir / "out", workdir / "run.jsonl"
        firms_file = generate(web_root, firms, unreachable, seed)
        specs = plan(firms, unreachable, seed)
        site_pages = [s.pages for s in specs if s.reachable]
        profiles = {p: sum(s.profile == p for s in specs) for p in ("eu", "medium", "clean")}
        print(f"machine: {machine()}")
        print(f"firms: {firms} ({unreachable} unreachable; profiles {profiles}), sites of "
              f"{min(site_pages, default=0)}-{max(site_pages, default=0)} pages, {sum(site_pages)} pages in all; "
              f"seed {seed}")
        footprint = Path(sys.executable).parent / "footprint"
        with SandboxWeb(web_root) as web:
            cmd = [str(footprint), "scan", "--firm", str(firms_file), "--proxy", web.url, "--out", str(out),
                   "--parallel", str(parallel), "--max-pages", str(pages), "--store", str(workdir / "store.sqlite"),
                   "--quiet", "--no-screenshots", "--log-file", str(log)]
            if render:
                cmd += ["--render", render]
            shown = [("SANDBOX" if c == web.url else c.replace(str(workdir), "TMP")) for c in cmd]
            print("command: footprint " + " ".join(shown[1:]), flush=True)
            busy0, steal0 = machine_cpu()
            bench0 = own_cpu()
            started = time.monotonic()
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
            watch = Watch(proc.pid, interval, started)
            sampler = threading.Thread(target=watch.run, daemon=True)
            sampler.start()
            stdout, stderr = proc.communicate()
            wall = time.monotonic() - started
            busy1, steal1 = machine_cpu()
            bench = own_cpu() - bench0
            watch.done.set()
            sampler.join()
        code = proc.returncode
        index_path = out / "latest" / "index.json"
        index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.is_file() else {}
        counts = index.get("counts", {})
        print(f"exit code: {code}")
        if code not in (0, 3):
            print(stderr[-3000:] + stdout[-2000:])
        samples = watch.samples or [Sample(0, 0, 0, 0, 0)]
        peak_rss = max(samples, key=lambda s: s.rss)
        peak_pss = max(samples, key=lambda s: s.pss)
        times = sorted(firm_times(log))
        footprint_cpu, children_cpu = watch.cpu
        print(f"firms: {firms}")
        print(f"parallel: {parallel}")
        print(f"wall: {wall:.1f} s")
        print(f"firms/minute: {60 * firms / wall:.1f}")
        print(f"peak tree RSS: {mib(peak_rss.rss):.0f} MiB at {peak_rss.t:.1f} s ("
              + ", ".join(f"{k} {mib(v):.0f}" for k, v in sorted(peak_rss.by_kind.items())) + ")")
        print(f"peak tree PSS: {mib(peak_pss.pss):.0f} MiB at {peak_pss.t:.1f} s")
        print(f"crawl children alive at once: up to {max(s.crawls for s in samples)}; processes in the tree: up to "
              f"{max(s.processes for s in samples)}; {len(watch.samples)} samples every {interval} s")
        print("index counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        if times:
            print(f"per-firm scan time: median {statistics.median(times):.1f} s, min {times[0]:.1f}, "
                  f"max {times[-1]:.1f} ({len(times)} firms)")
        print(f"CPU: footprint process {footprint_cpu:.1f} s, crawl children {children_cpu:.1f} s (as of the last "
              "sample), "
              f"{(footprint_cpu + children_cpu) / wall:.2f} cores busy on average")
        # Anything else running on the machine (another test suite, say) slows the run: say how much there was.
        others = (busy1 - busy0) - (footprint_cpu + children_cpu) - bench
        print(f"machine: {(busy1 - busy0) / wall:.2f} of {os.cpu_count()} cores busy during the run; sandbox web "
              f"and sampler {bench:.1f} s CPU; other processes {max(others, 0):.1f} s CPU "
              f"({max(others, 0) / wall:.2f} cores); steal {steal1 - steal0:.1f} s")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / "samples.json").write_text(json.dumps(
                [{"t": round(s.t, 2), "rss_kib": s.rss, "pss_kib": s.pss, "crawls": s.crawls,
                  "by_kind_rss_kib": s.by_kind} for s in samples], indent=1), encoding="utf-8")
            if index:
                (keep / "index.json").write_text(json.dumps(index, indent=1), encoding="utf-8")
            print(f"samples written to {keep}")
        print(f"firms_per_minute: {60 * firms / wall:.1f}")
        return 0 if code in (0, 3) else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--firms", type=int, default=50, help="firms to generate and scan (default 50)")
    parser.add_argument("--parallel", type=int, default=4, help="footprint's --parallel (default 4)")
    parser.add_argument("--pages", type=int, default=5, help="--max-pages per website channel (default 5; the "
                        "generated sites have 2-4 pages)")
    parser.add_argument("--render", choices=("auto", "always", "never"), help="footprint's --render (default: "
                        "the firms file's, auto)")
    parser.add_argument("--unreachable", type=int, default=1, help="firms whose host does not exist (default 1)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between memory samples")
    parser.add_argument("--keep", type=Path, help="write the samples and the index to DIR")
    args = parser.parse_args(argv)
    if args.firms < 1 or not 0 <= args.unreachable <= args.firms:
        parser.error("--firms must be at least 1 and --unreachable between 0 and --firms")
    return run(args.firms, args.parallel, args.pages, args.render or "", args.unreachable, args.seed,
               args.interval, args.keep)


if __name__ == "__main__":
    sys.exit(main())
