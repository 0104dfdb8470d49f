"""Geo-proxies given as ``http://COUNTRY@host:port`` (a user name naming the exit country, no password), the form
most geo-proxy services document: they work in plain fetches and in the browser. The sandbox here behaves like such
a service: a request that names no user gets a 407 challenge."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.crawl.browser import chromium_executable
from crawler.sandbox import SandboxWeb
from tests.conftest import read_report, run_scan


@pytest.fixture
def geo_proxy(web_root: Path):
    with SandboxWeb(web_root, require_proxy_user=True) as web:
        yield web


def _slug(url: str) -> str:
    return urlsplit(url).hostname.replace(".", "-")


def _user_proxy(web: SandboxWeb, country: str) -> str:
    proxy = urlsplit(web.url)
    return f"http://{country}@{proxy.hostname}:{proxy.port}"


def _scan_blocked_site(web: SandboxWeb, out: Path, render: str) -> dict:
    url = "https://geo-blocked.com/"
    visitors = [f"--visitor-proxy={cc}={_user_proxy(web, cc)}" for cc in ("DE", "FR", "US")]
    code = run_scan(url, "--visitor", "DE", "--visitor", "FR", *visitors, out=out, proxy=_user_proxy(web, "US"),
                    render=render)
    assert code == 0
    (channel,) = read_report(out, _slug(url))["channels"]
    return channel


def test_a_user_name_only_proxy_works_in_plain_fetches(geo_proxy, tmp_path):
    channel = _scan_blocked_site(geo_proxy, tmp_path, render="never")
    assert channel["status"] == "assessed"
    assert channel["geoblock"] == {"DE": "verified", "FR": "verified"}
    seen = {r["visitor"] for r in geo_proxy.requests if r["status"] != 407}
    assert {"DE", "FR", "US"} <= seen


@pytest.mark.skipif(not chromium_executable(), reason="no Chromium on this machine")
def test_a_user_name_only_proxy_works_in_the_browser(geo_proxy, tmp_path):
    channel = _scan_blocked_site(geo_proxy, tmp_path, render="always")
    assert channel["status"] == "assessed"
    assert channel["geoblock"] == {"DE": "verified", "FR": "verified"}
    answered = [r for r in geo_proxy.requests if r["status"] != 407]
    assert {"DE", "FR"} <= {r["visitor"] for r in answered}


def test_without_a_user_every_fetch_is_challenged_and_the_channel_not_assessed(geo_proxy, tmp_path):
    run_scan("https://geo-blocked.com/", out=tmp_path, proxy=geo_proxy.url, render="never")
    assert geo_proxy.requests and all(r["status"] == 407 for r in geo_proxy.requests)
    (channel,) = read_report(tmp_path, _slug("https://geo-blocked.com/"))["channels"]
    assert channel["status"] != "assessed"
