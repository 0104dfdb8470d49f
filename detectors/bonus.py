"""BONUS: incentives (welcome and deposit bonuses, free crypto, fee holidays, refer-a-friend rewards).

Negated ("no bonus is offered", "es gibt keinen Bonus") and quoted phrases do not count.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import phrase_findings

INDICATOR = "BONUS"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    return phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("bonus"), localised_strength="strong",
                           english_strength="medium")
