"""DISCLOSURE: a sponsored post in a member state's language without the disclosure label that state's profile cites
(France: "publicité" or "collaboration commerciale", Loi n° 2023-451 art. 5; Germany: "Werbung" or "Anzeige").

Only supplied posts and mails (channel kind `export`, in the catalogue): the rules address creators' commercial
collaborations, and the firm's own official accounts (its Telegram channel, its YouTube channel) are plainly its own
advertising, not hidden sponsorship; a supplied post's author is not known, so the finding is a marker for review.
A post is sponsored here when it carries a referral or affiliate link (detectors.affiliate.referral_evidence): the
creator is paid per sign-up, the clearest sign of a commercial collaboration a post itself shows. Its language is
the one it declares, else the one its text is identified as. The labels and the legal reference come from the
jurisdiction profiles (detectors/jurisdictions.py), so a state is checked only where its labels could be cited. A
label counts written as words or as a hashtag (#publicité, #CollaborationCommerciale), in any case.

A marker (weight 0 in the catalogue): it names the state and the law for the reviewer and changes no score, as a
profile adds findings but never weights.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from detectors.affiliate import referral_evidence
from detectors.context import Context
from detectors.influencer import post_language
from detectors.jurisdictions import Profile, disclosure_profiles
from detectors.model import Document, Finding
from detectors.text import snippet

INDICATOR = "DISCLOSURE"
CONFIDENCE = 0.8


@cache
def _label_pattern(labels: tuple[str, ...]) -> re.Pattern:
    # "collaboration commerciale" also as the hashtag #collaborationcommerciale: spaces optional, '#' allowed.
    words = [r"\s*".join(re.escape(w) for w in label.split()) for label in labels]
    return re.compile(rf"(?<!\w)#?(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    referral = next((link for link in doc.links if referral_evidence(link.url)), None)
    if referral is None:
        return []
    language = post_language(doc, ctx)
    return [_finding(doc, ctx, state, referral.url) for state in disclosure_profiles(language)
            if not _label_pattern(state.disclosure.labels).search(doc.text)]


def _finding(doc: Document, ctx: Context, state: Profile, link: str) -> Finding:
    labels = " / ".join(f'"{label}"' for label in state.disclosure.labels)
    finding = ctx.finding(
        doc, INDICATOR, value=f"{state.state}: sponsored post without {labels}",
        snippet=snippet(doc.text, 0, min(len(doc.text), 120)) + f" [referral link: {link}]",
        locator=f"text ({state.disclosure.language}; no {state.state} disclosure label)",
        member_states=(state.state,), confidence=CONFIDENCE, strength="marker")
    # The catalogue's reference first (MiCA, ESMA: as every finding's), then the state's own rule from its profile.
    return replace(finding, legal_ref=f"{finding.legal_ref}; {state.state}: {state.disclosure.legal_ref} "
                                      f"(jurisdiction profile {state.state})")
