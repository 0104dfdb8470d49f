#!/usr/bin/env python3
"""Scan memory against pages (issue 12): peak RSS of footprint's whole process tree for a static scan of N pages
against one of 10 N pages (default 2,000 and 20,000), and what the scan writes.

Each site is generated as benchmarks/crawl.py generates it (tests/support/exchange_site.py: 30-60 KiB exchange
pages with the same site chrome on every page, every page within the default depth limit) and served by the sandbox
web in this process. footprint runs as a user runs it, in a subprocess:

    footprint scan https://exchange-bench.com/ --proxy SANDBOX --render never --no-screenshots --max-pages N
              --max-depth 5 --delay 0 --out OUT --store OUT/footprint.sqlite

and every `--interval` seconds (default 0.5) the benchmark sums VmRSS (/proc/<pid>/status) and Pss
(/proc/<pid>/smaps_rollup) over its whole process tree: footprint itself and its crawl child (benchmarks/harness.py,
`watch`). Its progress lines on stderr count the pages fetched, so the peak is placed: while crawling, or after
(judging and writing the reports).

Printed per size: pages fetched (distinct URLs answered 200), wall time and crawl time, the peak tree RSS and PSS
with the share of each process, the peak while crawling and after, findings (index.json), and the sizes of
report.json, the other reports, capture.warc.gz and the store. Then the ratios large/small of the peak RSS, the
report.json size and the wall time; the last line is `ratio: <peak tree RSS large / small>`.

    .venv/bin/python benchmarks/memory.py [--pages 2000] [--large 20000] [--quick] [--interval 0.5] [--timeout 7200]
                                            [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness, process_tree  # noqa: E402
from benchmarks.harness import mib  # noqa: E402
from benchmarks.process_tree import TreeSample  # noqa: E402

# footprint's progress line for a page: "  [website:host] 200 as US https://...".
PROGRESS = re.compile(r"^\s+\[(?P<channel>[^\]]+)\] (?P<status>\d{3})(?: rendered)?(?: as \S+)? (?P<url>\S+)")
OUTPUTS = ("report.json", "report.html", "report.md", "findings.csv", "capture.warc.gz")


@dataclass
class Pages:
    """The pages footprint said it fetched (its stderr), and when the last one came (the end of the crawl)."""

    started: float  # time.monotonic() when the scan started
    urls: set[str] = field(default_factory=set)
    last: float = 0.0  # seconds from the start to the last page fetched

    def line(self, line: str) -> bool:
        match = PROGRESS.match(line)
        if not match:
            return False
        if match["status"] == "200" and not match["url"].endswith("/sitemap.xml"):
            self.urls.add(match["url"])
            self.last = time.monotonic() - self.started
        return True


@dataclass
class Scan:
    """One scan's figures."""

    pages: int
    code: int
    wall: float
    crawl: float  # seconds until the last page was fetched
    samples: list[TreeSample]
    cpu: float  # CPU seconds of footprint and its crawl child
    busy: float  # cores the whole machine kept busy on average meanwhile (other work included)
    sizes: dict[str, int]  # bytes written, by file (and "store")
    findings: int

    @property
    def peak(self) -> TreeSample:
        return max(self.samples, key=lambda s: s.rss_total)

    @property
    def peak_pss(self) -> TreeSample:
        return max(self.samples, key=lambda s: s.pss_total)


def written(out: Path) -> tuple[dict[str, int], int]:
    """The sizes of what the scan wrote (the firm's files and the store) and the findings its index.json counts."""
    folders = [p for p in out.glob("latest/*") if p.is_dir()]
    sizes = {name: (folders[0] / name).stat().st_size for name in OUTPUTS if folders and (folders[0] / name).exists()}
    store = out / "footprint.sqlite"
    sizes["store"] = store.stat().st_size if store.exists() else 0
    index = out / "latest" / "index.json"
    findings = sum(f.get("findings", 0) for f in json.loads(index.read_text(encoding="utf-8"))["firms"]) \
        if index.exists() else 0
    return sizes, findings


def scan(pages: int, work: Path, interval: float, timeout: float) -> Scan:
    from crawler.sandbox import SandboxWeb
    from tests.support.exchange_site import START_URL, write_exchange_site

    web_root, out = work / f"web-{pages}", work / f"out-{pages}"
    site = write_exchange_site(web_root, pages, harness.exchange_copy())
    print(f"site of {pages} pages: {site['min_kib']:.1f}-{site['max_kib']:.1f} KiB (median {site['median_kib']:.1f}),"
          f" {site['total_mib']:.0f} MiB, every page within depth {site['depth']}", flush=True)
    with SandboxWeb(web_root) as web:
        progress = Pages(time.monotonic())
        cpu, busy = process_tree.children_cpu(), process_tree.machine_cpu()[0]
        # --verbose: a line per page fetched, which places the peak (while crawling, or after)
        watched = process_tree.watch([*harness.static_scan(START_URL, web.url, pages, out), "--verbose"], interval,
                                on_stderr=progress.line, progress=lambda: len(progress.urls), env=harness.plain_env(),
                                timeout=timeout)
        cpu, busy = process_tree.children_cpu() - cpu, (process_tree.machine_cpu()[0] - busy) / watched.wall
    shutil.rmtree(web_root, ignore_errors=True)  # up to a GiB: not kept while the next size is written
    if watched.code == -9:
        raise SystemExit(f"the scan of {pages} pages did not end within {timeout:.0f} s (killed; "
                         f"{len(progress.urls)} pages fetched by then)")
    if watched.code not in (0, 3):  # 3: findings at or above the default bar, a normal outcome
        raise SystemExit(f"footprint scan of {pages} pages failed (exit {watched.code}):\n"
                         + "\n".join(watched.stderr_tail))
    if not watched.samples:
        raise SystemExit(f"the scan of {pages} pages ended before it was sampled once")
    sizes, findings = written(out)
    return Scan(len(progress.urls), watched.code, watched.wall, progress.last, watched.samples, cpu, busy, sizes,
                findings)


def report(result: Scan) -> None:
    peak, peak_pss = result.peak, result.peak_pss
    crawling = [s for s in result.samples if s.t <= result.crawl]
    after = [s for s in result.samples if s.t > result.crawl]
    print(f"  {result.pages} pages fetched, exit {result.code}; {result.wall:.1f} s wall, the last page fetched at "
          f"{result.crawl:.1f} s; CPU {result.cpu:.1f} s; the machine kept {result.busy:.2f} cores busy meanwhile; "
          f"{result.findings} findings; {len(result.samples)} samples")
    print(f"  peak tree RSS {mib(peak.rss_total):.0f} MiB at {peak.t:.1f} s ({peak.progress} pages fetched): "
          + ", ".join(f"{kind} {mib(v):.0f}" for kind, v in sorted(peak.rss.items())))
    print(f"  peak tree PSS {mib(peak_pss.pss_total):.0f} MiB at {peak_pss.t:.1f} s")
    for label, window in (("while crawling", crawling), ("after the crawl", after)):
        if window:
            top = max(window, key=lambda s: s.rss_total)
            print(f"  peak {label}: {mib(top.rss_total):.0f} MiB RSS ("
                  + ", ".join(f"{kind} {mib(v):.0f}" for kind, v in sorted(top.rss.items())) + ")")
    print("  written: " + ", ".join(f"{name} {mib(size / 1024):.1f} MiB" for name, size in result.sizes.items()),
          flush=True)


def ratio(large: float, small: float) -> str:
    return f"{large / small:.2f}" if small else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the small scan")
    parser.add_argument("--large", type=int, default=20000, help="pages of the large scan")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 40 against 160 pages")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    parser.add_argument("--timeout", type=float, default=7200, help="seconds a scan may take before it is killed")
    parser.add_argument("--keep", type=Path, help="keep both scans' output folders (not the sites) in DIR")
    args = parser.parse_args(argv)
    small, large = (40, 160) if args.quick else (args.pages, args.large)
    if not 2 <= small < large:
        parser.error("the small scan needs at least 2 pages and fewer than the large one")

    print(harness.machine())
    print(f"software: footprint {harness.revision()}, {harness.versions('Scrapy', 'selectolax')}")
    print(f"command: footprint scan https://exchange-bench.com/ --proxy SANDBOX --render never --no-screenshots "
          f"--max-pages N --max-depth 5 --delay 0 --out OUT --store OUT/footprint.sqlite; tree sampled every "
          f"{args.interval} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="footprint-bench-memory-") as tmp:
        results = {}
        for pages in (small, large):
            print(f"scan of {pages} pages:", flush=True)
            results[pages] = scan(pages, Path(tmp), args.interval, args.timeout)
            report(results[pages])
            if results[pages].pages != pages:
                print(f"the scan fetched {results[pages].pages} pages, the site has {pages}")
                return 1
        if args.keep:
            for pages in (small, large):
                shutil.copytree(Path(tmp) / f"out-{pages}", args.keep / f"out-{pages}", dirs_exist_ok=True)
    a, b = results[small], results[large]
    print(f"{large} / {small} pages: peak tree RSS {ratio(b.peak.rss_total, a.peak.rss_total)} "
          f"({mib(b.peak.rss_total):.0f} / {mib(a.peak.rss_total):.0f} MiB), peak tree PSS "
          f"{ratio(b.peak_pss.pss_total, a.peak_pss.pss_total)}, report.json "
          f"{ratio(b.sizes.get('report.json', 0), a.sizes.get('report.json', 0))} "
          f"({mib(b.sizes.get('report.json', 0) / 1024):.1f} / {mib(a.sizes.get('report.json', 0) / 1024):.1f} MiB), "
          f"wall time {ratio(b.wall, a.wall)} ({b.wall:.0f} / {a.wall:.0f} s)")
    print(f"ratio: {ratio(b.peak.rss_total, a.peak.rss_total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
