"""UTC timestamps as footprint writes them, declared once: ISO 8601 with a `Z`, to the second in reports and the
store, to the millisecond for captures (several fetches a second), and a compact form for folder names."""

from __future__ import annotations

from datetime import UTC, datetime

SECOND = "%Y-%m-%dT%H:%M:%SZ"
FOLDER = "%Y-%m-%dT%H%M%SZ"  # no colons: a file name on every file system


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(when: datetime | None = None) -> str:
    """2026-11-22T02:33:56Z"""
    return _utc(when).strftime(SECOND)


def stamp_ms(when: datetime | None = None) -> str:
    """2026-11-22T02:33:56.123Z: when captures were fetched or screenshots taken."""
    return _utc(when).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def folder_stamp(when: datetime | None = None) -> str:
    """2026-11-22T023356Z: a run folder's name."""
    return _utc(when).strftime(FOLDER)


def parse(text: str) -> datetime:
    """A timestamp or date in ISO 8601 (`Z` or an offset; a naive one is taken as UTC), as an aware UTC datetime."""
    when = datetime.fromisoformat(text.strip())  # ValueError when it is none
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _utc(when: datetime | None) -> datetime:
    if when is None:
        return utc_now()
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
