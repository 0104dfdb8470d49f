"""AFFILIATE in a page's text: a refer-a-friend rule written out in the page's own words rather than by a
programme's name ("if a friend signs up via your link, you both earn rewards", "Vami získaný zákazník ... Vy
získate ako bonus 50 %", "Draugui mes dovanojame 100 dalių", "Bonusul se plătește dacă cel puțin 3 persoane
recomandate ...").

A referred person (referred_friends.yaml: a friend, an acquaintance, a customer you acquired, the recommended
persons) counts only with what the rule pays (referral_rewards.yaml: a bonus, a reward, a commission, credit)
in the same sentence or the next one, both in the same language; "my friend and I went to Berlin" and "a bonus
for new customers" alone are no programme. A negated mention does not count. One finding per page: the rule
is one programme however often its page restates it. Programme names and pitches: partner_programme.yaml,
read in detectors/affiliate.py.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.incentives import hedged
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import aimed_at, own_language
from detectors.text import is_negated, sentence_bounds, snippet

INDICATOR = "AFFILIATE"
FRIENDS = "referred_friends"
REWARDS = "referral_rewards"


def reward_rule_findings(doc: Document, ctx: Context) -> list[Finding]:
    """The first referred person with a reward next to it (same or next sentence, same language), as a finding."""
    text = doc.text
    if doc.kind != "html" or not text:
        return []
    rewards = phrase_lexicon(REWARDS).find(text)
    if not rewards:
        return []
    own = own_language(doc)
    first, hedges, rules = None, 0, 0
    for match in phrase_lexicon(FRIENDS).find(text):
        language = match.language_for(own)
        left, right = sentence_bounds(text, match.start, match.end)
        right = sentence_bounds(text, right + 1, right + 1)[1] if right < len(text) else right
        if not any(left <= r.start < right and language in r.languages for r in rewards):
            continue
        if is_negated(text, match.start, language):
            continue
        if hedged(text, match.start, match.end, (language,)):
            hedges += 1  # "banks often reward you for recommending a friend": an explanation
            continue
        rules += 1
        first = first or (match, language, left, right)
    if not first or hedges >= rules:
        return []  # an explainer of referral schemes (as many hedged rules as plain ones) offers none
    match, language, left, right = first
    states = aimed_at(doc, ctx, language)
    phrase = " ".join(match.text.lower().split())
    return [ctx.finding(doc, INDICATOR, value=f"refer-a-friend reward: {phrase}", snippet=snippet(text, left, right),
                        locator=f"text ({language})", member_states=states or (), confidence=0.8,
                        strength="medium" if states is None else "strong")]
