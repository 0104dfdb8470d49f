"""Recall of AFFILIATE's link reading on real exchange referral links, and its false alarms on the same
exchanges' plain links (home, documentation, API, fees pages).

The links come from the exchange descriptions of the ccxt library (MIT): each exchange's `urls` names a
`referral` link and plain ones. They are read from ccxt wheels or source trees in a cache folder outside the
repository (default /work/cache/ccxt, or $FOOTPRINT_CCXT_CACHE); fetch them with
`pip download ccxt --no-deps -d <cache>` (add older releases, e.g. ccxt==1.60.1 and 2.0.1, for delisted exchanges).
A `referral` entry that carries nothing that could be a code (the bare home page, /trade) counts as plain.

    python benchmarks/referral_links.py [--cache DIR] [--list]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import zipfile
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from detectors.affiliate import referral_evidence  # noqa: E402

DEFAULT_CACHE = Path(os.environ.get("FOOTPRINT_CCXT_CACHE", "/work/cache/ccxt"))
_URLS_BLOCK = re.compile(r"'urls':\s*\{(.*?)\n\s{12}\},", re.S)
_ENTRY = re.compile(r"'(\w+)':\s*(\{[^{}]*\}|\[[^\[\]]*\]|'[^']*')", re.S)
_URL = re.compile(r"https?://[^'\"\s]+")
_EXCHANGE_FILE = re.compile(r"(?:python/)?ccxt/([a-z0-9_]+)\.py$")


def _sources(cache: Path):
    """(exchange id, file text) of every ccxt exchange module under cache (wheels or unpacked trees)."""
    for wheel in sorted(cache.rglob("*.whl")):
        with zipfile.ZipFile(wheel) as z:
            for name in z.namelist():
                m = _EXCHANGE_FILE.fullmatch(name)
                if m:
                    yield m.group(1), z.read(name).decode("utf-8", "replace")
    for path in sorted(cache.rglob("ccxt/*.py")):
        yield path.stem, path.read_text(encoding="utf-8", errors="replace")


def _carries_code(url: str) -> bool:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.query or "=" in parts.fragment or len(segments) >= 2:
        return True
    return any(any(c.isdigit() or c.isupper() for c in s) for s in segments)


def collect(cache: Path) -> tuple[dict[str, str], dict[str, str]]:
    """({referral url: exchange}, {plain url: exchange})."""
    referral: dict[str, str] = {}
    plain: dict[str, str] = {}
    for exchange, text in _sources(cache):
        block = _URLS_BLOCK.search(text)
        if not block:
            continue
        for key, value in _ENTRY.findall(block.group(1)):
            for url in _URL.findall(value):
                if "{" in url or key in ("logo", "test"):
                    continue
                if key == "referral" and _carries_code(url):
                    referral.setdefault(url, exchange)
                else:
                    plain.setdefault(url, exchange)
    for url in referral:
        plain.pop(url, None)
    # A "plain" link that repeats its exchange's referral code (exmo's API docs ?ref=131685) is a referral link.
    codes = {(ex, v) for url, ex in referral.items() for _, v in parse_qsl(urlsplit(url).query) if len(v) >= 5}
    for url, exchange in list(plain.items()):
        if any((exchange, v) in codes for _, v in parse_qsl(urlsplit(url).query)):
            referral[url] = plain.pop(url)
    return referral, plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--list", action="store_true", help="print every link with what was recognised")
    args = parser.parse_args()
    if not args.cache.exists():
        print(f"missing: {args.cache} (pip download ccxt --no-deps -d {args.cache})", file=sys.stderr)
        return 2
    referral, plain = collect(args.cache)
    if not referral:
        print(f"no ccxt exchange modules under {args.cache}", file=sys.stderr)
        return 2
    missed = sorted(url for url in referral if referral_evidence(url) is None)
    alarms = sorted(url for url in plain if referral_evidence(url) is not None)
    recall = 1 - len(missed) / len(referral)
    print(f"referral links: {len(referral) - len(missed)}/{len(referral)} recognised (recall {recall:.3f})")
    print(f"plain links: {len(alarms)} false alarms of {len(plain)}")
    for url in missed:
        print(f"  missed      {referral[url]:<16} {url}")
    for url in alarms:
        print(f"  false alarm {plain[url]:<16} {url}  -> {referral_evidence(url)}")
    if args.list:
        for url in sorted(referral):
            print(f"  {referral_evidence(url)}  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
