"""What the public pages of social platforms expose about an account, and which URLs name which account.

`PLATFORMS` is the table of platform -> hosts, handle patterns and the URL to fetch for a handle; everything
that recognises a social URL (`platform_of`, `handle_from_url`, `normalise_handle`, `channel_id`) reads it, so a
new platform or URL form is one table edit.

`parse_profile` reads what a logged-out visitor is served: Open Graph and Twitter meta tags, JSON-LD
(ProfilePage, Organization), YouTube's `ytInitialData` (channelMetadataRenderer, the about panel's
aboutChannelViewModel or the older channelAboutFullMetadataRenderer), TikTok's `__UNIVERSAL_DATA_FOR_REHYDRATION__`
(or the older `SIGI_STATE`), Telegram's contact page (.tgme_page_*), and the page's outgoing links once the
platform's redirect wrappers (youtube.com/redirect?q=, l.facebook.com/l.php?u=, l.instagram.com/?u=,
linkedin.com/redir/redirect?url=) are taken off. An all-empty parse is `SocialProfile.empty`: never a clean
result (a wall, a layout change or a JavaScript shell).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from detectors.context import registrable_domain
from detectors.model import Link
from detectors.platforms import platform_kind

TELEGRAM_USERNAME = r"[A-Za-z][A-Za-z0-9_]{3,31}"


@dataclass(frozen=True)
class Platform:
    name: str
    hosts: tuple[str, ...]  # registrable hosts; subdomains (www., m., mobile., de.) match too
    patterns: tuple[re.Pattern, ...]  # on the URL path (query appended after "?"); group "handle"
    reserved: frozenset[str]  # first path segments that are the platform's own pages, not accounts
    profile_url: str  # the page to fetch for a handle ({handle} as normalised)
    handle_prefix: str = ""  # added to a bare handle: YouTube "@", LinkedIn "company/"
    keep_case: tuple[str, ...] = ()  # handle prefixes whose case matters (YouTube channel ids)


def _p(*patterns: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in patterns)


PLATFORMS: dict[str, Platform] = {p.name: p for p in (
    Platform(
        "telegram", ("t.me", "telegram.me", "telegram.dog"),
        _p(rf"^/(?:s/)?(?P<handle>{TELEGRAM_USERNAME})(?:/\d+)?/?(?:\?.*)?$"),
        frozenset({"joinchat", "addstickers", "addemoji", "addtheme", "addlist", "share", "proxy", "socks", "iv",
                   "login", "setlanguage", "invoice", "confirmphone", "boost", "contact", "blog", "apps", "faq"}),
        "https://t.me/s/{handle}",
    ),
    Platform(
        "youtube", ("youtube.com",),
        _p(r"^/(?P<handle>@[\w.\-\u00b7]{3,30})(?:/.*)?$", r"^/(?P<handle>channel/UC[\w-]{22})(?:/.*)?$",
           r"^/(?P<handle>(?:c|user)/[\w.\-]+)(?:/.*)?$"),
        frozenset(), "https://www.youtube.com/{handle}/about", handle_prefix="@", keep_case=("channel/",),
    ),
    Platform(
        "x", ("x.com", "twitter.com"),
        _p(r"^/(?P<handle>[A-Za-z0-9_]{1,15})(?:/.*)?$"),
        frozenset({"home", "i", "search", "explore", "intent", "share", "login", "logout", "signup", "hashtag",
                   "settings", "messages", "notifications", "tos", "privacy", "compose", "about", "download",
                   "jobs", "account", "personalization", "rules", "en", "de", "fr", "es", "it"}),
        "https://x.com/{handle}",
    ),
    Platform(
        "instagram", ("instagram.com",),
        _p(r"^/(?P<handle>[A-Za-z0-9._]{1,30})/?(?:\?.*)?$", r"^/(?P<handle>[A-Za-z0-9._]{1,30})/(?:reels|tagged)/?"),
        frozenset({"p", "reel", "reels", "explore", "accounts", "stories", "tv", "direct", "about", "legal",
                   "developer", "web", "s", "ar", "challenge", "privacy", "emails", "session", "api"}),
        "https://www.instagram.com/{handle}/",
    ),
    Platform(
        "facebook", ("facebook.com", "fb.com"),
        _p(r"^/profile\.php\?(?:.*&)?id=(?P<handle>\d+)", r"^/pages/[^/]+/(?P<handle>\d+)",
           r"^/(?P<handle>[A-Za-z0-9.\-]{5,50})/?(?:\?.*)?$",
           r"^/(?P<handle>[A-Za-z0-9.\-]{5,50})/(?:about|posts|photos)"),
        frozenset({"login", "login.php", "sharer", "sharer.php", "share", "dialog", "plugins", "groups", "events",
                   "watch", "marketplace", "gaming", "help", "policies", "privacy", "settings", "hashtag", "photo",
                   "photo.php", "story.php", "permalink.php", "people", "public", "business", "ads", "l.php",
                   "home.php", "recover", "reg", "r.php", "checkpoint", "profile.php", "pages", "reel", "stories"}),
        "https://www.facebook.com/{handle}",
    ),
    Platform(
        "tiktok", ("tiktok.com",),
        _p(r"^/@(?P<handle>[A-Za-z0-9_.]{2,24})(?:/.*)?(?:\?.*)?$"),
        frozenset(), "https://www.tiktok.com/@{handle}",
    ),
    Platform(
        "linkedin", ("linkedin.com",),
        _p(r"^/(?P<handle>(?:company|showcase|school|in)/[^/?#]+)"),
        frozenset(), "https://www.linkedin.com/{handle}/", handle_prefix="company/",
    ),
)}


@dataclass(frozen=True)
class SocialProfile:
    platform: str
    url: str
    handle: str = ""  # normalised (normalise_handle)
    name: str = ""
    description: str = ""  # bio, about text, channel description: the account holder's own words
    links: tuple[Link, ...] = ()  # links the account publishes (bio link, about links), redirect wrappers removed
    meta: tuple[tuple[str, str], ...] = ()  # og:*, twitter:*, description, in page order (keys lower-cased)
    locale: str = ""  # og:locale as declared (the platform's UI locale more often than the account's)
    country: str = ""  # the country the account declares, when the page shows one (YouTube about)
    followers: str = ""  # as displayed ("12K Followers", "12.4K subscribers")

    @property
    def empty(self) -> bool:
        """Nothing about the account was parsed: to be reported inconclusive, never as a clean result."""
        return not (self.name or self.description or self.links)

    def meta_value(self, name: str) -> str:
        for key, value in self.meta:
            if key == name.lower():
                return value
        return ""


# ----------------------------------------------------------------------------------------------------- handles


def platform_of(url: str) -> str:
    """The platform a URL belongs to ("" for any other host)."""
    host = (urlsplit(url if "//" in url else f"https://{url}").hostname or "").lower().rstrip(".")
    for platform in PLATFORMS.values():
        if any(host == h or host.endswith(f".{h}") for h in platform.hosts):
            return platform.name
    return ""


def handle_from_url(url: str) -> tuple[str, str] | None:
    """(platform, normalised handle) of an account URL, None when the URL names no account."""
    url = url.strip()
    name = platform_of(url)
    if not name:
        return None
    platform = PLATFORMS[name]
    parts = urlsplit(url if "//" in url else f"https://{url}")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    for pattern in platform.patterns:
        match = pattern.match(path)
        if match:
            handle = match.group("handle")
            if handle.lower() in platform.reserved:
                return None
            return name, _case(platform, handle)
    return None


def normalise_handle(platform: str, handle: str) -> str:
    """The handle as it appears in channel ids: a URL, '@name' or 'name' give the same ("" if not a handle)."""
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}; known: {', '.join(sorted(PLATFORMS))}")
    spec = PLATFORMS[platform]
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
    return PLATFORMS[platform].profile_url.format(handle=normalised)


def _case(platform: Platform, handle: str) -> str:
    return handle if handle.startswith(platform.keep_case or ("\x00",)) else handle.lower()


# ---------------------------------------------------------------------------------------- shared page helpers

_BREAKS = re.compile(
    r"(</(?:p|div|li|h[1-6]|blockquote|section|article|header|footer|tr)\s*>|<br\s*/?>)", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"https?://[^\s<>\"'()\[\]{}]+")
# Redirect wrappers platforms put around outgoing links: (host, path prefix) -> query parameter holding the target.
REDIRECTS = {
    ("youtube.com", "/redirect"): "q",
    ("l.facebook.com", "/l.php"): "u",
    ("lm.facebook.com", "/l.php"): "u",
    ("l.instagram.com", "/"): "u",
    ("linkedin.com", "/redir/redirect"): "url",
    ("t.me", "/iv"): "url",
}
# The platforms' own chrome outside their main host (help, legal, CDNs, parent companies): never an account link.
CHROME_DOMAINS = frozenset({
    "meta.com", "metastatus.com", "fb.me", "fbcdn.net", "fbsbx.com", "cdninstagram.com", "twimg.com", "t.co",
    "google.com", "googleusercontent.com", "gstatic.com", "ggpht.com", "ytimg.com", "googleapis.com",
    "youtubekids.com", "microsoft.com", "licdn.com", "bytedance.com", "tiktokv.com", "tiktokcdn.com",
    "ttwstatic.com", "byteoversea.com", "tiktokcdn-us.com", "apple.com", "cdn-telegram.org", "telesco.pe",
})


def unwrap(url: str) -> str:
    """The target of a platform redirect wrapper (youtube.com/redirect?q=...), else the URL itself."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    for (wrapper, prefix), param in REDIRECTS.items():
        if (host == wrapper or host.endswith(f".{wrapper}")) and parts.path.startswith(prefix):
            target = parse_qs(parts.query).get(param)
            if target and target[0].startswith(("http://", "https://")):
                return target[0]
    return url


def node_text(node) -> str:
    """Visible text of an element, line breaks kept (<br> and block ends), spaces inside lines collapsed."""
    fragment = LexborHTMLParser(_BREAKS.sub(lambda m: m.group(1) + "\n", node.html or ""))
    fragment.strip_tags(["script", "style", "noscript", "template", "svg"])
    root = fragment.body or fragment.root
    raw = root.text(deep=True, separator="") if root else ""
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    return "\n".join(line for line in lines if line)


def links_in(node, base_url: str, *, self_link: bool = False, locator: str = "a[href]") -> tuple[Link, ...]:
    """Links inside an element (and the element itself when it is a link and `self_link`), absolute, unwrapped.
    In-page anchors, scripts and Telegram's hashtag searches (?q=%23tag) are left out."""
    anchors = list(node.css("a[href]"))
    if self_link and node.tag == "a" and node.attributes.get("href"):
        anchors.insert(0, node)
    out = []
    for anchor in anchors:
        href = (anchor.attributes.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        target = unwrap(urljoin(base_url, href))
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https", "mailto", "tel"):
            continue  # tg://resolve, javascript:, data:, app deep links
        if platform_of(target) == "telegram" and parse_qs(parts.query).get("q", [""])[0].startswith("#"):
            continue  # a hashtag: a search on t.me, not a link the firm published
        text = " ".join(anchor.text(deep=True, separator="").split())[:200]
        out.append(Link(target, text, locator))
    return tuple(out)


def urls_in_text(text: str) -> tuple[Link, ...]:
    return tuple(Link(unwrap(m.group(0).rstrip(".,;:!?")), "", "text (url)") for m in _URL_IN_TEXT.finditer(text))


def parse_count(text: str) -> int | None:
    """12400 from "12.4K subscribers", 1234 from "1 234" or "1,234", 2000000 from "2M"."""
    match = re.search(r"(\d[\d\s.,\u00a0\u202f]*)\s*([KkMm]?)", text)
    if not match:
        return None
    number, suffix = re.sub(r"[\s\u00a0\u202f]", "", match.group(1)).rstrip(".,"), match.group(2).lower()
    if suffix:
        value = float(number.replace(",", "."))
        return int(round(value * (1000 if suffix == "k" else 1_000_000)))
    digits = re.sub(r"[.,]", "", number)
    return int(digits) if digits else None


# ------------------------------------------------------------------------------------------------ profiles

_META_KEYS = re.compile(r"^(og:|twitter:|description$|al:)")
_TITLE_HANDLE = re.compile(r"^(?P<name>.*?)\s*\(@(?P<handle>[\w.]+)\)")
_INSTAGRAM_DESC = re.compile(
    r"^(?P<counts>[\d.,\s]+[KkMm]?\s+Followers?)(?:,.*?)?\s+-\s+(?:.*?\bon Instagram:\s*[\"“](?P<bio>.*)[\"”]\s*$)?")
_FACEBOOK_DESC = re.compile(
    r"^(?P<name>.+?)\.\s+(?P<counts>[\d.,\s]+[KkMm]?\s+(?:likes|followers))(?:\s+·\s+[\d.,\s]+[KkMm]?\s+"
    r"(?:talking about this|were here))*\.?\s*(?P<bio>.*)$", re.DOTALL)
_TIKTOK_DESC = re.compile(r"on TikTok\s*\|\s*(?P<counts>[^.]*?Likes\.\s*[\d.,]+[KkMm]?\s+Followers)\.\s*(?P<bio>.*?)"
                          r"(?:Watch the latest video from .*)?$", re.DOTALL)
_TITLE_SUFFIXES = (" - YouTube", " | LinkedIn", " | TikTok", " / X", " / Twitter", " | Facebook", " • Instagram")


def parse_profile(platform: str, body: bytes, url: str) -> SocialProfile:
    if platform not in PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}; known: {', '.join(sorted(PLATFORMS))}")
    tree = LexborHTMLParser(body)
    meta = _meta(tree)
    values = {}
    for key, value in meta:
        values.setdefault(key, value)
    canonical = tree.css_first('link[rel="canonical"][href]')
    page_url = urljoin(url, canonical.attributes.get("href") or "") if canonical else url
    found = handle_from_url(values.get("og:url", "")) or handle_from_url(page_url) or handle_from_url(url)
    fields = {
        "handle": found[1] if found and found[0] == platform else "",
        "name": _strip_title(values.get("og:title") or values.get("twitter:title", "")),
        "description": values.get("og:description") or values.get("twitter:description")
        or values.get("description", ""),
        "locale": values.get("og:locale", ""),
    }
    links: list[Link] = []
    for ld in _json_ld(tree):
        _from_json_ld(ld, fields, links)
    extra = {"telegram": _telegram, "youtube": _youtube, "x": _x, "instagram": _instagram, "facebook": _facebook,
             "tiktok": _tiktok, "linkedin": _linkedin}[platform]
    extra(tree, url, fields, links)
    links.extend(urls_in_text(fields["description"]))
    links.extend(_page_links(tree, url))
    return SocialProfile(
        platform=platform, url=url, handle=fields["handle"], name=fields["name"], description=fields["description"],
        links=_unique(links), meta=meta, locale=fields["locale"], country=fields.get("country", ""),
        followers=fields.get("followers", ""),
    )


def _telegram(tree, url, fields, links) -> None:
    from detectors.social.telegram import parse_preview  # telegram.py imports this module's helpers

    page = parse_preview(tree.html.encode("utf-8"), url)
    fields["name"] = page.title or fields["name"]
    fields["description"] = page.description or fields["description"]
    fields["followers"] = page.subscribers_text
    if page.channel:
        fields["handle"] = page.channel
    links.extend(page.links)
    if re.match(r"^If you have Telegram, you can contact @", fields["description"]):
        fields["description"] = ""  # Telegram's own placeholder, not the account's words


def _youtube(tree, url, fields, links) -> None:
    data = _script_json(tree, re.compile(r"ytInitialData\"?\]?\s*=\s*"))
    if data is None:
        return
    channel = next(_find(data, "channelMetadataRenderer"), None) or {}
    about = next(_find(data, "aboutChannelViewModel"), None) or {}
    legacy = next(_find(data, "channelAboutFullMetadataRenderer"), None) or {}
    fields["name"] = _yt_text(channel.get("title")) or _yt_text(legacy.get("title")) or fields["name"]
    fields["description"] = (_yt_text(about.get("description")) or _yt_text(legacy.get("description"))
                             or _yt_text(channel.get("description")) or fields["description"])
    fields["country"] = _yt_text(about.get("country")) or _yt_text(legacy.get("country"))
    fields["followers"] = _yt_text(about.get("subscriberCountText")) or _yt_text(legacy.get("subscriberCountText"))
    vanity = handle_from_url(channel.get("vanityChannelUrl") or "") or handle_from_url(channel.get("channelUrl") or "")
    if vanity and vanity[0] == "youtube":
        fields["handle"] = vanity[1]
    for item in about.get("links") or []:
        view = item.get("channelExternalLinkViewModel") if isinstance(item, dict) else None
        if not isinstance(view, dict):
            continue
        target = next((u for u in _find(view.get("link"), "url") if isinstance(u, str)), "")
        shown = _yt_text(view.get("link"))
        target = unwrap(target) if target else (f"https://{shown}" if shown else "")
        if target:
            links.append(Link(target, _yt_text(view.get("title")), "ytInitialData aboutChannelViewModel.links"))
    for item in legacy.get("primaryLinks") or []:
        target = next((u for u in _find(item, "url") if isinstance(u, str)), "")
        if target:
            links.append(Link(unwrap(urljoin(url, target)), _yt_text(item.get("title")),
                              "ytInitialData channelAboutFullMetadataRenderer.primaryLinks"))


def _x(tree, url, fields, links) -> None:
    match = _TITLE_HANDLE.match(fields["name"]) or _TITLE_HANDLE.match(_title(tree))
    if match:
        fields["name"] = match.group("name")
        fields["handle"] = fields["handle"] or match.group("handle").lower()


def _instagram(tree, url, fields, links) -> None:
    match = _TITLE_HANDLE.match(fields["name"])
    if match:
        fields["name"] = match.group("name")
        fields["handle"] = fields["handle"] or match.group("handle").lower()
    desc = _INSTAGRAM_DESC.match(fields["description"])
    if desc:  # "12K Followers, 80 Following, 345 Posts - See Instagram photos and videos from ..." is no bio
        fields["followers"] = " ".join(desc.group("counts").split())
        fields["description"] = desc.group("bio") or ""


def _facebook(tree, url, fields, links) -> None:
    desc = _FACEBOOK_DESC.match(fields["description"])
    if desc and desc.group("name").strip() == fields["name"].strip():
        fields["followers"] = " ".join(desc.group("counts").split())
        fields["description"] = desc.group("bio").strip()


def _tiktok(tree, url, fields, links) -> None:
    match = _TITLE_HANDLE.match(fields["name"])
    if match:
        fields["name"] = match.group("name")
        fields["handle"] = fields["handle"] or match.group("handle").lower()
    desc = _TIKTOK_DESC.search(fields["description"])
    if desc:
        fields["followers"] = " ".join(desc.group("counts").split())
        fields["description"] = desc.group("bio").strip()
    data = _script_json(tree, None, "__UNIVERSAL_DATA_FOR_REHYDRATION__") or _script_json(tree, None, "SIGI_STATE")
    if data is None:
        return
    info = next(_find(data, "userInfo"), None) or {}
    user = info.get("user") if isinstance(info, dict) else None
    if not isinstance(user, dict):
        users = next(_find(data, "users"), None)
        user = next(iter(users.values()), None) if isinstance(users, dict) and users else None
    if not isinstance(user, dict):
        return
    fields["name"] = str(user.get("nickname") or fields["name"])
    fields["description"] = str(user.get("signature") or fields["description"])
    if user.get("uniqueId"):
        fields["handle"] = str(user["uniqueId"]).lower()
    bio_link = user.get("bioLink")
    if isinstance(bio_link, dict) and bio_link.get("link"):
        target = str(bio_link["link"])
        links.append(Link(target if "//" in target else f"https://{target}", "", "userInfo.user.bioLink"))
    stats = info.get("stats") if isinstance(info, dict) else None
    if isinstance(stats, dict) and stats.get("followerCount") is not None:
        fields["followers"] = f"{stats['followerCount']} Followers"


def _linkedin(tree, url, fields, links) -> None:
    pass  # og tags and the JSON-LD Organization (read for every platform) are what a logged-out visitor gets


def _from_json_ld(data, fields, links) -> None:
    """ProfilePage (X, Instagram) and Organization (LinkedIn) blocks: name, bio, links, country."""
    for node in _find_types(data, {"ProfilePage", "Organization", "Person", "Corporation"}):
        entity = node.get("mainEntity") if isinstance(node.get("mainEntity"), dict) else node
        name = entity.get("name") or entity.get("givenName")
        if isinstance(name, str) and name.strip():
            fields["name"] = " ".join(name.split())
        if isinstance(entity.get("description"), str) and entity["description"].strip():
            fields["description"] = entity["description"].strip()
        for key in ("url", "sameAs", "relatedLink"):
            values = entity.get(key)
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    links.append(Link(unwrap(value), "", f"script[type=\"application/ld+json\"] {key}"))
        address = entity.get("address")
        if isinstance(address, dict) and isinstance(address.get("addressCountry"), str):
            fields["country"] = address["addressCountry"]


# ------------------------------------------------------------------------------------------------- internals


def _meta(tree) -> tuple[tuple[str, str], ...]:
    out = []
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        if key and _META_KEYS.match(key):
            out.append((key, " ".join((attrs.get("content") or "").split())))
    return tuple(out)


def _title(tree) -> str:
    node = tree.css_first("title")
    return " ".join(node.text().split()) if node else ""


def _strip_title(title: str) -> str:
    for suffix in _TITLE_SUFFIXES:
        if title.endswith(suffix):
            title = title[: -len(suffix)]
    return title.removesuffix(" photos and videos").removesuffix(" • Instagram").strip()


def _json_ld(tree) -> Iterator[object]:
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            yield json.loads(node.text())
        except ValueError:
            continue


def _script_json(tree, marker: re.Pattern | None, script_id: str = ""):
    """JSON assigned in an inline script (`var ytInitialData = {...};`) or held whole by <script id=...>."""
    if script_id:
        node = tree.css_first(f'script[id="{script_id}"]')
        if node is None:
            return None
        try:
            return json.loads(node.text())
        except ValueError:
            return None
    for node in tree.css("script"):
        text = node.text()
        match = marker.search(text) if marker else None
        if match:
            try:
                return json.JSONDecoder().raw_decode(text, match.end())[0]
            except ValueError:
                continue
    return None


def _find(data, key: str) -> Iterator[object]:
    """Every value under `key` anywhere in nested JSON, depth first in document order."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if key in item:
                yield item[key]
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _find_types(data, types: set[str]) -> Iterator[dict]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            kind = item.get("@type")
            if (isinstance(kind, str) and kind in types) or (isinstance(kind, list) and set(kind) & types):
                yield item
                continue
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _yt_text(value) -> str:
    """YouTube's text shapes: a string, {"content": ...}, {"simpleText": ...} or {"runs": [{"text": ...}]}."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        if isinstance(value.get("content"), str):
            return value["content"].strip()
        if isinstance(value.get("simpleText"), str):
            return value["simpleText"].strip()
        if isinstance(value.get("runs"), list):
            return "".join(r.get("text", "") for r in value["runs"] if isinstance(r, dict)).strip()
    return ""


def _page_links(tree, url: str) -> list[Link]:
    """Outgoing links of the page that leave the platform: the account's website and such, not the chrome."""
    out = []
    for link in links_in(tree.root, url) if tree.root else ():
        host = (urlsplit(link.url).hostname or "").lower()
        if not host or link.url.startswith(("mailto:", "tel:")):
            continue
        if platform_kind(host) or registrable_domain(host) in CHROME_DOMAINS:
            continue
        out.append(link)
    return out


def _unique(links: list[Link]) -> tuple[Link, ...]:
    seen, out = set(), []
    for link in links:
        key = link.url.rstrip("/")
        if key not in seen:
            seen.add(key)
            out.append(link)
    return tuple(out)

