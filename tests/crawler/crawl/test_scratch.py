"""The crawl's private scratch folder (crawler/crawl/scratch.py): this user's only, removed on the way out however
the way out goes, and a dead process's folder swept by the next crawl while a live one's is left alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile

import pytest

from crawler.crawl import scratch
from tests.conftest import ROOT


@pytest.fixture
def tmpdir_env(tmp_path, monkeypatch):
    """A TMPDIR of the test's own, and no XDG_RUNTIME_DIR: the private root is TMPDIR/footprint-<uid>."""
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path / f"footprint-{os.getuid()}"


def test_a_scratch_folder_is_private_and_gone_after_an_error(tmpdir_env):
    with pytest.raises(RuntimeError), scratch.scratch() as folder:
        job = scratch.write_private(folder / "job.json", '{"proxy": "http://u:secret@p"}')
        assert tmpdir_env.stat().st_mode & 0o777 == 0o700 and folder.stat().st_mode & 0o777 == 0o700
        assert job.stat().st_mode & 0o777 == 0o600
        with pytest.raises(FileExistsError):  # never writes through an existing file (or a planted symlink)
            scratch.write_private(folder / "job.json", "x")
        raise RuntimeError("the crawl failed")
    assert not folder.exists() and list(tmpdir_env.iterdir()) == []


def test_the_runtime_dir_is_preferred_when_there_is_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert scratch.root() == tmp_path / "footprint"


def test_a_dead_process_folder_is_swept_and_a_live_one_kept(tmpdir_env):
    code = ("import os, sys, time; from crawler.crawl.scratch import scratch\n"
            "with scratch() as f:\n"
            "    (f / 'job.json').write_text('secret'); print(f, flush=True); time.sleep(60)\n")
    env = {**os.environ, "TMPDIR": str(tmpdir_env.parent), "PYTHONPATH": str(ROOT)}
    env.pop("XDG_RUNTIME_DIR", None)
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
             for _ in range(2)]
    try:
        dead, live = (tmpdir_env / os.path.basename(p.stdout.readline().strip()) for p in procs)
        procs[0].send_signal(signal.SIGKILL)
        procs[0].wait(timeout=10)
        assert dead.is_dir()  # SIGKILL: nothing could clean up
        assert scratch.sweep(tmpdir_env) == [dead]
        assert not dead.exists() and (live / "job.json").is_file()
        with scratch.scratch() as mine:  # every new crawl sweeps too, and leaves the live one alone
            assert sorted(tmpdir_env.iterdir()) == sorted([live, mine])
    finally:
        for proc in procs:
            proc.kill()
            proc.wait(timeout=10)


def test_a_root_that_is_not_private_is_refused(tmpdir_env):
    tmpdir_env.mkdir(mode=0o755)
    tmpdir_env.chmod(0o755)
    with pytest.raises(scratch.ScratchUnsafe, match="mode 0700"):
        scratch.root()
    tmpdir_env.rmdir()
    tmpdir_env.symlink_to(tmpdir_env.parent)  # someone else's name planted first
    with pytest.raises(scratch.ScratchUnsafe):
        scratch.root()
