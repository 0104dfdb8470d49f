"""DISCLAIMER: "not available to EU residents", "reverse solicitation basis", "on your own initiative".

Flagged, never mitigating: MiCA Art. 61(1) applies "notwithstanding any contractual clause or disclaimer", so a
disclaimer weighs nothing in the score; the report marks it when EU signals co-occur.
"""

from __future__ import annotations

from dataclasses import replace

from detectors.context import Context
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import phrase_findings

INDICATOR = "DISCLAIMER"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    findings = phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("disclaimer"), localised_strength="marker",
                               english_strength="marker", filter_context=False)
    # A disclaimer names whom it excludes, not whom it targets: it attributes no member state.
    return [_untargeted(f) for f in findings]


def _untargeted(finding: Finding) -> Finding:
    return replace(finding, member_states=())
