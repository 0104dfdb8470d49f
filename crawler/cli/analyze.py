"""`footprint analyze ARCHIVE`: a firm's reports rebuilt from its capture archive, offline, triage applied."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

from crawler.cli.exit_codes import ExitCode, for_outcomes
from crawler.cli.scan import formats
from crawler.config.profiles import load_profile
from detectors.timestamps import utc_now


def cmd_analyze(args) -> int:
    from crawler.runs.analyze import analyze_archive
    from crawler.runs.folders import LockHeld, job_lock, new_run_dir, point_latest, recover_after_crash
    from reports.index import build_index, write_index
    from reports.terminal import summary_lines

    chosen = formats(args)
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
        recover_after_crash(out)
        run_dir = new_run_dir(out, utc_now())
        try:
            with _local_archive(args.archive) as archive:
                outcome = analyze_archive(archive, run_dir, chosen, firm, triage, validate=args.validate)
        except BaseException:
            # A rebuild that failed leaves nothing behind: its half-written folder holds only copies.
            for partial in run_dir.glob(".*.partial"):
                shutil.rmtree(partial, ignore_errors=True)
            if not any(run_dir.iterdir()):
                run_dir.rmdir()
            raise
        firm_info = outcome.report["firm"]
        entry = {"slug": firm_info["slug"], "name": firm_info["name"], "report": outcome.report,
                 "report_dir": outcome.folder.name, "error": "", "formats": chosen}
        write_index(build_index([entry], {"id": run_dir.name, "started_at": outcome.report["scan"]["started_at"],
                                          "finished_at": outcome.report["scan"]["finished_at"],
                                          "firms_file": f"rebuilt from {args.archive}"}), run_dir)
        point_latest(out, run_dir)
    finally:
        lock.release()
    print("\n".join(summary_lines(outcome.report)))
    for fmt, path in sorted(outcome.paths.items()):
        print(f"  {fmt:5} {path}")
    return for_outcomes([outcome.report], "")


@contextlib.contextmanager
def _local_archive(spec: str):
    """The archive as a local file: a path as given, or an s3:// object a fleet uploaded, fetched to a temporary
    folder for the rebuild (the same bytes: S3 checked their sha256 on upload)."""
    if not spec.startswith("s3://"):
        yield Path(spec)
        return
    from crawler.store.evidence import reader_for

    with tempfile.TemporaryDirectory(prefix="footprint-analyze-") as folder:
        local = Path(folder) / "capture.warc.gz"
        local.write_bytes(reader_for(spec).read(spec))
        yield local


def _triage_decisions(spec: str | None) -> dict[str, dict]:
    """The store's triage decisions for `analyze`; none when no store was named and the default one does not exist
    yet (an archive can be re-analysed on a machine that never scanned). A named store must exist."""
    from crawler.store import default_location, open_store

    if spec is None and "://" not in default_location() and not Path(default_location()).expanduser().is_file():
        return {}
    with open_store(spec, create=False) as store:
        return store.triage()
