"""The streaming judgement: captures in any order give the same channel results as the whole evidence at once,
and nothing of a page (its body, its document) is held once it has been added."""

from __future__ import annotations

import dataclasses
import gc
import random
import tracemalloc
import weakref
from dataclasses import replace
from pathlib import Path

import pytest

from crawler.captures.evidence import capture_of, firm_header
from crawler.captures.record import ScanRecord
from crawler.captures.warc import read_archive
from detectors import bonus, calls_to_action, page_locale, promotion_rules
from detectors.channels import judge_firm
from detectors.channels.pages import document_of, documents
from detectors.channels.stream import FirmJudgement
from detectors.evidence import Capture, ChannelEvidence, FirmEvidence
from detectors.model import ChannelKind

PINNED = Path(__file__).parents[2] / "e2e" / "fixtures" / "archives" / "e310baa"
CHANNEL = "website:coinhub.example"
SITE = "https://coinhub.example"
ENGLISH = """<!doctype html><html lang="en"><head><title>CoinHub {n}</title></head><body><!-- {pad} -->
<p>Welcome to CoinHub. Get a sign-up bonus when you open an account.</p><p>Bitcoin: $61,240.50</p></body></html>"""
GERMAN = """<!doctype html><html lang="de-DE"><head><title>CoinHub {n}</title></head><body><!-- {pad} -->
<p>Willkommensbonus: 50 € für neue Kunden.</p><p>Bitcoin: 56.240,50 €</p></body></html>"""
BLOCKED = """<!doctype html><html lang="en"><head><title>CoinHub</title></head><body>
<p>This service is not available in your country.</p></body></html>"""


def report_of(results) -> list[dict]:
    return [dataclasses.asdict(r) | {"findings": [f.to_dict() for f in r.findings]} for r in results]


def shuffled(firm: FirmEvidence, seed: int) -> FirmEvidence:
    """The same captures in another order, unparsed, channel by channel and across channels."""
    rng = random.Random(seed)
    channels = []
    for channel in firm.channels:
        captures = list(channel.captures)
        rng.shuffle(captures)
        channels.append(dataclasses.replace(channel, captures=tuple(captures), documents=None))
    return dataclasses.replace(firm, channels=tuple(channels))


def interleaved(firm: FirmEvidence, seed: int) -> list:
    """Every channel's results from the streaming judge fed all captures of all channels mixed together."""
    judge = FirmJudgement(dataclasses.replace(firm, channels=tuple(
        dataclasses.replace(c, captures=()) for c in firm.channels)))
    captures = [c for channel in firm.channels for c in channel.captures]
    random.Random(seed).shuffle(captures)
    for capture in captures:
        judge.add(capture)
    return judge.finish(torn=firm.channels[0].torn)


@pytest.fixture(scope="module", params=sorted(p.name.split(".")[0] for p in PINNED.glob("*.warc.gz")))
def demo_firm(request) -> FirmEvidence:
    return _firm_from_archive(PINNED / f"{request.param}.warc.gz")


def _firm_from_archive(path) -> FirmEvidence:
    """The whole firm's evidence at once, every capture in its channel (what judge_firm takes)."""
    archive = read_archive(path)
    record = None
    for info in archive.info:
        if record is None:
            record = ScanRecord.planned(info) if "plans" in info else None
        else:
            record.take(info)
    supplied = {r["channel"]: r for r in archive.captures if r.get("supplied")}
    header = firm_header(record, supplied)
    captures: dict[str, list] = {}
    for r in archive.captures:
        if not r.get("supplied"):
            captures.setdefault(r["channel"], []).append(capture_of(r))
    return replace(header, channels=tuple(replace(c, captures=tuple(captures.get(c.id, ())), torn=archive.torn)
                                          for c in header.channels))


@pytest.mark.parametrize("seed", [1, 2])
def test_the_demo_firms_judge_the_same_in_any_capture_order(demo_firm, seed):
    expected = report_of(judge_firm(demo_firm))
    assert any(r["findings"] for r in expected) or demo_firm.channels[0].id.startswith("website:meridian")
    assert report_of(judge_firm(shuffled(demo_firm, seed))) == expected
    assert report_of(interleaved(demo_firm, seed)) == expected


def test_documents_parsed_by_the_application_judge_as_those_built_here(demo_firm):
    parsed = dataclasses.replace(demo_firm, channels=tuple(
        dataclasses.replace(c, documents=tuple(documents(c))) if c.kind == ChannelKind.WEBSITE else c
        for c in demo_firm.channels))
    assert report_of(judge_firm(parsed)) == report_of(judge_firm(demo_firm))


def site_captures(pages: int, pad: int = 0) -> list[Capture]:
    """A site seen by the US baseline and by DE: German pages for DE, and a block page for DE at /blocked-*."""
    out = []
    for n in range(pages):
        for visitor in ("US", "DE"):
            path = f"/blocked-{n}" if n % 10 == 9 else f"/p/{n}"
            body = (BLOCKED if visitor == "DE" and path.startswith("/blocked") else
                    (GERMAN if visitor == "DE" else ENGLISH).format(n=n, pad="x" * pad))
            out.append(Capture(channel=CHANNEL, requested_url=SITE + path, url=SITE + path,
                               fetched_at=f"2026-01-01T00:00:{n % 60:02d}Z", status=200, body=body.encode(),
                               content_type="text/html; charset=utf-8", visitor=visitor, record_id=f"<r{n}{visitor}>"))
    return out


def site_header() -> FirmEvidence:
    return FirmEvidence(channels=(ChannelEvidence(CHANNEL, ChannelKind.WEBSITE, SITE + "/"),), same_type_window_days=30,
                        websites=(SITE + "/",), baseline="US", eu_visitors=("DE",))


@pytest.mark.parametrize("seed", [3, 4])
def test_visitor_comparison_is_the_same_in_any_order(seed):
    captures = site_captures(20)
    firm = dataclasses.replace(site_header(), channels=(dataclasses.replace(site_header().channels[0],
                                                                            captures=tuple(captures)),))
    [expected] = judge_firm(firm)
    geo = {f.indicator for f in expected.findings if not f.seen_on}
    assert geo == {"GEO_TARGETED", "GEOBLOCK"} and expected.geoblock == {"DE": "not-credited"}
    assert report_of(judge_firm(shuffled(firm, seed))) == report_of([expected])


def test_the_judge_keeps_neither_bodies_nor_documents():
    """Once added, a capture (its body) is gone, and so is its document, but for the detectors' own caches of pages
    read lately (page_locale.READ, calls_to_action.TERRITORIES, bonus.KEPT, promotion_rules.KEPT entries), however
    many pages come."""
    judge = FirmJudgement(site_header())
    captures, documents = [], []
    for capture in site_captures(80):
        document = document_of(capture)
        captures.append(weakref.ref(capture))
        documents.append(weakref.ref(document))
        judge.add(capture, document)
        del capture, document
    gc.collect()
    assert not [ref for ref in captures if ref() is not None]
    kept = page_locale.READ + calls_to_action.TERRITORIES + bonus.KEPT + promotion_rules.KEPT
    assert len([ref for ref in documents if ref() is not None]) <= kept
    page_locale._READ.clear()  # the detectors' caches let go: nothing else holds a document
    calls_to_action._TERRITORIES.clear()
    bonus._KEPT.clear()
    promotion_rules._KEPT.clear()
    gc.collect()
    assert not [ref for ref in documents if ref() is not None]
    [result] = judge.finish()
    assert result.pages_fetched == 80


def test_memory_held_per_page_is_a_small_summary_not_the_page():
    """Pages of 20 KB each: what judging holds grows by a small fraction of that per page added. Measured between
    the 100th and the 200th page (100 URLs, two visitors each) of a traced run, so that the detectors' bounded
    caches of recent pages are full of traced objects at both points (an untraced entry replaced by a traced one
    would look like growth)."""
    captures = site_captures(100, pad=20_000)
    judge = FirmJudgement(site_header())
    judge.add(captures[0])  # the tables every judgement loads once
    tracemalloc.start()
    try:
        for capture in captures[1:100]:
            judge.add(capture)
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        for capture in captures[100:]:
            judge.add(capture)
        gc.collect()
        per_page = (tracemalloc.get_traced_memory()[0] - before) / len(captures[100:])
    finally:
        tracemalloc.stop()
    assert judge.finish()[0].pages_fetched == 100
    assert per_page < 1_500, per_page


def test_linked_accounts_come_from_the_website_pages_added_so_far():
    badges = ('<a href="https://apps.apple.com/de/app/coinhub/id1587000042">App Store</a>'
              '<a href="https://www.youtube.com/@coinhub_fr">YouTube</a><a href="https://example.org/x">x</a>')
    affiliate = "affiliate:coin-compare.example"
    header = FirmEvidence(channels=(ChannelEvidence(CHANNEL, ChannelKind.WEBSITE, SITE + "/"),
                                    ChannelEvidence(affiliate, ChannelKind.AFFILIATE, "https://coin-compare.example/")),
                          same_type_window_days=30)
    judge = FirmJudgement(header)
    assert judge.linked_accounts() == []
    body = f"<html><body><p>CoinHub</p>{badges}</body></html>".encode()
    judge.add(Capture(channel=affiliate, requested_url="https://coin-compare.example/", url="https://coin-compare.example/",
                      fetched_at="2026-01-01T00:00:00Z", status=200, body=body, content_type="text/html"))
    assert judge.linked_accounts() == []  # an affiliate's links are not the firm's own
    judge.add(dataclasses.replace(site_captures(1)[0], body=body))
    assert judge.linked_accounts() == [(ChannelKind.APP, "apple", "1587000042"),
                                       (ChannelKind.SOCIAL, "youtube", "@coinhub_fr")]
    with pytest.raises(ValueError):
        judge.add(dataclasses.replace(site_captures(1)[0], channel="website:unknown.example"))
