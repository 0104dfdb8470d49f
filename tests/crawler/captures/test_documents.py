"""The crawl's parsed pages handed to the judge (crawler/captures/documents.py): a page is judged as the crawl parsed
it only when that parse is the capture's own, and then it is exactly the Document the judge would have built."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from crawler.captures.documents import FRAMES_KEPT, DocumentFeed, beside, write_document
from detectors.channels.pages import document_of
from detectors.document import build_document
from detectors.evidence import Capture

ROOT = Path(__file__).resolve().parents[3]
PAGES = sorted((ROOT / "tests" / "pages").rglob("*.html"))[:40]


def _capture(n: int, body: bytes, **changes) -> Capture:
    fields = dict(channel="website:firm.example", requested_url=f"https://firm.example/{n}",
                  url=f"https://firm.example/p/{n}", fetched_at=f"2026-12-03T10:00:{n % 60:02d}.000Z", status=200,
                  body=body, content_type="text/html; charset=utf-8", visitor="DE", rendered=False,
                  record_id=f"<urn:uuid:{n}>")
    return Capture(**{**fields, **changes})


def _crawl_parse(capture: Capture):
    """What the website spider parses (no record id yet: the record is written after)."""
    return build_document(channel=capture.channel, requested_url=capture.requested_url, url=capture.url,
                          status=capture.status, fetched_at=capture.fetched_at, content_type=capture.content_type,
                          body=capture.body, visitor=capture.visitor, rendered=capture.rendered)


def test_a_page_comes_back_as_the_document_the_judge_would_build(tmp_path):
    archive = tmp_path / "capture.warc.gz"
    captures = [_capture(n, path.read_bytes()) for n, path in enumerate(PAGES)]
    captures.append(_capture(99, "Un texte \ud800 cassé, \u00e9\u00e8 ελληνικά".encode("utf-8", "surrogatepass")))
    with beside(archive).open("ab") as out:
        for capture in captures:
            write_document(out, _crawl_parse(capture))
    feed = DocumentFeed(archive)
    for capture in captures:
        assert feed.document(capture) == document_of(capture)
    feed.close()


def test_a_parse_that_is_not_the_captures_own_is_not_taken(tmp_path):
    archive = tmp_path / "capture.warc.gz"
    body = PAGES[0].read_bytes()
    capture = _capture(1, body)
    with beside(archive).open("ab") as out:
        write_document(out, replace(_crawl_parse(capture), content_type="text/html; charset=windows-1252"))
        write_document(out, _crawl_parse(_capture(2, body)))
    feed = DocumentFeed(archive)
    assert feed.document(capture) is None  # same page, other content type: parsed again by the judge
    assert feed.document(_capture(2, body + b" ")) is None  # another body
    assert feed.document(_capture(2, body, status=404)) is None  # another status (the key, url and body, agree)
    assert DocumentFeed(tmp_path / "other.warc.gz").document(capture) is None  # an archive without its crawl


def test_a_frame_still_being_written_is_waited_for_and_frames_read_past_are_kept(tmp_path):
    archive = tmp_path / "capture.warc.gz"
    first, second = _capture(1, PAGES[0].read_bytes()), _capture(2, PAGES[1].read_bytes())
    with beside(archive).open("ab") as out:
        write_document(out, _crawl_parse(first))
    frame = beside(archive).read_bytes()
    feed = DocumentFeed(archive)
    for written in (2, 100):  # a length not whole yet, then a frame not whole yet
        beside(archive).write_bytes(frame[:written])
        assert feed.document(first) is None  # the judge parses the page itself
    with beside(archive).open("ab") as out:
        out.write(frame[100:])
        write_document(out, _crawl_parse(second))
    assert feed.document(second) == document_of(second)  # found past the first page's frame, which is kept
    assert feed.document(first) == document_of(first)
    assert len(feed._ahead) == 0


def test_frames_read_past_are_bounded(tmp_path):
    archive = tmp_path / "capture.warc.gz"
    body = PAGES[0].read_bytes()
    captures = [_capture(n, body) for n in range(FRAMES_KEPT + 20)]
    with beside(archive).open("ab") as out:
        for capture in captures:
            write_document(out, _crawl_parse(capture))
    feed = DocumentFeed(archive)
    assert feed.document(captures[-1]) == document_of(captures[-1])
    assert len(feed._ahead) == FRAMES_KEPT
    assert feed.document(captures[0]) is None  # pushed out: parsed again
    assert feed.document(captures[-2]) == document_of(captures[-2])
