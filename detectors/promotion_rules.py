"""PROMO: a page that is the rules of a promotion its publisher runs ("Promotion Period", "Organizer of the
Promotion", "Aktionszeitraum", "Teilnahmebedingungen", "Pravila dogodka", "regulamin promocji").

Campaign terms put the site's own offer to its reader even where the excerpt never states the reward ("Users must
register for the event to qualify for rewards"): the labelling guide reads them as PROMO (benchmarks/realweb/GUIDE.md).
Two different rule headings are needed (promotion_rules.yaml), so a guide that mentions "the campaign's terms" once
is not a campaign, unless the one opens the page's title ("Условия за ползване на бонус"); the campaign defined as
a term of its rules ('(dalej: "Akcja")', '(the "Promotion")', or unquoted and capitalised: "(Promotion)",
"(turpmāk tekstā - Ieteikumu programma)": campaign_names.yaml) is one of them. A title line that names a campaign and
its rules ("Sign-up Promotion Terms", "Ieteikumu programma: Noteikumi un nosacījumi": rules_titles.yaml) makes the
page those rules by itself. A page that
reports on or explains another firm's campaign (news, an explainer) is set aside by the test AFFILIATE and BONUS use
(detectors/affiliate_voice.py). BONUS asks first (taking part is the trigger of the reward such rules name), PROMO
next: the answer is worked out once per page.
"""

from __future__ import annotations

import re

from detectors.affiliate_voice import reports_on_programme
from detectors.article_page import first_lines, page_title, titles
from detectors.context import Context
from detectors.lexicon import phrase_lexicon, words_of
from detectors.model import Document, Finding
from detectors.page_memo import PageMemo
from detectors.phrases import aimed_at, own_language, phrase_findings
from detectors.text import snippet

RULES = "promotion_rules"
NAMES = "campaign_names"
TITLE_WORDS = "rules_titles"  # the words a document of rules is titled by: terms, conditions, rules
RULES_TITLE_LINES = 3  # first lines of the text that may title the rules (a risk warning may come first)
LOCATOR = "promotion rules"
MIN_HEADINGS = 2  # different rule phrases that make a page a promotion's rules
KEPT = 8  # pages whose answer is kept for PROMO, which asks of the same page after BONUS
_KEPT: PageMemo[Finding | None] = PageMemo(KEPT)
# A term defined in brackets: a few words ("the", "dalej:", "hereinafter") and a name in quotes ('(the "Promotion")').
_DEFINED = re.compile(r"\((?:[^()\n\"“”„«»]{0,40}?)[\"“„«](?P<name>[^\"“”„«»\n]{3,40})[\"”“»]\s*\)")
# The same unquoted: lower-case words ("the", "turpmāk tekstā -"), then a capitalised name ("(Promotion)", "(the Black
# Friday Promotion)") whose last word names a campaign.
_BRACKETS = re.compile(r"\((?P<inner>[^()\n\"“”„«»]{3,60})\)")
BARE_NAME_WORDS = 3  # words of an unquoted defined name


def promotion_rules(doc: Document, ctx: Context) -> Finding | None:
    """The page's first promotion-rule phrase as a finding of the lexicon's family (PROMO), when the page is the
    rules of the site's own promotion; None otherwise."""
    return _KEPT.get((doc, ctx), None, lambda: _rules(doc, ctx))


def _rules(doc: Document, ctx: Context) -> Finding | None:
    lexicon = phrase_lexicon(RULES)
    headings = phrase_findings(doc, ctx, lexicon.family, lexicon, localised_strength="medium",
                               english_strength="weak", locator=LOCATOR) + _defined_campaigns(doc, ctx)
    if len(headings) < MIN_HEADINGS and not (headings and _titled(doc, headings[0].evidence.value)):
        headings = _rules_title(doc, ctx)  # "Referral Programme Terms": the title says what the page is
        if not headings:
            return None
    if reports_on_programme(doc, lambda: lexicon.find(doc.text), headline=False):
        return None
    return headings[0]


def _titled(doc: Document, phrase: str) -> bool:
    """Whether the page's title, or its first line however short ("Teilnahmebedingungen"), opens with the rule phrase
    ("Bonus terms | Broker"): the page is those rules, not a warning about them ("Vorsicht bei intransparenten
    Bonusbedingungen")."""
    first = next(iter(first_lines(doc)), "")
    return page_title(doc).lower().startswith(phrase) or titles(first) and first.lower().startswith(phrase)


def _rules_title(doc: Document, ctx: Context) -> list[Finding]:
    """The title line that names a campaign and its rules together ("Lightyear Sign-up Promotion Terms"; a line
    ending in a colon read with the next: "Bondora Ieteikumu programma:" / "Noteikumi un nosacījumi"), as a finding
    (at most one); a title with rules and no campaign ("Terms of Use") is any terms page."""
    if doc.kind != "html":
        return []
    lines = [page_title(doc), *first_lines(doc)[:RULES_TITLE_LINES]]
    lines += [f"{line} {after}" for line, after in zip(lines[1:], lines[2:], strict=False) if line.endswith(":")]
    names, rules = phrase_lexicon(NAMES), phrase_lexicon(TITLE_WORDS)
    for line in filter(None, lines):
        # Short texts read with their own word index: the shared cache keeps the page's, which every family reads.
        index = words_of(line)
        named = names.find(line, index)
        if named and rules.find(line, index) and titles(line.rstrip(":")):
            at = doc.text.find(line.split(" ")[0])  # a <title> the text does not hold is its own snippet
            return [_campaign(doc, ctx, line.lower(), named[0].language_for(own_language(doc)),
                              snippet(doc.text, at, at + len(line)) if at >= 0 else line)]
    return []


def _defined_campaigns(doc: Document, ctx: Context) -> list[Finding]:
    """The first campaign the page defines as a term of its rules ('(dalej: "Akcja")', "(Promotion)"), as a finding
    (at most one)."""
    text = doc.text
    if doc.kind != "html" or "(" not in text:
        return []
    names = phrase_lexicon(NAMES)
    defined = [(m, m.group("name").strip()) for m in _DEFINED.finditer(text)]
    defined += [(m, name) for m in _BRACKETS.finditer(text) if (name := _bare_name(m.group("inner")))]
    for m, name in sorted(defined, key=lambda pair: pair[0].start()):
        quoted = m.re is _DEFINED  # quoted, the whole name is a campaign's; bare, its last words are ("Black Friday")
        found = names.find(name, words_of(name))
        match = next((n for n in found if n.end == len(name) and (n.start == 0 or not quoted)), None)
        if match is None:
            continue
        language = match.language_for(own_language(doc))
        return [_campaign(doc, ctx, name.lower(), language, snippet(text, m.start(), m.end()))]
    return []


def _bare_name(inner: str) -> str:
    """The capitalised name that ends an unquoted bracket after lower-case words only ("the Promotion" -> "Promotion");
    "" for none."""
    words = inner.split()
    first = next((i for i, word in enumerate(words) if word[:1].isupper()), len(words))
    return " ".join(words[first:]) if 0 < len(words) - first <= BARE_NAME_WORDS else ""


def _campaign(doc: Document, ctx: Context, value: str, language: str, snip: str) -> Finding:
    states = aimed_at(doc, ctx, language)
    return ctx.finding(doc, phrase_lexicon(NAMES).family, value=value, snippet=snip, locator=f"{LOCATOR} ({language})",
                       member_states=states or (), confidence=0.85, strength="weak" if states is None else "medium")
