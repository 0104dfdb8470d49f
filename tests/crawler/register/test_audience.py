"""A firm's own figures by country: Play Console, App Store Connect, Mailchimp, OneSignal and Braze exports in
their real column layouts with made-up rows, and FIRST_PARTY_AUDIENCE (counts per member state, clients joined by
the export's dates)."""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from datetime import UTC, date, datetime

import pytest

from crawler.register.first_party import read_country_counts
from detectors.inputs import InputError
from detectors.register.audience import CountryCount, audience_findings
from detectors.register.records import Client, Settings

SETTINGS = Settings(coverage_days=31, same_type_window=30, cohort_weeks=4, cohort_ratio=2.0, cohort_min_clients=5,
                    examples=5, keyword_language_min=0.9)
PLAY = [  # installs_<package>_<yyyymm>_country.csv: UTF-16, comma-separated
    "Date,Package Name,Country,Daily Device Installs,Daily Device Uninstalls,Daily Device Upgrades,"
    "Total User Installs,Daily User Installs,Daily User Uninstalls,Active Device Installs,Install events,"
    "Update events,Uninstall events",
    "2026-03-01,com.example.exchange,DE,14,1,0,900,12,1,850,15,0,1",
    "2026-03-01,com.example.exchange,US,40,3,2,5000,38,2,4800,41,2,3",
    "2026-03-02,com.example.exchange,DE,9,0,0,909,9,0,858,9,0,0",
    "2026-03-02,com.example.exchange,XX,1,0,0,1,1,0,1,1,0,0",
    "2026-03-03,com.example.exchange,FR,3,0,0,50,many,0,48,3,0,0",
]
APP_STORE = [  # Sales report, Summary: tab-separated
    "Provider\tProvider Country\tSKU\tDeveloper\tTitle\tVersion\tProduct Type Identifier\tUnits\t"
    "Developer Proceeds\tBegin Date\tEnd Date\tCustomer Currency\tCountry Code\tCurrency of Proceeds\t"
    "Apple Identifier\tCustomer Price\tPromo Code\tParent Identifier\tSubscription\tPeriod\tCategory\tCMB\t"
    "Device\tSupported Platforms\tProceeds Reason\tPreserved Pricing\tClient\tOrder Type",
    "APPLE\tUS\texch-1\tExample Ltd\tExchange\t2.1\t1F\t25\t0\t03/01/2026\t03/01/2026\tEUR\tAT\tEUR\t1234567\t0"
    "\t\t\t\t\tFinance\t\tiPhone\tiOS\t\t\t\t",
    "APPLE\tUS\texch-1\tExample Ltd\tExchange\t2.1\t7F\t300\t0\t03/01/2026\t03/01/2026\tEUR\tAT\tEUR\t1234567\t0"
    "\t\t\t\t\tFinance\t\tiPhone\tiOS\t\t\t\t",
    "APPLE\tUS\texch-1\tExample Ltd\tExchange\t2.1\t1F\t5\t0\t2026-03-02\t03/02/2026\tEUR\tAT\tEUR\t1234567\t0"
    "\t\t\t\t\tFinance\t\tiPhone\tiOS\t\t\t\t",
]
MAILCHIMP = [  # audience export (subscribed_members_export_*.csv)
    "Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,"
    "LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS",
    "anna@example.de,Anna,Planted,2,2026-02-01 10:00:00,,2026-02-01 10:05:00,,52.5,13.4,1,2,Europe/Berlin,DE,BE,"
    "2026-02-01 10:05:00,1,abc,,",
    "bob@example.com,Bob,Planted,2,2026-02-03 09:00:00,,,,,,,,,,,2026-02-03 09:00:00,2,abd,,",
    "cleo@example.it,Cleo,Planted,2,2026-02-05 09:00:00,,,,,,,,,IT,62,2026-02-05 09:00:00,3,abe,,",
]


def write(path, lines, encoding="utf-8"):
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_play_console_installs_by_country(tmp_path):
    imported = read_country_counts(write(tmp_path / "installs_country.csv", PLAY, "utf-16"), "play_console")
    assert [(r.line, r.country, r.counts, r.day) for r in imported.rows] == [
        (2, "DE", (("installs", 12.0),), date(2026, 3, 1)), (3, "US", (("installs", 38.0),), date(2026, 3, 1)),
        (4, "DE", (("installs", 9.0),), date(2026, 3, 2))]
    assert [(p.line, p.field) for p in imported.problems] == [(5, "Country"), (6, "Daily User Installs")]


def test_app_store_connect_sales_leave_updates_out(tmp_path):
    imported = read_country_counts(write(tmp_path / "S_D_80000000_20260301.txt", APP_STORE), "app_store")
    assert [(r.line, r.country, r.counts) for r in imported.rows] == [(2, "AT", (("units", 25.0),))]
    assert [(p.line, p.field) for p in imported.problems] == [(4, "Begin Date")]  # not MM/DD/YYYY
    assert imported.read == 2  # the update row (7F) is no sale


def test_mailchimp_audience_counts_located_subscribers_and_keeps_no_address(tmp_path):
    imported = read_country_counts(write(tmp_path / "members.csv", MAILCHIMP), "mailchimp")
    assert [(r.line, r.country, r.counts, r.day) for r in imported.rows] == [
        (2, "DE", (("subscribers", 1.0),), date(2026, 2, 1)), (4, "IT", (("subscribers", 1.0),), date(2026, 2, 5))]
    assert imported.read == 2 and not imported.problems  # Bob is not located: passed over
    assert "Email Address" in imported.ignored_columns
    assert "anna" not in repr(imported.rows).casefold() and "planted" not in repr(imported.rows).casefold()


# OneSignal's subscriptions export (a .csv.gz; `country` is one of its extra fields, asked for with the export)
ONESIGNAL = ["id,identifier,session_count,language,timezone,game_version,device_os,device_type,device_model,ad_id,"
             "tags,last_active,playtime,amount_spent,created_at,invalid_identifier,badge_count,country",
             *(f"id{n},tok{n},3,de,3600,1.0,14,1,Pixel 8,,{{}},1767225600,120,0,1764547200,f,0,{country}"
               for n, country in enumerate(("FR", "fr", "Mars", "")))]
# Braze's segment export "User Data" (a ZIP of one CSV; the fields Braze documents for it, among them `country`
# and `language`, ISO 639-1)
BRAZE = ["braze_id,user_id,first_name,last_name,email,country,city,language,created_at,first_session,last_session,"
         "gender,date_of_birth",
         *(f"b{n},u{n},Planted,Name,p{n}@example.fr,{country},Lyon,{language},2026-01-01T00:00:00Z,,,F,1990-01-01"
           for n, (country, language) in enumerate((("FR", "fr"), ("fr", "fr"), ("Mars", "fr"), ("", "fr"),
                                                     ("", "pl"))))]


def test_onesignal_gzip_export_counts_rows_by_country(tmp_path):
    path = tmp_path / "users_abc_2026-03-01.csv.gz"
    path.write_bytes(gzip.compress("\n".join(ONESIGNAL).encode("utf-8")))
    imported = read_country_counts(path, "onesignal")
    assert [(r.line, r.country, r.counts) for r in imported.rows] == [(2, "FR", (("subscribers", 1.0),)),
                                                                       (3, "FR", (("subscribers", 1.0),))]
    assert [(p.line, p.field) for p in imported.problems] == [(4, "country")]
    assert imported.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()  # the file as given, packed


def test_braze_zip_export_counts_users_and_keeps_no_address(tmp_path):
    path = tmp_path / "users-x1y2.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("users-x1y2.csv", "\n".join(BRAZE))
    imported = read_country_counts(path, "braze")
    assert [(r.line, r.country, r.counts) for r in imported.rows] == [
        (2, "FR", (("users", 1.0),)), (3, "FR", (("users", 1.0),)), (6, "PL", (("users by language", 1.0),))]
    assert imported.read == 4  # line 5: no country, and French points at no one state
    assert "planted" not in repr(imported.rows).casefold() and "@" not in repr(imported.rows)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("second.csv", "country\nDE")
    with pytest.raises(InputError, match="a ZIP holding one Braze segment export"):
        read_country_counts(path, "braze")


def test_an_export_without_its_country_column_is_refused(tmp_path):
    with pytest.raises(InputError, match="Country Code"):
        read_country_counts(write(tmp_path / "sales.txt", ["Provider\tUnits", "APPLE\t3"]), "app_store")


def client(name, state, day):
    return Client(name, 2, state, datetime(2026, 3, day, 12, tzinfo=UTC))


def test_audience_findings_attribute_counts_and_join_clients_by_date():
    counts = [CountryCount(2, "installs.csv", "Play Console", "DE", (("installs", 12),), date(2026, 3, 1)),
              CountryCount(4, "installs.csv", "Play Console", "DE", (("installs", 9),), date(2026, 3, 2)),
              CountryCount(3, "installs.csv", "Play Console", "US", (("installs", 38),), date(2026, 3, 1)),
              CountryCount(5, "gsc.zip", "Search Console", "FR", (("search clicks", 1234),)),
              CountryCount(6, "gsc.zip", "Search Console", "IT", (("search clicks", 0),))]
    clients = [client("in-span", "DE", 2), client("after", "DE", 3), client("french", "FR", 1)]
    found = {f.member_state: f for f in audience_findings(counts, clients, SETTINGS)}
    assert sorted(found) == ["DE", "FR"]  # no member state US; no count from IT
    assert found["DE"].clients == ("in-span",)  # onboarded on the export's last day, not the day after
    assert "Play Console: 21 installs" in found["DE"].detail and "2026-03-01 to 2026-03-02" in found["DE"].detail
    assert found["FR"].clients == () and "(undated)" in found["FR"].detail and "1,234 search clicks" in \
        found["FR"].detail
    assert found["DE"].inputs == ({"file": "installs.csv", "line": 2}, {"file": "installs.csv", "line": 4})


def test_first_party_evidence_in_the_register(two_scans, tmp_path, monkeypatch, capsys):
    """Through the command: a Microsoft Advertising bulk file, a Play Console export and a Search Console ZIP beside
    an onboarding file; each import with its hash, each problem by line, no planted address in the outputs."""
    from crawler.cli import main
    from tests.crawler.register.conftest import KEY, SLUG
    from tests.crawler.register.test_keywords import POLISH
    from tests.crawler.register.test_microsoft_ads import BULK, LOCATIONS
    from tests.crawler.register.test_search_console import ENGLISH, export

    monkeypatch.setenv("FOOTPRINT_REGISTER_KEY", KEY)
    (tmp_path / "bulk.csv").write_text(BULK, encoding="utf-8")
    (tmp_path / "geo.csv").write_text(LOCATIONS, encoding="utf-8")
    write(tmp_path / "installs.csv", PLAY, "utf-16")
    write(tmp_path / "members.csv", MAILCHIMP)
    export(tmp_path / "gsc.zip", ENGLISH)
    (tmp_path / "editor.csv").write_text("Campaign\tKeyword\tCriterion Type\n" + "".join(
        f"Krypto PL\t{k}\tPhrase\n" for k in POLISH), encoding="utf-8")
    onboarding = tmp_path / "onboarding.csv"
    onboarding.write_text("client_id,country_of_residence,onboarded_at,utm_campaign\n"
                          "fp-client-1,DE,2026-03-02T10:00:00Z,Krypto DACH\nfp-client-2,DE,2026-03-05T10:00:00Z,\n",
                          encoding="utf-8")
    out = tmp_path / "out"
    assert main(["register", "check", str(onboarding), "--microsoft-ads", str(tmp_path / "bulk.csv"),
                 "--microsoft-ads-locations", str(tmp_path / "geo.csv"), "--play-console",
                 str(tmp_path / "installs.csv"), "--mailchimp", str(tmp_path / "members.csv"),
                 "--search-console", str(tmp_path / "gsc.zip"), "--google-ads", str(tmp_path / "editor.csv"),
                 "--store", two_scans.store, "--firm", SLUG,
                 "--out", str(out)]) == 3  # problems on some lines
    register = (out / SLUG / "register.json").read_text(encoding="utf-8")
    document = json.loads(register)
    kinds = {i["kind"]: i for i in document["inputs"]}
    assert set(kinds) == {"onboarding", "microsoft_ads", "microsoft_ads_locations", "play_console", "mailchimp",
                          "search_console", "google_ads"}
    assert all(len(i["sha256"]) == 64 for i in kinds.values())
    assert [p["line"] for p in kinds["microsoft_ads"]["problems"]] == [9, 10]
    findings = {(f["check"], f["member_state"]): f for f in document["findings"]}
    assert findings[("AD_TARGETING", "DE")]["clients"] == 1
    assert findings[("AD_TARGETING", "BE")]["inputs"] == [{"file": "bulk.csv", "line": 12}]
    assert ("AD_TARGETING", "FR") not in findings  # only excluded
    assert findings[("AD_LANGUAGE", "PL")]["inputs"][0] == {"file": "editor.csv", "line": 2}
    audience = findings[("FIRST_PARTY_AUDIENCE", "DE")]
    assert audience["clients"] == 1  # fp-client-1 onboarded within the installs' dates; fp-client-2 after them
    assert "Play Console: 21 installs" in audience["detail"] and "Search Console: 1,200 search clicks" in \
        audience["detail"] and "Mailchimp: 1 subscribers" in audience["detail"]
    assert findings[("FIRST_PARTY_AUDIENCE", "IT")]["clients"] == 0
    assert "line 9: Target" in capsys.readouterr().err
    html = (out / SLUG / "register.html").read_text(encoding="utf-8")
    for planted in ("fp-client-1", "anna@example.de", "Planted"):
        assert planted not in register and planted not in html
