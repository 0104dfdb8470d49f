"""The commands that scan nothing: `indicators` (the catalogue), `sandbox` (serve a made-up web or an archive),
`selftest` (the platform parsers against live pages)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from crawler.cli.exit_codes import ExitCode
from crawler.config.profiles import check_url
from detectors.catalogue import catalogue
from detectors.inputs import InputError


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
        raise InputError(str(root), "(directory or archive)",
                         "a directory with one folder per host, or a capture archive (.warc.gz / .warc)")
    try:
        serve_forever(root, port=args.port)
    except ValueError as exc:  # a .warc.gz that is not a footprint archive
        raise InputError(str(root), "(archive)", str(exc)) from None
    return ExitCode.OK


def cmd_selftest(args) -> int:
    from crawler.crawl import selftest
    from crawler.crawl.settings import USER_AGENT

    if not args.live:
        print("footprint selftest: the parsers are tested offline by `make test`; add --live to check them "
              "against the platforms' current pages (needs internet)")
        return ExitCode.OK
    if args.proxy:
        check_url("command line", "--proxy", args.proxy)
    return selftest.run(args.proxy or "", os.environ.get("FOOTPRINT_USER_AGENT", USER_AGENT))
