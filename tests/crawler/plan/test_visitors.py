"""Seeing what an EU visitor sees: visitor profiles, per-visitor fetching, geo-targeted content and geo-blocks,
all on the sandbox web (which answers per Accept-Language and per proxy user name, as geo-proxies do)."""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.config.profiles import FirmTarget, ScanSettings
from crawler.config.scan_config import RunOptions, resolve
from crawler.config.secrets import redact
from crawler.plan.visitors import profile_for, profiles
from reports.terminal import summary_lines
from tests.conftest import firm_dir, read_report


def test_a_visitor_profile_is_a_residents_browser():
    de = profile_for("DE")
    assert (de.language, de.locale, de.timezone) == ("de", "de-DE", "Europe/Berlin")
    assert de.accept_language.startswith("de-DE,de;q=0.9")
    assert profile_for("PL").timezone == "Europe/Warsaw" and profile_for("PL").locale == "pl-PL"


def test_the_neutral_baseline_comes_first_and_proxies_are_per_country():
    listed = profiles(["DE", "FR", "DE"], {"de": "http://DE:secret@geo.example:8080"})
    assert [p.country for p in listed] == ["US", "DE", "FR"] and listed[0].baseline
    assert listed[1].proxy == "http://DE:secret@geo.example:8080" and listed[2].proxy == ""
    assert listed[1].to_dict()["proxy"] == "http://DE:***@geo.example:8080"  # no password in reports
    assert redact("http://u:p@h:1/") == "http://u:***@h:1/"


def _visitors(firm_visitors=(), jurisdiction="", **options) -> list:
    """The visitor profiles a scan of a firm with these `visitors:` gets, under these run options."""
    firm = FirmTarget(name="X", websites=["https://firm.example/"],
                      scan=ScanSettings(visitors=tuple(firm_visitors), jurisdiction=jurisdiction))
    config = resolve(firm, RunOptions(**options))
    return profiles(list(config.visitors), config.visitor_proxies, default=config.default_visitor,
                    jurisdiction=config.jurisdiction)


def test_a_scan_asking_for_no_eu_visitor_gets_one_that_looks_at_the_start_pages():
    base, eu = _visitors()
    assert (base.country, base.baseline, base.start_pages_only, base.chosen) == ("US", True, False, "baseline")
    assert (eu.country, eu.start_pages_only) == ("DE", True)
    assert eu.chosen == "default EU visitor, none was asked for, start pages only"
    # A supervisor's own member state (--jurisdiction, or the profile's) is the default EU visitor instead.
    assert [(v.country, v.chosen) for v in _visitors(jurisdiction="FR")][1] == (
        "FR", "default EU visitor, the scan's jurisdiction, start pages only")
    # Visitors asked for replace the default and fetch every page: the firm's own, or --visitor over them.
    assert [(v.country, v.start_pages_only, v.chosen) for v in _visitors(["IT"], jurisdiction="FR")] == [
        ("US", False, "baseline"), ("IT", False, "asked for")]
    assert [v.country for v in _visitors(["IT"], visitors=("ES",))] == ["US", "ES"]
    assert [v.country for v in _visitors(["IT"], visitors=("US",))] == ["US"]  # the baseline alone, as before
    # A proxy given for the default visitor's country is its route.
    assert _visitors(visitor_proxies={"DE": "http://DE@geo.example:8080"})[1].proxy == "http://DE@geo.example:8080"


def test_a_default_scan_finds_what_a_site_shows_eu_visitors_only_and_names_both_visitors(scan, sandbox, tmp_path):
    url = "https://geo-greeting.com/"
    assert scan(url, out=tmp_path, render="never") == 0
    report = read_report(tmp_path, _slug(url))
    assert report["scan"]["visitors"] == ["US", "DE"]
    (channel,) = report["channels"]
    geo = [f for f in channel["findings"] if f["indicator"] == "GEO_TARGETED"]
    assert [(f["member_states"], f["visitors"]) for f in geo] == [(["DE"], ["DE"])]
    assert "CURRENCY EUR" in geo[0]["evidence"]["value"] and channel["status"] == "assessed"
    german = [r["url"] for r in sandbox.requests if r["headers"].get("accept-language", "").startswith("de-DE")]
    assert german == [url]  # the start page only
    named = ("US (baseline; en-US, America/New_York), DE (default EU visitor, none was asked for, start pages only; "
             "de-DE, Europe/Berlin; a browser profile, no proxy in DE)")
    assert f"Visited as: {named}" in summary_lines(report)
    folder = firm_dir(tmp_path, _slug(url))
    assert f"- Visited as: {named.replace('_', chr(92) + '_')}" in (folder / "report.md").read_text()
    assert "visited as US (baseline; en-US, America/New_York), DE (default EU visitor" in (
        folder / "report.html").read_text()


def test_the_baseline_visitor_alone_is_todays_single_visitor_scan(scan, sandbox, tmp_path):
    url = "https://geo-greeting.com/"
    assert scan(url, "--visitor", "US", out=tmp_path, render="never") == 0
    report = read_report(tmp_path, _slug(url))
    assert report["scan"]["visitors"] == ["US"]
    assert not [f for f in report["channels"][0]["findings"] if f["indicator"].startswith("GEO")]
    assert {r["headers"].get("accept-language", "") for r in sandbox.requests} <= {"en-US,en;q=0.9", "en"}
    assert "Visited as: US (baseline; en-US, America/New_York)" in summary_lines(report)


def _slug(url: str) -> str:
    return urlsplit(url).hostname.replace(".", "-")


def test_content_shown_only_to_eu_visitors_is_reported_with_the_differential_evidence(scan, sandbox, tmp_path):
    url = "https://geo-greeting.com/"
    assert scan(url, "--visitor", "DE", out=tmp_path, render="never") == 0
    report = read_report(tmp_path, _slug(url))
    (channel,) = report["channels"]
    geo = [f for f in channel["findings"] if f["indicator"] == "GEO_TARGETED"]
    assert geo and all(f["member_states"] == ["DE"] and f["visitors"] == ["DE"] for f in geo)
    assert any("EUR" in f["evidence"]["value"] for f in geo)
    lang = [f for f in channel["findings"] if f["indicator"] == "LANG"]
    assert lang and all(f["visitors"] == ["DE"] for f in lang)  # the US baseline was never shown German
    accept = {r["headers"].get("accept-language", "") for r in sandbox.requests}
    assert {"de-DE,de;q=0.9,en;q=0.5", "en-US,en;q=0.9"} <= accept


def test_a_site_refusing_every_eu_profile_is_reported_geo_blocked_for_those_states(scan, sandbox, tmp_path):
    url = "https://geo-blocked.com/"
    proxy = urlsplit(sandbox.url)
    args = [f"--visitor-proxy={cc}=http://{cc}:x@{proxy.hostname}:{proxy.port}" for cc in ("DE", "FR", "US")]
    code = scan(url, "--visitor", "DE", "--visitor", "FR", *args, out=tmp_path, render="never")
    assert code == 0
    (channel,) = read_report(tmp_path, _slug(url))["channels"]
    assert channel["geoblock"] == {"DE": "verified", "FR": "verified"}
    blocked = {s for f in channel["findings"] if f["indicator"] == "GEOBLOCK" for s in f["member_states"]}
    assert blocked == {"DE", "FR"}
    assert channel["status"] == "assessed"


def test_an_ip_block_with_a_german_bonus_page_still_running_is_not_credited(scan, sandbox, tmp_path):
    url = "https://ip-blocked-bonus.com/"
    proxy = urlsplit(sandbox.url)
    args = [f"--visitor-proxy={cc}=http://{cc}:x@{proxy.hostname}:{proxy.port}" for cc in ("DE", "US")]
    assert scan(url, "--visitor", "DE", *args, out=tmp_path, render="never") == 0
    (channel,) = read_report(tmp_path, _slug(url))["channels"]
    assert channel["geoblock"] == {"DE": "not-credited"}
    assert any(f["indicator"] == "BONUS" and "DE" in f["member_states"] for f in channel["findings"])
    assert channel["level"] == "high"
