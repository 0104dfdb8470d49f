"""Triage by a finding-id prefix, and of many findings at once by indicator, channel or page pattern."""

from __future__ import annotations

import pytest

from crawler.cli import main
from crawler.store import open_store
from tests.conftest import read_report

ATLAS, SLUG = "https://atlas-markets.com/", "atlas-markets-com"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_spec(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "scans.sqlite")
    from tests.support.pg_server import fresh_database_url

    return fresh_database_url()  # skips with the reason when PostgreSQL cannot start here


@pytest.fixture
def scanned(scan, tmp_path, store_spec) -> dict:
    assert scan(ATLAS, out=tmp_path / "out", store=store_spec, render="never") == 0
    return read_report(tmp_path / "out", SLUG)


def _decisions(store_spec: str) -> dict[str, dict]:
    with open_store(store_spec) as store:
        return store.triage()


def test_a_unique_prefix_names_a_finding_and_an_ambiguous_one_is_refused(scanned, store_spec, capsys):
    ids = sorted(f["id"] for c in scanned["channels"] for f in c["findings"])
    unique = next(i for i in ids if sum(other.startswith(i[:6]) for other in ids) == 1)
    assert main(["triage", unique[:6], "--status", "dismissed", "--reason", "r", "--store", store_spec]) == 0
    assert _decisions(store_spec)[unique]["status"] == "dismissed"
    assert "1 finding(s) decided" in capsys.readouterr().out
    shared = next((a[:4] for a, b in zip(ids, ids[1:], strict=False) if a[:4] == b[:4]), None)
    if shared:  # two ids that share four digits: the prefix names neither
        assert main(["triage", shared, "--status", "dismissed", "--reason", "r", "--store", store_spec]) == 2
        assert "a prefix of one finding" in capsys.readouterr().err
    assert main(["triage", "abc", "--status", "dismissed", "--reason", "r", "--store", store_spec]) == 2  # too short


def test_every_finding_of_an_indicator_or_a_page_pattern_at_once(scanned, store_spec, capsys):
    findings = [f for c in scanned["channels"] for f in c["findings"]]
    currency = {f["id"] for f in findings if f["indicator"] == "CURRENCY"}
    assert main(["triage", "--indicator", "currency", "--status", "confirmed", "--reason", "EUR prices",
                 "--firm", SLUG, "--store", store_spec]) == 0
    decided = _decisions(store_spec)
    assert set(decided) == currency and {d["status"] for d in decided.values()} == {"confirmed"}
    assert f"{len(currency)} finding(s) decided" in capsys.readouterr().out

    spanish = {f["id"] for f in findings if f["url"].startswith("https://atlas-markets.com/es/")}
    assert spanish, "the demo's Atlas site has a Spanish page with findings"
    assert main(["triage", "--url", "https://atlas-markets.com/es/*", "--status", "dismissed", "--reason", "r",
                 "--store", store_spec]) == 0
    decided = _decisions(store_spec)
    assert {i for i, d in decided.items() if d["status"] == "dismissed"} == spanish  # near miss: no other page

    # a selector that matches nothing is bad input, and decides nothing
    assert main(["triage", "--indicator", "SPONSORSHIP", "--firm", "nobody", "--status", "dismissed", "--reason",
                 "r", "--store", store_spec]) == 2
    assert "nothing matches" in capsys.readouterr().err
