"""BONUS: incentives (welcome and deposit bonuses, free crypto, fee holidays, refer-a-friend rewards).

Two ways in: named incentives from the phrase lexicon bonus.yaml ("Willkommensbonus", "refer a friend"), and incentives
by structure (detectors/incentives.py): a reward or an amount, a verb of getting and a trigger in one sentence ("invite
a friend and both get 15 €"); on a promotion's rules or a programme's own page (titled with its name: "Ambassador
Program") the first reward named, taking part being the trigger. Questions ("Was bringt ein Willkommensbonus?") offer
nothing. Negated ("no bonus is offered", "es gibt keinen Bonus") and quoted phrases do not count, sentence by sentence:
a negated sentence does not hide an offer elsewhere on the page. A named incentive counts only where one of its mentions
stands outside quotes and hedges ("'refer a friend' bonuses are restricted", "welcome bonuses are often ..."); a page
that explains incentives (as many hedged incentive sentences as offers) offers nothing, nor does one that reports on
another firm's incentive or programme (news, an explainer, an encyclopedia entry: the test AFFILIATE uses,
detectors/affiliate_voice.py) -- unless a mention is in the site's own voice, names the site, or the page is a contract
("hereinafter ...") and so its publisher's own terms.
"""

from __future__ import annotations

from detectors.affiliate_disclosure import disclosure_spans
from detectors.affiliate_voice import programme_page, reports_on_programme
from detectors.call_languages import candidate_languages
from detectors.calls_to_action import is_pitch_sentence, untargeted, without_non_eu_states
from detectors.context import Context
from detectors.cta_vocabulary import tokens_of, vocabularies
from detectors.incentives import Incentive, explains, hedged, page_offers, rewarded
from detectors.lexicon import PhraseMatch, phrase_lexicon
from detectors.model import Document, Finding
from detectors.page_memo import PageMemo
from detectors.page_words import lowered
from detectors.phrases import own_language, phrase_findings
from detectors.promotion_rules import promotion_rules
from detectors.text import is_quoted, sentence_bounds, snippet, without_questions

INDICATOR = "BONUS"
MAX_FINDINGS = 5  # incentive sentences per page
KEPT = 8  # pages whose incentives are kept for PROMO, which judges the same page next
_KEPT: PageMemo[tuple[tuple[Finding, ...], tuple[tuple[int, int], ...]]] = PageMemo(KEPT)


def detect(doc: Document, ctx: Context) -> list[Finding]:
    return list(offered(doc, ctx))


def offered(doc: Document, ctx: Context) -> tuple[Finding, ...]:
    """The page's incentives, kept for the page (PROMO restates them as the site's own offers)."""
    return _judged(doc, ctx)[0]


def incentive_spans(doc: Document, ctx: Context) -> tuple[tuple[int, int], ...]:
    """Where the page's incentives stand in its text (start, end): the sentences offered, the named incentives'
    first mentions outside quotes and hedges. CURRENCY reads an amount there as the site's own bonus."""
    return _judged(doc, ctx)[1]


def _judged(doc: Document, ctx: Context) -> tuple[tuple[Finding, ...], tuple[tuple[int, int], ...]]:
    def judge():
        spans: list[tuple[int, int]] = []
        findings = tuple(_incentives(doc, ctx, spans))
        return findings, tuple(spans)
    return _KEPT.get((doc, ctx), None, judge)


def _incentives(doc: Document, ctx: Context, spans: list[tuple[int, int]]) -> list[Finding]:
    if doc.kind != "html":
        return []
    text = without_questions(doc.text)
    languages = candidate_languages(doc)
    sentences, hedges = page_offers(text, languages)
    # Disclosures ("Pur ricevendo compensi ... la nostra") read on the page's own text, whose word index is shared:
    # one said in a question covers only blanked text, where no offer sentence starts.
    if sentences and (disclosed := disclosure_spans(doc.text, own_language(doc))):
        sentences = tuple(s for s in sentences if not any(left <= s.start < right for left, right in disclosed))
    if explains(sentences, hedges):
        return []  # an explainer: "exchanges often offer welcome bonuses ... for example 100 % up to 1000 kr"
    if not sentences and (promotion_rules(doc, ctx) or programme_page(doc)):
        # A promotion's rules, or a referral or affiliate programme's page: taking part earns the reward they name.
        sentences = tuple(rewarded(text, languages))
    named = phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("bonus"), localised_strength="strong",
                            english_strength="medium")  # on the page's own text: its word index is shared
    page = lowered(text)
    mentions = {f.evidence.value: unhedged_mention(text, page, f.evidence.value, languages) for f in named}
    named = [f for f in named if mentions[f.evidence.value] >= 0]
    findings = without_non_eu_states(doc, named, ctx, "medium")
    if (findings or sentences) and _reported(doc, sentences):
        # News or an explainer about another firm's incentive (detectors/affiliate_voice.py); its advert boxes are
        # still adverts ("Jusqu'à 160 € offerts" beside "J'en profite" on a comparison guide).
        # So are offers put to the reader as a call ("Claim your free €20 Bitcoin bonus now!").
        findings, sentences = [], [s for s in sentences if s.headline or s.steps or _called(s)]
    spans += [sentence_bounds(text, at, at + len(f.evidence.value)) for f in findings
              if (at := mentions[f.evidence.value]) >= 0]
    spans += [(s.start, s.end) for s in sentences if not is_quoted(text, s.start, s.end)]
    if len(findings) >= MAX_FINDINGS:
        return findings
    for offer in sentences[:MAX_FINDINGS]:
        named = any(f.evidence.value in offer.text.lower() for f in findings)
        if named or is_quoted(text, offer.start, offer.end):
            continue  # already shown by the incentive's name, or someone else's quoted slogan
        aimed = not untargeted(doc, offer.language, ctx)
        findings.append(ctx.finding(
            doc, INDICATOR, value=offer.text[:120].lower(), snippet=snippet(text, offer.start, offer.end, width=20),
            locator=f"text ({offer.language})", confidence=0.75, strength="strong" if aimed else "medium",
            member_states=ctx.geo.states_for_language(offer.language) if aimed else ()))
    return findings


def unhedged_mention(text: str, page: str, term: str, languages: tuple[str, ...]) -> int:
    """Where the first mention of the named incentive or offer `term` outside quotes and hedges starts (`page` is
    `text` lowered); -1 for none. PROMO reads its named offers so too."""
    start = page.find(term)
    while start >= 0:
        end = start + len(term)
        if not is_quoted(text, start, end) and not hedged(text, start, end, languages):
            return start
        start = page.find(term, end)
    return -1


def _called(offer: Incentive) -> bool:
    """Whether the incentive's sentence is itself a call to the reader: an urged conversion imperative."""
    voc = vocabularies().get(offer.language)
    return bool(voc) and is_pitch_sentence(offer.text, tokens_of(offer.text), voc)


def _reported(doc: Document, sentences: list[Incentive]) -> bool:
    """Whether the page reports on or explains someone else's incentive rather than offers its own: none of its
    incentive or programme mentions is in the site's own voice or names the site, and it reads as news or an
    explainer ("Mercado Pago informou que premiará ...", "what is a referral code")."""
    def mentions() -> list[PhraseMatch]:  # on the page's own text: its word index is shared (offsets are the same)
        return [*phrase_lexicon("partner_programme").find(doc.text), *phrase_lexicon("bonus").find(doc.text),
                *(PhraseMatch((s.language,), s.text, s.start, s.end) for s in sentences)]
    return reports_on_programme(doc, mentions)
