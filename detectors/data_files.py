"""Loading the data files that drive the detectors (catalogue, reference data, lexicons).

One function for all of them, `load(relpath, schema_name)`: the YAML is parsed by the reader user input goes
through (detectors/inputs.py, with line numbers) and checked against its JSON Schema in `data/schema/`, so unknown
or missing fields, wrong types, empty groups, values out of range and exact duplicates are refused, naming the
file, the entry, what was expected and the line, before any page is analysed. What a schema cannot say stays
with the code that builds each file's objects: duplicates compared case-insensitively (`distinct`), checks across
fields or files, and YAML 1.1 reading a bare `no` key as false (`language_key`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from detectors.inputs import InputError, parse_yaml, schema, validated

DATA_PACKAGE = "detectors.data"  # the data files (tests point this at a package of their own)
SCHEMA_PACKAGE = "detectors.data"  # their schemas: schema/<name>.schema.json in it
PHRASE_LEXICON = "phrase-lexicon"  # the format of the plain lexicons: {version, family, terms: {lang: [phrases]}}


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
def load(relpath: str, schema_name: str = PHRASE_LEXICON) -> dict[str, Any]:
    """A YAML data file shipped in detectors/data/, checked against `data/schema/<schema_name>.schema.json`
    (cached: data files do not change while we run)."""
    text = resources.files(DATA_PACKAGE).joinpath(relpath).read_text(encoding="utf-8")
    try:
        data, lines = parse_yaml(text, relpath)
    except InputError as exc:
        raise DataFileError(exc.source, exc.where, exc.expected, exc.line) from None
    return checked(relpath, data, schema_name, lines)


def checked(file: str, data: Any, schema_name: str, lines: dict[tuple, int] | None = None) -> Any:
    """`data`, the content of data file `file`, when it matches schema `schema_name`; else a DataFileError."""
    try:
        return validated(data, validator(schema_name), file, lines)
    except InputError as exc:
        raise DataFileError(exc.source, exc.where, exc.expected, exc.line) from None


@cache
def validator(schema_name: str) -> Draft202012Validator:
    """The validator of `data/schema/<schema_name>.schema.json`."""
    return schema(SCHEMA_PACKAGE, schema_name)


def distinct(file: str, entry: str, items: Sequence[str]) -> None:
    """Refuses an item listed twice, compared case-insensitively (a schema's `uniqueItems` tells case apart)."""
    seen: set[str] = set()
    for n, item in enumerate(items):
        key = item.lower()
        if key in seen:
            raise DataFileError(file, f"{entry}[{n}]", f"no duplicates, {item!r} appears twice")
        seen.add(key)


def language_key(key: Any) -> str:
    # YAML 1.1 reads a bare `no` (Norwegian) as the boolean false; take it back to the language code.
    return "no" if key is False else str(key)
