"""The URL forms footprint compares by, declared once.

`normalise_url` is the form finding ids are made from: changing it changes every finding id (and so every triage
decision's key), so it only ever changes with a migration.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}
# URLs whose readings each URL-keyed cache keeps. A site's chrome (navigation, footer, language switcher) repeats a
# few hundred links on every page; the links of one page only, there is no point keeping: with room for every URL of a
# crawl, the caches grew with its pages (about 10 MiB more at 20,000 pages than at 2,000).
URLS_KEPT = 2048


@lru_cache(maxsize=URLS_KEPT)  # every finding of a page shares its URL
def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment and a default port: the form used in finding ids."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(parts.scheme):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))
