"""What the public pages of social platforms expose about an account: `parse_profile` -> `SocialProfile`.

`parse_profile` reads what a logged-out visitor is served: Open Graph and Twitter meta tags, JSON-LD
(ProfilePage, Organization), YouTube's `ytInitialData` (channelMetadataRenderer, the about panel's
aboutChannelViewModel or the older channelAboutFullMetadataRenderer), TikTok's `__UNIVERSAL_DATA_FOR_REHYDRATION__`
(or the older `SIGI_STATE`), Telegram's contact page (.tgme_page_*), and the page's outgoing links once the
platform's redirect wrappers (youtube.com/redirect?q=, l.facebook.com/l.php?u=, ...: data/platforms.yaml) are
taken off. An all-empty parse is `SocialProfile.empty`: never a clean result (a wall, a layout change or a
JavaScript shell).

Which URLs name which account, channel ids and the page to fetch for a handle are in `handles`; `channel_id`,
`handle_from_url` and `profile_url` are re-exported here for crawler/channels.py, which imports them from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from detectors.domains import registrable_domain
from detectors.model import Link
from detectors.platforms import chrome_domains, platform_kind
from detectors.social.handles import channel_id, handle_from_url, platforms, profile_url, unwrap
from detectors.social.markup import find, find_types, json_ld, links_in, script_json, urls_in_text
from detectors.social.telegram import parse_preview

# channel_id, handle_from_url, profile_url: re-exported for crawler/channels.py (their home is `handles`)
__all__ = ["SocialProfile", "channel_id", "handle_from_url", "parse_profile", "profile_url"]


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
    known = platforms()
    if platform not in known:
        raise ValueError(f"unknown platform {platform!r}; known: {', '.join(sorted(known))}")
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
    for ld in json_ld(tree):
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
    data = script_json(tree, re.compile(r"ytInitialData\"?\]?\s*=\s*"))
    if data is None:
        return
    channel = next(find(data, "channelMetadataRenderer"), None) or {}
    about = next(find(data, "aboutChannelViewModel"), None) or {}
    legacy = next(find(data, "channelAboutFullMetadataRenderer"), None) or {}
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
        target = next((u for u in find(view.get("link"), "url") if isinstance(u, str)), "")
        shown = _yt_text(view.get("link"))
        target = unwrap(target) if target else (f"https://{shown}" if shown else "")
        if target:
            links.append(Link(target, _yt_text(view.get("title")), "ytInitialData aboutChannelViewModel.links"))
    for item in legacy.get("primaryLinks") or []:
        target = next((u for u in find(item, "url") if isinstance(u, str)), "")
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
    data = script_json(tree, None, "__UNIVERSAL_DATA_FOR_REHYDRATION__") or script_json(tree, None, "SIGI_STATE")
    if data is None:
        return
    info = next(find(data, "userInfo"), None) or {}
    user = info.get("user") if isinstance(info, dict) else None
    if not isinstance(user, dict):
        users = next(find(data, "users"), None)
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
    for node in find_types(data, {"ProfilePage", "Organization", "Person", "Corporation"}):
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
        if platform_kind(host) or registrable_domain(host) in chrome_domains():
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
