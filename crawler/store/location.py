"""Where the store lives: a default per user, or what `--store` / `$FOOTPRINT_STORE` say.

A file path means SQLite (the default: nothing to install or run), a `postgresql://` (or `postgres://`) URL means a
shared PostgreSQL server for a team. Locations are shown to people in messages and history listings, so a URL's
password is redacted everywhere it is displayed (crawler/config/secrets.py).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

ENV_STORE = "FOOTPRINT_STORE"
POSTGRES_SCHEMES = ("postgresql", "postgres")
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def default_location() -> str:
    """`$FOOTPRINT_STORE` if set, else `$XDG_DATA_HOME/footprint/footprint.sqlite` (XDG's default: ~/.local/share)."""
    explicit = os.environ.get(ENV_STORE, "").strip()
    if explicit:
        return explicit
    data_home = os.environ.get("XDG_DATA_HOME", "").strip()
    if not data_home or not os.path.isabs(data_home):  # the XDG spec says to ignore a relative path
        data_home = str(Path.home() / ".local" / "share")
    return str(Path(data_home) / "footprint" / "footprint.sqlite")


def is_named(spec: str | None) -> bool:
    """Whether the user named the store (`--store`, `$FOOTPRINT_STORE`) rather than taking the default location:
    only the default's folder is created when missing."""
    return spec is not None or bool(os.environ.get(ENV_STORE, "").strip())


def url_scheme(spec: str) -> str | None:
    """The scheme of a URL-looking location (lower case), None for a file path."""
    match = _URL.match(spec)
    return match.group(1).lower() if match else None
