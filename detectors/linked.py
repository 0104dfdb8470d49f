"""The app listings and social accounts a firm's own pages link to (app badges, "follow us" links): channels of
their own, crawled and judged like listed ones and marked as discovered."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import parse_qs, urlsplit

from detectors.model import ChannelKind, Document
from detectors.social.profiles import handle_from_url

_APPLE_ID = re.compile(r"/id(\d{6,12})(?:$|[/?])")
_PACKAGE = re.compile(r"[A-Za-z][\w]*(\.[A-Za-z][\w]*)+")


def linked_accounts(documents: Iterable[Document]) -> list[tuple[ChannelKind, str, str]]:
    """(kind, platform or store, id) of every app listing and social account linked from the documents, sorted."""
    found: set[tuple[ChannelKind, str, str]] = set()
    for doc in documents:
        for link in doc.links:
            parts = urlsplit(link.url)
            host = (parts.hostname or "").lower()
            if host == "apps.apple.com" or host == "itunes.apple.com" and "/app/" in parts.path:
                match = _APPLE_ID.search(parts.path)
                if match:
                    found.add((ChannelKind.APP, "apple", match.group(1)))
            elif host == "play.google.com" and parts.path.startswith("/store/apps/details"):
                package = (parse_qs(parts.query).get("id") or [""])[0]
                if _PACKAGE.fullmatch(package):
                    found.add((ChannelKind.APP, "google", package))
            else:
                account = handle_from_url(link.url)
                if account:
                    found.add((ChannelKind.SOCIAL, account[0], account[1]))
    return sorted(found)
