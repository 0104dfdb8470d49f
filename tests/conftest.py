"""Shared fixtures: the sandbox web (a local forward proxy serving made-up hosts), never the network."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crawler.sandbox import SandboxWeb

ROOT = Path(__file__).resolve().parents[1]
DEMO_WEB = ROOT / "crawler" / "demo" / "web"
TEST_WEB = ROOT / "tests" / "web"  # hosts only the tests need (geo rules, script-built pages)
SHARED = ROOT.parent / "shared"


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
