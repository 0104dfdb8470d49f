"""Archived copies (issue 14 item 3): a captured page made script-free and inert with the match highlighted
(crawler/captures/page_copy.py), and `footprint view` serving such pages on loopback (crawler/runs/view.py)."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit

import lxml.html
import pytest

from crawler.captures.page_copy import Capture, safe_copy
from crawler.captures.warc import CaptureWriter
from crawler.cli import main
from crawler.crawl.browser import chromium_executable, launch_options
from crawler.runs.view import ViewServer

LIVE = "https://live.example"  # the live site: nothing may ever be asked of it
PAGE = f"""<!doctype html><html><head><title>Angebot</title>
<meta http-equiv="refresh" content="5; url={LIVE}/gone">
<base href="{LIVE}/"><link rel="stylesheet" href="{LIVE}/site.css">
<script>document.addEventListener('DOMContentLoaded', () => {{
  document.getElementById('claim').textContent = 'CHANGED BY SCRIPT'; new Image().src = '{LIVE}/beacon'; }});
</script></head>
<body onload="document.title='ran'">
<h1 id="claim" style="background: URL('{LIVE}/bg.png')">Jetzt   Bonus sichern</h1>
<style>@import "{LIVE}/more.css"; p {{ background-image: url({LIVE}/p.png) }}</style>
<p>Nur für Anleger
 in Deutschland: <a href="{LIVE}/join" onclick="steal()">jetzt handeln</a></p>
<img src="{LIVE}/hero.png" srcset="{LIVE}/hero2.png 2x"><iframe src="{LIVE}/frame"></iframe>
<form action="{LIVE}/post"><button formaction="javascript:alert(1)">Go</button></form>
</body></html>""".encode()
CAPTURE = Capture(f"{LIVE}/de/", "2026-12-03T10:00:00Z", "<urn:uuid:0000>")


def test_a_copy_keeps_the_text_and_nothing_that_runs_or_fetches():
    copy = lxml.html.document_fromstring(safe_copy(PAGE, "text/html", CAPTURE, [("m-a", "anleger in deutschland")]))
    assert copy.xpath("//script|//iframe|//base|//link|//meta[@http-equiv='refresh']") == []
    assert not [(e.tag, a) for e in copy.iter() if isinstance(e.tag, str) for a in e.attrib if a.startswith("on")]
    live = [(e.tag, a) for e in copy.iter() if isinstance(e.tag, str) for a, v in e.attrib.items()
            if LIVE in v and not a.startswith("data-archived-") and a not in ("title", "style")]
    assert live == []  # every URL is kept, for the record, where no browser follows it
    css = copy.xpath("//@style|//style/text()")
    assert len(css) >= 2 and not [c for c in css if "url(" in c.lower() or "@import" in c]
    assert copy.xpath("//a/@data-archived-href") == [f"{LIVE}/join"]
    csp = copy.xpath("//head/meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "script-src" not in csp
    (mark,) = copy.xpath("//mark")
    assert mark.get("id") == "m-a" and mark.text == "Anleger\n in Deutschland"  # found across the line break
    banner = copy.xpath("//div[@class='footprint-banner']")[0].text_content()
    assert f"{LIVE}/de/" in banner and "<urn:uuid:0000>" in banner and "1 of 1" in banner


def test_a_match_not_on_the_page_is_said_in_the_banner_and_nothing_is_marked():
    copy = lxml.html.document_fromstring(safe_copy(PAGE, "text/html", CAPTURE, [("m-a", "Anleger in Österreich")]))
    assert copy.xpath("//mark") == []
    banner = copy.xpath("//div[@class='footprint-banner']")[0]
    assert "0 of 1" in banner.text_content() and banner.xpath("q/text()") == ["Anleger in Österreich"]


def test_a_shorter_match_inside_a_longer_one_anchors_at_the_same_mark():
    marks = [("m-short", "Deutschland"), ("m-long", "Anleger in Deutschland")]
    copy = lxml.html.document_fromstring(safe_copy(PAGE, "text/html", CAPTURE, marks))
    assert [m.get("id") for m in copy.xpath("//mark")] == ["m-long"]
    assert copy.xpath("//span[@id='m-short']/following-sibling::mark[1]/@id") == ["m-long"]


def test_each_text_is_marked_at_its_first_run_in_search_order_as_earlier_marks_split_the_runs():
    # Runs are searched element by element, each one's text, then its tail, then its children's: "card" is first
    # in the tail of <b>, then in <i> (inside <b>), then in the tail left after the first mark, then in the next <p>.
    page = b"<html><body><p>pay <b>with <i>card</i></b> card card now</p><p>card</p><title>card</title></body></html>"
    marks = [("m-1", "card"), ("m-2", "card"), ("m-3", "card"), ("m-4", "card"), ("m-5", "card"), ("m-now", "now")]
    copy = lxml.html.document_fromstring(safe_copy(page, "text/html", CAPTURE, marks))
    assert [m.get("id") for m in copy.xpath("//p[1]/mark")] == ["m-1", "m-3", "m-now"]
    assert copy.xpath("//i/mark/@id") == ["m-2"] and copy.xpath("//p[2]/mark/@id") == ["m-4"]
    assert copy.xpath("//title/mark") == []
    assert copy.xpath("//span[@id='m-5']/following-sibling::mark[1]/@id") == ["m-2"]  # none left: an earlier one
    assert "".join(copy.xpath("//p[1]//text()")) == "pay with card card card now"


@pytest.fixture
def served(tmp_path):
    """An archive holding PAGE, served by `footprint view` on a free loopback port; stopped after the test."""
    archive = tmp_path / "capture.warc.gz"
    writer = CaptureWriter(archive)
    rid = writer.write_capture({"channel": "website:live.example", "url": CAPTURE.url, "requested_url": CAPTURE.url,
                                "fetched_at": CAPTURE.fetched_at, "status": 200,
                                "headers": {"Content-Type": "text/html; charset=utf-8"}}, PAGE)
    writer.close()
    server = ViewServer(archive, None, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, rid
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_view_serves_the_capture_in_chromium_highlighted_with_no_script_run_and_no_request_off_loopback(
        served, chromium):
    from playwright.sync_api import sync_playwright

    server, rid = served
    url = f"{server.url}record/{quote(rid.strip('<>'))}?mark={quote('Bonus sichern')}"
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options(chromium_executable()))
        try:
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda r: requested.append(r.url))
            page.goto(url, wait_until="load")
            page.wait_for_timeout(300)  # a script, had it run, would have changed the heading by now
            assert page.inner_text("#claim") == "Jetzt Bonus sichern"  # the page's script never ran
            assert page.inner_text("mark#m-1") == "Bonus sichern"
            assert page.title() == "Angebot"  # nor its onload handler
            page.click("a")  # a link on the archived page goes nowhere
            page.wait_for_timeout(200)
            assert page.url == url
        finally:
            browser.close()
    assert requested and {urlsplit(u).hostname for u in requested} == {"127.0.0.1"}


def test_view_answers_an_unknown_record_or_a_foreign_host_plainly(served):
    server, _ = served
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(f"{server.url}record/urn:uuid:0000-not-there", timeout=5)
    assert missing.value.code == 404
    expected = "no captured page with record id <urn:uuid:0000-not-there> in this archive\n"
    assert missing.value.read().decode() == expected
    request = urllib.request.Request(server.url, headers={"Host": "rebound.example"})
    with pytest.raises(urllib.error.HTTPError) as foreign:
        urllib.request.urlopen(request, timeout=5)
    assert foreign.value.code == 421
    with urllib.request.urlopen(server.url, timeout=5) as index:
        assert CAPTURE.url in index.read().decode()


def test_view_refuses_a_non_loopback_address_or_a_folder_without_an_archive(tmp_path, capsys):
    (tmp_path / "capture.warc.gz").write_bytes(b"")
    assert main(["view", str(tmp_path), "--host", "0.0.0.0"]) == 2
    assert "--host: a loopback address" in capsys.readouterr().err
    assert main(["view", str(tmp_path), "--port", "70000"]) == 2
    assert "--port: a port number from 0 to 65535" in capsys.readouterr().err
    assert main(["view", str(tmp_path / "elsewhere")]) == 2
    assert "an existing firm folder or capture.warc.gz" in capsys.readouterr().err
