"""Bot walls and login walls: pages that stand in front of the content and must not be judged as the content.

A challenge page has no marketing on it; scoring it would call an unassessed channel low risk. The markers are
the ones the common challenge and sign-in interstitials put in their title and text.
"""

from __future__ import annotations

import re

from detectors.model import Document

_BOT_WALL = re.compile(
    r"just a moment\.\.\.|attention required! \| cloudflare|checking your browser|cf-chl|captcha|"
    r"verify you are (a )?human|are you a robot|access denied|request unsuccessful\. incapsula|"
    r"ddos protection by|enable javascript and cookies to continue",
    re.IGNORECASE,
)
_LOGIN_WALL = re.compile(r"\b(log ?in|sign ?in) (to|required to) (continue|see|view)\b", re.IGNORECASE)


def wall_kind(doc: Document) -> str:
    """"bot wall", "login wall" or "" for a normal page. Only short pages qualify: a real page mentioning a
    captcha in its footer is still a real page."""
    if doc.kind != "html" or len(doc.text) > 1500:
        return ""
    head = f"{doc.title}\n{doc.text[:600]}"
    if _BOT_WALL.search(head) or (doc.status in (403, 429, 503) and "cloudflare" in head.lower()):
        return "bot wall"
    if _LOGIN_WALL.search(head):
        return "login wall"
    return ""
