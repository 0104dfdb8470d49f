"""The `footprint` command line: scan, demo, analyze, history, diff, triage, indicators, sandbox, selftest.

`main(argv) -> int` never exits by itself (tests call it in-process); `run()` is the console-script entry point.
Known errors map to a message and an exit code in one place; tracebacks only with --debug.

Exit codes: 0 done; 1 done and a channel reached --fail-on; 2 bad input; 3 done but some channel was not
assessed or inconclusive; 4 internal error (or a firm's scan failed on one); 5 done and --fail-on-new found new
findings; 6 another run holds the output folder's lock (nothing done); 7 interrupted (SIGTERM, SIGINT, SIGHUP).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import sys
import traceback
from datetime import UTC, datetime
from enum import IntEnum
from importlib import resources
from pathlib import Path

from crawler.browser import BrowserUnavailable
from crawler.interrupt import Interrupted
from crawler.store import StoreError
from crawler.targets import RENDER_MODES, TargetError, check_country, check_url, firm_from_urls, load_profile
from detectors.catalogue import catalogue
from detectors.data_files import DataFileError
from detectors.model import LEVELS


class ExitCode(IntEnum):
    OK = 0
    FAIL_ON = 1
    BAD_INPUT = 2
    INCOMPLETE = 3
    INTERNAL = 4
    NEW_FINDINGS = 5
    LOCKED = 6
    INTERRUPTED = 7


FORMATS = ("json", "html", "md", "csv")
BAD_INPUT = (TargetError, DataFileError, BrowserUnavailable, StoreError)  # exit 2, with the message
DEFAULT_PARALLEL = max(1, min(4, os.cpu_count() or 1))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="footprint",
        description="Crawl a firm's marketing footprint and score MiCA Art. 61 solicitation indicators.",
        epilog="Exit codes: 0 done; 1 a channel reached --fail-on; 2 bad input; 3 some channel not assessed or "
               "inconclusive; 4 internal error; 5 new findings reached --fail-on-new; 6 another run holds the lock; "
               "7 interrupted. Reports are not legal advice.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = sub.add_parser("scan", help="scan a firm's websites and write its reports",
                          description="Scan URLs or the firms of a profile file; write report.json, report.html, "
                                      "report.md and findings.csv per firm under --out.")
    scan.add_argument("urls", nargs="*", metavar="URL", help="website start URLs (one firm)")
    scan.add_argument("--firm", metavar="FILE", help="firm profile YAML (one firm, or a `firms:` list)")
    _common(scan)
    scan.add_argument("--max-pages", type=int, metavar="N", help="page budget per website channel")
    scan.add_argument("--max-depth", type=int, metavar="N", help="link depth limit from the start URLs")
    scan.add_argument("--render", choices=RENDER_MODES, help="browser rendering: auto (pages that need it), "
                                                             "always, never")
    scan.add_argument("--visitor", action="append", metavar="CC",
                      help="visit as a resident of this country too (repeatable); a neutral US visitor is the "
                           "baseline")
    scan.add_argument("--visitor-proxy", action="append", metavar="CC=URL",
                      help="proxy exiting in that country for that visitor (repeatable)")
    scan.add_argument("--export", action="append", metavar="FILE",
                      help="posts the firm supplies, JSON lines (date, text, links, audience); repeatable")
    scan.add_argument("--mail", action="append", metavar="FILE",
                      help="e-mail campaigns the firm supplies, an mbox file; repeatable")
    scan.add_argument("--same-type-window", type=int, metavar="DAYS", default=30,
                      help="days after a client's first contact within which offers of the same type are "
                           "marked (default 30; the window is not confirmed in ESMA's final guidelines)")
    scan.add_argument("--fail-on", choices=LEVELS[1:], metavar="LEVEL",
                      help="exit 1 when a channel reaches LEVEL (low, medium, high)")
    scan.add_argument("--format", default=",".join(FORMATS), help="report formats, comma-separated "
                                                                  f"(default {','.join(FORMATS)})")
    scan.add_argument("--ignore-robots", action="store_true",
                      help="do not obey robots.txt (for a firm auditing its own sites)")
    scan.add_argument("--delay", type=float, metavar="SECONDS", help="delay between requests to one host")
    scan.add_argument("--user-agent", metavar="UA", help="User-Agent to send, with your contact URL (default: "
                                                         "$FOOTPRINT_USER_AGENT, else one naming footprint)")

    demo = sub.add_parser("demo", help="scan the bundled demo firms on the bundled sandbox web (no network)",
                          description="Scan the bundled demo firms on the bundled sandbox web. The demo's store is "
                                      "OUT/demo-store.sqlite unless --store says otherwise.")
    _common(demo, default_out="footprint-out/demo")

    analyze = sub.add_parser("analyze", help="rebuild the reports from a capture.warc.gz, without the network",
                             description="Re-assess an archive written by `footprint scan`: same detectors, same "
                                         "finding ids, no network.")
    analyze.add_argument("archive", metavar="ARCHIVE", help="a capture.warc.gz")
    analyze.add_argument("--firm", metavar="FILE", help="firm profile to take the firm's name and country from")
    analyze.add_argument("--out", default="footprint-out/analyze", metavar="DIR",
                         help="output folder (default footprint-out/analyze; like scan's, a dated folder per run "
                              "and OUT/latest, so keep it apart from a scan job's folder)")
    analyze.add_argument("--format", default=",".join(FORMATS), help="report formats, comma-separated")
    _store_option(analyze, "the store whose triage decisions apply")
    from crawler.store_commands import add_store_commands

    add_store_commands(sub, _store_option)

    selftest = sub.add_parser("selftest", help="check the platform parsers against live pages (needs internet)")
    selftest.add_argument("--live", action="store_true", help="fetch one known page per platform and parse it")
    selftest.add_argument("--proxy", metavar="URL", help="fetch through this proxy")

    indicators = sub.add_parser("indicators", help="print the indicator catalogue with legal references")
    indicators.add_argument("--json", action="store_true", help="as JSON")

    sandbox = sub.add_parser("sandbox", help="serve a directory of made-up hosts, or replay a capture archive, "
                                             "as a forward proxy")
    sandbox.add_argument("root", help="directory with one folder per host, or a .warc.gz/.warc capture archive "
                                      "to replay")
    sandbox.add_argument("--port", type=int, default=8899)
    return parser


def _store_option(parser: argparse.ArgumentParser, what: str = "the scan store") -> None:
    parser.add_argument("--store", metavar="PATH|URL",
                        help=f"{what}: an SQLite file or a postgresql:// URL (default $FOOTPRINT_STORE, else "
                             "~/.local/share/footprint/footprint.sqlite)")


def _common(parser: argparse.ArgumentParser, default_out: str = "footprint-out") -> None:
    parser.add_argument("--out", default=default_out, metavar="DIR",
                        help=f"output folder (default {default_out}); each run writes a dated folder in it and "
                             "points OUT/latest at it")
    parser.add_argument("--proxy", metavar="URL", help="send every fetch through this HTTP(S) proxy")
    parser.add_argument("--quiet", action="store_true", help="no progress lines while crawling")
    parser.add_argument("--no-screenshots", action="store_true", help="skip screenshots of pages with findings")
    _store_option(parser, "where scans, findings and triage decisions are kept")
    parser.add_argument("--since-last", action="store_true",
                        help="mark in each report what is new since the firm's previous complete scan")
    parser.add_argument("--fail-on-new", choices=LEVELS[1:], metavar="LEVEL",
                        help="exit 5 when findings new since the previous scan sit on a channel at LEVEL or above "
                             "(implies --since-last)")
    parser.add_argument("--parallel", type=int, default=DEFAULT_PARALLEL, metavar="N",
                        help="firms scanned at once in a batch (default: the number of CPU cores, at most 4; each "
                             "firm's crawl is CPU-bound, so more than the cores gains nothing: BENCHMARKS.md)")
    parser.add_argument("--log-file", metavar="FILE", help="also log the run to FILE, one JSON object per line")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse reports usage errors itself, with its own exit code 2
        return int(exc.code or 0)
    try:
        return _run_command(args)
    except BAD_INPUT as exc:
        print(f"footprint: error: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except (KeyboardInterrupt, Interrupted):
        print("footprint: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as exc:  # the one place an unexpected failure becomes a message and a code
        if args.debug:
            traceback.print_exc()
        print(f"footprint: internal error: {type(exc).__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        return ExitCode.INTERNAL


RUNS = ("scan", "demo")  # the commands that scan: signal handling and --log-file around all of their work


def _run_command(args) -> int:
    """A command; for scan and demo, with SIGTERM/SIGINT/SIGHUP handled (exit 7) and the JSON-lines run log open
    from the first step, so that every way out, bad input included, ends with a `run.exit` line and its code."""
    if args.command not in RUNS:
        return COMMANDS[args.command](args)
    from crawler import interrupt
    from crawler.joblog import close_log, event, open_log

    log = None
    try:
        with interrupt.handle_signals():
            if args.log_file:
                try:
                    log = open_log(args.log_file)
                except OSError as exc:
                    raise TargetError(args.log_file, "--log-file",
                                      f"a file footprint may append to ({exc.strerror})") from None
            code = COMMANDS[args.command](args)
    except BaseException as exc:
        code = _exit_code_for(exc)
        event("run.exit", f"exit code {code}: {type(exc).__name__}: {exc}", logging.ERROR, exit_code=int(code),
              error=f"{type(exc).__name__}: {exc}")
        raise
    else:
        event("run.exit", f"exit code {code}", exit_code=int(code))
        return code
    finally:
        close_log(log)


def run() -> None:
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl-C in the instant between main's handlers and its return
        code = ExitCode.INTERRUPTED
    if code == ExitCode.INTERRUPTED:
        # Stopping already: a late signal, even during the interpreter's shutdown (which resets Python-level
        # handlers, not SIG_IGN), must not turn exit 7 into death by signal.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
    sys.exit(code)


# ---------------------------------------------------------------------------------------------- commands

def _check_supplied(flag: str, path: str) -> None:
    """Supplied files are read whole before any fetch: a missing one is bad input, not an empty channel."""
    from crawler.inputs import read_mbox, read_posts_export

    (read_posts_export if flag == "--export" else read_mbox)(path)  # raises TargetError naming the file


def _formats(args) -> tuple[str, ...]:
    formats = tuple(f.strip() for f in getattr(args, "format", ",".join(FORMATS)).split(",") if f.strip())
    for f in formats:
        if f not in FORMATS:
            raise TargetError("command line", "--format", f"formats among {', '.join(FORMATS)}, got {f!r}")
    return formats


def _options(args, **overrides):
    from crawler.scan import ScanOptions

    formats = _formats(args)
    if args.proxy:
        check_url("command line", "--proxy", args.proxy)
    options = ScanOptions(out=Path(args.out), proxy=args.proxy or "", formats=formats, progress=not args.quiet)
    if hasattr(args, "parallel"):
        if not 1 <= args.parallel <= 64:
            raise TargetError("command line", "--parallel", f"a number of firms from 1 to 64, got {args.parallel}")
        options.parallel = args.parallel
        options.fail_on_new = args.fail_on_new or ""
        options.since_last = bool(args.since_last or args.fail_on_new)
    for key, value in overrides.items():
        setattr(options, key, value)
    return options


def cmd_scan(args) -> int:

    if bool(args.urls) == bool(args.firm):
        raise TargetError("command line", "targets", "either URLs or --firm FILE (one of them, not both)")
    firms = load_profile(args.firm) if args.firm else [firm_from_urls(args.urls)]
    user_agent = args.user_agent or os.environ.get("FOOTPRINT_USER_AGENT", "")
    options = _options(args, fail_on=args.fail_on or "", user_agent=user_agent)
    if args.max_pages is not None:
        if args.max_pages < 1:
            raise TargetError("command line", "--max-pages", f"a whole number of at least 1, got {args.max_pages}")
        options.max_pages = args.max_pages
    if args.max_depth is not None:
        if args.max_depth < 0:
            raise TargetError("command line", "--max-depth", f"0 or more, got {args.max_depth}")
        options.max_depth = args.max_depth
    if args.delay is not None:
        if not 0 <= args.delay <= 600:
            raise TargetError("command line", "--delay", f"seconds between 0 and 600, got {args.delay}")
        options.delay = args.delay
    if args.ignore_robots:
        options.obey_robots = False
    options.visitors = [check_country("command line", "--visitor", v) for v in args.visitor or []]
    for entry in args.visitor_proxy or []:
        country, sep, url = entry.partition("=")
        if not sep:
            expected = f"CC=URL, e.g. DE=http://user@host:port, got {entry!r}"
            raise TargetError("command line", "--visitor-proxy", expected)
        options.visitor_proxies[check_country("command line", "--visitor-proxy", country)] = check_url(
            "command line", f"--visitor-proxy {country}", url)
    if args.render:
        options.render = args.render
    for flag, paths in (("--export", args.export or []), ("--mail", args.mail or [])):
        for path in paths:
            _check_supplied(flag, path)
    options.exports, options.mails = list(args.export or []), list(args.mail or [])
    if (options.exports or options.mails) and len(firms) > 1:
        raise TargetError("command line", "--export/--mail", "a single firm: supplied material belongs to one firm")
    if not 0 <= args.same_type_window <= 3650:
        raise TargetError("command line", "--same-type-window", f"days from 0 to 3650, got {args.same_type_window}")
    options.same_type_window = args.same_type_window
    if args.no_screenshots:
        options.screenshots = False
    return _scan_and_report(firms, options, args)


def _scan_and_report(firms, options, args, config_extra=None, store_spec=None, firms_file="") -> int:
    """Lock the output folder, open the store, scan, print, and turn the outcome into an exit code. A second run
    on the same folder exits 6 at once; SIGTERM/SIGINT/SIGHUP end the run with 7, the store consistent (the
    signal handlers and the run log are set up by `_run_command`, before anything else)."""
    from crawler import interrupt
    from crawler.batch import scan_run
    from crawler.browser import chromium_executable
    from crawler.joblog import event
    from crawler.runs import LockHeld, job_lock
    from crawler.scan import exit_code, setting
    from crawler.store import open_store
    from reports.terminal import summary_lines

    if any(setting(options, f, "render") != "never" or setting(options, f, "screenshots") for f in firms):
        chromium_executable()  # no browser at all is bad input (exit 2) before anything runs, not 50 failed firms
    if options.out.exists() and not options.out.is_dir():
        raise TargetError(str(options.out), "--out", "a folder (or a path where one may be created), not a file")
    lock = job_lock(options.out)
    try:
        try:
            lock.acquire(args.command)
        except LockHeld as exc:
            event("run.locked", str(exc), logging.WARNING, out=str(options.out))
            print(f"footprint: {exc} (exit code {int(ExitCode.LOCKED)})", file=sys.stderr)
            return ExitCode.LOCKED
        except OSError as exc:
            raise TargetError(str(options.out), "--out", f"a folder footprint may write to ({exc.strerror})") \
                from None
        with open_store(store_spec if store_spec is not None else args.store) as store:
            abandoned = store.recover_abandoned()
            if abandoned:
                event("store.recovered", f"scans left running by a killed run marked abandoned: {abandoned}")
            if options.progress:
                channels = sum(len(f.websites) + len(f.affiliates) for f in firms)
                print(f"footprint: scanning {len(firms)} firm(s), {channels} start URL(s); store {store.location}",
                      file=sys.stderr)
            try:
                result = scan_run(firms, options, store, config_extra, firms_file or getattr(args, "firm", "") or "")
            except interrupt.Interrupted as exc:
                event("run.interrupted", f"{exc}: scans in progress recorded as interrupted", logging.WARNING)
                print(f"footprint: {exc}; scans in progress were recorded as interrupted and their captures kept "
                      f"(exit code {int(ExitCode.INTERRUPTED)})", file=sys.stderr)
                return ExitCode.INTERRUPTED
    finally:
        lock.release()
    for outcome in result.outcomes:
        if outcome.report is None:
            print(f"Firm: {outcome.firm.name}\nSCAN FAILED: {outcome.error}\n  folder {outcome.folder}\n")
            continue
        print("\n".join(summary_lines(outcome.report)))
        for fmt, path in sorted(outcome.paths.items()):
            print(f"  {fmt:5} {path}")
        print()
    for fmt, path in sorted(result.index_paths.items()):
        print(f"index {fmt:5} {path}")
    return exit_code(result.outcomes, options.fail_on, options.fail_on_new)


def _exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code `main` gives an exception: the same mapping, for the run log."""
    if isinstance(exc, BAD_INPUT):
        return ExitCode.BAD_INPUT
    if isinstance(exc, (KeyboardInterrupt, Interrupted)):
        return ExitCode.INTERRUPTED
    return ExitCode.INTERNAL


def cmd_demo(args) -> int:
    from crawler.sandbox import SandboxWeb

    demo = resources.files("crawler") / "demo"
    firms = load_profile(Path(str(demo / "firms.yaml")))
    with SandboxWeb(Path(str(demo / "web"))) as web:
        # The sandbox web is local and ours: no politeness delay needed against it.
        options = _options(args, proxy=web.url, delay=0.0)
        if args.no_screenshots:
            options.screenshots = False
        print(f"footprint demo: sandbox web on {web.url}, no network used", file=sys.stderr)
        # The demo's scans go to a store of their own, not the user's real history.
        store = args.store or str(Path(args.out) / "demo-store.sqlite")
        return _scan_and_report(firms, options, args, {"demo": True}, store, "the bundled demo firms")


def cmd_analyze(args) -> int:
    from crawler.offline import analyze_archive
    from crawler.runs import LockHeld, job_lock, new_run_dir, point_latest
    from crawler.scan import exit_code
    from reports.index import build_index, write_index
    from reports.terminal import summary_lines

    formats = _formats(args)
    firm = load_profile(args.firm)[0] if args.firm else None
    out = Path(args.out)
    triage = _triage_decisions(args.store)
    lock = job_lock(out)
    try:
        lock.acquire("analyze")
    except LockHeld as exc:
        print(f"footprint: {exc} (exit code {int(ExitCode.LOCKED)})", file=sys.stderr)
        return ExitCode.LOCKED
    try:
        run_dir = new_run_dir(out, datetime.now(UTC))
        try:
            outcome = analyze_archive(Path(args.archive), run_dir, formats, firm, triage)
        except BaseException:
            # A rebuild that failed leaves nothing behind: its half-written folder holds only copies.
            for partial in run_dir.glob(".*.partial"):
                shutil.rmtree(partial, ignore_errors=True)
            if not any(run_dir.iterdir()):
                run_dir.rmdir()
            raise
        firm_info = outcome.report["firm"]
        entry = {"slug": firm_info["slug"], "name": firm_info["name"], "report": outcome.report,
                 "report_dir": outcome.folder.name, "error": "", "formats": formats}
        write_index(build_index([entry], {"id": run_dir.name, "started_at": outcome.report["scan"]["started_at"],
                                          "finished_at": outcome.report["scan"]["finished_at"],
                                          "firms_file": f"rebuilt from {args.archive}"}), run_dir)
        point_latest(out, run_dir)
    finally:
        lock.release()
    print("\n".join(summary_lines(outcome.report)))
    for fmt, path in sorted(outcome.paths.items()):
        print(f"  {fmt:5} {path}")
    return exit_code([outcome], "")


def _triage_decisions(spec: str | None) -> dict[str, dict]:
    """The store's triage decisions for `analyze`; none when no store was named and the default one does not exist
    yet (an archive can be re-analysed on a machine that never scanned). A named store must exist."""
    from crawler.store import default_location, open_store

    if spec is None and "://" not in default_location() and not Path(default_location()).expanduser().is_file():
        return {}
    with open_store(spec, create=False) as store:
        return store.triage()


def cmd_selftest(args) -> int:
    from crawler import selftest
    from crawler.settings import USER_AGENT

    if not args.live:
        print("footprint selftest: the parsers are tested offline by `make test`; add --live to check them "
              "against the platforms' current pages (needs internet)")
        return ExitCode.OK
    if args.proxy:
        check_url("command line", "--proxy", args.proxy)
    return selftest.run(args.proxy or "", os.environ.get("FOOTPRINT_USER_AGENT", USER_AGENT))


def cmd_indicators(args) -> int:
    cat = catalogue()
    if args.json:
        data = {"catalogue_version": cat.version, "indicators": [i.to_dict() for i in cat.indicators.values()]}
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return ExitCode.OK
    print(f"footprint indicator catalogue {cat.version} (not legal advice)\n")
    for ind in cat.indicators.values():
        state = "" if ind.status == "active" else "  [planned: not detected by this version]"
        print(f"{ind.id:13} {ind.title}{state}")
        print(f"{'':13} observes: {ind.observes}")
        print(f"{'':13} strength: {ind.strength}; weight {ind.weight}; channels: {', '.join(ind.channels)}")
        print(f"{'':13} legal ref: {ind.legal_ref}")
        if ind.note:
            print(f"{'':13} note: {ind.note}")
        print()
    return ExitCode.OK


def cmd_sandbox(args) -> int:
    from crawler.sandbox import is_archive_path, serve_forever

    root = Path(args.root)
    if not (root.is_dir() or (root.is_file() and is_archive_path(root))):
        raise TargetError(str(root), "(directory or archive)",
                          "a directory with one folder per host, or a capture archive (.warc.gz / .warc)")
    try:
        serve_forever(root, port=args.port)
    except ValueError as exc:  # a .warc.gz that is not a footprint archive
        raise TargetError(str(root), "(archive)", str(exc)) from None
    return ExitCode.OK


def _store_commands() -> dict:
    from crawler.store_commands import cmd_diff, cmd_history, cmd_triage

    return {"history": cmd_history, "diff": cmd_diff, "triage": cmd_triage}


COMMANDS = {"scan": cmd_scan, "demo": cmd_demo, "analyze": cmd_analyze, "indicators": cmd_indicators,
            "sandbox": cmd_sandbox, "selftest": cmd_selftest, **_store_commands()}


if __name__ == "__main__":  # python -m crawler.cli, as the console script
    run()
