"""GEO_TARGETED: content shown only to EU visitors (EU-locale redirects, EU-only promotions, EUR defaults).

What the EU visitor profile got and the non-EU baseline did not: a difference between two documents of the same
URL, never visible in one. So one document alone never raises it; detectors/geo.py compares the visitor profiles.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.model import Document, Finding

INDICATOR = "GEO_TARGETED"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    return []  # cross-visitor: see detectors.geo.analyze_visitors
