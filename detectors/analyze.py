"""Running the detectors: documents of a channel in, its findings out (deduplicated and in a stable order).

The detector of each active catalogue indicator is the module of the same name (`LANG` -> detectors/lang.py),
so adding an indicator is a catalogue entry plus one module, and the two cannot drift apart unnoticed (a test
checks both ways).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache

from detectors.catalogue import catalogue
from detectors.context import Context
from detectors.model import Document, Finding

Detector = Callable[[Document, Context], list[Finding]]
# Signals of the site as a whole (its host names and sections, the alternates and language switcher repeated in
# every page's chrome): one finding per value per channel, at the first URL in sorted order, not one per page.
SITE_LEVEL = frozenset({"DOMAIN", "HREFLANG"})
SITE_LEVEL_LOCATORS = frozenset({"a[href] (language switcher)"})


@cache
def detectors() -> dict[str, Detector]:
    table = {}
    for indicator in catalogue().active:
        module = importlib.import_module(f"detectors.{indicator.id.lower()}")
        table[indicator.id] = module.detect
    return table


def analyze_document(doc: Document, ctx: Context, kinds: str = "website") -> list[Finding]:
    found: list[Finding] = []
    for indicator_id, detect in detectors().items():
        if kinds in catalogue()[indicator_id].channels:
            found.extend(detect(doc, ctx))
    return found


def analyze_documents(docs: Iterable[Document], ctx: Context, kind: str = "website") -> list[Finding]:
    findings: dict[str, Finding] = {}
    key_of_id: dict[str, str] = {}
    # Ordered by content, never by fetch time, so input order and timing never change which capture is kept;
    # rendered DOMs after raw responses, visitors alphabetically.
    for doc in sorted(docs, key=lambda d: (d.url, d.rendered, d.visitor, d.body_sha256, d.requested_url,
                                           d.fetched_at)):
        for finding in analyze_document(doc, ctx, kind):
            site_level = finding.indicator in SITE_LEVEL or finding.evidence.locator in SITE_LEVEL_LOCATORS
            key = f"{finding.indicator}\x1f{finding.evidence.value.lower()}" if site_level else finding.id
            # First wins: deterministic. One finding per id: a switcher's "Deutsch" on a lang="de" page is the
            # same finding (indicator, URL, value) as the page's own language. Later sightings by other visitors
            # only add those visitors to it.
            key = key_of_id.get(finding.id, key)
            kept = findings.get(key)
            if kept is None:
                findings[key] = finding
                key_of_id[finding.id] = key
            elif finding.visitors and not set(finding.visitors) <= set(kept.visitors):
                findings[key] = replace(kept, visitors=tuple(sorted(set(kept.visitors) | set(finding.visitors))))
    return sorted(findings.values(), key=sort_key)


def sort_key(f: Finding) -> tuple:
    return (f.indicator, f.url, f.evidence.locator, f.evidence.value, f.id)
