"""How much of one page is parsed: the limits, and the byte pre-scan that cuts a page at them before lexbor sees it.

lexbor, like every HTML tree builder, walks the stack of open elements for most start tags ("is a <p> open in
button scope?"), so its cost grows with nesting depth times element count: 30,000 nested <div>s take 1.3 s,
100,000 about 15 s, 300,000 minutes (measured, see docs/SECURITY.md). A page with at most `prescan_above`
`<` characters cannot cost more than a page at the limits, so it is parsed as it is; a bigger one is pre-scanned
here, in one pass over its tags, and cut where its elements nest deeper than `depth` or number more than `nodes`.
The pre-scan follows the tree builder's rules for when an end tag pops elements (WHATWG HTML, "the stack of open
elements") so that ordinary sloppy markup does not look deep, and errs on the deep side wherever it simplifies:
it may cut a page a browser would nest a little less deeply, never let through one nested more deeply.

A page cut here is judged on the part before the cut and listed as truncated, with the reason (Document.truncated).
Limits are structural, never wall-clock: the same capture always gives the same document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class PageLimits:
    depth: int = 256  # elements nested in one another (the pre-scan's count; Chromium nests at most 512)
    nodes: int = 100_000  # tags in one page
    attribute: int = 65_536  # characters of one attribute value read (a longer one is ignored)
    text: int = 1_000_000  # characters of visible text judged
    prescan_above: int = 4_096  # `<` characters above which a page is pre-scanned (4,096 nested <div>s: 0.1 s)


PAGE_LIMITS = PageLimits()

_TAG = re.compile(rb"<(?:(!--)|(/?)([A-Za-z][^\s/>]*))")
_COMMENT_END = re.compile(rb"->|>|.*?--!?>", re.DOTALL)  # "<!-->" and "<!--->" are empty comments
# Elements whose content is text up to their end tag (in HTML content; in SVG or MathML they are ordinary).
_RAW_TEXT = {name: re.compile(rb"</" + name.encode() + rb"[\s/>]", re.IGNORECASE)
             for name in ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")}
_VOID = frozenset("area base br col embed hr img image input link meta param source track wbr keygen basefont "
                  "bgsound frame".split())
_IGNORED = frozenset({"html", "head", "body", "frameset"})  # one of each, whatever the markup says
# The tree builder's categories (WHATWG HTML 13.2.4.2-3): an end tag of a special element pops everything above it
# unless a scope boundary lies between; any other end tag pops only ordinary elements.
# (<select> is one here too: inside it the tree builder ignores every end tag but its own and its options'.)
_SCOPE_BOUNDARY = frozenset("applet caption html table td th marquee object template select".split())
# The end tags whose scope has more boundaries: </li> (list item scope) and </p> (button scope); table parts are
# in table scope, whose only boundaries are <table> and <template>.
_SCOPE_EXTRA = {"li": ("ol", "ul"), "p": ("button",)}
_TABLE_PARTS = frozenset("table caption colgroup tbody thead tfoot tr td th".split())
_TABLE_SCOPE = ("table", "template", "select")
_SPECIAL_HTML = _SCOPE_BOUNDARY | frozenset(
    "address area article aside base basefont bgsound blockquote body br button center col colgroup dd details dir "
    "div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr "
    "iframe img input keygen li link listing main menu meta nav noembed noframes noscript ol p param plaintext pre "
    "script search section select source style summary tbody textarea tfoot thead tr track ul wbr xmp".split())
# Formatting elements stay in the list of active formatting elements when something else closes them, and are
# opened again before later content ("reconstructed"); three of the same tag at most (the "Noah's Ark" clause).
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
# Start tags that close an open element of the same name at the top of the stack.
_SELF_CLOSING_SIBLINGS = frozenset("option optgroup a nobr".split())
# Start tags that close an open <p> in button scope.
_CLOSES_P = frozenset("address article aside blockquote center details dialog dir div dl fieldset figcaption figure "
                      "footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre "
                      "listing form table hr xmp li dd dt".split())
# Start tags that close the nearest open element of these names when nothing but ordinary elements (and address,
# div, p) lies above it; and table parts that close the nearest open one in table scope.
_CLOSES_LIST_ITEM = {"li": ("li",), "dd": ("dd", "dt"), "dt": ("dd", "dt")}
_CLOSES_TABLE_PART = {"td": ("td", "th"), "th": ("td", "th"), "tr": ("tr",), "tbody": ("tbody", "thead", "tfoot"),
                      "thead": ("tbody", "thead", "tfoot"), "tfoot": ("tbody", "thead", "tfoot")}
_HEADINGS_TUPLE = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADINGS = frozenset(_HEADINGS_TUPLE)
# In SVG and MathML, "/>" closes an element; these start tags leave foreign content for HTML again (and <font> with
# a color, face or size attribute).
_FOREIGN_ROOTS = frozenset({"svg", "math"})
_INTEGRATION_POINTS = frozenset("foreignobject desc title mi mo mn ms mtext annotation-xml".split())
_BREAKOUT = frozenset("b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img "
                      "li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul "
                      "var".split())
_FONT_BREAKOUT = re.compile(rb"[\s/](?:color|face|size)[\s/=>]", re.IGNORECASE)


def bounded(body: bytes, limits: PageLimits = PAGE_LIMITS) -> tuple[bytes, str]:
    """The part of `body` within the limits, and why it was cut ("" when it is whole)."""
    reasons = []
    # Only a page with a run longer than the limit between two ">" can hold such an attribute value.
    if len(body) > limits.attribute and max(map(len, body.split(b">"))) > limits.attribute:
        body, dropped = _long_values(limits.attribute).subn(lambda m: m.group(1) + b'""', body)
        if dropped:
            reasons.append(f"{dropped} attribute value(s) longer than {limits.attribute:,} bytes left out")
    if body.count(b"<") > limits.prescan_above:
        body, cut = _OpenElements(limits).scan(body)
        reasons += [cut] if cut else []
    return body, "; ".join(reasons)


@lru_cache(maxsize=4)
def _long_values(limit: int) -> re.Pattern[bytes]:
    """An attribute's `=` and a quoted or bare value longer than `limit`; each value is read once (linear)."""
    return re.compile(rb"""(=[ \t\n\f\r]*)(?:"[^"]{%d,}"|'[^']{%d,}'|[^\s"'>=<`]{%d,})""" % ((limit + 1,) * 3))


class _OpenElements:
    """A model of the tree builder's stack of open elements, enough to bound its depth from above."""

    def __init__(self, limits: PageLimits):
        self.limits = limits
        self.names: list[str] = []
        self.foreign: list[bool] = []  # per open element: in SVG or MathML (where "/>" closes)
        self.tags: list[bytes] = []  # per open formatting element: its whole start tag (b"" for others)
        self.where: dict[str, list[int]] = {}  # name -> its positions in the stack, ascending
        # specials[i] / boundaries[i]: special elements / scope boundaries among the first i open ones, so that
        # "is there one above position k" costs one subtraction.
        self.specials: list[int] = [0]
        self.boundaries: list[int] = [0]
        # Formatting elements closed by another element's end tag, which the tree builder opens again before later
        # content: per tag (name and attributes, at most 3 alike), per name (in closing order), and in all.
        self.closed_tags: dict[bytes, int] = {}
        self.closed_by_name: dict[str, list[bytes]] = {}
        self.closed = 0

    def scan(self, body: bytes) -> tuple[bytes, str]:
        pos, nodes = 0, 0
        while match := _TAG.search(body, pos):
            if match.group(1):
                end = _COMMENT_END.match(body, match.end())
                if end is None:  # a comment never closed: the rest of the page is in it
                    break
                pos = end.end()
                continue
            nodes += 1
            if nodes > self.limits.nodes:
                return body[:match.start()], f"more than {self.limits.nodes:,} elements"
            name = match.group(3).decode("latin-1").lower()
            pos = match.end()
            if match.group(2):
                self._end(name)
                continue
            pos = self._start(name, body, match.start(), pos)
            if pos < 0:  # <plaintext>: the rest of the page is text
                break
            if len(self.names) + self.closed > self.limits.depth:
                return body[:match.start()], f"elements nested deeper than {self.limits.depth}"
        return body, ""

    def _start(self, name: str, body: bytes, start: int, pos: int) -> int:
        in_foreign = bool(self.foreign) and self.foreign[-1] and self.names[-1] not in _INTEGRATION_POINTS
        breakout = name in _BREAKOUT or name == "font" and _FONT_BREAKOUT.search(body, start, body.find(b">", pos) + 1)
        if in_foreign and breakout:  # back to HTML: SVG or MathML elements closed
            while self.foreign and self.foreign[-1] and self.names[-1] not in _INTEGRATION_POINTS:
                self._pop()
            in_foreign = False
        if not in_foreign:
            end = _RAW_TEXT[name].search(body, pos) if name in _RAW_TEXT else None
            if end is not None:
                return end.end()
            if name == "plaintext":
                return -1
            if name in _IGNORED or name in _VOID:
                return pos
        foreign = in_foreign or name in _FOREIGN_ROOTS
        if foreign:
            close = body.find(b">", pos)
            tag = body[start:close] if close >= 0 else b""
            if tag.endswith(b"/") and b'"' not in tag and b"'" not in tag:
                return pos  # "/>" closes it at once
        else:
            if name in _TABLE_PARTS and name != "table" and not self.where.get("table"):
                return pos  # a table part outside any table: the tree builder ignores it
            if name == "select" and self.where.get("select"):
                self._end(name)  # a <select> inside a select ends it, and opens nothing
                return pos
            self._implied_ends(name)
            self._implied_parents(name)
        self._push(name, foreign, body[start:body.find(b">", pos) + 1] if name in _FORMATTING else b"")
        return pos

    def _implied_ends(self, name: str) -> None:
        """What an HTML start tag closes before it opens (only where the tree builder surely closes it)."""
        top = self.names[-1] if self.names else ""
        if top == name and name in _SELF_CLOSING_SIBLINGS or name in _HEADINGS and top in _HEADINGS:
            self._pop()
        if name in ("a", "nobr"):  # only one active at a time: a second one ends the first
            self._forget_closed(name, every=True)
        if name in _CLOSES_TABLE_PART:
            at = self._nearest(_CLOSES_TABLE_PART[name])
            if at >= 0 and not self._above(_TABLE_SCOPE, at):
                self._pop_to(at)
            return
        if name in _CLOSES_LIST_ITEM:
            at = self._nearest(_CLOSES_LIST_ITEM[name])
            if at >= 0 and self.specials[-1] - self.specials[at + 1] == self._above(("address", "div", "p"), at):
                self._pop_to(at)
        if name in _CLOSES_P:
            at = self._nearest(("p",))
            if at >= 0 and not self.boundaries[-1] - self.boundaries[at + 1] and not self._above(("button",), at):
                self._pop_to(at)

    def _implied_parents(self, name: str) -> None:
        """The row and body a table cell or row gets when its markup leaves them out."""
        if name in ("td", "th", "tr") and self.names[-1] not in ("tr", "tbody", "thead", "tfoot"):
            self._push("tbody", False, b"")
        if name in ("td", "th") and self.names[-1] != "tr":
            self._push("tr", False, b"")

    def _end(self, name: str) -> None:
        if name == "form":
            return  # </form> takes the form out of the stack and leaves what is above it open
        at = self._nearest(_HEADINGS_TUPLE if name in _HEADINGS else (name,))  # any heading ends a heading
        if at < 0:
            self._forget_closed(name)
            return
        if self.foreign[at] or name not in _SPECIAL_HTML:
            above = self.specials[-1] - self.specials[at + 1]
        elif name in _TABLE_PARTS:
            above = self._above(_TABLE_SCOPE, at)
        else:
            above = self.boundaries[-1] - self.boundaries[at + 1] + self._above(_SCOPE_EXTRA.get(name, ()), at)
        if not above:  # else a scope boundary (for an ordinary element, a special one) lies above: ignored
            self._pop_to(at)

    def _nearest(self, names: tuple[str, ...]) -> int:
        """The position of the nearest open element of these names, -1 if none is open."""
        return max((self.where[n][-1] for n in names if self.where.get(n)), default=-1)

    def _above(self, names: tuple[str, ...], at: int) -> int:
        """How many elements of these names are open above position `at`."""
        return sum(len(self.where[n]) - bisect_right(self.where[n], at) for n in names if self.where.get(n))

    def _pop_to(self, at: int) -> None:
        while len(self.names) > at + 1:
            self._pop(closed_by_other=True)
        self._pop()

    def _push(self, name: str, foreign: bool, tag: bytes) -> None:
        self.where.setdefault(name, []).append(len(self.names))
        self.names.append(name)
        self.foreign.append(foreign)
        self.tags.append(tag)
        special = name in _INTEGRATION_POINTS if foreign else name in _SPECIAL_HTML
        boundary = name in _INTEGRATION_POINTS if foreign else name in _SCOPE_BOUNDARY
        self.specials.append(self.specials[-1] + special)
        self.boundaries.append(self.boundaries[-1] + boundary)

    def _pop(self, closed_by_other: bool = False) -> None:
        name = self.names.pop()
        foreign = self.foreign.pop()
        tag = self.tags.pop()
        self.specials.pop()
        self.boundaries.pop()
        self.where[name].pop()
        if closed_by_other and name in _FORMATTING and not foreign and self.closed_tags.get(tag, 0) < 3:
            self.closed_tags[tag] = self.closed_tags.get(tag, 0) + 1
            self.closed_by_name.setdefault(name, []).append(tag)
            self.closed += 1

    def _forget_closed(self, name: str, every: bool = False) -> None:
        tags = self.closed_by_name.get(name)
        while tags:
            tag = tags.pop()
            self.closed_tags[tag] -= 1
            self.closed -= 1
            if not every:
                return
