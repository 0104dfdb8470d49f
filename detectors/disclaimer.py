"""DISCLAIMER: exclusions of EU/EEA clients: "not available to EU residents", "on a reverse solicitation basis",
"at your own exclusive initiative", other exclusions naming the EU/EEA ("our services are not directed at
residents of the EEA", "richten sich nicht an Personen im EWR"), restricted-country lists that name a member
state ("does not provide services to residents of: ... Denmark ..."), investor restrictions for the EU/EEA ("only
to qualified investors; retail investors are not the target market").

Flagged, never mitigating: MiCA Art. 61(1) applies "notwithstanding any contractual clause or disclaimer", so a
disclaimer weighs nothing in the score; the report marks it when EU signals co-occur. A disclaimer names whom it
excludes, not whom it targets: it attributes no member state.

Not disclaimers: a text ABOUT reverse solicitation (a law firm's article, a regulator's explainer: two or more
discussion markers such as "Article 61", "ESMA guidelines"), generic risk warnings ("capital at risk"), and "on
your own initiative" where neither its sentence nor the one before names the EU/EEA, a member state, the service,
its clients or solicitation.
"""

from __future__ import annotations

from dataclasses import replace

from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import phrase_findings
from detectors.restricted_countries import discusses_the_rule, exclusions, names_the_union_or_services
from detectors.text import sentence_bounds, snippet

INDICATOR = "DISCLAIMER"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html" or not doc.text or discusses_the_rule(doc.text):
        return []
    findings = phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("disclaimer"), localised_strength="marker",
                               english_strength="marker", filter_context=False)
    findings += [f for f in phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("own_initiative"),
                                            localised_strength="marker", english_strength="marker",
                                            filter_context=False) if _about_the_service(doc.text, f)]
    findings += _exclusion_findings(doc, ctx)
    return [replace(f, member_states=()) for f in findings]


def _about_the_service(text: str, finding: Finding) -> bool:
    phrase = finding.evidence.value
    at = text.lower().find(phrase)
    if at < 0:
        return True
    left, right = sentence_bounds(text, max(0, at - 160), at + len(phrase))  # and the sentence before it
    return names_the_union_or_services(text, left, right)


def _exclusion_findings(doc: Document, ctx: Context) -> list[Finding]:
    found: dict[str, Finding] = {}
    # A sentence the lexicon already read ("not available to EU residents") is not reported a second time.
    phrases: list[int] | None = None  # read only when an exclusion of the EU/EEA needs it (most pages have none)
    for exclusion in exclusions(doc.text):
        if exclusion.what == "exclusion of the EU/EEA":
            if phrases is None:
                phrases = [m.start for m in phrase_lexicon("disclaimer").find(doc.text)]
            if any(exclusion.start - 40 <= at <= exclusion.end + 40 for at in phrases):
                continue
        if exclusion.states:
            value = f"{exclusion.what} naming {', '.join(exclusion.states)}"
        else:
            value = exclusion.what if "EU/EEA" in exclusion.what else f"{exclusion.what} for the EU/EEA"
        found.setdefault(exclusion.what, ctx.finding(
            doc, INDICATOR, value=value, snippet=snippet(doc.text, exclusion.start, exclusion.end),
            locator="text", confidence=0.85, strength="marker"))
    return list(found.values())
