"""One finding per repeated fact: the document-scope findings of a channel merged by (indicator, normalised value).

A footer phone number on 2,000 pages is one finding seen on 2,000 pages, not 2,000 findings. Merging happens as
documents arrive and keeps, per fact, only a compact aggregate: the count of distinct pages, a bounded sample of
sightings (the MERGE_SAMPLE smallest by URL), the earliest and latest fetch time, the visitors, and the one
finding that stands for the fact. So memory grows with the distinct facts of a channel, plus one small entry per
page (the facts already counted on it, shared between pages that carry the same ones).

Which sighting stands for the fact does not depend on arrival order: the strongest (its scoring contribution, so a
channel's score per indicator is what it was with one finding per page), then the first in page order (URL, raw
before rendered, visitor, body, requested URL, fetch time), then its place on the page. Its url, capture and
evidence are the merged finding's; member states, strength and confidence are its own.
"""

from __future__ import annotations

import bisect
from functools import cache

from detectors.catalogue import catalogue
from detectors.model import MERGE_SAMPLE, Document, Finding, Sighting, normalise_value, sort_key
from detectors.scoring import contribution_of
from detectors.urls import normalise_url

FactKey = tuple[str, str]  # (indicator, normalised evidence value); the channel is the merger's


def page_order(doc: Document) -> tuple:
    """Documents in content order, never fetch order: rendered DOMs after raw responses, visitors by name."""
    return doc.url, doc.rendered, doc.visitor, doc.body_sha256, doc.requested_url, doc.fetched_at


def fact_key(finding: Finding) -> FactKey:
    return finding.indicator, normalise_value(finding.evidence.value)


class _Fact:
    """What is kept of one fact while pages arrive."""

    __slots__ = ("best", "_rank", "_order", "pages", "sample", "first_seen", "last_seen", "visitors")

    def __init__(self, finding: Finding, page: tuple, order: tuple, sighting: Sighting) -> None:
        # Its first sighting. The best's rank is worked out when a second one comes: most facts are seen once.
        self.best, self._rank, self._order = finding, None, page
        self.pages = 0
        self.sample: list[tuple[tuple, Sighting]] = [(order, sighting)]
        self.first_seen = self.last_seen = finding.fetched_at
        self.visitors: set[str] = set(finding.visitors)

    def sighted(self, finding: Finding, page: tuple, order: tuple, sighting: Sighting) -> None:
        """Another sighting (`page`: its document's page order; `order`: the sighting's, its URL first; `sighting`:
        where and when, shared by the page's findings)."""
        if self._rank is None:
            self._rank = _rank(self.best, self._order)
        rank = _rank(finding, page)
        if rank < self._rank:
            self.best, self._rank = finding, rank
        self.first_seen = min(self.first_seen, finding.fetched_at)
        self.last_seen = max(self.last_seen, finding.fetched_at)
        self.visitors.update(finding.visitors)
        for at, (kept, _) in enumerate(self.sample):
            if kept[0] == order[0]:  # this URL is in the sample already: keep its first sighting
                if order < kept:
                    del self.sample[at]
                    bisect.insort(self.sample, (order, sighting))
                return
        # A URL pushed out of the sample sorts after every URL kept, so it can never come back: the sample is the
        # MERGE_SAMPLE smallest URLs whatever the arrival order.
        if len(self.sample) < MERGE_SAMPLE or order < self.sample[-1][0]:
            bisect.insort(self.sample, (order, sighting))
            del self.sample[MERGE_SAMPLE:]

    def finding(self) -> Finding:
        visitors = tuple(sorted(self.visitors))
        return self.best.with_fields(visitors=visitors, pages=self.pages, seen_on=tuple([s for _, s in self.sample]),
                                     first_seen=self.first_seen, last_seen=self.last_seen)


class FindingMerger:
    """The merged document-scope findings of one channel, fed one document's findings at a time."""

    def __init__(self) -> None:
        self._facts: dict[FactKey, _Fact] = {}
        self._counted: dict[str, frozenset[FactKey]] = {}  # normalised URL -> facts already counted on it
        self._shared: dict[frozenset[FactKey], frozenset[FactKey]] = {}  # one copy of each set of facts

    def add(self, doc: Document, findings: list[Finding]) -> None:
        by_page: dict[str, set[FactKey]] = {}
        order = page_order(doc)
        # A page's findings share one or two URLs and captures: each URL normalised, and each sighting made, once.
        sightings: dict[tuple[str, str, str], tuple[str, tuple, Sighting]] = {}
        for finding in findings:
            key = fact_key(finding)
            where = finding.url, finding.record_id, finding.fetched_at
            seen = sightings.get(where)
            if seen is None:
                url = normalise_url(finding.url)
                seen = sightings[where] = (url, (url, *order, finding.record_id), Sighting.of(*where))
            url, sighting_order, sighting = seen
            fact = self._facts.get(key)
            if fact is None:
                self._facts[key] = _Fact(finding, order, sighting_order, sighting)
            else:
                fact.sighted(finding, order, sighting_order, sighting)
            by_page.setdefault(url, set()).add(key)
        for url, keys in by_page.items():
            counted = self._counted.get(url, frozenset())
            for key in keys - counted:
                self._facts[key].pages += 1
            merged = counted | keys
            self._counted[url] = self._shared.setdefault(merged, merged)

    def findings(self) -> list[Finding]:
        return sorted((fact.finding() for fact in self._facts.values()), key=sort_key)


def _rank(finding: Finding, order: tuple) -> tuple:
    """Smallest first: the strongest sighting, then page order (`order`: its document's), then its place on the
    page."""
    return (-_contribution(finding.indicator, finding.strength, finding.confidence, bool(finding.member_states)),
            order, finding.url, finding.evidence.locator,
            finding.evidence.snippet, finding.evidence.value, finding.confidence, finding.strength,
            finding.member_states, finding.record_id)


@cache
def _contribution(indicator: str, strength: str, confidence: float, targeted: bool) -> float:
    """A sighting's scoring contribution: a function of these four alone (detectors/scoring.py)."""
    return round(contribution_of(catalogue(), indicator, strength, confidence, targeted), 9)
