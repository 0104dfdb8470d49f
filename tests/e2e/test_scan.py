"""End to end through the sandbox web: `footprint demo` and `footprint scan`, exit codes, robots, proxies."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.cli import main
from reports.validate import validate_report
from tests.conftest import ROOT, firm_dir, read_report

DEMO_SLUGS = ("nordwind-exchange-ltd", "meridian-custody-partners-llc", "atlas-digital-markets-inc")


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    assert main(["demo", "--out", str(out), "--quiet", "--no-screenshots"]) == 0
    return out


def indicators(report: dict) -> set[str]:
    return {f["indicator"] for c in report["channels"] for f in c["findings"]}


def test_demo_writes_four_valid_reports_per_firm(demo_out):
    for slug in DEMO_SLUGS:
        names = {p.name for p in firm_dir(demo_out, slug).iterdir()}
        assert {"report.json", "report.html", "report.md", "findings.csv"} <= names
        assert validate_report(read_report(demo_out, slug)) == []


def test_demo_firm_targeting_the_eu_is_high_risk_on_many_kinds_of_evidence(demo_out):
    report = read_report(demo_out, "nordwind-exchange-ltd")
    assert report["verdict"]["level"] == "high" and report["verdict"]["complete"] is True
    assert {c["id"]: c["level"] for c in report["channels"]} == {
        "website:nordwind-exchange.com": "high",
        "website:nordwind-exchange.de": "high",
        "app:apple:1587000042": "high",
        "app:google:example.nordlicht.wallet": "high",
        "social:telegram:nordwind_de": "high",
        "affiliate:krypto-bonus-vergleich.com": "high",
        "social:youtube:@nordwind_fr": "high",
    }
    discovered = {c["id"] for c in report["channels"] if c["discovered"]}
    assert discovered == {"social:youtube:@nordwind_fr"}  # linked from the site's footer, not listed
    assert {
        "LANG",
        "HREFLANG",
        "DOMAIN",
        "CURRENCY",
        "PAYMENT",
        "PHONE",
        "PROMO",
        "BONUS",
        "SEO",
        "AFFILIATE",
    } <= indicators(report)
    assert {"DE", "FR", "PL"} <= set(report["member_states"])
    de = next(c for c in report["channels"] if c["id"] == "website:nordwind-exchange.de")
    domain = [f for f in de["findings"] if f["indicator"] == "DOMAIN"]
    assert [(f["evidence"]["value"], f["member_states"]) for f in domain] == [("nordwind-exchange.de", ["DE"])]


def test_demo_app_and_telegram_channels_have_per_country_results(demo_out):
    report = read_report(demo_out, "nordwind-exchange-ltd")
    app = next(c for c in report["channels"] if c["id"] == "app:apple:1587000042")
    stores = {f["member_states"][0]: f["evidence"]["value"] for f in app["findings"] if f["indicator"] == "APPSTORE"}
    assert stores == {"AT": "available in AT storefront, listed in German",
                      "DE": "available in DE storefront, listed in German",
                      "IE": "available in IE storefront"}
    assert app["pages"] == {"fetched": 31, "failed": 0}  # every EU/EEA storefront and the US control
    telegram = next(c for c in report["channels"] if c["id"] == "social:telegram:nordwind_de")
    found = {(f["indicator"], f["evidence"]["value"]) for f in telegram["findings"]}
    assert {("BONUS", "willkommensbonus"), ("INFLUENCER", "#werbung"),
            ("AFFILIATE", "referral parameter ref: TG-DE-77")} <= found
    play = next(c for c in report["channels"] if c["id"] == "app:google:example.nordlicht.wallet")
    assert sorted(f["member_states"][0] for f in play["findings"] if f["indicator"] == "APPSTORE") == ["AT", "DE"]
    review = next(c for c in report["channels"] if c["kind"] == "affiliate")
    assert ("AFFILIATE", "referral parameter ref: KBV-2026-DE") in {
        (f["indicator"], f["evidence"]["value"]) for f in review["findings"]}


def test_demo_institutional_firm_has_no_eu_signals(demo_out):
    report = read_report(demo_out, "meridian-custody-partners-llc")
    assert report["verdict"]["level"] == "none" and report["verdict"]["score"] == 0
    assert report["verdict"]["complete"] is True
    (channel,) = report["channels"]
    assert channel["status"] == "assessed" and channel["pages"]["fetched"] >= 5 and channel["findings"] == []


def test_demo_disclaimer_does_not_cure_eu_language_pages(demo_out):
    report = read_report(demo_out, "atlas-digital-markets-inc")
    assert report["verdict"]["level"] == "high"
    found = indicators(report)
    assert "DISCLAIMER" in found and {"LANG", "HREFLANG", "BONUS", "PROMO"} <= found
    assert {"IT", "ES"} <= set(report["member_states"])
    assert "disclaimers do not cure" in report["verdict"]["summary"]
    disclaimers = [f for c in report["channels"] for f in c["findings"] if f["indicator"] == "DISCLAIMER"]
    assert all(f["strength"] == "marker" and f["member_states"] == [] for f in disclaimers)


def test_every_finding_carries_its_evidence(demo_out):
    report = read_report(demo_out, "nordwind-exchange-ltd")
    for channel in report["channels"]:
        for f in channel["findings"]:
            assert f["url"].startswith("https://") and f["fetched_at"].endswith("Z")
            assert re.fullmatch(r"[0-9a-f]{64}", f["body_sha256"])
            assert f["evidence"]["value"] and f["evidence"]["snippet"] and f["evidence"]["locator"]
            assert f["legal_ref"].startswith("MiCA")


def test_robots_txt_is_obeyed_by_default(demo_out):
    report = read_report(demo_out, "nordwind-exchange-ltd")
    urls = {f["url"] for c in report["channels"] for f in c["findings"]}
    assert not any("/internal/" in u for u in urls)
    assert any("/internal/promo-q4.html" in e["url"] and "robots" in e["error"] for e in report["errors"])


def _strip_times(report: dict) -> str:
    text = json.dumps(report, sort_keys=True)
    text = re.sub(r'"\d{4}-\d\d-\d\dT[\d:.]+Z"', '"T"', text)
    text = re.sub(r'"id": "[0-9a-f]{12}"', '"id": "S"', text)
    # the provenance names the proxy used: the demo's sandbox web listens on a new port each run
    text = re.sub(r"http://127\.0\.0\.1:\d+", "http://127.0.0.1:P", text)
    # WARC record ids are derived from what a record holds, its time included
    return re.sub(r'"record_id": "<urn:uuid:[0-9a-f-]+>"', '"record_id": "R"', text)


def test_the_same_content_gives_the_same_report_apart_from_timestamps(demo_out, tmp_path):
    assert main(["demo", "--out", str(tmp_path), "--quiet", "--no-screenshots"]) == 0
    for slug in DEMO_SLUGS:
        assert _strip_times(read_report(demo_out, slug)) == _strip_times(read_report(tmp_path, slug))


def test_analyze_of_a_scans_archive_gives_the_scans_report(demo_out, tmp_path):
    """A scan judges its pages while crawling, `analyze` in one pass over the archive: the reports are the same,
    discovered channels, supplied files and every finding included, apart from when and how they were made."""
    for slug in DEMO_SLUGS:
        assert main(["analyze", str(firm_dir(demo_out, slug) / "capture.warc.gz"), "--out", str(tmp_path)]) == 0
        scanned, rebuilt = read_report(demo_out, slug), read_report(tmp_path, slug)
        for report in (scanned, rebuilt):
            del report["scan"]["finished_at"], report["provenance"]["finished_at"], report["provenance"]["browser"]
        assert rebuilt == scanned
        assert any(c["discovered"] for c in scanned["channels"]) or slug != "nordwind-exchange-ltd"
    assert not list(demo_out.rglob("*.documents"))  # the crawl's parsed pages are the scan's scratch


def test_ignore_robots_lets_a_firm_audit_its_own_disallowed_pages(scan, tmp_path):
    code = scan("https://nordwind-exchange.com/", "--ignore-robots", out=tmp_path)
    assert code == 0
    report = read_report(tmp_path, "nordwind-exchange-com")
    urls = {f["url"] for c in report["channels"] for f in c["findings"]}
    assert "https://nordwind-exchange.com/internal/promo-q4.html" in urls


def test_unreachable_host_is_not_assessed_and_exits_3(scan, tmp_path, capsys):
    code = scan("https://no-such-firm.example/", out=tmp_path)
    assert code == 3
    report = read_report(tmp_path, "no-such-firm-example")
    (channel,) = report["channels"]
    assert channel["status"] == "not-assessed" and channel["level"] is None and channel["score"] is None
    assert "nothing could be fetched" in channel["reason"]
    assert report["verdict"]["level"] == "not-assessed" and "not a low-risk result" in report["verdict"]["summary"]
    out = capsys.readouterr()
    assert "NOT ASSESSED" in out.out and "Traceback" not in out.err


def test_a_page_that_is_not_html_is_inconclusive(scan, web_root, tmp_path):
    host = web_root / "pdf-only-firm.com"
    host.mkdir()
    shutil.copy(web_root / "nordwind-exchange.com" / "docs" / "terms.pdf", host / "terms.pdf")
    code = scan("https://pdf-only-firm.com/terms.pdf", out=tmp_path)
    assert code == 3
    (channel,) = read_report(tmp_path, "pdf-only-firm-com")["channels"]
    assert channel["status"] == "inconclusive" and "application/pdf" in channel["reason"]


def test_a_bot_wall_is_inconclusive_not_low_risk(scan, web_root, tmp_path):
    host = web_root / "walled-exchange.com"
    host.mkdir()
    (host / "index.html").write_text(
        "<html><head><title>Just a moment...</title></head><body>Checking your "
        "browser before accessing walled-exchange.com.</body></html>"
    )
    code = scan("https://walled-exchange.com/", out=tmp_path)
    assert code == 3
    (channel,) = read_report(tmp_path, "walled-exchange-com")["channels"]
    assert channel["status"] == "inconclusive" and "bot wall" in channel["reason"]


def test_fail_on_exits_1_when_a_channel_reaches_the_level(scan, tmp_path):
    code = scan("https://atlas-markets.com/", "--fail-on", "high", "--format", "json", out=tmp_path)
    assert code == 1
    written = sorted(p.name for p in firm_dir(tmp_path, "atlas-markets-com").iterdir() if p.is_file())
    assert written == ["capture.warc.gz", "report.json"]


def test_channels_that_cannot_be_read_are_inconclusive_or_not_assessed_never_low(scan, tmp_path):
    profile = tmp_path / "firm.yaml"
    profile.write_text("firm: {name: Meridian}\nchannels:\n  websites: [https://meridian-custody.com/]\n"
                       "  apps: {google: [com.meridian.app]}\n  social: {linkedin: [company/meridian]}\n")
    code = scan("--firm", str(profile), out=tmp_path)
    assert code == 3
    report = read_report(tmp_path, "meridian")
    statuses = {c["id"]: (c["status"], c["level"]) for c in report["channels"]}
    assert statuses == {
        "app:google:com.meridian.app": ("inconclusive", None),  # 404 in every storefront: wrong id or removed
        "social:linkedin:company/meridian": ("not-assessed", None),  # linkedin.com unreachable here
        "website:meridian-custody.com": ("assessed", "none"),
    }
    assert report["verdict"]["complete"] is False and "INCOMPLETE" in report["verdict"]["summary"]


def test_every_fetch_goes_through_the_proxy_with_an_honest_user_agent(scan, sandbox, tmp_path):
    scan("https://meridian-custody.com/", "--max-pages", "2", out=tmp_path)
    seen = {r["url"]: r["headers"].get("user-agent", "") for r in sandbox.requests}
    assert "https://meridian-custody.com/robots.txt" in seen
    assert all("footprint" in ua for ua in seen.values())
    pages = [u for u in seen if not u.endswith(("robots.txt", "sitemap.xml"))]
    assert len(pages) <= 2


def test_standard_proxy_variables_are_honoured(sandbox, tmp_path, monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", sandbox.url)
    monkeypatch.setenv("HTTP_PROXY", sandbox.url)
    code = main(
        ["scan", "https://meridian-custody.com/", "--delay", "0", "--no-screenshots", "--quiet", "--out", str(tmp_path)]
    )
    assert code == 0
    assert read_report(tmp_path, "meridian-custody-com")["channels"][0]["status"] == "assessed"


def test_scrapy_users_can_run_the_spider_directly(sandbox, tmp_path):
    out = tmp_path / "pages.jsonl"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy",
            "crawl",
            "website",
            "-a",
            "url=https://meridian-custody.com/",
            "-s",
            f"FOOTPRINT_PROXY={sandbox.url}",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_ENABLED=0",
            "-s",
            "LOG_LEVEL=ERROR",
            "-O",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    pages = [json.loads(line) for line in out.read_text().splitlines()]
    home = next(p for p in pages if p["url"] == "https://meridian-custody.com/")
    assert home["status"] == 200 and home["document"]["html_lang"] == "en-US" and home["body_sha256"]


def test_indicators_lists_the_catalogue_with_legal_references(capsys):
    assert main(["indicators", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ids = [i["id"] for i in data["indicators"]]
    assert {"LANG", "HREFLANG", "DOMAIN", "DISCLAIMER", "AFFILIATE"} <= set(ids)
    assert all(i["legal_ref"] for i in data["indicators"])
    assert main(["indicators"]) == 0
    text = capsys.readouterr().out
    assert "not legal advice" in text and "MiCA Art. 61(1)" in text


def test_console_script_reports_exit_codes(tmp_path):
    exe = shutil.which("footprint", path=str(Path(sys.executable).parent))
    proc = subprocess.run([exe, "scan", "--firm", str(tmp_path / "missing.yaml")], capture_output=True, text=True)
    assert proc.returncode == 2 and "does not exist" in proc.stderr and "Traceback" not in proc.stderr


def test_the_judge_takes_each_page_as_the_crawl_parsed_it(scan, tmp_path, monkeypatch):
    """Each page is parsed once, in the crawl (crawler/captures/documents.py): the scan's judge parses none of the
    website's pages again, its scratch file is gone, and the archive alone rebuilds the same findings."""
    import detectors.channels.website as website

    parsed_again = []
    monkeypatch.setattr(website, "document_of", lambda capture: parsed_again.append(capture.url))
    assert scan("https://meridian-custody.com/", out=tmp_path / "scan") == 0
    monkeypatch.undo()
    assert parsed_again == []
    assert not list((tmp_path / "scan").rglob("*.documents"))
    archive = firm_dir(tmp_path / "scan", "meridian-custody-com") / "capture.warc.gz"
    assert main(["analyze", str(archive), "--out", str(tmp_path / "analyze")]) == 0
    scanned = read_report(tmp_path / "scan", "meridian-custody-com")
    rebuilt = read_report(tmp_path / "analyze", "meridian-custody-com")
    assert [c["findings"] for c in rebuilt["channels"]] == [c["findings"] for c in scanned["channels"]]
    assert sum(c["pages"]["fetched"] for c in scanned["channels"]) > 3


def test_pages_left_when_the_crawl_ends_are_shared_with_a_helper(scan, tmp_path, monkeypatch):
    """A helper process judges the backlog a crawl leaves (crawler/crawl/judge_helper.py): here every page (the
    judge judges nothing while the crawl runs, and waits for the helper), with the same report as the archive alone
    rebuilds. And the archived copies of the pages findings point at are the same read one by one or all."""
    import crawler.crawl.judge_helper as judge_helper
    import detectors.channels.website as website
    from crawler.captures.feed import ArchiveJudgement
    from crawler.runs.page_copies import write_page_copies
    from tests.crawler.crawl.test_judge_helper import finished

    if (os.cpu_count() or 1) < 2:
        pytest.skip("a helper starts only where there is a second core")
    start = judge_helper.JudgeHelper.start
    helped, judged_here = [], []

    def start_and_wait(helper, frame, offset, kinds):
        began = start(helper, frame, offset, kinds)
        helped.append(finished(helper))
        return began

    monkeypatch.setattr(judge_helper, "HELPER_BACKLOG", 1)
    monkeypatch.setattr(judge_helper.JudgeHelper, "start", start_and_wait)
    monkeypatch.setattr(ArchiveJudgement, "take_some", lambda self: False)
    judge_page = website.judge_page
    monkeypatch.setattr(website, "judge_page", lambda doc, *a: judged_here.append(doc.url) or judge_page(doc, *a))
    assert scan("https://atlas-markets.com/", out=tmp_path / "scan") in (0, 3)
    monkeypatch.undo()
    # Judged here: the first page only, read to begin judging (the firm's supplied files come before it)
    assert len(helped) == 1 and len(judged_here) == 1
    archive = firm_dir(tmp_path / "scan", "atlas-markets-com") / "capture.warc.gz"
    assert main(["analyze", str(archive), "--out", str(tmp_path / "analyze")]) == 0
    scanned = read_report(tmp_path / "scan", "atlas-markets-com")
    rebuilt = read_report(tmp_path / "analyze", "atlas-markets-com")
    assert [c["findings"] for c in rebuilt["channels"]] == [c["findings"] for c in scanned["channels"]]
    assert sum(len(c["findings"]) for c in scanned["channels"]) > 3
    assert sum(c["pages"]["fetched"] for c in scanned["channels"]) > 3
    # The archived copies: the records findings point at read alone from where the judge saw them begin, the same
    # copies as from reading the whole archive
    with ArchiveJudgement(archive) as judged:
        judged.take_new(final=True)
        channels = judged.finish()
    by_offset = write_page_copies(archive, channels, tmp_path / "by-offset", judged.offsets)
    whole = write_page_copies(archive, channels, tmp_path / "whole")
    assert by_offset == whole and len(whole) > 1 and len(judged.offsets) >= len(whole)
    assert all((tmp_path / "by-offset" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
               for name in whole.values())
