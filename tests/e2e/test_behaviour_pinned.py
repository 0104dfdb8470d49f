"""Behaviour pinned across refactorings: the demo firms' finding ids, levels and scores as the version at e310baa
gave them, and archives that version wrote still analysed to the same result.

`tests/e2e/fixtures/archives/e310baa/` holds the three demo firms' capture archives written by `footprint demo` at
commit e310baa (before the stage-per-folder restructuring) and `expected.json`, a summary of their reports. The
restructuring (issue 9) left the summary unchanged; issue 10 changed it on purpose (ranked scores, EUR as the EU
group, calls to action, new findings), every change listed in `issue-10-changes.txt` beside it; issue 12 merged
findings repeated on many pages into one (new ids, fewer findings, same levels: `issue-12-changes.txt`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.cli import main
from tests.conftest import read_report

PINNED = Path(__file__).parent / "fixtures" / "archives" / "e310baa"
EXPECTED = json.loads((PINNED / "expected.json").read_text(encoding="utf-8"))


def summary(report: dict) -> dict:
    return {
        "verdict": {k: report["verdict"][k] for k in ("level", "score", "complete")},
        "member_states": {s: v["score"] for s, v in report["member_states"].items()},
        "channels": {c["id"]: {"status": c["status"], "score": c["score"], "level": c["level"],
                               "findings": sorted([f["id"], f["indicator"], f["strength"], f["confidence"],
                                                   sorted(f["member_states"])] for f in c["findings"])}
                     for c in report["channels"]},
    }


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_an_archive_of_the_earlier_version_analyses_to_the_same_report(slug, tmp_path):
    out = tmp_path / "out"
    assert main(["analyze", str(PINNED / f"{slug}.warc.gz"), "--out", str(out)]) == 0
    report = read_report(out, slug)
    assert all(c["status"] == "assessed" for c in report["channels"])
    assert summary(report) == EXPECTED[slug]


def test_the_demo_gives_the_pinned_finding_ids_levels_and_scores(tmp_path):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--quiet", "--no-screenshots"]) == 0
    for slug, expected in EXPECTED.items():
        assert summary(read_report(out, slug)) == expected, slug
