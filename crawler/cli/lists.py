"""`footprint lists`: warning lists imported from files into the store, and what is there.

`lists import FILE [--kind ncasp|national] [--name NAME]`: ESMA's interim MiCA register of non-compliant entities
(kind `ncasp`, stored as the list `esma-ncasp`) or a national list (kind `national`, named after the file unless
`--name` says otherwise); the kind is told from the header when not given. A changed file becomes the list's next
version; a file with a bad row is refused whole, every bad row named by its line (exit 2). Nothing is ever fetched:
download the list yourself and import the file. `lists show [--all] [--json] [--scan ID]`: the newest version of
every list (or every version, or those a scan checked).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from crawler.cli.exit_codes import ExitCode
from crawler.config.warning_lists import KINDS, NCASP, problems_text, read_list
from crawler.store import open_store
from crawler.store.location import is_named
from detectors.inputs import InputError

ESMA_LIST = "esma-ncasp"  # the name ESMA's register is stored under, whatever its file was called
LIST_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def add_lists_command(sub, store_option) -> None:
    lists = sub.add_parser("lists", help="import warning lists (ESMA's non-compliant entities, national lists)",
                           description="Warning lists, versioned in the store and never fetched from the network: "
                                       "a scanned firm whose domain or name is listed gets a WARNING_LIST finding.")
    actions = lists.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("import", help="import a list from a CSV file as its next version",
                             description="Import ESMA's interim MiCA register CSV of non-compliant entities (ncasp) "
                                         "or a national list (national: header name,website,authority,date,"
                                         "reference_url, optional member_state). Bad rows are named by line and "
                                         "the file is refused whole (exit 2).")
    add.add_argument("file", metavar="FILE", help="the CSV file")
    add.add_argument("--kind", choices=KINDS, help="the file's format (default: told from its header)")
    add.add_argument("--name", help=f"the list's name in the store (default: {ESMA_LIST} for ncasp, else the "
                                    "file's name without extension)")
    store_option(add)
    show = actions.add_parser("show", help="the imported lists: name, version, kind, entries, import time")
    show.add_argument("--all", action="store_true", help="every version, not only the newest")
    show.add_argument("--json", action="store_true", help="as JSON")
    show.add_argument("--scan", metavar="SCAN_ID", help="only the list versions this scan checked")
    store_option(show)


def cmd_lists(args) -> int:
    return _import(args) if args.action == "import" else _show(args)


def _import(args) -> int:
    parsed = read_list(args.file, args.kind or "")
    if parsed.problems:
        raise InputError(args.file, f"{len(parsed.problems)} bad row(s)", "every row well formed; nothing was "
                                                                         "imported:\n" + problems_text(
                                                                             args.file, parsed.problems))
    name = args.name or (ESMA_LIST if parsed.kind == NCASP else Path(args.file).stem.lower())
    if not LIST_NAME.match(name):
        raise InputError("command line", "--name", f"a list name of small letters, digits, '.', '_' or '-', "
                                                   f"got {name[:80]!r}")
    with open_store(args.store, make_folder=not is_named(args.store)) as store:
        row, new = store.import_list(name, parsed, Path(args.file).name)
    if new:
        print(f"imported {row['id']}: {row['entries']} entries ({row['kind']}) from {args.file}")
    else:
        print(f"unchanged: {args.file} is already {row['id']} (same sha256); no new version")
    return ExitCode.OK


def _show(args) -> int:
    with open_store(args.store, create=False) as store:
        rows = store.warning_lists(newest_only=not (args.all or args.scan))
        if args.scan:
            checked = set(store.lists_of_scan(args.scan))
            rows = [r for r in rows if r["id"] in checked]
    if args.json:
        print(json.dumps(rows, indent=2, sort_keys=True))
        return ExitCode.OK
    if not rows:
        print("no warning lists imported (footprint lists import FILE)")
    for r in rows:
        print(f"{r['id']:<28} {r['kind']:<9} {r['entries']:>6} entries  imported {r['imported_at']}  {r['source']}")
    return ExitCode.OK
