"""The sandbox web: a local forward HTTP(S) proxy answering for made-up hosts from files."""

from __future__ import annotations

import http.client
import os
import ssl
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crawler.sandbox import SandboxConfigError, SandboxWeb, load_rules

RULES = """\
rules:
  - path: /geo/
    when: {visitor: DE}
    status: 451
    headers: {X-Reason: geo}
    file: blocked.html
  - path: /lang
    when: {accept_language: de}
    body: "Hallo"
  - path: /old/*
    redirect: ../new/
  - path: /eu-only
    when: {visitor: [DE, FR]}
    body: "EU visitors only"
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    web = tmp_path / "web"
    site = web / "coinhub.test"
    _write(site / "index.html", "<html>coinhub home</html>")
    _write(site / "about" / "index.html", "<html>about us</html>")
    _write(site / "sitemap.xml", "<?xml version='1.0'?><urlset/>")
    _write(site / "robots.txt", "User-agent: *\n")
    _write(site / "geo" / "index.html", "<html>geo content</html>")
    _write(site / "blocked.html", "<html>not in your country</html>")
    _write(site / "lang", "default language")
    _write(site / "eu-only", "everyone")
    _write(site / "_sandbox.yaml", RULES)
    apps = web / "play.google.com" / "store" / "apps"
    _write(apps / "details?id=com.x", "<!doctype html><title>app</title>")
    _write(web / "other.test" / "secret.txt", "TOP SECRET CONTENT")
    return web


@pytest.fixture
def sandbox(root: Path, monkeypatch: pytest.MonkeyPatch):
    for var in ("no_proxy", "NO_PROXY", "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(var, raising=False)
    with SandboxWeb(root) as web:
        yield web


def _unverified() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(web: SandboxWeb, url: str, visitor: str | None = None, headers=None, method="GET", follow=True):
    """(status, headers, body) of url fetched through the sandbox proxy with urllib."""
    proxy = web.url if visitor is None else web.url.replace("http://", f"http://{visitor}:pw@")
    handlers = [
        urllib.request.ProxyHandler({"http": proxy, "https": proxy}),
        urllib.request.HTTPSHandler(context=_unverified()),
    ]
    if not follow:
        handlers.append(_NoRedirect())
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read()


def _tunnel(web: SandboxWeb, host: str, auth: str | None = None) -> http.client.HTTPSConnection:
    conn = http.client.HTTPSConnection("127.0.0.1", web.port, context=_unverified(), timeout=10)
    conn.set_tunnel(host, 443, headers={"Proxy-Authorization": auth} if auth else None)
    return conn


# -------------------------------------------------------------------------------------------- content


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_fetch_through_proxy(sandbox: SandboxWeb, scheme: str) -> None:
    status, headers, body = fetch(sandbox, f"{scheme}://coinhub.test/")
    assert (status, body) == (200, b"<html>coinhub home</html>")
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Length"] == str(len(body))


def test_index_for_directory_with_and_without_slash(sandbox: SandboxWeb) -> None:
    assert fetch(sandbox, "https://coinhub.test/about/")[2] == b"<html>about us</html>"
    assert fetch(sandbox, "http://coinhub.test/about")[2] == b"<html>about us</html>"


def test_content_types(sandbox: SandboxWeb) -> None:
    assert fetch(sandbox, "http://coinhub.test/sitemap.xml")[1]["Content-Type"] == "application/xml"
    assert fetch(sandbox, "https://coinhub.test/robots.txt")[1]["Content-Type"] == "text/plain; charset=utf-8"


def test_query_string_file(sandbox: SandboxWeb) -> None:
    status, headers, body = fetch(sandbox, "https://play.google.com/store/apps/details?id=com.x")
    assert (status, body) == (200, b"<!doctype html><title>app</title>")
    assert headers["Content-Type"] == "text/html; charset=utf-8"  # sniffed: the name has no extension
    assert fetch(sandbox, "https://play.google.com/store/apps/details?id=com.y")[0] == 404


def test_head_has_length_but_no_body(sandbox: SandboxWeb) -> None:
    status, headers, body = fetch(sandbox, "http://coinhub.test/", method="HEAD")
    assert (status, body) == (200, b"")
    assert headers["Content-Length"] == str(len(b"<html>coinhub home</html>"))


def test_missing_file_is_404(sandbox: SandboxWeb) -> None:
    status, headers, body = fetch(sandbox, "https://coinhub.test/nope.html")
    assert status == 404
    assert b"404" in body and headers["Content-Type"].startswith("text/html")


def test_unknown_host_http_is_502(sandbox: SandboxWeb) -> None:
    assert fetch(sandbox, "http://nowhere.test/")[0] == 502


def test_unknown_host_connect_fails(sandbox: SandboxWeb) -> None:
    conn = _tunnel(sandbox, "nowhere.test")
    with pytest.raises(OSError, match="502"):
        conn.request("GET", "/")
    conn.close()
    with pytest.raises(urllib.error.URLError):
        fetch(sandbox, "https://nowhere.test/")


@pytest.mark.parametrize(
    "target",
    [
        "http://coinhub.test/../other.test/secret.txt",
        "http://coinhub.test/%2e%2e/other.test/secret.txt",
        "http://coinhub.test/about/..%2F..%2Fother.test/secret.txt",
    ],
)
def test_traversal_refused(sandbox: SandboxWeb, target: str) -> None:
    # urllib would normalise '..' away, so send the raw request line.
    conn = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=10)
    conn.request("GET", target)
    response = conn.getresponse()
    assert response.status == 404
    assert b"TOP SECRET" not in response.read()
    conn.close()


def test_rules_file_not_served(sandbox: SandboxWeb) -> None:
    status, _, body = fetch(sandbox, "http://coinhub.test/_sandbox.yaml")
    assert status == 404 and b"rules" not in body


def test_direct_origin_form_request(sandbox: SandboxWeb) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=10)
    conn.request("GET", "/about/", headers={"Host": "coinhub.test:8080"})
    response = conn.getresponse()
    assert (response.status, response.read()) == (200, b"<html>about us</html>")
    conn.close()
    assert sandbox.requests[-1]["url"] == "http://coinhub.test:8080/about/"


# -------------------------------------------------------------------------------------------- rules


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_geo_rule_by_visitor(sandbox: SandboxWeb, scheme: str) -> None:
    status, headers, body = fetch(sandbox, f"{scheme}://coinhub.test/geo/", visitor="DE")
    assert (status, body) == (451, b"<html>not in your country</html>")
    assert headers["X-Reason"] == "geo"
    assert fetch(sandbox, f"{scheme}://coinhub.test/geo/", visitor="de")[0] == 451  # case-insensitive
    status, headers, body = fetch(sandbox, f"{scheme}://coinhub.test/geo/", visitor="US")
    assert (status, body) == (200, b"<html>geo content</html>")
    assert "X-Reason" not in headers
    assert fetch(sandbox, f"{scheme}://coinhub.test/geo/")[0] == 200  # no proxy user at all


def test_visitor_list(sandbox: SandboxWeb) -> None:
    assert fetch(sandbox, "https://coinhub.test/eu-only", visitor="FR")[2] == b"EU visitors only"
    assert fetch(sandbox, "https://coinhub.test/eu-only", visitor="CH")[2] == b"everyone"


def test_accept_language_rule(sandbox: SandboxWeb) -> None:
    url = "https://coinhub.test/lang"
    german = fetch(sandbox, url, headers={"Accept-Language": "de-AT,de;q=0.9,en;q=0.5"})
    assert german[:1] == (200,) and german[2] == b"Hallo"
    assert german[1]["Content-Type"] == "text/html; charset=utf-8"
    english = fetch(sandbox, url, headers={"Accept-Language": "en-GB,de;q=0.9"})
    assert english[2] == b"default language"
    # "de" is a language range: it must not match a language that merely starts with the letters.
    assert fetch(sandbox, url, headers={"Accept-Language": "dev"})[2] == b"default language"


def test_redirect_rule(sandbox: SandboxWeb) -> None:
    status, headers, _ = fetch(sandbox, "https://coinhub.test/old/page.html", follow=False)
    assert status == 302
    assert headers["Location"] == "https://coinhub.test/new/"
    assert fetch(sandbox, "http://coinhub.test/old")[0] == 404  # '/old/*' is a prefix of /old/... only


def test_rules_reread_after_edit(sandbox: SandboxWeb, root: Path) -> None:
    rules = root / "coinhub.test" / "_sandbox.yaml"
    rules.write_text("rules:\n  - path: /about/\n    status: 410\n", encoding="utf-8")
    os.utime(rules, ns=(1, 1))  # mtime granularity must not hide the edit
    assert fetch(sandbox, "http://coinhub.test/about/")[0] == 410


def test_unknown_rule_key(root: Path, sandbox: SandboxWeb) -> None:
    rules = root / "coinhub.test" / "_sandbox.yaml"
    rules.write_text("rules:\n  - path: /\n    stauts: 451\n", encoding="utf-8")
    with pytest.raises(SandboxConfigError, match=r"_sandbox\.yaml.*'stauts'"):
        load_rules(rules)
    # While running, a bad edit answers 500 with the message (the server thread cannot raise into a test).
    status, headers, body = fetch(sandbox, "http://coinhub.test/")
    assert status == 500
    assert b"stauts" in body and b"_sandbox.yaml" in body
    # At start-up it raises.
    with pytest.raises(SandboxConfigError, match="stauts"):
        SandboxWeb(root).start()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  - path: /\n    status: teapot\n", "status"),
        ("rules:\n  - path: /\n    when: {country: DE}\n", "when.country"),
        ("rules:\n  - path: nope\n", "path"),
        ("rules:\n  - path: /\n    headers: [a, b]\n", "headers"),
        ("rules:\n  - path: /\n    file: ../../etc/passwd\n", "file"),
        ("rule: []\n", "'rule'"),
    ],
)
def test_bad_rule_types(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "_sandbox.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SandboxConfigError, match=message) as info:
        load_rules(path)
    assert str(path) in str(info.value)


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
    conn = _tunnel(sandbox, "coinhub.test", auth="Basic REU6")  # base64("DE:"), empty password
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
    import socket

    with socket.create_connection(("127.0.0.1", sandbox.port)) as raw:
        raw.sendall(b"CONNECT coinhub.test:443 HTTP/1.1\r\nHost: coinhub.test:443\r\n\r\n")
        assert raw.recv(100).startswith(b"HTTP/1.1 200")
        raw.sendall(b"\x16\x03\x01\x00")  # half a TLS record, then hang up
    with socket.create_connection(("127.0.0.1", sandbox.port)) as raw:
        raw.sendall(b"GET http://coinhub.test/ HTTP/1.1\r\n")  # half a request
    assert fetch(sandbox, "http://coinhub.test/")[0] == 200  # still serving
    assert "Traceback" not in capfd.readouterr().err


def test_lifecycle(root: Path) -> None:
    web = SandboxWeb(root)
    with pytest.raises(RuntimeError):
        web.url  # noqa: B018 - the property raises before start()
    assert web.start() is web
    assert web.url == f"http://127.0.0.1:{web.port}" and web.port > 0
    web.stop()
    web.stop()  # idempotent


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
