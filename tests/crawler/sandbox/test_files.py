"""Directory mode (crawler/sandbox/files.py): files under ROOT/<host>/ served by URL path, never outside it."""

from __future__ import annotations

import http.client

import pytest

from crawler.sandbox import SandboxWeb
from tests.crawler.sandbox.proxy_client import fetch


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
