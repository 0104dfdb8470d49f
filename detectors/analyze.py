"""Running the detectors: documents of a channel in, its findings out (one per fact, in a stable order).

A channel's document-scope findings are merged by indicator and value as documents arrive (detectors/merge.py):
a fact its pages repeat is one finding with the pages it was seen on. Supplied posts and mails keep one finding
per item (`analyze_items`).

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
from detectors.document import build_document
from detectors.merge import FindingMerger, page_order
from detectors.model import ChannelKind, Document, Finding, Scope, sort_key

Detector = Callable[[object, Context], list[Finding]]
# Supplied items keep one finding per item; of these signals of the sender's site as a whole (its host names, the
# alternates and language switcher in every message's chrome) one per value, at the first item in sorted order.
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
    """The channel's document-scope findings, one per fact (indicator and value) with the pages it was seen on
    (detectors/merge.py)."""
    merger = FindingMerger()
    for doc in docs:
        merger.add(doc, judge_page(doc, ctx, kind))
    return merger.findings()


def judge_page(doc: Document, ctx: Context, kind: str = ChannelKind.WEBSITE) -> list[Finding]:
    """One page's own findings, as a crawl judges pages one by one (the loaded tables frozen after the first)."""
    found = analyze_document(doc, ctx, kind)
    _freeze_loaded_tables()
    return found


def analyze_items(docs: Iterable[Document], ctx: Context, kind: str) -> list[Finding]:
    """The findings of supplied items, each item's its own (one per indicator, item and value), except the
    site-level signals above."""
    findings: dict[str, Finding] = {}
    key_of_id: dict[str, str] = {}
    for doc in sorted(docs, key=page_order):
        for finding in analyze_document(doc, ctx, kind):
            site_level = finding.indicator in SITE_LEVEL or finding.evidence.locator in SITE_LEVEL_LOCATORS
            key = f"{finding.indicator}\x1f{finding.evidence.value.lower()}" if site_level else finding.id
            # First wins: deterministic. One finding per id; later sightings by other visitors only add those
            # visitors to it.
            key = key_of_id.get(finding.id, key)
            kept = findings.get(key)
            if kept is None:
                findings[key] = finding
                key_of_id[finding.id] = key
            elif finding.visitors and not set(finding.visitors) <= set(kept.visitors):
                findings[key] = replace(kept, visitors=tuple(sorted(set(kept.visitors) | set(finding.visitors))))
        _freeze_loaded_tables()
    return sorted(findings.values(), key=sort_key)


# A short page in a few languages with a price, a bonus, a call to action, a phone number and language alternates:
# judged once by `load_tables`, it makes the detectors load nearly every table they use.
_WARM_UP = """<!doctype html><html lang="de"><head><title>Konto eröffnen</title>
<link rel="alternate" hreflang="fr-FR" href="https://warm-up.invalid/fr/"><meta name="description" content="Bitcoin">
</head><body><h1>Jetzt Depot eröffnen und 25 € Bonus sichern!</h1><a class="btn" href="/signup">Registrieren</a>
<p>Bitcoin kaufen ab 10,00 € mit SEPA, Kreditkarte oder PayPal. Gebühr 0,5 %. Kundenservice: +49 30 1234567.</p>
<p>Ouvrez un compte et recevez 10 € de bonus. Nicht verfügbar in: Dänemark. Lade die App im App Store.</p>
<select><option>EUR</option><option>PLN</option></select><p>Invite a friend with code WELCOME25: you both get 15 €.
Our partner programme pays a commission on every referred friend's trades, reported monthly.</p>
<p>Hotline: 030 12345678. Besuchen Sie uns in Berlin. Kein Angebot in Kanada. 1.000 Kč, 200 zł.</p>
<a href="https://www.binance.com/register?ref=ABC123">Binance</a></body></html>""".encode()
# The rarer paths the page above takes none of: an affiliate tie shown only by a refer-a-friend rule or a disclosure,
# a bare currency name (read only on the firm's own help or terms pages).
_WARM_UP_QUIET = b"""<!doctype html><html lang="en"><head><title>Review</title></head><body><p>A friend you invite
gets 10 USDT once verified. If you open an account through the links in this article, the site receives
compensation. Pay the fee in euros.</p></body></html>"""


def load_tables(ctx: Context) -> None:
    """Load what judging needs (data files, lexicons, the language model, patterns) before the first page comes: a
    scan does it while its crawl starts, when a core would idle, instead of on its first page, when both are busy.
    Judges two short pages written for it, and drops the findings."""
    for body in (_WARM_UP, _WARM_UP_QUIET):
        judge_page(build_document(channel="website", requested_url="https://warm-up.invalid/",
                                  url="https://warm-up.invalid/", status=200, fetched_at="1970-01-01T00:00:00Z",
                                  content_type="text/html; charset=utf-8", body=body), ctx)


# Objects allocated before the collector's youngest generation is scanned. Judging a page makes tens of thousands of
# short-lived containers (word indexes, links) that reference counting frees; the default 700 made the collector walk
# them several times a page and find nothing (0 unreachable): 6-8 % of the CPU time (BENCHMARKS.md, "Stop 38").
YOUNG_GENERATION = 20_000


@cache
def _freeze_loaded_tables() -> None:
    """Once per process, after a first document: what is alive now (mostly the tables just loaded) is left out of
    every later collection, and the youngest generation is scanned less often. Not where the caller manages the
    collector itself (gc disabled)."""
    if gc.isenabled():
        gc.collect()
        gc.freeze()
        young, older, oldest = gc.get_threshold()
        gc.set_threshold(max(YOUNG_GENERATION, young), older, oldest)
