"""PROMO: promotional copy and calls to action ("Jetzt Bitcoin kaufen", "Inscrivez-vous") in EU languages.

Negated or quoted phrases do not count. English copy is weak on its own: it shows marketing, not marketing
aimed at the Union.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import phrase_findings

INDICATOR = "PROMO"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    return phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("promo"), localised_strength="strong",
                           english_strength="weak")
