"""Hostile pages for the rendering bounds (tests/crawler/crawl/test_render_bounds.py): a site of ordinary pages
that also links to a page far over the body limit and to a gzip bomb.

- `write_site(root, host, hostile, big_bytes)`: the ordinary pages (an English index, a German page with a euro
  welcome bonus and a French page, each enough for findings of their own), links from the index to the hostile
  pages, the grown page (GROWN_PATH: a small page whose script adds a comment of 17 MiB to its DOM) when among
  them, and a big page of `big_bytes` of ordinary markup (paragraphs in sections), written where the sandbox web
  serves them.
- `HostileWeb`: the sandbox web that also answers `/bomb.html` with a gzip bomb made on the fly: `decoded_bytes`
  of zeros gzip-compressed (about 1 KiB per MiB, so 10 GiB is about 10 MiB on the wire), sent with
  `Content-Encoding: gzip` as it is made, so the test needs neither the disk nor the memory for it.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

from crawler.sandbox import SandboxWeb
from crawler.sandbox.answers import Answer
from tests.support.sites import write_host

BOMB_PATH = "/bomb.html"
BIG_PATH = "/big.html"
GROWN_PATH = "/grown.html"  # a small page whose script builds a DOM over the body limit
GROWN_CHARS = 17 * 1024 * 1024
ORDINARY_PATHS = ("/", "/de/bonus.html", "/fr/offre.html")
_BLOCK = 1 << 20  # the bomb is made of identical deflate blocks of this many zeros each

_PAGE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1>{body}</body></html>
"""


def write_site(root: Path, host: str, hostile: tuple[str, ...], big_bytes: int = 0) -> None:
    """The ordinary pages, the index linking them and the `hostile` paths (BIG_PATH, BOMB_PATH), and the big
    page when asked for (`big_bytes`)."""
    index_links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in (*ORDINARY_PATHS[1:], *hostile))
    files: dict[str, str | bytes] = {
        "/": _PAGE.format(lang="en", title="Hostile Exchange", body=(
            "<p>Hostile Exchange lets you trade bitcoin and ether with low fees and insured custody.</p>"
            f"<ul>{index_links}</ul>")),
        "/de/bonus.html": _PAGE.format(lang="de", title="Willkommensbonus für deutsche Kunden", body=(
            "<p>Eröffnen Sie heute Ihr Konto und erhalten Sie einen Willkommensbonus von 50 € auf Ihre erste "
            "Einzahlung per SEPA-Überweisung. Unser Kundendienst in Berlin hilft Ihnen auf Deutsch.</p>"
            '<p><a href="/fr/offre.html">Français</a></p>')),
        "/fr/offre.html": _PAGE.format(lang="fr", title="Offre de bienvenue en France", body=(
            "<p>Ouvrez votre compte aujourd'hui et recevez un bonus de bienvenue de 50 € sur votre premier dépôt "
            "par virement SEPA. Notre service client à Paris vous répond en français.</p>")),
    }
    if GROWN_PATH in hostile:
        files[GROWN_PATH] = _PAGE.format(lang="en", title="Grown", body=(
            # A comment: nothing to lay out, so it is the DOM's size that counts, not the renderer's memory.
            f'<script>document.body.appendChild(document.createComment("x".repeat({GROWN_CHARS})));</script>'))
    write_host(root, host, files)
    if big_bytes:
        write_big_page(root / host / BIG_PATH.lstrip("/"), big_bytes)


def write_big_page(path: Path, size: int) -> None:
    """An HTML page of about `size` bytes of ordinary markup: sections of paragraphs, as a huge archive page."""
    section = "".join(f"<p>Market report {n}: bitcoin, ether and stablecoin volumes, fees and custody news of the "
                      f"day, with the order book depth of every listed pair.</p>" for n in range(40))
    chunk = f"<section><h2>Archive</h2>{section}</section>\n".encode()
    head = _PAGE.format(lang="en", title="Market archive", body="").split("</body>")[0].encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        fh.write(head)
        for _ in range(max(1, size // len(chunk))):
            fh.write(chunk)
        fh.write(b"</body></html>\n")


def gzip_bomb(decoded_bytes: int) -> tuple[Iterator[bytes], int]:
    """A gzip stream of `decoded_bytes` zeros (rounded up to whole MiB), made as it is read, and its length.
    After a full flush a deflate compressor starts afresh, so every MiB of zeros compresses to the same bytes: one
    block is compressed and repeated; the trailer's CRC is computed as the blocks go out."""
    blocks = max(1, -(-decoded_bytes // _BLOCK))
    zeros = bytes(_BLOCK)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the gzip header and trailer are ours
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.flush(zlib.Z_FINISH)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    length = len(header) + blocks * len(block) + len(end) + 8

    def chunks() -> Iterator[bytes]:
        yield header
        crc = 0
        for _ in range(blocks):
            crc = zlib.crc32(zeros, crc)
            yield block
        yield end + struct.pack("<II", crc, (blocks * _BLOCK) & 0xFFFFFFFF)

    return chunks(), length


class HostileWeb(SandboxWeb):
    """The sandbox web of ROOT, with `/bomb.html` of every host answered by a gzip bomb of `bomb_bytes`."""

    def __init__(self, root: Path, bomb_bytes: int, unannounced: bool = False) -> None:
        super().__init__(root)
        self.bomb_bytes = bomb_bytes
        self.unannounced = unannounced  # big files in chunked transfer, with no Content-Length to refuse early

    def answer(self, host: str, url: str, path: str, query: str, visitor: str, accept_language: str) -> Answer:
        if path == BOMB_PATH:
            chunks, length = gzip_bomb(self.bomb_bytes)
            return Answer(200, headers={"Content-Encoding": "gzip"}, chunks=chunks,
                          length=None if self.unannounced else length)
        answer = super().answer(host, url, path, query, visitor, accept_language)
        if self.unannounced and len(answer.body) > _BLOCK:
            body = answer.body
            answer.chunks = (body[i:i + _BLOCK] for i in range(0, len(body), _BLOCK))
        return answer
