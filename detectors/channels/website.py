"""Judging a website or affiliate channel: every page's own findings, merged per fact as pages arrive, then what
differs between visitors, compared at the end over compact views of the pages (detectors/geo.py)."""

from __future__ import annotations

from dataclasses import dataclass

from detectors.analyze import detect_all, judge_page
from detectors.channels.pages import FetchTally, document_of
from detectors.context import Context
from detectors.evidence import Capture, ChannelEvidence, FirmEvidence
from detectors.geo import PageView, VisitorViews, page_view, shared_view
from detectors.geoblock import directed_states, verdicts
from detectors.linked import linked_accounts
from detectors.merge import FindingMerger
from detectors.model import ChannelKind, ChannelResult, Document, Finding, Scope, rated, sort_key
from detectors.urls import normalise_url


@dataclass(frozen=True)
class PageRole:
    """What judging one page of a website or affiliate channel takes besides the page: the channel's kind, and
    whose pages get a view for the visitor comparison (`viewed`: none where visitors are not compared) with which
    visitor the baseline."""

    kind: str
    viewed: tuple[str, ...] = ()
    baseline: str = ""

    def view(self, doc: Document, found: list[Finding], shared: dict | None = None) -> PageView | None:
        """The page's view for the visitor comparison (detectors/geo.py), where its visitor's pages get one."""
        if doc.visitor not in self.viewed:
            return None
        return page_view(doc, found, doc.visitor == self.baseline, shared)


def judge_in_role(doc: Document, ctx: Context, role: PageRole) -> tuple[list[Finding], PageView | None]:
    """One page's own findings and its view: what a helper process judges for the channel's judge
    (crawler/crawl/judge_helper.py), as the judge would itself (`WebsiteJudge.add`)."""
    found = judge_page(doc, ctx, role.kind)
    return found, role.view(doc, found)


class WebsiteJudge:
    """One website or affiliate channel, judged page by page; nothing of a page is kept but its merged findings,
    what its fetch says about the channel's status, and (when visitors are compared) its view."""

    def __init__(self, channel: ChannelEvidence, ctx: Context, firm: FirmEvidence) -> None:
        self.channel, self.ctx = channel, ctx
        self.baseline, self.eu_visitors = firm.baseline, firm.eu_visitors
        self.compares = bool(firm.baseline and firm.eu_visitors and channel.kind == ChannelKind.WEBSITE)
        self.visitors = {firm.baseline, *firm.eu_visitors} - {""}
        self.tally = FetchTally()
        self.merger = FindingMerger()
        self.views: list[PageView] = []
        self.page_states: dict[tuple[str, str], frozenset[str]] = {}  # (URL, body hash) -> states named there
        self.shared: dict = {}
        self.linked: set[tuple[ChannelKind, str, str]] = set()
        self.role = PageRole(channel.kind, tuple(sorted(self.visitors)) if self.compares else (), firm.baseline)

    def add(self, capture: Capture, document: Document | None = None, found: list[Finding] | None = None,
            view: PageView | None = None) -> None:
        """One capture; `document`, `found`, `view`: its Document, that Document's own findings and its view for the
        visitor comparison, where known already (`judge_in_role`)."""
        self.tally.add_capture(capture)
        if capture.body is None or capture.status is None:
            return
        doc = document if document is not None else document_of(capture)
        self.tally.add_document(doc)
        if found is None or document is None:
            found, view = judge_page(doc, self.ctx, self.channel.kind), None
        self.merger.add(doc, found)
        if self.channel.kind == ChannelKind.WEBSITE:
            self.linked.update(linked_accounts([doc]))
        if self.compares:
            self.keep_view(doc, found, view)

    def keep_view(self, doc: Document, found: list[Finding], view: PageView | None = None) -> None:
        """What the visitor comparison will need of this page: the states its directed findings name, and its
        view when a compared visitor fetched it (`view`, where judged elsewhere: its record id set here)."""
        by_page: dict[tuple[str, str], list[Finding]] = {}
        for finding in found:
            by_page.setdefault((normalise_url(finding.url), finding.body_sha256), []).append(finding)
        for page, findings in by_page.items():
            states = directed_states(findings) | self.page_states.get(page, frozenset())
            if states:
                self.page_states[page] = self.shared.setdefault(states, states)
        if view is not None:
            self.views.append(shared_view(view, self.shared, doc.record_id))
        else:
            view = self.role.view(doc, found, self.shared)
            if view is not None:
                self.views.append(view)

    def finish(self, torn: str = "") -> ChannelResult:
        result = self.tally.result(self.channel, torn)
        if not rated(result.status):
            return result
        result.findings = self.merger.findings()
        if self.compares:
            views = VisitorViews(self.views, self.baseline, self.eu_visitors)
            geo = visitor_findings(views, self.ctx, self.channel.kind)
            result.geoblock = verdicts(views, self.page_states, geo)
            result.findings = sorted(result.findings + geo, key=sort_key)
        return result


def visitor_findings(views: VisitorViews, ctx: Context, kind: str = ChannelKind.WEBSITE) -> list[Finding]:
    """The visitor-scope findings of a channel (GEOBLOCK, GEO_TARGETED), one per id."""
    unique: dict[str, Finding] = {}
    for finding in sorted(detect_all(Scope.VISITORS, views, ctx, kind), key=sort_key):
        unique.setdefault(finding.id, finding)
    return sorted(unique.values(), key=sort_key)
