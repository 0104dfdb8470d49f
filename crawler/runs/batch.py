"""A run: one firm or a firms file of many, scanned many at a time, into one dated output folder.

Each firm is scanned in a worker thread, as many at once as the batch's memory budget holds, or `--parallel`
(crawler/config/defaults.py: firms_in_flight). A single firm crawls in a child process of its own; a batch's firms
crawl together in one shared crawl process (crawler/crawl/shared.py), so that they wait on each host's delay, not
on a process start each, and the process's host gate keeps the delay between firms sharing a host.
A firm whose scan fails is recorded as failed and the others go on; the run's index ranks the firms that were
scanned and lists the failed and not-assessed ones first, never as low risk. The store records each scan as
running when it starts and complete only once its reports are whole (crawler/store).
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from crawler.config.defaults import firms_in_flight
from crawler.config.limits import cut
from crawler.config.profiles import FirmTarget
from crawler.config.scan_config import RunOptions
from crawler.crawl import progress
from crawler.crawl.shared import SharedCrawl
from crawler.runs import interrupt
from crawler.runs.firm import FirmOutcome, scan_firm
from crawler.runs.folders import finish_firm_dir, new_run_dir, partial_dir, point_latest
from crawler.runs.joblog import event
from crawler.store.scans import ScanStatus
from detectors.domains import split_host
from detectors.timestamps import stamp, utc_now
from reports.index import build_index, write_index


@dataclass
class RunOutcome:
    run_dir: Path
    outcomes: list[FirmOutcome]
    index: dict = field(default_factory=dict)
    index_paths: dict[str, Path] = field(default_factory=dict)


def scan_run(firms: list[FirmTarget], options: RunOptions, store=None, firms_file: str = "") -> RunOutcome:
    started = utc_now()
    run_dir = new_run_dir(options.out, started)
    workers = max(1, min(firms_in_flight(options.parallel), len(firms)))
    split_host("example.com")  # the public suffix list, parsed here once, not by every firm's thread at once
    event("run.start", f"scanning {len(firms)} firm(s) into {run_dir}", run_dir=str(run_dir), firms=len(firms),
          parallel=workers, store=getattr(store, "location", ""))
    by_slug: dict[str, FirmOutcome] = {}
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="firm")
    crawls = contextlib.ExitStack()
    try:
        crawl_with = crawls.enter_context(_shared_crawl(options)).crawl if workers > 1 else None
        pending = {pool.submit(_scan_one, firm, options, run_dir, store, crawl_with) for firm in firms}
        while pending:
            # A timeout keeps the main thread returning to the interpreter, where signal handlers run.
            done, pending = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                outcome = future.result()
                by_slug[outcome.firm.slug] = outcome
                progress.firm_ended(outcome.firm.name, outcome.report["verdict"]["level"] if outcome.report
                                    else "not scanned" if outcome.firm.invalid is not None else "failed")
    except BaseException as exc:
        # A signal has already asked the workers to stop; anything else (a bug here) asks now, saying so.
        interrupt.request_stop(exc.signame if isinstance(exc, interrupt.Interrupted) else
                               f"an internal error ({type(exc).__name__})")
        pool.shutdown(wait=True, cancel_futures=True)
        crawls.close()
        raise
    pool.shutdown(wait=True)
    crawls.close()
    outcomes = [by_slug[f.slug] for f in firms]
    entries = [{"slug": o.firm.slug, "name": o.firm.name, "report": o.report,
                "report_dir": o.folder.name if o.folder else o.firm.slug, "error": o.error,
                "formats": options.formats} for o in outcomes]
    index = build_index(entries, {"id": run_dir.name, "started_at": stamp(started), "finished_at": stamp(),
                                  "firms_file": firms_file})
    index_paths = write_index(index, run_dir)
    point_latest(options.out, run_dir)
    event("run.done", f"{len(outcomes)} firm(s) scanned into {run_dir}", run_dir=str(run_dir),
          failed=sum(o.report is None for o in outcomes), counts=index.get("counts", {}))
    return RunOutcome(run_dir, outcomes, index, index_paths)


def _shared_crawl(options: RunOptions) -> SharedCrawl:
    return SharedCrawl(options.proxy, options.user_agent, options.progress, interrupt.child,
                       tuple(options.visitor_proxies.values()))


def _scan_one(firm: FirmTarget, options: RunOptions, run_dir: Path, store, crawl_with=None) -> FirmOutcome:
    """One firm, start to finish; every failure but a stop request becomes a failed outcome, never an exception
    that would end the batch."""
    if firm.invalid is not None:  # bad input in its entry of the firms file: listed, never scanned
        error = f"invalid input, not scanned: {firm.invalid}"
        event("firm.invalid", f"{firm.name}: {error}", logging.ERROR, firm=firm.slug)
        return FirmOutcome(firm, None, {}, error=error)
    work = run_dir / f".{firm.slug}.partial"
    began: dict[str, str] = {}

    def on_begin(scan_id: str, started: str) -> None:
        began["id"] = scan_id
        if store is not None:
            # Absolute: the store outlives the working directory (cron's `cd`, a shared PostgreSQL).
            store.begin_scan(scan_id, firm.slug, firm.name, started, str((run_dir / firm.slug).absolute()))

    event("firm.start", f"scanning {firm.name}", firm=firm.slug)
    progress.firm_started(firm.name)
    stage = "scan"
    try:
        work = partial_dir(run_dir, firm.slug)
        outcome = scan_firm(firm, options, work, store, on_begin, crawl_with=crawl_with)
        folder = finish_firm_dir(work, run_dir, firm.slug)
        outcome.paths = {fmt: folder / path.name for fmt, path in outcome.paths.items()}
        outcome.folder = folder
        if store is not None:
            stage = "store"
            store.complete_scan(outcome.report, str(folder.absolute()))
    except Exception as exc:
        if not interrupt.requested():
            return _failed(firm, exc, stage, store, began, work, run_dir)
        # A stop was asked for and something broke on the way (a signal to the process group also reaches the
        # browser's driver, which dies): that is the interruption, not a failure of this firm.
        stop = interrupt.Interrupted(interrupt.stop_reason())
        _interrupted(firm, stop, store, began, work, run_dir)
        raise stop from exc
    except interrupt.Interrupted as exc:
        _interrupted(firm, exc, store, began, work, run_dir)
        raise
    verdict = outcome.report["verdict"]
    event("firm.done", f"{firm.name}: {verdict['level']} {verdict['score']}", firm=firm.slug,
          scan_id=outcome.scan_id, verdict=verdict["level"], score=verdict["score"], complete=verdict["complete"],
          new=(outcome.report.get("since_last") or {}).get("new"), folder=str(folder))
    return outcome


def _interrupted(firm: FirmTarget, exc: BaseException, store, began: dict[str, str], work: Path,
                 run_dir: Path) -> None:
    _end(store, began, ScanStatus.INTERRUPTED, str(exc))
    folder = _final_folder(work, run_dir, firm.slug, ScanStatus.INTERRUPTED)
    event("firm.interrupted", f"{firm.name}: {exc}; captures kept in {folder}", logging.WARNING,
          firm=firm.slug, scan_id=began.get("id", ""), folder=str(folder))


def _failed(firm: FirmTarget, exc: Exception, stage: str, store, began: dict[str, str], work: Path,
            run_dir: Path) -> FirmOutcome:
    # A sentence for the index and the store; the exception's class and traceback go to the run log.
    error = cut(f"the scan stopped on an internal error ({str(exc) or 'no message'}); the run log has the details")
    if stage == "store":  # the reports are whole on disk; only the store does not know about them
        error = f"reports written to {run_dir / firm.slug}, but not recorded in the store: {error}"
    _end(store, began, ScanStatus.FAILED, error)
    folder = _final_folder(work, run_dir, firm.slug, ScanStatus.FAILED)
    event("firm.failed", f"{firm.name}: scan failed: {error}", logging.ERROR, firm=firm.slug,
          scan_id=began.get("id", ""), folder=str(folder), traceback=traceback.format_exc(limit=8))
    return FirmOutcome(firm, None, {}, scan_id=began.get("id", ""), error=error, folder=folder)


def _final_folder(work: Path, run_dir: Path, slug: str, outcome: str) -> Path | None:
    """Where a stopped or failed firm's captures end up (the work folder may already carry its final name); None
    when the file system refuses even that (the failure is then in the log and the index, not a crashed batch)."""
    try:
        return finish_firm_dir(work, run_dir, slug, outcome) if work.exists() else run_dir / slug
    except OSError as exc:
        event("firm.folder", f"{slug}: cannot name its folder {outcome}: {cut(str(exc))}", logging.ERROR,
              firm=slug)
        return None


def _end(store, began: dict[str, str], status: str, error: str) -> None:
    if store is not None and began.get("id"):
        try:
            store.end_scan(began["id"], status, error)
        except Exception as exc:  # the store went away too: the log still says what happened
            event("store.error", f"could not record scan {began['id']} as {status}: {exc}", logging.ERROR)
