"""crawler/cli/api.py: footprint from Python, with typed results."""

from __future__ import annotations

import json

import pytest

from crawler.cli.api import Report, analyze, load_report, scan
from detectors.inputs import InputError


def test_scan_then_analyze_from_python_give_typed_reports_with_the_same_findings(sandbox, tmp_path):
    run = scan(["https://nordwind-exchange.com/"], out=tmp_path / "out", proxy=sandbox.url, render="never",
               max_pages=4, screenshots=False, extra_args=["--delay", "0", "--store", str(tmp_path / "s.sqlite")])
    assert run.exit_code == 0 and run.folder is not None
    (report,) = run.reports
    assert isinstance(report, Report) and report.firm == "nordwind-exchange.com"
    assert report.level in ("none", "low", "medium", "high") and report.complete
    assert report.findings and all(f.indicator and f.url.startswith("https://") for f in report.findings)
    assert load_report(report.path.parent) == report  # the firm folder reads the same as its report.json

    again = analyze(report.path.parent / "capture.warc.gz", out=tmp_path / "analyzed")
    assert again.exit_code == 0
    assert [f.id for f in again.reports[0].findings] == [f.id for f in report.findings]


def test_bad_input_is_exit_2_and_nothing_is_written(tmp_path, capsys):
    run = scan(["not a url"], out=tmp_path / "out")
    assert run.exit_code == 2 and run.folder is None and run.reports == ()
    assert "footprint: error:" in capsys.readouterr().err


def test_load_report_refuses_what_is_not_a_report(tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"schema": "something/1"}), encoding="utf-8")
    with pytest.raises(InputError, match="a footprint report"):
        load_report(other)
    with pytest.raises(InputError, match="a report.json written by footprint"):
        load_report(tmp_path / "missing.json")
