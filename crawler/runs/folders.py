"""Where a run's output goes, and the lock that keeps two runs of one job apart.

    OUT/
      .footprint.lock                 held while a run writes here (a second run exits with code 6)
      latest -> 2026-11-22T020304Z    the last run that finished (a symlink, replaced atomically)
      2026-11-22T020304Z/             one dated folder per run
        index.json, index.html        the run's firms ranked by verdict and score
        nordwind-exchange-ltd/        one folder per firm: report.*, findings.csv, capture.warc.gz, screenshots/
        .atlas-digital-markets-inc.partial/      a firm being scanned (renamed when its reports are whole)
        atlas-digital-markets-inc.interrupted/   a firm whose scan was stopped: its captures kept for `analyze`
        atlas-digital-markets-inc.abandoned/     a `.partial` folder left by a killed run (SIGKILL), renamed by the
                                                 next run on OUT: its captures kept for `analyze`
        meridian-custody-partners-llc.failed/    a firm whose scan failed on an error (in the run's log)

A firm's folder appears under its own name only once every report file in it is written, so a reader (or the
next cron run) never sees half a report; `latest` moves only when a run has finished.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from detectors.timestamps import folder_stamp, stamp

LOCK_NAME = ".footprint.lock"
LATEST = "latest"
PARTIAL = ".partial"  # the suffix of a firm's folder while it is written
ABANDONED = "abandoned"  # the suffix a killed run's `.partial` folder gets from the next run


class LockHeld(Exception):
    """Another run holds the job's lock."""


@dataclass
class JobLock:
    """An exclusive, non-blocking flock on OUT/.footprint.lock. The kernel drops it when the holder dies, so a
    killed run never leaves a stale lock behind; the file's content only says who holds it, for the message."""

    path: Path
    _fd: int | None = None

    def acquire(self, command: str) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = _read_holder(fd)
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise LockHeld(f"another footprint run is writing to {self.path.parent} ({holder}); this run did "
                               "nothing") from None
            raise
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "command": command, "since": stamp()}).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> JobLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
        return f"pid {data.get('pid')}, `footprint {data.get('command')}` since {data.get('since')}"
    except (OSError, ValueError):
        return "holder unknown"


def job_lock(out: Path) -> JobLock:
    return JobLock(Path(out) / LOCK_NAME)


def new_run_dir(out: Path, started: datetime) -> Path:
    """OUT/<UTC start, to the second>; a suffix when a run already started in that second (the lock makes the
    check-then-create safe)."""
    name = folder_stamp(started)
    out.mkdir(parents=True, exist_ok=True)
    candidate, n = out / name, 1
    while candidate.exists():
        n += 1
        candidate = out / f"{name}-{n}"
    candidate.mkdir()
    return candidate


def partial_dir(run_dir: Path, slug: str) -> Path:
    path = run_dir / f".{slug}{PARTIAL}"
    path.mkdir(parents=True, exist_ok=True)
    return path


def finish_firm_dir(work: Path, run_dir: Path, slug: str, outcome: str = "") -> Path:
    """Give a firm's folder its final name (rename is atomic within one file system): the slug, or
    `<slug>.interrupted` / `<slug>.failed` with whatever was captured before the end."""
    final = run_dir / (f"{slug}.{outcome}" if outcome else slug)
    if final.exists():  # the same firm twice in one firms file: profiles are checked for that, so this is a bug
        raise FileExistsError(f"{final} exists already")
    os.replace(work, final)
    return final


def recover_partials(out: Path) -> list[Path]:
    """Rename the `.<slug>.partial` folders of every run under OUT to `<slug>.abandoned`; the new paths. Call it
    holding OUT's lock: a run writing to OUT holds it throughout, so any `.partial` then is a killed run's."""
    recovered = []
    for work in sorted(out.glob(f"*/.*{PARTIAL}")):
        slug = work.name[1:-len(PARTIAL)]
        final = work.parent / f"{slug}.{ABANDONED}"
        if work.is_dir() and not work.is_symlink() and slug and not final.exists():
            os.replace(work, final)
            recovered.append(final)
    return recovered


def recover_after_crash(out: Path) -> None:
    """What a run killed with SIGKILL left behind, put right by the next run that takes OUT's lock: its firms'
    `.partial` folders (renamed `.abandoned`) and its crawls' private folders (removed: they may hold proxy
    passwords). Its store rows are the store's business (`Store.recover_abandoned`)."""
    from crawler.crawl.scratch import root, sweep
    from crawler.runs.joblog import event

    for folder in recover_partials(out):
        event("folder.recovered", f"left by a killed run: {folder.name} (its captures kept)", folder=str(folder))
    sweep(root())


def point_latest(out: Path, run_dir: Path) -> Path:
    """Swing OUT/latest to this run: a new relative symlink renamed over the old one, never a moment without."""
    link = out / LATEST
    tmp = out / f".{LATEST}.{secrets.token_hex(4)}"
    os.symlink(run_dir.name, tmp)
    os.replace(tmp, link)
    return link
