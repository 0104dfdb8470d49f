"""Where a finding's element sits on its page's screenshot: measured in the browser page the screenshot is taken
of, just before it is taken, and kept in the archive beside the screenshot (crawler/captures/warc.py), so that
`footprint analyze` draws the same marks without a browser (crawler/runs/shot_marks.py).

A locator names an element when it is "text" (the text node holding the finding's match, as its snippet shows
it, is found with a TreeWalker) or a CSS selector of HTML tags (`a[href]`, `select option`, `link[hreflang]`): of
the elements it selects, the first whose text, attributes or resolved link holds the match is measured by
Playwright. Matches are whole words at their edges. An element with no box (in <head>, hidden, empty) or a match
found nowhere is recorded as None: "not located", never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import defs

from detectors.document import BUTTONS
from detectors.model import Finding
from reports.evidence_view import marked

_LANGUAGE_NOTE = re.compile(r"\s*\([^()]*\)$")  # "text (de)", "select option (fr)": the locator, then a note
_SELECTOR_STEP = re.compile(r"([a-z][a-z0-9]*)((?:\[[^\]]+\]|[.#][\w-]+)*)")
_LINK_TO = re.compile(r'a\[href="([^"]+)"\]')  # a call to action's link: the URL as resolved, not as written
_UNQUOTED = re.compile(r'\[([\w-]+)([~|^$*]?=)([^"\]\s]+)\]')  # a[href^=tel:]: valid once the value is quoted
OFF_SCREEN = frozenset({"html", "head"})  # the whole page, or never drawn: nothing to mark
MIN_NEEDLE = 2


@dataclass(frozen=True)
class ElementQuery:
    finding_id: str
    selector: str  # "" for text
    needles: tuple[str, ...]  # what the element must hold, tried in order (case and spacing aside)
    href: str = ""  # the resolved URL an <a> must link to (the selector is then "a")


def element_query(finding: Finding) -> ElementQuery | None:
    """The query that finds a finding's element, or None when its locator names no element (a URL, a redirect,
    a comparison of visitors)."""
    base = _LANGUAGE_NOTE.sub("", finding.evidence.locator).strip()
    _, match, _ = marked(finding.evidence.snippet, finding.evidence.value)
    if base == "text":  # only the value as its snippet shows it: a detected language "de" is no text to find
        return ElementQuery(finding.id, "", (match.strip(),)) if match.strip() else None
    value = finding.evidence.value
    needles = tuple(dict.fromkeys(n.strip() for n in (match, value, value.rsplit(": ", 1)[-1])
                                  if len(n.strip()) >= MIN_NEEDLE))
    if not needles:
        return None
    if base == "button":  # what detectors/document.py reads as buttons, links styled as buttons among them
        return ElementQuery(finding.id, BUTTONS, needles)
    if link := _LINK_TO.fullmatch(base):
        return ElementQuery(finding.id, "a", needles, link.group(1))
    if not is_element_selector(base):
        return None
    return ElementQuery(finding.id, _UNQUOTED.sub(r'[\1\2"\3"]', base), needles)


def is_element_selector(text: str) -> bool:
    """A CSS selector of HTML elements (each step a known tag, then attributes, classes or ids), not "url host"."""
    steps = text.split()
    matches = [_SELECTOR_STEP.fullmatch(step) for step in steps]
    return bool(steps) and all(m and m.group(1) in defs.tags for m in matches) and matches[0].group(1) not in OFF_SCREEN


# Matching shared by both scripts: case and whitespace runs aside, and only at word edges, so "EUR" is not found in
# "Europa" nor "de" in "index" (a needle's edge that is a letter or digit must not touch another).
_FIND = """
  const fold = s => (s || '').replace(/\\s+/g, ' ').toLowerCase();
  const word = /[\\p{L}\\p{N}]/u;
  const edge = (a, b) => !(word.test(a || '') && word.test(b || ''));
  const find = (text, needle) => {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (edge(text[at - 1], needle[0]) && edge(needle[needle.length - 1], text[at + needle.length])) return at;
    }
    return -1;
  };
"""

# Both scripts return page coordinates (CSS pixels from the document's top left), as a full-page screenshot has.
_TEXT_BOX = """needles => {""" + _FIND + """
  for (const needle of needles.map(fold)) {
    const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const tag = node.parentElement && node.parentElement.tagName;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(tag)) continue;
      const range = document.createRange();
      const at = find(node.data.toLowerCase(), needle);
      if (at >= 0) { range.setStart(node, at); range.setEnd(node, at + needle.length); }
      else if (find(fold(node.data), needle) >= 0) { range.selectNodeContents(node); }  // spaced otherwise
      else continue;
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) return [r.left + scrollX, r.top + scrollY, r.width, r.height];
    }
  }
  return null;
}"""

_ELEMENT = """([selector, href, needles]) => {""" + _FIND + """
  let elements;
  try { elements = Array.from(document.querySelectorAll(selector)); } catch (e) { return null; }
  if (href) elements = elements.filter(el => el.href === href);
  for (const needle of needles.map(fold)) {
    for (const el of elements) {
      const texts = [el.textContent, el.href, ...Array.from(el.attributes, a => a.value)];
      if (texts.some(t => find(fold(t), needle) >= 0)) return el;
    }
  }
  return null;
}"""


def measure(page, queries: list[ElementQuery]) -> dict[str, list[float] | None]:
    """Each query's box [x, y, width, height] in CSS pixels of the page, or None where it is not located."""
    boxes: dict[str, list[float] | None] = {}
    scroll_x, scroll_y = page.evaluate("() => [scrollX, scrollY]")
    for query in queries:
        if not query.selector:
            box = page.evaluate(_TEXT_BOX, list(query.needles))
        else:
            element = page.evaluate_handle(_ELEMENT, [query.selector, query.href, list(query.needles)]).as_element()
            found = element.bounding_box() if element is not None else None
            box = ([found["x"] + scroll_x, found["y"] + scroll_y, found["width"], found["height"]]
                   if found and found["width"] > 0 and found["height"] > 0 else None)
        boxes[query.finding_id] = [round(v, 1) for v in box] if box else None
    return boxes
