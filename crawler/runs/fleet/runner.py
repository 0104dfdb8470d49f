"""One attempt at one firm of a batch, in a process of its own: `python -m crawler.runs.fleet.runner BATCH FIRM
ATTEMPT EVIDENCE WORK` (the store's URL in $FOOTPRINT_STORE, never on a command line).

The worker starts it from its event-loop thread; it asks the kernel for SIGTERM when that thread's process dies
(PR_SET_PDEATHSIG, as the crawl child does with it in turn), so a worker killed outright leaves no scan running.
The scan is `scan_firm`, the very code `footprint scan --firm` runs; then the firm's folder is uploaded, and only
then recorded complete (crawler/store/fleet.py). SIGTERM interrupts it as it does a scan today: the scan is
recorded interrupted and the exit code is 7.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import replace
from pathlib import Path

from crawler.config.defaults import FLEET_STORE_RETRY_SECONDS, FLEET_STORE_WAIT_SECONDS
from crawler.config.limits import cut
from crawler.crawl.child import die_with_parent
from crawler.runs import interrupt
from crawler.runs.firm import scan_firm
from crawler.runs.fleet.payload import firm_from_json, options_from_json
from crawler.runs.folders import finish_firm_dir, partial_dir
from crawler.store import open_store
from crawler.store.errors import StoreUnavailable
from crawler.store.evidence import evidence_target
from crawler.store.location import default_location
from crawler.store.scans import ScanStatus

# The command line's exit codes for the same outcomes (crawler/cli/exit_codes.py; a test keeps them equal).
EXIT_OK, EXIT_FAILED, EXIT_INTERRUPTED = 0, 4, 7


def patiently(call, *args, **kwargs):
    """`call(...)`, tried again while the store does not answer (a PostgreSQL restart), for at most
    FLEET_STORE_WAIT_SECONDS: a scan is not thrown away for a moment's outage."""
    deadline = time.monotonic() + FLEET_STORE_WAIT_SECONDS
    while True:
        try:
            return call(*args, **kwargs)
        except StoreUnavailable as exc:
            if time.monotonic() > deadline or interrupt.requested():
                raise
            print(f"store: {cut(str(exc))}; trying again", file=sys.stderr, flush=True)
            time.sleep(FLEET_STORE_RETRY_SECONDS)


class PatientStore:
    """The store, each call made `patiently`. What a runner calls is reads, the scan's start and its completion,
    each one transaction."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name: str):
        found = getattr(self._store, name)
        if not callable(found):
            return found
        return lambda *args, **kwargs: patiently(found, *args, **kwargs)


def run_attempt(batch_id: str, slug: str, attempt: int, evidence: str, work: Path) -> int:
    target = evidence_target(evidence)
    with patiently(open_store) as opened:
        store = PatientStore(opened)
        entry = store.batch_firm(batch_id, slug)
        if entry is None:
            raise SystemExit(f"firm {slug} is not in batch {batch_id}")
        run_dir = work / f"{slug}.{attempt}"
        run_dir.mkdir(parents=True, exist_ok=True)
        firm = firm_from_json(entry.firm)
        began: dict[str, str] = {}

        def on_begin(scan_id: str, started: str) -> None:
            store.begin_scan(scan_id, slug, firm.name, started, "")
            store.attempt_scan(batch_id, slug, attempt, scan_id)
            began["id"] = scan_id

        try:
            folder_work = partial_dir(run_dir, slug)
            # The crawl claims its turns at hosts in this store, beside every other worker (crawl/host_slots.py).
            options = replace(options_from_json(entry.options, run_dir), host_slots=default_location())
            outcome = scan_firm(firm, options, folder_work, store, on_begin)
            folder = finish_firm_dir(folder_work, run_dir, slug)
            location, written = target.upload(folder, f"{batch_id}/{slug}/{outcome.scan_id}")
            complete = store.record_complete(outcome.report, location, batch_id, slug, attempt, written)
        except interrupt.Interrupted as exc:
            if began:
                store.end_scan(began["id"], ScanStatus.INTERRUPTED, str(exc))
            raise
        except Exception as exc:
            if interrupt.requested():
                raise interrupt.Interrupted(interrupt.stop_reason()) from exc
            if began:
                store.end_scan(began["id"], ScanStatus.FAILED, cut(f"{type(exc).__name__}: {exc}"))
            raise
        shutil.rmtree(run_dir, ignore_errors=True)  # the evidence is off the machine now
    print(json.dumps({"scan_id": outcome.scan_id, "complete": complete, "location": location}), flush=True)
    return EXIT_OK


def main(argv: list[str]) -> int:
    die_with_parent()
    batch_id, slug, attempt, evidence, work = argv
    try:
        with interrupt.handle_signals():
            return run_attempt(batch_id, slug, int(attempt), evidence, Path(work))
    except interrupt.Interrupted as exc:
        print(f"attempt {attempt} at {slug}: {exc}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the worker records the attempt failed with this line
        print(cut(f"attempt {attempt} at {slug} failed: {type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
