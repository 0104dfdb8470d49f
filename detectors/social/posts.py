"""Social posts and profiles as Documents (INFLUENCER's disclosure tags are read from them by
detectors/influencer.py).

A post's text is the firm's own words (or those of someone posting for it), so its Document is not a platform
page (`platform=False`): LANG, PROMO, BONUS, AFFILIATE (referral links), CURRENCY and DISCLAIMER run on it
unchanged. The platform's own chrome (its UI language, og:locale, hreflang alternates) never gets into these
Documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from detectors.model import Document, Link
from detectors.social.profiles import SocialProfile


class Post(Protocol):
    url: str
    text: str
    links: tuple[Link, ...]


def post_documents(channel: str, page_url: str, fetched_at: str, body_sha256: str, posts: Iterable[Post], *,
                   record_id: str = "", visitor: str = "") -> list[Document]:
    """One Document per post (kind html, url = the post's permalink, requested_url = the page it was read on).

    `channel` is footprint's channel id (social:telegram:nordwind_de); `fetched_at`, `body_sha256` and
    `record_id` are those of the captured page the posts were parsed from. Posts with neither text nor links
    are left out; a post's date, when known, is kept as meta article:published_time.
    """
    docs = []
    for post in posts:
        links = tuple(post.links)
        if not post.text.strip() and not links:
            continue
        date = getattr(post, "date", "")
        docs.append(Document(
            channel=channel, url=post.url, requested_url=page_url, status=200, fetched_at=fetched_at,
            body_sha256=body_sha256, content_type="text/html", kind="html", text=post.text, links=links,
            meta=(("article:published_time", date),) if date else (), platform=False, visitor=visitor,
            record_id=record_id,
        ))
    return docs


def profile_document(channel: str, profile: SocialProfile, fetched_at: str, body_sha256: str, *,
                     record_id: str = "", visitor: str = "") -> Document | None:
    """The account's own words on its profile (bio, about text) and the links it publishes, as a Document.
    The page's meta tags stay out: og:locale and the like are the platform's. None for an empty profile."""
    if profile.empty:
        return None
    return Document(
        channel=channel, url=profile.url, requested_url=profile.url, status=200, fetched_at=fetched_at,
        body_sha256=body_sha256, content_type="text/html", kind="html", title=profile.name,
        text=profile.description, links=profile.links, platform=False, visitor=visitor, record_id=record_id,
    )
