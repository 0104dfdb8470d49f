"""A finding's element marked on its screenshot (issue 14 item 3): the box measured in the browser page the
screenshot is taken of (crawler/crawl/element_boxes.py), kept in the archive beside it, and drawn on a crop
(crawler/runs/shot_marks.py) that report.html shows instead of the top of the page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image

from crawler.captures.warc import read_archive
from crawler.crawl import screenshots
from crawler.crawl.element_boxes import element_query
from crawler.runs.report import attach_screenshots
from crawler.runs.shot_marks import MARK_COLOUR, write_marks
from crawler.sandbox.web import SandboxWeb
from detectors.model import ChannelKind, ChannelResult, ChannelStatus, Evidence, Finding
from reports.evidence_view import page_groups
from reports.html import render_html
from reports.validate import validate_report
from tests.conftest import report_of, require_chromium

URL = "https://marked-bonus.example/"
GREEN = (0, 200, 0)
# Elements at known places: the link the finding is about after a decoy of the same selector, a text in its own
# absolutely placed span, a hreflang <link> that has no box; the page is taller than a viewport.
PAGE = """<!doctype html><html><head><title>Bonus</title>
<link rel="alternate" hreflang="de" href="https://marked-bonus.example/de/">
<style>body { margin: 0; height: 1600px; background: #fff; font: 20px/30px monospace; }
.at { position: absolute; margin: 0; display: block; }</style></head><body>
<a class="at" href="https://elsewhere.example/" style="left: 20px; top: 20px; width: 100px; height: 20px">home</a>
<a class="at" href="https://t.me/bonusgroup" style="left: 50px; top: 1200px; width: 180px; height: 40px;
   background: rgb(0, 200, 0); color: rgb(0, 200, 0)">join</a>
<span class="at" style="left: 300px; top: 900px">Jetzt Bonus sichern</span>
<span class="at" style="left: 20px; top: 600px">Europa</span>
<span class="at" style="left: 300px; top: 700px">Preis in EUR</span>
<a class="at cta" href="/join/" style="left: 400px; top: 300px; width: 120px; height: 30px">Sign up</a>
<a class="at" href="tel:+493022334455" style="left: 600px; top: 300px; width: 150px; height: 30px">+49 30 22 33</a>
</body></html>"""


def _finding(indicator: str, value: str, locator: str, snippet: str = "") -> Finding:
    return Finding(indicator=indicator, channel="website", url=URL, fetched_at="2026-12-03T10:00:00Z",
                   body_sha256="0" * 64, confidence=0.8, member_states=("DE",),
                   evidence=Evidence(value=value, snippet=snippet or value, locator=locator), legal_ref="MiCA Art. 61")


LINK = _finding("SOCIAL_LANG", "https://t.me/bonusgroup", "a[href]")
TEXT = _finding("BONUS", "Bonus sichern", "text (de)", "Jetzt Bonus sichern")
ABSENT = _finding("LOCAL_REF", "Anleger in Österreich", "text (de)")  # the near miss: not on the page
HREFLANG = _finding("HREFLANG", "de", "link[hreflang]")
# Locators as the detectors write them: a call to action's link by its resolved URL (written relative), a link
# styled as a button, a phone link by an attribute prefix left unquoted.
CTA_LINK = _finding("PROMO", "sign up", f'a[href="{URL}join/"] (en)', "Sign up")
CTA_BUTTON = _finding("SUPPORT", "sign up", "button (en)", "Sign up")
PHONE = _finding("PHONE", "+493022334455", "a[href^=tel:]", '<a href="tel:+493022334455">+49 30 22 33 44 55</a>')
EURO = _finding("CURRENCY", "EUR", "text (amount)", "Preis in EUR")  # "Europa" comes first: no word
DETECTED = _finding("LANG", "de", "text (detected language)", "Jetzt Bonus sichern")  # of the whole text
HOST = _finding("DOMAIN", "marked-bonus.example", "url host (ccTLD)")


@pytest.fixture(scope="module")
def shot(tmp_path_factory, chromium_module):
    """One scan's screenshot of PAGE, taken through the sandbox web, then its marks written from the archive."""
    root = tmp_path_factory.mktemp("web")
    (root / "marked-bonus.example").mkdir()
    (root / "marked-bonus.example" / "index.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path_factory.mktemp("firm")
    channel = ChannelResult("website", ChannelKind.WEBSITE, URL, ChannelStatus.ASSESSED,
                            findings=[LINK, TEXT, ABSENT, HREFLANG, HOST, CTA_LINK, CTA_BUTTON, PHONE, EURO,
                                      DETECTED])
    with SandboxWeb(root) as web:
        paths, _, boxes = screenshots.capture([channel], [], out / "capture.warc.gz", web.url, "footprint-test",
                                              lambda: False, allow_private=True)
    (stored,) = read_archive(out / "capture.warc.gz").screenshots
    attach_screenshots([channel], paths)
    marks = write_marks([channel], {(stored["url"], stored["visitor"]): stored["boxes"]}, out)
    return out, channel, boxes[(URL, "")], stored["boxes"], marks


@pytest.fixture(scope="module")
def chromium_module():
    require_chromium()


def test_only_locators_that_name_an_element_are_measured():
    assert element_query(HOST) is None  # a URL is no element
    assert element_query(DETECTED) is None  # "de" is not in the text: the text's detected language
    assert element_query(LINK).selector == "a[href]" and element_query(TEXT).selector == ""
    assert element_query(_finding("x", "de", "select option (de)")).selector == "select option"
    assert (element_query(CTA_LINK).selector, element_query(CTA_LINK).href) == ("a", f"{URL}join/")
    assert element_query(PHONE).selector == 'a[href^="tel:"]'


def test_the_boxes_are_measured_where_the_elements_are_and_kept_in_the_archive(shot):
    _, _, measured, stored, _ = shot
    assert stored == measured  # `analyze` reads the scan's boxes, no browser needed
    assert measured[LINK.id] == [50, 1200, 180, 40]  # the decoy link before it was passed over
    x, y, width, height = measured[TEXT.id]
    assert abs(x - 300 - 6 * 12) <= 2 and 900 <= y <= 910 and 0 < height <= 30  # "Bonus sichern" after "Jetzt "
    assert measured[ABSENT.id] is None and measured[HREFLANG.id] is None  # not on the page; in <head>
    assert HOST.id not in measured
    assert measured[CTA_LINK.id] == measured[CTA_BUTTON.id] == [400, 300, 120, 30]
    assert measured[PHONE.id] == [600, 300, 150, 30]
    x, y, _, _ = measured[EURO.id]
    assert abs(x - 300 - 9 * 12) <= 2 and 700 <= y <= 710  # in "Preis in EUR", not the "Eur" of "Europa"


def test_the_crop_is_marked_in_red_around_the_element(shot):
    out, _, _, _, marks = shot
    assert marks[LINK.id] == f"screenshots/mark-{LINK.id}.png" and marks[ABSENT.id] == marks[HREFLANG.id] == ""
    with Image.open(out / marks[LINK.id]) as image:
        crop = image.convert("RGB")
    top = 1200 - 3 - 160  # the crop starts a margin above the rectangle: page y 1200 is crop y 1200 - top
    assert crop.width == 50 + 180 + 3 + 160 and crop.height == 40 + 2 * (3 + 160)
    assert crop.getpixel((48, 1220 - top)) == MARK_COLOUR  # left edge, just outside the element
    assert crop.getpixel((50 + 180 + 1, 1220 - top)) == MARK_COLOUR  # right edge
    assert crop.getpixel((140, 1200 - 2 - top)) == MARK_COLOUR  # top edge
    assert crop.getpixel((140, 1220 - top)) == GREEN  # the element itself, not drawn over
    assert crop.getpixel((140, 1200 - 10 - top)) == (255, 255, 255)  # the page around it


def test_the_report_shows_the_marked_crop_and_says_where_an_element_was_not_located(shot):
    _, channel, _, _, marks = shot
    report = report_of(firm={"name": "Bonus Ltd", "home_country": "SC", "slug": "bonus-ltd"}, channels=[channel],
                       started_at="2026-12-03T10:00:00Z", finished_at="2026-12-03T10:05:00Z", visitors=[], config={})
    for finding in report["channels"][0]["findings"]:
        if finding["id"] in marks:
            finding["screenshot_mark"] = marks[finding["id"]]
    assert validate_report(report) == []
    html = render_html(report)
    card = {f.id: html[html.index(f'id="f-{f.id}"'):].split("</article>")[0] for f in channel.findings}
    assert f'src="{marks[LINK.id]}"' in card[LINK.id] and f'href="{channel.findings[0].screenshot}"' in card[LINK.id]
    assert "not located on the screenshot" in card[ABSENT.id] and "<img" not in card[ABSENT.id]
    assert "not located" not in card[HOST.id] and "<img" not in card[HOST.id]  # no element to locate
    (group,) = page_groups(report["channels"][0])
    ((path, _, mark, indicator),) = group.screenshots  # the strongest marked finding's crop, the whole page linked
    assert mark in (marks[LINK.id], marks[TEXT.id]) and f'<a href="{path}"><img src="{mark}"' in html


def test_a_box_off_the_picture_is_not_drawn(tmp_path):
    """A page that grew after its box was measured: the box lies past the image's end, so no mark is made."""
    Image.new("RGB", (200, 100), "white").save(tmp_path / "shot.png")
    finding = replace(LINK, screenshot="shot.png")
    channel = ChannelResult("website", ChannelKind.WEBSITE, URL, ChannelStatus.ASSESSED, findings=[finding])
    assert write_marks([channel], {(URL, ""): {LINK.id: [10, 90, 50, 40]}}, tmp_path) == {LINK.id: ""}
    assert not list(tmp_path.glob("screenshots/*"))
