"""Replay mode (crawler/sandbox/replay.py): a captured crawl re-crawled offline from its archive."""

from __future__ import annotations

import hashlib
import http.client
import os
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crawler.captures.warc import CaptureWriter, read_archive
from crawler.sandbox import SandboxWeb, is_archive_path, replay_key
from tests.conftest import ROOT
from tests.crawler.sandbox.proxy_client import NoRedirect, unverified_tls

HOME = "https://coinhub.test/"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x01\x02 not really a png \xff"

# (item, body) in archive order.
CAPTURES: list[tuple[dict, bytes | None]] = [
    # A rendered DOM, written before the raw responses of the same URL: it must never be served.
    ({"url": HOME, "visitor": "DE", "rendered": True, "status": 200, "content_type": "text/html"},
     b"<html>rendered DOM</html>"),
    ({"url": HOME, "visitor": "", "status": 200}, b"<html>home for everyone</html>"),
    ({"url": HOME, "visitor": "US", "status": 200}, b"<html>home for US</html>"),
    ({"url": HOME, "visitor": "DE", "status": 200,
      "headers": {"Content-Type": "text/html; charset=iso-8859-1", "Content-Encoding": "gzip",
                  "Transfer-Encoding": "chunked", "Content-Length": "99999", "Connection": "keep-alive",
                  "Keep-Alive": "timeout=5", "X-Served-By": "origin-de", "Set-Cookie": "region=de; Path=/"},
      "content_type": "text/html; charset=iso-8859-1"},
     "<html>Startseite f\u00fcr DE</html>".encode("latin-1")),
    # No baseline capture here: a visitor not in the archive gets the first one (US).
    ({"url": "https://coinhub.test/promo", "visitor": "US", "status": 200}, b"<html>promo US</html>"),
    ({"url": "https://coinhub.test/promo", "visitor": "DE", "status": 200}, b"<html>promo DE</html>"),
    # A redirect followed in the original crawl (plain http -> https, another path).
    ({"requested_url": "http://coinhub.test/start", "url": "https://coinhub.test/welcome/", "visitor": "",
      "status": 200}, b"<html>welcome</html>"),
    # Geo-blocked for DE, open for the baseline.
    ({"url": "https://coinhub.test/geo", "visitor": "", "status": 200}, b"<html>geo ok</html>"),
    ({"url": "https://coinhub.test/geo", "visitor": "DE", "status": 451, "reason": "Unavailable For Legal Reasons",
      "headers": {"Content-Type": "text/html", "X-Reason": "geo"}}, b"<html>not in your country</html>"),
    # A failed fetch and a page only ever rendered: neither is served.
    ({"url": "https://coinhub.test/broken", "visitor": "", "status": None, "error": "TimeoutError: took too long"},
     None),
    ({"url": "https://coinhub.test/app", "visitor": "", "rendered": True, "status": 200, "content_type": "text/html"},
     b"<html>app shell</html>"),
    # A second host, over plain http: per-visitor pages, a geo-block, a query string and a binary body.
    ({"url": "http://shop.test/", "visitor": "US", "status": 200}, b"<html>shop US</html>"),
    ({"url": "http://shop.test/", "visitor": "DE", "status": 200}, b"<html>shop DE</html>"),
    ({"url": "http://shop.test/", "visitor": "", "status": 200}, b"<html>shop baseline</html>"),
    ({"url": "http://shop.test/geo", "visitor": "US", "status": 200}, b"<html>shop geo ok</html>"),
    ({"url": "http://shop.test/geo", "visitor": "DE", "status": 451, "headers": {"X-Reason": "geo"}},
     b"<html>shop closed for you</html>"),
    ({"url": "http://shop.test/item?id=1", "visitor": "", "status": 200, "content_type": "image/png"}, BINARY),
    # A host reached only by a failed fetch: not in the archive as far as serving goes.
    ({"url": "https://gone.test/", "visitor": "", "status": None, "error": "DNSLookupError: gone.test"}, None),
]


def _item(spec: dict) -> dict:
    item = {"channel": "website", "fetched_at": "2024-05-01T12:00:00Z", "requested_url": spec["url"],
            "request_headers": {"User-Agent": "footprint-test"}, "depth": 0}
    item.update(spec)
    if item.get("status") is not None and not item.get("rendered"):
        item.setdefault("content_type", "text/html; charset=utf-8")
        item.setdefault("headers", {"Content-Type": item["content_type"]})
    return item


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "capture.warc.gz"
    writer = CaptureWriter(path)
    for spec, body in CAPTURES:
        writer.write_capture(_item(spec), body or b"")
    writer.close()
    return path


@pytest.fixture
def replay(archive: Path, no_proxy_env: None):
    with SandboxWeb(archive) as web:
        yield web


def fetch(web: SandboxWeb | str, url: str, visitor: str | None = None, method: str = "GET", follow: bool = True):
    """(status, headers, body, final url) of url fetched through the proxy (a SandboxWeb or its URL); visitor as
    the proxy user name (urllib needs a non-empty password to send it)."""
    base = web if isinstance(web, str) else web.url
    proxy = base if visitor is None else base.replace("http://", f"http://{visitor}:pw@")
    handlers = [
        urllib.request.ProxyHandler({"http": proxy, "https": proxy}),
        urllib.request.HTTPSHandler(context=unverified_tls()),
    ]
    if not follow:
        handlers.append(NoRedirect())
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(urllib.request.Request(url, method=method), timeout=10) as response:
            return response.status, response.headers, response.read(), response.url
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read(), url


# -------------------------------------------------------------------------------------------- the index


def test_archive_path_detection(archive: Path, tmp_path: Path) -> None:
    assert is_archive_path(archive) and is_archive_path("x/CAPTURE.WARC") and not is_archive_path(tmp_path)
    assert SandboxWeb(archive).is_archive and not SandboxWeb(tmp_path).is_archive


def test_replay_key() -> None:
    assert replay_key("HTTPS://CoinHub.Test:443#top") == "https://coinhub.test/"
    assert replay_key("http://user:pw@coinhub.test:80/a?b=1#c") == "http://coinhub.test/a?b=1"
    assert replay_key("http://coinhub.test:8080/A") == "http://coinhub.test:8080/A"


def test_index_skips_rendered_and_failed(replay: SandboxWeb) -> None:
    index = replay.replay
    assert index is not None and not index.torn
    assert index.responses == 14  # 18 captures less 2 failed fetches and 2 rendered DOMs
    assert index.hosts == {"coinhub.test", "shop.test"}
    assert "https://coinhub.test/app" not in index.entries


def test_missing_archive_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        SandboxWeb(tmp_path / "nope.warc.gz").start()


def test_not_an_archive_fails_at_start(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"this is not a WARC file\n" * 10)
    with pytest.raises(ValueError, match="not a readable capture archive"):
        SandboxWeb(junk).start()


# -------------------------------------------------------------------------------------------- answers


PAGES = {  # scheme -> (url, {visitor: body}) with None for no proxy user; FR is not in the archive
    "https": (HOME, {"DE": "<html>Startseite f\u00fcr DE</html>".encode("latin-1"), "de": None,
                     "US": b"<html>home for US</html>", "FR": b"<html>home for everyone</html>",
                     None: b"<html>home for everyone</html>"}),
    "http": ("http://shop.test/", {"DE": b"<html>shop DE</html>", "de": None, "US": b"<html>shop US</html>",
                                   "FR": b"<html>shop baseline</html>", None: b"<html>shop baseline</html>"}),
}


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_per_visitor_answers(replay: SandboxWeb, scheme: str) -> None:
    url, bodies = PAGES[scheme]
    bodies["de"] = bodies["DE"]  # the proxy user name matches case-insensitively
    for visitor, expected in bodies.items():
        status, _, body, _ = fetch(replay, url, visitor=visitor)
        assert (visitor, status, body) == (visitor, 200, expected)


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_recorded_status_and_headers(replay: SandboxWeb, scheme: str) -> None:
    url, blocked, open_ = {
        "https": ("https://coinhub.test/geo", b"<html>not in your country</html>", b"<html>geo ok</html>"),
        "http": ("http://shop.test/geo", b"<html>shop closed for you</html>", b"<html>shop geo ok</html>"),
    }[scheme]
    status, headers, body, _ = fetch(replay, url, visitor="DE")
    assert (status, body) == (451, blocked)
    assert headers["X-Reason"] == "geo"
    status, headers, body, _ = fetch(replay, url, visitor="US")
    assert (status, body) == (200, open_)
    assert "X-Reason" not in headers


def test_query_and_binary_body(replay: SandboxWeb) -> None:
    status, headers, body, _ = fetch(replay, "http://shop.test/item?id=1")
    assert (status, body) == (200, BINARY)
    assert headers["Content-Type"] == "image/png"
    assert headers["Content-Length"] == str(len(BINARY))
    assert fetch(replay, "http://shop.test/item?id=2")[0] == 404  # the query is part of the URL
    assert fetch(replay, "https://shop.test/item?id=1")[0] == 404  # and so is the scheme


def test_first_capture_when_no_baseline(replay: SandboxWeb) -> None:
    assert fetch(replay, "https://coinhub.test/promo", visitor="DE")[2] == b"<html>promo DE</html>"
    assert fetch(replay, "https://coinhub.test/promo", visitor="FR")[2] == b"<html>promo US</html>"
    assert fetch(replay, "https://coinhub.test/promo")[2] == b"<html>promo US</html>"


def test_headers_replayed_without_transfer_headers(replay: SandboxWeb) -> None:
    status, headers, body, _ = fetch(replay, HOME, visitor="DE")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=iso-8859-1"
    assert headers["Content-Length"] == str(len(body))
    assert headers["X-Served-By"] == "origin-de"
    assert headers["Set-Cookie"] == "region=de; Path=/"
    for gone in ("Content-Encoding", "Transfer-Encoding", "Keep-Alive"):
        assert gone not in headers
    assert headers.get_all("Content-Length") == [str(len(body))]


def test_redirect_requested_to_final(replay: SandboxWeb) -> None:
    status, headers, _, _ = fetch(replay, "http://coinhub.test/start", follow=False)
    assert status == 302
    assert headers["Location"] == "https://coinhub.test/welcome/"
    status, _, body, final = fetch(replay, "http://coinhub.test/start")
    assert (status, body, final) == (200, b"<html>welcome</html>", "https://coinhub.test/welcome/")
    assert fetch(replay, "https://coinhub.test/welcome/")[2] == b"<html>welcome</html>"


def test_head_has_length_but_no_body(replay: SandboxWeb) -> None:
    status, headers, body, _ = fetch(replay, HOME, visitor="US", method="HEAD")
    assert (status, body) == (200, b"")
    assert headers["Content-Length"] == str(len(b"<html>home for US</html>"))


@pytest.mark.parametrize(
    "url", ["https://coinhub.test/app", "https://coinhub.test/broken", "http://coinhub.test/never-fetched"]
)
def test_not_archived_is_404(replay: SandboxWeb, url: str) -> None:
    status, headers, body, _ = fetch(replay, url, visitor="DE")
    assert status == 404
    assert b"not in the archive" in body and headers["Content-Type"].startswith("text/html")
    assert b"rendered" not in body and b"app shell" not in body


@pytest.mark.parametrize("host", ["nowhere.test", "gone.test"])
def test_host_not_archived(replay: SandboxWeb, host: str) -> None:
    assert fetch(replay, f"http://{host}/")[0] == 502
    conn = http.client.HTTPSConnection("127.0.0.1", replay.port, context=unverified_tls(), timeout=10)
    conn.set_tunnel(host, 443)
    with pytest.raises(OSError, match="502"):
        conn.request("GET", "/")
    conn.close()
    with pytest.raises(urllib.error.URLError):
        fetch(replay, f"https://{host}/")


def test_requests_record(replay: SandboxWeb) -> None:
    fetch(replay, HOME, visitor="DE")
    fetch(replay, "http://shop.test/item?id=1")
    tunnelled, plain = replay.requests[-2:]
    assert (tunnelled["url"], tunnelled["visitor"], tunnelled["status"]) == (HOME, "DE", 200)
    assert (plain["url"], plain["visitor"], plain["status"]) == ("http://shop.test/item?id=1", "", 200)


def test_serve_forever_takes_an_archive(archive: Path) -> None:
    # `python -m crawler.sandbox ARCHIVE 0` runs serve_forever, as `footprint sandbox ARCHIVE` does.
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.sandbox", str(archive), "0"],
        stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert "replaying" in line and "14 responses, 2 hosts" in line, line
        proxy_url = line.rsplit(" on ", 1)[1].strip()
        assert fetch(proxy_url, HOME, visitor="US")[2] == b"<html>home for US</html>"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# -------------------------------------------------------------------------------------------- Scrapy


SPIDER = textwrap.dedent(
    """
    import hashlib
    import sys

    import scrapy
    from scrapy.crawler import CrawlerProcess

    PROXY = sys.argv[1]
    URLS = sys.argv[2:]


    class Probe(scrapy.Spider):
        name = "probe"

        async def start(self):
            for url in URLS:
                yield scrapy.Request(url, meta={"proxy": PROXY, "handle_httpstatus_list": [404, 451]},
                                     dont_filter=True)

        def parse(self, response):
            requested = (response.meta.get("redirect_urls") or [response.url])[0]
            digest = hashlib.sha256(response.body).hexdigest()
            print("GOT", requested, response.status, response.url, digest, flush=True)


    process = CrawlerProcess(
        settings={
            "HTTPPROXY_ENABLED": True,
            "LOG_LEVEL": "ERROR",
            "TELNETCONSOLE_ENABLED": False,
            "ROBOTSTXT_OBEY": False,
        }
    )
    process.crawl(Probe)
    process.start()
    """
)


def test_scrapy_recrawl_matches_archive(replay: SandboxWeb, archive: Path, tmp_path: Path) -> None:
    # Scrapy's reactor cannot restart inside pytest, so the spider runs in a subprocess.
    script = tmp_path / "probe.py"
    script.write_text(SPIDER, encoding="utf-8")
    proxy = replay.url.replace("http://", "http://DE:pw@")
    urls = [HOME, "https://coinhub.test/geo", "http://coinhub.test/start", "http://shop.test/item?id=1"]
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run(
        [sys.executable, str(script), proxy, *urls],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr
    got = {}
    for line in done.stdout.splitlines():
        if line.startswith("GOT "):
            _, requested, status, final, digest = line.split()
            got[requested] = (int(status), final, digest)

    def archived(url: str, visitor: str) -> tuple[int, str, str]:
        [capture] = [c for c in read_archive(archive).captures
                     if c["url"] == url and c["visitor"] == visitor and not c.get("rendered")]
        return capture["status"], capture["url"], hashlib.sha256(capture["body"]).hexdigest()

    assert got == {
        HOME: archived(HOME, "DE"),
        "https://coinhub.test/geo": archived("https://coinhub.test/geo", "DE"),
        "http://coinhub.test/start": archived("https://coinhub.test/welcome/", ""),
        "http://shop.test/item?id=1": archived("http://shop.test/item?id=1", ""),
    }, done.stderr
    assert {r["visitor"] for r in replay.requests} == {"DE"}
