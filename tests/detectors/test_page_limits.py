"""No page can stall judging: a page is cut at the parsing limits before lexbor sees it, judged on the part read and
marked truncated with the reason; ordinary pages, sloppy ones included, are read whole."""

from __future__ import annotations

import random
import resource
import time

import pytest
from selectolax.lexbor import LexborHTMLParser

from detectors.analyze import analyze_documents
from detectors.context import Context
from detectors.document import build_document
from detectors.page_limits import PAGE_LIMITS, PageLimits, _OpenElements, bounded

URL = "https://deep-exchange.example/"
HEAD = b"<!DOCTYPE html><html lang='de'><head><title>Bitcoin kaufen</title></head><body>" \
       b"<p>Kaufen Sie Bitcoin ab 50 \xe2\x82\xac bei uns.</p>"
HOSTILE = {
    "300,000 nested divs": HEAD + b"<div>" * 300_000 + b"tief" + b"</div>" * 300_000,
    "100,000 nested divs": HEAD + b"<div>" * 100_000 + b"tief" + b"</div>" * 100_000,
    "a 5 MB attribute value": HEAD + b'<div title="' + b"a " * 2_500_000 + b'">x</div><a href="/' + b"b" * 5_000_000
                              + b'">y</a>',
    "2 million tiny elements": HEAD + b"<i></i>" * 2_000_000,
    "20 MB of text": HEAD + b"<p>" + b"lorem ipsum dolor sit amet " * 800_000 + b"</p>",
}
# Markup that tricks a naive tag count (every one nests deeply in a real tree builder).
TRICKS = {
    "stray end tags": b"<span><div></span>", "list item scope": b"<li><ul></li>", "button scope": b"<p><button></p>",
    "SVG breakout": b"<svg><foreignObject><svg><p>", "tables": b"<table><td>", "links": b"<a href=1><div>",
    "reopened formatting": b"<div><b class=%d>x</div>", "font with a colour": b"<svg><font color=1/>",
}


@pytest.fixture(scope="module", autouse=True)
def warm_detectors():
    """Models and lexicons loaded once, so that the timings below are of one page's work."""
    analyze_documents([build(HEAD)], Context())


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def build(body: bytes):
    return build_document(channel="website:deep-exchange.example", requested_url=URL, url=URL, status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html; charset=utf-8", body=body)


@pytest.mark.parametrize("name", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_page_is_parsed_within_its_bound_and_judged_on_what_was_read(name):
    wall, cpu = time.perf_counter(), cpu_seconds()
    document = build(HOSTILE[name])
    findings = analyze_documents([document], Context())
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    # Before: 100,000 divs ~15 s for one parse (three per page), 300,000 no answer in 300 s.
    assert wall < 10 and cpu < 10, (wall, cpu)
    assert document.truncated, "the page is marked as cut"
    assert "50 €" in document.text and "CURRENCY" in {f.indicator for f in findings}  # the part before the cut


def test_the_reasons_name_the_limit():
    assert build(HOSTILE["100,000 nested divs"]).truncated == f"elements nested deeper than {PAGE_LIMITS.depth}"
    assert build(HOSTILE["2 million tiny elements"]).truncated == f"more than {PAGE_LIMITS.nodes:,} elements"
    attribute = build(HOSTILE["a 5 MB attribute value"]).truncated
    assert attribute == f"2 attribute value(s) longer than {PAGE_LIMITS.attribute:,} bytes left out"
    assert build(HOSTILE["20 MB of text"]).truncated == f"visible text cut at {PAGE_LIMITS.text:,} characters"


@pytest.mark.parametrize("name", TRICKS, ids=list(TRICKS))
def test_markup_that_nests_without_looking_deep_is_cut_too(name):
    unit = TRICKS[name]
    body = b"<html><body>" + (b"".join(unit % i for i in range(100_000)) if b"%d" in unit else unit * 100_000)
    start = time.perf_counter()
    cut, reason = bounded(body)
    LexborHTMLParser(cut)
    assert time.perf_counter() - start < 5
    assert reason == f"elements nested deeper than {PAGE_LIMITS.depth}" and len(cut) < len(body) // 10


def real_depth(html: str) -> int:
    """The deepest element under <body> in lexbor's tree."""
    body = LexborHTMLParser(html).body
    deepest, stack = 0, [(body, 0)] if body is not None else []
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        child = node.child
        while child is not None:
            if child.tag not in ("-text", "_text", "-comment", "_comment"):
                stack.append((child, depth + 1))
            child = child.next
    return deepest


class _Deepest(_OpenElements):
    """The pre-scan's model with no limit, recording the deepest it counted."""

    def __init__(self):
        super().__init__(PageLimits(depth=10**9, prescan_above=0))
        self.deepest = 0

    def _push(self, *args):
        super()._push(*args)
        self.deepest = max(self.deepest, len(self.names) + self.closed)


SOUP = ["<div>", "</div>", "<span>", "</span>", "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<b>", "</b>",
        "<b class=1>", "<b class=2>", "<i>", "</i>", "<a href=1>", "</a>", "<table>", "</table>", "<td>", "</td>",
        "<tr>", "<svg>", "</svg>", "<path/>", "<g>", "</g>", "<foreignObject>", "<math>", "<mi>", "<button>",
        "</button>", "<select>", "<option>", "<template>", "</template>", "<font color=1/>", "<div/>", "<x-y>",
        "</x-y>", "<!-->", "<!-- c --!>", "x", "<h1>", "</h1>", "<dd>", "<nobr>", "<section>", "</section>",
        "<title>", "</title>", "<desc>", "<caption>", "<object>", "<br>", "</br>", "<img>", "<form>", "</form>"]


def test_the_model_never_counts_much_less_deep_than_the_tree_builder_nests():
    """Random tag soup: lexbor's real depth stays within twice the pre-scan's count (a few levels of slack for the
    elements the tree builder adds itself, such as <tbody>), so the depth limit bounds the real nesting."""
    rnd = random.Random(20260101)
    for _ in range(400):
        html = "<html><body>" + "".join(rnd.choice(SOUP) for _ in range(rnd.randint(5, 300)))
        model = _Deepest()
        model.scan(html.encode())
        assert real_depth(html) <= 2 * model.deepest + 4, html


def test_ordinary_big_pages_are_read_whole():
    """Near miss: a long page (over the pre-scan threshold) with the usual sloppiness: unclosed <p>, <li> and <td>,
    SVG icons of self-closed paths, misnested formatting, scripts holding markup. Not cut, not marked."""
    item = (b"<li><a href='/coin/%d'><svg viewBox='0 0 8 8'><path d='M0 0h8'/><circle r='2'/></svg>Coin %d</a>"
            b"<p>Kurs <b><i>steigt</b></i> <span>heute<td>1 %d,50 \xe2\x82\xac<br><img src='c%d.png'>")
    body = (HEAD + b"<script>var row = '<div><span>';</script><ul>"
            + b"".join(item % (n, n, n, n) for n in range(3000)) + b"</ul></body></html>")
    assert body.count(b"<") > PAGE_LIMITS.prescan_above
    assert bounded(body) == (body, "")
    document = build(body)
    assert document.truncated == "" and "Coin 2999" in document.text


def test_ordinary_pages_of_the_fixture_corpus_are_never_cut(all_page_cases):
    for case in all_page_cases:
        assert case.document().truncated == "", case.id
