"""The fleet's commands: `db migrate`, `enqueue`, `worker` and `batch status|report|retry` (docs/0013-fleet.md).

A fleet shares one PostgreSQL store: every one of these refuses an SQLite store with exit 2, saying why.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from crawler.config.defaults import (
    FLEET_CONCURRENCY,
    FLEET_LEASE_SECONDS,
    FLEET_MAX_ATTEMPTS,
    FLEET_POLL_SECONDS,
    FLEET_QUEUE,
    OUT,
    RENDER_MODES,
)
from crawler.config.limits import cut
from crawler.store import Store, StoreError, open_store
from crawler.store.location import POSTGRES_SCHEMES, default_location, url_scheme
from detectors.inputs import InputError
from detectors.timestamps import utc_now

CLI = "command line"
BATCH_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")  # a key segment of the evidence and a folder name


def add_fleet_commands(sub, store_option) -> None:
    db = sub.add_parser("db", help="set up the store: footprint's schema and the queue's (for a fleet)")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    store_option(db_sub.add_parser("migrate", help="apply footprint's and procrastinate's schema, once, recorded"))

    enqueue = sub.add_parser("enqueue", help="queue a batch of firms for the fleet's workers; prints the batch id",
                             description="Queue every firm of a firms file as one batch; the same --batch again, "
                                         "or two at once, queue each firm once.")
    enqueue.add_argument("--firm", metavar="FILE", required=True, help="firm profile YAML (one firm or `firms:`)")
    enqueue.add_argument("--batch", metavar="ID", help="the batch's id, e.g. weekly-2026-W49 (default: the file's "
                                                       "name and the time)")
    enqueue.add_argument("--max-attempts", type=int, default=FLEET_MAX_ATTEMPTS, metavar="N",
                         help=f"attempts per firm before it is failed (default {FLEET_MAX_ATTEMPTS})")
    store_option(enqueue)
    _scan_options(enqueue)

    worker = sub.add_parser("worker", help="scan firms from the queue until stopped",
                            description="Run queued firm scans; SIGTERM interrupts them cleanly (exit 7), another "
                                        "worker runs them again.")
    store_option(worker)
    worker.add_argument("--evidence", required=True, metavar="DIR|s3://BUCKET/PREFIX",
                        help="where each firm's folder is uploaded before its scan is recorded complete")
    worker.add_argument("--concurrency", type=int, default=FLEET_CONCURRENCY, metavar="N",
                        help=f"firms scanned at once (default {FLEET_CONCURRENCY})")
    worker.add_argument("--name", metavar="NAME", help="this worker's name in `batch status` (default host-pid)")
    worker.add_argument("--lease", type=float, default=FLEET_LEASE_SECONDS, metavar="SECONDS",
                        help=f"an attempt's lease: a dead worker's firm runs again this long after its last "
                             f"renewal (default {FLEET_LEASE_SECONDS:g})")
    worker.add_argument("--poll", type=float, default=FLEET_POLL_SECONDS, metavar="SECONDS",
                        help=f"seconds between looks for jobs and for stalled ones (default {FLEET_POLL_SECONDS:g})")
    worker.add_argument("--work", metavar="DIR", help="where firms are scanned before upload (default: temporary)")

    batch = sub.add_parser("batch", help="a queued batch: status, ranked report, retry of failed firms")
    batch_sub = batch.add_subparsers(dest="batch_command", required=True, metavar="ACTION")
    status = batch_sub.add_parser("status", help="firms queued, running, done, failed; workers; oldest lease")
    status.add_argument("batch", nargs="?", metavar="BATCH", help="one batch (default: all, newest first)")
    status.add_argument("--json", action="store_true", help="as JSON")
    store_option(status)
    report = batch_sub.add_parser("report", help="the batch's ranked index, as `scan --firm` writes it")
    report.add_argument("batch", metavar="BATCH")
    report.add_argument("--out", required=True, metavar="DIR", help="folder for index.html|json and firm reports")
    store_option(report)
    retry = batch_sub.add_parser("retry", help="queue the batch's failed firms again")
    retry.add_argument("batch", metavar="BATCH")
    retry.add_argument("--failed", action="store_true", required=True, help="the failed firms (required)")
    store_option(retry)


def _scan_options(parser) -> None:
    """The scan options a batch carries to its workers (those of `footprint scan` that are not per machine)."""
    parser.add_argument("--proxy", metavar="URL", help="send every fetch through this HTTP(S) proxy")
    parser.add_argument("--max-pages", type=int, metavar="N")
    parser.add_argument("--max-depth", type=int, metavar="N")
    parser.add_argument("--render", choices=RENDER_MODES)
    parser.add_argument("--delay", type=float, metavar="SECONDS")
    parser.add_argument("--visitor", action="append", metavar="CC")
    parser.add_argument("--visitor-proxy", action="append", metavar="CC=URL")
    parser.add_argument("--ignore-robots", action="store_true")
    parser.add_argument("--allow-private", action="store_true")
    parser.add_argument("--no-screenshots", action="store_true")
    parser.add_argument("--user-agent", metavar="UA")
    parser.add_argument("--format", default="json,html,md,csv")
    parser.add_argument("--same-type-window", type=int, metavar="DAYS")
    parser.add_argument("--since-last", action="store_true")
    parser.add_argument("--validate", action="store_true")
    parser.add_argument("--jurisdiction", metavar="CC", help="put this EU/EEA member state's view first in each report")
    parser.set_defaults(out=OUT, quiet=True, parallel=1, fail_on_new=None, fail_on=None)


def fleet_store(spec: str | None, what: str) -> Store:
    """The shared store, or exit 2 for an SQLite one: a fleet's machines cannot share a file."""
    spec = spec or default_location()
    if url_scheme(spec) not in POSTGRES_SCHEMES:
        raise StoreError(f"{what} needs a PostgreSQL store (--store postgresql://... or $FOOTPRINT_STORE): {spec} "
                         f"is an SQLite file, which workers on other machines cannot share")
    return open_store(spec)


def cmd_db(args) -> int:
    from crawler.store.engine import apply_engine_schema

    with fleet_store(args.store, "footprint db migrate") as store:
        print(f"footprint schema up to date in {store.location}; {apply_engine_schema(store.database)}")
    return 0


def cmd_enqueue(args) -> int:
    from crawler.cli.scan import _firm_settings, _run_options, _user_agent, _visitor_proxies
    from crawler.config.profiles import check_country, check_setting, load_profile
    from crawler.runs.fleet.payload import TASK, firm_to_json, options_to_json
    from crawler.store.engine import check_engine_schema

    if not 1 <= args.max_attempts <= 100:
        raise InputError(CLI, "--max-attempts", f"a number from 1 to 100, got {args.max_attempts}")
    batch_id = args.batch or f"{Path(args.firm).stem}-{utc_now().strftime('%Y%m%dT%H%M%SZ')}"
    if not BATCH_ID.fullmatch(batch_id):
        raise InputError(CLI, "--batch", f"letters, digits, . _ - (at most 100, not starting with . _ -), got "
                                         f"{cut(batch_id, 120)!r}")
    firms = load_profile(args.firm)
    window = args.same_type_window
    options = _run_options(args, settings=_firm_settings(args), user_agent=_user_agent(args.user_agent),
                           visitors=tuple(check_country(CLI, "--visitor", v) for v in args.visitor or []),
                           visitor_proxies=_visitor_proxies(args.visitor_proxy or []),
                           **({} if window is None else
                              {"same_type_window": check_setting(CLI, "--same-type-window", "same_type_window",
                                                                 window)}))
    valid = [f for f in firms if f.invalid is None]
    with fleet_store(args.store, "footprint enqueue") as store:
        check_engine_schema(store.database)
        added = store.enqueue_batch(batch_id, str(Path(args.firm).absolute()), options_to_json(options),
                                    args.max_attempts, [(f.slug, f.name, firm_to_json(f)) for f in valid],
                                    FLEET_QUEUE, TASK)
    for firm in firms:
        if firm.invalid is not None:
            print(f"footprint: not queued: {firm.name}: {cut(str(firm.invalid))}", file=sys.stderr)
    print(f"footprint: batch {batch_id}: {added} firm(s) queued, {len(valid) - added} already in it",
          file=sys.stderr)
    print(batch_id)
    return 2 if len(valid) < len(firms) else 0


def cmd_worker(args) -> int:
    from crawler.runs.fleet.worker import WorkerSettings, default_name, serve
    from crawler.store.engine import check_engine_schema
    from crawler.store.evidence import evidence_target

    for flag, value, low in (("--concurrency", args.concurrency, 1), ("--lease", args.lease, 0.5),
                             ("--poll", args.poll, 0.05)):
        if value < low:
            raise InputError(CLI, flag, f"at least {low}, got {value}")
    target = evidence_target(args.evidence)
    spec = args.store or default_location()
    with fleet_store(spec, "footprint worker") as store:
        check_engine_schema(store.database)
        target.check()
        settings = WorkerSettings(store_url=spec, evidence=args.evidence, name=args.name or default_name(),
                                  concurrency=args.concurrency, lease=args.lease, poll=args.poll,
                                  work=Path(args.work).absolute() if args.work else None)
        return serve(settings, store)


def cmd_batch(args) -> int:
    with fleet_store(args.store, f"footprint batch {args.batch_command}") as store:
        if args.batch_command == "status":
            return _status(store, args)
        if args.batch_command == "report":
            from crawler.runs.fleet.report import batch_report

            for fmt, path in sorted(batch_report(store, args.batch, Path(args.out)).items()):
                print(f"index {fmt:5} {path}")
            return 0
        from crawler.runs.fleet.payload import TASK

        if not store.batch_firms(args.batch):
            raise StoreError(f"store {store.location}: no batch {args.batch!r}")
        slugs = store.retry_failed(args.batch, FLEET_QUEUE, TASK)
        print(f"batch {args.batch}: {len(slugs)} failed firm(s) queued again" + (f": {', '.join(slugs)}"
                                                                                  if slugs else ""))
        return 0


def _status(store: Store, args) -> int:
    batches = store.batch_status(args.batch)
    if args.batch and not batches:
        raise StoreError(f"store {store.location}: no batch {args.batch!r}")
    if args.json:
        print(json.dumps(batches, indent=2, sort_keys=True))
        return 0
    for b in batches:
        print(f"batch {b['batch']} (queued {b['created_at']}): {b['firms']} firm(s): {b['queued']} queued, "
              f"{b['running']} running, {b['done']} done, {b['failed']} failed; {b['attempts']} attempt(s)"
              + "".join(f", {n} {outcome}" for outcome, n in b["outcomes"].items()))
        for worker, outcomes in sorted(b["workers"].items()):
            print(f"  worker {worker}: " + ", ".join(f"{n} {outcome}" for outcome, n in sorted(outcomes.items())))
        lease = b["oldest_lease"]
        if lease:
            print(f"  oldest lease: {lease['firm']} attempt {lease['attempt']} on {lease['worker']}, "
                  f"{lease['seconds_left']:g} s left")
        for failed in b["failed_firms"]:
            print(f"  failed {failed['firm']}: {failed['error']}")
    return 0
