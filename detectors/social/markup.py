"""What the parsers of social pages share: the visible text of an element, the links in it (absolute, redirect
wrappers taken off), counts as displayed ("12.4K"), and JSON held in a page (JSON-LD, inline-script data).

Plain helpers over a parsed tree (selectolax) or parsed JSON; no platform knowledge beyond `handles`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import parse_qs, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from detectors.model import Link
from detectors.social.handles import platform_of, unwrap

_BREAKS = re.compile(
    r"(</(?:p|div|li|h[1-6]|blockquote|section|article|header|footer|tr)\s*>|<br\s*/?>)", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'()\[\]{}]+")


# --------------------------------------------------------------------------------------------- text and links


def node_text(node) -> str:
    """Visible text of an element, line breaks kept (<br> and block ends), spaces inside lines collapsed."""
    fragment = LexborHTMLParser(_BREAKS.sub(lambda m: m.group(1) + "\n", node.html or ""))
    fragment.strip_tags(["script", "style", "noscript", "template", "svg"])
    root = fragment.body or fragment.root
    raw = root.text(deep=True, separator="") if root else ""
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def links_in(node, base_url: str, *, self_link: bool = False, locator: str = "a[href]") -> tuple[Link, ...]:
    """Links inside an element (and the element itself when it is a link and `self_link`), absolute, unwrapped.
    In-page anchors, scripts and Telegram's hashtag searches (?q=%23tag) are left out."""
    anchors = list(node.css("a[href]"))
    if self_link and node.tag == "a" and node.attributes.get("href"):
        anchors.insert(0, node)
    out = []
    for anchor in anchors:
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        target = unwrap(urljoin(base_url, href))
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https", "mailto", "tel"):
            continue  # tg://resolve, javascript:, data:, app deep links
        if platform_of(target) == "telegram" and parse_qs(parts.query).get("q", [""])[0].startswith("#"):
            continue  # a hashtag: a search on t.me, not a link the firm published
        text = " ".join(anchor.text(deep=True, separator="").split())[:200]
        out.append(Link(target, text, locator))
    return tuple(out)


def urls_in_text(text: str) -> tuple[Link, ...]:
    return tuple(Link(unwrap(m.group(0).rstrip(".,;:!?")), "", "text (url)") for m in _URL_IN_TEXT.finditer(text))


def parse_count(text: str) -> int | None:
    """12400 from "12.4K subscribers", 1234 from "1 234" or "1,234", 2000000 from "2M"."""
    match = re.search(r"(\d[\d\s.,\u00a0\u202f]*)\s*([KkMm]?)", text)
    if not match:
        return None
    number, suffix = re.sub(r"[\s\u00a0\u202f]", "", match.group(1)).rstrip(".,"), match.group(2).lower()
    if suffix:
        value = float(number.replace(",", "."))
        return int(round(value * (1000 if suffix == "k" else 1_000_000)))
    digits = re.sub(r"[.,]", "", number)
    return int(digits) if digits else None


# ------------------------------------------------------------------------------------------------------ JSON


def json_ld(tree) -> Iterator[object]:
    """Each parseable <script type="application/ld+json"> block, in page order."""
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            yield json.loads(node.text())
        except ValueError:
            continue


def script_json(tree, marker: re.Pattern | None, script_id: str = ""):
    """JSON assigned in an inline script (`var ytInitialData = {...};`) or held whole by <script id=...>."""
    if script_id:
        node = tree.css_first(f'script[id="{script_id}"]')
        if node is None:
            return None
        try:
            return json.loads(node.text())
        except ValueError:
            return None
    for node in tree.css("script"):
        text = node.text()
        match = marker.search(text) if marker else None
        if match:
            try:
                return json.JSONDecoder().raw_decode(text, match.end())[0]
            except ValueError:
                continue
    return None


def find(data, key: str) -> Iterator[object]:
    """Every value under `key` anywhere in nested JSON, depth first in document order."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if key in item:
                yield item[key]
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def find_types(data, types: set[str]) -> Iterator[dict]:
    """Every object whose "@type" is (or lists) one of `types`, depth first, not looking inside a match."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            kind = item.get("@type")
            if (isinstance(kind, str) and kind in types) or (isinstance(kind, list) and set(kind) & types):
                yield item
                continue
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
