"""Provenance pieces (crawler/captures/provenance.py, crawler/crawl/vantage.py): each visitor's vantage point, a
page's navigation path from its capture records, the egress address of a direct route. The whole block in a
scan's report, its archive and `analyze` is tested in tests/crawler/runs/test_evidence.py."""

from __future__ import annotations

import pytest

from crawler.captures import provenance
from crawler.captures.provenance import (
    EGRESS_DIRECT,
    EGRESS_VIA_PROXY,
    EXIT_DIRECT,
    EXIT_SHARED,
    OLD_ARCHIVE,
    Navigation,
    provenance_block,
    scan_provenance,
    vantage_of,
)
from crawler.crawl import vantage

DE = {"country": "DE", "proxy": ""}


def test_a_visitors_own_proxy_is_named_without_its_password_and_gives_its_country():
    seen = vantage_of({"country": "DE", "proxy": "http://DE:secret@geo.example:8080"}, proxy="http://127.0.0.1:1")
    assert seen["route"] == "proxy http://DE:***@geo.example:8080 (this visitor's own)"
    assert seen["exit_country"].startswith("DE: as configured") and "does not verify" in seen["exit_country"]
    assert seen["egress_ip"] == EGRESS_VIA_PROXY


@pytest.mark.parametrize(("proxy", "environ", "route", "exit_country"), [
    ("http://u:pw@shared:3128", {}, "proxy http://u:***@shared:3128 (--proxy)", EXIT_SHARED),
    ("", {"HTTPS_PROXY": "http://env:3128"}, "proxy http://env:3128 (environment variable)", EXIT_SHARED),
    ("", {}, "direct", EXIT_DIRECT),
])
def test_a_shared_proxy_or_none_says_what_it_cannot_know(proxy, environ, route, exit_country):
    (seen,) = scan_provenance([DE], proxy, environ)["vantage"]
    assert (seen["route"], seen["exit_country"]) == (route, exit_country)
    assert seen["egress_ip"] == (EGRESS_DIRECT if route == "direct" else EGRESS_VIA_PROXY)


def _capture(url: str, referrer: str = "", requested: str = "", visitor: str = "DE") -> dict:
    return {"channel": "website:x.com", "visitor": visitor, "url": url, "requested_url": requested or url,
            "referrer": referrer, "started_at": "2026-12-03T10:00:00.000Z", "fetched_at": "2026-12-03T10:00:00.100Z",
            "server_ip": "10.0.0.1", "client": "Scrapy 2.19.0", "record_id": f"<urn:uuid:{url}>"}


def test_the_navigation_path_follows_referrers_back_to_the_start_url():
    nav = Navigation()
    for capture in (_capture("https://x.com/"), _capture("https://x.com/de/", "https://x.com/"),
                    _capture("https://x.com/de/bonus", "https://x.com/de/"),
                    # redirected: found by the URL asked for as well as the one answered
                    _capture("https://x.com/de/join/", "https://x.com/de/bonus", requested="https://x.com/join")):
        nav.add(capture)
    assert nav.path("website:x.com", "DE", "https://x.com/join") == [
        "https://x.com/", "https://x.com/de/", "https://x.com/de/bonus", "https://x.com/join"]
    assert nav.path("website:x.com", "US", "https://x.com/de/") == []  # another visitor's captures are not its own
    page = nav.page("website:x.com", "DE", "https://x.com/de/bonus")
    assert page["started_at"] < page["finished_at"] and page["client"] == "Scrapy 2.19.0"


def test_a_page_captured_twice_as_a_visitor_gets_the_same_path_whichever_answer_came_first():
    # The DE visitor's start URL redirects to /de/, which the start page's link also led to: the two answers race
    linked = _capture("https://x.com/de/", "https://x.com/")
    landed = {**_capture("https://x.com/de/", requested="https://x.com/"), "record_id": "<urn:uuid:landed>"}
    paths = []
    for order in ((_capture("https://x.com/", visitor="US"), linked, landed),
                  (landed, _capture("https://x.com/", visitor="US"), linked)):
        nav = Navigation()
        for capture in order:
            nav.add(capture)
        paths.append((nav.path("website:x.com", "DE", "https://x.com/de/"),
                      nav.page("website:x.com", "DE", "https://x.com/")["record_id"]))
    assert paths[0] == paths[1] == (["https://x.com/", "https://x.com/de/"], "<urn:uuid:landed>")
    # Near miss: the rendered copy of a page, same referrer, keeps the plain fetch that came first
    nav = Navigation()
    nav.add(linked)
    nav.add({**linked, "client": "Chromium 131", "record_id": "<urn:uuid:rendered>"})
    assert nav.page("website:x.com", "DE", "https://x.com/de/")["client"] == "Scrapy 2.19.0"


def test_a_finding_read_on_a_page_that_links_to_it_is_found_by_its_record():
    nav = Navigation()
    nav.add({**_capture("https://t.me/s/firm"), "channel": "social:telegram:firm", "visitor": "US"})
    page = nav.page("social:telegram:firm", "", "https://t.me/firm/1038", "<urn:uuid:https://t.me/s/firm>")
    assert page["path"] == ["https://t.me/s/firm", "https://t.me/firm/1038"] and page["visitor"] == "US"
    assert page["record_id"] == "<urn:uuid:https://t.me/s/firm>" and page["started_at"].startswith("2026-")
    # Near miss: no record and no capture of that URL: every field says so
    missing = nav.page("social:telegram:firm", "", "https://t.me/firm/1", "<urn:uuid:other>")
    assert missing["path"] == [] and missing["started_at"] == provenance.NOT_CAPTURED


def test_a_referrer_loop_ends_the_path_instead_of_running_on():
    nav = Navigation()
    nav.add(_capture("https://x.com/a", "https://x.com/b"))
    nav.add(_capture("https://x.com/b", "https://x.com/a"))
    assert nav.path("website:x.com", "DE", "https://x.com/a") == ["https://x.com/b", "https://x.com/a"]


def test_an_archive_without_provenance_records_says_so_in_every_field():
    nav = Navigation()
    nav.add({**_capture("https://x.com/"), "referrer": "", "started_at": "", "server_ip": "", "client": ""})
    block = provenance_block({}, nav, [("website:x.com", "DE", "https://x.com/", "")])
    assert block["vantage"][0]["route"] == OLD_ARCHIVE and block["browser_profile"] == OLD_ARCHIVE
    (page,) = block["pages"]
    assert page["path"] == [] and page["started_at"] == page["client"] == OLD_ARCHIVE


def test_what_a_scan_learnt_after_connecting_replaces_the_unknown_egress():
    recorded = {**scan_provenance([DE], "", {}), "egress": {"DE": "198.51.100.7: learnt"}}
    assert provenance_block(recorded, Navigation(), [])["vantage"][0]["egress_ip"] == "198.51.100.7: learnt"
    assert provenance.system_versions()["libraries"]["scrapy"]


class _Probe:
    """socket.socket as direct_egress uses it, answering with a chosen source address."""

    source = "192.0.2.1"

    def __init__(self, *_args):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *_exc):
        return False

    def connect(self, _address):
        pass

    def getsockname(self):
        return (self.source, 40000)


@pytest.mark.parametrize(("source", "target", "expected"), [
    ("81.2.69.160", "93.184.215.14", "81.2.69.160: this machine's own public address"),  # no NAT: known
    ("192.168.1.20", "93.184.215.14", "not known: this machine's address on the route to 93.184.215.14 is "
                                     "192.168.1.20, a private one"),  # behind NAT: not known, and why
    ("10.0.0.5", "10.0.0.9", "10.0.0.5: the target 10.0.0.9 is on this machine's own network"),
])
def test_a_direct_routes_egress_is_known_only_when_no_nat_can_hide_it(monkeypatch, source, target, expected):
    monkeypatch.setattr(_Probe, "source", source)
    monkeypatch.setattr(vantage.socket, "socket", _Probe)
    assert vantage.direct_egress(target).startswith(expected)


def test_a_direct_route_to_loopback_is_learnt_for_real_and_no_address_gives_the_reason():
    assert vantage.direct_egress("127.0.0.1").startswith("127.0.0.1: the target 127.0.0.1 is on this machine")
    assert vantage.direct_egress("") == EGRESS_DIRECT
