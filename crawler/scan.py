"""A firm's scan: plan its channels, crawl them (in a child process) as each visitor, judge the captures, take
screenshots of the pages with findings, write the reports. Runs of many firms are in crawler/batch.py.

Collect, then judge: the crawl only stores what it saw, in the firm folder's `capture.warc.gz`; the report is
built from that archive alone (`assess`), which is also what `footprint analyze` runs, without the network.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from crawler import interrupt
from crawler.browser import chromium_executable, launch_options
from crawler.captures import channel_captures, channel_result
from crawler.channels import (
    app_plan,
    assess_app,
    assess_social,
    assess_supplied,
    linked_channels,
    social_plan,
    supplied_plan,
)
from crawler.playwright_handler import NAVIGATION_TIMEOUT_MS
from crawler.targets import FirmTarget
from crawler.visitors import VisitorProfile, profiles
from crawler.warc import Archive, CaptureWriter, read_archive
from detectors.analyze import analyze_documents, sort_key
from detectors.context import Context, registrable_domain
from detectors.geo import analyze_visitors
from detectors.model import LEVELS, ChannelResult
from reports.build import build_report, scan_id, tool_version
from reports.since_last import mark_since_last, new_findings_at
from reports.validate import validate_report
from reports.writer import write_reports

UNSUPPORTED_REASON = "{kind} channels are not scanned by this version of footprint yet"
ARCHIVE = "capture.warc.gz"
HISTORY_DEPTH = 8  # earlier scans searched for a channel's baseline (--since-last)
COMPARABLE_CONFIG = ("max_pages", "max_depth", "render", "obey_robots")  # what a baseline must share with a scan


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
    render: str | None = None
    screenshots: bool | None = None
    visitors: list[str] = field(default_factory=list)
    visitor_proxies: dict[str, str] = field(default_factory=dict)
    user_agent: str = ""
    progress: bool = True
    exports: list[str] = field(default_factory=list)  # posts exports (JSON lines) the firm supplies
    mails: list[str] = field(default_factory=list)  # mbox files of e-mail campaigns
    same_type_window: int = 30  # days; the one-month window of ESMA's draft, unconfirmed in the final text
    since_last: bool = False  # mark what is new since the firm's previous complete scan in the store
    fail_on_new: str = ""  # exit 5 when new findings sit on a channel at this level or above
    parallel: int = 2  # firms scanned at once in a batch (the CLI's default: the CPU cores, at most 4)


@dataclass
class ChannelPlan:
    id: str
    kind: str
    target: str
    start_urls: list[str] = field(default_factory=list)
    max_pages: int = 200
    max_depth: int = 5
    spider: str = "website"  # website: follow links; pages: the start URLs only (app lookups, social pages)
    follow: str = ""  # pages spider: "telegram" follows a preview's older-posts link
    source: str = ""  # supplied material: "posts" (JSON-lines export) or "mail" (mbox)


@dataclass
class FirmOutcome:
    firm: FirmTarget
    report: dict | None  # None when the firm's scan failed (see `error`)
    paths: dict[str, Path]
    scan_id: str = ""
    error: str = ""
    folder: Path | None = None


@dataclass
class FirmRun:
    """Everything a firm's scan decided before crawling: recorded in the archive's warcinfo record, so that
    `footprint analyze` can rebuild the report from the archive alone."""

    firm: dict
    plans: list[ChannelPlan]
    unsupported: list[dict]
    visitors: list[dict]  # visitor profiles, proxies without passwords
    config: dict
    discovered: list[str] = field(default_factory=list)  # ids of channels found linked from the firm's pages
    started_at: str = ""
    nonce: str = ""  # makes the scan id unique; kept in the archive so `analyze` gives the same id

    def to_dict(self) -> dict:
        return {"footprint": tool_version(), "firm": self.firm, "plans": [p.__dict__ for p in self.plans],
                "unsupported": self.unsupported, "visitors": self.visitors, "config": self.config,
                "scan_nonce": self.nonce}

    @classmethod
    def from_archive(cls, infos: list[dict]) -> FirmRun:
        """The plan of the first warcinfo record, plus the channels later records say were discovered."""
        data = next(i for i in infos if "plans" in i)
        run = cls(firm=data["firm"], plans=[ChannelPlan(**p) for p in data["plans"]],
                  unsupported=data.get("unsupported", []), visitors=data.get("visitors", []),
                  config=data.get("config", {}), started_at=data.get("started_at", ""),
                  nonce=data.get("scan_nonce", ""))
        for info in infos:
            for plan in info.get("discovered_plans", []):
                run.plans.append(ChannelPlan(**plan))
                run.discovered.append(plan["id"])
        return run


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def setting(options: ScanOptions, firm: FirmTarget, name: str):
    """A scan setting: the command line's value when given, else the firm profile's."""
    value = getattr(options, name)
    return getattr(firm.scan, name) if value is None else value


def visitor_profiles(firm: FirmTarget, options: ScanOptions) -> list[VisitorProfile]:
    proxies = {**firm.scan.visitor_proxies, **options.visitor_proxies}
    return profiles(options.visitors or firm.scan.visitors, proxies)


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
    unsupported: list[ChannelResult] = []
    ctx = Context()
    for store, ids in sorted(firm.apps.items()):
        for app_id in ids:
            plan = ChannelPlan(**app_plan(store, app_id, ctx))
            plans.setdefault(plan.id, plan)
    for platform, handles in sorted(firm.social.items()):
        for handle in handles:
            plan = ChannelPlan(**social_plan(platform, handle))
            plans.setdefault(plan.id, plan)
    for source, paths in (("posts", options.exports), ("mail", options.mails)):
        for path in paths:
            plan = ChannelPlan(**supplied_plan(source, path))
            plans.setdefault(plan.id, plan)
    return list(plans.values()), unsupported


def _unsupported(channel_id: str, kind: str, target: str) -> ChannelResult:
    return ChannelResult(id=channel_id, kind=kind, target=target, status="not-assessed",
                         reason=UNSUPPORTED_REASON.format(kind=kind))


def _unsupported_results(run: FirmRun) -> list[ChannelResult]:
    return [_unsupported(u["id"], u["kind"], u["target"]) for u in run.unsupported]


def _crawl_settings(options: ScanOptions, firm: FirmTarget, render: str) -> dict:
    delay = setting(options, firm, "delay")
    settings = {"DOWNLOAD_DELAY": delay, "ROBOTSTXT_OBEY": setting(options, firm, "obey_robots"),
                "AUTOTHROTTLE_START_DELAY": max(delay, 0.1)}
    if delay == 0:
        settings["AUTOTHROTTLE_ENABLED"] = False
    return settings


def _browser_settings(proxied: bool) -> dict:
    """scrapy-playwright: only requests marked `playwright` go through the browser, the rest stay plain HTTP."""
    handler = "crawler.playwright_handler.DeadlinePlaywrightHandler"
    return {
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(chromium_executable(), proxied),
        # Bounded memory on long crawls: few contexts (one per visitor), few pages open in each.
        "PLAYWRIGHT_MAX_CONTEXTS": 8,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": NAVIGATION_TIMEOUT_MS,
        # The context's own locale, Accept-Language and user agent, not Scrapy's headers.
        "PLAYWRIGHT_PROCESS_REQUEST_HEADERS": None,
        "PLAYWRIGHT_RESTART_DISCONNECTED_BROWSER": True,
    }


def crawl(jobs: list[tuple[FirmTarget, FirmRun, list[VisitorProfile], Path]], options: ScanOptions) -> tuple[int, str]:
    """Crawl every planned channel of every firm in one child process. Returns its exit code and stderr tail."""
    channels = []
    for firm, run, visitors, archive in jobs:
        render = run.config["render"]
        visitor_dicts = [{**v.__dict__} for v in visitors]  # with the real proxy URL, for the crawl only
        for plan in (p for p in run.plans if p.spider != "none"):
            # App lookups name their storefront in the URL; social pages are read once, as the baseline visitor.
            who = visitor_dicts if plan.spider == "website" else [{}] if plan.kind == "app" else visitor_dicts[:1]
            renders = plan.spider == "website" and render != "never"
            settings = _crawl_settings(options, firm, render)
            if renders:  # only crawlers that may render start Playwright (each start costs two node drivers)
                settings.update(_browser_settings(bool(options.proxy) or any(v.proxy for v in visitors)))
            channels.append({"id": plan.id, "start_urls": plan.start_urls, "max_pages": plan.max_pages,
                             "max_depth": plan.max_depth, "captures": str(archive), "visitors": who,
                             "render": render if renders else "never", "spider": plan.spider,
                             "follow": plan.follow, "settings": settings})
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
                              text=True, env={**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.settings",
                                                  "FOOTPRINT_PARENT_PID": str(os.getpid())}) as proc, \
                interrupt.child(proc):
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


def assess(run: FirmRun, archive: Archive, crawl_failure: str = "") -> list[ChannelResult]:
    """Judge a firm's captures: reads only the archive, so a report can be rebuilt without the network."""
    first_party = frozenset(registrable_domain(urlsplit(u).hostname or "")
                            for p in run.plans if p.kind == "website" for u in p.start_urls)
    ctx = Context(first_party=first_party, home_country=run.firm.get("home_country", ""))
    baseline = next((v["country"] for v in run.visitors if v.get("baseline")), "")
    eu_visitors = tuple(v["country"] for v in run.visitors
                        if not v.get("baseline") and ctx.geo.is_member(v["country"]))
    results = assess_supplied([p for p in run.plans if p.kind == "export"], archive, ctx,
                              run.config.get("same_type_window_days", 30))
    for plan in (p for p in run.plans if p.kind != "export"):
        captures = channel_captures(archive, plan.id)
        if plan.kind in ("app", "social"):
            judge = assess_app if plan.kind == "app" else assess_social
            result = judge(plan.id, plan.target, captures, ctx)
            result.discovered = plan.id in run.discovered
            results.append(_crawl_failed(result, crawl_failure))
            continue
        result = channel_result(plan.id, plan.kind, plan.target, captures)
        if result.status in ("assessed", "partial"):
            result.findings = analyze_documents(captures.documents, ctx, plan.kind)
            if baseline and eu_visitors and plan.kind == "website":
                geo_findings, verdicts = analyze_visitors(captures.documents, ctx, baseline, eu_visitors,
                                                          channel_findings=result.findings, kind=plan.kind)
                result.findings = sorted(result.findings + geo_findings, key=sort_key)
                result.geoblock = verdicts
        results.append(_crawl_failed(result, crawl_failure))
    return results + _unsupported_results(run)


def _crawl_failed(result: ChannelResult, failure: str) -> ChannelResult:
    """A crawl process that died may have missed pages: an otherwise clean channel is only `partial`."""
    if failure:
        result.errors.append({"url": result.target, "error": f"crawler process failed: {failure}"})
        if result.status == "assessed":
            result.status, result.reason = "partial", "the crawler process failed before finishing"
    return result


def attach_screenshots(channels: list[ChannelResult], shots: dict[tuple[str, str], str]) -> None:
    for channel in channels:
        channel.findings = [replace(f, screenshot=shots.get((f.url, (f.visitors or ("",))[0]), ""))
                            for f in channel.findings]


def screenshot_targets(channels: list[ChannelResult], run: FirmRun) -> list[tuple[str, str, dict]]:
    """The pages with findings, per visitor that saw them; the strongest-evidence pages first, capped."""
    from crawler.screenshots import MAX_PER_CHANNEL

    profiles_by_country = {v["country"]: v for v in run.visitors}
    targets = []
    for channel in channels:
        if channel.kind not in ("website", "affiliate"):
            continue  # app lookups are JSON and posts are read from preview pages: the archive holds those
        seen: dict[tuple[str, str], float] = {}
        for f in channel.findings:
            for visitor in f.visitors or ("",):
                key = (f.url, visitor)
                seen[key] = max(seen.get(key, 0.0), f.confidence)
        ranked = sorted(seen, key=lambda k: (-seen[k], k))
        for url, visitor in ranked[: MAX_PER_CHANNEL * max(1, len(run.visitors))]:
            targets.append((channel.id, url, profiles_by_country.get(visitor, {})))
    return targets


def report_for(run: FirmRun, channels: list[ChannelResult], started: str, finished: str,
               provenance: dict, triage: dict[str, dict] | None = None,
               history: list[dict] | None = None) -> dict:
    """The validated report. `triage`: reviewers' decisions by finding id; `history`: the firm's earlier complete
    reports, newest first, when `--since-last` asks what is new (None: not asked)."""
    report = build_report(firm=run.firm, channels=channels, started_at=started, finished_at=finished,
                          visitors=[v["country"] for v in run.visitors], config=run.config,
                          provenance=provenance, triage=triage, scan_nonce=run.nonce)
    if history is not None:
        report = mark_since_last(report, history)
    problems = validate_report(report)
    if problems:  # a report that breaks its own schema is our bug: fail loudly rather than write it
        raise RuntimeError(f"report for {run.firm['name']!r} does not match its schema: {problems[:3]}")
    return report


def firm_run(firm: FirmTarget, options: ScanOptions, started: str, config_extra: dict | None = None) -> FirmRun:
    """Decide what a firm's scan will do, before anything is fetched."""
    plans, unsupported = plan_channels(firm, options)
    visitors = visitor_profiles(firm, options)
    config = {
        "max_pages": options.max_pages or firm.scan.max_pages,
        "max_depth": setting(options, firm, "max_depth"),
        "delay": setting(options, firm, "delay"),
        "obey_robots": setting(options, firm, "obey_robots"),
        "render": setting(options, firm, "render"),
        "screenshots": setting(options, firm, "screenshots"),
        "via_proxy": bool(options.proxy or os.environ.get("HTTPS_PROXY") or os.environ.get("HTTP_PROXY")),
        "formats": list(options.formats),
        "same_type_window_days": options.same_type_window,
        **(config_extra or {}),
    }
    return FirmRun(firm={"name": firm.name, "home_country": firm.home_country, "slug": firm.slug},
                   plans=plans, unsupported=[{"id": u.id, "kind": u.kind, "target": u.target} for u in unsupported],
                   visitors=[v.to_dict() for v in visitors], config=config, started_at=started,
                   nonce=secrets.token_hex(4))


def scan_firm(firm: FirmTarget, options: ScanOptions, work_dir: Path, config_extra: dict | None = None,
              store=None, on_begin=None) -> FirmOutcome:
    """Scan one firm into `work_dir`: plan, crawl (a child process), discover linked channels and crawl those,
    judge, screenshot, report. Between steps a stop request (SIGTERM) ends it with `Interrupted`.

    `store`: where triage decisions and, with `--since-last`, the previous scan come from. `on_begin(scan_id,
    started)` is called once the scan id is known, before the crawl (the caller records the scan as running)."""
    started = utc_now()
    visitors = visitor_profiles(firm, options)
    run = firm_run(firm, options, started, config_extra)
    sid = scan_id(firm.slug, started, run.nonce)
    if on_begin is not None:
        on_begin(sid, started)
    archive = work_dir / ARCHIVE
    writer = CaptureWriter(archive)
    writer.write_info({**run.to_dict(), "started_at": started})
    for plan in (p for p in run.plans if p.kind == "export"):
        writer.write_supplied(channel=plan.id, name=Path(plan.target).name, added_at=started,
                              data=Path(plan.target).read_bytes())
    writer.close()
    job = [(firm, run, visitors, archive)]
    code, tail = crawl(job, options)
    interrupt.check()
    failure = f"exit code {code}: {tail.splitlines()[-1] if tail else ''}" if code else ""
    if _discover(job):  # app badges and social links found on the firm's pages: crawl those too
        code, tail = crawl([(firm, FirmRun(run.firm, [p for p in run.plans if p.id in run.discovered], [],
                                           run.visitors, run.config), visitors, archive)], options)
        interrupt.check()
        failure = failure or (f"exit code {code}: {tail.splitlines()[-1] if tail else ''}" if code else "")
    finished = utc_now()
    channels = assess(run, read_archive(archive), failure)
    browser = ""
    if run.config["screenshots"]:
        browser = _screenshots(channels, run, visitors, archive, options)
        interrupt.check()
    provenance = {"tool": {"name": "footprint", "version": tool_version()}, "config": run.config,
                  "visitors": run.visitors, "browser": browser or "not used", "started_at": started,
                  "finished_at": finished, "archive": ARCHIVE}
    triage = store.triage() if store is not None else {}
    history = (_history(store, firm.slug, started, sid, run) if options.since_last and store is not None
               else None)
    report = report_for(run, channels, started, finished, provenance, triage, history)
    paths = write_reports(report, work_dir, options.formats)
    paths["warc"] = archive
    return FirmOutcome(firm, report, paths, scan_id=sid)


def _history(store, slug: str, started: str, this_scan: str, run: FirmRun,
             depth: int = HISTORY_DEPTH) -> list[dict]:
    """The firm's earlier complete reports made with the same crawl settings, newest first: each channel is
    compared with the latest that assessed it (reports/since_last.py), so a few are kept in reach for channels
    that were unreachable last time. A quick manual check with a smaller page budget or other visitors is no
    baseline for the scheduled scan: it would make pages it skipped look new."""
    rows = [r for r in store.scans(slug) if r.status == "complete" and r.id != this_scan and r.started_at <= started]
    visitors = [v["country"] for v in run.visitors]
    reports = []
    for row in rows:
        report = store.report(row.id)
        if report is not None and _same_crawl(report, run.config, visitors):
            reports.append(report)
            if len(reports) == depth:
                break
    return reports


def _same_crawl(report: dict, config: dict, visitors: list[str]) -> bool:
    scan = report["scan"]
    return scan["visitors"] == visitors and all(scan["config"].get(k) == config.get(k) for k in COMPARABLE_CONFIG)


def _discover(jobs) -> bool:
    """Add to each firm's run the channels its website pages link to that were not listed; True if any."""
    any_new = False
    for _firm, run, _visitors, archive_path in jobs:
        archive = read_archive(archive_path)
        docs = [d for p in run.plans if p.kind == "website" for d in channel_captures(archive, p.id).documents]
        known = {p.id for p in run.plans}
        new = []
        for kind, where, ident in linked_channels(docs):
            plan = ChannelPlan(**(app_plan(where, ident, Context()) if kind == "app" else social_plan(where, ident)))
            if plan.id not in known:
                known.add(plan.id)
                new.append(plan)
        if new:
            any_new = True
            run.plans += new
            run.discovered += [p.id for p in new]
            writer = CaptureWriter(archive_path)
            writer.write_info({"discovered_plans": [p.__dict__ for p in new]})
            writer.close()
    return any_new


def _screenshots(channels, run: FirmRun, visitors: list[VisitorProfile], archive_path: Path,
                 options: ScanOptions) -> str:
    from crawler import screenshots

    by_country = {v.country: {**v.__dict__} for v in visitors}  # real proxies, not the redacted ones
    targets = [(c, u, by_country.get(p.get("country", ""), p)) for c, u, p in screenshot_targets(channels, run)]
    user_agent = options.user_agent or _default_user_agent()
    shots, version = screenshots.take(targets, archive_path.parent, options.proxy, user_agent)
    writer = CaptureWriter(archive_path)
    try:
        for shot in shots:
            if shot.png:
                writer.write_screenshot(channel=shot.channel, url=shot.url, visitor=shot.visitor,
                                        taken_at=shot.taken_at, png=shot.png)
    finally:
        writer.close()
    attach_screenshots(channels, {(s.url, s.visitor): s.path for s in shots if s.path})
    for shot in shots:
        if shot.error:
            channel = next(c for c in channels if c.id == shot.channel)
            channel.errors.append({"url": shot.url, "error": f"screenshot as {shot.visitor or 'default'}: "
                                                            f"{shot.error}"})
    return version


def _default_user_agent() -> str:
    from crawler import settings

    return settings.USER_AGENT


def exit_code(outcomes: list[FirmOutcome], fail_on: str, fail_on_new: str = "") -> int:
    """4 when a firm's scan failed on an internal error; else 5 when --fail-on-new found new findings on a channel
    at that level; else 1 when a rated channel reached --fail-on; else 3 when a channel was not assessed or
    inconclusive; else 0."""
    if any(o.report is None for o in outcomes):
        return 4
    if fail_on_new and any(new_findings_at(o.report, fail_on_new, LEVELS) for o in outcomes):
        return 5
    channels = [c for o in outcomes for c in o.report["channels"]]
    if fail_on:
        threshold = LEVELS.index(fail_on)
        if any(c["level"] in LEVELS and LEVELS.index(c["level"]) >= threshold for c in channels):
            return 1
    if any(c["status"] in ("not-assessed", "inconclusive") for c in channels):
        return 3
    return 0
