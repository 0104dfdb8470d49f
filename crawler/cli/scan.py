"""`footprint scan` and `footprint demo`: the command line turned into run options, then one run (crawler/runs)
under the output folder's lock, its outcome printed and turned into an exit code."""

from __future__ import annotations

import logging
import os
import sys
from importlib import resources
from pathlib import Path

from crawler.cli.exit_codes import ExitCode, for_outcomes
from crawler.cli.preflight import check_proxies, without_render_extra
from crawler.config.defaults import FORMAT_CHOICES, FORMATS, PDF_FORMAT
from crawler.config.limits import bounded
from crawler.config.profiles import (
    check_country,
    check_member,
    check_setting,
    check_url,
    firm_from_urls,
    load_profile,
)
from crawler.config.scan_config import RunOptions, resolve
from crawler.crawl.browser import chromium_executable
from crawler.crawl.render_extra import missing_sentence
from detectors.inputs import InputError

CLI = "command line"


def formats(args) -> tuple[str, ...]:
    chosen = tuple(f.strip() for f in getattr(args, "format", ",".join(FORMATS)).split(",") if f.strip())
    for f in chosen:
        if f not in FORMAT_CHOICES:
            raise InputError(CLI, "--format", f"formats among {', '.join(FORMAT_CHOICES)}, got {f!r}")
    if PDF_FORMAT in chosen:
        if missing_sentence():  # Playwright prints the PDF
            raise InputError(CLI, "--format", f"a browser to print {PDF_FORMAT}, but {missing_sentence()}")
        chromium_executable()  # the PDF is printed by Chromium: without one, exit 2 before anything is fetched
    return chosen


def _run_options(args, **given) -> RunOptions:
    """The options every run command shares (output, proxy, formats, store comparison, parallelism)."""
    if args.proxy:
        check_url(CLI, "--proxy", args.proxy)
    settings = dict(given.pop("settings", {}))
    if args.no_screenshots:
        settings["screenshots"] = False
    shared = dict(out=Path(args.out), proxy=args.proxy or "", formats=formats(args), progress=not args.quiet,
                  parallel=check_setting(CLI, "--parallel", "parallel", args.parallel),
                  fail_on_new=args.fail_on_new or "", since_last=bool(args.since_last or args.fail_on_new),
                  validate=args.validate,
                  jurisdiction=check_member(CLI, "--jurisdiction", args.jurisdiction) if args.jurisdiction else "")
    return RunOptions(**{**shared, **given}, settings=settings)


def _firm_settings(args) -> dict:
    """The firm settings the command line gives, checked against the same limits as a profile's."""
    settings = {}
    for name, flag in (("max_pages", "--max-pages"), ("max_depth", "--max-depth"), ("delay", "--delay"),
                       ("render", "--render")):
        value = getattr(args, name)
        if value is not None:
            settings[name] = check_setting(CLI, flag, name, value)
    if args.ignore_robots:
        settings["obey_robots"] = False
    if args.allow_private:
        settings["allow_private"] = True
    return settings


def _visitor_proxies(entries: list[str]) -> dict[str, str]:
    proxies = {}
    for entry in entries:
        country, sep, url = entry.partition("=")
        if not sep:
            raise InputError(CLI, "--visitor-proxy", f"CC=URL, e.g. DE=http://user@host:port, got {entry!r}")
        proxies[check_country(CLI, "--visitor-proxy", country)] = check_url(CLI, f"--visitor-proxy {country}", url)
    return proxies


def _user_agent(given: str | None) -> str:
    """--user-agent, else $FOOTPRINT_USER_AGENT: sent as a header, so bounded and on one line."""
    if given:
        return bounded(CLI, "--user-agent", given, "header", "a user agent")
    return bounded("environment", "FOOTPRINT_USER_AGENT", os.environ.get("FOOTPRINT_USER_AGENT", ""), "header",
                   "a user agent")


def cmd_scan(args) -> int:
    from crawler.captures.supplied import read_mbox, read_posts_export

    if bool(args.urls) == bool(args.firm):
        raise InputError(CLI, "targets", "either URLs or --firm FILE (one of them, not both)")
    firms = load_profile(args.firm) if args.firm else [firm_from_urls(args.urls)]
    # Supplied files are read whole before any fetch: a missing one is bad input, not an empty channel.
    for path in args.export or []:
        read_posts_export(path)
    for path in args.mail or []:
        read_mbox(path)
    if (args.export or args.mail) and len(firms) > 1:
        raise InputError(CLI, "--export/--mail", "a single firm: supplied material belongs to one firm")
    options = _run_options(
        args, settings=_firm_settings(args), fail_on=args.fail_on or "",
        user_agent=_user_agent(args.user_agent),
        visitors=tuple(check_country(CLI, "--visitor", v) for v in args.visitor or []),
        visitor_proxies=_visitor_proxies(args.visitor_proxy or []),
        exports=tuple(args.export or ()), mails=tuple(args.mail or ()),
        same_type_window=check_setting(CLI, "--same-type-window", "same_type_window", args.same_type_window))
    return scan_and_report(firms, options, args, args.store, args.firm or "")


def cmd_demo(args) -> int:
    from crawler.sandbox import SandboxWeb

    demo = resources.files("crawler") / "demo"
    firms = load_profile(Path(str(demo / "firms.yaml")))
    with SandboxWeb(Path(str(demo / "web"))) as web:
        # The sandbox web is local and ours: no politeness delay needed against it.
        options = _run_options(args, settings={"delay": 0.0}, proxy=web.url, extra={"demo": True})
        print(f"footprint demo: sandbox web on {web.url}, no network used", file=sys.stderr)
        # The demo's scans go to a store of their own, not the user's real history.
        store = args.store or str(Path(args.out) / "demo-store.sqlite")
        return scan_and_report(firms, options, args, store, "the bundled demo firms")


def _page_to_open(result) -> Path | None:
    """What to look at first: the firm's report.html for one firm, else the batch's index.html."""
    scanned = [o for o in result.outcomes if o.report is not None]
    if len(result.outcomes) == 1 and scanned:
        return scanned[0].paths.get("html")
    return result.index_paths.get("html")


def scan_and_report(firms, options: RunOptions, args, store_spec: str | None, firms_file: str) -> int:
    """Lock the output folder, open the store, scan, print, and turn the outcome into an exit code. A second run
    on the same folder exits 6 at once; SIGTERM/SIGINT/SIGHUP end the run with 7, the store consistent (the
    signal handlers and the run log are set up by crawler/cli/main.py, before anything else)."""
    from crawler.cli.status import showing_progress
    from crawler.crawl.browser import chromium_executable
    from crawler.runs import interrupt
    from crawler.runs.batch import scan_run
    from crawler.runs.folders import LockHeld, job_lock, recover_after_crash
    from crawler.runs.joblog import event
    from crawler.store import open_store
    from crawler.store.location import is_named
    from reports.terminal import summary_lines

    configs = [resolve(f, options) for f in firms if f.invalid is None]
    options, notice = without_render_extra(options, configs)
    if notice:
        print(f"footprint: {notice}", file=sys.stderr)
        configs = [resolve(f, options) for f in firms if f.invalid is None]
    if any(c.render != "never" or c.screenshots for c in configs):
        chromium_executable()  # no browser at all is bad input (exit 2) before anything runs, not 50 failed firms
    visitor_proxies = {cc: url for c in configs for cc, url in c.visitor_proxies.items()}
    check_proxies(options.proxy, visitor_proxies)
    if options.out.exists() and not options.out.is_dir():
        raise InputError(str(options.out), "--out", "a folder (or a path where one may be created), not a file")
    lock = job_lock(options.out)
    try:
        try:
            lock.acquire(args.command)
        except LockHeld as exc:
            event("run.locked", str(exc), logging.WARNING, out=str(options.out))
            print(f"footprint: {exc} (exit code {int(ExitCode.LOCKED)})", file=sys.stderr)
            return ExitCode.LOCKED
        except OSError as exc:
            raise InputError(str(options.out), "--out", f"a folder footprint may write to ({exc.strerror})") \
                from None
        recover_after_crash(options.out)
        with open_store(store_spec, make_folder=not is_named(store_spec)) as store:
            abandoned = store.recover_abandoned()
            if abandoned:
                event("store.recovered", f"scans left running by a killed run marked abandoned: {abandoned}")
            if options.progress:
                channels = sum(len(f.websites) + len(f.affiliates) for f in firms)
                print(f"footprint: scanning {len(firms)} firm(s), {channels} start URL(s); store {store.location}",
                      file=sys.stderr)
            try:
                with showing_progress(len(firms), quiet=args.quiet, verbose=args.verbose):
                    result = scan_run(firms, options, store, firms_file)
            except interrupt.Interrupted as exc:
                event("run.interrupted", f"{exc}: scans in progress recorded as interrupted", logging.WARNING)
                print(f"footprint: {exc}; scans in progress were recorded as interrupted and their captures kept "
                      f"(exit code {int(ExitCode.INTERRUPTED)})", file=sys.stderr)
                return ExitCode.INTERRUPTED
    finally:
        lock.release()
    for outcome in result.outcomes:
        if outcome.firm.invalid is not None:
            print(f"Firm: {outcome.firm.name}\nNOT SCANNED: {outcome.error}\n")
            continue
        if outcome.report is None:
            print(f"Firm: {outcome.firm.name}\nSCAN FAILED: {outcome.error}\n  folder {outcome.folder}\n")
            continue
        print("\n".join(summary_lines(outcome.report)))
        for fmt, path in sorted(outcome.paths.items()):
            print(f"  {fmt:5} {path}")
        print()
    for fmt, path in sorted(result.index_paths.items()):
        print(f"index {fmt:5} {path}")
    first = _page_to_open(result)
    if first:
        print(f"open {first}")
    code = for_outcomes([o.report for o in result.outcomes if o.firm.invalid is None], options.fail_on,
                        options.fail_on_new)
    if code != ExitCode.INTERNAL and any(o.firm.invalid is not None for o in result.outcomes):
        return ExitCode.BAD_INPUT  # a firm of the file was bad input: the others were scanned and reported
    return code
