"""Microsoft Advertising bulk files: location records (targeted and negative) in the bulk file's own layout with
made-up rows, resolved through a geographical locations file in Microsoft's layout, and AD_TARGETING from them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.register.microsoft_ads import read_microsoft_ads
from detectors.inputs import InputError
from detectors.register.ads import Targeting, ad_targeting
from detectors.register.records import Client
from tests.crawler.register.test_audience import SETTINGS

# The bulk file's header as Microsoft documents it for location criteria, the Format Version row, then records.
BULK = """\
Type,Status,Id,Parent Id,Sub Type,Campaign,Client Id,Modified Time,Target,Bid Adjustment,Name,Radius,Unit,\
From Hour,From Minute,To Hour,To Minute,Latitude,Longitude
Format Version,,,,,,,,,,6.0,,,,,,,,
Campaign,Active,111,222,,Krypto DACH,,,,,,,,,,,,,
Campaign Location Criterion,Active,901,111,Country,Krypto DACH,,,160,20,,,,,,,,,
Campaign Location Criterion,Active,902,111,City,Krypto DACH,,,91234,,,,,,,,,,
Campaign Negative Location Criterion,Active,903,111,Country,Krypto DACH,,,72,,,,,,,,,,
Campaign Location Criterion,Deleted,904,111,Country,Krypto DACH,,,129,,,,,,,,,,
Ad Group Location Criterion,Active,905,333,Country,Brand Global,,,190,,,,,,,,,,
Campaign Location Criterion,Active,906,111,Country,Krypto DACH,,,abc,,,,,,,,,,
Campaign Location Criterion,Active,907,111,Country,Krypto DACH,,,55555,,,,,,,,,,
Campaign Negative Location Criterion,Active,908,444,Country,Krypto FR,,,72,,,,,,,,,,
Campaign Location Criterion,Active,909,444,Country,Krypto FR,,,73,,,,,,,,,,
"""
# Microsoft's geographical locations file (format version 2.0): made-up ids, the documented columns.
LOCATIONS = """\
Location Id,Bing Display Name,Location Type,Replaces,Status,AdWords Location Id
160,Germany,Country,,Active,2276
91234,Berlin|Berlin|Germany,City,,Active,
72,France,Country,,Active,2250
73,Belgique,Country,,Active,2056
129,Italy,Country,,Active,2380
190,United States,Country,,Active,2840
55555,Atlantis,Country,,Active,
"""


@pytest.fixture()
def bulk_files(tmp_path):
    bulk, locations = tmp_path / "bulk.csv", tmp_path / "GeoLocations.csv"
    bulk.write_text(BULK, encoding="utf-8-sig")
    locations.write_text(LOCATIONS, encoding="utf-8")
    return bulk, locations


def test_location_records_targeted_and_excluded(bulk_files):
    bulk, locations = bulk_files
    imported, resolved = read_microsoft_ads(bulk, locations)
    assert [(t.line, t.campaign, t.country, t.excluded) for t in imported.rows] == [
        (4, "Krypto DACH", "DE", False), (5, "Krypto DACH", "DE", False), (6, "Krypto DACH", "FR", True),
        (8, "Brand Global", "US", False), (11, "Krypto FR", "FR", True), (12, "Krypto FR", "BE", False)]
    assert [(p.line, p.field) for p in imported.problems] == [(9, "Target"), (10, "Target")]
    assert "a Microsoft location id" in imported.problems[0].expected and "55555" in imported.problems[1].expected
    assert imported.read == 8  # Format Version, Campaign and deleted records are not read as locations
    assert {row.location_id for row in resolved.rows} == {"160", "91234", "72", "73", "190"}  # 129: deleted row
    assert [(p.line, p.field) for p in resolved.problems] == [(8, "Bing Display Name")]  # Atlantis
    assert len(imported.sha256) == len(resolved.sha256) == 64


def test_location_records_need_the_locations_file(bulk_files):
    with pytest.raises(InputError, match="geographical locations file"):
        read_microsoft_ads(bulk_files[0], None)


def test_a_bulk_file_without_location_records_needs_no_locations_file(tmp_path):
    bulk = tmp_path / "bulk.csv"
    bulk.write_text(BULK.split("Campaign Location")[0], encoding="utf-8")
    imported, resolved = read_microsoft_ads(bulk, None)
    assert (imported.rows, imported.read, resolved) == ([], 0, None)


def test_an_excluded_state_is_no_targeting_but_is_named_beside_one(bulk_files):
    imported, _ = read_microsoft_ads(*bulk_files)
    client = Client("c1", 2, "DE", datetime(2026, 3, 1, tzinfo=UTC),
                    attribution={"utm_campaign": "krypto dach"})
    found = {f.member_state: f for f in ad_targeting(imported.rows, [client], SETTINGS, "")}
    assert sorted(found) == ["BE", "DE"]  # FR is only excluded; the US is no member state
    assert found["DE"].clients == ("c1",) and "excluded by" not in found["DE"].detail
    assert "excluded by Krypto FR" not in found["BE"].detail  # the same campaign: no contradiction to name
    assert found["DE"].inputs == ({"file": "bulk.csv", "line": 4}, {"file": "bulk.csv", "line": 5})
    mixed = ad_targeting([Targeting(3, "A", "FR", source="x.csv"), Targeting(4, "B", "FR", True, "x.csv")],
                         [], SETTINGS, "")
    assert mixed[0].detail.endswith("excluded by B")


def test_the_command_refuses_location_records_without_the_locations_file(two_scans, bulk_files, tmp_path, monkeypatch,
                                                                          capsys):
    from crawler.cli import main
    from tests.crawler.register.conftest import KEY, SLUG

    monkeypatch.setenv("FOOTPRINT_REGISTER_KEY", KEY)
    onboarding = tmp_path / "onboarding.csv"
    onboarding.write_text("client_id,country_of_residence,onboarded_at\nms-1,DE,2026-03-01\n", encoding="utf-8")
    assert main(["register", "check", str(onboarding), "--microsoft-ads", str(bulk_files[0]), "--store",
                 two_scans.store, "--firm", SLUG, "--out", str(tmp_path / "out")]) == 2
    assert "--microsoft-ads-locations: Microsoft's geographical locations file" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_locations_file_alone_is_refused(bulk_files, tmp_path, capsys):
    from crawler.cli import main

    assert main(["register", "check", str(tmp_path / "onboarding.csv"), "--microsoft-ads-locations",
                 str(bulk_files[1]), "--firm", "x", "--store", str(tmp_path / "s.sqlite")]) == 2
    assert "--microsoft-ads-locations: --microsoft-ads BULK.csv beside it" in capsys.readouterr().err
