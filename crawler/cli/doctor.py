"""`footprint doctor`: is this machine ready to scan? Browser, store, output folder and proxy, each checked and
listed with what to fix; exit 0 when all are fine, 2 when something needs fixing."""

from __future__ import annotations

import sys
from pathlib import Path

from crawler.cli.exit_codes import ExitCode
from crawler.cli.preflight import environment_checks


def cmd_doctor(args) -> int:
    from detectors.catalogue import catalogue
    from reports.build import tool_version

    print(f"footprint {tool_version()} (indicator catalogue {catalogue().version}), Python "
          f"{sys.version.split()[0]}")
    checks = environment_checks(Path(args.out), args.store, args.proxy or "")
    for check in checks:
        print(f"  {'ok  ' if check.ok else 'FIX ' if check.needed else 'note'} {check.what}: {check.detail}")
    failed = [c.what for c in checks if not c.ok and c.needed]
    if failed:
        print(f"footprint doctor: fix {', '.join(failed)} before scanning", file=sys.stderr)
        return ExitCode.BAD_INPUT
    print("ready to scan")
    return ExitCode.OK
