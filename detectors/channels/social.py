"""Judging a social channel: a profile page, or Telegram preview pages with their posts, read as the firm's own
words. Login walls, bot walls, missing accounts and empty parses make it inconclusive or not assessed, with the
reason, never clean."""

from __future__ import annotations

from detectors.analyze import judge_page
from detectors.context import Context
from detectors.document import sha256
from detectors.evidence import Capture, ChannelEvidence
from detectors.merge import FindingMerger
from detectors.model import ChannelResult, ChannelStatus
from detectors.social.posts import post_documents, profile_document
from detectors.social.profiles import parse_profile
from detectors.social.telegram import parse_preview
from detectors.social.walls import NOT_FOUND, wall

EMPTY_PARSE = "empty parse"


class SocialJudge:
    """One social channel, judged capture by capture: the merged findings of its posts and profile, and what its
    fetches say about its status."""

    def __init__(self, channel: ChannelEvidence, ctx: Context) -> None:
        self.channel, self.ctx = channel, ctx
        self.platform = channel.id.split(":")[1]
        self.merger = FindingMerger()
        self.errors: list[dict] = []
        self.walls: list[str] = []
        self.fetched = self.failed = 0
        self.checked: set[str] = set()  # URLs of the pages judged
        self.answered = self.judged = False

    def add(self, capture: Capture) -> None:
        status, body = capture.status, capture.body
        self.answered |= status is not None
        if status is None or body is None:
            self.errors.append({"url": capture.url, "error": capture.error or "not fetched"})
            self.failed += 1
            return
        blocked = wall(self.platform, status, body, capture.url)
        if blocked:
            self.walls.append(blocked)
            self.errors.append({"url": capture.url, "error": blocked})
            return
        docs = self._documents(capture, body)
        if not docs:
            self.walls.append(EMPTY_PARSE)
            return
        for doc in docs:
            self.merger.add(doc, judge_page(doc, self.ctx, self.channel.kind))
        self.judged = True
        self.fetched += 1
        self.checked.add(capture.url)

    def _documents(self, capture: Capture, body: bytes) -> list:
        common = dict(fetched_at=capture.fetched_at, record_id=capture.record_id)
        if self.platform == "telegram":
            page = parse_preview(body, capture.url)
            if page.empty:
                return []
            return post_documents(self.channel.id, capture.url, body_sha256=sha256(body), posts=page.posts, **common)
        profile = parse_profile(self.platform, body, capture.url)
        doc = profile_document(self.channel.id, profile, body_sha256=sha256(body), **common)
        return [] if doc is None else [doc]

    def finish(self) -> ChannelResult:
        channel = self.channel
        result = ChannelResult(id=channel.id, kind=channel.kind, target=channel.target,
                               status=ChannelStatus.ASSESSED, discovered=channel.discovered,
                               pages_fetched=self.fetched, pages_failed=self.failed, checked=sorted(self.checked),
                               errors=sorted(self.errors, key=lambda e: (e["url"], e["error"])))
        walls = sorted(self.walls)
        if not self.judged:
            reason = walls[0] if walls else "nothing could be fetched"
            if NOT_FOUND in walls:
                reason = NOT_FOUND
            result.status = (ChannelStatus.NOT_ASSESSED if (not self.answered or reason == NOT_FOUND)
                             else ChannelStatus.INCONCLUSIVE)
            result.reason = reason if reason != EMPTY_PARSE else "the page parsed empty (layout change?)"
            return result
        if walls or result.pages_failed:
            result.status = ChannelStatus.PARTIAL
            result.reason = "; ".join(sorted(set(walls))) or "some pages failed"
        result.findings = self.merger.findings()
        return result
