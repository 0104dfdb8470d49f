"""Bounds on what users give footprint that ends up as a folder or file name, a URL or an HTTP header.

A firm's name becomes its folder's name (its slug), URLs and handles become requests, a user agent becomes a
header: each has a length limit (crawler/config/defaults.py, INPUT_LIMITS), and a longer value is bad input
(exit 2) naming the file and the field, the value quoted only in part. A long but plausible firm name is accepted:
its slug is cut to SLUG_CHARS and ends in a hash of the whole slug, so it stays unique, the same on every run, and
short enough for any file system (with the `.partial` and `.interrupted` around it, well under 255 bytes).
"""

from __future__ import annotations

import hashlib
import re

from slugify import slugify as transliterated_slug

from crawler.config.defaults import INPUT_LIMITS, MESSAGE_CHARS, SLUG_CHARS
from detectors.inputs import InputError, shown

_DIGEST_CHARS = 10  # hex digits of the hash a cut slug ends with (40 bits: no collision among real firms)


def bounded(source: str, where: str, value: str, kind: str, what: str) -> str:
    """`value` if it is at most INPUT_LIMITS[kind] characters long and has no control characters, else an
    InputError saying `what` was expected ("a firm name", "an http(s) URL")."""
    limit = INPUT_LIMITS[kind]
    if len(value) > limit:
        raise InputError(source, where, f"{what} of at most {limit} characters, got {shown(value)}")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):  # a newline would split a header or a log line
        raise InputError(source, where, f"{what} without control characters (newlines, tabs), got {shown(value)}")
    return value


def slugify(name: str) -> str:
    """A firm's folder name: lower-case ASCII letters, digits and dashes, at most SLUG_CHARS characters. Other
    scripts are transliterated (python-slugify: "Биткойн ООД" -> "bitkoin-ood", "Société" -> "societe"), so two
    Greek firms get two readable names; an ASCII name gets the slug it always had."""
    slug = transliterated_slug(name) or "firm"
    if len(slug) <= SLUG_CHARS:
        return slug
    digest = hashlib.sha256(slug.encode("ascii")).hexdigest()[:_DIGEST_CHARS]
    return f"{slug[:SLUG_CHARS - _DIGEST_CHARS - 1].rstrip('-')}-{digest}"


_BYTES = re.compile(r"\bb(['\"])(.*?)\1")  # b'...' -> '...'
# "KeyError: ...", "builtins.MemoryError", "twisted.internet.error.ConnectionLost: ...": a class, not words
_CLASS_PREFIX = re.compile(r"^\s*(?:(?:[a-z_]\w*\.)+[A-Z]\w*|[A-Z]\w*(?:Error|Exception|Interrupt|Exit))\b:?\s*")


def plain_error(message: str) -> str:
    """A line a Python process ended with ("KeyError: 'x'", "MemoryError"), without the class name and with any
    bytes repr as plain quotes."""
    return _BYTES.sub(r"'\2'", _CLASS_PREFIX.sub("", message)).strip() or "an unexpected error"


def cut(message: str, limit: int = MESSAGE_CHARS) -> str:
    """A message at most about `limit` characters long, saying how long it was."""
    return message if len(message) <= limit else f"{message[:limit]}... (cut, {len(message)} characters)"
