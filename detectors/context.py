"""What detectors know besides the document: the firm's own domains and how to build a finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from detectors.catalogue import Catalogue, catalogue
from detectors.geography import Geography, geography
from detectors.model import Document, Evidence, Finding


@dataclass(frozen=True)
class Context:
    first_party: frozenset[str] = field(default_factory=frozenset)  # registrable domains of the firm's sites
    home_country: str = ""
    catalogue: Catalogue = field(default_factory=catalogue)
    geo: Geography = field(default_factory=geography)

    def finding(
        self,
        doc: Document,
        indicator: str,
        *,
        value: str,
        snippet: str,
        locator: str,
        member_states=(),
        confidence: float,
        strength: str,
    ) -> Finding:
        return Finding.of(
            indicator=indicator,
            channel=doc.channel,
            url=doc.url,
            fetched_at=doc.fetched_at,
            body_sha256=doc.body_sha256,
            confidence=_rounded(confidence),
            member_states=_sorted_states(member_states),
            evidence=Evidence.of(value, snippet[:300], locator),
            legal_ref=self.catalogue[indicator].legal_ref,
            strength=strength,
            visitors=(doc.visitor,) if doc.visitor else (),
            record_id=doc.record_id,
        )


# A page makes ~45 findings, from a few confidences and sets of states: each worked out once (round alone is 0.5 us).
@lru_cache(maxsize=1024)
def _rounded(confidence: float) -> float:
    return round(confidence, 3)


def _sorted_states(member_states) -> tuple[str, ...]:
    if member_states.__class__ is tuple:  # as most detectors pass them (geography's tables): hashable
        return _sorted_tuple(member_states)
    return _sorted_tuple.__wrapped__(member_states)


@lru_cache(maxsize=1024)
def _sorted_tuple(member_states: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(member_states)))
