"""Shared fixtures: the sandbox web (a local forward proxy serving made-up hosts), never the network, and `scan`, the
one way the tests run `footprint scan` through it."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import pytest

from crawler.cli import main
from crawler.config.defaults import VALIDATE_ENV
from crawler.crawl.browser import BrowserUnavailable, chromium_executable
from crawler.sandbox import SandboxWeb

ROOT = Path(__file__).resolve().parents[1]
DEMO_WEB = ROOT / "crawler" / "demo" / "web"
TEST_WEB = ROOT / "tests" / "web"  # hosts only the tests need (geo rules, script-built pages)
PAGES = ROOT / "tests" / "pages"  # example pages and inputs (tests/pages/README.md)
SHARED = ROOT.parent / "shared"


def require_chromium() -> None:
    """Skip the calling test, saying why, where no Chromium is installed."""
    try:
        chromium_executable()
    except BrowserUnavailable as exc:
        pytest.skip(f"Chromium is not installed: {exc}")


@pytest.fixture
def chromium() -> None:
    require_chromium()


@pytest.fixture
def web_root(tmp_path: Path) -> Path:
    """A private copy of the demo web that a test may add hosts to."""
    root = tmp_path / "web"
    shutil.copytree(DEMO_WEB, root)
    shutil.copytree(TEST_WEB, root, dirs_exist_ok=True)
    return root


@pytest.fixture
def sandbox(web_root: Path):
    with SandboxWeb(web_root) as web:
        yield web


def run_scan(*args: str, out: Path, proxy: str, **options: object) -> int:
    """`footprint scan ARGS` through the forward proxy PROXY (a sandbox web's URL), quietly, with no delay and no
    screenshots, into OUT; returns the exit code. Each option is a flag with its value: `render="never"` passes
    `--render never`, `same_type_window=7` passes `--same-type-window 7`. Tests use the `scan` fixture; this is
    for fixtures wider than one test, which serve a sandbox web of their own."""
    flags = [arg for name, value in options.items() for arg in (f"--{name.replace('_', '-')}", str(value))]
    return main(["scan", *args, *flags, "--proxy", proxy, "--delay", "0", "--no-screenshots", "--quiet",
                 "--out", str(out)])


@pytest.fixture
def scan(sandbox):
    """`footprint scan` through this test's sandbox web (`run_scan`), e.g.
    `scan("https://atlas-markets.com/", "--fail-on", "high", out=tmp_path, visitor="IT") -> exit code`."""
    return functools.partial(run_scan, proxy=sandbox.url)


@pytest.fixture(autouse=True)
def validated_reports(monkeypatch) -> None:
    """Every report a test writes, in this process or a child one, is checked against its schema first (as
    --validate does; off by default outside the tests)."""
    monkeypatch.setenv(VALIDATE_ENV, "1")


@pytest.fixture(autouse=True)
def private_store(tmp_path_factory, monkeypatch) -> Path:
    """Every test's scans go to a store of its own, never the user's ~/.local/share/footprint."""
    path = tmp_path_factory.mktemp("store") / "footprint.sqlite"
    monkeypatch.setenv("FOOTPRINT_STORE", str(path))
    return path


def firm_dir(out: Path, slug: str) -> Path:
    """A firm's folder in the latest run written under OUT (OUT/latest/<slug>)."""
    return out / "latest" / slug


def read_report(out: Path, slug: str) -> dict:
    return json.loads((firm_dir(out, slug) / "report.json").read_text(encoding="utf-8"))


def report_of(*, channels, visitors, triage=None, **scan) -> dict:
    """report.json for judged channels, scored as a scan scores them (detectors/assessment.py)."""
    from detectors.assessment import assess
    from reports.build import build_report

    return build_report(assess(channels, visitors, triage), visitors=visitors, triage=triage, **scan)
