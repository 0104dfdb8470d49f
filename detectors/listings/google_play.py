"""Google Play app listings from a details page (`/store/apps/details?id=<package>&gl=<cc>&hl=<lang>`).

Table-driven: `RULES` says, for each field, where to find it, in order of preference. A rule reads one of

- `css`:  the first element matching a CSS selector (selectolax), its text or one attribute;
- `meta`: a `<meta>` tag by name, property or itemprop (og:title, appstore:developer_url, ...);
- `data`: a regular expression over the page's `AF_initDataCallback({key: 'ds:N', ... data: ...})` blocks, whose
  strings are JSON-escaped (the post step unescapes them);
- `line`: a regular expression that must match a whole line of the visible text (availability notices).

and then a post-processing step. The first rule of a field that yields a non-empty value wins. When Google
changes the layout, the fix is one edit of this table. Class names (`Vbfug`, `bARER`, ...) are obfuscated and
churn; rules prefer stable hooks (itemprop, data-g-id, meta, href shapes) and fall back to the data blocks.

A parse in which every content field is empty is not a clean result: `is_empty()` tells the caller to report the
storefront `inconclusive` (a changed layout, a consent or bot wall, a truncated body).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from urllib.parse import parse_qs, urlsplit

from selectolax.lexbor import LexborHTMLParser

SOURCES = ("css", "meta", "data", "line")
# Block-level ends and <br> become line breaks before parsing, so text from different blocks never runs together
# and a description keeps its lines.
_BREAKS = re.compile(
    rb"(</(?:p|div|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|aside|main|button|"
    rb"dd|dt|dl|blockquote|label|form|address|pre|title)\s*>|<br\s*/?>)",
    re.IGNORECASE,
)
_INVISIBLE = ["script", "style", "noscript", "template", "svg", "iframe", "head"]
_BLOCK = re.compile(r"AF_initDataCallback\(\{key:\s*'(ds:\d+)'.*?data:(.*?), sideChannel: \{\}\}\);", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_S = r'((?:[^"\\]|\\.)*)'  # a JSON string's content, escapes kept (the `_json` post step decodes them)


# --- post-processing steps -------------------------------------------------------------------------------------

def _squash(value: str) -> str:
    """One line, single spaces."""
    return " ".join(value.split())


def _lines(value: str) -> str:
    """Line breaks kept, spaces squashed, empty lines dropped (the Document text convention)."""
    lines = (" ".join(line.split()) for line in value.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _html_text(value: str) -> str:
    """An HTML fragment (a description from a data block) as plain text with its line breaks."""
    value = re.sub(r"(?i)<br\s*/?>|</p\s*>|</li\s*>", "\n", value)
    return _lines(html.unescape(_TAG.sub("", value)))


def _json(value: str) -> str:
    """A JSON-escaped string from a data block, decoded, as plain text."""
    try:
        decoded = json.loads(f'"{value}"')
    except json.JSONDecodeError:
        return ""
    return _html_text(decoded)


def _store_title(value: str) -> str:
    """og:title is "<app> - Apps on Google Play" (localised: "- Apps bei Google Play"): drop the store's part."""
    value = _squash(value)
    for dash in (" - ", " – ", " — "):
        head, sep, tail = value.rpartition(dash)
        if sep and "Google Play" in tail:
            return head.strip()
    return "" if value == "Google Play" else value  # the store's own page title: no listing


def _mailto(value: str) -> str:
    address = value.strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    address = address.split("?")[0].strip()
    return address if "@" in address else ""


def _query_id(value: str) -> str:
    """The `id` of a developer link (/store/apps/dev?id=570... or /store/apps/developer?id=Name)."""
    return (parse_qs(urlsplit(html.unescape(value)).query).get("id") or [""])[0].strip()


def _rating(value: str) -> str:
    """"4.3", "4,3", "Rated 4.3 stars out of five stars" -> "4.3"."""
    m = _NUMBER.search(value)
    return m.group(0).replace(",", ".") if m else ""


def _installs(value: str) -> str:
    value = _json(value) if "\\" in value else _squash(value)
    return value if any(c.isdigit() for c in value) else ""


# --- the table -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldRule:
    field: str  # a PlayListing field
    source: str  # css | meta | data | line
    query: str  # CSS selector, meta key, or regular expression
    attr: str = ""  # css only: read this attribute instead of the element's text
    group: int = 1  # data and line only: the regex group holding the value
    post: Callable[[str], str] = _squash


# The contact block of the details data: [[..., [null,null,"<website>"]], ["<email>"], null, null,
# ["<legal name>", ["<email>"], ["<postal address>"], "<phone>"]]
_CONTACT = (r'\[\[null,null,null,null,null,\[null,null,"' + _S + r'"\]\],\["' + _S + r'"\],null,null,\["' + _S
            + r'",\["' + _S + r'"\],\["' + _S + r'"\],"' + _S + r'"\]\]')

RULES: tuple[FieldRule, ...] = (
    FieldRule("title", "css", 'h1 [itemprop="name"]'),
    FieldRule("title", "css", "h1"),
    FieldRule("title", "meta", "og:title", post=_store_title),
    FieldRule("title", "data", r'^\s*\[\[\[\[\]\]\],\[null,null,\[\["' + _S + r'"\]', post=_json),
    FieldRule("developer", "css", 'a[href*="/store/apps/dev"]'),
    FieldRule("developer", "data", r'\["' + _S + r'"\],(?:null,){4}\[\d+,\d+,\d+\]', post=_json),
    FieldRule("developer_id", "css", 'a[href*="/store/apps/dev"]', attr="href", post=_query_id),
    FieldRule("description", "css", '[data-g-id="description"]', post=_lines),
    FieldRule("description", "data", r'"\]\],null,null,\[\[null,"' + _S + r'"', post=_json),
    FieldRule("summary", "meta", "og:description"),
    FieldRule("summary", "meta", "description"),
    FieldRule("release_notes", "css", 'div[itemprop="description"]', post=_lines),
    FieldRule("release_notes", "data", r'\[null,\[null,"' + _S + r'"\]\],\[\["[^"]*",\[\d+,\d+\]\]\]', post=_json),
    FieldRule("email", "css", 'a[href^="mailto:"]', attr="href", post=_mailto),
    FieldRule("email", "data", _CONTACT, group=2, post=_json),
    FieldRule("website", "meta", "appstore:developer_url"),
    FieldRule("website", "data", _CONTACT, group=1, post=_json),
    FieldRule("legal_name", "data", _CONTACT, group=3, post=_json),
    FieldRule("address", "data", _CONTACT, group=5, post=_json),
    FieldRule("phone", "data", _CONTACT, group=6, post=_json),
    FieldRule("rating", "css", '[itemprop="starRating"] [aria-label]', attr="aria-label", post=_rating),
    FieldRule("rating", "css", '[itemprop="starRating"]', post=_rating),
    FieldRule("rating", "data", r'\[\["(\d(?:[.,]\d+)?)",\d(?:\.\d+)?\],\[null,\["', post=_rating),
    FieldRule("installs", "data", r'\["(\d[^"]{0,24}\+)",\d+,\d+,"', post=_installs),
    FieldRule("genre", "css", '[itemprop="genre"] span'),
    FieldRule("genre", "css", '[itemprop="genre"]'),
    # Availability notices: a whole line of the visible text, so a review quoting one does not count. These are
    # the store's wording as we model it (not a recording); a new wording is one more entry here.
    FieldRule("unavailable", "line", r"(?i)(?:this|the) (?:app|item|application|game) (?:is not|isn['’]t|is no longer) "
              r"available (?:in|for) your (?:country|region)\.?", group=0),
    FieldRule("unavailable", "line", r"(?i)(?:diese app|dieser artikel|dieses element|dieses spiel) ist in deinem "
              r"land nicht (?:mehr )?verfügbar\.?", group=0),
    FieldRule("unavailable", "line", r"(?i)cet(?:te)? (?:application|article|élément|jeu) n['’]est pas disponible "
              r"dans votre pays\.?", group=0),
    FieldRule("unavailable", "line", r"(?i)(?:esta aplicación|este artículo|este elemento|este juego) no está "
              r"disponible en tu país\.?", group=0),
    FieldRule("unavailable", "line", r"(?i)questa (?:app|applicazione) non è disponibile nel tuo paese\.?", group=0),
    # Google's not-found page: for a package listed elsewhere, the store's way of saying "not in this country".
    FieldRule("not_found", "line", r"(?i)we['’]re sorry, the requested url was not found on this server\.?",
              group=0),
)


# --- the listing -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlayListing:
    package: str  # the `id=` of the URL
    url: str  # the details URL that was fetched
    gl: str  # the `gl=` of the URL, upper case ("" when absent): the storefront
    hl: str  # the `hl=` of the URL, as given: the UI language asked for, not the publisher's choice
    title: str = ""
    developer: str = ""
    developer_id: str = ""
    description: str = ""
    summary: str = ""  # the short description (og:description)
    release_notes: str = ""  # "What's new"
    email: str = ""
    website: str = ""
    legal_name: str = ""
    address: str = ""
    phone: str = ""
    rating: str = ""
    installs: str = ""
    genre: str = ""
    unavailable: str = ""  # the notice that said the app is not offered here, as shown
    not_found: str = ""  # Google's not-found notice, as shown
    fetched_at: str = ""
    body_sha256: str = ""
    record_id: str = ""

    @property
    def storefront(self) -> str:
        return self.gl

    @property
    def available(self) -> bool | None:
        """False on an availability or not-found notice, True when a listing was read, None when nothing was."""
        if self.unavailable or self.not_found:
            return False
        return None if is_empty(self) else True


CONTENT_FIELDS = ("title", "developer", "description", "summary")
_FIELDS = frozenset(f.name for f in fields(PlayListing))


def is_empty(listing: PlayListing) -> bool:
    """Nothing read at all: neither listing content nor a notice. The caller reports that `inconclusive`."""
    return not any(getattr(listing, name) for name in (*CONTENT_FIELDS, "unavailable", "not_found"))


class _Page:
    """The parsed views the rules read, each built on first use."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self._tree = None
        self._meta: dict[str, str] | None = None
        self._data: str | None = None
        self._lines: tuple[str, ...] | None = None

    @property
    def tree(self) -> LexborHTMLParser:
        if self._tree is None:
            self._tree = LexborHTMLParser(_BREAKS.sub(rb"\1\n", self.body))
        return self._tree

    @property
    def meta(self) -> dict[str, str]:
        if self._meta is None:
            self._meta = {}
            for node in self.tree.css("meta[content]"):
                attrs = node.attributes
                for key in ("name", "property", "itemprop"):
                    name = (attrs.get(key) or "").strip().lower()
                    if name:
                        self._meta.setdefault(name, attrs.get("content") or "")
        return self._meta

    @property
    def data(self) -> str:
        """Every AF_initDataCallback data block, ds:5 (the app's details) first, then in page order."""
        if self._data is None:
            text = self.body.decode("utf-8", errors="replace")
            blocks = _BLOCK.findall(text)
            blocks.sort(key=lambda kv: kv[0] != "ds:5")
            self._data = "\n".join(data for _, data in blocks)
        return self._data

    @property
    def lines(self) -> tuple[str, ...]:
        if self._lines is None:
            tree = LexborHTMLParser(_BREAKS.sub(rb"\1\n", self.body))
            tree.strip_tags(_INVISIBLE)
            root = tree.body or tree.root
            raw = root.text(deep=True, separator=" ") if root else ""
            self._lines = tuple(line for line in (" ".join(part.split()) for part in raw.split("\n")) if line)
        return self._lines

    def read(self, rule: FieldRule) -> str:
        if rule.source == "css":
            for node in self.tree.css(rule.query):
                value = (node.attributes.get(rule.attr) or "") if rule.attr else node.text(deep=True, separator="")
                if value.strip():
                    return value
            return ""
        if rule.source == "meta":
            return self.meta.get(rule.query.lower(), "")
        if rule.source == "data":
            m = _regex(rule.query, re.MULTILINE).search(self.data)
            return m.group(rule.group) if m else ""
        if rule.source == "line":
            pattern = _regex(rule.query, 0)
            for line in self.lines:
                m = pattern.fullmatch(line)
                if m:
                    return m.group(rule.group)
            return ""
        raise ValueError(f"unknown rule source {rule.source!r}")


@cache
def _regex(query: str, flags: int) -> re.Pattern:
    return re.compile(query, flags)


def check_rules(rules: tuple[FieldRule, ...] = RULES) -> None:
    """Fails loudly on a table entry that names an unknown field or source (run by the tests)."""
    for n, rule in enumerate(rules):
        if rule.field not in _FIELDS or rule.field in ("package", "url", "gl", "hl", "fetched_at", "body_sha256",
                                                        "record_id"):
            raise ValueError(f"RULES[{n}]: {rule.field!r} is not a listing field a rule can fill")
        if rule.source not in SOURCES:
            raise ValueError(f"RULES[{n}]: source {rule.source!r} is not one of {SOURCES}")
        if rule.attr and rule.source != "css":
            raise ValueError(f"RULES[{n}]: attr is for css rules only")
        if rule.source in ("data", "line"):
            _regex(rule.query, 0)


def url_parts(url: str) -> tuple[str, str, str]:
    """(package, gl upper-cased, hl) of a details URL."""
    query = parse_qs(urlsplit(url).query)

    def first(key: str) -> str:
        return (query.get(key) or [""])[0].strip()

    return first("id"), first("gl").upper(), first("hl")


def details_url(package: str, gl: str, hl: str) -> str:
    """The details URL for one package, storefront and UI language (what the crawler should fetch)."""
    return f"https://play.google.com/store/apps/details?id={package}&gl={gl.upper()}&hl={hl}"


def parse_details(body: bytes, url: str, *, fetched_at: str = "", record_id: str = "",
                  rules: tuple[FieldRule, ...] = RULES) -> PlayListing:
    """Read a details page with the rule table. Never raises on a strange page: it comes back empty instead."""
    package, gl, hl = url_parts(url)
    page = _Page(body)
    values: dict[str, str] = {}
    for rule in rules:
        if values.get(rule.field):
            continue
        raw = page.read(rule)
        value = rule.post(raw) if raw else ""
        if value:
            values[rule.field] = value
    return PlayListing(package=package, url=url, gl=gl, hl=hl, fetched_at=fetched_at,
                       body_sha256=hashlib.sha256(body).hexdigest(), record_id=record_id, **values)
