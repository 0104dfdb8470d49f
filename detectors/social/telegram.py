"""Telegram public channel previews (`https://t.me/s/<channel>`): the channel, its posts, the link to older posts.

The markup is Telegram's own web preview (class names as t.me serves them):

    <div class="tgme_channel_info">                          channel card (right column)
      .tgme_channel_info_header_title / _header_username     name, @username
      .tgme_channel_info_description                         description (with <br> and links)
      .tgme_channel_info_counter > .counter_value + .counter_type ("12.4K" "subscribers")
    <a class="tme_messages_more js-messages_more" data-before="1040" href="/s/<channel>?before=1040">
    <div class="tgme_widget_message js-widget_message" data-post="<channel>/1041">
      .tgme_widget_message_text.js-message_text              the post text (a reply quote is .js-message_reply_text)
      a.tgme_widget_message_link_preview[href]               the link preview under the text
      a.tgme_widget_message_inline_button[href]              URL buttons under the post
      a.tgme_widget_message_date[href] > time[datetime]      permalink and date
      .tgme_widget_message_views                              views as displayed ("2.3K")

A page lists its posts oldest first; the `tme_messages_more` link with `data-before` leads to older posts (one
with `data-after` to newer ones, on pages reached through `?before=`). Nothing here fetches anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from detectors.model import Link
from detectors.social.handles import TELEGRAM_USERNAME, platforms
from detectors.social.markup import links_in, node_text, parse_count
from detectors.timestamps import parse, stamp


@dataclass(frozen=True)
class TelegramPost:
    channel: str  # the channel's username, as in data-post
    id: int
    url: str  # permalink, https://t.me/<channel>/<id>
    date: str  # UTC, ISO 8601 with Z ("" when the page shows none)
    text: str  # the post text, lines kept, then the labels of its URL buttons ("Jetzt registrieren"), one a line
    links: tuple[Link, ...] = ()  # links in the text, the link preview and the URL buttons, in page order
    views: str = ""  # as displayed ("2.3K")
    author: str = ""  # signature of the admin who posted, when the channel signs posts
    forwarded_from: str = ""  # the original channel or user of a forwarded post
    preview: str = ""  # site name, title and description of the link preview (the linked page's words)


@dataclass(frozen=True)
class TelegramPage:
    url: str
    channel: str  # username, without @
    title: str = ""
    description: str = ""
    subscribers: int | None = None
    subscribers_text: str = ""  # as displayed ("12.4K subscribers")
    links: tuple[Link, ...] = ()  # links in the channel description
    posts: tuple[TelegramPost, ...] = ()
    older_url: str = ""  # absolute URL of the page of older posts ("" on the oldest page)
    newer_url: str = ""
    preview: bool = False  # whether this is a channel preview (a message history), not a contact page

    @property
    def oldest_id(self) -> int | None:
        return min((p.id for p in self.posts), default=None)

    @property
    def empty(self) -> bool:
        """Nothing was parsed: no title, no description, no posts (a layout change or a stand-in page)."""
        return not (self.title or self.description or self.posts)


_DATA_POST = re.compile(rf"^({TELEGRAM_USERNAME})/(\d+)$")


def parse_preview(body: bytes, url: str) -> TelegramPage:
    tree = LexborHTMLParser(body)
    channel = _channel_from_url(url)

    title = _first_text(tree, ".tgme_channel_info_header_title", ".tgme_header_title", ".tgme_page_title")
    username = _first_text(tree, ".tgme_channel_info_header_username", ".tgme_page_extra_username")
    description_node = tree.css_first(".tgme_channel_info_description") or tree.css_first(".tgme_page_description")
    description = node_text(description_node) if description_node else ""
    links = links_in(description_node, url) if description_node else ()
    if not title:
        title = _meta(tree, "og:title")
    if not description:
        description = _meta(tree, "og:description")

    subscribers_text = ""
    for counter in tree.css(".tgme_channel_info_counter"):
        kind = _first_text(counter, ".counter_type").lower()
        if kind.startswith(("subscriber", "member")):
            subscribers_text = f"{_first_text(counter, '.counter_value')} {kind}".strip()
            break
    if not subscribers_text:
        header = _first_text(tree, ".tgme_header_counter", ".tgme_page_extra")
        if re.search(r"subscriber|member", header, re.IGNORECASE):
            subscribers_text = header
    subscribers = parse_count(subscribers_text) if subscribers_text else None

    posts = []
    for node in tree.css(".tgme_widget_message[data-post]"):
        post = _post(node, url)
        if post:
            posts.append(post)
    posts.sort(key=lambda p: (p.channel, p.id))
    if not channel:
        channel = posts[0].channel if posts else username.lstrip("@").lower()

    older, newer = "", ""
    for node in tree.css("a.tme_messages_more[href]"):
        href = urljoin(url, node.attributes.get("href") or "")
        query = parse_qs(urlsplit(href).query)
        if node.attributes.get("data-before") is not None or "before" in query:
            older = older or href
        elif node.attributes.get("data-after") is not None or "after" in query:
            newer = newer or href
    for node in tree.css("link[rel][href]"):
        rel = (node.attributes.get("rel") or "").lower().split()
        href = urljoin(url, node.attributes.get("href") or "")
        if "prev" in rel and not older:
            older = href
        elif "next" in rel and not newer:
            newer = href

    preview = bool(tree.css_first(".tgme_channel_history") or posts)
    return TelegramPage(
        url=url, channel=channel, title=title, description=description, subscribers=subscribers,
        subscribers_text=subscribers_text, links=links, posts=tuple(posts), older_url=older, newer_url=newer,
        preview=preview,
    )


def _post(node, page_url: str) -> TelegramPost | None:
    match = _DATA_POST.match((node.attributes.get("data-post") or "").strip())
    if not match:
        return None
    channel, post_id = match.group(1).lower(), int(match.group(2))
    date_link = node.css_first("a.tgme_widget_message_date[href]")
    permalink = urljoin(page_url, date_link.attributes.get("href") or "") if date_link else ""
    if not permalink:
        permalink = f"https://{platforms()['telegram'].hosts[0]}/{channel}/{post_id}"  # t.me, from platforms.yaml
    time_node = node.css_first("a.tgme_widget_message_date time[datetime]") or node.css_first("time[datetime]")
    date = _utc(time_node.attributes.get("datetime") or "") if time_node else ""

    text_node = node.css_first(".tgme_widget_message_text.js-message_text")
    if text_node is None:
        candidates = [n for n in node.css(".tgme_widget_message_text") if not _inside(n, "tgme_widget_message_reply")]
        text_node = candidates[0] if candidates else None
    text = node_text(text_node) if text_node else ""
    links = list(links_in(text_node, page_url)) if text_node else []
    preview_node = node.css_first("a.tgme_widget_message_link_preview[href]")
    preview = ""
    if preview_node:
        links.extend(links_in(preview_node, page_url, self_link=True, locator="a.tgme_widget_message_link_preview"))
        parts = (_first_text(preview_node, f".link_preview_{part}") for part in ("site_name", "title", "description"))
        preview = "\n".join(p for p in parts if p)
    labels = []
    for button in node.css("a.tgme_widget_message_inline_button[href]"):
        links.extend(links_in(button, page_url, self_link=True, locator="a.tgme_widget_message_inline_button"))
        label = " ".join(button.text(deep=True, separator=" ").split())
        if label:
            labels.append(label)
    text = "\n".join([text, *labels]) if text and labels else text or "\n".join(labels)

    return TelegramPost(
        channel=channel, id=post_id, url=permalink, date=date, text=text, links=tuple(_unique(links)),
        views=_first_text(node, ".tgme_widget_message_views"),
        author=_first_text(node, ".tgme_widget_message_from_author"),
        forwarded_from=_first_text(node, ".tgme_widget_message_forwarded_from_name"),
        preview=preview,
    )


def _channel_from_url(url: str) -> str:
    """`nordwind_de` from https://t.me/s/nordwind_de?before=12 (or from t.me/nordwind_de after a redirect)."""
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if parts and parts[0] == "s":
        parts = parts[1:]
    if parts and re.fullmatch(TELEGRAM_USERNAME, parts[0]):
        return parts[0].lower()
    return ""


def _utc(value: str) -> str:
    try:
        return stamp(parse(value))
    except ValueError:
        return ""


def _first_text(tree, *selectors: str) -> str:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            text = " ".join(node.text(deep=True, separator=" ").split())
            if text:
                return text
    return ""


def _meta(tree, prop: str) -> str:
    node = tree.css_first(f'meta[property="{prop}"][content]') or tree.css_first(f'meta[name="{prop}"][content]')
    return " ".join((node.attributes.get("content") or "").split()) if node else ""


def _inside(node, css_class: str) -> bool:
    parent = node.parent
    while parent is not None:
        if css_class in (parent.attributes.get("class") or "").split():
            return True
        parent = parent.parent
    return False


def _unique(links: list[Link]) -> list[Link]:
    seen, out = set(), []
    for link in links:
        if link.url not in seen:
            seen.add(link.url)
            out.append(link)
    return out
