"""What a page's address says of the locale it is written for (detectors/page_locale.py): its locale folders and host
labels ("/es-mx/", "/pt-br/", "fr-ca.example.com", "/mx/") and a locale folder declared for a region of the world
outside Europe ("/es-419/": Latin America and the Caribbean)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from detectors.geography import Geography
from detectors.locales import parse_locale

_SEGMENT = re.compile(r"([a-z]{2})[-_]([a-z]{2})", re.IGNORECASE)
_REGION = re.compile(r"[a-z]{2}[-_]\d{3}", re.IGNORECASE)
ADDRESS_PARTS = 3  # leading path segments (and host labels) read for a locale folder: /es-mx/, /fr-ca/, /mx/
EUROPE = frozenset({"001", "150", "039", "151", "154", "155"})  # the world, Europe and its parts (UN M49 codes)
# Region folders named, not written as a locale: "/latam/" is a site's section for Latin America, in any language.
REGION_NAMES = {"latam": "419"}


def locale_folders(url: str, language: str, territories: frozenset[str], geo: Geography):
    """("address" | "folder", territory, part) of the address's locale folders and host labels: /es-mx/, /pt-br/,
    fr-ca.example.com (the language with a territory: as strong as a domain of its own); /mx/, br.example.com (a
    territory code that is no EU language's: /de/ and /pt/ name languages)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").split(".")[:-2]
    for part in [*host[:ADDRESS_PARTS], *[p for p in parts.path.split("/") if p][:ADDRESS_PARTS]]:
        pair = _SEGMENT.fullmatch(part)
        if pair and pair.group(1).lower() == language and pair.group(2).upper() in territories:
            yield "address", pair.group(2).upper(), part
        elif len(part) == 2 and part.isalpha() and part.upper() in territories and part.lower() not in geo.languages:
            yield "folder", part.upper(), part


def region_folder(url: str, language: str) -> str:
    """The UN M49 region of a locale folder of `language` when it lies outside Europe ("/hc/es-419/": "419", Latin
    America and the Caribbean; "/latam/" too); "" when there is none."""
    for part in [p for p in urlsplit(url).path.split("/") if p][:ADDRESS_PARTS] if url else ():
        if part.lower() in REGION_NAMES:
            return REGION_NAMES[part.lower()]
        parsed = parse_locale(part) if _REGION.fullmatch(part) else None
        if parsed and parsed[0] == language and parsed[1] and parsed[1] not in EUROPE:
            return parsed[1]
    return ""
