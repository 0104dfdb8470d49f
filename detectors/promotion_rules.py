"""PROMO: a page that is the rules of a promotion its publisher runs ("Promotion Period", "Organizer of the
Promotion", "Aktionszeitraum", "Teilnahmebedingungen", "Pravila dogodka", "regulamin promocji").

Campaign terms put the site's own offer to its reader even where the excerpt never states the reward ("Users must
register for the event to qualify for rewards"): the labelling guide reads them as PROMO (benchmarks/realweb/GUIDE.md).
Two different rule headings are needed (promotion_rules.yaml), so a guide that mentions "the campaign's terms" once
is not a campaign; a page that reports on or explains another firm's campaign (news, an explainer) is set aside by
the test AFFILIATE and BONUS use (detectors/affiliate_voice.py). BONUS asks first (taking part is the trigger of the
reward such rules name), PROMO next: the answer is worked out once per page.
"""

from __future__ import annotations

from detectors.affiliate_voice import reports_on_programme
from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.page_memo import PageMemo
from detectors.phrases import phrase_findings

RULES = "promotion_rules"
LOCATOR = "promotion rules"
MIN_HEADINGS = 2  # different rule phrases that make a page a promotion's rules
KEPT = 8  # pages whose answer is kept for PROMO, which asks of the same page after BONUS
_KEPT: PageMemo[Finding | None] = PageMemo(KEPT)


def promotion_rules(doc: Document, ctx: Context) -> Finding | None:
    """The page's first promotion-rule phrase as a finding of the lexicon's family (PROMO), when the page is the
    rules of the site's own promotion; None otherwise."""
    return _KEPT.get((doc, ctx), None, lambda: _rules(doc, ctx))


def _rules(doc: Document, ctx: Context) -> Finding | None:
    lexicon = phrase_lexicon(RULES)
    headings = phrase_findings(doc, ctx, lexicon.family, lexicon, localised_strength="medium",
                               english_strength="weak", locator=LOCATOR)
    if len(headings) < MIN_HEADINGS or reports_on_programme(doc, lambda: lexicon.find(doc.text)):
        return None
    return headings[0]
