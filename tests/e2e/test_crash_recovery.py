"""A scan killed with SIGKILL (the OOM killer, `kill -9`, a pulled plug) mid-crawl, then the next run: nothing with a
secret in it lies around readable, and the next run puts right what the killed one left (crawler/crawl/scratch.py,
crawler/runs/folders.py, the store's recover_abandoned)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.cli import main
from crawler.store import open_store
from tests.conftest import ROOT, read_report
from tests.support.tree_memory import TreePss, assert_within_bounds, communicate_within_bound

SITE = "slow-crash-exchange.com"
SLUG = "slow-crash-exchange-com"
SECRET = "pr0xy-s3cret-pw"
PAGES = 8
PAGE = ('<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Seite {n}</title></head><body>'
        "<h1>Seite {n}</h1><p>Jetzt 100 € Willkommensbonus sichern, zahlen Sie per SEPA ein.</p>{links}</body></html>")


def _site(web_root: Path) -> None:
    root = web_root / SITE
    root.mkdir()
    links = "".join(f'<a href="/p{n}.html">{n}</a>' for n in range(1, PAGES))
    (root / "index.html").write_text(PAGE.format(n=0, links=links), encoding="utf-8")
    for n in range(1, PAGES):
        (root / f"p{n}.html").write_text(PAGE.format(n=n, links=""), encoding="utf-8")


def _command(sandbox, out: Path, store: str, delay: str) -> list[str]:
    proxy = urlsplit(sandbox.url)
    visitor_proxy = f"DE=http://DE:{SECRET}@{proxy.hostname}:{proxy.port}"
    return [sys.executable, "-m", "crawler.cli", "scan", f"https://{SITE}/", "--proxy", sandbox.url, "--out",
            str(out), "--store", store, "--quiet", "--no-screenshots", "--render", "never", "--delay", delay,
            "--visitor", "DE", "--visitor-proxy", visitor_proxy]


def _files_holding(folder: Path, secret: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_kill_9_mid_crawl_leaves_no_readable_secret_and_the_next_run_recovers(sandbox, web_root, tmp_path):
    _site(web_root)
    tmp = tmp_path / "tmp"  # the scans' TMPDIR: everything they leave in it is seen here
    tmp.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"} | {"TMPDIR": str(tmp)}
    out, store = tmp_path / "out", str(tmp_path / "scans.sqlite")
    private = tmp / f"footprint-{os.getuid()}"

    proc = subprocess.Popen(_command(sandbox, out, store, delay="1.5"), env=env, cwd=ROOT, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: _captured(out) >= 1 and _running(store), proc)
        # Mid-crawl: the crawl's private folder is this user's only, and the job file is already gone from it.
        assert private.is_dir() and private.stat().st_mode & 0o777 == 0o700
        for path in private.rglob("*"):
            assert path.stat().st_mode & 0o077 == 0, path
        assert not list(private.rglob("job.json"))
        os.killpg(proc.pid, signal.SIGKILL)  # the whole process group: the CLI and its crawl child
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert _files_holding(tmp, SECRET) == []  # not in TMPDIR, not in the private folder
    (killed,) = list(out.glob(f"*/.{SLUG}.partial"))
    assert (killed / "capture.warc.gz").is_file()

    # Reading the history is enough to see the killed scan is no longer running.
    with open_store(store) as s:
        assert [r.status for r in s.scans(SLUG)] == ["running"]
    assert main(["history", "--store", store]) == 0
    with open_store(store) as s:
        (row,) = s.scans(SLUG)
    assert row.status == "abandoned" and "ended without finishing" in row.error

    # The next run: the .partial folder renamed .abandoned (its captures kept), the private folder swept, the
    # rerun complete.
    rerun = subprocess.Popen(_command(sandbox, out, store, delay="0"), env=env, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    with TreePss(rerun.pid) as tree:
        _, stderr = communicate_within_bound(rerun)
    assert rerun.returncode == 0, stderr
    assert_within_bounds(tree, "the rerun")
    assert not list(out.glob("*/.*.partial"))
    assert (killed.parent / f"{SLUG}.abandoned" / "capture.warc.gz").is_file()
    assert list(private.iterdir()) == []
    with open_store(store) as s:
        assert [r.status for r in s.scans(SLUG)] == ["complete", "abandoned"]
    report = read_report(out, SLUG)
    assert report["channels"][0]["pages"]["fetched"] == PAGES  # the ordinary pages, every one assessed
    assert report["verdict"]["level"] == "high"
    # Nothing of the killed run's analyze-able captures was lost.
    assert main(["analyze", str(killed.parent / f"{SLUG}.abandoned" / "capture.warc.gz"), "--out",
                 str(tmp_path / "rebuilt"), "--store", store]) in (0, 3)


def _captured(out: Path) -> int:
    from crawler.captures.warc import read_archive

    archives = list(out.glob(f"*/.{SLUG}.partial/capture.warc.gz"))
    return len(read_archive(archives[0]).captures) if archives else 0


def _running(store: str) -> bool:
    try:
        with open_store(store) as s:
            return any(r.status == "running" for r in s.scans())
    except Exception:  # the scan may be creating the store right now
        return False


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the scan ended early ({proc.returncode}): {proc.stderr.read()}")
        if time.monotonic() > deadline:
            pytest.fail("the scan did not reach its crawl in time")
        time.sleep(0.1)
