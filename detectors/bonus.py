"""BONUS: incentives (welcome and deposit bonuses, free crypto, fee holidays, refer-a-friend rewards).

Two ways in: named incentives from the phrase lexicon bonus.yaml ("Willkommensbonus", "refer a friend"), and
incentives by structure (detectors/incentives.py): a reward or an amount, a verb of getting and a trigger in one
sentence ("invite a friend and both get 15 €"). Questions ("Was bringt ein Willkommensbonus?") offer nothing.
Negated ("no bonus is offered", "es gibt keinen Bonus") and quoted phrases do not count, sentence by sentence: a
negated sentence does not hide an offer elsewhere on the page.
"""

from __future__ import annotations

from detectors.calls_to_action import candidate_languages, untargeted, without_non_eu_states
from detectors.context import Context
from detectors.incentives import incentives, without_questions
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.page_words import lowered
from detectors.phrases import phrase_findings
from detectors.text import is_quoted, snippet

INDICATOR = "BONUS"
MAX_FINDINGS = 5  # incentive sentences per page


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    text = without_questions(doc.text)
    named = phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("bonus"), localised_strength="strong",
                            english_strength="medium")  # on the page's own text: its word index is shared
    findings = without_non_eu_states(doc, [f for f in named if f.evidence.value in lowered(text)], ctx, "medium")
    if len(findings) >= MAX_FINDINGS:
        return findings
    for offer in incentives(text, candidate_languages(doc))[:MAX_FINDINGS]:
        named = any(f.evidence.value in offer.text.lower() for f in findings)
        if named or is_quoted(text, offer.start, offer.end):
            continue  # already shown by the incentive's name, or someone else's quoted slogan
        aimed = not untargeted(doc, offer.language, ctx)
        findings.append(ctx.finding(
            doc, INDICATOR, value=offer.text[:120].lower(), snippet=snippet(text, offer.start, offer.end, width=20),
            locator=f"text ({offer.language})", confidence=0.75, strength="strong" if aimed else "medium",
            member_states=ctx.geo.states_for_language(offer.language) if aimed else ()))
    return findings
