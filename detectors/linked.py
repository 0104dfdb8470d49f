"""The app listings and social accounts a firm's own pages link to (app badges, "follow us" links): channels of
their own, crawled and judged like listed ones and marked as discovered."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from detectors.model import ChannelKind, Document
from detectors.social.handles import platform_of
from detectors.social.profiles import handle_from_url
from detectors.urls import URLS_KEPT

_APPLE_ID = re.compile(r"/id(\d{6,12})(?:$|[/?])")
_PACKAGE = re.compile(r"[A-Za-z][\w]*(\.[A-Za-z][\w]*)+")


def linked_accounts(documents: Iterable[Document]) -> list[tuple[ChannelKind, str, str]]:
    """(kind, platform or store, id) of every app listing and social account linked from the documents, sorted."""
    found = {_account_of(link.url) for doc in documents for link in doc.links}
    found.discard(None)
    return sorted(found)


@lru_cache(maxsize=URLS_KEPT)  # a site's header and footer links repeat on every page: read each URL once
def _account_of(url: str) -> tuple[ChannelKind, str, str] | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host == "apps.apple.com" or host == "itunes.apple.com" and "/app/" in parts.path:
        match = _APPLE_ID.search(parts.path)
        return (ChannelKind.APP, "apple", match.group(1)) if match else None
    if host == "play.google.com" and parts.path.startswith("/store/apps/details"):
        package = (parse_qs(parts.query).get("id") or [""])[0]
        return (ChannelKind.APP, "google", package) if _PACKAGE.fullmatch(package) else None
    account = handle_from_url(url) if _social_host(host) else None
    return (ChannelKind.SOCIAL, account[0], account[1]) if account else None


@lru_cache(maxsize=1024)  # a page's links share a few hosts
def _social_host(host: str) -> bool:
    """Whether a host is a social platform's at all (most links are not: no account patterns to try on them)."""
    return bool(host) and bool(platform_of(f"https://{host}/"))
