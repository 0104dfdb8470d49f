#!/usr/bin/env python3
"""Rendered crawl memory (issue 3): does a `--render always` crawl stay within bounded memory as pages add up?

A seeded generator (tests/support/sites.py, `write_linked_site`) writes a sandbox site of N linked pages (default
300) on a made-up host, render-bench.com: an index and N-1 pages of 20-40 KiB of realistic exchange-site HTML (head
meta, nav, hero, article prose, a fees table, FAQ, footer, inline CSS) whose inline JavaScript builds part of the
content (a price table, a "related articles" list, a cookie banner) from an inline JSON state. Every page links to
about five others (children in a 5-ary tree, the nav's section pages, two "related" pages), so a breadth-first crawl
finds all N within depth 4. One shared stylesheet and one shared script are served too, as real sites have them.

`footprint scan` then runs against it through the sandbox web (a local forward proxy, no network) in a
subprocess, exactly as a user runs it:

    footprint scan https://render-bench.com/ --proxy SANDBOX --render always --max-pages N --max-depth 10
              --delay 0 --no-screenshots --out DIR

and every 0.5 s the benchmark sums the resident memory (VmRSS from /proc/<pid>/status) of that subprocess's
whole process tree (benchmarks/harness.py): footprint itself, the crawl child (a Python child process),
Playwright's node driver and every Chromium process (browser, zygotes, renderers, GPU/utility). RSS counts pages
shared between processes once per process (Chromium's processes share a lot), so PSS (/proc/<pid>/smaps_rollup,
shared pages split between their users) is sampled too: the tree's PSS is what it really costs the machine. The
sandbox web runs in this benchmark's own process and is not counted.

Printed: pages fetched and rendered (from report.json), wall time, pages/min, peak RSS and PSS of the tree,
peak Chromium RSS, and the tree's memory when 25/50/75/100 % of the pages had been fetched, so a reader sees
whether memory grows with pages or stays bounded. The last line is `peak_rss_mib: <x>`.

    .venv/bin/python benchmarks/render_memory.py [--pages 300] [--quick] [--keep DIR] [--interval 0.5]
                                                 [--visitor CC ...]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness, process_tree  # noqa: E402
from benchmarks.harness import mib  # noqa: E402
from benchmarks.process_tree import TreeSample  # noqa: E402

# footprint's progress lines on stderr: "  [channel] 200 rendered https://..." and "  [channel] error URL: why".
PROGRESS = re.compile(r"^\s+\[(?P<channel>[^\]]+)\] (?P<status>\d{3})(?P<rendered> rendered)?(?: as \S+)? (?P<url>\S+)")
ERROR = re.compile(r"^\s+\[(?P<channel>[^\]]+)\] error (?P<url>\S+): (?P<message>.*)")
BOUNDS = ("PLAYWRIGHT_MAX_CONTEXTS", "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT")  # what bounds the browser's memory
PROJECT_SETTINGS = ("CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN")


@dataclass
class Progress:
    """What footprint's stderr and its process tree said while it ran."""

    fetched: int = 0  # page fetches (one per page and visitor), sitemaps and assets left out
    rendered: int = 0
    errors: list[str] = field(default_factory=list)
    bounds: dict[str, set] = field(default_factory=dict)  # browser settings the crawl child was given

    def line(self, line: str) -> bool:
        match = PROGRESS.match(line)
        if match:
            if not match["url"].endswith(("/sitemap.xml", ".css", ".js")):
                self.fetched += 1
                self.rendered += bool(match["rendered"])
            return True
        match = ERROR.match(line)
        if match:
            self.errors.append(f"{match['url']}: {match['message']}")
            return True
        return False

    def process(self, pid: int, kind: str, argv: list[str]) -> None:
        """A crawl child names its job file (JSON) last: read which browser settings each channel was given."""
        if kind != "crawl" or not argv[-1].endswith(".json"):
            return
        try:
            job = json.loads(Path(argv[-1]).read_text(encoding="utf-8"))
            for channel in job["channels"]:
                for name in BOUNDS:
                    if name in channel.get("settings", {}):
                        self.bounds.setdefault(name, set()).add(channel["settings"][name])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # gone already, or a format this benchmark does not know: the settings line says "not seen"


def project_settings() -> str:
    """Scrapy's project settings (the module scrapy.cfg names), read with Scrapy's own command line."""
    values = []
    for name in PROJECT_SETTINGS:
        try:
            got = subprocess.run([str(Path(sys.executable).parent / "scrapy"), "settings", "--get", name],
                                 capture_output=True, text=True, cwd=ROOT, timeout=60).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            got = ""
        values.append(f"{name}={got or '?'}")
    return ", ".join(values)


def chromium_version(watched: process_tree.Watched) -> str:
    """`--version` of the Chromium binary the crawl really ran ("not started" when it ran none)."""
    binary = next((argv[0] for kind, argv in watched.processes.values() if kind == "chromium"), "")
    if not binary:
        return "Chromium not started"
    try:
        return subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout.strip() \
            or binary
    except (OSError, subprocess.TimeoutExpired):
        return binary


def at_fraction(samples: list[TreeSample], total: int, fraction: float) -> TreeSample | None:
    """The first sample taken, while the browser ran, once `fraction` of the pages had been fetched (at 100 %:
    the last sample before the browser closed)."""
    crawling = [s for s in samples if s.rss.get("chromium")]
    if fraction >= 1:
        return crawling[-1] if crawling else None
    goal = fraction * total
    return next((s for s in crawling if s.progress >= goal), None)


def run(pages: int, interval: float, keep: Path | None, visitors: list[str] | None = None) -> int:
    from crawler.sandbox import SandboxWeb
    from tests.support.sites import LINKED_BRANCHING, LINKED_HOST, linked_site_depth, write_linked_site

    workdir = Path(tempfile.mkdtemp(prefix="render-bench-"))
    try:
        web_root, out = workdir / "web", workdir / "out"
        site = write_linked_site(web_root, pages)
        print(harness.machine())
        print(f"software: footprint {harness.revision()}, "
              f"{harness.versions('playwright', 'scrapy-playwright', 'scrapy')}")
        print(f"site: {LINKED_HOST}, {site['pages']} pages, {site['min_kib']:.1f}-{site['max_kib']:.1f} KiB each "
              f"(median {site['median_kib']:.1f}), {site['total_mib']:.1f} MiB in all; links {LINKED_BRANCHING}-ary "
              f"tree + nav + related, all pages within depth {linked_site_depth(pages)}")
        progress = Progress()
        with SandboxWeb(web_root) as web:
            cmd = [harness.footprint_command(), "scan", f"https://{LINKED_HOST}/", "--proxy", web.url, "--render",
                   "always", "--max-pages", str(pages), "--max-depth", "10", "--delay", "0", "--no-screenshots",
                   "--out", str(out)]
            for country in visitors or []:
                cmd[-2:-2] = ["--visitor", country]
            print("command: footprint " + " ".join(cmd[1:4] + ["SANDBOX"] + cmd[5:-1] + ["OUT"]), flush=True)
            watched = process_tree.watch(cmd, interval, on_stderr=progress.line, progress=lambda: progress.fetched,
                                    on_new=progress.process)
        code, wall = watched.code, watched.wall
        bounds = ", ".join(f"{name}={'/'.join(map(str, sorted(progress.bounds[name])))}"
                           if name in progress.bounds else f"{name} not seen" for name in BOUNDS)
        print(f"settings: {bounds} (as the crawl child was given them); Scrapy project: {project_settings()}")
        print(f"browser: {chromium_version(watched)}")
        crawl_end = max((s.t for s in watched.samples if s.rss.get("chromium")), default=wall)
        reports = sorted(out.glob("latest/*/report.json"))
        report = json.loads(reports[0].read_text(encoding="utf-8")) if reports else {}
        channels = report.get("channels", [])
        fetched = sum(c["pages"]["fetched"] for c in channels)
        rendered = sum(len(c["rendered_pages"]) for c in channels)
        failed = sum(c["pages"]["failed"] for c in channels)
        print(f"exit code: {code}")
        if code not in (0, 3):
            print("\n".join(watched.stderr_tail + [watched.stdout[-2000:]]))
        print(f"pages: {fetched} fetched, {rendered} rendered, {failed} failed (report.json); "
              f"{progress.fetched} progress lines (page fetches, one per page and visitor), "
              f"{len(progress.errors)} errors")
        for error in progress.errors[:5]:
            print(f"  error: {error}")
        print(f"time: {wall:.1f} s wall ({crawl_end:.1f} s until the browser closed), "
              f"{60 * progress.fetched / max(crawl_end, 1e-9):.0f} page fetches/min while crawling")
        samples = watched.samples
        if not samples:
            print("no samples")
            return 1
        peak = max(samples, key=lambda s: s.rss_total)
        peak_pss = max(samples, key=lambda s: s.pss_total)
        peak_chromium = max(samples, key=lambda s: s.rss.get("chromium", 0))
        peak_chromium_pss = max(samples, key=lambda s: s.pss.get("chromium", 0))
        peak_procs = max(s.processes for s in samples)
        print(f"samples: {len(samples)} every {interval} s; up to {peak_procs} processes in the tree; at the peak: "
              + ", ".join(f"{k} {v}" for k, v in sorted(peak.counts.items())))
        print(f"peak tree RSS: {mib(peak.rss_total):.0f} MiB at {peak.t:.1f} s ({peak.progress} pages fetched): "
              + ", ".join(f"{k} {mib(v):.0f}" for k, v in sorted(peak.rss.items())))
        print(f"peak tree PSS: {mib(peak_pss.pss_total):.0f} MiB at {peak_pss.t:.1f} s "
              f"({peak_pss.progress} pages fetched): "
              + ", ".join(f"{k} {mib(v):.0f}" for k, v in sorted(peak_pss.pss.items())))
        print(f"peak Chromium RSS: {mib(peak_chromium.rss.get('chromium', 0)):.0f} MiB at {peak_chromium.t:.1f} s; "
              f"peak Chromium PSS: {mib(peak_chromium_pss.pss.get('chromium', 0)):.0f} MiB")
        total = max(progress.fetched, 1)
        print("memory over the crawl, by share of page fetches done (tree RSS / tree PSS / Chromium RSS / crawl "
              "child RSS, MiB):")
        for fraction in (0.1, 0.25, 0.5, 0.75, 1.0):
            s = at_fraction(samples, total, fraction)
            if s is None:
                continue
            window = [x for x in samples if x.progress <= s.progress]
            window_peak = max(window, key=lambda x: x.rss_total)
            print(f"  {fraction:4.0%} ({s.progress:4d} fetches, {s.t:6.1f} s): {mib(s.rss_total):6.0f} / "
                  f"{mib(s.pss_total):6.0f} / {mib(s.rss.get('chromium', 0)):6.0f} / {mib(s.rss.get('crawl', 0)):5.0f}"
                  f"   (peak so far {mib(window_peak.rss_total):.0f})")
        after = [s for s in samples if s.t > crawl_end]
        if after:
            top = max(after, key=lambda s: s.rss_total)
            print(f"  after the crawl (report building, {len(after)} samples): peak {mib(top.rss_total):.0f} MiB RSS "
                  f"({', '.join(f'{k} {mib(v):.0f}' for k, v in sorted(top.rss.items()) if v)})")
        crawling = [s for s in samples if s.rss.get("chromium")]
        if len(crawling) >= 8:
            # Growth: the mean of the last quarter of crawl samples against the second quarter.
            q = len(crawling) // 4
            second = sum(s.rss_total for s in crawling[q:2 * q]) / q
            last = sum(s.rss_total for s in crawling[-q:]) / q
            print(f"growth while crawling: {mib(second):.0f} MiB (2nd quarter mean) -> {mib(last):.0f} MiB (last "
                  f"quarter mean), {100 * (last - second) / second:+.1f} %")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / "samples.json").write_text(json.dumps(
                [{"t": round(s.t, 2), "fetched": s.progress, "rss_kib": s.rss, "pss_kib": s.pss,
                  "processes": s.counts} for s in samples], indent=1), encoding="utf-8")
            print(f"samples written to {keep / 'samples.json'}")
        print(f"peak_rss_mib: {mib(peak.rss_total):.0f}")
        return 0 if code in (0, 3) else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages in the site and the crawl budget")
    parser.add_argument("--quick", action="store_true", help="40 pages")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    parser.add_argument("--keep", type=Path, help="write every sample to DIR/samples.json")
    parser.add_argument("--visitor", action="append", metavar="CC",
                        help="also fetch every page as a resident of CC (repeatable; one browser context each)")
    args = parser.parse_args(argv)
    pages = 40 if args.quick else args.pages
    if pages < 2:
        parser.error("--pages must be at least 2")
    return run(pages, args.interval, args.keep, args.visitor)


if __name__ == "__main__":
    sys.exit(main())
