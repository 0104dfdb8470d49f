"""AFFILIATE disclosures: the sentence in which a site says it is paid for the clients its links send ("When you buy
through links on our site, we may earn an affiliate commission", "Pokud si kartu objednáte přes odkaz v tomto
článku, dostane autor drobnou odměnu", "Wir erhalten eine Vergütung, wenn Sie über diese Links ...").

Fixed phrases miss most of them (every site words its own), so a disclosure is read from two word families in one
sentence: the links a reader follows (lexicons/disclosure_links.yaml) and a payment for them
(lexicons/disclosure_pay.yaml). A sentence with a figure in it is a price ("commission 0.1 % per payment link"),
not a disclosure; a negated payment ("we receive no commission") discloses none. One finding per page: the first
such sentence.
"""

from __future__ import annotations

import re

from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import explained_by_non_eu_locale, own_language
from detectors.text import is_negated, is_quoted, sentence_bounds, snippet

INDICATOR = "AFFILIATE"
VALUE = "affiliate disclosure"
_FIGURE = re.compile(r"\d")


def disclosure_findings(doc: Document, ctx: Context) -> list[Finding]:
    """The page's affiliate disclosure, if its text has one (at most one finding)."""
    text = doc.text
    pays = phrase_lexicon("disclosure_pay").find(text)
    if not pays:
        return []
    links = [m.start for m in phrase_lexicon("disclosure_links").find(text)]
    if not links:
        return []
    own = own_language(doc)
    for pay in pays:
        left, right = sentence_bounds(text, pay.start, pay.end)
        if not any(left <= at < right for at in links) or _FIGURE.search(text, left, right):
            continue
        language = pay.language_for(own)
        if is_negated(text, pay.start, language) or is_quoted(text, pay.start, pay.end):
            continue
        untargeted = language == "en" or explained_by_non_eu_locale(doc, language, ctx)
        return [ctx.finding(doc, INDICATOR, value=VALUE, snippet=snippet(text, left, right),
                            locator=f"text ({language})",
                            member_states=() if untargeted else ctx.geo.states_for_language(language),
                            confidence=0.85, strength="medium" if untargeted else "strong")]
    return []
