#!/usr/bin/env python3
"""Static crawl (issue 12): footprint's whole command against a bare Scrapy spider, on the same site, through the
same local proxy, with the same crawl settings.

The site is generated (tests/support/exchange_site.py): N pages (default 2,000) of 30-60 KiB of exchange landing
pages, multilingual, with the same site chrome on every page (navigation, language switcher, currency selector,
bonus banner, a footer with support phone numbers, a risk warning and the company line), every page within depth
`site_depth(N)` of the start page. The sandbox web (crawler/sandbox) serves it from this process; both sides reach it
as a forward proxy, over https through CONNECT tunnels.

- **footprint**: the command a user runs, in a subprocess, its store an SQLite file as by default, every report
  format written:
  `footprint scan https://exchange-bench.com/ --proxy SANDBOX --render never --no-screenshots --max-pages N
  --max-depth 5 --delay 0 --out OUT --store OUT/footprint.sqlite --quiet`
- **bare**: a Scrapy spider in a subprocess that follows the same links (LinkExtractor, the site's host only) and
  does nothing else, with footprint's Scrapy settings (crawler/crawl/settings.py, and what `--delay 0` changes:
  no download delay, no AutoThrottle): concurrency, robots.txt obeyed, breadth-first, retries, timeouts; the same
  depth limit and page budget, counted as footprint's website spider counts them (URLs scheduled).

Each side's time is its whole process, start-up included, from launch to exit; its CPU is the change of
`resource.getrusage(RUSAGE_CHILDREN)` over the run (the process and every child it waited for: footprint's crawl
child). The sides alternate round by round (footprint, bare, footprint, bare...), so that a slow spell of the
shared machine weighs on both; each side must fetch exactly N pages in every round (footprint's report.json, the
spider's own count), else the benchmark fails. Printed: the machine line, each round, the median and best pages/s
and CPU of each side, their ratios; the last line is `ratio: <footprint pages/s / bare pages/s, medians>`.

    .venv/bin/python benchmarks/crawl.py [--pages 2000] [--rounds 3] [--quick] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness, process_tree  # noqa: E402

MAX_DEPTH = 5  # footprint's default depth limit, given to both sides
RUN_TIMEOUT_S = 1800  # one side's one run, at most: a hung run fails the benchmark instead of blocking it

SPIDER = textwrap.dedent(
    """
    import json, sys, time
    from urllib.parse import urldefrag

    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor

    START, HOST, BUDGET, MAX_DEPTH, SETTINGS = (sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]),
                                                json.loads(sys.argv[5]))


    class Bare(scrapy.Spider):
        name = "bare"
        pages = 0
        first = last = 0.0

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.links = LinkExtractor(allow_domains=[HOST])
            self.scheduled = {START}

        async def start(self):
            self.first = time.perf_counter()
            yield scrapy.Request(START, meta={"depth_": 0})

        def parse(self, response):
            self.pages += 1
            self.last = time.perf_counter()
            depth = response.meta["depth_"] + 1
            if depth > MAX_DEPTH:
                return
            for link in self.links.extract_links(response):
                url = urldefrag(link.url).url  # a page is a page, whatever its #fragment
                if url in self.scheduled or len(self.scheduled) >= BUDGET:
                    continue
                self.scheduled.add(url)
                yield scrapy.Request(url, meta={"depth_": depth})

        def closed(self, reason):
            print(f"RESULT {self.pages} {self.last - self.first:.6f} {reason}", flush=True)


    process = CrawlerProcess(settings=SETTINGS)
    process.crawl(Bare)
    process.start()
    """
)


@dataclass
class Run:
    """One run of one side."""

    pages: int
    wall: float  # seconds, launch to exit
    cpu: float  # seconds of CPU of the process and the children it waited for

    @property
    def rate(self) -> float:
        return self.pages / self.wall


def bare_settings() -> dict:
    """footprint's Scrapy settings that shape a crawl's speed, as a scan with `--delay 0` runs them (crawler/crawl/
    job.py turns the delay and AutoThrottle off); Scrapy's defaults for the rest."""
    from crawler.crawl import settings as fp

    names = ("CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DEPTH_PRIORITY", "SCHEDULER_DISK_QUEUE",
             "SCHEDULER_MEMORY_QUEUE", "ROBOTSTXT_OBEY", "RETRY_TIMES", "DOWNLOAD_TIMEOUT", "DOWNLOAD_MAXSIZE",
             "REDIRECT_MAX_TIMES", "COOKIES_ENABLED", "TELNETCONSOLE_ENABLED", "REMOTE_CONTROL_ENABLED",
             "USER_AGENT", "LOG_LEVEL")
    return {**{name: getattr(fp, name) for name in names}, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}


def timed_process(cmd: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run cmd to its end: what it did, its wall seconds and its CPU seconds (its children's included)."""
    cpu, start = process_tree.children_cpu(), time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        stdout, stderr = proc.communicate(timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process_tree.kill_tree(proc.pid)  # footprint's crawl child too, not only the process started here
        proc.communicate()
        raise SystemExit(f"{Path(cmd[0]).name} {' '.join(cmd[1:3])}... did not end within {RUN_TIMEOUT_S} s") from None
    done = subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)
    return done, time.perf_counter() - start, process_tree.children_cpu() - cpu


def footprint_cmd(start_url: str, proxy: str, pages: int, out: Path) -> list[str]:
    return [*harness.static_scan(start_url, proxy, pages, out, MAX_DEPTH), "--quiet"]


def fetched_pages(out: Path) -> int:
    """Pages fetched by the scan's website channels, as its report.json says (latest run under `out`)."""
    reports = sorted(out.glob("latest/*/report.json"))
    if not reports:
        return 0
    report = json.loads(reports[0].read_text(encoding="utf-8"))
    return sum(c["pages"]["fetched"] for c in report.get("channels", []) if c.get("kind", "website") == "website")


def run_footprint(start_url: str, proxy: str, pages: int, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    done, wall, cpu = timed_process(footprint_cmd(start_url, proxy, pages, out), harness.plain_env())
    if done.returncode not in (0, 3):  # 3: findings at or above the default bar, a normal outcome
        raise SystemExit(f"footprint scan failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return Run(fetched_pages(out), wall, cpu)


def run_bare(script: Path, start_url: str, host: str, proxy: str, pages: int) -> Run:
    cmd = [sys.executable, str(script), start_url, host, str(pages), str(MAX_DEPTH), json.dumps(bare_settings())]
    done, wall, cpu = timed_process(cmd, harness.plain_env(proxy))
    result = next((line.split() for line in done.stdout.splitlines() if line.startswith("RESULT ")), None)
    if done.returncode != 0 or result is None:
        raise SystemExit(f"the bare spider failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return Run(int(result[1]), wall, cpu)


def summary(label: str, runs: list[Run]) -> str:
    rates = [r.rate for r in runs]
    return (f"{label}: {statistics.median(rates):.1f} pages/s median, {max(rates):.1f} best "
            f"(runs {' '.join(f'{r:.1f}' for r in rates)}); CPU {statistics.median(r.cpu for r in runs):.1f} s "
            f"median ({' '.join(f'{r.cpu:.1f}' for r in runs)}), {statistics.median(r.wall for r in runs):.1f} s "
            "wall median")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages in the site and both sides' page budget")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each running both sides once")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 60 pages, 1 round")
    parser.add_argument("--keep", type=Path, help="keep the last footprint run's output folder in DIR")
    args = parser.parse_args(argv)
    pages, rounds = (60, 1) if args.quick else (args.pages, args.rounds)
    if pages < 2 or rounds < 1:
        parser.error("--pages must be at least 2 and --rounds at least 1")

    from crawler.sandbox import SandboxWeb
    from tests.support.exchange_site import HOST, START_URL, write_exchange_site

    print(harness.machine())
    print(f"software: footprint {harness.revision()}, {harness.versions('Scrapy', 'Twisted', 'selectolax')}")
    with tempfile.TemporaryDirectory(prefix="footprint-bench-crawl-") as tmp:
        work = Path(tmp)
        site = write_exchange_site(work / "web", pages, harness.exchange_copy())
        print(f"site: {HOST}, {pages} pages of {site['min_kib']:.1f}-{site['max_kib']:.1f} KiB (median "
              f"{site['median_kib']:.1f}), {site['total_mib']:.1f} MiB, every page within depth {site['depth']}; "
              "served by the sandbox web in this process (https through CONNECT)")
        settings = bare_settings()
        print("settings, both sides: " + ", ".join(f"{k}={settings[k]}" for k in (
            "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED",
            "ROBOTSTXT_OBEY", "DEPTH_PRIORITY")) + f", depth limit {MAX_DEPTH}, page budget {pages}")
        script = work / "bare_spider.py"
        script.write_text(SPIDER, encoding="utf-8")
        out = work / "out"
        with SandboxWeb(work / "web") as web:
            cmd = footprint_cmd(START_URL, web.url, pages, out)
            print("footprint: " + " ".join(["footprint", *cmd[1:4], "SANDBOX", *cmd[5:]]).replace(str(out), "OUT"))
            print(f"rounds: {rounds}, the sides alternated (footprint, bare); figures are medians of the rounds",
                  flush=True)
            runs: dict[str, list[Run]] = {"footprint": [], "bare": []}
            for n in range(1, rounds + 1):
                busy, began = process_tree.machine_cpu()[0], time.perf_counter()
                runs["footprint"].append(run_footprint(START_URL, web.url, pages, out))
                runs["bare"].append(run_bare(script, START_URL, HOST, web.url, pages))
                busy = (process_tree.machine_cpu()[0] - busy) / (time.perf_counter() - began)
                print(f"round {n}: " + "; ".join(
                    f"{side} {r[-1].pages} pages in {r[-1].wall:.1f} s ({r[-1].rate:.1f} pages/s), CPU "
                    f"{r[-1].cpu:.1f} s" for side, r in runs.items())
                    + f"; the machine kept {busy:.2f} cores busy (all work on it)", flush=True)
            if args.keep:
                shutil.copytree(out, args.keep, dirs_exist_ok=True)
    wrong = {side: [r.pages for r in rs] for side, rs in runs.items() if any(r.pages != pages for r in rs)}
    if wrong:
        print(f"page counts differ from the site's {pages}: {wrong}")
        return 1
    for side, rs in runs.items():
        print(summary(side, rs))
    rate = {side: statistics.median(r.rate for r in rs) for side, rs in runs.items()}
    cpu = {side: statistics.median(r.cpu for r in rs) for side, rs in runs.items()}
    best = {side: max(r.rate for r in rs) for side, rs in runs.items()}
    print(f"footprint / bare: pages/s {rate['footprint'] / rate['bare']:.2f} (medians; bests "
          f"{best['footprint'] / best['bare']:.2f}), CPU {cpu['footprint'] / cpu['bare']:.2f}")
    print(f"ratio: {rate['footprint'] / rate['bare']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
