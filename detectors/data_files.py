"""Loading the data files that drive the detectors (catalogue, reference data, lexicons).

One helper for all of them so every file gets the same checks: unknown fields, missing fields, empty groups and
duplicates are refused with the file and the entry named, before any page is analysed.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from detectors.inputs import InputError

DATA_PACKAGE = "detectors.data"


class DataFileError(InputError):
    """A data file of the detectors is malformed (our bug, not the user's): names the file, the entry and what was
    expected."""

    @property
    def file(self) -> str:
        return self.source

    @property
    def entry(self) -> str:
        return self.where


@cache
def load(relpath: str) -> dict[str, Any]:
    """Read a YAML data file shipped in detectors/data/ (cached: data files do not change while we run)."""
    text = resources.files(DATA_PACKAGE).joinpath(relpath).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(relpath, "(file)", f"valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise DataFileError(relpath, "(file)", "a mapping at the top level")
    return data


def check_keys(file: str, entry: str, mapping: Any, required: set[str], optional: set[str] = frozenset()) -> None:
    if not isinstance(mapping, dict):
        raise DataFileError(file, entry, "a mapping")
    keys = {str(k) for k in mapping}
    unknown = keys - required - set(optional)
    if unknown:
        allowed = sorted(required | set(optional))
        raise DataFileError(file, entry, f"unknown field(s) {sorted(unknown)}; allowed: {allowed}")
    missing = required - keys
    if missing:
        raise DataFileError(file, entry, f"missing field(s) {sorted(missing)}")


def string_list(file: str, entry: str, value: Any, *, allow_empty: bool = False) -> list[str]:
    """A list of unique, non-empty strings (duplicates compared case-insensitively)."""
    if not isinstance(value, list) or (not value and not allow_empty):
        raise DataFileError(file, entry, "a non-empty list of strings")
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise DataFileError(file, entry, f"non-empty strings only, got {item!r}")
        key = item.strip().lower()
        if key in seen:
            raise DataFileError(file, entry, f"no duplicates, {item!r} appears twice")
        seen.add(key)
    return [item.strip() for item in value]


def language_key(key: Any) -> str:
    # YAML 1.1 reads a bare `no` (Norwegian) as the boolean false; take it back to the language code.
    return "no" if key is False else str(key)
