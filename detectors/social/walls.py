"""Login walls, bot walls and missing accounts on social platforms, by each platform's own tell-tale markers.

`wall(platform, status, body, url)` takes the final response of a fetch (after redirects) and says what stands in
front of the account's content: "login wall", "bot wall", "not found", or "" when the content was reached. A
channel whose pages are all walls is `inconclusive` (or `not-assessed` for a missing account), never clean.

What each platform serves a logged-out or automated visitor:
- X: a redirect to /i/flow/login (or /login); "This account doesn't exist", "Account suspended".
- Instagram: a redirect to /accounts/login/ ("Login • Instagram"); /challenge/ and "Please wait a few minutes"
  when rate-limited; "Sorry, this page isn't available." for a missing account (often with status 200).
- Facebook: /login/ or "You must log in to continue."; /checkpoint/ or "Security Check"; "This content isn't
  available right now" / "This page isn't available" for a missing page.
- LinkedIn: /authwall (also as a script redirect inside its HTTP 999 answer), /login, /checkpoint/challenge;
  HTTP 999 on its own is LinkedIn's bot refusal.
- TikTok: the slider captcha (img#captcha-verify-image, "Verify to continue", "Drag the slider"); /login;
  "Couldn't find this account" and statusCode 10202 in the page data for a missing account.
- YouTube: consent.youtube.com / consent.google.com ("Before you continue to YouTube"), google.com/sorry
  ("Our systems have detected unusual traffic"), accounts.google.com sign-in; "This page isn't available" (404).
- Telegram: t.me/s/<missing> redirects to t.me/<missing>, a contact page ("If you have Telegram, you can contact
  @name right away.") with no name (.tgme_page_title) and no posts: not found. An existing channel whose preview
  is off redirects the same way but keeps its name: its posts are for app users only, a login wall.
A consent interstitial counts as a bot wall: the content is behind a step an automated visitor does not take.

The final URLs that are walls (host and path prefix) are listed per platform in data/platforms.yaml (`walls`); the
text and raw-HTML markers are here.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from detectors.platforms import on_hosts, platform_entries

LOGIN_WALL = "login wall"
BOT_WALL = "bot wall"
NOT_FOUND = "not found"
MAX_BODY = 2_000_000  # bytes of a page read for markers
SHORT_PAGE = 1500  # characters of visible text: generic challenge markers count only on pages this short

# Markers in the visible text (title included, lower-cased, apostrophes straightened), in the order tried.
_TEXT: dict[str, tuple[tuple[str, str], ...]] = {
    "x": ((NOT_FOUND, r"this account doesn't exist|account suspended|hmm\.\.\.this page doesn't exist"),
          (LOGIN_WALL, r"^\s*(log in|sign in) (to|on) (x|twitter)\b")),
    "instagram": ((NOT_FOUND, r"sorry, this page isn't available|the link you followed may be broken"),
                  (LOGIN_WALL, r"^\s*login • instagram"),
                  (BOT_WALL, r"please wait a few minutes before you try again")),
    "facebook": ((NOT_FOUND, r"this content isn't available right now|this page isn't available|"
                             r"the link you followed may be broken"),
                 (LOGIN_WALL, r"you must log in to continue|^\s*log in to facebook|^\s*log into facebook"),
                 (BOT_WALL, r"^\s*security check\b")),
    "linkedin": ((NOT_FOUND, r"^\s*page not found|this page doesn't exist|we can't seem to find the page"),
                 (LOGIN_WALL, r"^\s*sign up \| linkedin|^\s*linkedin login, sign in")),
    "tiktok": ((NOT_FOUND, r"couldn't find this account"),
               (BOT_WALL, r"verify to continue|drag the slider|drag the puzzle piece"),
               (LOGIN_WALL, r"^\s*log in \| tiktok")),
    "youtube": ((NOT_FOUND, r"this page isn't available\. sorry about that|this channel does not exist|"
                            r"this account has been terminated"),
                (BOT_WALL, r"before you continue to youtube|our systems have detected unusual traffic"),
                (LOGIN_WALL, r"sign in to confirm your age")),
    "telegram": (),
}


@cache
def _raw_markers() -> dict[str, tuple[tuple[str, str], ...]]:
    """Markers in the raw HTML (lower-cased): element ids, form targets and page data that never show as text.
    Per platform, (verdict, pattern) in the order tried; the hosts in them come from data/platforms.yaml."""
    entries = platform_entries()
    linkedin = "|".join(re.escape(h) for h in entries["linkedin"].accounts)
    # YouTube's consent hosts: its whole-host bot walls (consent.youtube.com/, consent.google.com/)
    consent = "|".join(re.escape(host) for host, prefix, kind in entries["youtube"].walls
                       if (kind, prefix) == (BOT_WALL, "/"))
    return {
        # the script redirect inside LinkedIn's HTTP 999 answer (a public page may link to the authwall: not enough)
        "linkedin": ((LOGIN_WALL, rf"location(?:\.href)?\s*=\s*[\"'](?:https://www\.(?:{linkedin}))?/authwall"),),
        # the rendered slider (the captcha script alone may be preloaded on ordinary pages)
        "tiktok": ((NOT_FOUND, r"\"statuscode\":\s*10202\b"), (BOT_WALL, r"id=\"captcha-verify-image\"")),
        # the consent interstitial's form, posting to a consent host
        "youtube": ((BOT_WALL, rf"action=\"https://(?:{consent})/save\""),),
    }


# Generic challenge pages (Cloudflare, Akamai, Imperva, DataDome) in front of any platform.
_GENERIC_BOT = re.compile(
    r"just a moment\.\.\.|attention required! \| cloudflare|checking your browser|verify you are (a )?human|"
    r"are you a robot|captcha|access denied|request unsuccessful\. incapsula|enable javascript and cookies to continue"
)
_BLOCK_END = re.compile(rb"(</(?:p|div|li|h[1-6]|tr|td|section|article|header|footer|form|button|a)\s*>|<br\s*/?>)",
                        re.IGNORECASE)
_TELEGRAM_CONTACT = re.compile(r"if you have telegram, you can (contact|view and join)")


def wall(platform: str, status: int, body: bytes, url: str) -> str:
    """ "login wall", "bot wall", "not found", or "" when the page shows the account's content."""
    body = body[:MAX_BODY]
    raw = body.decode("utf-8", "replace").lower().replace("\u2019", "'")
    tree = LexborHTMLParser(_BLOCK_END.sub(rb"\1\n", body))
    title_node = tree.css_first("title")
    title = " ".join(title_node.text().split()) if title_node else ""
    tree.strip_tags(["script", "style", "noscript", "template", "svg", "head"])
    root = tree.body or tree.root
    lines = (" ".join(line.split()) for line in (root.text(deep=True, separator="") if root else "").split("\n"))
    text = "\n".join(line for line in lines if line)
    visible = f"{title}\n{text}".lower().replace("\u2019", "'")

    verdict = _by_url(platform, url)
    if verdict:
        return verdict
    if platform == "telegram":
        verdict = _telegram(tree, raw, visible, url)
        if verdict:
            return verdict
    if status in (404, 410):
        return NOT_FOUND
    for kind, pattern in _raw_markers().get(platform, ()):
        if re.search(pattern, raw):
            return kind
    for kind, pattern in _TEXT.get(platform, ()):
        if re.search(pattern, visible, re.MULTILINE):
            return kind
    if status in (403, 429, 999):
        return BOT_WALL
    if status == 401:
        return LOGIN_WALL
    if len(text) <= SHORT_PAGE and _GENERIC_BOT.search(visible):
        return BOT_WALL
    return ""


def _by_url(platform: str, url: str) -> str:
    """The verdict of a final URL that data/platforms.yaml lists among the platform's walls, else ""."""
    entry = platform_entries().get(platform)
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for wall_host, prefix, kind in entry.walls if entry else ():
        if on_hosts(host, (wall_host,)) and parts.path.startswith(prefix):
            return kind
    return ""


def _telegram(tree, raw: str, visible: str, url: str) -> str:
    if "tgme_widget_message" in raw or tree.css_first(".tgme_channel_history") is not None:
        return ""  # a preview with its message history (possibly empty): the content itself
    path = urlsplit(url).path
    if path.startswith("/s/"):
        return ""
    if _TELEGRAM_CONTACT.search(visible) or tree.css_first(".tgme_page") is not None:
        named = tree.css_first(".tgme_page_title")
        if named is None or not " ".join(named.text().split()):
            return NOT_FOUND
        return LOGIN_WALL  # the channel exists but shows no preview: its posts are visible in the app only
    return ""
