"""Honest completeness (issue 15): a dead link on a clean site is listed under Coverage, and the picture stays
complete (NONE, exit 0); a channel whose start page could not be assessed is incomplete, in the badge and the
exit code alike."""

from __future__ import annotations

from crawler.cli.exit_codes import ExitCode
from tests.conftest import firm_dir, read_report
from tests.reports.html_tags import parse

HOST = "quiet-ledger.com"
PAGE = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title></head><body>"
        "<h1>{title}</h1><p>Quiet Ledger keeps accounting records for small firms in Singapore.</p>{links}"
        "</body></html>")


def write_clean_site(root, dead: str = "/old-prices/") -> None:
    """Three plain English pages and a link to `dead`, a page that is not there (404)."""
    site = root / HOST
    (site / "about").mkdir(parents=True)
    (site / "team").mkdir()
    links = f"<a href='/about/'>About</a> <a href='/team/'>Team</a> <a href='{dead}'>Old prices</a>"
    (site / "index.html").write_text(PAGE.format(title="Quiet Ledger", links=links), encoding="utf-8")
    (site / "about" / "index.html").write_text(PAGE.format(title="About us", links=""), encoding="utf-8")
    (site / "team" / "index.html").write_text(PAGE.format(title="Our team", links=""), encoding="utf-8")


def test_a_clean_site_with_one_dead_link_is_none_complete_exit_0_and_the_link_listed(scan, web_root, tmp_path):
    write_clean_site(web_root)
    code = scan(f"https://{HOST}/", out=tmp_path, render="never")
    report = read_report(tmp_path, "quiet-ledger-com")
    (channel,) = report["channels"]
    assert code == ExitCode.OK
    assert report["verdict"]["level"] == "none" and report["verdict"]["complete"] is True
    assert "INCOMPLETE" not in report["verdict"]["summary"]
    assert channel["status"] == "assessed" and channel["pages"]["failed"] == 1
    assert channel["checked_pages"] == [f"https://{HOST}/", f"https://{HOST}/about/", f"https://{HOST}/team/"]
    assert [e["url"] for e in report["errors"]] == [f"https://{HOST}/old-prices/"]
    html = (firm_dir(tmp_path, "quiet-ledger-com") / "report.html").read_text(encoding="utf-8")
    coverage = html[html.index('id="coverage"'):html.index('id="errors"')]
    links = [a["href"] for tag, a in parse(coverage).tags if tag == "a"]
    assert links == [*channel["checked_pages"], f"https://{HOST}/old-prices/"]  # every page, the dead one last
    assert "HTTP 404" in coverage and "INCOMPLETE PICTURE" not in html


def test_a_start_page_that_fails_makes_the_picture_incomplete_in_the_badge_and_the_exit_code(scan, web_root,
                                                                                              tmp_path):
    write_clean_site(web_root)
    (web_root / HOST / "index.html").rename(web_root / HOST / "home.html")  # the start page is gone: 404
    urls = "".join(f"<url><loc>https://{HOST}/{p}/</loc></url>" for p in ("about", "team"))  # the rest is found
    (web_root / HOST / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    code = scan(f"https://{HOST}/", out=tmp_path, render="never")
    report = read_report(tmp_path, "quiet-ledger-com")
    (channel,) = report["channels"]
    assert channel["status"] == "partial" and channel["reason"] == "the start page failed"
    assert channel["checked_pages"] == [f"https://{HOST}/about/", f"https://{HOST}/team/"]
    assert code == ExitCode.INCOMPLETE and report["verdict"]["complete"] is False
    assert "INCOMPLETE PICTURE" in (firm_dir(tmp_path, "quiet-ledger-com") / "report.html").read_text("utf-8")

