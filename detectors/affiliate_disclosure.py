"""AFFILIATE disclosures: the sentence in which a site says it is paid for the clients its links send ("When you buy
through links on our site, we may earn an affiliate commission", "Pokud si kartu objednáte přes odkaz v tomto
článku, dostane autor drobnou odměnu", "Wir erhalten eine Vergütung, wenn Sie über diese Links ...").

Fixed phrases miss most of them (every site words its own), so a disclosure is read from two word families in one
sentence: the links a reader follows (lexicons/disclosure_links.yaml) and a payment for them
(lexicons/disclosure_pay.yaml). A sentence with a figure in it is a price ("commission 0.1 % per payment link"),
not a disclosure; a negated payment ("we receive no commission") discloses none. One finding per page: the first
such sentence. A link's paid label ("(lien commercial)", "[Werbelink]", a line "Annonselenke":
paid_link_labels.yaml) discloses it too, where it stands as a label: in brackets or as a whole line.
"""

from __future__ import annotations

import re

from detectors.context import Context
from detectors.lexicon import PhraseMatch, phrase_lexicon
from detectors.model import Document, Finding
from detectors.own_voice import speaks_for_itself
from detectors.phrases import aimed_at, own_language
from detectors.text import is_negated, is_quoted, sentence_bounds, snippet

INDICATOR = "AFFILIATE"
VALUE = "affiliate disclosure"
_FIGURE = re.compile(r"\d")
_OPEN, _CLOSE = "([", ")]"
_DASH = re.compile(r"\s[-–—]\s")  # a clause set off by a dash goes on with its sentence


def labelled_at(text: str, start: int, end: int) -> bool:
    """Whether the words at [start, end) stand as a label: in brackets, or as a line of their own."""
    if start and end < len(text) and text[start - 1] in _OPEN and text[end] in _CLOSE:
        return True
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return not text[left:start].strip(" \t*") and not text[end:len(text) if right < 0 else right].strip(" \t*:")


def paid_link_labels(text: str) -> list[PhraseMatch]:
    """The paid-link labels of a text that stand as labels (paid_link_labels.yaml)."""
    return [m for m in phrase_lexicon("paid_link_labels").find(text) if labelled_at(text, m.start, m.end)]


def label_findings(doc: Document, ctx: Context) -> list[Finding]:
    """The page's first paid-link label as a disclosure (at most one finding): whatever else the page reports on,
    the label marks a link of its own."""
    text = doc.text
    labels = paid_link_labels(text)
    if not labels:
        return []
    language = labels[0].language_for(own_language(doc))
    return [_finding(doc, ctx, language, *sentence_bounds(text, labels[0].start, labels[0].end))]


def disclosure_findings(doc: Document, ctx: Context, voiced: bool = False) -> list[Finding]:
    """The page's affiliate disclosure, if its text has one (at most one finding); `voiced`: only one the site or
    its writer speaks in the first person ("we may earn", "I may get compensated"), as on a page that reports on
    another firm's programme, whose rules on links and commissions are that firm's."""
    if labelled := label_findings(doc, ctx):
        return labelled
    text = doc.text
    own = own_language(doc)
    for pay, left, right in _disclosures(text):
        language = pay.language_for(own)
        if is_negated(text, pay.start, language) or is_quoted(text, pay.start, pay.end):
            continue
        if voiced and not speaks_for_itself(text[left:right], language):
            continue
        return [_finding(doc, ctx, language, left, right)]
    return []


def disclosure_spans(text: str, own: str) -> list[tuple[int, int]]:
    """Where the site, in the first person, speaks of the pay for its links (start, end; `own`: the page's language):
    its affiliate income, never a reward put to the reader, though a pay word, a getting verb and "affiliate" stand
    in it. A partner programme's terms ("the partner is entitled to a fee for each purchase via the partner link")
    are the reader's reward and stay."""
    return [(left, right) for pay, left, right in _disclosures(text)
            if speaks_for_itself(text[left:right], pay.language_for(own))]


def _disclosures(text: str) -> list[tuple[PhraseMatch, int, int]]:
    """(pay word, sentence start, end) of each sentence that names links and a payment for them, with no figure."""
    pays = phrase_lexicon("disclosure_pay").find(text)
    if not pays:
        return []
    links = [m.start for m in phrase_lexicon("disclosure_links").find(text)]
    found = []
    for pay in pays if links else ():
        left, right = sentence_bounds(text, pay.start, pay.end)
        if _DASH.match(text, right):  # "... through affiliate commissions — paid when users register through our links"
            right = sentence_bounds(text, right + 2, right + 2)[1]
        if any(left <= at < right for at in links) and not _FIGURE.search(text, left, right):
            found.append((pay, left, right))
    return found


def _finding(doc: Document, ctx: Context, language: str, left: int, right: int) -> Finding:
    states = aimed_at(doc, ctx, language)
    return ctx.finding(doc, INDICATOR, value=VALUE, snippet=snippet(doc.text, left, right),
                       locator=f"text ({language})", member_states=states or (), confidence=0.85,
                       strength="medium" if states is None else "strong")
