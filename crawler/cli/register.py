"""`footprint register check`: a firm's onboarding records checked against its footprint at the time each client
came (issue 16; docs/0016-initiation-register.md).

Exit codes: 0 register written; 3 written, but the picture is incomplete (rows left out for problems, or clients
onboarded on dates no scan covers); 2 bad input (no key, unknown firm, unreadable file, a header without a
required column, or no usable row at all).
"""

from __future__ import annotations

import sys
from pathlib import Path

from crawler.cli.exit_codes import ExitCode
from crawler.config.defaults import (
    REGISTER_COVERAGE_DAYS,
    REGISTER_KEY_ENV,
    REGISTER_KEY_FILE_ENV,
    REGISTER_OUT,
    SETTINGS,
)
from crawler.config.limits import cut
from crawler.register.exports import EXPORTS

PROBLEMS_SHOWN = 20  # row problems printed; register.json lists them all


def add_register_command(sub, store_option) -> None:
    register = sub.add_parser("register", help="check a firm's onboarded clients against its footprint over time",
                              description=__doc__.split("\n\n", 1)[0])
    actions = register.add_subparsers(dest="register_command", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check", help="import an onboarding file and write register.json and register.html",
        description="Import ONBOARDING.csv (and --services and the firm's own exports), hash client ids with the "
                    "register key, and hold each EU client against the firm's stored finding history.",
        epilog=" ".join(__doc__.split("\n\n", 1)[1].split()) + " Not legal advice.")
    check.add_argument("onboarding", metavar="ONBOARDING.csv", type=Path,
                       help="one row per client: client_id, country_of_residence, onboarded_at, and optional "
                            "channel and attribution columns (docs/0016-initiation-register.md)")
    check.add_argument("--services", metavar="SERVICES.csv", type=Path,
                       help="one row per request: client_id, requested_at, service, asset, asset_class, "
                            "initiated_by (client/firm/unknown), offer_ref")
    check.add_argument("--google-ads", metavar="FILE", type=Path,
                       help="a Google Ads Editor export (CSV, UTF-8 or the Editor's UTF-16): the locations each "
                            "campaign targets")
    check.add_argument("--microsoft-ads", metavar="FILE", type=Path,
                       help="a Microsoft Advertising bulk file (CSV): the locations each campaign targets or "
                            "excludes (needs --microsoft-ads-locations)")
    check.add_argument("--microsoft-ads-locations", metavar="FILE", type=Path,
                       help="Microsoft Advertising's geographical locations file (Location Id, Bing Display Name), "
                            "to resolve the bulk file's location ids to countries")
    check.add_argument("--search-console", metavar="FILE", type=Path,
                       help="a Google Search Console performance export (the ZIP of CSVs): clicks and impressions "
                            "by country")
    for kind, export in EXPORTS.items():
        check.add_argument(f"--{kind.replace('_', '-')}", metavar="FILE", type=Path,
                           help=f"the firm's {export.what} ({export.measure} by {export.country!r})")
    check.add_argument("--mapping", metavar="FILE", type=Path,
                       help="YAML `columns: {our_name: your_header}` for files with other column names")
    check.add_argument("--firm", required=True, metavar="NAME", help="the firm's name or slug in the store")
    check.add_argument("--out", type=Path, default=Path(REGISTER_OUT), metavar="DIR",
                       help=f"output folder (default {REGISTER_OUT}); the register goes to DIR/<firm-slug>/")
    check.add_argument("--key-file", metavar="FILE",
                       help=f"the secret key client ids are hashed with (default ${REGISTER_KEY_FILE_ENV}, else "
                            f"${REGISTER_KEY_ENV}); kept outside the store and the output folder, never written")
    check.add_argument("--coverage-days", type=int, default=REGISTER_COVERAGE_DAYS, metavar="DAYS",
                       help="how long a scan shows the firm's marketing for; later dates are coverage gaps "
                            f"(default {REGISTER_COVERAGE_DAYS})")
    check.add_argument("--same-type-window", type=int, metavar="DAYS", default=SETTINGS["same_type_window"].default,
                       help=SETTINGS["same_type_window"].help + f" (default {SETTINGS['same_type_window'].default})")
    store_option(check, "the scan store holding the firm's scans")


def cmd_register(args) -> int:
    from crawler.register.run import NoUsableRows, Request, check
    from detectors.inputs import InputError

    for name, value, low in (("--coverage-days", args.coverage_days, 1), ("--same-type-window",
                                                                          args.same_type_window, 0)):
        if value < low:
            raise InputError("command line", name, f"a whole number of days >= {low}, got {value}")
    if args.microsoft_ads_locations and not args.microsoft_ads:
        raise InputError("command line", "--microsoft-ads-locations", "--microsoft-ads BULK.csv beside it (the "
                                                                      "locations file only resolves a bulk file's ids)")
    request = Request(onboarding=args.onboarding, firm=args.firm, out=args.out, store=args.store,
                      services=args.services, mapping=args.mapping, google_ads=args.google_ads,
                      microsoft_ads=args.microsoft_ads, microsoft_ads_locations=args.microsoft_ads_locations,
                      search_console=args.search_console,
                      counts=tuple((kind, getattr(args, kind)) for kind in EXPORTS if getattr(args, kind)),
                      key_file=args.key_file,
                      coverage_days=args.coverage_days, same_type_window=args.same_type_window)
    try:
        outcome = check(request)
    except NoUsableRows as exc:
        print(f"footprint: error: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    for problem in outcome.problems[:PROBLEMS_SHOWN]:
        print(f"footprint: {cut(problem)}", file=sys.stderr)
    if len(outcome.problems) > PROBLEMS_SHOWN:
        print(f"footprint: ... and {len(outcome.problems) - PROBLEMS_SHOWN} more problem(s), all listed in "
              "register.json", file=sys.stderr)
    summary = outcome.document["summary"]
    overall = summary["overall"]["checks"]
    print(f"Register of {outcome.document['firm']['name'] or outcome.document['firm']['slug']}: "
          f"{summary['eu_clients']} EU client(s) of {summary['clients']}; "
          f"{len(outcome.document['findings'])} finding(s)")
    for check_id, entry in overall.items():
        if entry["clients"]:
            print(f"  {check_id}: {entry['clients']} client(s)")
    for path in outcome.written.values():
        print(f"  {path}")
    return ExitCode.INCOMPLETE if outcome.incomplete else ExitCode.OK
