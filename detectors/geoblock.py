"""GEOBLOCK: EU visitors refused (HTTP 403/451, a block page, a redirect to a region page).

A refusal exists only by comparison: a 451 page says nothing until the non-EU baseline visitor was served the same
URL. So one document alone never raises it; detectors/geo.py compares the visitor profiles' documents.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.model import Document, Finding

INDICATOR = "GEOBLOCK"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    return []  # cross-visitor: see detectors.geo.analyze_visitors
