"""Turning a captured response into a Document: parsed once, shared by every detector.

Uses selectolax (lexbor), measured at about 14x BeautifulSoup on a 61 KiB page (docs/stack-notes.md); block-level
closing tags are turned into line breaks first so that text from different blocks never runs together
("ImpressumFR") and sentences end where the page's blocks end. The page is decoded as a browser would
(detectors/charsets.py) and cut at the parsing limits first (detectors/page_limits.py); the document says which
encoding was used, why, and what was cut.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from detectors.charsets import as_utf8, decide, whatwg_name
from detectors.model import Alternate, Document, Link
from detectors.page_limits import PAGE_LIMITS, bounded
from detectors.platforms import platform_kind
from detectors.urls import URLS_KEPT

_BLOCK_END = re.compile(
    rb"(</(?:p|div|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|main|option|button|"
    rb"dd|dt|dl|blockquote|figcaption|label|form|address|pre|title)\s*>|<br\s*/?>|<hr\s*/?>)",
    re.IGNORECASE,
)
_INVISIBLE_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "head"]
_XHTML_NS = "http://www.w3.org/1999/xhtml"
_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_LINKS = 2000  # a page with more links than this is a link farm; keep the first ones (buttons, images alike)
# Calls to action as pages mark them up: buttons, submit inputs, and links styled as buttons.
BUTTONS = (  # also what a "button" locator names on a screenshot (crawler/crawl/element_boxes.py)
    'button, input[type="submit"], input[type="button"], [role="button"], a[class*="btn"], '
    'a[class*="button"], a[class*="cta"]')
# Elements told apart by their tag alone (a node with tag "option" can only have matched "select option").
_BY_TAG = ('base[href], meta[content], link[hreflang][href], a[href], area[href], h1, h2, h3, '
           'script[type="application/ld+json"], select option, img, title')


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def classify(content_type: str, body: bytes, url: str = "") -> str:
    """html | sitemap | other, from the declared type, falling back on a sniff of the first bytes."""
    ctype = content_type.split(";")[0].strip().lower()
    head = body[:512].lstrip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype.endswith("xml") or head.startswith(b"<?xml"):
        return "sitemap" if (b"<urlset" in body[:4096] or b"<sitemapindex" in body[:4096]) else "other"
    if not ctype and (head.startswith(b"<!doctype html") or head.startswith(b"<html")):
        return "html"
    return "other"


def build_document(
    *,
    channel: str,
    requested_url: str,
    url: str,
    status: int,
    fetched_at: str,
    content_type: str,
    body: bytes,
    visitor: str = "",
    rendered: bool = False,
    record_id: str = "",
) -> Document:
    kind = classify(content_type, body, url)
    host = urlsplit(url).hostname or ""
    base = dict(
        channel=channel, url=url, requested_url=requested_url, status=status, fetched_at=fetched_at,
        body_sha256=sha256(body), content_type=content_type, kind=kind, platform=bool(platform_kind(host)),
        visitor=visitor, rendered=rendered, record_id=record_id,
    )
    if kind == "html":
        return Document(**base, **_parse_html(body, url, content_type))
    if kind == "sitemap":
        return Document(**base, **_parse_sitemap(body, url))
    return Document(**base)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def _text_of(node) -> str:
    return " ".join(node.text(deep=True, separator=" ").split())


def _button_text(node) -> str:
    if node.tag == "input":
        return " ".join((node.attributes.get("value") or "").split())[:200]
    return _text_of(node)[:200]


@lru_cache(maxsize=URLS_KEPT)  # a site's logos and badges recur on its pages; urlsplit's own cache keeps 128
def _file_name(src: str) -> str:
    return urlsplit(src).path.rsplit("/", 1)[-1]


def _image(node) -> tuple[str, str, str]:
    """(alt, title, file name) of an image: payment and app-store badges are often only pictures."""
    attrs = node.attributes
    src = (attrs.get("src") or attrs.get("data-src") or "").strip()
    name = _file_name(src) if src and not src.startswith("data:") else ""
    return (" ".join((attrs.get("alt") or "").split())[:200], " ".join((attrs.get("title") or "").split())[:200],
            name[:200])


# urljoin is pure and slow, and a site repeats its alternates and menus on every page.
_join = lru_cache(maxsize=URLS_KEPT)(urljoin)
# An absolute http(s) URL with a host and nothing urlsplit would change or read apart (no query, fragment, params,
# brackets, spaces or controls, ASCII only): urljoin gives it back as it is, whatever the base (about 0.2 ms a page
# of hreflang alternates, every one a miss of the cache above, keyed by the page).
_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#;\[\]\x00-\x20\x7f-\U0010ffff]+(?:/[^?#;\[\]\x00-\x20\x7f-\U0010ffff]*)?")


def _absolute(base_url: str, href: str) -> str:
    """urljoin(base_url, href), without urljoin where `href` is a plain absolute URL."""
    return href if _PLAIN_ABSOLUTE.fullmatch(href) else _join(base_url, href)


def _parse_html(body: bytes, url: str, content_type: str) -> dict:
    codec, decided_by = decide(body, content_type)
    body, truncated = bounded(as_utf8(body, codec))
    # A line break after every block end: split and join (re.sub with a "\\1\\n" template calls a Python function
    # per match, about twice the time).
    parts = _BLOCK_END.split(body)
    parts[1::2] = [end + b"\n" for end in parts[1::2]]
    tree = LexborHTMLParser(b"".join(parts))
    html = tree.root  # the <html> element, which the parser always makes: no selector walk to find it
    html_lang = (html.attributes.get("lang") or "").strip() if html else ""
    # The elements read by tag alone, found in one traversal (document order) instead of one per selector.
    by_tag: dict[str, list] = {"base": [], "meta": [], "link": [], "a": [], "h": [], "script": [], "option": [],
                               "img": [], "title": []}
    for node in tree.css(_BY_TAG):
        tag = node.tag
        by_tag["a" if tag == "area" else "h" if tag in ("h1", "h2", "h3") else tag].append(node)
    base_node = by_tag["base"][0] if by_tag["base"] else None
    base_url = urljoin(url, base_node.attributes.get("href") or "") if base_node else url

    title_node = by_tag["title"][0] if by_tag["title"] else None
    title = " ".join(title_node.text().split()) if title_node else ""
    meta = []
    for node in by_tag["meta"]:
        attrs = node.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or attrs.get("itemprop")
        if key:
            meta.append((key.strip().lower(), " ".join((attrs.get("content") or "").split())))

    alternates = []
    for node in by_tag["link"]:
        attrs = node.attributes
        if "alternate" in (attrs.get("rel") or "").lower().split():
            lang = (attrs.get("hreflang") or "").strip()
            alternates.append(Alternate(lang, _absolute(base_url, attrs.get("href") or ""), f'link[hreflang="{lang}"]'))

    links = []
    origin = _origin(base_url)
    for node in by_tag["a"][:MAX_LINKS]:
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "data:")):
            continue
        if href.startswith(("tel:", "mailto:", "http://", "https://")):
            target = href
        elif href.startswith("/") and not href.startswith("//") and "/." not in href and origin:
            target = origin + href  # root-relative, the common case: what urljoin would give, without its cost
        else:
            target = _join(base_url, href)
        links.append(Link(target, _text_of(node)[:200]))

    headings = tuple(t for t in (_text_of(n) for n in by_tag["h"]) if t)
    json_ld = tuple(n.text() for n in by_tag["script"] if n.text().strip())
    options = tuple(t for t in (_text_of(n) for n in by_tag["option"]) if t)
    buttons = tuple(dict.fromkeys(t for t in (_button_text(n) for n in tree.css(BUTTONS)[:MAX_LINKS]) if t))
    images = tuple(dict.fromkeys(i for i in (_image(n) for n in by_tag["img"][:MAX_LINKS]) if any(i)))

    tree.strip_tags(_INVISIBLE_TAGS)
    root = tree.body or tree.root
    raw = root.text(deep=True, separator=" ") if root else ""
    # Each line's whitespace runs made one space, and the lines left empty dropped (map and filter: no Python loop).
    text = "\n".join(filter(None, map(" ".join, map(str.split, raw.split("\n")))))
    if len(text) > PAGE_LIMITS.text:
        text = text[:PAGE_LIMITS.text]
        truncated = "; ".join(filter(None, (truncated, f"visible text cut at {PAGE_LIMITS.text:,} characters")))

    return dict(
        encoding=whatwg_name(codec),
        decoded_by=decided_by,
        truncated=truncated,
        html_lang=html_lang,
        title=title,
        meta=tuple(meta),
        alternates=tuple(alternates),
        links=tuple(links),
        headings=headings,
        text=text,
        json_ld=json_ld,
        select_options=options,
        buttons=buttons,
        images=images,
    )


def _parse_sitemap(body: bytes, url: str) -> dict:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return {}
    if root is None:
        return {}
    links, alternates = [], []
    for loc_node in root.iter(f"{{{_SITEMAP_NS}}}loc"):
        loc = (loc_node.text or "").strip()
        if loc:
            links.append(Link(urljoin(url, loc), "", "sitemap loc"))
    for entry in root.iter(f"{{{_SITEMAP_NS}}}url"):
        loc = (entry.findtext(f"{{{_SITEMAP_NS}}}loc") or "").strip()
        for alt in entry.iter(f"{{{_XHTML_NS}}}link"):
            lang = (alt.get("hreflang") or "").strip()
            if lang and "alternate" in (alt.get("rel") or "alternate"):
                locator = f'sitemap url[loc="{loc}"] xhtml:link[hreflang="{lang}"]'
                alternates.append(Alternate(lang, urljoin(url, alt.get("href") or ""), locator))
    return dict(links=tuple(links), alternates=tuple(alternates))
