"""Which URLs name which account on the social platforms footprint reads, and the page to fetch for an account.

The hosts, the profile URL of each platform and the redirect wrappers come from data/platforms.yaml (through
detectors/platforms.py); the URL path shapes of an account stay here, in `SHAPES`: the handle patterns, the
first path segments that are the platform's own pages, how a bare handle is written. Everything that
recognises a social URL (`platform_of`, `handle_from_url`, `normalise_handle`, `channel_id`) reads `platforms()`,
the two joined: a new host is a data file edit, a new URL form a `SHAPES` edit, a new platform both (the
loader refuses one without the other).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qs, urlsplit

from detectors.data_files import DataFileError
from detectors.platforms import FILE, on_hosts, platform_entries, redirects

TELEGRAM_USERNAME = r"[A-Za-z][A-Za-z0-9_]{3,31}"


@dataclass(frozen=True)
class Shape:
    patterns: tuple[re.Pattern, ...]  # on the URL path (query appended after "?"); group "handle"
    reserved: frozenset[str] = frozenset()  # first path segments that are the platform's own pages, not accounts
    handle_prefix: str = ""  # added to a bare handle: YouTube "@", LinkedIn "company/"
    keep_case: tuple[str, ...] = ()  # handle prefixes whose case matters (YouTube channel ids)


def _p(*patterns: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in patterns)


SHAPES: dict[str, Shape] = {
    "telegram": Shape(
        _p(rf"^/(?:s/)?(?P<handle>{TELEGRAM_USERNAME})(?:/\d+)?/?(?:\?.*)?$"),
        frozenset({"joinchat", "addstickers", "addemoji", "addtheme", "addlist", "share", "proxy", "socks", "iv",
                   "login", "setlanguage", "invoice", "confirmphone", "boost", "contact", "blog", "apps", "faq"}),
    ),
    "youtube": Shape(
        _p(r"^/(?P<handle>@[\w.\-\u00b7]{3,30})(?:/.*)?$", r"^/(?P<handle>channel/UC[\w-]{22})(?:/.*)?$",
           r"^/(?P<handle>(?:c|user)/[\w.\-]+)(?:/.*)?$"),
        handle_prefix="@", keep_case=("channel/",),
    ),
    "x": Shape(
        _p(r"^/(?P<handle>[A-Za-z0-9_]{1,15})(?:/.*)?$"),
        frozenset({"home", "i", "search", "explore", "intent", "share", "login", "logout", "signup", "hashtag",
                   "settings", "messages", "notifications", "tos", "privacy", "compose", "about", "download",
                   "jobs", "account", "personalization", "rules", "en", "de", "fr", "es", "it"}),
    ),
    "instagram": Shape(
        _p(r"^/(?P<handle>[A-Za-z0-9._]{1,30})/?(?:\?.*)?$", r"^/(?P<handle>[A-Za-z0-9._]{1,30})/(?:reels|tagged)/?"),
        frozenset({"p", "reel", "reels", "explore", "accounts", "stories", "tv", "direct", "about", "legal",
                   "developer", "web", "s", "ar", "challenge", "privacy", "emails", "session", "api"}),
    ),
    "facebook": Shape(
        _p(r"^/profile\.php\?(?:.*&)?id=(?P<handle>\d+)", r"^/pages/[^/]+/(?P<handle>\d+)",
           r"^/(?P<handle>[A-Za-z0-9.\-]{5,50})/?(?:\?.*)?$",
           r"^/(?P<handle>[A-Za-z0-9.\-]{5,50})/(?:about|posts|photos)"),
        frozenset({"login", "login.php", "sharer", "sharer.php", "share", "dialog", "plugins", "groups", "events",
                   "watch", "marketplace", "gaming", "help", "policies", "privacy", "settings", "hashtag", "photo",
                   "photo.php", "story.php", "permalink.php", "people", "public", "business", "ads", "l.php",
                   "home.php", "recover", "reg", "r.php", "checkpoint", "profile.php", "pages", "reel", "stories"}),
    ),
    "tiktok": Shape(_p(r"^/@(?P<handle>[A-Za-z0-9_.]{2,24})(?:/.*)?(?:\?.*)?$")),
    "linkedin": Shape(_p(r"^/(?P<handle>(?:company|showcase|school|in)/[^/?#]+)"), handle_prefix="company/"),
}


@dataclass(frozen=True)
class Platform:
    name: str
    hosts: tuple[str, ...]  # hosts whose URLs name accounts; subdomains (www., m., mobile., de.) match too
    other_hosts: tuple[str, ...]  # the platform's other hosts (its own site, short links): no accounts there
    patterns: tuple[re.Pattern, ...]
    reserved: frozenset[str]
    profile_url: str  # the page to fetch for a handle ({handle} as normalised)
    handle_prefix: str = ""
    keep_case: tuple[str, ...] = ()


@cache
def platforms() -> dict[str, Platform]:
    """platform name -> hosts (data/platforms.yaml) and URL shapes (`SHAPES`), for the platforms with accounts."""
    entries = platform_entries()
    with_accounts = [name for name, entry in entries.items() if entry.accounts]
    for name in with_accounts:
        if name not in SHAPES:
            raise DataFileError(FILE, f"platforms.{name}.accounts", "accounts only for the platforms whose handle "
                                f"shapes detectors/social/handles.py knows: {', '.join(SHAPES)}")
    for name in SHAPES:
        if name not in with_accounts:
            raise DataFileError(FILE, f"platforms.{name}", "accounts and profile (detectors/social/handles.py "
                                "reads this platform's account URLs)")
    out = {}
    for name, shape in SHAPES.items():
        entry = entries[name]
        out[name] = Platform(name, entry.accounts, entry.hosts, shape.patterns, shape.reserved, entry.profile_url,
                             shape.handle_prefix, shape.keep_case)
    return out


def platform_of(url: str) -> str:
    """The platform a URL belongs to, among those `platforms()` reads ("" for any other host)."""
    host = _host(url)
    for platform in platforms().values():
        if on_hosts(host, platform.hosts + platform.other_hosts):
            return platform.name
    return ""


def handle_from_url(url: str) -> tuple[str, str] | None:
    """(platform, normalised handle) of an account URL, None when the URL names no account."""
    url = url.strip()
    host = _host(url)
    platform = next((p for p in platforms().values() if on_hosts(host, p.hosts)), None)
    if platform is None:
        return None
    parts = urlsplit(url if "//" in url else f"https://{url}")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    for pattern in platform.patterns:
        match = pattern.match(path)
        if match:
            handle = match.group("handle")
            if handle.lower() in platform.reserved:
                return None
            return platform.name, _case(platform, handle)
    return None


def normalise_handle(platform: str, handle: str) -> str:
    """The handle as it appears in channel ids: a URL, '@name' or 'name' give the same ("" if not a handle)."""
    known = platforms()
    if platform not in known:
        raise ValueError(f"unknown platform {platform!r}; known: {', '.join(sorted(known))}")
    spec = known[platform]
    handle = handle.strip()
    if "/" in handle and platform_of(handle) == platform:
        found = handle_from_url(handle)
        return found[1] if found else ""
    if platform == "youtube" and not handle.startswith(("@", "channel/", "c/", "user/")):
        handle = spec.handle_prefix + handle
    elif platform == "linkedin" and "/" not in handle:
        handle = spec.handle_prefix + handle
    elif platform not in ("youtube", "linkedin"):
        handle = handle.lstrip("@")
    found = handle_from_url(spec.profile_url.format(handle=handle)) if handle else None
    return found[1] if found else ""


def channel_id(platform: str, handle: str) -> str:
    """`social:<platform>:<handle>`, e.g. social:telegram:nordwind_de, social:youtube:@nordwind_fr (a string that
    is no valid handle is kept as written, lower-cased, so that its channel can still be reported)."""
    return f"social:{platform}:{normalise_handle(platform, handle) or handle.strip().lower()}"


def profile_url(platform: str, handle: str) -> str:
    """The public page to fetch for an account (the channel preview for Telegram, the about page for YouTube)."""
    normalised = normalise_handle(platform, handle)
    if not normalised:
        raise ValueError(f"not a {platform} handle: {handle!r}")
    return platforms()[platform].profile_url.format(handle=normalised)


def unwrap(url: str) -> str:
    """The target of a platform redirect wrapper (youtube.com/redirect?q=...), else the URL itself."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for wrapper, prefix, param in redirects():
        if on_hosts(host, (wrapper,)) and parts.path.startswith(prefix):
            target = parse_qs(parts.query).get(param)
            if target and target[0].startswith(("http://", "https://")):
                return target[0]
    return url


def _host(url: str) -> str:
    return (urlsplit(url if "//" in url else f"https://{url}").hostname or "").lower().rstrip(".")


def _case(platform: Platform, handle: str) -> str:
    return handle if handle.startswith(platform.keep_case or ("\x00",)) else handle.lower()
