"""Google Ads Editor exports: the locations campaigns target, read from the Editor's own layout (UTF-16, tabs,
English headers) with made-up rows, and AD_TARGETING in the register (keyword rows: test_keywords.py)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from crawler.cli import main
from crawler.register import fields as read
from crawler.register.google_ads import country_of, read_google_ads
from detectors.register.ads import Targeting
from detectors.register.keywords import AdKeyword
from detectors.timestamps import parse
from tests.crawler.register.conftest import KEY, SLUG

# A Google Ads Editor export: campaign rows, then one row per targeted location (the columns it writes are many;
# these are the ones that matter here, in its order).
EDITOR_ROWS = [
    ["Campaign", "Campaign Type", "Campaign daily budget", "Languages", "Location", "Location ID", "Reach",
     "Bid Modifier", "Ad Group", "Keyword"],
    ["Krypto DE", "Search", "50.00", "de", "", "", "", "", "", ""],
    ["Krypto DE", "", "", "", "Germany", "2276", "68000000", "", "", ""],
    ["Krypto DE", "", "", "", "Berlin, Germany", "1003854", "3900000", "1.2", "", ""],
    ["Brand US", "", "", "", "United States", "2840", "300000000", "", "", ""],
    ["Krypto AT", "", "", "", "Wien", "9041123", "", "", "", ""],
    ["Krypto DE", "", "", "", "", "", "", "", "Bitcoin kaufen", "bitcoin kaufen"],
]


def editor_export(path) -> None:
    path.write_bytes("\n".join("\t".join(row) for row in EDITOR_ROWS).encode("utf-16"))  # BOM, as the Editor


@pytest.mark.parametrize(("location", "location_id", "country"), [
    ("Germany", "2276", "DE"), ("", "2250", "FR"), ("Berlin, Germany", "1003854", "DE"), ("Austria", "", "AT")])
def test_country_of_a_location(location, location_id, country):
    assert country_of(location, location_id) == country


def test_a_location_naming_no_country_is_refused():
    with pytest.raises(read.BadValue, match="2276 for Germany"):
        country_of("Wien", "9041123")


def test_the_editor_export_reads_location_and_keyword_rows_only(tmp_path):
    export = tmp_path / "editor.csv"
    editor_export(export)
    imported = read_google_ads(export)
    assert [(t.line, t.campaign, t.country) for t in imported.rows if isinstance(t, Targeting)] == [
        (3, "Krypto DE", "DE"), (4, "Krypto DE", "DE"), (5, "Brand US", "US")]
    assert [(k.line, k.keyword) for k in imported.rows if isinstance(k, AdKeyword)] == [(7, "bitcoin kaufen")]
    assert [(p.line, p.field) for p in imported.problems] == [(6, "location")]
    assert imported.read == 5  # the campaign row is neither a location nor a keyword row


def test_ad_targeting_in_the_register(two_scans, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FOOTPRINT_REGISTER_KEY", KEY)
    export = tmp_path / "editor.csv"
    editor_export(export)
    after = (parse(two_scans.second["at"]) + timedelta(hours=2)).isoformat()
    onboarding = tmp_path / "onboarding.csv"
    onboarding.write_text("client_id,country_of_residence,onboarded_at,utm_campaign\n"
                          f"ads-client-1,DE,{after},krypto de\nads-client-2,DE,{after},\n"
                          f"ads-client-3,US,{after},Brand US\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["register", "check", str(onboarding), "--google-ads", str(export), "--store", two_scans.store,
                 "--firm", SLUG, "--out", str(out)]) == 3  # line 6 of the export has a problem
    document = json.loads((out / SLUG / "register.json").read_text(encoding="utf-8"))
    (targeting,) = [f for f in document["findings"] if f["check"] == "AD_TARGETING"]
    assert (targeting["member_state"], targeting["clients"]) == ("DE", 1)  # not the US campaign
    assert targeting["inputs"] == [{"file": "editor.csv", "line": 3}, {"file": "editor.csv", "line": 4}]
    assert "Krypto DE" in targeting["detail"] and targeting["legal_ref"].startswith("MiCA Art. 61(1)")
    (ads_input,) = [i for i in document["inputs"] if i["kind"] == "google_ads"]
    assert ads_input["problems"][0]["line"] == 6
    assert "editor.csv: line 6: location: a country-level Location ID" in capsys.readouterr().err
