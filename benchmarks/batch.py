#!/usr/bin/env python3
"""Batch scans (issue 5): how fast does `footprint scan --firm FIRMS --parallel P` get through many firms, and what
does it cost in memory?

It generates N made-up firms (default 50, the last one unreachable) with tests/support/sites.py, the same firms
as tests/crawler/runs/test_batch.py: small sites of 2-4 pages each (some in German/French/Polish with euro prices,
SEPA and bonuses, some with euro prices in English, some clean), plus a firms file whose shared `scan:` block
asks for one EU visitor (DE), delay 0, no screenshots. It serves them on the sandbox web (in this process, not
counted) and runs, as a user would, in a subprocess:

    footprint scan --firm FIRMS.yaml --proxy SANDBOX --out DIR --parallel P --max-pages PAGES --store TMP.sqlite
                   --quiet --no-screenshots --log-file run.jsonl [--render MODE]

Every 0.2 s it sums over the subprocess's whole process tree (footprint itself and each firm's crawl child, a Python
child process; Playwright and Chromium if a page is rendered) the resident memory (VmRSS from /proc/<pid>/status)
and the proportional set size (Pss from /proc/<pid>/smaps_rollup: shared pages split between their users, what the
tree really costs the machine), and counts the crawl children alive (benchmarks/harness.py). From the run's
JSON-lines log it takes each firm's scan time (firm.start to firm.done/failed); from /proc/<pid>/stat the CPU time
of the footprint process itself and of its reaped children (the crawl processes); from /proc/stat how busy the whole
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
import shutil
import statistics
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness, process_tree  # noqa: E402
from benchmarks.harness import mib  # noqa: E402


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
    from tests.support.sites import generate, plan

    workdir = Path(tempfile.mkdtemp(prefix="batch-bench-"))
    try:
        web_root, out, log = workdir / "web", workdir / "out", workdir / "run.jsonl"
        firms_file = generate(web_root, firms, unreachable, seed)
        specs = plan(firms, unreachable, seed)
        site_pages = [s.pages for s in specs if s.reachable]
        profiles = {p: sum(s.profile == p for s in specs) for p in ("eu", "medium", "clean")}
        print(harness.machine())
        print(f"software: footprint {harness.revision()}, {harness.versions('scrapy')}")
        print(f"firms: {firms} ({unreachable} unreachable; profiles {profiles}), sites of "
              f"{min(site_pages, default=0)}-{max(site_pages, default=0)} pages, {sum(site_pages)} pages in all; "
              f"seed {seed}")
        with SandboxWeb(web_root) as web:
            cmd = [harness.footprint_command(), "scan", "--firm", str(firms_file), "--proxy", web.url, "--out",
                   str(out), "--parallel", str(parallel), "--max-pages", str(pages), "--store",
                   str(workdir / "store.sqlite"), "--quiet", "--no-screenshots", "--log-file", str(log)]
            if render:
                cmd += ["--render", render]
            shown = [("SANDBOX" if c == web.url else c.replace(str(workdir), "TMP")) for c in cmd]
            print("command: footprint " + " ".join(shown[1:]), flush=True)
            busy0, steal0 = process_tree.machine_cpu()
            bench0 = process_tree.self_cpu()
            watched = process_tree.watch(cmd, interval)
            busy1, steal1 = process_tree.machine_cpu()
            bench = process_tree.self_cpu() - bench0
        code, wall = watched.code, watched.wall
        index_path = out / "latest" / "index.json"
        index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.is_file() else {}
        counts = index.get("counts", {})
        print(f"exit code: {code}")
        if code not in (0, 3):
            print("\n".join(watched.stderr_tail) + "\n" + watched.stdout[-2000:])
        samples = watched.samples or [process_tree.TreeSample(0, 0, {}, {}, {})]
        peak_rss = max(samples, key=lambda s: s.rss_total)
        peak_pss = max(samples, key=lambda s: s.pss_total)
        times = sorted(firm_times(log))
        footprint_cpu, children_cpu = watched.cpu
        print(f"firms: {firms}")
        print(f"parallel: {parallel}")
        print(f"wall: {wall:.1f} s")
        print(f"firms/minute: {60 * firms / wall:.1f}")
        print(f"peak tree RSS: {mib(peak_rss.rss_total):.0f} MiB at {peak_rss.t:.1f} s ("
              + ", ".join(f"{k} {mib(v):.0f}" for k, v in sorted(peak_rss.rss.items())) + ")")
        print(f"peak tree PSS: {mib(peak_pss.pss_total):.0f} MiB at {peak_pss.t:.1f} s")
        print(f"crawl children alive at once: up to {max(s.counts.get('crawl', 0) for s in samples)}; processes in "
              f"the tree: up to {max(s.processes for s in samples)}; {len(watched.samples)} samples every "
              f"{interval} s")
        print("index counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        if times:
            print(f"per-firm scan time: median {statistics.median(times):.1f} s, min {times[0]:.1f}, "
                  f"max {times[-1]:.1f} ({len(times)} firms)")
        print(f"CPU: footprint process {footprint_cpu:.1f} s, crawl children {children_cpu:.1f} s (as of the last "
              f"sample), {(footprint_cpu + children_cpu) / wall:.2f} cores busy on average")
        # Anything else running on the machine (another test suite, say) slows the run: say how much there was.
        others = (busy1 - busy0) - (footprint_cpu + children_cpu) - bench
        print(f"machine: {(busy1 - busy0) / wall:.2f} of {os.cpu_count()} cores busy during the run; sandbox web "
              f"and sampler {bench:.1f} s CPU; other processes {max(others, 0):.1f} s CPU "
              f"({max(others, 0) / wall:.2f} cores); steal {steal1 - steal0:.1f} s")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / "samples.json").write_text(json.dumps(
                [{"t": round(s.t, 2), "rss_kib": s.rss_total, "pss_kib": s.pss_total,
                  "crawls": s.counts.get("crawl", 0), "by_kind_rss_kib": s.rss} for s in samples], indent=1),
                encoding="utf-8")
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
