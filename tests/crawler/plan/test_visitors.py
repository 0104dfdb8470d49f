"""Seeing what an EU visitor sees: visitor profiles, per-visitor fetching, geo-targeted content and geo-blocks,
all on the sandbox web (which answers per Accept-Language and per proxy user name, as geo-proxies do)."""

from __future__ import annotations

from urllib.parse import urlsplit

from crawler.config.secrets import redact
from crawler.plan.visitors import profile_for, profiles
from tests.conftest import read_report


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
