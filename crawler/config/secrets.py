"""Credentials in URLs (proxies, store locations) are never shown: one redactor for every message, report and
listing. The user name stays visible: for geo-proxies it names the exit country."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

MASK = "***"
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_NETLOC_PASSWORD = re.compile(r"(://[^/?#@:]*:)[^/?#]*@")
_QUERY_PASSWORD = re.compile(r"([?&]password=)[^&#]*", re.IGNORECASE)


def redact(location: str) -> str:
    """A URL with its password (in the user part or a `password=` query field) replaced by `***`; anything that
    is not a URL (a file path) as it is."""
    if not _URL.match(location or ""):
        return location
    return _QUERY_PASSWORD.sub(rf"\1{MASK}", _NETLOC_PASSWORD.sub(rf"\1{MASK}@", location))


def scrub(message: str, url: str) -> str:
    """A message (a library's error text) with the URL's password taken out wherever it appears."""
    try:
        password = unquote(urlsplit(url).password or "")
    except ValueError:
        return message
    return message.replace(password, MASK) if password else message
