"""The proxy (crawler/sandbox/proxy.py): plain and CONNECT requests, keep-alive, the request record, Scrapy."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
from pathlib import Path

import pytest

from crawler.sandbox import SandboxWeb
from tests.crawler.sandbox.proxy_client import fetch, tunnel

# -------------------------------------------------------------------------------------------- requests


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_fetch_through_proxy(sandbox: SandboxWeb, scheme: str) -> None:
    status, headers, body = fetch(sandbox, f"{scheme}://coinhub.test/")
    assert (status, body) == (200, b"<html>coinhub home</html>")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Length"] == str(len(body))


def test_unknown_host_http_is_502(sandbox: SandboxWeb) -> None:
    assert fetch(sandbox, "http://nowhere.test/")[0] == 502


def test_unknown_host_connect_fails(sandbox: SandboxWeb) -> None:
    conn = tunnel(sandbox, "nowhere.test")
    with pytest.raises(OSError, match="502"):
        conn.request("GET", "/")
    conn.close()
    with pytest.raises(urllib.error.URLError):
        fetch(sandbox, "https://nowhere.test/")


def test_direct_origin_form_request(sandbox: SandboxWeb) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=10)
    conn.request("GET", "/about/", headers={"Host": "coinhub.test:8080"})
    response = conn.getresponse()
    assert (response.status, response.read()) == (200, b"<html>about us</html>")
    conn.close()
    assert sandbox.requests[-1]["url"] == "http://coinhub.test:8080/about/"


# -------------------------------------------------------------------------------------------- connections


def test_requests_record(sandbox: SandboxWeb) -> None:
    fetch(sandbox, "https://coinhub.test/about/?x=1", visitor="DE", headers={"X-Test": "yes"})
    fetch(sandbox, "http://coinhub.test/robots.txt")
    tunnelled, plain = sandbox.requests[-2:]
    assert tunnelled["method"] == "GET"
    assert tunnelled["url"] == "https://coinhub.test/about/?x=1"
    assert tunnelled["visitor"] == "DE"
    assert tunnelled["headers"]["x-test"] == "yes"
    assert all(name == name.lower() for name in tunnelled["headers"])
    assert plain["url"] == "http://coinhub.test/robots.txt"
    assert plain["visitor"] == ""


def test_keep_alive_in_tunnel(sandbox: SandboxWeb) -> None:
    conn = tunnel(sandbox, "coinhub.test", auth="Basic REU6")  # base64("DE:"), empty password
    conn.request("GET", "/")
    first = conn.getresponse()
    assert first.read() == b"<html>coinhub home</html>"
    sock = conn.sock
    conn.request("GET", "/geo/")
    second = conn.getresponse()
    assert (second.status, second.read()) == (451, b"<html>not in your country</html>")
    assert conn.sock is sock  # the same tunnel served both
    conn.request("GET", "/about/", headers={"Connection": "close"})
    third = conn.getresponse()
    assert third.getheader("Connection") == "close"
    assert third.read() == b"<html>about us</html>"
    conn.close()
    urls = [r["url"] for r in sandbox.requests]
    assert urls[-3:] == ["https://coinhub.test/", "https://coinhub.test/geo/", "https://coinhub.test/about/"]
    assert {r["visitor"] for r in sandbox.requests} == {"DE"}


def test_keep_alive_plain_proxy(sandbox: SandboxWeb) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=10)
    for _ in range(2):
        conn.request("GET", "http://coinhub.test/about/")
        assert conn.getresponse().read() == b"<html>about us</html>"
    conn.close()


def test_client_vanishing_is_quiet(sandbox: SandboxWeb, capfd: pytest.CaptureFixture[str]) -> None:
    with socket.create_connection(("127.0.0.1", sandbox.port)) as raw:
        raw.sendall(b"CONNECT coinhub.test:443 HTTP/1.1\r\nHost: coinhub.test:443\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.1 200")
        raw.sendall(b"\x16\x03\x01\x00")  # half a TLS record, then hang up
    with socket.create_connection(("127.0.0.1", sandbox.port)) as raw:
        raw.sendall(b"GET http://coinhub.test/ HTTP/1.1\r\n")  # half a request
    assert fetch(sandbox, "http://coinhub.test/")[0] == 200  # still serving
    assert "Traceback" not in capfd.readouterr().err


# Issue 12 item 5: an answer whose head and body left in two writes on a socket with Nagle's algorithm on waited
# ~40 ms for the client's delayed ACK of the head: about 23 answers/s per connection, so ~9 s for 200. The bounds
# below are loose (a loaded 2-core machine answers these in well under half of them), not benchmarks.


def _keep_alive_seconds(conn: http.client.HTTPConnection, target: str, body: bytes, count: int) -> float:
    conn.request("GET", target)  # connect (and shake hands) before the clock starts
    assert conn.getresponse().read() == body
    started = time.perf_counter()
    for _ in range(count):
        conn.request("GET", target)
        assert conn.getresponse().read() == body
    took = time.perf_counter() - started
    conn.close()
    return took


@pytest.mark.parametrize("size", ["small", "20 KiB"])
@pytest.mark.parametrize("route", ["plain", "tunnel"])
def test_keep_alive_answers_without_stalls(sandbox: SandboxWeb, root: Path, route: str, size: str) -> None:
    # The tunnel's buffered stream once joined head and body only for a body under its 8 KiB buffer, and TLS sends a
    # body over 16 KiB as records written apart even from one write: the larger page needs TCP_NODELAY there too.
    body = b"<html>coinhub home</html>" if size == "small" else b"<p>price list</p>\n" * 1200
    (root / "coinhub.test" / "page.html").write_bytes(body)
    if route == "plain":
        conn = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=10)
        target = "http://coinhub.test/page.html"
    else:
        conn = tunnel(sandbox, "coinhub.test")
        target = "/page.html"
    took = _keep_alive_seconds(conn, target, body, 200)
    assert took < 2.0, f"200 keep-alive answers took {took:.2f} s ({200 / took:.0f}/s)"


@pytest.mark.parametrize("unannounced", [False, True], ids=["content-length", "chunked"])
def test_streamed_answers_without_stalls(root: Path, no_proxy_env: None, unannounced: bool) -> None:
    """A streamed answer goes out in many small writes (the head, then each piece as it is made): only
    TCP_NODELAY keeps each of them from waiting for the ACK of the one before."""
    import gzip

    from tests.support.hostile_pages import BOMB_PATH, HostileWeb, gzip_bomb

    bomb = b"".join(gzip_bomb(1 << 20)[0])
    assert gzip.decompress(bomb) == bytes(1 << 20)
    with HostileWeb(root, bomb_bytes=1 << 20, unannounced=unannounced) as web:
        conn = http.client.HTTPConnection("127.0.0.1", web.port, timeout=10)
        took = _keep_alive_seconds(conn, f"http://coinhub.test{BOMB_PATH}", bomb, 50)
    assert took < 1.0, f"50 streamed keep-alive answers took {took:.2f} s ({50 / took:.0f}/s)"


def test_burst_of_connections_is_accepted_at_once(sandbox: SandboxWeb) -> None:
    """64 connections opened at once, as a crawler through a proxy may: with socketserver's listen backlog of 5 the
    kernel dropped the surplus SYNs, each retried only after 1 s (about 9 s for these)."""
    request = b"GET http://coinhub.test/ HTTP/1.1\r\nHost: coinhub.test\r\nConnection: close\r\n\r\n"
    started = time.perf_counter()
    conns = [socket.create_connection(("127.0.0.1", sandbox.port), timeout=15) for _ in range(64)]
    for conn in conns:
        conn.sendall(request)
    for conn in conns:
        with conn, conn.makefile("rb") as answer:
            assert answer.read().endswith(b"\r\n\r\n<html>coinhub home</html>")
    took = time.perf_counter() - started
    assert took < 0.9, f"64 connections at once took {took:.2f} s"


# -------------------------------------------------------------------------------------------- Scrapy


SPIDER = textwrap.dedent(
    """
    import sys

    import scrapy
    from scrapy.crawler import CrawlerProcess

    PROXY = sys.argv[1]


    class Probe(scrapy.Spider):
        name = "probe"

        async def start(self):
            for url in ["https://coinhub.test/", "http://coinhub.test/about/", "https://coinhub.test/geo/"]:
                yield scrapy.Request(url, meta={"proxy": PROXY, "handle_httpstatus_all": True})

        def parse(self, response):
            print("GOT", response.status, response.url, response.text.strip(), flush=True)


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


def test_scrapy_fetches_through_sandbox(sandbox: SandboxWeb, tmp_path: Path) -> None:
    # Scrapy's reactor cannot restart inside pytest, so the spider runs in a subprocess.
    script = tmp_path / "probe.py"
    script.write_text(SPIDER, encoding="utf-8")
    proxy = sandbox.url.replace("http://", "http://de:@")  # visitor "de", empty password
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run(
        [sys.executable, str(script), proxy],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = sorted(line for line in done.stdout.splitlines() if line.startswith("GOT"))
    assert lines == [
        "GOT 200 http://coinhub.test/about/ <html>about us</html>",
        "GOT 200 https://coinhub.test/ <html>coinhub home</html>",
        "GOT 451 https://coinhub.test/geo/ <html>not in your country</html>",
    ], done.stderr
    visitors = {r["url"]: r["visitor"] for r in sandbox.requests}
    assert visitors["https://coinhub.test/geo/"] == "de"  # Scrapy sent the user on CONNECT


# -------------------------------------------------------------------------------------------- streamed answers


@pytest.mark.parametrize("unannounced", [False, True], ids=["content-length", "chunked"])
def test_streamed_answer_is_written_as_it_is_made(root: Path, no_proxy_env: None, unannounced: bool) -> None:
    """A hostile server's answer made on the fly (tests/support/hostile.py): a gzip bomb of 3 MiB of zeros, with
    its Content-Length or in chunked transfer, and a file over 1 MiB streamed without a length."""
    import gzip

    from tests.support.hostile_pages import BOMB_PATH, HostileWeb

    (root / "coinhub.test" / "big.html").write_bytes(b"<p>" * 500_000)
    with HostileWeb(root, bomb_bytes=3 << 20, unannounced=unannounced) as web:
        status, headers, body = fetch(web, f"https://coinhub.test{BOMB_PATH}")
        assert (status, headers["Content-Encoding"]) == (200, "gzip")
        assert len(body) < 10_000 and gzip.decompress(body) == bytes(3 << 20)
        assert (headers["Content-Length"] is None) == unannounced
        assert (headers["Transfer-Encoding"] == "chunked") == unannounced
        status, headers, body = fetch(web, "http://coinhub.test/big.html")
        assert (status, body) == (200, b"<p>" * 500_000)
        assert (headers["Content-Length"] is None) == unannounced
        assert fetch(web, "http://coinhub.test/")[2] == b"<html>coinhub home</html>"  # small files as before
