"""Apple App Store listings from the public iTunes lookup endpoint.

`https://itunes.apple.com/lookup?id=<trackId>&country=<cc>` answers with JSON: `resultCount` and `results`, one
`wrapperType: "software"` result per app available in that storefront. `resultCount: 0` is Apple's way of saying
the app is not sold in that storefront. The field names below are Apple's own (trackId, trackName, sellerName,
artistId, artistName, bundleId, description, releaseNotes, languageCodesISO2A, currency, price, genres,
trackViewUrl, sellerUrl, version). Nothing here touches the network: the crawler fetches, this module parses.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

LOOKUP = "https://itunes.apple.com/lookup"
SOFTWARE_KINDS = ("software", "mac-software")
_STOREFRONT = re.compile(r"^[A-Za-z]{2}$")


class AppleLookupError(ValueError):
    """The body is not a lookup answer we can read (not JSON, wrong shape, no software result): inconclusive."""


@dataclass(frozen=True)
class AppleListing:
    storefront: str  # ISO 3166 alpha-2, upper case: the `country=` the lookup was made for
    track_id: int  # trackId
    name: str  # trackName
    seller: str  # sellerName (the legal entity selling the app)
    developer_id: int  # artistId
    developer: str  # artistName
    bundle_id: str  # bundleId
    description: str
    release_notes: str  # releaseNotes
    languages: tuple[str, ...]  # languageCodesISO2A, upper case ("EN", "DE"), in Apple's order
    currency: str
    price: float | None
    genres: tuple[str, ...]
    url: str  # trackViewUrl (the public store page)
    seller_url: str = ""  # sellerUrl
    version: str = ""
    # The capture this listing was parsed from (evidence of any finding built on it).
    source_url: str = ""  # the lookup URL that was fetched
    fetched_at: str = ""
    body_sha256: str = ""
    record_id: str = ""


def lookup_url(track_id: int | str, storefront: str) -> str:
    """The lookup URL for one app in one storefront (what the crawler should fetch, one call per country)."""
    return f"{LOOKUP}?id={int(track_id)}&country={_storefront(storefront).lower()}"


def parse_lookup(
    body: bytes, storefront: str, *, url: str = "", fetched_at: str = "", record_id: str = "",
) -> AppleListing | None:
    """The app's listing in `storefront`, or None when Apple answers `resultCount: 0` (not available there).

    Raises AppleLookupError for a body that is not a readable lookup answer: that is inconclusive, never absent.
    """
    cc = _storefront(storefront)
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AppleLookupError(f"not a JSON lookup answer: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise AppleLookupError("not a lookup answer: no `results` list")
    results = [r for r in data["results"] if isinstance(r, dict)]
    count = data.get("resultCount", len(results))
    if count == 0 and not results:
        return None
    software = [r for r in results if r.get("wrapperType") == "software" or r.get("kind") in SOFTWARE_KINDS]
    if not software:
        kinds = sorted({str(r.get("wrapperType") or r.get("kind") or "?") for r in results})
        raise AppleLookupError(f"lookup answer without a software result (got {', '.join(kinds) or 'nothing'})")
    app = software[0]
    track_id = _int(app.get("trackId"))
    if track_id is None:
        raise AppleLookupError("software result without a trackId")
    return AppleListing(
        storefront=cc,
        track_id=track_id,
        name=_text(app.get("trackName")),
        seller=_text(app.get("sellerName")),
        developer_id=_int(app.get("artistId")) or 0,
        developer=_text(app.get("artistName")),
        bundle_id=_text(app.get("bundleId")),
        description=_text(app.get("description"), keep_lines=True),
        release_notes=_text(app.get("releaseNotes"), keep_lines=True),
        languages=tuple(dict.fromkeys(code.strip().upper() for code in app.get("languageCodesISO2A") or ()
                                      if isinstance(code, str) and code.strip())),
        currency=_text(app.get("currency")).upper(),
        price=float(app["price"]) if isinstance(app.get("price"), int | float) else None,
        genres=tuple(g for g in (_text(g) for g in app.get("genres") or ()) if g),
        url=_text(app.get("trackViewUrl")),
        seller_url=_text(app.get("sellerUrl")),
        version=_text(app.get("version")),
        source_url=url or lookup_url(track_id, cc),
        fetched_at=fetched_at,
        body_sha256=hashlib.sha256(body).hexdigest(),
        record_id=record_id,
    )


def _storefront(storefront: str) -> str:
    if not _STOREFRONT.match(storefront or ""):
        raise ValueError(f"a storefront is a two-letter country code, not {storefront!r}")
    return storefront.upper()


def _int(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _text(value, keep_lines: bool = False) -> str:
    if not isinstance(value, str):
        return ""
    if not keep_lines:
        return " ".join(value.split())
    lines = (" ".join(line.split()) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
