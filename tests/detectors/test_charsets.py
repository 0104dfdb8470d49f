"""Pages are decoded as browsers decode them (BOM, Content-Type charset, <meta>, then UTF-8 or a detector), so a
euro amount in a windows-1252 or UTF-16 page is found; each page says which encoding was used and why."""

from __future__ import annotations

import pytest

from detectors.analyze import analyze_documents
from detectors.channels.pages import page_notes
from detectors.charsets import decide, whatwg_name
from detectors.context import Context
from detectors.document import build_document

URL = "https://charset-exchange.example/"
PAGE = ("<!DOCTYPE html><html lang='de'><head>{meta}<title>Bitcoin kaufen</title></head><body>"
        "<h1>Bitcoin kaufen – sicher und schnell</h1><p>Kaufen Sie Bitcoin ab 50 € – Gebühren ab 0,1 %. "
        "Überweisung per SEPA möglich.</p></body></html>")


def doc(body: bytes, content_type: str):
    return build_document(channel="website:charset-exchange.example", requested_url=URL, url=URL, status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type=content_type, body=body)


def euro_amounts(document) -> set[str]:
    return {f.evidence.value for f in analyze_documents([document], Context()) if f.indicator == "CURRENCY"}


def page(meta: str = "") -> str:
    return PAGE.format(meta=meta)


CASES = {
    # id: (body, Content-Type, expected encoding, expected source)
    "cp1252 in the header": (page().encode("cp1252"), "text/html; charset=windows-1252", "windows-1252", "header"),
    "latin1 label means windows-1252": (page().encode("cp1252"), "text/html; charset=ISO-8859-1", "windows-1252",
                                        "header"),
    "cp1252 in <meta charset> only": (page("<meta charset='windows-1252'>").encode("cp1252"), "text/html",
                                      "windows-1252", "meta"),
    "cp1252 in <meta http-equiv> only": (
        page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">').encode("cp1252"),
        "text/html", "windows-1252", "meta"),
    "UTF-16LE with a BOM": (b"\xff\xfe" + page().encode("utf-16-le"), "text/html", "UTF-16LE", "bom"),
    "UTF-16BE with a BOM": (b"\xfe\xff" + page().encode("utf-16-be"), "text/html", "UTF-16BE", "bom"),
    "UTF-16 in the header, no BOM": (page().encode("utf-16-le"), "text/html; charset=utf-16", "UTF-16LE", "header"),
    "a BOM beats a wrong header": (b"\xff\xfe" + page().encode("utf-16-le"), "text/html; charset=windows-1252",
                                   "UTF-16LE", "bom"),
    "an unknown label is skipped for the meta": (page("<meta charset='windows-1252'>").encode("cp1252"),
                                                 "text/html; charset=x-no-such-charset", "windows-1252", "meta"),
    "undeclared, not UTF-8: detected": (page().encode("cp1252"), "text/html", None, "detected"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_euro_amount_is_found_and_the_encoding_said(case):
    body, content_type, encoding, source = CASES[case]
    document = doc(body, content_type)
    assert "�" not in document.text
    assert "50 €" in document.text and "Überweisung" in document.text
    assert euro_amounts(document), document.text
    assert document.decoded_by == source
    if encoding:
        assert document.encoding == encoding
    (note,) = page_notes([document])
    assert note == {"url": URL, "encoding": document.encoding, "decoded_by": source, "truncated": ""}


def test_a_page_declaring_the_wrong_encoding_is_read_as_declared_as_browsers_do():
    """windows-1252 bytes sent as UTF-8: browsers show replacement characters, and so does the document; the
    report says the page was read as the header declared (and the near miss: the same bytes declared right)."""
    body = page().encode("cp1252")
    wrong = doc(body, "text/html; charset=utf-8")
    assert wrong.encoding == "UTF-8" and wrong.decoded_by == "header"
    assert "50 �" in wrong.text and not euro_amounts(wrong)
    right = doc(body, "text/html; charset=windows-1252")
    assert euro_amounts(right)


def test_a_meta_declaring_utf16_in_an_ascii_readable_page_means_utf8():
    """The Encoding Standard: a <meta> that could be read as ASCII cannot be in UTF-16; the page is UTF-8."""
    document = doc(page("<meta charset='utf-16'>").encode("utf-8"), "text/html")
    assert (document.encoding, document.decoded_by) == ("UTF-8", "meta") and euro_amounts(document)


def test_ordinary_utf8_pages_are_unchanged_and_not_noted():
    body = page("<meta charset='utf-8'>").encode("utf-8")
    for content_type, source in (("text/html; charset=utf-8", "header"), ("text/html", "meta")):
        document = doc(body, content_type)
        assert (document.encoding, document.decoded_by) == ("UTF-8", source)
        assert euro_amounts(document) and page_notes([document]) == []
    undeclared = doc(page().encode("utf-8"), "text/html")
    assert (undeclared.encoding, undeclared.decoded_by) == ("UTF-8", "utf-8") and page_notes([undeclared]) == []


def test_labels_are_read_as_the_encoding_standard_says():
    assert decide(b"<p>x</p>", "text/html; charset=ascii") == ("cp1252", "header")
    assert decide(b"<p>x</p>", "text/html; charset=utf-7") == ("utf-8", "utf-8")  # no browser knows UTF-7
    assert [whatwg_name(c) for c in ("cp1252", "cp1250", "iso8859-2", "utf-8", "utf-16-be", "cp932")] == [
        "windows-1252", "windows-1250", "ISO-8859-2", "UTF-8", "UTF-16BE", "Shift_JIS"]
