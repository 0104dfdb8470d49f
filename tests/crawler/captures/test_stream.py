"""Reading an archive record by record (crawler/captures/stream.py): from start to end, and while it grows, a
half-written last record waited for, a torn or damaged one ending the reading."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

from crawler.captures.stream import CHUNK, TORN_MEMBER, ArchiveStream
from crawler.captures.warc import CaptureWriter, read_archive

PAGES = 6


def _item(n: int) -> dict:
    return {"channel": "website:atlas-markets.com", "url": f"https://atlas-markets.com/p{n}",
            "requested_url": f"https://atlas-markets.com/p{n}", "fetched_at": f"2026-01-01T00:00:0{n}.000Z",
            "status": 200, "content_type": "text/html", "visitor": "IT", "headers": {"Content-Type": "text/html"}}


def _body(n: int) -> bytes:
    return f"<html><body><p>page {n}</p>{'x' * 5000 * n}</body></html>".encode()


def _write(path: Path, pages: range) -> None:
    writer = CaptureWriter(path)
    try:
        for n in pages:
            writer.write_capture(_item(n), _body(n))
    finally:
        writer.close()


def _archive(tmp_path: Path) -> Path:
    path = tmp_path / "capture.warc.gz"
    writer = CaptureWriter(path)
    writer.write_info({"plans": [], "firm": {"name": "Atlas"}})
    writer.close()
    _write(path, range(PAGES))
    return path


def _urls(entries) -> list[str]:
    return [data["url"] for kind, data in entries if kind == "capture"]


def test_a_whole_archive_is_read_record_by_record_in_order(tmp_path):
    path = _archive(tmp_path)
    with ArchiveStream(path) as stream:
        entries = list(stream.entries())
        assert stream.torn == ""
    assert entries[0] == ("info", {"plans": [], "firm": {"name": "Atlas"}})
    assert _urls(entries) == [f"https://atlas-markets.com/p{n}" for n in range(PAGES)]
    assert [data["body"] for kind, data in entries if kind == "capture"] == [_body(n) for n in range(PAGES)]
    assert read_archive(path).captures == [data for kind, data in entries if kind == "capture"]


def test_a_growing_archive_gives_each_record_once_as_it_becomes_whole(tmp_path):
    whole = _archive(tmp_path).read_bytes()
    growing = tmp_path / "growing.warc.gz"
    growing.write_bytes(b"")
    seen: list[str] = []
    with ArchiveStream(growing) as stream:
        # appended in uneven slices, as a writer's flushes reach the reader: records split across reads are waited for
        for start in range(0, len(whole), 777):
            with growing.open("ab") as fh:
                fh.write(whole[start:start + 777])
            seen += _urls(stream.entries(final=False))
            assert stream.torn == ""  # a half-written member is not torn while the writer may go on
        seen += _urls(stream.entries(final=True))
        assert stream.torn == ""
    assert seen == [f"https://atlas-markets.com/p{n}" for n in range(PAGES)]


def test_a_half_written_last_record_is_torn_only_once_the_writer_is_done(tmp_path):
    path = _archive(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:-700])  # the crawl killed while writing its last record
    with ArchiveStream(path) as stream:
        before = _urls(stream.entries(final=False))
        assert stream.torn == ""
        after = _urls(stream.entries(final=True))
        assert stream.torn == TORN_MEMBER
    assert before == [f"https://atlas-markets.com/p{n}" for n in range(PAGES - 1)] and after == []
    assert read_archive(path).torn == TORN_MEMBER


def test_reading_stops_at_a_damaged_member_and_says_why(tmp_path):
    path = _archive(tmp_path)
    data = bytearray(path.read_bytes())
    # damage the deflate data of the third page's member: what follows it cannot be trusted
    members = _member_offsets(bytes(data))
    third_response = members[1 + 2 * 2 + 1]  # the info member, then a request and a response member per page
    for i in range(third_response + 40, third_response + 80):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))
    with ArchiveStream(path) as stream:
        urls = _urls(stream.entries())
        assert stream.torn
    assert urls == [f"https://atlas-markets.com/p{n}" for n in range(2)]


def test_an_uncompressed_warc_is_read_too_and_junk_is_no_archive(tmp_path):
    path = _archive(tmp_path)
    plain = tmp_path / "capture.warc"
    with gzip.open(path, "rb") as fh:
        plain.write_bytes(fh.read())
    with ArchiveStream(plain) as stream:
        assert list(stream.entries(final=False)) == []  # read at the end only: it is not footprint's own output
        assert _urls(stream.entries(final=True)) == [f"https://atlas-markets.com/p{n}" for n in range(PAGES)]
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"not a warc at all")
    archive = read_archive(junk)
    assert archive.torn and not (archive.info or archive.captures)


def test_an_empty_file_is_waited_for_while_the_writer_may_still_write(tmp_path):
    path = tmp_path / "capture.warc.gz"
    path.write_bytes(b"\x1f")  # not even the gzip magic yet
    with ArchiveStream(path) as stream:
        assert list(stream.entries(final=False)) == [] and stream.torn == ""
        path.write_bytes(b"")
        _write(path, range(2))
        assert _urls(stream.entries(final=True)) == [f"https://atlas-markets.com/p{n}" for n in range(2)]


def _member_offsets(data: bytes) -> list[int]:
    """Where each gzip member of a footprint archive begins."""
    import zlib

    offsets, at = [], 0
    while at < len(data):
        offsets.append(at)
        member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        member.decompress(data[at:])
        at = len(data) - len(member.unused_data)
    return offsets


def test_each_capture_says_where_its_record_begins_and_is_read_again_alone_from_there(tmp_path):
    path = _archive(tmp_path)
    writer = CaptureWriter(path)  # records larger than a read, so that members straddle reads, and small ones
    try:
        for n in range(PAGES, PAGES + 4):
            body = random.Random(n).randbytes(CHUNK + 5000) if n % 2 else _body(1)
            writer.write_capture(_item(n), body)
    finally:
        writer.close()
    with ArchiveStream(path) as stream:
        captures = [data for kind, data in stream.entries() if kind == "capture"]
    assert len(captures) == PAGES + 4 and len({c["offset"] for c in captures}) == PAGES + 4
    with ArchiveStream(path) as again:
        assert [again.entry_at(c["offset"]) for c in captures] == [("capture", c) for c in captures]
        assert again.entry_at(captures[1]["offset"] + 1) is None  # not where a record begins


def test_records_are_compressed_at_the_declared_level_each_its_own_member(tmp_path, monkeypatch):
    import crawler.captures.warc as warc

    sizes = {}
    for level in (1, 9):
        monkeypatch.setattr(warc, "WARC_GZIP_LEVEL", level)
        path = tmp_path / f"level-{level}.warc.gz"
        _write(path, range(PAGES))
        sizes[level] = path.stat().st_size
        with ArchiveStream(path) as stream:  # each record still a whole member of its own, read back as written
            captures = [data for kind, data in stream.entries() if kind == "capture"]
        assert [c["body"] for c in captures] == [_body(n) for n in range(PAGES)]
        assert len({c["offset"] for c in captures}) == PAGES
    assert sizes[1] > sizes[9]
