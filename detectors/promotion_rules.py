"""PROMO: a page that is the rules of a promotion its publisher runs ("Promotion Period", "Organizer of the
Promotion", "Aktionszeitraum", "Teilnahmebedingungen", "Pravila dogodka", "regulamin promocji").

Campaign terms put the site's own offer to its reader even where the excerpt never states the reward ("Users must
register for the event to qualify for rewards"): the labelling guide reads them as PROMO (benchmarks/realweb/GUIDE.md).
Two different rule headings are needed (promotion_rules.yaml), so a guide that mentions "the campaign's terms" once
is not a campaign, unless the one opens the page's title ("Условия за ползване на бонус"); the campaign defined as
a term of its rules ('(dalej: "Akcja")', '(the "Promotion")': campaign_names.yaml) is one of them. A page that
reports on or explains another firm's campaign (news, an explainer) is set aside by the test AFFILIATE and BONUS use
(detectors/affiliate_voice.py). BONUS asks first (taking part is the trigger of the reward such rules name), PROMO
next: the answer is worked out once per page.
"""

from __future__ import annotations

import re

from detectors.affiliate_voice import reports_on_programme
from detectors.article_page import first_lines, page_title, titles
from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.page_memo import PageMemo
from detectors.phrases import aimed_at, own_language, phrase_findings
from detectors.text import snippet

RULES = "promotion_rules"
NAMES = "campaign_names"
LOCATOR = "promotion rules"
MIN_HEADINGS = 2  # different rule phrases that make a page a promotion's rules
KEPT = 8  # pages whose answer is kept for PROMO, which asks of the same page after BONUS
_KEPT: PageMemo[Finding | None] = PageMemo(KEPT)
# A term defined in brackets: a few words ("the", "dalej:", "hereinafter") and a name in quotes ('(the "Promotion")').
_DEFINED = re.compile(r"\((?:[^()\n\"“”„«»]{0,40}?)[\"“„«](?P<name>[^\"“”„«»\n]{3,40})[\"”“»]\s*\)")


def promotion_rules(doc: Document, ctx: Context) -> Finding | None:
    """The page's first promotion-rule phrase as a finding of the lexicon's family (PROMO), when the page is the
    rules of the site's own promotion; None otherwise."""
    return _KEPT.get((doc, ctx), None, lambda: _rules(doc, ctx))


def _rules(doc: Document, ctx: Context) -> Finding | None:
    lexicon = phrase_lexicon(RULES)
    headings = phrase_findings(doc, ctx, lexicon.family, lexicon, localised_strength="medium",
                               english_strength="weak", locator=LOCATOR) + _defined_campaigns(doc, ctx)
    if len(headings) < MIN_HEADINGS and not (headings and _titled(doc, headings[0].evidence.value)):
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


def _defined_campaigns(doc: Document, ctx: Context) -> list[Finding]:
    """The first campaign the page defines as a term of its rules ('(dalej: "Akcja")'), as a finding (at most one)."""
    text = doc.text
    if doc.kind != "html" or "(" not in text:
        return []
    names = phrase_lexicon(NAMES)
    for m in _DEFINED.finditer(text):
        name = m.group("name").strip()
        match = next((n for n in names.find(name) if n.start == 0 and n.end == len(name)), None)
        if match is None:
            continue
        language = match.language_for(own_language(doc))
        states = aimed_at(doc, ctx, language)
        return [ctx.finding(doc, names.family, value=name.lower(), snippet=snippet(text, m.start(), m.end()),
                            locator=f"{LOCATOR} ({language})", member_states=states or (), confidence=0.85,
                            strength="weak" if states is None else "medium")]
    return []
