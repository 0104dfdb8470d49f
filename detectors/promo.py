"""PROMO: promotional copy and calls to action by the site ("Jetzt Depot eröffnen", "Liity nyt", "Zum Angebot",
"Start trading today") and its own offers: time-limited ones ("nur für kurze Zeit", "Limited-time offer: 0 % fees
for 30 days"), and every incentive BONUS finds on the page ("new clients trade without fees for 30 days", a
campaign's terms, a referral programme's reward): the site putting an incentive to its reader is offering it, in
terms and help pages as on a landing page (re-judged on the real-web labels: benchmarks/realweb/GUIDE.md).

Calls to action are found by structure (detectors/calls_to_action.py): buttons, links to sign-up or download
targets, short imperative lines, pitching sentences; and a question of the reader's wish to act that the site
answers with an exclamation ("Vrei să cumperi criptomonede? Alege ...!": detectors/call_questions.py). Offers come
from the phrase lexicon promo.yaml, and from headlines that cap an incentive's amount ("Bis zu 300 € Prämie",
detectors/call_offers.advertised). A product page that sells by a list of its advantages ("Ihre Vorteile", "Dina
fördelar", "Why choose us" as a heading of its own: advantage_headings.yaml) promotes too, where nothing else was
found and the page is no article. Negated, quoted or hedged phrases do not count. A call in English is weak on its
own: it shows marketing, not marketing aimed at the Union; one in another EU language points at the states where that
language is official.
"""

from __future__ import annotations

from detectors.affiliate_voice import reads_as_article
from detectors.bonus import offered, unhedged_mention
from detectors.call_languages import candidate_languages
from detectors.call_offers import advertised
from detectors.call_questions import answered_questions
from detectors.calls_to_action import calls_to_action, untargeted, without_non_eu_states
from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.missing_reward import answers_missing_reward
from detectors.model import Document, Finding
from detectors.own_voice import site_brand
from detectors.page_words import lowered
from detectors.phrases import phrase_findings
from detectors.promotion_rules import promotion_rules
from detectors.text import is_quoted, snippet, without_questions

INDICATOR = "PROMO"
MAX_FINDINGS = 8  # calls to action per page: a menu repeats them, a few show the pattern
ADVANTAGES = "advantage_headings"
OWN_ADVANTAGES = "own_advantages"  # "Die Vorteile der ...": a heading that must name the site itself
ADVANTAGES_LOCATOR = "advantages heading"
HEADING_WORDS = 6  # a line this short that opens with an advantages phrase heads its list
SITE_CHROME = ("button", "a[")  # locators of the buttons and links around a page's text
INCENTIVE = "incentive"  # locator prefix of an incentive restated as the site's offer ("incentive, text (de)")


def detect(doc: Document, ctx: Context) -> list[Finding]:
    findings = []
    for call in calls_to_action(doc, MAX_FINDINGS):
        aimed = not untargeted(doc, call.language, ctx)
        findings.append(ctx.finding(
            doc, INDICATOR, value=call.text, snippet=call.snippet, locator=f"{call.locator} ({call.language})",
            member_states=ctx.geo.states_for_language(call.language) if aimed else (), confidence=0.8,
            strength="strong" if aimed else "weak"))
    for question in answered_questions(doc)[:max(0, MAX_FINDINGS - len(findings))]:  # "Ready to ...? Join us!"
        aimed = not untargeted(doc, question.language, ctx)
        findings.append(ctx.finding(
            doc, INDICATOR, value=question.text, snippet=question.snippet, locator=f"text ({question.language})",
            member_states=ctx.geo.states_for_language(question.language) if aimed else (), confidence=0.8,
            strength="strong" if aimed else "weak"))
    seen = {f.evidence.value for f in findings}
    offers = phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("promo"), localised_strength="strong",
                             english_strength="weak")  # on the page's own text: its word index is shared
    if offers:  # an offer named only in questions ("Gibt es ein Angebot für kurze Zeit?") or in hedged sentences ("A
        # typical welcome offer might include ...", as BONUS reads a named incentive) offers nothing
        told, languages = without_questions(doc.text), candidate_languages(doc)
        offers = [f for f in offers if unhedged_mention(told, lowered(told), f.evidence.value, languages) >= 0]
    findings += without_non_eu_states(doc, [f for f in offers if f.evidence.value not in seen], ctx, "weak")
    text = without_questions(doc.text)
    for advert in advertised(text, candidate_languages(doc))[:max(0, MAX_FINDINGS - len(findings))]:
        if not is_quoted(text, advert.start, advert.end):  # someone else's slogan
            aimed = not untargeted(doc, advert.language, ctx)
            findings.append(ctx.finding(
                doc, INDICATOR, value=advert.text[:80].lower(), snippet=snippet(text, advert.start, advert.end),
                locator=f"text ({advert.language})", confidence=0.8, strength="strong" if aimed else "weak",
                member_states=ctx.geo.states_for_language(advert.language) if aimed else ()))
    # The site's own incentive ("invite a friend and both get 15 €", a campaign's terms) is its offer to the reader;
    # one that holds a call found above ("participate now and win ...!"), or is named in one ("Jetzt
    # Willkommensbonus sichern"), is that call.
    seen = [f.evidence.value for f in findings]
    for offer in offered(doc, ctx)[:max(0, MAX_FINDINGS - len(findings))]:
        if not any(value in offer.evidence.value or offer.evidence.value in value for value in seen):
            findings.append(ctx.finding(
                doc, INDICATOR, value=offer.evidence.value, snippet=offer.evidence.snippet,
                locator=f"{INCENTIVE}, {offer.evidence.locator}", member_states=offer.member_states,
                confidence=offer.confidence, strength="medium" if offer.member_states else "weak"))
    rules = promotion_rules(doc, ctx)  # the rules of the site's own campaign, reward stated or not
    if rules and len(findings) < MAX_FINDINGS:
        findings.append(rules)
    # A product page that sells by its list of advantages, with no call or offer found above (its phrases looked
    # for on every page: a lexicon read on the first page, not on the first rare one).
    headings = _advantage_headings(doc, ctx)
    if headings and not findings and not reads_as_article(doc):  # an article weighs someone else's product
        findings.append(headings[0])
    if findings and answers_missing_reward(doc):  # a complaint's answer restates the reward, offers nothing
        findings = [f for f in findings if f.evidence.locator.startswith(SITE_CHROME)]
    return findings


def _advantage_headings(doc: Document, ctx: Context) -> list[Finding]:
    """The headings over the list of what the site's product does for the reader ("Ihre Vorteile", "Why choose us":
    advantage_headings.yaml; "Die Vorteile der Beispiel-Depots" on beispiel.de: own_advantages.yaml), as findings."""
    found = [f for f in phrase_findings(doc, ctx, INDICATOR, phrase_lexicon(ADVANTAGES), localised_strength="medium",
                                        english_strength="weak", locator=ADVANTAGES_LOCATOR)
             if _heading_line(doc.text, f.evidence.value)]
    brand = site_brand(doc.url)
    if not found and brand is not None:  # the site's own name beside "the advantages of"
        found = [f for f in phrase_findings(doc, ctx, INDICATOR, phrase_lexicon(OWN_ADVANTAGES),
                                            localised_strength="medium", english_strength="weak",
                                            locator=ADVANTAGES_LOCATOR)
                 if brand.search(_heading_line(doc.text, f.evidence.value))]
    return found


def _heading_line(text: str, phrase: str) -> str:
    """The first short line of its own that opens with `phrase` (lower-cased), lower-cased: a heading, not running
    text; or the last sentence of a line, which introduces a list with a colon; "" for none."""
    folded = lowered(text)
    at = folded.find(phrase)
    while at >= 0:
        start, end = folded.rfind("\n", 0, at) + 1, folded.find("\n", at)
        line = folded[start:end if end >= 0 else len(folded)].strip(" \t•-–*#0123456789.")
        if line.endswith(":") and (opened := folded.rfind(". ", start, at)) >= 0:
            line = folded[opened + 2:end if end >= 0 else len(folded)].strip()  # "... möglich. Die Vorteile ...:"
        if line.startswith(phrase) and len(line.split()) <= HEADING_WORDS:
            return line
        at = folded.find(phrase, at + len(phrase))
    return ""
