"""The command line's grammar: every command, option and help text. Defaults, limits and help of scan settings
come from crawler/config/defaults.py, so the command line and the firm profile cannot drift apart."""

from __future__ import annotations

import argparse
import difflib
import os
import re

from crawler.cli.exit_codes import EPILOG
from crawler.config.defaults import (
    ANALYZE_OUT,
    BASELINE_VISITOR,
    DEFAULT_EU_VISITOR,
    DEMO_OUT,
    FORMATS,
    OUT,
    RENDER_MODES,
    SETTINGS,
    VALIDATE_ENV,
    VIEW_HOST,
    VIEW_PORT,
)
from detectors.model import LEVELS

SANDBOX_PORT = 8899


class Parser(argparse.ArgumentParser):
    """argparse, plus "did you mean" for a mistyped command or choice (`footprint scna`)."""

    def error(self, message: str):
        wrong = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if wrong:
            choices = re.findall(r"'([^']*)'", wrong[2])
            close = difflib.get_close_matches(wrong[1], choices, n=1, cutoff=0.6)
            if close:
                message += f"; did you mean '{close[0]}'?"
        super().error(message)


class Version(argparse.Action):
    """`--version`: the tool's and the indicator catalogue's versions (the catalogue is loaded only when asked)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, _namespace, _values, _option_string=None):
        from detectors.catalogue import catalogue
        from reports.build import tool_version

        print(f"footprint {tool_version()} (indicator catalogue {catalogue().version})")
        parser.exit()


def build() -> argparse.ArgumentParser:
    parser = Parser(
        prog="footprint",
        description="Crawl a firm's marketing footprint and score MiCA Art. 61 solicitation indicators.",
        epilog=EPILOG + " Reports are not legal advice.")
    parser.add_argument("--version", action=Version, help="print the version of footprint and its catalogue")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _scan(sub)
    _common(sub.add_parser("demo", help="scan the bundled demo firms on the bundled sandbox web (no network)",
                           description="Scan the bundled demo firms on the bundled sandbox web. The demo's store is "
                                       "OUT/demo-store.sqlite unless --store says otherwise."), default_out=DEMO_OUT)
    _analyze(sub)
    _view(sub)
    from crawler.cli.store_commands import add_store_commands

    add_store_commands(sub, store_option)
    from crawler.cli.register import add_register_command

    add_register_command(sub, store_option)
    from crawler.cli.evidence import add_evidence_commands

    add_evidence_commands(sub, store_option)
    from crawler.cli.lists import add_lists_command

    add_lists_command(sub, store_option)
    from crawler.cli.fleet_commands import add_fleet_commands

    add_fleet_commands(sub, store_option)
    selftest = sub.add_parser("selftest", help="check the platform parsers against live pages (needs internet)")
    selftest.add_argument("--live", action="store_true", help="fetch one known page per platform and parse it")
    selftest.add_argument("--proxy", metavar="URL", help="fetch through this proxy")
    doctor = sub.add_parser("doctor", help="check that this machine is ready to scan (browser, store, output, proxy)",
                            description="Check the browser, the store, the output folder and the proxy a scan "
                                        "would use, and say what to fix. Exit 0 when ready, 2 when not.")
    doctor.add_argument("--out", default=OUT, metavar="DIR", help=f"the output folder to check (default {OUT})")
    doctor.add_argument("--proxy", metavar="URL", help="a forward proxy to check (default $HTTPS_PROXY, if set)")
    store_option(doctor)
    indicators = sub.add_parser("indicators", help="print the indicator catalogue with legal references")
    indicators.add_argument("--json", action="store_true", help="as JSON")
    sandbox = sub.add_parser("sandbox", help="serve a directory of made-up hosts, or replay a capture archive, "
                                             "as a forward proxy")
    sandbox.add_argument("root", help="directory with one folder per host, or a .warc.gz/.warc capture archive "
                                      "to replay")
    sandbox.add_argument("--port", type=int, default=SANDBOX_PORT)
    for command in sub.choices.values():  # `footprint scan --debug URL` as well as `footprint --debug scan URL`
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def _help(name: str) -> str:
    setting = SETTINGS[name]
    return f"{setting.help} (default {setting.default})"


def _scan(sub) -> None:
    scan = sub.add_parser("scan", help="scan a firm's websites and write its reports",
                          description="Scan URLs or the firms of a profile file; write report.json, report.html, "
                                      "report.md and findings.csv per firm under --out.")
    scan.add_argument("urls", nargs="*", metavar="URL", help="website start URLs (one firm)")
    scan.add_argument("--firm", metavar="FILE", help="firm profile YAML (one firm, or a `firms:` list)")
    _common(scan)
    scan.add_argument("--max-pages", type=int, metavar="N", help=_help("max_pages"))
    scan.add_argument("--max-depth", type=int, metavar="N", help=_help("max_depth"))
    scan.add_argument("--render", choices=RENDER_MODES, help=_help("render"))
    scan.add_argument("--visitor", action="append", metavar="CC",
                      help="visit as a resident of this country too, every page (repeatable); a neutral US visitor "
                           "is the baseline; without --visitor (or the firm's visitors) one EU visitor, the "
                           f"--jurisdiction state else {DEFAULT_EU_VISITOR}, looks at the start pages; --visitor "
                           f"{BASELINE_VISITOR}: the baseline alone")
    scan.add_argument("--visitor-proxy", action="append", metavar="CC=URL",
                      help="proxy exiting in that country for that visitor (repeatable)")
    scan.add_argument("--export", action="append", metavar="FILE",
                      help="posts the firm supplies, JSON lines (date, text, links, audience); repeatable")
    scan.add_argument("--mail", action="append", metavar="FILE",
                      help="e-mail campaigns the firm supplies, an mbox file; repeatable")
    scan.add_argument("--same-type-window", type=int, metavar="DAYS", default=SETTINGS["same_type_window"].default,
                      help=_help("same_type_window"))
    scan.add_argument("--fail-on", choices=LEVELS[1:], metavar="LEVEL",
                      help="exit 1 when a channel reaches LEVEL (low, medium, high)")
    scan.add_argument("--format", default=",".join(FORMATS), help="report formats, comma-separated "
                                                                  f"(default {','.join(FORMATS)}; also pdf)")
    scan.add_argument("--ignore-robots", action="store_true",
                      help="do not obey robots.txt (for a firm auditing its own sites)")
    scan.add_argument("--allow-private", action="store_true",
                      help="also fetch from private, loopback and link-local addresses (refused by default; for a "
                           "firm auditing its own intranet site)")
    scan.add_argument("--delay", type=float, metavar="SECONDS", help=_help("delay"))
    scan.add_argument("--user-agent", metavar="UA", help="User-Agent to send, with your contact URL (default: "
                                                         "$FOOTPRINT_USER_AGENT, else one naming footprint)")


def _analyze(sub) -> None:
    analyze = sub.add_parser("analyze", help="rebuild the reports from a capture.warc.gz, without the network",
                             description="Re-assess an archive written by `footprint scan`: same detectors, same "
                                         "finding ids, no network.")
    analyze.add_argument("archive", metavar="ARCHIVE", help="a capture.warc.gz (or an s3:// one a fleet uploaded)")
    analyze.add_argument("--firm", metavar="FILE", help="firm profile to take the firm's name and country from")
    analyze.add_argument("--out", default=ANALYZE_OUT, metavar="DIR",
                         help=f"output folder (default {ANALYZE_OUT}; like scan's, a dated folder per run "
                              "and OUT/latest, so keep it apart from a scan job's folder)")
    analyze.add_argument("--format", default=",".join(FORMATS), help="report formats, comma-separated")
    store_option(analyze, "the store whose triage decisions apply")
    validate_option(analyze)


def _view(sub) -> None:
    view = sub.add_parser("view", help="serve a scan's archived pages on 127.0.0.1, script-free, matches highlighted",
                          description="Serve the pages of a capture archive as they were captured (never the live "
                                      "site): scripts off, links and external resources disabled, a finding's "
                                      "match highlighted. Prints the URL to open; Ctrl-C stops it.")
    view.add_argument("target", metavar="FOLDER|ARCHIVE", help="a firm folder of a scan, or a capture.warc.gz")
    view.add_argument("--port", type=int, default=VIEW_PORT,
                      help=f"port to listen on (default {VIEW_PORT}: a free one, printed)")
    view.add_argument("--host", default=VIEW_HOST, help=f"loopback address to listen on (default {VIEW_HOST})")


def validate_option(parser: argparse.ArgumentParser) -> None:
    """--validate (scan, demo, analyze): report.json checked against its schema before it is written. Off by default
    (it costs a fifth of the judging time on a large report); the test suite turns it on for every report through
    $FOOTPRINT_VALIDATE."""
    parser.add_argument("--validate", action="store_true", default=bool(os.environ.get(VALIDATE_ENV)),
                        help="check each report.json against its schema before writing it; a report that does not "
                             f"match is an internal error, exit 4 (default: on when ${VALIDATE_ENV} is set)")


def store_option(parser: argparse.ArgumentParser, what: str = "the scan store") -> None:
    parser.add_argument("--store", metavar="PATH|URL",
                        help=f"{what}: an SQLite file or a postgresql:// URL (default $FOOTPRINT_STORE, else "
                             "~/.local/share/footprint/footprint.sqlite)")


def _common(parser: argparse.ArgumentParser, default_out: str = OUT) -> None:
    parser.add_argument("--out", default=default_out, metavar="DIR",
                        help=f"output folder (default {default_out}); each run writes a dated folder in it and "
                             "points OUT/latest at it")
    parser.add_argument("--proxy", metavar="URL", help="send every fetch through this HTTP(S) proxy")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--quiet", action="store_true", help="no progress while crawling (errors and the summary only)")
    shown.add_argument("--verbose", action="store_true",
                       help="every fetch on its own line, as well as the status (default on a terminal: one live "
                            "status line; elsewhere: a line per firm)")
    parser.add_argument("--no-screenshots", action="store_true", help="skip screenshots of pages with findings")
    parser.add_argument("--jurisdiction", metavar="CC",
                        help="put this EU/EEA member state's view first in each report: its verdict, its findings, "
                             "its warning-list hits and its profile's citations (overrides a profile's `jurisdiction`)")
    store_option(parser, "where scans, findings and triage decisions are kept")
    validate_option(parser)
    parser.add_argument("--since-last", action="store_true",
                        help="mark in each report what is new since the firm's previous complete scan")
    parser.add_argument("--fail-on-new", choices=LEVELS[1:], metavar="LEVEL",
                        help="exit 5 when findings new since the previous scan sit on a channel at LEVEL or above "
                             "(implies --since-last)")
    parser.add_argument("--parallel", type=int, default=SETTINGS["parallel"].default, metavar="N",
                        help=_help("parallel") + "; BENCHMARKS.md")
    parser.add_argument("--log-file", metavar="FILE", help="also log the run to FILE, one JSON object per line")
