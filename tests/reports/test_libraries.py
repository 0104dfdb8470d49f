"""The libraries that decide findings: pinned in constraints.txt, and their versions in every report."""

from __future__ import annotations

import re

from reports.build import JUDGING_LIBRARIES, library_versions
from tests.conftest import ROOT, read_report


def _pins() -> dict[str, str]:
    lines = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
    return dict(re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", ln).groups() for ln in lines if ln and not ln.startswith("#"))


def test_constraints_pin_exactly_the_libraries_a_report_names():
    assert sorted(_pins()) == sorted(JUDGING_LIBRARIES)


def test_the_installed_versions_are_the_pinned_ones_and_each_report_records_them(scan, tmp_path):
    assert library_versions() == _pins()  # scripts/setup.sh installs with constraints.txt
    assert scan("https://meridian-custody.com/", out=tmp_path, render="never", max_pages=2) == 0
    assert read_report(tmp_path, "meridian-custody-com")["tool"]["libraries"] == _pins()
