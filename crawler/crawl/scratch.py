"""A crawl's private scratch folder: the job file (visitor-proxy passwords in it) and the crawl's temporary files
(the browser's profile and downloads), readable by this user only, removed when the crawl ends, whatever ends it.

    $XDG_RUNTIME_DIR/footprint/        (else $TMPDIR/footprint-<uid>/), mode 0700, owned by this user
      <pid>-<random>/                  one per crawl, mode 0700; the crawl child's TMPDIR
        .alive                         flock'ed by the process that made the folder, for as long as it lives
        job.json                       mode 0600; the child deletes it as soon as it has read it

A crawl removes its folder when it ends; a process killed with SIGKILL cannot, so every crawl first sweeps the
folders whose `.alive` lock nobody holds any more. The kernel drops a flock when its holder dies, so this is
exact: no pid that might have been reused, no clock, and a live crawl's folder is never touched.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from crawler.config.defaults import SCRATCH_GRACE_SECONDS

ALIVE = ".alive"


class ScratchUnsafe(RuntimeError):
    """The private folder exists but is not private (another owner, other people's access, a symlink)."""


def root() -> Path:
    """This user's private folder for crawls, created (0700) when missing and checked when present."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    base = Path(runtime) / "footprint" if os.path.isabs(runtime) and os.path.isdir(runtime) else \
        Path(tempfile.gettempdir()) / f"footprint-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        base.mkdir(mode=0o700)
    info = os.lstat(base)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        # /tmp is shared: someone else may have made this name first, to read what footprint puts there.
        raise ScratchUnsafe(f"{base} must be a folder of this user's only (mode 0700), not a symlink or another "
                            "user's; remove it, or point TMPDIR or XDG_RUNTIME_DIR elsewhere")
    return base


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    """A new private folder for one crawl, removed on the way out; stale ones of dead processes swept first."""
    base = root()
    sweep(base)
    folder = base / f"{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir(mode=0o700)
    # The lock file is locked under another name, then renamed into place (the lock goes with it): a sweeper that
    # found `.alive` created but not yet locked took the folder for a dead process's and removed it under us.
    pending = folder / f"{ALIVE}.{secrets.token_hex(4)}"
    fd = os.open(pending, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.rename(pending, folder / ALIVE)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(fd)  # the lock goes last: a sweeper never sees this folder unlocked while it is in use


def write_private(path: Path, data: str) -> Path:
    """A new file only this user can read (0600, created exclusively: never an existing file or a symlink)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
    return path


def sweep(base: Path) -> list[Path]:
    """Remove the crawl folders under `base` whose process is gone; the removed ones."""
    removed = []
    for folder in base.iterdir():
        if folder.is_dir() and not folder.is_symlink() and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _abandoned(folder: Path) -> bool:
    try:
        fd = os.open(folder / ALIVE, os.O_RDWR)
    except FileNotFoundError:
        # Made but not yet locked (a moment at most), or killed in that moment: old enough means the latter.
        return _age(folder) > SCRATCH_GRACE_SECONDS
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # its process holds the lock: alive
    finally:
        os.close(fd)
    return True


def _age(folder: Path) -> float:
    try:
        return time.time() - folder.stat().st_mtime
    except OSError:
        return 0.0
