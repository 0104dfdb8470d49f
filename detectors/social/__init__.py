"""Social pages: the pure parsing layer (no network, nothing from crawler/ or reports/).

- `handles`: which URLs name which account (platform hosts from data/platforms.yaml, URL path shapes here),
  channel ids, the page to fetch for an account, redirect wrappers taken off links.
- `markup`: what the parsers share: visible text, links, displayed counts, JSON-LD and inline-script JSON.
- `telegram`: Telegram public channel previews (`https://t.me/s/<channel>`): channel, posts, pagination.
- `profiles`: what the public pages of YouTube, X, Instagram, Facebook, TikTok, LinkedIn and Telegram expose
  (name, handle, bio, links, meta tags).
- `walls`: login walls, bot walls and missing accounts, by each platform's own tell-tale markers.
- `posts`: posts and profiles as `Document`s, so the existing text detectors run on them unchanged, and the
  influencer disclosure tags (#werbung, #pub, "paid partnership"...) as INFLUENCER findings.

Imports run one way only: handles <- markup <- telegram <- profiles <- posts; walls stands alone.
A channel id for a social account is `social:<platform>:<handle>` (`handles.channel_id`).
"""

from __future__ import annotations

from detectors.social.handles import (
    channel_id,
    handle_from_url,
    normalise_handle,
    platform_of,
    platforms,
    profile_url,
)
from detectors.social.posts import post_documents, profile_document
from detectors.social.profiles import SocialProfile, parse_profile
from detectors.social.telegram import TelegramPage, TelegramPost, parse_preview
from detectors.social.walls import BOT_WALL, LOGIN_WALL, NOT_FOUND, wall

__all__ = [
    "BOT_WALL", "LOGIN_WALL", "NOT_FOUND", "SocialProfile", "TelegramPage", "TelegramPost", "channel_id",
    "handle_from_url", "normalise_handle", "parse_preview", "parse_profile", "platform_of",
    "platforms", "post_documents", "profile_document", "profile_url", "wall",
]
