"""`footprint evidence pack FIRM_FOLDER|SCAN_ID --out FILE.wacz [--tsa URL]` and `footprint evidence verify
FILE.wacz [--tsa-ca FILE]` (crawler/runs/evidence.py). Exit codes: 0 the pack was written / every file, the
manifest and the timestamp match; 2 bad input (no such folder or scan, not a pack, an unreadable --tsa-ca, the TSA
failed); 8 verify found a mismatch, each named on stderr."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from crawler.cli.exit_codes import ExitCode
from detectors.inputs import InputError


def add_evidence_commands(sub, store_option) -> None:
    evidence = sub.add_parser("evidence", help="pack a firm's scan as one WACZ file with hashes, and verify one",
                              description="Evidence packs (WACZ): the WARC, the reports, the screenshots and a "
                                          "manifest with the sha256 of every file, optionally timestamped (RFC "
                                          "3161). Exit codes: 0 done / all match; 2 bad input; 8 a file, the "
                                          "manifest or the timestamp does not match (named).")
    actions = evidence.add_subparsers(dest="action", required=True, metavar="ACTION")
    pack = actions.add_parser("pack", help="write a firm folder's evidence as a WACZ")
    pack.add_argument("source", metavar="FIRM_FOLDER|SCAN_ID", help="a firm folder of a run, or a scan id from "
                                                                     "`footprint history` (or a unique prefix)")
    pack.add_argument("--out", required=True, metavar="FILE.wacz", help="the pack to write")
    pack.add_argument("--tsa", metavar="URL", help="an RFC 3161 time-stamp authority to timestamp the manifest")
    store_option(pack, "the store that finds a SCAN_ID's folder")
    verify = actions.add_parser("verify", help="check every hash of a WACZ and its timestamp")
    verify.add_argument("pack", metavar="FILE.wacz")
    verify.add_argument("--tsa-ca", metavar="FILE", help="PEM certificates the TSA's must chain to (default: "
                                                         "this machine's trusted CAs)")


def cmd_evidence(args) -> int:
    return _pack(args) if args.action == "pack" else _verify(args)


def _pack(args) -> int:
    from crawler.crawl.timestamp import TimestampFailed
    from crawler.runs.evidence import firm_folder, pack

    out = Path(args.out)
    if out.suffix != ".wacz":
        raise InputError(args.out, "--out", "a file name ending in .wacz")
    if args.tsa and urlsplit(args.tsa).scheme not in ("http", "https"):
        raise InputError(args.tsa, "--tsa", "an http(s) URL of an RFC 3161 time-stamp authority")
    folder = firm_folder(args.source, args.store)
    try:
        manifest_hash, files = pack(folder, out, args.tsa or "")
    except TimestampFailed as exc:
        raise InputError(args.tsa, "--tsa", f"a time-stamp authority that answers ({exc}); no pack written") \
            from None
    stamped = f", timestamped by {args.tsa}" if args.tsa else ""
    print(f"{out}: {files} files from {folder}{stamped}; manifest {manifest_hash}")
    return ExitCode.OK


def _verify(args) -> int:
    from crawler.captures.wacz import NotAPackage
    from crawler.crawl.timestamp import load_certificates
    from crawler.runs.evidence import verify

    roots = []
    if args.tsa_ca:
        try:
            roots = load_certificates(Path(args.tsa_ca))
        except ValueError as exc:
            raise InputError(args.tsa_ca, "--tsa-ca", f"PEM certificates ({exc})") from None
    try:
        verdict = verify(Path(args.pack), roots)
    except NotAPackage as exc:
        raise InputError(args.pack, "FILE.wacz", f"a pack written by `footprint evidence pack` ({exc})") from None
    for problem in verdict.problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if verdict.timestamp:
        print(f"timestamp: {verdict.timestamp}")
    if verdict.problems:
        print(f"{args.pack}: {len(verdict.problems)} problem(s); {verdict.checked} file(s) match "
              f"(exit code {int(ExitCode.EVIDENCE_MISMATCH)})", file=sys.stderr)
        return ExitCode.EVIDENCE_MISMATCH
    print(f"{args.pack}: all {verdict.checked} files match the manifest" +
          (", and the timestamp verifies" if verdict.timestamp else " (not timestamped)"))
    return ExitCode.OK
