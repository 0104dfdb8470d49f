"""PAYMENT: EU payment rails the site offers (SEPA, iDEAL, BLIK, Bizum...), from lexicons/payment.yaml.

A rail counts when the page shows it as a way to pay: on a payment logo (image alt, title or file name), a picker
option or a button, or in running text in an offer context (detectors/offer_context.py: "Einzahlung per SEPA",
"betale med Vipps"; in the firm's own help centre, with no offer word too). It does not count when an article
explains it ("What is SEPA?", "cómo funciona Bizum"; on a page that names the site itself, the firm's help page
explains its own rail), names it as an example or as what exchanges in general do ("via methoden zoals iDEAL"),
compares it with a non-EEA rail ("ACH/SEPA"), or reports it (a news article). Brands that are also common nouns match
only as the brand writes them ("iDEAL", "BLIK", "Cartes Bancaires" — "carte bancaire" is any bank card).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from urllib.parse import urlsplit

from detectors.article_page import help_section, is_article
from detectors.call_languages import candidate_languages
from detectors.context import Context
from detectors.data_files import distinct, load
from detectors.headline_story import headline_story
from detectors.incentives import hedged
from detectors.model import Document, Finding
from detectors.offer_context import OfferContext, offer_context, read_words, scan
from detectors.own_voice import site_brand
from detectors.page_words import line_starts
from detectors.phrase_patterns import phrase_pattern
from detectors.text import snippet

INDICATOR = "PAYMENT"
FILE = "lexicons/payment.yaml"
_FILE_NAME_SEPARATORS = re.compile(r"[-_.+\d]+")
_WORD = re.compile(r"\w+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
LIST_NAMES = 3  # payment names (rails, card brands) that make a line or a run of short lines a list of methods
SHORT_LINE = 40  # characters: a list item, not a sentence
EXPLAINED_SUBJECT = 3  # mentions that make a rail the subject of a page laid out as an explanation
LABELS = 4096  # image labels, options, buttons and file names whose rails are kept


@dataclass(frozen=True)
class _Rail:
    name: str
    member_states: tuple[str, ...]
    strength: str
    logo_words: frozenset[str]  # how its logo file is named: "ideal", "bancontact", "mbway"


@dataclass(frozen=True)
class _Rules:
    folded: re.Pattern
    exact: re.Pattern
    foreign: re.Pattern
    brands: re.Pattern  # card and wallet brands: not rails, but names in a list of methods
    by_name: dict[str, int]  # a rail's name or term, lower-cased -> its index
    bare_line: re.Pattern  # a line that is only a rail's name, in any case ("Ideal" as a list item)
    rails: list[_Rail]
    logo_words: frozenset[str]  # every rail's logo words: a file name with none of them names no rail
    long_logo_words: re.Pattern  # the logo words of six letters or more, found inside a joined file name
    # The first word of every term, brand and name (lower-cased), per regex: a page with none of a regex's first
    # words among its own words gives that regex nothing, and is not scanned with it.
    firsts: dict[str, frozenset[str]]
    alphabet: frozenset[str]  # the letters of those words


def _logo_words(spec: dict) -> frozenset[str]:
    words = {spec["name"].lower().replace(" ", "")}
    words.update(t.lower().replace(" ", "") for t in spec["terms"] if " " not in t.strip() or len(t) <= 12)
    return frozenset(words)


@cache
def _rails() -> _Rules:
    data = load(FILE, "payment")
    rails, folded, exact = [], [], []
    firsts: dict[str, set[str]] = {"folded": set(), "exact": set(), "brands": set(), "bare": set()}
    by_name: dict[str, int] = {}
    for n, spec in enumerate(data["rails"]):
        by_name.update({t.lower(): n for t in spec["terms"] + [spec["name"]]})
        if not spec.get("case_sensitive"):  # a case-sensitive rail lists its spellings (iDEAL, iDeal): the schema
            distinct(FILE, f"rails[{n}].terms", spec["terms"])  # refuses exact duplicates
        rails.append(_Rail(spec["name"], tuple(spec["member_states"]), spec["strength"], _logo_words(spec)))
        terms = "|".join(phrase_pattern(t) for t in sorted(spec["terms"], key=len, reverse=True))  # longest first
        (exact if spec.get("case_sensitive") else folded).append(f"(?P<r{n}>{terms})")
        firsts["exact" if spec.get("case_sensitive") else "folded"].update(_first(t) for t in spec["terms"])
    never = "(?!x)x"
    wrap = r"(?<!\w)(?:{})(?!\w)"
    foreign = "|".join(re.escape(r) for r in data["foreign_rails"]) or never
    brands = "|".join(re.escape(b) for b in data["card_brands"]) or never
    firsts["brands"] = {_first(b) for b in data["card_brands"]}
    firsts["bare"] = {_first(n) for n in by_name}
    return _Rules(re.compile(wrap.format("|".join(folded) or never), re.IGNORECASE),
                  re.compile(wrap.format("|".join(exact) or never)), re.compile(wrap.format(foreign)),
                  re.compile(wrap.format(brands), re.IGNORECASE), by_name, _bare_line(by_name), rails,
                  frozenset().union(*(r.logo_words for r in rails)),
                  re.compile("|".join(re.escape(w) for r in rails for w in sorted(r.logo_words) if len(w) >= 6)
                             or never),
                  {k: frozenset(v) for k, v in firsts.items()}, frozenset("".join(set().union(*firsts.values()))))


def _first(term: str) -> str:
    return _WORD.findall(term)[0].lower()


def _scanned(rules: _Rules, text: str) -> frozenset[str]:
    """The regexes ("folded", "exact", "brands", "bare") that can match the text: those some of whose first words
    the page has (every one when the page's words cannot tell, see offer_context.read_words)."""
    read = read_words(text, rules.alphabet)
    if read is None:
        return frozenset(rules.firsts)
    return frozenset(k for k, words in rules.firsts.items() if not words.isdisjoint(read[1]))


def _bare_line(by_name: dict[str, int]) -> re.Pattern:
    names = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return re.compile(rf"^[ \t]*({names})[ \t]*(?:\(.*\))?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _matches(rules: _Rules, text: str, scanned: frozenset[str] | None = None):
    """Rail index and match of every rail named in a label, or (given what `_scanned` says of it) in a page."""
    for name, regex in (("folded", rules.folded), ("exact", rules.exact)):
        if scanned is None:
            found = regex.finditer(text)
        elif name in scanned:
            found = scan(regex, text, rules.firsts[name], rules.alphabet)
        else:
            continue
        for m in found:
            yield int((m.lastgroup or "r0")[1:]), m


def _shown(doc: Document) -> dict[int, tuple[str, str]]:
    """Rails on payment logos, picker options and buttons: rail index -> (snippet, locator)."""
    shown: dict[int, tuple[str, str]] = {}
    labelled = [(alt, "img[alt]") for alt, _title, _file in doc.images] + \
               [(title, "img[title]") for _alt, title, _file in doc.images] + \
               [(o, "select option") for o in doc.select_options] + [(b, "button") for b in doc.buttons]
    for label, locator in labelled:
        if label and len(label) <= 120:  # a label, not a paragraph
            for index in _label_rails(label):
                shown.setdefault(index, (label, locator))
    for _alt, _title, file_name in doc.images:
        for index in _file_rails(file_name):
            shown.setdefault(index, (file_name, "img[src] (file name)"))
    return shown


# A site's logos, pickers and buttons are the same on every page (the analyze benchmark: 20 labels and 24 images a
# page, 150 distinct in all): each read once.
@lru_cache(maxsize=LABELS)
def _label_rails(label: str) -> tuple[int, ...]:
    """The rail indices a label names, in the order found."""
    return tuple(index for index, _m in _matches(_rails(), label))


@lru_cache(maxsize=LABELS)
def _file_rails(file_name: str) -> tuple[int, ...]:
    """The rail indices an image's file name shows by a logo word ("sepa-logo.svg", "ideal_badge.png")."""
    rules = _rails()
    stem = file_name.rsplit(".", 1)[0].lower()
    words = {w for w in _FILE_NAME_SEPARATORS.split(stem) if w}
    joined = stem.replace("-", "").replace("_", "")
    if words.isdisjoint(rules.logo_words) and not rules.long_logo_words.search(joined):
        return ()
    return tuple(index for index, rail in enumerate(rules.rails)
                 if rail.logo_words & words or any(w in joined for w in rail.logo_words if len(w) >= 6))


def _method_lists(text: str, rules: _Rules, offers: OfferContext, mentions: dict[int, list[re.Match]],
                  scanned: frozenset[str]) -> dict[int, tuple[str, str]]:
    """Rails in a list of payment methods: a line naming three or more methods ("iDEAL, Bancontact, Visa"), or a
    run of short lines that does ("Ideal" / "Bancontact" / "Visa, Mastercard"). Rail index -> (snippet, locator).
    Works from the page's payment names found once, line by line only where there are some (a hot path)."""
    hits = [(m.start(), index) for index, ms in mentions.items() for m in ms]
    if "brands" in scanned:
        hits += [(m.start(), -1) for m in scan(rules.brands, text, rules.firsts["brands"], rules.alphabet)]
    if "bare" in scanned:
        hits += [(m.start(), rules.by_name[m.group(1).lower()]) for m in rules.bare_line.finditer(text)]
    if len(hits) < LIST_NAMES:
        return {}
    starts = line_starts(text)
    lines: dict[int, tuple[set[int], int]] = {}  # line number -> (rails, payment names: each rail once, brands)
    for pos, index in hits:
        n = bisect_right(starts, pos) - 1
        found, brands = lines.get(n, (set(), 0))
        lines[n] = (found | {index}, brands) if index >= 0 else (found, brands + 1)
    lines = {n: (found, len(found) + brands) for n, (found, brands) in lines.items()}

    def line(n: int) -> tuple[int, str]:
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(text)
        return starts[n], text[starts[n]:end]

    listed: dict[int, tuple[str, str]] = {}
    run: list[int] = []

    def close() -> None:
        # Three methods or more, each rail once: "Vipps-problemer" / "Vipps PIN-kode" / "Vipps-appen" list no methods.
        rails = set().union(*(lines[n][0] for n in run)) if run else set()
        if len(rails) + sum(lines[n][1] - len(lines[n][0]) for n in run) >= LIST_NAMES:
            shown = " / ".join(line(n)[1] for n in run)[:200]
            for n in run:
                for index in lines[n][0]:
                    listed.setdefault(index, (shown, "text (list of payment methods)"))
        run.clear()

    for n in sorted(lines):
        start, content = line(n)
        if run and n != run[-1] + 1:
            close()
        if len(content) <= SHORT_LINE:
            run.append(n)
            continue
        close()
        found, names = lines[n]
        if found and names >= LIST_NAMES and not offers.is_generic(start, start + 1):
            run.append(n)
            close()
    close()
    return listed


def _named_in_address(url: str, rail: _Rail) -> bool:
    """Whether the page's path names the rail by a logo word, as a word of its own or two joined ("...-mb-way",
    "/koppla-kreditkort-med-swish"; not "sepa" of "/separate-accounts"): the rail is what the page is about."""
    words = [w for w in _NOT_ALNUM.split(urlsplit(url).path.lower()) if w] if url else []
    named = set(words) | {a + b for a, b in pairwise(words)}
    return not named.isdisjoint(rail.logo_words)


def _names_itself(doc: Document) -> bool:
    """Whether the page's copy names the site (the first label of its domain): a page explaining a rail on the
    firm's own site is its help page, not a guide to what others offer."""
    brand = site_brand(doc.url)
    return brand is not None and brand.search(doc.text) is not None


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html" or not doc.text:
        return []
    rules = _rails()
    found_at: dict[int, tuple[str, str]] = _shown(doc)
    text = doc.text
    mentions: dict[int, list[re.Match]] = {}
    scanned = _scanned(rules, text)
    for index, m in _matches(rules, text, scanned):
        mentions.setdefault(index, []).append(m)
    brand = "brands" in scanned and next(scan(rules.brands, text, rules.firsts["brands"], rules.alphabet), None)
    offers = offer_context(text, frozenset(candidate_languages(doc))) if mentions or brand else None
    # A story's rails are its own (its address or markup says it is one), unless the site says it offers them.
    article = bool(offers) and (is_article(doc) or headline_story(doc, ctx))
    # The firm's help centre gives its own rails as examples too ("deposit, for example, EUR via Bank Transfer (SEPA)",
    # "if payment comes from the SEPA countries"): what it names there it offers, in an "article" of its own too.
    helping = help_section(doc.url)
    for index, ms in mentions.items():
        if index in found_at or offers is None or offers.editorial and not helping:
            continue
        # On a page that explains the rail its mentions are the explanation, unless the site says it offers it.
        # (A rail named again and again under an explainer heading is the article's subject.)
        # So is a rail the page's address is about ("/come-pagare-con-satispay", "/talletustavat/trustly/").
        explained = (any(offers.is_explained(m.start(), m.end()) for m in ms)
                     or (len(ms) >= EXPLAINED_SUBJECT and offers.explainer_headings())
                     or _named_in_address(doc.url, rules.rails[index]))
        if explained and (_names_itself(doc) or helping):
            explained = False  # the firm's help page explains the rail it offers ("... deinem Kriptomat-Konto")
        for m in sorted(ms, key=lambda m: m.start()):
            if (explained or article) and not offers.is_own_offer(m.start(), m.end()):
                continue
            left, right = offers.sentence(m.start(), m.end())
            # A hedged sentence tells what is usual, not what the site offers ("... suelen ser más altas que las
            # transferencias SEPA estándar"), except in the firm's help centre ("For example, ... the SEPA Transfer"),
            # which names its own rails with no offer word too ("a bank in the SEPA area"; news or law aside).
            if ((not offers.is_narrative(m.start(), m.end()) if helping
                 else offers.is_offer(m.start(), m.end(), beyond_match=True)
                 and not offers.is_generic(m.start(), m.end()))
                    and not offers.is_sign_in(m.start(), m.end())
                    and not rules.foreign.search(text, left, right)
                    and (helping or not hedged(text, m.start(), m.end(), candidate_languages(doc)))):
                found_at[index] = (snippet(text, m.start(), m.end()), "text")
                break
    if offers is not None and (not offers.editorial or helping) and not article:
        for index, shown in _method_lists(text, rules, offers, mentions, scanned).items():
            found_at.setdefault(index, shown)
    found = []
    for index in sorted(found_at, key=lambda i: rules.rails[i].name):
        rail = rules.rails[index]
        snip, locator = found_at[index]
        found.append(ctx.finding(doc, INDICATOR, value=rail.name, snippet=snip, locator=locator,
                                 member_states=rail.member_states, confidence=0.9, strength=rail.strength))
    return found
