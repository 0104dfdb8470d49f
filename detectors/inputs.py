"""Reading structured input, the one way: YAML or JSON checked against a JSON Schema, every error naming the
source, the field and what was expected (with the YAML line where there is one).

Every format footprint reads goes through here: the detectors' own data files (catalogue, reference data,
lexicons: `detectors/data/schema/`) and what users give it (firm profiles, posts exports, triage imports, sandbox
rules: `crawler/config/schema/`). A schema node may carry `x-expected`, the words an error at that node shows
("an ISO 3166-1 alpha-2 country code such as DE"); otherwise the words come from the failed keyword.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError

MAX_SHOWN = 80  # characters of an offending value quoted back in a message


class InputError(ValueError):
    """Bad input: names the source (a file, or "command line"), the field and what was expected."""

    def __init__(self, source: str, where: str, expected: str, line: int | None = None):
        self.source, self.where, self.expected, self.line = source, where, expected, line
        super().__init__(f"{source}: {where}: {expected}" + (f" (line {line})" if line else ""))


def shown(value: Any) -> str:
    """A value as an error message quotes it: its repr, cut to a sane length (an input may be megabytes)."""
    text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + f"... ({len(text)} characters)"


def field_path(path: Sequence[Any]) -> str:
    """("firms", 0, "scan", "max_pages") -> "firms[0].scan.max_pages"."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


@cache
def schema(package: str, name: str) -> Draft202012Validator:
    """The validator of `<package>/schema/<name>.schema.json` (checked itself once, when first loaded)."""
    # One step per joinpath: a namespace package's MultiplexedPath (detectors/data) takes one on Python 3.11.
    text = resources.files(package).joinpath("schema").joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    document = json.loads(text)
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it


def parse_yaml(text: str, source: str) -> tuple[Any, dict[tuple, int]]:
    """The data of a YAML text and the line of every field in it (keyed by its path)."""
    # One pass of libyaml (C): the node tree, with the line of every field, then the data built from it (the
    # pure-Python loader, twice over, took about 1.5 s of a scan's start for the detectors' data files).
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(source, where, f"valid YAML ({problem})") from None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    _note_lines(node, (), lines)
    return data, lines


def _note_lines(node, path: tuple, lines: dict[tuple, int]) -> None:
    if node is None:
        return
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[path + (str(key.value),)] = key.start_mark.line + 1
            _note_lines(value, path + (str(key.value),), lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _note_lines(value, path + (i,), lines)


def read_text(path: str | Path, what: str) -> str:
    """A file's UTF-8 text; a missing, unreadable or undecodable file is an InputError naming it."""
    source = str(path)
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(source, "(file)", f"an existing {what}; it does not exist") from None
    except IsADirectoryError:
        raise InputError(source, "(file)", f"a {what}, not a directory") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, "(file)", f"a readable UTF-8 {what} ({exc})") from None


def load_yaml(path: str | Path, validator: Draft202012Validator, what: str) -> Any:
    """A YAML file, parsed and validated."""
    source = str(path)
    data, lines = parse_yaml(read_text(path, what), source)
    return validated(data, validator, source, lines)


def validated(data: Any, validator: Draft202012Validator, source: str, lines: dict[tuple, int] | None = None):
    """`data` when it matches the schema; else an InputError for the first error (in document order)."""
    errors = sorted(validator.iter_errors(data), key=lambda e: _position(e, lines or {}))
    if not errors:
        return data
    error = _deepest(errors[0])
    path, expected = _explain(error)
    raise InputError(source, field_path(path), expected, _line_of(path, lines or {}))


def _position(error: ValidationError, lines: dict[tuple, int]) -> tuple:
    """Where an error sits in the document: its line when known, then its path (list indices as numbers)."""
    path = tuple((0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in error.absolute_path)
    return (_line_of(list(error.absolute_path), lines) or 0, path, error.validator)


def _deepest(error: ValidationError) -> ValidationError:
    """For oneOf/anyOf, the sub-error that got furthest into the document says what is wrong."""
    while error.context:
        error = max(error.context, key=lambda e: (len(e.absolute_path), -len(e.schema_path)))
    return error


def _line_of(path: Sequence[Any], lines: dict[tuple, int]) -> int | None:
    key = tuple(str(p) if not isinstance(p, int) else p for p in path)
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return lines.get(())


_TYPES = {"string": "a string", "integer": "a whole number", "number": "a number", "boolean": "true or false",
          "array": "a list", "object": "a mapping", "null": "nothing"}


def _explain(error: ValidationError) -> tuple[list[Any], str]:
    """The field at fault and what was expected there, in words."""
    path, node, value = list(error.absolute_path), error.schema, error.instance
    custom = node.get("x-expected") if isinstance(node, dict) else None
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(node.get("properties", {}))
        extra = sorted(str(k) for k in value if k not in allowed) if isinstance(value, dict) else []
        close = difflib.get_close_matches(extra[0], allowed, n=1, cutoff=0.6) if extra else []
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return path + extra[:1], f"a known key ({', '.join(allowed)}); unknown keys are errors{hint}"
    if kind == "required":
        missing = [k for k in error.validator_value if k not in value]
        return path + missing[:1], "this key is required"
    if custom:
        return path, f"{custom}, got {shown(value)}"
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return path, f"{' or '.join(_TYPES.get(t, t) for t in wanted)}, got {shown(value)}"
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low, high = node.get("minimum", "..."), node.get("maximum", "...")
        return path, f"a number from {low} to {high}, got {shown(value)}"
    if kind == "enum":
        return path, f"one of {', '.join(map(str, error.validator_value))}, got {shown(value)}"
    if kind == "minItems":
        return path, "a non-empty list"
    if kind == "minLength":
        return path, "a non-empty string"
    if kind in ("maxLength", "maxItems", "maxProperties"):
        return path, f"at most {error.validator_value} {'characters' if kind == 'maxLength' else 'entries'}"
    if kind == "uniqueItems":
        return path, "no duplicates"
    if kind == "minProperties":
        return path, "at least one entry"
    return path, f"{error.message[:200]}"
