"""Judging a social channel: a profile page, or Telegram preview pages with their posts, read as the firm's own
words. Login walls, bot walls, missing accounts and empty parses make it inconclusive or not assessed, with the
reason, never clean."""

from __future__ import annotations

from detectors.analyze import analyze_documents
from detectors.context import Context
from detectors.document import sha256
from detectors.evidence import ChannelEvidence, FirmEvidence
from detectors.model import ChannelResult, ChannelStatus
from detectors.social.posts import post_documents, profile_document
from detectors.social.profiles import parse_profile
from detectors.social.telegram import parse_preview
from detectors.social.walls import NOT_FOUND, wall

EMPTY_PARSE = "empty parse"


def judge_social(channel: ChannelEvidence, ctx: Context, firm: FirmEvidence) -> ChannelResult:
    platform = channel.id.split(":")[1]
    result = ChannelResult(id=channel.id, kind=channel.kind, target=channel.target, status=ChannelStatus.ASSESSED,
                           discovered=channel.discovered)
    docs = []
    walls = []
    for capture in channel.captures:
        status, body = capture.status, capture.body
        if status is None or body is None:
            result.errors.append({"url": capture.url, "error": capture.error or "not fetched"})
            result.pages_failed += 1
            continue
        blocked = wall(platform, status, body, capture.url)
        if blocked:
            walls.append(blocked)
            result.errors.append({"url": capture.url, "error": blocked})
            continue
        common = dict(fetched_at=capture.fetched_at, record_id=capture.record_id)
        sha = sha256(body)
        if platform == "telegram":
            page = parse_preview(body, capture.url)
            if page.empty:
                walls.append(EMPTY_PARSE)
                continue
            docs += post_documents(channel.id, capture.url, body_sha256=sha, posts=page.posts, **common)
        else:
            profile = parse_profile(platform, body, capture.url)
            doc = profile_document(channel.id, profile, body_sha256=sha, **common)
            if doc is None:
                walls.append(EMPTY_PARSE)
                continue
            docs.append(doc)
        result.pages_fetched += 1
    if not docs:
        answered = any(c.status is not None for c in channel.captures)
        reason = walls[0] if walls else "nothing could be fetched"
        result.status = (ChannelStatus.NOT_ASSESSED if (not answered or reason == NOT_FOUND)
                         else ChannelStatus.INCONCLUSIVE)
        result.reason = reason if reason != EMPTY_PARSE else "the page parsed empty (layout change?)"
        return result
    if walls or result.pages_failed:
        result.status = ChannelStatus.PARTIAL
        result.reason = "; ".join(sorted(set(walls))) or "some pages failed"
    result.findings = analyze_documents(docs, ctx, channel.kind)
    return result
