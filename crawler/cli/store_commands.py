"""The commands that read the scan store: `history`, `diff` and `triage`.

`diff` compares two scans named by id (or a unique prefix) in the store, or two report.json files (or the firm
folders holding them), so a firm can compare reports it was sent without having the store.
"""

from __future__ import annotations

import fnmatch
import getpass
import json
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from crawler.store import StoreError, open_store
from crawler.store.location import is_named
from crawler.store.scans import MIN_PREFIX, ScanStatus
from detectors.inputs import InputError
from detectors.model import TriageStatus
from reports.build import READABLE_FORMATS
from reports.terminal import plain
from reports.validate import validate_report

DIFF_FORMATS = ("text", "json", "html")
TRIAGE_STATUSES = tuple(status.value for status in TriageStatus)  # plain strings: argparse quotes choices by repr
FINDING_PREFIX = re.compile(rf"^[0-9a-f]{{{MIN_PREFIX},16}}$")


def add_store_commands(sub, store_option) -> None:
    history = sub.add_parser("history", help="list the stored scans, newest first, with their verdicts",
                             description="List the scans in the store (newest first): id, firm, start time, "
                                         "status, verdict, score, findings.")
    history.add_argument("firm", nargs="?", metavar="FIRM", help="only this firm (its name or slug)")
    history.add_argument("--limit", type=int, metavar="N", help="at most N scans")
    history.add_argument("--json", action="store_true", help="as JSON")
    store_option(history)

    diff = sub.add_parser("diff", help="what changed between two scans: new, resolved and changed findings",
                          description="Compare two scans, each a scan id (or a unique prefix of one) in the store "
                                      "or a report.json file (or a folder holding one): new, resolved and changed "
                                      "findings per channel, by their stable finding ids.")
    diff.add_argument("old", metavar="OLD", help="the earlier scan: scan id, report.json, or a firm's folder; "
                                                 "alone, a firm's name or slug: its last two complete scans")
    diff.add_argument("new", metavar="NEW", nargs="?",
                      help="the later scan: scan id, report.json, or a firm's folder")
    diff.add_argument("--format", choices=DIFF_FORMATS, default="text", help="text (default), json or html")
    diff.add_argument("--output", "-o", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    store_option(diff)

    triage = sub.add_parser("triage", help="record a reviewer's decision on a finding; export or import decisions",
                            description="Confirm or dismiss a finding by its id (from report.json, report.html or "
                                        "findings.csv). Decisions are kept across scans: a dismissed finding stays "
                                        "in later reports, marked, and is not scored. `--status open` withdraws a "
                                        "decision. --export/--import move decisions between stores as a JSON file.")
    triage.add_argument("finding", nargs="?", metavar="FINDING_ID",
                        help="a finding id (16 hex digits) or a unique prefix of one (4 or more)")
    triage.add_argument("--indicator", help="every finding of this indicator (e.g. PHONE) in the newest scans")
    triage.add_argument("--channel", help="every finding on this channel (e.g. website:example.com)")
    triage.add_argument("--url", metavar="PATTERN", help="every finding whose page matches PATTERN (a glob: "
                                                         "'https://example.com/de/*')")
    triage.add_argument("--firm", help="with --indicator/--channel/--url: only this firm (name or slug)")
    triage.add_argument("--status", choices=TRIAGE_STATUSES, help="confirmed, dismissed, or open (withdraw)")
    triage.add_argument("--reason", help="why (required with --status): kept with who decided and when")
    triage.add_argument("--by", help="who decides (default $FOOTPRINT_USER, else the login name)")
    triage.add_argument("--export", metavar="FILE", help="write every current decision to FILE (JSON)")
    triage.add_argument("--import", dest="import_file", metavar="FILE",
                        help="apply the decisions of FILE (newer ones win; a bad file changes nothing)")
    triage.add_argument("--list", action="store_true", help="print the current decisions")
    store_option(triage)


def _output_file(name: str, flag: str) -> Path:
    """A file to write: not a folder, in a folder that exists or can be made and written to."""
    path = Path(name)
    if path.is_dir():
        raise InputError(name, flag, "a file name, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(name, flag, f"a file in a folder footprint may create ({exc.strerror})") from None
    if not os.access(path.parent, os.W_OK):
        raise InputError(name, flag, f"a file in a folder footprint may write to ({path.parent} is not writable)")
    return path


# ---------------------------------------------------------------------------------------------- history

def cmd_history(args) -> int:
    if args.limit is not None and args.limit < 1:
        raise InputError("command line", "--limit", f"a number of scans of at least 1, got {args.limit}")
    with open_store(args.store, create=False) as store:
        _recover_abandoned(store)
        rows = store.scans(args.firm, args.limit)
        location = store.location
    if args.json:
        print(json.dumps({"store": location, "scans": [_row_dict(r) for r in rows]}, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        who = f" of {plain(args.firm)}" if args.firm else ""
        print(f"no scans{who} in {location}{_similar(args)}")
        return 0
    header = f"{'SCAN':12}  {'STARTED':20}  {'STATUS':11}  {'VERDICT':12}  {'SCORE':>5}  {'FINDINGS':>8}  FIRM"
    print(header)
    for r in rows:
        verdict = (r.level or "-").upper() + ("" if r.complete or r.status != ScanStatus.COMPLETE else "*")
        score = "-" if r.score is None else str(r.score)
        print(f"{r.id:12}  {r.started_at:20}  {r.status:11}  {verdict:12}  {score:>5}  {r.findings:>8}  "
              f"{plain(r.firm_name)}")
    if any(r.status == ScanStatus.COMPLETE and not r.complete for r in rows):
        print("* incomplete picture: some channel was not assessed or inconclusive")
    return 0


def _recover_abandoned(store) -> None:
    """Scans left `running` by a process that is gone are shown (and recorded) as abandoned, not running: reading
    the history is reason enough to say so. A store this user may not write to is listed as it is."""
    try:
        store.recover_abandoned()
    except StoreError:
        pass


def _similar(args) -> str:
    """FIRM must be a firm's slug or full name (scripts rely on exact matches); suggest the ones that contain it."""
    if not args.firm:
        return ""
    with open_store(args.store, create=False) as store:
        slugs = sorted({r.firm_slug for r in store.scans()})
    text = args.firm.strip().lower()
    near = [s for s in slugs if text in s]
    return f"; firms whose slug contains it: {', '.join(near)}" if near else ""


def _row_dict(r) -> dict:
    return {"id": r.id, "firm": {"slug": r.firm_slug, "name": r.firm_name}, "started_at": r.started_at,
            "finished_at": r.finished_at, "status": r.status, "verdict": {"level": r.level, "score": r.score,
                                                                          "complete": r.complete},
            "findings": r.findings, "out_dir": r.out_dir, "error": r.error}


# ---------------------------------------------------------------------------------------------- diff

def cmd_diff(args) -> int:
    from reports.diff import diff_reports, render_diff_html, render_diff_json, render_diff_text
    from reports.writer import atomic_write

    store_holder: dict = {}
    if args.new is None:
        args.old, args.new = _last_two(args.old, args.store)
    try:
        old = _load_report(args.old, "OLD", args.store, store_holder)
        new = _load_report(args.new, "NEW", args.store, store_holder)
    finally:
        if "store" in store_holder:
            store_holder["store"].close()
    try:
        diff = diff_reports(old, new)
    except ValueError as exc:  # a report.json of another shape: bad input, not a crash
        raise InputError(f"{args.old} / {args.new}", "report", f"two footprint reports ({exc})") from None
    render = {"text": render_diff_text, "json": render_diff_json, "html": render_diff_html}[args.format]
    output = render(diff)
    if args.output:
        path = _output_file(args.output, "--output")
        atomic_write(path, output.encode("utf-8"))
        print(f"diff written to {path}", file=sys.stderr)
    else:
        sys.stdout.write(output)
    return 0


def _last_two(firm: str, store_spec: str | None) -> tuple[str, str]:
    """The ids of a firm's two newest complete scans (older first), for `footprint diff FIRM`."""
    with open_store(store_spec, create=False) as store:
        rows = [r for r in store.scans(firm) if r.status == ScanStatus.COMPLETE]
        location = store.location
    if len(rows) < 2:
        raise InputError(location, "FIRM", f"a firm with two complete scans to compare: {plain(firm)!r} has "
                                           f"{len(rows)} (see `footprint history`), or give OLD and NEW")
    return rows[1].id, rows[0].id


def _load_report(ref: str, which: str, store_spec: str | None, holder: dict) -> dict:
    """A report.json file, a folder holding one, or a scan id (or unique prefix) in the store."""
    path = Path(ref)
    if path.is_dir():
        path = path / "report.json"
        if not path.is_file():
            raise InputError(ref, which, "a folder holding a report.json (a firm's output folder)")
    if path.is_file():
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputError(str(path), which, f"a footprint report.json ({type(exc).__name__}: {exc})") from None
        if not isinstance(report, dict) or report.get("schema") not in READABLE_FORMATS:
            raise InputError(str(path), "schema", " or ".join(map(json.dumps, READABLE_FORMATS))
                             + " (a report.json written by footprint)")
        problems = validate_report(report)
        if problems:
            raise InputError(str(path), "(report)", f"a report.json as footprint writes it; {problems[0]}"
                              + (f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""))
        return report
    if not re.fullmatch(r"[0-9a-f]{4,12}", ref):
        raise InputError(ref, which, "an existing report.json, a folder holding one, or a scan id from "
                                      "`footprint history` (4 to 12 hex digits)")
    if "store" not in holder:
        holder["store"] = open_store(store_spec, create=False)
    store = holder["store"]
    row = store.scan(ref)
    if row is None:
        raise InputError(store.location, which, f"a scan with id {ref!r}: there is none (see `footprint history`)")
    report = store.report(row.id)
    if report is None:
        raise InputError(store.location, which, f"a complete scan: {row.id} is {row.status}"
                                                 + (f" ({row.error})" if row.error else ""))
    return report


# ---------------------------------------------------------------------------------------------- triage

def cmd_triage(args) -> int:
    selected = bool(args.indicator or args.channel or args.url)
    actions = [bool(args.finding or args.status or selected), bool(args.export), bool(args.import_file),
               bool(args.list)]
    if sum(actions) != 1 or (args.finding and selected):
        raise InputError("command line", "triage", "one of: FINDING_ID --status S --reason R; --indicator/--channel/"
                                                    "--url ... --status S --reason R; --export FILE; --import "
                                                    "FILE; --list")
    # Only an import may start a store, and a store the user named only in a folder that exists.
    with open_store(args.store, create=bool(args.import_file), make_folder=not is_named(args.store)) as store:
        if args.export:
            return _export(store, Path(args.export))
        if args.import_file:
            return _import(store, Path(args.import_file))
        if args.list:
            return _list(store)
        return _decide(store, args)


def _decide(store, args) -> int:
    if not args.status:
        raise InputError("command line", "--status", "confirmed, dismissed or open")
    reason = (args.reason or "").strip()
    if not reason:
        raise InputError("command line", "--reason", "a reason for the decision (it is kept with who and when)")
    chosen = _selected(store, args) if args.finding is None else [_one(store, args.finding)]
    by = args.by or os.environ.get("FOOTPRINT_USER") or _login()
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    what = {TriageStatus.CONFIRMED: "confirmed",
            TriageStatus.DISMISSED: "dismissed: it stays in later reports, not scored",
            TriageStatus.OPEN: "reopened: its decision is withdrawn"}[TriageStatus(args.status)]
    for known in chosen:
        store.set_triage(known["id"], args.status, reason, by, at)
        print(f"{known['id']} ({plain(known['indicator'])} on {plain(known['channel'])}, {plain(known['url'])}) "
              f"{what}")
    print(f"{len(chosen)} finding(s) decided by {plain(by)} at {at}. Applies from the next scan or "
          "`footprint analyze`.")
    return 0


def _one(store, given: str) -> dict:
    """The finding named by an id or a unique prefix of one."""
    ref = given.strip().lower()
    if not FINDING_PREFIX.fullmatch(ref):
        raise InputError("command line", "FINDING_ID", f"a finding id of 16 hex digits or a prefix of at least "
                                                        f"{MIN_PREFIX}, got {given!r}")
    ids = [ref] if len(ref) == 16 else store.finding_ids(ref)
    if len(ids) > 1:
        shown = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
        raise InputError(store.location, "FINDING_ID", f"a prefix of one finding: {ref!r} begins {shown}")
    known = store.finding(ids[0]) if ids else None
    if known is None:
        raise InputError(store.location, "FINDING_ID", f"a finding of a stored scan: {ref} is in none (ids "
                                                        "are in report.json, report.html and findings.csv)")
    return known


def _selected(store, args) -> list[dict]:
    """The findings of the firms' newest complete scans that match every selector given."""
    chosen = [f for f in store.latest_findings(args.firm)
              if (not args.indicator or f["indicator"] == args.indicator.strip().upper())
              and (not args.channel or f["channel"] == args.channel.strip())
              and (not args.url or fnmatch.fnmatchcase(f["url"], args.url.strip()))]
    unique = list({f["id"]: f for f in chosen}.values())
    if not unique:
        raise InputError(store.location, "--indicator/--channel/--url", "selectors that match a finding of the "
                                                                       "newest scans; nothing matches")
    return unique


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _export(store, path: Path) -> int:
    from reports.writer import atomic_write

    data = store.export_triage()
    path = _output_file(str(path), "--export")
    atomic_write(path, (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    print(f"{len(data['decisions'])} decision(s) written to {path}")
    return 0


def _import(store, path: Path) -> int:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "(file)", "an existing triage file written by `footprint triage --export`") \
            from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(str(path), "(file)", f"JSON written by `footprint triage --export` ({exc})") from None
    applied, skipped = store.import_triage(data, str(path))
    print(f"{applied} decision(s) applied from {path}; {skipped} skipped (the store's decision is as new or newer)")
    return 0


def _list(store) -> int:
    decisions = store.export_triage()["decisions"]
    if not decisions:
        print(f"no triage decisions in {store.location}")
    for d in decisions:
        print(f"{d['finding_id']}  {d['status']:9}  {d['at']}  {plain(d['by'])}: {plain(d['reason'])}  "
              f"[{plain(d['indicator'])} {plain(d['channel'])} {plain(d['url'])}]")
    return 0

