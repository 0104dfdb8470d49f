"""INFLUENCER: disclosure tags of paid promotion in EU languages (#werbung, #anzeige, #pub, #publicidad...),
"paid partnership" labels, on posts and other material the firm or its creators publish."""

from __future__ import annotations

from detectors.context import Context
from detectors.model import Document, Finding
from detectors.social.posts import influencer_findings

INDICATOR = "INFLUENCER"


def detect(doc: Document, ctx: Context) -> list[Finding]:
    return influencer_findings(ctx, doc)
