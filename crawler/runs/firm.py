"""One firm's scan, stage by stage: configure, plan, crawl, discover linked channels and crawl those, judge,
screenshot, report. Runs of many firms are in crawler/runs/batch.py.

Collect, and judge what was collected: the crawl child only stores what it saw, in the firm folder's
`capture.warc.gz`; this process reads that archive as it grows and judges each page as it appears, on the second
core while the crawl goes on (crawler/captures/feed.py). The report is built from the archive alone, which is also
what `footprint analyze` does, without the network, through the same reader. Between stages a stop request
(SIGTERM) ends the scan with `Interrupted`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crawler.captures.documents import beside
from crawler.captures.feed import ArchiveJudgement
from crawler.captures.provenance import Navigation, scan_provenance
from crawler.captures.record import ScanRecord
from crawler.captures.warc import CaptureWriter
from crawler.config.profiles import FirmTarget
from crawler.config.scan_config import RunOptions, resolve
from crawler.crawl import screenshots
from crawler.crawl.job import CrawlJob, crawl, failure_of
from crawler.crawl.judge_helper import JudgeHelper
from crawler.crawl.settings import USER_AGENT
from crawler.crawl.vantage import direct_egress
from crawler.plan.channels import linked_plan, plan_channels
from crawler.plan.visitors import profiles
from crawler.runs import interrupt
from crawler.runs.baseline import earlier_reports
from crawler.runs.page_copies import write_page_copies
from crawler.runs.pdf import write_report_files
from crawler.runs.report import ARCHIVE, attach_screenshots, provenance, report_for
from crawler.runs.shot_marks import write_marks
from detectors.model import ChannelKind
from detectors.timestamps import stamp
from reports.build import scan_id, tool_version


@dataclass
class FirmOutcome:
    firm: FirmTarget
    report: dict | None  # None when the firm's scan failed (see `error`)
    paths: dict[str, Path]
    scan_id: str = ""
    error: str = ""
    folder: Path | None = None


def scan_firm(firm: FirmTarget, options: RunOptions, work_dir: Path, store=None,
              on_begin: Callable[[str, str], None] | None = None, *,
              crawl_with: Callable | None = None) -> FirmOutcome:
    """Scan one firm into `work_dir`. `store`: where triage decisions and, with `--since-last`, the previous
    scans come from. `on_begin(scan_id, started)` is called once the scan id is known, before the crawl (the
    caller records the scan as running). `crawl_with`: a batch's shared crawl process (crawler/crawl/shared.py:
    `SharedCrawl.crawl`); by default crawler/crawl/job.py's `crawl`, a crawl process of the firm's own."""
    crawl_with = crawl_with or crawl
    config = resolve(firm, options)
    visitors = profiles(list(config.visitors), config.visitor_proxies, default=config.default_visitor,
                        jurisdiction=config.jurisdiction)
    record = ScanRecord(firm={"name": firm.name, "home_country": firm.home_country, "slug": firm.slug},
                        plans=plan_channels(firm, config, options.exports, options.mails),
                        visitors=[v.to_dict() for v in visitors], config=config.recorded(), started_at=stamp(),
                        nonce=secrets.token_hex(4))
    record.provenance = scan_provenance(record.visitors, options.proxy)
    if store is not None:  # the newest imported warning lists, never fetched (`footprint lists import`)
        record.warning_lists = store.check_for(firm.name, record.domains)
    sid = scan_id(firm.slug, record.started_at, record.nonce)
    if on_begin is not None:
        on_begin(sid, record.started_at)
    archive = work_dir / ARCHIVE
    _start_archive(record, archive)

    # Judged while crawled: the pages the child has archived are judged here meanwhile, on the second core.
    try:
        with ArchiveJudgement(archive, helper=JudgeHelper.fork) as judged:
            code, tail = crawl_with([CrawlJob(record.plans, config, visitors, archive)], options.proxy,
                                    options.user_agent, options.progress, interrupt.child, judged.take_some,
                                    host_slots=options.host_slots)
            interrupt.check()
            judged.take_rest()
            failure = failure_of(code, tail)
            linked = _discover(record, archive, judged.linked_accounts())
            if linked:  # app badges and social links found on the firm's pages: crawl those too
                code, tail = crawl_with([CrawlJob(linked, config, visitors, archive)], options.proxy,
                                        options.user_agent, options.progress, interrupt.child, judged.take_some,
                                        host_slots=options.host_slots)
                interrupt.check()
                failure = failure or failure_of(code, tail)
            finished = stamp()
            judged.take_new(final=True)
            record.crawl_limits = judged.record.crawl_limits
            _learn_egress(record, archive, judged.navigation)
            channels = judged.finish(failure)
    finally:  # the crawl's parsed pages (crawler/captures/documents.py): judged or of no use now
        beside(archive).unlink(missing_ok=True)
    browser = ""
    marks: dict[str, str] = {}
    if config.screenshots:
        shots, browser, boxes = screenshots.capture(channels, visitors, archive, options.proxy,
                                             options.user_agent or USER_AGENT, interrupt.requested,
                                             config.allow_private)
        attach_screenshots(channels, shots)
        marks = write_marks(channels, boxes, work_dir)
        record.provenance["screenshots_browser"] = browser  # also in the archive (crawler/crawl/screenshots.py)
        interrupt.check()
    history = earlier_reports(store, record, sid) if options.since_last and store is not None else None
    copies = write_page_copies(archive, channels, work_dir, judged.offsets)
    report = report_for(record, channels, finished,
                        provenance(record, browser or "not used", finished, judged.navigation, channels),
                        store.triage() if store is not None else {}, history, validate=options.validate,
                        archived_copies=copies, shot_marks=marks, register=_register_section(store, firm.slug))
    paths = write_report_files(report, work_dir, options.formats)
    paths["warc"] = archive
    return FirmOutcome(firm, report, paths, scan_id=sid)


def _register_section(store, slug: str) -> dict | None:
    """The aggregate of the firm's latest `footprint register check`, when the store holds one (issue 16)."""
    run = store.latest_register_run(slug) if store is not None else None
    return run["summary"] if run is not None else None


def _start_archive(record: ScanRecord, archive: Path) -> None:
    """The archive begins with what the scan decided, and the files the firm supplied, kept whole."""
    writer = CaptureWriter(archive)
    try:
        writer.write_info(record.to_dict(tool_version()))
        for plan in (p for p in record.plans if p.kind == ChannelKind.EXPORT):
            writer.write_supplied(channel=plan.id, name=Path(plan.target).name, added_at=record.started_at,
                                  data=Path(plan.target).read_bytes())
    finally:
        writer.close()


def _learn_egress(record: ScanRecord, archive_path: Path, navigation: Navigation) -> None:
    """For each visitor that connected directly, the address its targets saw where this machine can tell
    (crawler/crawl/vantage.py); kept in the archive, so that `analyze` says the same."""
    learnt = {v["visitor"]: direct_egress(navigation.first_address(v["visitor"]))
              for v in record.provenance.get("vantage", []) if v["route"] == "direct"}
    if learnt:
        record.provenance["egress"] = learnt
        writer = CaptureWriter(archive_path)
        try:
            writer.write_info({"provenance": {"egress": learnt}})
        finally:
            writer.close()


def _discover(record: ScanRecord, archive_path: Path, linked: list) -> list:
    """The plans of the channels the firm's website pages link to (`linked`: (kind, where, ident)) that were not
    listed, added to the record and the archive (marked discovered)."""
    known = {p.id for p in record.plans}
    new = []
    for kind, where, ident in linked:
        plan = linked_plan(kind, where, ident)
        if plan.id not in known:
            known.add(plan.id)
            new.append(plan)
    if new:
        record.plans += new
        record.discovered += [p.id for p in new]
        writer = CaptureWriter(archive_path)
        try:
            writer.write_info({"discovered_plans": [p.to_dict() for p in new]})
        finally:
            writer.close()
    return new
