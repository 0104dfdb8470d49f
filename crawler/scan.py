"""A scan: plan a firm's channels, crawl them (in a child process), judge the captures, write the reports.

Collect, then judge: the crawl only stores what it saw (captures/*.jsonl under the firm's output folder); the
report is built from those files alone, so it can be rebuilt without the network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from crawler.captures import channel_result, read_captures
from crawler.targets import FirmTarget
from detectors.analyze import analyze_documents
from detectors.context import Context, registrable_domain
from detectors.model import LEVELS, ChannelResult
from reports.build import build_report
from reports.validate import validate_report
from reports.writer import write_reports

UNSUPPORTED_REASON = "{kind} channels are not scanned by this version of footprint yet"


@dataclass
class ScanOptions:
    out: Path = Path("footprint-out")
    proxy: str = ""
    formats: tuple[str, ...] = ("json", "html", "md", "csv")
    fail_on: str = ""
    max_pages: int | None = None
    max_depth: int | None = None
    delay: float | None = None
    obey_robots: bool | None = None
    user_agent: str = ""
    progress: bool = True


@dataclass
class ChannelPlan:
    id: str
    kind: str
    target: str
    start_urls: list[str] = field(default_factory=list)
    max_pages: int = 200
    max_depth: int = 5


@dataclass
class FirmOutcome:
    firm: FirmTarget
    report: dict
    paths: dict[str, Path]


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def plan_channels(firm: FirmTarget, options: ScanOptions) -> tuple[list[ChannelPlan], list[ChannelResult]]:
    """Crawlable channels (websites grouped by registrable domain, affiliate pages), and results for the kinds
    this version cannot scan yet (apps, social), which are reported not-assessed rather than left out."""
    max_pages = options.max_pages or firm.scan.max_pages
    max_depth = options.max_depth if options.max_depth is not None else firm.scan.max_depth
    plans: dict[str, ChannelPlan] = {}
    for url in firm.websites:
        site = registrable_domain(urlsplit(url).hostname or "")
        plan = plans.setdefault(f"website:{site}", ChannelPlan(f"website:{site}", "website", url, [],
                                                               max_pages, max_depth))
        if url not in plan.start_urls:
            plan.start_urls.append(url)
    for url in firm.affiliates:
        host = (urlsplit(url).hostname or "").lower()
        plan = plans.setdefault(f"affiliate:{host}", ChannelPlan(f"affiliate:{host}", "affiliate", url, [], 1, 0))
        if url not in plan.start_urls:
            plan.start_urls.append(url)
            plan.max_pages = len(plan.start_urls)
    unsupported = []
    for platform, ids in sorted(firm.apps.items()):
        for app_id in ids:
            unsupported.append(_unsupported(f"app:{platform}:{app_id}", "app", app_id))
    for platform, handles in sorted(firm.social.items()):
        for handle in handles:
            unsupported.append(_unsupported(f"social:{platform}:{handle}", "social", handle))
    return list(plans.values()), unsupported


def _unsupported(channel_id: str, kind: str, target: str) -> ChannelResult:
    return ChannelResult(id=channel_id, kind=kind, target=target, status="not-assessed",
                         reason=UNSUPPORTED_REASON.format(kind=kind))


def _channel_file(channel_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-." else "_" for c in channel_id) + ".jsonl"


def crawl(jobs: list[tuple[FirmTarget, list[ChannelPlan], Path]], options: ScanOptions) -> tuple[int, str]:
    """Crawl every planned channel of every firm in one child process. Returns its exit code and stderr tail."""
    channels = []
    for firm, plans, capture_dir in jobs:
        settings = {"DOWNLOAD_DELAY": firm.scan.delay if options.delay is None else options.delay,
                    "ROBOTSTXT_OBEY": firm.scan.obey_robots if options.obey_robots is None else options.obey_robots}
        settings["AUTOTHROTTLE_START_DELAY"] = max(settings["DOWNLOAD_DELAY"], 0.1)
        if settings["DOWNLOAD_DELAY"] == 0:
            settings["AUTOTHROTTLE_ENABLED"] = False
        for plan in plans:
            channels.append({"id": plan.id, "start_urls": plan.start_urls, "max_pages": plan.max_pages,
                             "max_depth": plan.max_depth, "captures": str(capture_dir / _channel_file(plan.id)),
                             "settings": settings})
    if not channels:
        return 0, ""
    shared: dict = {}
    if options.proxy:
        shared["FOOTPRINT_PROXY"] = options.proxy
    if options.user_agent:
        shared["USER_AGENT"] = options.user_agent
    job = {"channels": channels, "settings": shared, "progress": options.progress}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(job, fh)
        job_path = fh.name
    tail: list[str] = []
    try:
        with subprocess.Popen([sys.executable, "-m", "crawler.crawl_job", job_path], stderr=subprocess.PIPE,
                              text=True, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings"}) as proc:
            # Progress lines are shown as they come; the rest of the crawl's log is kept for a failure message.
            for line in proc.stderr:
                if line.startswith("  ["):
                    if options.progress:
                        print(line, end="", file=sys.stderr, flush=True)
                else:
                    tail = (tail + [line.rstrip()])[-20:]
    finally:
        os.unlink(job_path)
    return proc.returncode, "\n".join(tail)


def assess(firm: FirmTarget, plans: list[ChannelPlan], unsupported: list[ChannelResult], capture_dir: Path,
           crawl_failure: str = "") -> list[ChannelResult]:
    """Judge the stored captures: pure with respect to the network (only the capture files are read)."""
    first_party = frozenset({registrable_domain(urlsplit(u).hostname or "") for u in firm.websites})
    ctx = Context(first_party=first_party, home_country=firm.home_country)
    results = []
    for plan in plans:
        captures = read_captures(capture_dir / _channel_file(plan.id))
        result = channel_result(plan.id, plan.kind, plan.target, captures)
        if result.status in ("assessed", "partial"):
            result.findings = analyze_documents(captures.documents, ctx, plan.kind)
        if crawl_failure:
            result.errors.append({"url": plan.target, "error": f"crawler process failed: {crawl_failure}"})
        results.append(result)
    return results + unsupported


def scan_firms(firms: list[FirmTarget], options: ScanOptions, config_extra: dict | None = None) -> list[FirmOutcome]:
    started = utc_now()
    jobs = []
    for firm in firms:
        capture_dir = options.out / firm.slug / "captures"
        if capture_dir.exists():
            shutil.rmtree(capture_dir)  # a new scan's captures replace the previous scan's in this folder
        capture_dir.mkdir(parents=True)
        plans, unsupported = plan_channels(firm, options)
        jobs.append((firm, plans, capture_dir, unsupported))
    code, tail = crawl([job[:3] for job in jobs], options)
    failure = f"exit code {code}: {tail.splitlines()[-1] if tail else ''}" if code else ""
    finished = utc_now()
    outcomes = []
    for firm, plans, capture_dir, unsupported in jobs:
        channels = assess(firm, plans, unsupported, capture_dir, failure)
        config = {
            "max_pages": options.max_pages or firm.scan.max_pages,
            "max_depth": options.max_depth if options.max_depth is not None else firm.scan.max_depth,
            "delay": firm.scan.delay if options.delay is None else options.delay,
            "obey_robots": firm.scan.obey_robots if options.obey_robots is None else options.obey_robots,
            "render": "never",
            "via_proxy": bool(options.proxy or os.environ.get("HTTPS_PROXY") or os.environ.get("HTTP_PROXY")),
            "formats": list(options.formats),
            **(config_extra or {}),
        }
        report = build_report(
            firm={"name": firm.name, "home_country": firm.home_country, "slug": firm.slug},
            channels=channels, started_at=started, finished_at=finished, visitors=firm.scan.visitors,
            config=config)
        problems = validate_report(report)
        if problems:  # a report that breaks its own schema is our bug: fail loudly rather than write it
            raise RuntimeError(f"report for {firm.name!r} does not match its schema: {problems[:3]}")
        paths = write_reports(report, options.out / firm.slug, options.formats)
        outcomes.append(FirmOutcome(firm, report, paths))
    return outcomes


def exit_code(outcomes: list[FirmOutcome], fail_on: str) -> int:
    """1 when a rated channel reached --fail-on; else 3 when a channel was not assessed or inconclusive; else 0."""
    channels = [c for o in outcomes for c in o.report["channels"]]
    if fail_on:
        threshold = LEVELS.index(fail_on)
        if any(c["level"] in LEVELS and LEVELS.index(c["level"]) >= threshold for c in channels):
            return 1
    if any(c["status"] in ("not-assessed", "inconclusive") for c in channels):
        return 3
    return 0
