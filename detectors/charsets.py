"""Which character encoding a page is in, decided as browsers decide (WHATWG Encoding and HTML standards).

In order: a byte order mark; the charset of the Content-Type header; a <meta charset> or <meta http-equiv> in the
first bytes; and, for a page that declares nothing, UTF-8 when the bytes are valid UTF-8, otherwise a statistical
detector (charset_normalizer), as Chromium and Firefox use one. Labels mean what the Encoding Standard says they
mean (w3lib's table): "latin1", "iso-8859-1" and "ascii" are windows-1252, where 0x80 is the euro sign. A label
no browser knows is skipped, as browsers skip it. A page declaring the wrong encoding is read as declared: the
visitor saw replacement characters too, and the report says which encoding was used and why.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

UTF8 = "utf-8"
DETECT_BYTES = 65_536  # what the detector reads of an undeclared page that is not UTF-8
# What the detector may answer: the Encoding Standard's legacy encodings (browsers' detectors choose among these).
_LEGACY = ["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874",
           "iso8859_2", "iso8859_5", "iso8859_7", "koi8_r", "koi8_u", "shift_jis", "euc_jp", "gb18030", "big5",
           "euc_kr"]
_WINDOWS = re.compile(r"cp(12[5][0-8]|874)$")
_ISO = re.compile(r"iso8859-(\d+)$")
# Python codec names that differ from the Encoding Standard's beyond spelling.
_WHATWG_NAMES = {"utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "cp932": "Shift_JIS", "cp949": "EUC-KR",
                 "big5hkscs": "Big5", "mac-roman": "macintosh", "cp866": "IBM866", "mac-cyrillic": "x-mac-cyrillic"}


def decide(body: bytes, content_type: str) -> tuple[str, str]:
    """(Python codec, how it was chosen: bom | header | meta | utf-8 | detected | default) for a page's bytes."""
    bom, _ = read_bom(body)
    if bom is not None:
        return bom, "bom"
    declared = _whatwg(http_content_type_encoding(content_type))
    if declared:
        return declared, "header"
    declared = _whatwg(html_body_declared_encoding(body))
    if declared:
        # A <meta> readable as ASCII cannot be in UTF-16: the standard reads such a page as UTF-8.
        return (UTF8 if declared.startswith("utf-16") else declared), "meta"
    try:
        body.decode(UTF8)
    except UnicodeDecodeError:
        guess = from_bytes(body[:DETECT_BYTES], cp_isolation=_LEGACY).best()
        if guess is not None and _whatwg(guess.encoding):
            return _whatwg(guess.encoding), "detected"
        return "cp1252", "default"
    return UTF8, "utf-8"


def as_utf8(body: bytes, codec: str) -> bytes:
    """The page's bytes in UTF-8 (unchanged when they are UTF-8 already); what cannot be decoded is U+FFFD."""
    if codec == UTF8:
        return body
    bom, mark = read_bom(body)
    start = len(mark) if bom == codec and mark else 0
    return body[start:].decode(codec, "replace").encode(UTF8)


def whatwg_name(codec: str) -> str:
    """The Encoding Standard's name of a Python codec ("cp1252" -> "windows-1252")."""
    if codec in _WHATWG_NAMES:
        return _WHATWG_NAMES[codec]
    if match := _WINDOWS.match(codec):
        return f"windows-{match.group(1)}"
    if match := _ISO.match(codec):
        return f"ISO-8859-{match.group(1)}"
    return codec.upper() if codec.startswith("utf") else codec


def _whatwg(codec: str | None) -> str:
    """A resolved label as the standard reads it: "utf-16" is little-endian; UTF-32 and UTF-7 no browser knows."""
    if not codec:
        return ""
    name = codecs.lookup(codec).name
    if name == "utf-16":
        return "utf-16-le"
    if name.startswith(("utf-32", "utf-7")):
        return ""
    return name
