"""Reports speak in sentences: no Python exception class name and no bytes repr (`b'...'`) in any report text,
over the ways a scan meets trouble: redirects to private addresses refused, a host that does not answer, a dead
link, a crawl stopped by a failing proxy."""

from __future__ import annotations

import json
import re
import socket

import pytest

from crawler.sandbox import SandboxWeb
from tests.conftest import run_scan
from tests.support.hostile import SITE, write_inward_site
from tests.support.sites import write_host

# TunnelError, DNSLookupError, ResponseNeverReceived, RenderRefused, BadGzipFile...: two capitals and a telling end
CLASS_NAME = re.compile(r"\b[A-Z][a-z]+(?:[A-Z][a-z]*)+(?:Error|Exception|Refused|Received|Failed|File)\b")
BYTES_REPR = re.compile(r"""\bb['"]""")


@pytest.fixture
def troubled_web(tmp_path):
    root = tmp_path / "web"
    with socket.socket() as trap:
        trap.bind(("127.0.0.1", 0))
        write_inward_site(root, trap.getsockname()[1])
    write_host(root, "dead-links.com", {"/": '<html lang="en"><body><p>Trade bitcoin.</p>'
                                             '<a href="/gone.html">gone</a></body></html>'})
    with SandboxWeb(root) as web:
        yield web


def _texts(out) -> list[tuple[str, str]]:
    return [(str(p), p.read_text(encoding="utf-8")) for p in sorted(out.rglob("*"))
            if p.suffix in (".json", ".md", ".csv", ".html") and p.is_file()]


@pytest.mark.parametrize("url", [f"https://{SITE}/", "https://dead-links.com/", "https://nowhere-at-all.com/"])
def test_no_class_names_or_bytes_reprs_in_any_report(troubled_web, tmp_path, url):
    out = tmp_path / "out"
    run_scan(url, out=out, proxy=troubled_web.url, render="never")
    texts = _texts(out)
    assert any(name.endswith("report.json") for name, _ in texts)
    errors = [e["error"] for name, text in texts if name.endswith("report.json") for e in json.loads(text)["errors"]]
    assert errors, "each of these scans meets at least one failure to report"
    for name, text in texts:
        assert not CLASS_NAME.search(text), (name, CLASS_NAME.search(text)[0])
        assert not BYTES_REPR.search(text), (name, text[max(0, BYTES_REPR.search(text).start() - 80):][:200])
