"""A generated exchange website of N pages for crawl and memory benchmarks (issue 12): benchmarks/crawl.py and
benchmarks/memory.py crawl it through the sandbox web. The same arguments always give the same bytes.

Each page is one of a pool of heavy exchange landing pages (`sites.exchange_pages`, from the copy in
benchmarks/data/: 18 locales, inline CSS and JS, price tables, legal footers), wrapped in the site's own chrome,
which is the same on every page, as on a real site: a header with the main navigation, a language switcher and a
currency selector, a welcome-bonus banner, and a footer with a German support line, a risk warning and the company
line. What makes a page its own: its number in the title and heading, a paragraph of prose and its links.

Every page is reachable within depth `site_depth(pages)` (at most 4 for 20,000 pages): page n links to its children
n*BRANCHING+1 ... n*BRANCHING+BRANCHING, the chrome links to the first pages, and the pool page's own root-relative
links (prices, articles, legal pages) are pointed at existing pages. So a breadth-first crawl with a page budget of
N and the default depth limit (5) fetches exactly the N pages, and never a 404.

Pages are 30-60 KiB (the pool keeps landing pages of 28-56 KiB; the chrome and the links add 2-4 KiB); they are
written one by one, so a site of 20,000 pages (840 MiB) never sits in memory.
"""

from __future__ import annotations

import random
import re
import zlib
from pathlib import Path

from tests.support.sites import OBJECTS, SOCIAL_SITES, SUBJECTS, TAILS, VERBS, exchange_pages, write_host

HOST = "exchange-bench.com"
START_URL = f"https://{HOST}/"
SEED = 20261203
BRANCHING = 20
POOL = 48  # distinct landing pages the site's pages are made from
POOL_KIB = (28, 56)
NAV_PAGES = 8  # the main navigation links pages 1..8

# Links to social accounts and app stores would each open a channel of its own (not assessed: the sandbox has no
# such hosts) that a bare spider has no counterpart for; they point at the brand's own site instead.
_ELSEWHERE = re.compile("https://(?:" + "|".join(re.escape(site) for site in (*SOCIAL_SITES, "wa.me", "apps.apple.com",
                                                                            "play.google.com")) + ")/")
# Relative links of a pool page: href="/..." (not protocol-relative //host links).
_ROOT_RELATIVE = re.compile(r'href="/(?!/)[^"]*"')

CHROME_HEADER = """<div class="site-chrome"><nav class="site-nav" aria-label="Site">{nav}</nav>
<ul class="lang-switch">{langs}</ul>
<label>Währung / Currency <select name="currency" class="currency-select"><option value="eur" selected>EUR €</option>
<option value="usd">USD $</option><option value="pln">PLN zł</option><option value="gbp">GBP £</option>
<option value="chf">CHF</option></select></label>
<div class="promo-banner">Neukunden erhalten einen <strong>Willkommensbonus von 50 €</strong> nach der ersten
Einzahlung per SEPA-Überweisung. <a href="{signup}">Jetzt registrieren</a></div></div>
"""
CHROME_FOOTER = """<footer class="site-footer"><p>Kundenservice Deutschland: <a href="tel:+493022334455">+49 30 22 33 44
55</a> (Mo–So, 8–22 Uhr) · Support France: <a href="tel:+33142685300">+33 1 42 68 53 00</a></p>
<p class="risk">Crypto-assets are highly volatile and unregulated in some EU countries. No EU investor protection.
You may lose all the money you invest.</p>
<p class="legal">© 2026 Exchange Bench Ltd, Suite 4, Providence House, Victoria, Mahé, Seychelles (company no.
221144). <a href="{terms}">Terms of use</a> · <a href="{privacy}">Privacy</a> · <a href="{cookies}">Cookies</a></p>
</footer>
"""
LANGUAGES = (("en", "English"), ("de", "Deutsch"), ("fr", "Français"), ("pl", "Polski"), ("es", "Español"),
             ("it", "Italiano"))


def page_path(n: int) -> str:
    return "/" if n == 0 else f"/page/{n}.html"


def site_depth(pages: int) -> int:
    """The link depth of the deepest page (the tree's depth; the chrome's links only shorten paths)."""
    depth, last = 0, 0  # `last`: the highest page number at `depth`
    while last < pages - 1:
        last = last * BRANCHING + BRANCHING
        depth += 1
    return depth


def _pool(copy: dict, seed: int) -> list[str]:
    """POOL landing pages of POOL_KIB, all of one brand, with no links to social accounts or app stores."""
    low, high = POOL_KIB
    copy = {**copy, "brands": copy["brands"][:1], "tlds": copy["tlds"][:1]}
    pool: list[str] = []
    batch = 0
    while len(pool) < POOL:
        for page in exchange_pages(copy, POOL, seed + batch):
            if low * 1024 <= len(page.body) <= high * 1024 and len(pool) < POOL:
                brand = copy["brands"][0].lower()
                pool.append(_ELSEWHERE.sub(f"https://www.{brand}.{copy['tlds'][0]}/go/", page.body.decode("utf-8")))
        batch += 1
    return pool


def _relink(html: str, pages: int) -> str:
    """Point each root-relative link at an existing page, the same link at the same page (by a CRC of it)."""
    def target(match: re.Match) -> str:
        return f'href="{page_path(1 + zlib.crc32(match.group().encode()) % (min(pages, 400) - 1 or 1))}"'

    return _ROOT_RELATIVE.sub(target, html)


def _chrome(pages: int) -> tuple[str, str]:
    def link(n: int) -> str:
        return page_path(n % pages)

    nav = "".join(f'<a href="{link(n)}">Section {n}</a>' for n in range(1, NAV_PAGES + 1))
    langs = "".join(f'<li><a href="{link(k + 1)}" hreflang="{code}" lang="{code}">{name}</a></li>'
                    for k, (code, name) in enumerate(LANGUAGES))
    header = CHROME_HEADER.format(nav=nav, langs=langs, signup=link(1))
    footer = CHROME_FOOTER.format(terms=link(2), privacy=link(3), cookies=link(4))
    return header, footer


def _own(n: int, pages: int, rng: random.Random) -> tuple[str, str]:
    """What only page n has: a heading and prose (after the body's opening tag), its children's links (at the end)."""
    prose = " ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
                     for _ in range(6))
    top = f'<section class="page-intro"><h2>Market notes, page {n}</h2><p>{prose}</p></section>\n'
    children = range(n * BRANCHING + 1, min(pages, n * BRANCHING + BRANCHING + 1))
    links = "".join(f'<li><a href="{page_path(c)}">Market notes, page {c}</a></li>' for c in children)
    return top, f'<nav class="more-pages"><ul>{links}</ul></nav>\n' if links else ""


def _wrap(html: str, n: int, top: str, bottom: str) -> str:
    body = html.find("<body")
    body_end = html.find(">", body) + 1
    close = html.rfind("</body>")
    title_end = html.find("</title>")
    head = html[:title_end] + f" · {n}" + html[title_end:body_end] if title_end != -1 else html[:body_end]
    return head + top + html[body_end:close] + bottom + html[close:]


def write_exchange_site(root: Path, pages: int, copy: dict, seed: int = SEED) -> dict:
    """root/exchange-bench.com/... for the sandbox web; `copy` is benchmarks/data/exchange_pages.yaml with its
    locales' copy (harness.exchange_copy()). Returns size figures: pages, min/median/max KiB, total MiB."""
    if pages < 2:
        raise ValueError("an exchange site has at least 2 pages")
    rng = random.Random(seed)
    pool = [_relink(html, pages) for html in _pool(copy, seed)]
    header, footer = _chrome(pages)
    write_host(root, HOST, {})  # robots.txt
    site = Path(root) / HOST
    (site / "page").mkdir(parents=True, exist_ok=True)
    sizes = []
    for n in range(pages):
        top, children = _own(n, pages, rng)
        html = _wrap(pool[n % len(pool)], n, header + top, children + footer).encode("utf-8")
        (site / (page_path(n).lstrip("/") or "index.html")).write_bytes(html)
        sizes.append(len(html))
    sizes.sort()
    return {"pages": pages, "min_kib": sizes[0] / 1024, "median_kib": sizes[len(sizes) // 2] / 1024,
            "max_kib": sizes[-1] / 1024, "total_mib": sum(sizes) / 2**20, "depth": site_depth(pages)}
