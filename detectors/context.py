"""What detectors know besides the document: the firm's own domains and how to build a finding."""

from __future__ import annotations

from dataclasses import dataclass, field

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
            confidence=round(confidence, 3),
            member_states=tuple(sorted(set(member_states))),
            evidence=Evidence(value=value, snippet=snippet[:300], locator=locator),
            legal_ref=self.catalogue[indicator].legal_ref,
            strength=strength,
            visitors=(doc.visitor,) if doc.visitor else (),
            record_id=doc.record_id,
        )
