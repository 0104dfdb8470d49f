"""--validate: report.json checked against its schema before it is written, only when asked (the flag, or
$FOOTPRINT_VALIDATE, which the test suite sets); by default a report is written unchecked."""

from __future__ import annotations

import pytest

import crawler.runs.report
from crawler.cli import main
from crawler.config.defaults import VALIDATE_ENV
from tests.conftest import firm_dir, read_report

URL = "https://atlas-markets.com/"


@pytest.fixture
def archive(scan, tmp_path):
    assert scan(URL, out=tmp_path / "scan") == 0  # validated: the suite sets $FOOTPRINT_VALIDATE
    return str(firm_dir(tmp_path / "scan", "atlas-markets-com") / "capture.warc.gz")


@pytest.fixture
def schema_breaking_builder(monkeypatch):
    """Reports built with a field of the wrong type, as a bug would build them."""
    build = crawler.runs.report.build_report

    def broken(*args, **kwargs):
        report = build(*args, **kwargs)
        report["scan"]["id"] = 42
        return report

    monkeypatch.setattr(crawler.runs.report, "build_report", broken)


def test_a_correct_report_passes_validation(archive, tmp_path):
    assert main(["analyze", archive, "--out", str(tmp_path / "checked"), "--validate"]) == 0
    assert read_report(tmp_path / "checked", "atlas-markets-com")["scan"]["id"]


def test_without_validation_a_report_is_written_unchecked(archive, schema_breaking_builder, tmp_path, monkeypatch):
    monkeypatch.delenv(VALIDATE_ENV)
    assert main(["analyze", archive, "--out", str(tmp_path / "unchecked")]) == 0
    assert read_report(tmp_path / "unchecked", "atlas-markets-com")["scan"]["id"] == 42


@pytest.mark.parametrize("asked_by", ["flag", "environment"])
def test_validation_refuses_a_report_that_breaks_its_schema(asked_by, archive, schema_breaking_builder, tmp_path,
                                                           monkeypatch, capsys):
    flags = []
    if asked_by == "flag":
        monkeypatch.delenv(VALIDATE_ENV)
        flags = ["--validate"]
    assert main(["analyze", archive, "--out", str(tmp_path / "refused"), *flags]) == 4
    assert "does not match its schema" in capsys.readouterr().err
    assert not (tmp_path / "refused" / "latest" / "atlas-markets-com" / "report.json").exists()
