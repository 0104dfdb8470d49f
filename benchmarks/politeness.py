#!/usr/bin/env python3
"""A politeness-bound batch (issue 13): how close does `footprint scan --firm FIRMS` come to the limit the per-host
delay sets, and what does each firm in flight cost in memory?

It writes N made-up firms (default 40), each a website of PAGES static pages (default 10: an index linking the
others, robots.txt allowing all) on a host of its own, and a firms file asking for the baseline visitor only, a
delay of DELAY seconds (default 1), `max_pages: PAGES`, no screenshots. It serves them on the sandbox web (in this
process) and runs, as a user would, in a subprocess of this checkout's code:

    python -m crawler.cli scan --firm FIRMS.yaml --proxy SANDBOX --out DIR --store TMP.sqlite --quiet
                               --log-file run.jsonl [--parallel P]

The politeness limit is what the delay alone costs the busiest host: (its requests - 1) x DELAY, counted at the
sandbox web (robots.txt and sitemap.xml included); every firm crawling at once cannot finish sooner. Printed: the
wall time, the limit, their ratio (`ratio_to_limit: <x>`, the last line; 1.0 is the limit itself), the smallest gap
between two requests to one host (the delay must hold), peak tree PSS and RSS (process_tree.py, every 0.2 s), CPU
of footprint and its crawl process, and how busy the machine was meanwhile (other work on it slows the run).

    .venv/bin/python benchmarks/politeness.py [--firms 40] [--pages 10] [--delay 1] [--parallel P] [--interval 0.2]
                                              [--code CHECKOUT]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness, process_tree  # noqa: E402
from benchmarks.harness import mib  # noqa: E402

WORDS = ("Trade bitcoin and ether with low fees. Our desk serves professional clients worldwide. Custody is "
         "segregated, audited yearly, insured. ")


def write_firms(root: Path, firms: int, pages: int, delay: float) -> Path:
    """Each firm a host polite-NN.com with `pages` pages: /, linking /page-1.html ... /page-(pages-1).html."""
    from tests.support.sites import write_host

    entries = []
    for n in range(firms):
        host = f"polite-{n:02d}.com"
        links = "".join(f'<li><a href="/page-{p}.html">Page {p}</a></li>' for p in range(1, pages))
        files = {"index.html": f"<!doctype html><html lang=en><title>Firm {n}</title><h1>Firm {n}</h1>"
                               f"<p>{WORDS * 4}</p><ul>{links}</ul></html>"}
        for p in range(1, pages):
            files[f"page-{p}.html"] = (f"<!doctype html><html lang=en><title>Firm {n}, page {p}</title>"
                                       f"<h1>Page {p}</h1><p>{WORDS * 6}</p><a href='/'>Home</a></html>")
        write_host(root, host, files)
        entries.append({"firm": {"name": f"Polite Firm {n:02d} Ltd", "home_country": "SC"},
                        "channels": {"websites": [f"https://{host}/"]}})
    doc = {"firms": entries, "scan": {"visitors": [], "delay": delay, "max_pages": pages, "max_depth": 2,
                                      "screenshots": False}}
    path = root / "firms.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def host_gaps(requests: list[dict]) -> dict[str, list[float]]:
    """Per host, the requests' arrival times at the sandbox web, in order."""
    times: dict[str, list[float]] = defaultdict(list)
    for request in requests:
        times[urlsplit(request["url"]).hostname or ""].append(request["at"])
    return {host: sorted(ts) for host, ts in times.items()}


def run(firms: int, pages: int, delay: float, parallel: int, interval: float, code: Path = ROOT) -> int:
    from crawler.sandbox import SandboxWeb

    workdir = Path(tempfile.mkdtemp(prefix="politeness-bench-"))
    try:
        firms_file = write_firms(workdir / "web", firms, pages, delay)
        print(harness.machine())
        print(f"software: footprint {harness.revision()}, {harness.versions('scrapy')}; scanning with the code in "
              f"{code}")
        print(f"firms: {firms}, {pages} static pages each, one host each, delay {delay} s, baseline visitor only")
        with SandboxWeb(workdir / "web") as web:
            cmd = [sys.executable, "-m", "crawler.cli", "scan", "--firm", str(firms_file), "--proxy", web.url,
                   "--out", str(workdir / "out"), "--store", str(workdir / "store.sqlite"), "--quiet",
                   "--log-file", str(workdir / "run.jsonl")]
            if parallel:
                cmd += ["--parallel", str(parallel)]
            print("command: footprint " + " ".join(cmd[3:]).replace(web.url, "SANDBOX").replace(str(workdir), "TMP"),
                  flush=True)
            busy0, _ = process_tree.machine_cpu()
            bench0 = process_tree.self_cpu()
            env = {**os.environ, "PYTHONPATH": str(code)}  # this checkout's code, in footprint and its children
            started = time.monotonic()
            watched = process_tree.watch(cmd, interval, env=env, cwd=code)
            busy1, _ = process_tree.machine_cpu()
            bench = process_tree.self_cpu() - bench0
            times = host_gaps(web.requests.snapshot())
        print(f"exit code: {watched.code}")
        if watched.code not in (0, 3):
            print("\n".join(watched.stderr_tail))
            return 1
        busiest = max(len(ts) for ts in times.values())
        limit = (busiest - 1) * delay
        gaps = [b - a for ts in times.values() for a, b in pairwise(ts)]
        samples = watched.samples or [process_tree.TreeSample(0, 0, {}, {}, {})]
        peak_pss = max(samples, key=lambda s: s.pss_total)
        peak_rss = max(samples, key=lambda s: s.rss_total)
        footprint_cpu, children_cpu = watched.cpu
        others = (busy1 - busy0) - footprint_cpu - children_cpu - bench
        print(f"requests: {sum(len(ts) for ts in times.values())} to {len(times)} hosts, at most {busiest} to one")
        short = sum(g < 0.96 * delay for g in gaps)
        print(f"gaps between two requests to one host: smallest {min(gaps, default=0):.3f} s, {short} of "
              f"{len(gaps)} under 0.96 x the delay ({delay} s; measured at the sandbox web, in this process)")
        first, last = min(ts[0] for ts in times.values()), max(ts[-1] for ts in times.values())
        print(f"wall: {watched.wall:.1f} s; politeness limit: {limit:.1f} s; the first request at "
              f"{first - started:.1f} s, the last at {last - started:.1f} s (after it: judging, reports, index)")
        print(f"peak tree PSS: {mib(peak_pss.pss_total):.0f} MiB at {peak_pss.t:.1f} s ("
              + ", ".join(f"{k} {mib(v):.0f}" for k, v in sorted(peak_pss.pss.items())) + f"); peak RSS "
              f"{mib(peak_rss.rss_total):.0f} MiB; processes up to {max(s.processes for s in samples)}")
        print(f"CPU: footprint {footprint_cpu:.1f} s, crawl children {children_cpu:.1f} s; machine "
              f"{(busy1 - busy0) / watched.wall:.2f} of {os.cpu_count()} cores busy, other processes "
              f"{max(others, 0):.1f} s CPU ({max(others, 0) / watched.wall:.2f} cores)")
        print(f"ratio_to_limit: {limit / watched.wall:.3f}")
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--firms", type=int, default=40)
    parser.add_argument("--pages", type=int, default=10, help="pages per firm's site and --max-pages (default 10)")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between requests to one host")
    parser.add_argument("--parallel", type=int, default=0, help="footprint's --parallel (default: its own)")
    parser.add_argument("--interval", type=float, default=0.2, help="seconds between memory samples")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose footprint to run (default: "
                        "this one; another, to compare with an earlier version)")
    args = parser.parse_args(argv)
    if args.firms < 1 or args.pages < 1:
        parser.error("--firms and --pages must be at least 1")
    return run(args.firms, args.pages, args.delay, args.parallel, args.interval, args.code.resolve())


if __name__ == "__main__":
    sys.exit(main())
