"""APPSTORE: the app is available in EU/EEA storefronts, listed in their languages.

A comparison across storefronts, not something one document shows: the findings come from
detectors.listings.storefronts.appstore_findings, called once per app channel. Per document there is nothing.
"""

from __future__ import annotations

from detectors.context import Context
from detectors.model import Document, Finding

INDICATOR = "APPSTORE"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    return []
