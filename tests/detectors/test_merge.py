"""One finding per repeated fact: a channel's document-scope findings merged by (indicator, normalised value), as
pages arrive, with the pages they were seen on (count, a bounded sample, first and last seen)."""

from __future__ import annotations

import random

import pytest

from detectors.analyze import analyze_documents
from detectors.channels.stream import FirmJudgement
from detectors.context import Context
from detectors.document import build_document
from detectors.evidence import Capture, ChannelEvidence, FirmEvidence
from detectors.model import MERGE_SAMPLE, ChannelKind, merged_id

CHANNEL = "website:phone-exchange.example"
SITE = "https://www.phone-exchange.example"
PAGE = """<!doctype html><html lang="en"><head><title>Page {n}</title></head><body><h1>Market report {n}</h1>
<p>Report {n}.</p><footer><p>Call us: {phone}</p></footer></body></html>"""


def page(n: int, phone: str = "+49 30 22 33 44 55", channel: str = CHANNEL, visitor: str = "",
         rendered: bool = False) -> Capture:
    hour, minute = divmod(n, 60)
    return Capture(channel=channel, requested_url=f"{SITE}/p/{n:05d}", url=f"{SITE}/p/{n:05d}",
                   fetched_at=f"2026-01-01T{hour % 24:02d}:{minute:02d}:{n % 60:02d}Z", status=200,
                   body=PAGE.format(n=n, phone=phone).encode(), content_type="text/html; charset=utf-8",
                   visitor=visitor, rendered=rendered, record_id=f"<urn:uuid:{n:08d}>")


def document(capture: Capture):
    return build_document(channel=capture.channel, requested_url=capture.requested_url, url=capture.url,
                          status=capture.status, fetched_at=capture.fetched_at, content_type=capture.content_type,
                          body=capture.body, visitor=capture.visitor, rendered=capture.rendered,
                          record_id=capture.record_id)


def judged(captures, channels=((CHANNEL, ChannelKind.WEBSITE),)):
    header = FirmEvidence(channels=tuple(ChannelEvidence(c, kind, SITE + "/") for c, kind in channels),
                          same_type_window_days=30, websites=(SITE + "/",))
    judge = FirmJudgement(header)
    for capture in captures:
        judge.add(capture)
    return judge.finish()


def phones(result):
    return [f for f in result.findings if f.indicator == "PHONE"]


def test_a_footer_phone_on_2000_pages_is_one_finding_with_its_pages():
    captures = [page(n) for n in range(2000)]
    random.Random(7).shuffle(captures)
    [result] = judged(captures)
    [phone] = phones(result)
    assert phone.evidence.value == "+493022334455" and phone.member_states == ("DE",)
    assert phone.pages == 2000 and result.pages_fetched == 2000
    assert [s.url for s in phone.seen_on] == [f"{SITE}/p/{n:05d}" for n in range(MERGE_SAMPLE)]
    assert phone.seen_on[3].record_id == "<urn:uuid:00000003>"
    assert (phone.url, phone.record_id) == (f"{SITE}/p/00000", "<urn:uuid:00000000>")  # the first sighting's
    assert (phone.first_seen, phone.last_seen) == ("2026-01-01T00:00:00Z", "2026-01-01T23:59:59Z")
    assert phone.id == merged_id("PHONE", CHANNEL, "+493022334455")
    assert len(result.findings) == len(judged(captures[:3])[0].findings)  # no fact of the site repeats


def test_pages_count_urls_once_whoever_fetched_them_raw_or_rendered():
    captures = [page(n, visitor=v, rendered=r) for n in range(5) for v in ("US", "DE") for r in (False, True)]
    [result] = judged(captures)
    [phone] = phones(result)
    assert phone.pages == 5 and len(phone.seen_on) == 5 and phone.visitors == ("DE", "US")
    first = phone.seen_on[0]
    assert (first.url, first.record_id) == (f"{SITE}/p/00000", "<urn:uuid:00000000>")


def test_different_values_stay_separate_findings():
    captures = [page(n) for n in range(6)] + [page(n, phone="+33 1 23 45 67 89") for n in range(6, 9)]
    [result] = judged(captures)
    by_value = {f.evidence.value: f.pages for f in phones(result)}
    assert by_value == {"+493022334455": 6, "+33123456789": 3}


def test_the_same_value_in_two_channels_stays_two_findings():
    other = "website:phone-exchange-two.example"
    captures = [page(n) for n in range(3)] + [page(n, channel=other) for n in range(4)]
    first, second = judged(captures, ((CHANNEL, ChannelKind.WEBSITE), (other, ChannelKind.WEBSITE)))
    [a], [b] = phones(first), phones(second)
    assert (a.pages, b.pages) == (3, 4) and a.id != b.id


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_arrival_order_changes_nothing(seed):
    captures = [page(n, visitor=v) for n in range(40) for v in ("US", "DE")]
    captures += [page(n, phone="+33 1 23 45 67 89") for n in range(40, 45)]
    shuffled = list(captures)
    random.Random(seed).shuffle(shuffled)
    expected = [f.to_dict() for f in judged(captures)[0].findings]
    assert [f.to_dict() for f in judged(shuffled)[0].findings] == expected


def test_the_strongest_sighting_stands_for_the_fact():
    """A value seen weakly on one page and strongly on another keeps its strong form, whichever page comes first
    in URL order (a channel's score per indicator is what it was with one finding per page)."""
    weak = build_document(channel=CHANNEL, requested_url=SITE + "/a", url=SITE + "/a", status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                          body=b"<html lang='en'><body><p>Start now.</p></body></html>")
    strong = build_document(channel=CHANNEL, requested_url=SITE + "/de/b", url=SITE + "/de/b", status=200,
                            fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                            body=b"<html lang='de'><body><p>Jetzt registrieren und handeln. Start now.</p>"
                                 b"</body></html>")
    alone = {(f.indicator, f.evidence.value.lower()): f for f in analyze_documents([weak], Context())}
    merged = {(f.indicator, f.evidence.value.lower()): f for f in analyze_documents([weak, strong], Context())}
    for key, finding in alone.items():
        assert merged[key].confidence >= finding.confidence
        assert merged[key].pages >= 1 and merged[key].seen_on[0].url == SITE + "/a"


def test_a_format_1_finding_keeps_its_per_page_id_and_a_merged_one_round_trips():
    [result] = judged([page(n) for n in range(3)])
    [phone] = phones(result)
    again = type(phone).from_dict(phone.to_dict())
    assert again == phone and again.id == phone.id
    old = {k: v for k, v in phone.to_dict().items() if k not in ("pages", "seen_on", "first_seen", "last_seen")}
    assert type(phone).from_dict(old).id != phone.id  # format 1: the page is part of the id


def test_a_merged_copy_is_the_finding_dataclasses_replace_gives():
    from dataclasses import replace

    from detectors.model import Sighting

    finding = analyze_documents([document(page(1))], Context())[0]
    changes = {"pages": 3, "visitors": ("de",), "seen_on": (Sighting("https://x.example/", "<urn:uuid:1>", "t"),),
               "first_seen": "a", "last_seen": "b"}
    plain = replace(finding, seen_on=(), pages=1)
    assert plain.id != finding.id  # per page: the URL is part of its fingerprint, merged not
    copy = plain.with_fields(**changes)
    assert copy == replace(plain, **changes) and copy.id == replace(plain, **changes).id == finding.id
    with pytest.raises(TypeError, match="no field 'page'"):
        finding.with_fields(page=2)
