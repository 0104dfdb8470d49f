"""The URL forms footprint compares by, declared once.

`normalise_url` is the form finding ids are made from: changing it changes every finding id (and so every triage
decision's key), so it only ever changes with a migration.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=8192)  # every finding of a page shares its URL
def normalise_url(url: str) -> str:
    """Lower-case scheme and host, drop the fragment and a default port: the form used in finding ids."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(parts.scheme):
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))
