"""A captured HTML page made safe to open: the archived copy a finding links to (issue 14 item 3).

The copy is the page as archived, with everything that could run or reach the network taken out: <script>,
frames, plugins, <base>, <link>, <meta http-equiv> (a refresh would navigate to the live site), every on*
attribute, and every URL-bearing attribute (href, src, srcset, action...) moved to a `data-archived-*` attribute,
so neither a link nor an image reaches the live site even in a viewer that ignores the Content-Security-Policy the
copy also carries. A banner says what it is (URL, capture time, record id), and each finding's matched text is
wrapped in <mark id="m-<finding id>">, so `pages/<hash>.html#m-<id>` opens at the match.

The same function makes the copies written beside report.html (crawler/runs/page_copies.py) and the pages
`footprint view` serves (crawler/runs/view.py). Parsing is lxml's HTML parser, which repairs what browsers repair.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from itertools import accumulate

import lxml.html
from lxml import etree

from detectors.charsets import as_utf8, decide

# No script, no fetch of any kind (images, fonts, styles and frames from elsewhere), no form posts, no <base>.
COPY_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; "
            "form-action 'none'")
_DROPPED = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "portal")
_URL_ATTRIBUTES = ("href", "src", "srcset", "action", "formaction", "poster", "background", "ping", "data",
                   "xlink:href", "{http://www.w3.org/1999/xlink}href", "manifest", "codebase", "cite", "longdesc")
_NOT_SEARCHED = ("head", "title", "style", "textarea", "mark", "template")  # text a reader does not see as such
# url( in CSS (a style attribute, a <style> sheet) renamed to a function no browser knows, so the declaration is
# dropped: a background image of the live site is not asked for even where the CSP is not applied.
_CSS_URL = re.compile(r"\b(url|image-set|image)\s*\(|@import", re.IGNORECASE)
MAX_MARK_CHARS = 300  # a matched text longer than this is cut to its start: a highlight, not a second copy
MAX_MISSING_SHOWN = 10  # matched texts not found, named in the banner
BANNER_STYLE = ("all:initial;display:block;font:14px/1.4 system-ui,sans-serif;background:#fff3bf;color:#222;"
                "border-bottom:2px solid #c90;padding:8px 12px;position:relative;z-index:2147483647")
MARK_STYLE = "background:#ffd43b;color:#000;outline:3px solid #e8590c"


@dataclass(frozen=True)
class Capture:
    """What the banner says about the page: where and when it was captured, and which WARC record holds it."""

    url: str
    fetched_at: str
    record_id: str


def copy_name(url: str, visitor: str, body: bytes) -> str:
    """The saved copy's path relative to the report: one file per page as captured, named by a hash of its address,
    its visitor and its body, so the same captures give the same report (a record id is new at every crawl)."""
    key = "\x1f".join((url, visitor, hashlib.sha256(body).hexdigest()))
    return f"pages/{hashlib.sha256(key.encode()).hexdigest()[:16]}.html"


def is_html(content_type: str, body: bytes) -> bool:
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml") or (not kind and body.lstrip()[:1] == b"<")


def safe_copy(body: bytes, content_type: str, capture: Capture, marks: list[tuple[str, str]]) -> bytes:
    """The page, script-free and inert, with each (anchor id, text) of `marks` highlighted where the text occurs
    as one run of visible text (whitespace may differ). UTF-8 bytes of a whole HTML document."""
    codec, _ = decide(body, content_type)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(as_utf8(body, codec) or b"<html></html>", parser=parser)
    except etree.ParserError:  # nothing parsable at all: an empty page says so in its banner
        root = lxml.html.document_fromstring(b"<html><body></body></html>", parser=parser)
    _make_inert(root)
    # Longest first: a short match ("Deutschland") inside a longer one ("Anleger in Deutschland") must not split it.
    found = _highlight(root, sorted(marks, key=lambda m: -len(m[1])))
    _add_head(root)
    _add_banner(root, capture, len(found), [text for anchor, text in marks if anchor not in found])
    return lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")


def _highlight(root, marks: list[tuple[str, str]]) -> list[str]:
    """Wrap the first occurrence of each mark's text in a text run of the body (outside earlier marks) in <mark>, in
    the order given; the anchors highlighted."""
    body = root.find("body")
    if body is None:
        return []
    texts = _Texts(body)
    return [anchor for anchor, text in marks
            if (pattern := _pattern(text)) is not None and texts.highlight(anchor, pattern)]


def _make_inert(root) -> None:
    for element in list(root.iter(*_DROPPED, "meta")):
        if element.tag == "meta" and element.get("http-equiv") is None:
            continue  # <meta charset>, <meta name=...> are harmless; http-equiv (refresh, CSP, cookies) is not
        element.drop_tree()  # keeps the tail text, which is the page's text after the element
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "style" and element.text:
            element.text = _CSS_URL.sub("archived-disabled(", element.text)
        for name in list(element.attrib):
            lowered = name.lower()
            if lowered.startswith("on"):
                del element.attrib[name]
            elif lowered == "style":
                element.set(name, _CSS_URL.sub("archived-disabled(", element.attrib[name]))
            elif lowered in _URL_ATTRIBUTES:
                value = element.attrib.pop(name)
                if element.tag != "a" or lowered != "href" or value.startswith("#"):
                    element.set(f"data-archived-{lowered.rsplit('}', 1)[-1].replace(':', '-')}", value)
                else:  # a link says where it went, without going there
                    element.set("data-archived-href", value)
                    element.set("title", f"link on the captured page (disabled): {value}")


def _pattern(text: str) -> re.Pattern | None:
    words = text[:MAX_MARK_CHARS].split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


class _Texts:
    """The body's visible text runs, each an element's text or tail, in the order the highlighter searches them
    (each element's text, then its tail, then its children), kept up to date as marks split them: a mark's text is
    found by one search over the runs joined, not by a walk of the whole tree per finding."""

    def __init__(self, body):
        self.body = body
        self.runs: list[tuple[object, str]] = []  # (element, "text" | "tail")
        for element in body.iter():
            if not isinstance(element.tag, str):
                continue
            if element.tag not in _NOT_SEARCHED and element.text:
                self.runs.append((element, "text"))
            parent = element.getparent()
            if element is not body and parent is not None and parent.tag not in _NOT_SEARCHED and element.tail:
                self.runs.append((element, "tail"))

    def highlight(self, anchor: str, pattern: re.Pattern) -> bool:
        """Wrap the first match of `pattern` in <mark>; where there is none, anchor at an earlier mark."""
        texts = [getattr(element, side) or "" for element, side in self.runs]
        # No match runs across two runs: the pattern is words and white space, the separator neither.
        found = pattern.search("\x00".join(texts))
        if found is None:
            return _anchor_at_earlier_mark(self.body, anchor, pattern)
        at = bisect.bisect_right(list(accumulate((len(t) + 1 for t in texts), initial=0)), found.start()) - 1
        element, side = self.runs[at]
        text = texts[at]
        match = pattern.search(text)
        mark = _mark(anchor, text, match)
        if side == "text":
            element.text = text[: match.start()]
            element.insert(0, mark)
            after = at + 2 if self.runs[at + 1: at + 2] == [(element, "tail")] else at + 1  # its first child
        else:
            element.tail = text[: match.start()]
            parent = element.getparent()
            parent.insert(parent.index(element) + 1, mark)
            after = at + 1  # after the element's own runs: those of its descendants
            while after < len(self.runs) and element in self.runs[after][0].iterancestors():
                after += 1
        if mark.tail:
            self.runs.insert(after, (mark, "tail"))
        return True


def _anchor_at_earlier_mark(body, anchor: str, pattern: re.Pattern) -> bool:
    """A text already highlighted for another finding (the same value, or a longer match around it): an empty
    anchor before that mark, so this finding's link opens there too."""
    for mark in body.iter("mark"):
        if mark.get("class") == "footprint-match" and pattern.search(mark.text or ""):
            target = etree.Element("span", id=anchor)
            mark.addprevious(target)
            target.tail = None
            return True
    return False


def _mark(anchor: str, text: str, match: re.Match):
    mark = etree.Element("mark", id=anchor, style=MARK_STYLE)
    mark.set("class", "footprint-match")
    mark.text = match.group(0)
    mark.tail = text[match.end():]
    return mark


def _add_head(root) -> None:
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    for old in head.findall("meta[@charset]"):
        old.drop_tree()
    # First in <head>, before anything the policy must govern.
    head.insert(0, etree.Element("meta", {"http-equiv": "Content-Security-Policy", "content": COPY_CSP}))
    head.insert(0, etree.Element("meta", charset="utf-8"))
    head.insert(2, etree.Element("meta", name="referrer", content="no-referrer"))


def _add_banner(root, capture: Capture, found: int, missing: list[str]) -> None:
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    banner = etree.Element("div", style=BANNER_STYLE, role="note")
    banner.set("class", "footprint-banner")
    banner.text = "Archived copy, not the live page: "
    parts = [("code", capture.url), (None, " as captured at "), ("code", capture.fetched_at),
             (None, ", WARC record "), ("code", capture.record_id),
             (None, ". Scripts, frames, links and external resources are disabled. ")]
    if found or missing:
        parts.append((None, f"Matched text highlighted: {found} of {found + len(missing)}."))
    texts = sorted(set(missing))
    if texts:  # said, so a reviewer knows what to look for: in an attribute, the head, or across elements
        parts.append((None, " Not found as one run of visible text: "))
        for i, text in enumerate(texts[:MAX_MISSING_SHOWN]):
            parts += [("q", text[:MAX_MARK_CHARS]), (None, ", " if i + 1 < len(texts[:MAX_MISSING_SHOWN]) else "")]
        parts.append((None, f" and {len(texts) - MAX_MISSING_SHOWN} more." if len(texts) > MAX_MISSING_SHOWN else "."))
    last = None
    for tag, text in parts:
        if tag is None:
            last.tail = (last.tail or "") + text
        else:
            last = etree.SubElement(banner, tag)
            last.text = text
    body.insert(0, banner)
