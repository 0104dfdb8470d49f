"""Judging a website or affiliate channel: every page's own findings, then what differs between visitors."""

from __future__ import annotations

from detectors.analyze import analyze_document, analyze_documents, detect_all
from detectors.channels.pages import documents, fetch_status
from detectors.context import Context
from detectors.evidence import ChannelEvidence, FirmEvidence
from detectors.geo import VisitorViews
from detectors.geoblock import verdicts
from detectors.model import ChannelKind, ChannelResult, Document, Finding, Scope, rated, sort_key


def judge_website(channel: ChannelEvidence, ctx: Context, firm: FirmEvidence) -> ChannelResult:
    docs = documents(channel)
    result = fetch_status(channel, docs)
    if not rated(result.status):
        return result
    result.findings = analyze_documents(docs, ctx, channel.kind)
    if firm.baseline and firm.eu_visitors and channel.kind == ChannelKind.WEBSITE:
        geo, result.geoblock = compare_visitors(docs, ctx, firm.baseline, firm.eu_visitors, result.findings)
        result.findings = sorted(result.findings + geo, key=sort_key)
    return result


def compare_visitors(docs: list[Document], ctx: Context, baseline: str, eu_visitors: tuple[str, ...],
                     own_findings: list[Finding], kind: str = ChannelKind.WEBSITE) -> tuple[list[Finding], dict]:
    """The visitor-scope findings of a channel (GEOBLOCK, GEO_TARGETED), one per id, and the geo-block verdict of
    each refused EU visitor state. `own_findings`: the channel's document-scope findings."""
    own: dict[int, list[Finding]] = {}

    def findings_of(doc: Document) -> list[Finding]:
        if id(doc) not in own:
            own[id(doc)] = analyze_document(doc, ctx, kind)
        return own[id(doc)]

    views = VisitorViews(docs, baseline, eu_visitors, findings_of)
    unique: dict[str, Finding] = {}
    for finding in sorted(detect_all(Scope.VISITORS, views, ctx, kind), key=sort_key):
        unique.setdefault(finding.id, finding)
    geo = sorted(unique.values(), key=sort_key)
    return geo, verdicts(views, own_findings + geo)
