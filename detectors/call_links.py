"""Links that are calls to action by where they lead, for detectors/calls_to_action.py: sign-up, account opening,
download and app-store targets, and the redirect paths comparison sites send readers to a provider through; a link
to a log-in is none."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

# Link targets that are calls to action whatever their text: sign-up, account opening, download, the stores, and
# the redirect paths comparison sites send readers to a provider through.
# Alternatives that begin alike are written as one ("/(?:download|go/|...)", "registe?r"): the regex engine tries
# each alternative at every place a link's address could match, and most addresses match none.
_TARGET = re.compile(
    r"/(?:download|go/|out/|goto/|visit/|recommends/|apps?\b)|sign-?up|registe?r|join|open-?account|create-?account|"
    r"onboarding|get-?app|apps\.apple\.com|play\.google\.com", re.IGNORECASE)
_LOGIN = re.compile(r"log-?in|sign-?in|anmelden|/auth\b", re.IGNORECASE)
# A download of a document to read ("/download/.../Ausstellungen.pdf"), not of an app: no call by its target.
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|csv|txt)$")
_EITHER = re.compile(f"{_LOGIN.pattern}|{_TARGET.pattern}", re.IGNORECASE)  # most links: neither, one scan
# The same patterns without IGNORECASE, for an address already in lower case: several times faster per link.
_TARGET_LOWER, _LOGIN_LOWER, _EITHER_LOWER = (re.compile(p.pattern) for p in (_TARGET, _LOGIN, _EITHER))


@lru_cache(maxsize=1024)
def link_kind(url: str) -> tuple[bool, bool]:
    """Whether a link goes to a log-in, and whether to a call-to-action target (menus repeat them page after page)."""
    lower = url.lower()
    if not _EITHER_LOWER.search(lower):
        return False, False
    if _LOGIN_LOWER.search(lower):
        return True, False
    if not _TARGET_LOWER.search(lower):  # the path and the host are parts of the address: no target, none in them
        return False, False
    parts = urlsplit(url)
    path = parts.path.lower()
    return False, bool(_TARGET_LOWER.search(path + " " + (parts.hostname or "").lower())) and not _DOCUMENT.search(path)
