"""Running the detectors: documents of a channel in, its findings out (deduplicated and in a stable order).

The detector of each active catalogue indicator is the module of the same name (`LANG` -> detectors/lang.py),
so adding an indicator is a catalogue entry plus one module, and the two cannot drift apart unnoticed (a test
checks both ways). Each module says what one call of its `detect(subject, ctx)` looks at (`SCOPE`, default one
document): a channel's visitor views, an app's storefronts, a sequence of supplied items (detectors.model.Scope).

Once the first document of a process has been judged, the tables it loaded (catalogue, lexicons, language model,
public suffix list, phone metadata: ~150,000 objects that live as long as the process) are moved out of the cyclic
garbage collector's walks (`gc.freeze`): every full collection walked them again, 0.7-0.9 ms per page judged
(benchmarks/analyze.py, BENCHMARKS.md). Frozen objects are still freed by reference counting; results are unchanged.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache

from detectors.catalogue import catalogue
from detectors.context import Context
from detectors.model import ChannelKind, Document, Finding, Scope, sort_key

Detector = Callable[[object, Context], list[Finding]]
# Signals of the site as a whole (its host names and sections, the alternates and language switcher repeated in
# every page's chrome): one finding per value per channel, at the first URL in sorted order, not one per page.
SITE_LEVEL = frozenset({"DOMAIN", "HREFLANG"})
SITE_LEVEL_LOCATORS = frozenset({"a[href] (language switcher)"})


@cache
def detectors(scope: Scope = Scope.DOCUMENT) -> dict[str, Detector]:
    """The `detect` of every active indicator whose subject is `scope`, by indicator id."""
    table = {}
    for indicator in catalogue().active:
        module = importlib.import_module(f"detectors.{indicator.id.lower()}")
        if getattr(module, "SCOPE", Scope.DOCUMENT) == scope:
            table[indicator.id] = module.detect
    return table


def detect_all(scope: Scope, subject, ctx: Context, kind: str) -> list[Finding]:
    """Every active indicator of `scope` that the catalogue enables for this kind of channel, on one subject."""
    found: list[Finding] = []
    for indicator_id, detect in detectors(scope).items():
        if kind in catalogue()[indicator_id].channels:
            found.extend(detect(subject, ctx))
    return found


def analyze_document(doc: Document, ctx: Context, kind: str = ChannelKind.WEBSITE) -> list[Finding]:
    return detect_all(Scope.DOCUMENT, doc, ctx, kind)


def analyze_documents(docs: Iterable[Document], ctx: Context, kind: str = ChannelKind.WEBSITE) -> list[Finding]:
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
        _freeze_loaded_tables()
    return sorted(findings.values(), key=sort_key)


@cache
def _freeze_loaded_tables() -> None:
    """Once per process, after a first document: what is alive now (mostly the tables just loaded) is left out of
    every later collection. Not where the caller manages the collector itself (gc disabled)."""
    if gc.isenabled():
        gc.collect()
        gc.freeze()
