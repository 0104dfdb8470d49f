"""Generated websites for the tests and the benchmarks. The same arguments always give the same bytes.

Three kinds, one per job, sharing the sandbox web's layout (`write_host`: ROOT/<host>/<path>, robots.txt allowing
every crawler):

- Firm sites (`plan`, `generate`): made-up crypto firms, each a small website, and a firms file listing them, for
  batch scans (tests/crawler/runs/test_batch.py, benchmarks/batch.py). See below.
- Exchange pages (`exchange_pages`): heavy multilingual landing pages of crypto exchanges, in memory, written from
  the copy in benchmarks/data/ (18 locales), for detector throughput (benchmarks/analyze.py): 20 to 62 KiB each, with
  the inline CSS and JS, JSON-LD, hreflang, mega-menus, price tables and legal footers of real exchange sites.
- A linked site (`write_linked_site`): N pages of 20-40 KiB on render-bench.com, each linking to about five others
  (a 5-ary tree, the nav's section pages, two related pages) and building part of its content with inline
  JavaScript, for rendered crawls (benchmarks/render_memory.py).

Firm sites: `generate(root, count, unreachable, seed)` writes `count` firms' sites into `root/<host>/...` and returns
the path of a firms YAML file (`firms:` plus a shared `scan:` block) listing them. Each site has 2 to 4 pages, an
English index linking the others, and the firms come in three profiles so that a batch index has something to rank:

- `eu`: pages in German, French and/or Polish with `lang`, hreflang alternates to EU locales from the index, euro
  or złoty prices, SEPA/BLIK, and (mostly) a welcome bonus, a local support line or a redirect of German-speaking
  visitors to /de/: clear solicitation of EU residents, in varying strength;
- `medium`: English pages only, but euro prices and/or SEPA deposits, sometimes English sign-up copy;
- `clean`: English pages, US dollars, no EU reference (some with generic English sign-up copy).

The last `unreachable` firms list a website on a host that has no folder: the sandbox answers 502, so their
channel is `not-assessed`. `plan(...)` returns the firms as generated (name, slug, host, profile), for tests.
"""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from crawler.config.profiles import slugify

ROBOTS_ALLOW_ALL = "User-agent: *\nAllow: /\n"


def write_host(root: Path, host: str, files: dict[str, str | bytes]) -> None:
    """Write a host's files where the sandbox web serves them: root/<host>/<path> ("/" and "dir/" are index.html),
    with a robots.txt that allows every crawler unless `files` has one."""
    site = Path(root) / host
    for path, content in {"robots.txt": ROBOTS_ALLOW_ALL, **files}.items():
        relpath = path.lstrip("/")
        target = site / (relpath + "index.html" if relpath.endswith("/") or not relpath else relpath)
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------------
# Firm sites
# ---------------------------------------------------------------------------------------------------------------

WORDS = ["Kestrel", "Nordlicht", "Halcyon", "Boreal", "Cobalt", "Aurora", "Meltwater", "Juniper", "Saltire",
         "Tamarack", "Vireo", "Larkspur", "Obsidian", "Peregrine", "Quillon", "Rimeland", "Solstice", "Tidewater",
         "Umber", "Verdigris", "Windrose", "Yarrow", "Zephyr", "Amberline", "Bluefin", "Cinder", "Driftwood",
         "Emberly", "Fjordline", "Granite", "Hollowell", "Ironbark", "Jadeite", "Kelpie", "Lodestar", "Marlin",
         "Nimbus", "Oakridge", "Pinecrest", "Quartzite", "Redwing", "Silverleaf", "Thornbury", "Upland",
         "Vantage", "Whitecap", "Xanthe", "Yellowtail", "Zircon", "Arbor", "Beacon", "Cirrus", "Dunmore",
         "Eastwind", "Foxglove", "Gullwing", "Heron", "Inkwell", "Jetstream", "Kingfisher"]
KINDS = ["exchange", "markets", "wallet", "trade", "capital", "coin", "pay", "custody"]
LEGAL = ["Ltd", "Inc.", "LLC", "Limited", "Corp.", "S.A."]
OFFSHORE = ["SC", "BS", "VG", "KY", "MU", "BZ", "PA", "AE", "SG"]  # home countries outside the EU/EEA
ONSHORE_US = ["US", "CA", "AU", "GB", "SG"]
PROFILES = ("eu", "medium", "clean")

FIRM_COINS = [("Bitcoin", "BTC", 61240.50), ("Ether", "ETH", 2914.30), ("Solana", "SOL", 140.95),
         ("Cardano", "ADA", 0.42), ("Litecoin", "LTC", 68.10)]
USD_RATE = 1.08

LOCALES = {
    "de": {
        "hreflang": "de-DE", "endonym": "Deutsch", "title": "Bitcoin kaufen in Deutschland",
        "h1": "Jetzt Bitcoin kaufen",
        "lead": "Bitcoin, Ether und weitere Kryptowerte sicher und günstig in Euro handeln: die Krypto-Börse für "
                "Anlegerinnen und Anleger in Deutschland und Österreich.",
        "bonus": "Neukunden erhalten einen <strong>Willkommensbonus von {amount} €</strong> nach der ersten "
                 "Einzahlung.",
        "cta": "Jetzt registrieren", "prices": "Aktuelle Kurse in Euro", "currency": "eur",
        "payment": "Zahlen Sie bequem per <strong>SEPA-Überweisung</strong> ein; Ihr Guthaben steht in der Regel "
                   "innerhalb weniger Minuten zum Handeln bereit.",
        "phone": 'Unsere Hotline für Deutschland: <a href="tel:+493022334455">+49 30 22 33 44 55</a> '
                 "(Mo–So, 8–22 Uhr).",
        "benefits": ["Niedrige Gebühren ab 0,08 %", "Deutschsprachiger Kundenservice an sieben Tagen pro Woche",
                     "Über 90 % der Kundengelder in Cold Storage"],
    },
    "fr": {
        "hreflang": "fr-FR", "endonym": "Français", "title": "Acheter du Bitcoin en France",
        "h1": "Achetez du Bitcoin dès aujourd'hui",
        "lead": "Achetez, vendez et conservez du Bitcoin, de l'Ether et d'autres crypto-actifs en euros, avec des "
                "frais réduits: la plateforme des investisseurs en France et en Belgique.",
        "bonus": "Ouvrez votre compte et recevez un <strong>bonus de bienvenue de {amount} €</strong> après "
                 "votre premier dépôt.",
        "cta": "Inscrivez-vous maintenant", "prices": "Cours en euros", "currency": "eur",
        "payment": "Déposez vos fonds par <strong>virement SEPA</strong>: ils sont disponibles en quelques "
                   "minutes.",
        "phone": 'Service client en France: <a href="tel:+33142685300">+33 1 42 68 53 00</a> (7j/7, 8h-22h).',
        "benefits": ["Frais de trading à partir de 0,08 %", "Service client en français 7 jours sur 7",
                     "Plus de 90 % des fonds en stockage à froid"],
    },
    "pl": {
        "hreflang": "pl-PL", "endonym": "Polski", "title": "Kup Bitcoina w Polsce",
        "h1": "Kup Bitcoina w Polsce",
        "lead": "Kupuj, sprzedawaj i przechowuj Bitcoina, Ethera oraz inne kryptoaktywa w złotówkach: szybko, "
                "bezpiecznie i z niskimi opłatami.",
        "bonus": "Dla nowych klientów: <strong>bonus powitalny {amount} zł</strong> po pierwszej wpłacie.",
        "cta": "Zarejestruj się teraz", "prices": "Aktualne kursy w PLN", "currency": "pln",
        "payment": "Wpłacaj środki przez <strong>BLIK</strong> lub <strong>przelew SEPA</strong>: pieniądze "
                   "trafiają na Twoje konto w kilka sekund.",
        "phone": 'Infolinia w Polsce: <a href="tel:+48221234567">+48 22 123 45 67</a> (pn.–nd., 8–22).',
        "benefits": ["Niskie opłaty od 0,08%", "Obsługa klienta w języku polskim 7 dni w tygodniu",
                     "Ponad 90% środków klientów w zimnych portfelach"],
    },
}

ENGLISH_EXTRAS = {
    "about": ("About us", "{name} was founded in {year} by a team of engineers and traders. We run a trading venue "
                          "for digital assets with a focus on security, clear fees and fast support."),
    "fees": ("Fees", "Maker fees start at 0.08 % and taker fees at 0.12 %. Withdrawals of crypto-assets cost the "
                     "network fee only; there are no account fees."),
    "security": ("Security", "Client assets are held separately from company funds, most of them in cold storage "
                             "with multi-party approval. Accounts are protected by two-factor authentication."),
}
ENGLISH_PROMO = "Create your free account and start trading today. <strong>Sign up now</strong>."

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
{head}<style>
body{{margin:0;font-family:system-ui,Arial,sans-serif;color:#14202b;background:#f6f8fb}}
header{{background:#0b2540;color:#fff;padding:12px 24px}} header a{{color:#cfe3ff;margin-right:14px}}
main{{max-width:960px;margin:0 auto;padding:24px}} table{{border-collapse:collapse;width:100%;background:#fff}}
th,td{{border-bottom:1px solid #e2e8f0;padding:8px;text-align:left}}
footer{{background:#0b2540;color:#9fb3c8;padding:20px 24px;font-size:.85em}}
</style>
</head>
<body>
<header><a class="brand" href="/">{brand}</a>
<nav aria-label="Main">{nav}</nav>{langs}</header>
<main>
{main}
</main>
<footer><p>{footer}</p></footer>
</body>
</html>
"""


@dataclass
class FirmSpec:
    """One generated firm: what its site says, decided before anything is written."""

    number: int
    name: str
    kind: str
    home_country: str
    profile: str  # eu | medium | clean
    reachable: bool = True
    locales: list[str] = field(default_factory=list)  # eu: the EU-language pages
    extras: list[str] = field(default_factory=list)  # English pages beside the index
    hreflang: bool = False  # eu: the index lists hreflang alternates for its locales
    bonus: int = 0  # eu: welcome-bonus amount on the localised pages (0: none)
    phone: bool = False  # eu: a local support line on the localised pages
    redirect_de: bool = False  # eu: German-speaking visitors are redirected from / to /de/
    eur_prices: bool = False  # medium: euro prices on the English index
    sepa: bool = False  # medium: SEPA deposits on the English index
    promo: bool = False  # English sign-up copy on the index

    @property
    def host(self) -> str:
        return f"firm-{self.number:02d}-{self.kind}.com"

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def url(self) -> str:
        return f"https://{self.host}/"

    @property
    def pages(self) -> int:
        return 1 + len(self.locales) + len(self.extras)


def plan(count: int = 50, unreachable: int = 1, seed: int = 7) -> list[FirmSpec]:
    """The firms `generate` writes, in file order: about 40 % eu, 30 % medium, 30 % clean, shuffled by `seed`;
    the last `unreachable` are unreachable (their profile says what the site would have been)."""
    if count < 1 or not 0 <= unreachable <= count:
        raise ValueError(f"count {count}, unreachable {unreachable}: need count >= 1 and 0 <= unreachable <= count")
    rng = random.Random(seed)
    eu, medium = round(count * 0.4), round(count * 0.3)
    profiles = ["eu"] * eu + ["medium"] * medium + ["clean"] * (count - eu - medium)
    rng.shuffle(profiles)
    names: set[str] = set()
    firms = []
    for i, profile in enumerate(profiles):
        number = i + 1
        kind = KINDS[rng.randrange(len(KINDS))]
        word = WORDS[(i * 7) % len(WORDS)] if count <= len(WORDS) else f"{WORDS[i % len(WORDS)]} {number}"
        name = f"{word} {kind.title()} {LEGAL[rng.randrange(len(LEGAL))]}"
        if name in names:  # cannot happen with the lists above; kept so the names stay unique whatever they hold
            name = f"{name} {number}"
        names.add(name)
        spec = FirmSpec(number=number, name=name, kind=kind, profile=profile,
                        home_country=rng.choice(OFFSHORE if profile != "clean" else ONSHORE_US),
                        reachable=i < count - unreachable)
        if profile == "eu":
            spec.locales = sorted(rng.sample(sorted(LOCALES), rng.randint(1, 3)))
            spec.hreflang = rng.random() < 0.75
            spec.bonus = rng.choice([0, 25, 50, 100, 200])
            spec.phone = rng.random() < 0.4
            spec.redirect_de = "de" in spec.locales and rng.random() < 0.3
            spec.extras = rng.sample(sorted(ENGLISH_EXTRAS), max(0, min(4 - 1 - len(spec.locales),
                                                                        rng.randint(0, 1))))
            spec.promo = rng.random() < 0.5
        else:
            spec.extras = sorted(rng.sample(sorted(ENGLISH_EXTRAS), rng.randint(1, 3)))
            if profile == "medium":
                spec.eur_prices, spec.sepa = rng.choice([(True, False), (False, True), (True, True), (True, True)])
            spec.promo = rng.random() < 0.4
        firms.append(spec)
    return firms


def generate(root: Path, count: int = 50, unreachable: int = 1, seed: int = 7) -> Path:
    """Write the firms' sites under root/<host>/ and root/firms.yaml; return the firms file's path."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    firms = plan(count, unreachable, seed)
    rng = random.Random(seed * 7919 + count)
    for spec in firms:
        if spec.reachable:
            write_firm_site(root, spec, rng)
    entries = []
    for spec in firms:
        url = spec.url if spec.reachable else f"https://unreachable-{spec.number:02d}-{spec.kind}.com/"
        entries.append({"firm": {"name": spec.name, "home_country": spec.home_country},
                        "channels": {"websites": [url]}})
    doc = {"firms": entries,
           "scan": {"visitors": ["DE"], "delay": 0, "max_pages": 5, "max_depth": 2, "screenshots": False}}
    path = root / "firms.yaml"
    header = (f"# {count} made-up firms (tests/support/sites.py, seed {seed}); the last {unreachable} "
              "unreachable.\n")
    path.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    return path


def write_firm_site(root: Path, spec: FirmSpec, rng: random.Random) -> None:
    files = {"index.html": index_page(spec, rng)}
    for extra in spec.extras:
        files[f"{extra}.html"] = english_page(spec, extra, rng)
    for locale in spec.locales:
        files[f"{locale}/index.html"] = local_page(spec, locale, rng)
    if spec.redirect_de:
        files["_sandbox.yaml"] = ("# German-speaking visitors asking for the home page are sent to /de/.\n"
                                  "rules:\n  - path: /\n    when: {accept_language: de}\n    redirect: /de/\n")
    write_host(root, spec.host, files)


def _brand(spec: FirmSpec) -> str:
    return spec.name.rsplit(" ", 1)[0]


def _nav(spec: FirmSpec) -> str:
    links = ['<a href="/">Home</a>'] + [f'<a href="/{e}.html">{ENGLISH_EXTRAS[e][0]}</a>' for e in spec.extras]
    return " ".join(links)


def _langs(spec: FirmSpec) -> str:
    if not spec.locales:
        return ""
    links = ['<a href="/" hreflang="en" lang="en">English</a>'] + [
        f'<a href="/{loc}/" hreflang="{LOCALES[loc]["hreflang"]}" lang="{loc}">{LOCALES[loc]["endonym"]}</a>'
        for loc in spec.locales]
    return f'\n<nav class="langs" aria-label="Language">{" ".join(links)}</nav>'


def _alternates(spec: FirmSpec) -> str:
    if not (spec.locales and spec.hreflang):
        return ""
    lines = [f'<link rel="alternate" hreflang="en" href="{spec.url}">']
    lines += [f'<link rel="alternate" hreflang="{LOCALES[loc]["hreflang"]}" href="{spec.url}{loc}/">'
              for loc in spec.locales]
    lines.append(f'<link rel="alternate" hreflang="x-default" href="{spec.url}">')
    return "\n".join(lines) + "\n"


def _footer(spec: FirmSpec) -> str:
    return (f"{html.escape(spec.name)} · registered in {spec.home_country} · Crypto-assets are volatile; you can "
            "lose the money you invest.")


def _price_rows(rng: random.Random, currency: str) -> str:
    rows = []
    for coin, symbol, eur in rng.sample(FIRM_COINS, 3):
        eur = eur * rng.uniform(0.97, 1.03)
        if currency == "usd":
            price = f"${eur * USD_RATE:,.2f}"
        elif currency == "eur-en":
            price = f"{eur:,.2f} €"
        elif currency == "eur":
            price = f"{eur:,.2f} €".replace(",", " ").replace(".", ",").replace(" ", ".")
        else:  # pln
            price = f"{eur * 4.3:,.0f} zł".replace(",", " ")
        pair = {"usd": "USD", "eur-en": "EUR", "eur": "EUR", "pln": "PLN"}[currency]
        change = rng.uniform(-3, 3)
        rows.append(f"<tr><td>{coin} ({symbol}/{pair})</td><td>{price}</td><td>{change:+.1f} %</td></tr>")
    return "\n".join(rows)


def index_page(spec: FirmSpec, rng: random.Random) -> str:
    brand = html.escape(_brand(spec))
    parts = [f"<section><h1>Trade Bitcoin, Ether and 150+ crypto-assets with {brand}</h1>",
             f"<p>{brand} gives you deep liquidity, low fees and instant deposits. Trade around the clock on web "
             "and mobile.</p>"]
    if spec.promo:
        parts.append(f"<p>{ENGLISH_PROMO}</p>")
    parts.append("</section>")
    if spec.profile == "medium" and spec.eur_prices:
        parts.append(f"<section><h2>Live prices</h2><table>\n{_price_rows(rng, 'usd')}\n"
                     f"{_price_rows(rng, 'eur-en')}\n</table></section>")
    else:
        parts.append(f"<section><h2>Live prices</h2><table>\n{_price_rows(rng, 'usd')}\n</table></section>")
    if spec.profile == "medium" and spec.sepa:
        parts.append("<section><h2>Fund your account</h2><p>Deposit by SEPA transfer or card; bank transfers "
                     "usually arrive within one business day.</p></section>")
    elif spec.profile == "clean":
        parts.append("<section><h2>Fund your account</h2><p>Deposit by domestic wire transfer or debit card; "
                     "funds usually arrive within one business day.</p></section>")
    if spec.locales:
        links = ", ".join(f'<a href="/{loc}/">{LOCALES[loc]["endonym"]}</a>' for loc in spec.locales)
        parts.append(f"<section><p>Also available in: {links}.</p></section>")
    more = " ".join(f'<a href="/{e}.html">{ENGLISH_EXTRAS[e][0]}</a>' for e in spec.extras)
    if more:
        parts.append(f"<section><p>Learn more: {more}</p></section>")
    return PAGE.format(lang="en", title=f"{brand} | Buy and trade crypto", description=f"{brand}: buy and trade "
                       "Bitcoin and other crypto-assets with low fees.", head=_alternates(spec), brand=brand,
                       nav=_nav(spec), langs=_langs(spec), main="\n".join(parts), footer=_footer(spec))


def english_page(spec: FirmSpec, extra: str, rng: random.Random) -> str:
    brand = html.escape(_brand(spec))
    title, text = ENGLISH_EXTRAS[extra]
    body = text.format(name=brand, year=rng.randint(2014, 2022))
    main = f"<section><h1>{title}</h1><p>{body}</p><p><a href=\"/\">Back to {brand}</a></p></section>"
    return PAGE.format(lang="en", title=f"{title} | {brand}", description=body[:150], head="", brand=brand,
                       nav=_nav(spec), langs=_langs(spec), main=main, footer=_footer(spec))


def local_page(spec: FirmSpec, locale: str, rng: random.Random) -> str:
    copy = LOCALES[locale]
    brand = html.escape(_brand(spec))
    parts = [f"<section><h1>{copy['h1']}</h1>", f"<p>{copy['lead']}</p>"]
    if spec.bonus:
        amount = spec.bonus * (4 if copy["currency"] == "pln" else 1)
        parts.append(f"<p>{copy['bonus'].format(amount=amount)}</p>")
    parts.append(f'<p><a class="cta" href="/{locale}/">{copy["cta"]}</a></p></section>')
    parts.append(f"<section><h2>{copy['prices']}</h2><table>\n{_price_rows(rng, copy['currency'])}\n</table>"
                 "</section>")
    parts.append(f"<section><p>{copy['payment']}</p><ul>"
                 + "".join(f"<li>{b}</li>" for b in copy["benefits"]) + "</ul></section>")
    if spec.phone:
        parts.append(f"<section><p>{copy['phone']}</p></section>")
    head = f'<link rel="alternate" hreflang="{copy["hreflang"]}" href="{spec.url}{locale}/">\n' if spec.hreflang \
        else ""
    return PAGE.format(lang=locale, title=f"{brand} | {copy['title']}", description=html.escape(copy["lead"]),
                       head=head, brand=brand, nav=_nav(spec), langs=_langs(spec), main="\n".join(parts),
                       footer=_footer(spec))


# ---------------------------------------------------------------------------------------------------------------
# Exchange pages
# ---------------------------------------------------------------------------------------------------------------

TW = ("flex", "grid", "items-center", "justify-between", "gap-2", "gap-4", "gap-6", "px-4", "px-6", "py-2", "py-3",
      "py-16", "mx-auto", "max-w-7xl", "text-sm", "text-base", "text-lg", "text-3xl", "font-medium", "font-semibold",
      "text-slate-600", "text-slate-900", "dark:text-white", "bg-white", "dark:bg-slate-900", "rounded-xl",
      "shadow-sm", "hover:bg-slate-50", "md:flex", "hidden", "lg:grid-cols-3", "sm:px-6", "lg:px-8", "w-full",
      "border", "border-slate-200", "transition", "duration-150", "leading-7", "tracking-tight", "truncate")
SVG_PATHS = ("M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-1 17.93c-3.95-.49-7-3.85-7-7.93 "
             "0-.62.08-1.21.21-1.79L9 15v1c0 1.1.9 2 2 2v1.93zm6.9-2.54c-.26-.81-1-1.39-1.9-1.39h-1v-3c0-.55-.45-1-1"
             "-1H8v-2h2c.55 0 1-.45 1-1V7h2c1.1 0 2-.9 2-2v-.41c2.93 1.19 5 4.06 5 7.41 0 2.08-.8 3.97-2.1 5.39z",
             "M5 12h14M12 5l7 7-7 7", "M20 6 9 17l-5-5", "M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z",
             "M3 3v18h18M7 14l4-4 4 4 5-5")
SOCIAL_SITES = ("x.com", "t.me", "www.youtube.com", "www.linkedin.com/company", "www.instagram.com", "discord.gg",
                "www.tiktok.com/@")
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"  # referral codes, without look-alikes


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def fmt_number(x: float, style: str, decimals: int = 2) -> str:
    s = f"{x:,.{decimals}f}"
    if style == "en":
        return s
    whole, _, frac = s.partition(".")
    sep = {"de": ".", "fr": "\u202f", "sv": "\u00a0"}[style]
    return sep.join(whole.split(",")) + ("," + frac if frac else "")


@dataclass(frozen=True)
class ExchangePage:
    url: str
    requested_url: str
    lang: str  # the locale key of the copy it was written from ("en", "pt-BR"...)
    body: bytes


def _phone(rng: random.Random, region: str) -> tuple[str, str]:
    """(as printed, tel: target) for a valid number of `region`, its last digits varied."""
    import phonenumbers

    kind = rng.choice((phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE))
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(region)
    number = example
    for _ in range(5):
        digits = str(example.national_number)
        candidate = phonenumbers.parse(f"+{example.country_code}{digits[:-3]}{rng.randrange(1000):03d}", None)
        if phonenumbers.is_valid_number(candidate):
            number = candidate
            break
    printed = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if rng.random() < 0.2:
        printed = "00" + printed[1:]
    return printed, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class _ExchangePageWriter:
    """One page: picks sections and variants with a seeded RNG, writes HTML as real exchange sites do."""

    def __init__(self, copy: dict, rng: random.Random, key: str, target_bytes: int):
        self.rng = rng
        self.key = key
        self.copy = copy
        self.locales = copy["locales"]
        self.coins = copy["coins"]
        self.lang = self.locales[key]
        self.target = target_bytes
        self.brand = rng.choice(copy["brands"])
        tld = rng.choice(copy["tlds"])
        sub = "www" if rng.random() < 0.8 else rng.choice(("app", "global", "exchange"))
        self.host = f"{sub}.{self.brand.lower()}.{tld}"
        self.origin = f"https://{self.host}"
        slug = rng.choice(("", "", "buy-bitcoin", "fees", "earn", "promotions", "markets", "app",
                           "learn/what-is-bitcoin"))
        prefix = f"/{self.lang['path']}" if self.lang["path"] else ""
        self.url = f"{self.origin}{prefix}/{slug}" if slug else f"{self.origin}{prefix}/"
        self.code = "".join(rng.choice(CODE_LETTERS) for _ in range(8))
        self.requested_url = f"{self.url}?ref={self.code}" if rng.random() < 0.15 else self.url
        self.english_chrome = key != "en" and rng.random() < 0.15  # untranslated header, as many sites have
        # 0 for a lean page, 1 for a heavy one
        self.rich = min(1.0, max(0.0, (target_bytes - 18 * 1024) / (44 * 1024)))

    def money(self, usd: float, decimals: int = 2) -> str:
        """A price in the locale's currency and number format ("61.240,50 €", "R$ 345.120,00")."""
        style, pattern = self.lang["money"]["style"], self.lang["money"]["pattern"]
        return pattern.format(n=fmt_number(usd * self.copy["usd_rates"][self.lang["currency"]], style, decimals))

    def cls(self, n: int = 5) -> str:
        return " ".join(self.rng.sample(TW, n))

    def home(self, loc: dict) -> str:
        """A locale's home page on this site."""
        return f"{self.origin}/{loc['path']}{'/' if loc['path'] else ''}"

    def href(self, path: str) -> str:
        return f"/{self.lang['path']}/{path}" if self.lang["path"] else f"/{path}"

    def icon(self) -> str:
        return (f'<svg class="h-6 w-6 {self.cls(2)}" viewBox="0 0 24 24" fill="none" aria-hidden="true">'
                f'<path fill="currentColor" d="{self.rng.choice(SVG_PATHS)}"/></svg>')

    # --- head ---------------------------------------------------------------------------------------------
    def head(self) -> str:
        lg, rng = self.lang, self.rng
        title = f"{rng.choice(lg['hero_title'])} | {self.brand}"
        desc = lg["hero_text"][0]
        parts = [
            '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{esc(title)}</title>", f'<meta name="description" content="{attr(desc)}">',
            f'<meta property="og:title" content="{attr(title)}">',
            f'<meta property="og:description" content="{attr(desc)}">',
            f'<meta property="og:locale" content="{lg["og"]}">', '<meta property="og:type" content="website">',
            f'<meta property="og:image" content="{self.origin}/static/og/{self.key}.png">',
            '<meta name="twitter:card" content="summary_large_image">',
            f'<meta name="twitter:site" content="@{self.brand.lower()}">',
            '<meta name="theme-color" content="#0b1220">',
            f'<link rel="canonical" href="{self.url}">', f'<link rel="icon" href="{self.origin}/favicon.ico">',
            f'<link rel="preconnect" href="https://cdn.{self.brand.lower()}.com">',
            '<link rel="preload" as="font" type="font/woff2" crossorigin '
            f'href="/_next/static/media/inter-{rng.randrange(10**6):06d}.woff2">',
        ]
        parts += [f'<link rel="stylesheet" href="/_next/static/css/{rng.randrange(16**8):08x}.css">'
                  for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.8:
            for loc in self.locales.values():
                parts.append(f'<link rel="alternate" hreflang="{loc["locale"]}" href="{self.home(loc)}">')
            parts.append(f'<link rel="alternate" hreflang="x-default" href="{self.origin}/">')
        org = {"@context": "https://schema.org", "@type": "Organization", "name": self.brand, "url": self.origin,
               "logo": f"{self.origin}/logo.svg",
               "sameAs": [f"https://x.com/{self.brand.lower()}", f"https://t.me/{self.brand.lower()}"]}
        if rng.random() < 0.3:
            org["areaServed"] = rng.sample(["DE", "FR", "ES", "IT", "NL", "PL", "PT", "AT", "BE", "SE", "Worldwide"],
                                           4)
        parts.append(f'<script type="application/ld+json">{json.dumps(org, ensure_ascii=False)}</script>')
        faq = {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
            for q, a in ((item["question"], item["answer"]) for item in lg["faq"])]}
        parts.append(f'<script type="application/ld+json">{json.dumps(faq, ensure_ascii=False)}</script>')
        parts.append(
            "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
            "var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
            "j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})"
            f"(window,document,'script','dataLayer','GTM-{rng.randrange(16**6):06X}');</script>")
        parts.append("{CSS}")
        return "<head>" + "\n".join(parts) + "</head>"

    # --- body sections ----------------------------------------------------------------------------------------
    def header(self) -> str:
        lg, rng = self.lang, self.rng
        nav = (self.locales["en"]["nav"] if self.english_chrome else lg["nav"])
        coins = "".join(
            f'<li><a class="{self.cls(4)}" href="{self.href("price/" + name.lower().replace(" ", "-"))}">'
            f'<img src="/icons/{sym.lower()}.svg" alt="" width="20" height="20"><span>{name}</span> '
            f'<span class="text-slate-400">{sym}</span></a></li>'
            for name, sym, _ in self.coins[: round(len(self.coins) * self.rich)])
        learn = "".join(
            f'<li><a class="{self.cls(3)}" href="{self.href("learn/article-" + str(i))}">'
            f'{esc(item["question"])}</a></li>'
            for i, item in enumerate(lg["faq"]))
        items = []
        for i, label in enumerate(nav[:8]):
            menu = ""
            if i == 0 and coins:
                menu = f'<div class="{self.cls(5)}"><ul class="grid grid-cols-2 gap-2">{coins}</ul></div>'
            elif i == 4 and self.rich > 0.3:
                menu = f'<div class="{self.cls(5)}"><ul>{learn}</ul></div>'
            items.append(f'<li class="{self.cls(3)}"><a class="{self.cls(6)}" href="{self.href(f"section-{i}")}">'
                         f"{esc(label)}</a>{menu}</li>")
        switcher = self.switcher() if rng.random() < 0.5 + 0.3 * self.rich else ""
        picker = self.picker() if rng.random() < 0.3 + 0.3 * self.rich else ""
        return (f'<header class="{self.cls(6)}"><div class="{self.cls(5)}">'
                f'<a href="{self.href("")}" aria-label="{self.brand}">'
                f"{self.icon()}<span>{self.brand}</span></a>"
                f'<nav aria-label="Main"><ul class="{self.cls(4)}">{"".join(items)}</ul></nav>'
                f"{switcher}{picker}"
                f'<a class="{self.cls(4)}" href="https://app.{self.brand.lower()}.com/login">{esc(nav[8])}</a>'
                f'<a class="{self.cls(6)}" href="{self.signup_href()}">{esc(nav[9])}</a></div></header>')

    def switcher(self) -> str:
        links = "".join(
            f'<li><a hreflang="{loc["locale"]}" href="{self.home(loc)}" class="{self.cls(3)}">'
            f'{esc(loc["endonym"])}</a></li>'
            for loc in self.locales.values())
        return ('<div class="relative"><button type="button" aria-haspopup="true">'
                f'{esc(self.lang["endonym"])}</button>'
                f'<ul class="{self.cls(5)}" role="menu">{links}</ul></div>')

    def picker(self) -> str:
        options = "".join(
            f'<option value="{o[:3]}"{" selected" if o[:3] == self.lang["currency"] else ""}>{esc(o)}</option>'
            for o in self.copy["currency_picker"])
        return ('<label class="sr-only" for="ccy">Currency</label>'
                f'<select id="ccy" name="currency" class="{self.cls(4)}">{options}</select>')

    def signup_href(self) -> str:
        r = self.rng.random()
        if r < 0.15:
            return f"{self.origin}/join/{self.code}"
        if r < 0.25:
            return f"https://app.{self.brand.lower()}.com/signup?ref={self.code}&utm_source=site"
        return f"https://app.{self.brand.lower()}.com/signup?lang={self.lang['locale']}"

    def hero(self) -> str:
        lg, rng = self.lang, self.rng
        cta = lg["cta"]
        bullets = "".join(f"<li>{self.icon()}<span>{esc(s)}</span></li>" for s in rng.sample(lg["steps"], 2))
        return (f'<section class="{self.cls(6)}"><div class="{self.cls(4)}">'
                f"<h1 class=\"{self.cls(4)}\">{esc(rng.choice(lg['hero_title']))}</h1>"
                f"<p class=\"{self.cls(4)}\">{esc(' '.join(lg['hero_text']))}</p><ul>{bullets}</ul>"
                f'<div class="{self.cls(3)}"><a class="{self.cls(7)}" href="{self.signup_href()}">{esc(cta[0])}</a>'
                f'<a class="{self.cls(7)}" href="{self.href("buy-bitcoin")}">{esc(cta[1])}</a></div>'
                f'<div class="{self.cls(3)}"><a href="https://apps.apple.com/app/id{rng.randrange(10**9, 10**10)}">'
                f'<img alt="App Store" src="/badges/app-store-{self.key}.svg" width="120" height="40"></a>'
                f'<a href="https://play.google.com/store/apps/details?id=com.{self.brand.lower()}.app">'
                f'<img alt="Google Play" src="/badges/google-play-{self.key}.svg" width="135" height="40"></a></div>'
                f'</div><picture><source srcset="/img/hero-{self.key}.avif" type="image/avif">'
                f'<img src="/img/hero-{self.key}.webp" alt="" width="640" height="480" loading="eager"></picture>'
                "</section>")

    def markets(self) -> str:
        lg, rng = self.lang, self.rng
        head = "".join(f'<th scope="col" class="{self.cls(3)}">{esc(h)}</th>' for h in lg["table"])
        rows = []
        for name, sym, usd in self.coins[: rng.randint(5, 7 + round(10 * self.rich))]:
            price = usd * (1 + rng.uniform(-0.03, 0.03))
            decimals = 8 if price < 0.01 else 4 if price < 1 else 2
            change = rng.uniform(-6, 6)
            cap = self.money(price * rng.uniform(1e8, 2e10), 0)
            rows.append(f'<tr class="{self.cls(3)}"><td>'
                        f'<a href="{self.href("price/" + name.lower().replace(" ", "-"))}">'
                        f'<img src="/icons/{sym.lower()}.svg" alt="{sym}" width="24" height="24"> {name} '
                        f"<span>{sym}</span></a></td>"
                        f"<td>{esc(self.money(price, decimals))}</td>"
                        f'<td class="{"text-green-600" if change >= 0 else "text-red-600"}">{change:+.2f}%</td>'
                        f"<td>{esc(cap)}</td>"
                        f'<td><a class="{self.cls(4)}" href="{self.href("trade/" + sym + "-" + lg["currency"])}">'
                        f'{esc(lg["nav"][2])}</a></td></tr>')
        quote = lg["currency"] if lg["currency"] != "USD" else "USDT"
        pairs = " · ".join(f"{sym}/{quote}" for _, sym, _ in self.coins[:6] if sym not in ("USDT", "USDC"))
        return (f'<section id="markets" class="{self.cls(5)}">'
                f'<h2 class="{self.cls(3)}">{esc(lg["markets_title"])}</h2>'
                f'<div class="overflow-x-auto"><table class="{self.cls(4)}"><thead><tr>{head}<th></th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div><p class="{self.cls(3)}">{esc(pairs)}</p></section>')

    def features(self) -> str:
        lg, rng = self.lang, self.rng
        items = rng.sample(lg["features"], len(lg["features"]))
        cards = "".join(f'<div class="{self.cls(5)}">{self.icon()}<h3 class="{self.cls(3)}">{esc(t)}</h3>'
                        f'<p class="{self.cls(3)}">{esc(x)}</p><a href="{self.href("features")}">→</a></div>'
                        for t, x in ((i["title"], i["text"]) for i in items))
        return (f'<section class="{self.cls(5)}"><h2 class="{self.cls(3)}">{esc(lg["hero_title"][1])}</h2>'
                f'<div class="grid {self.cls(3)}">{cards}</div></section>')

    def promo(self) -> str:
        lg = self.lang
        bonus = lg["bonus"]
        return (f'<section class="{self.cls(5)}"><h2>{esc(lg["cta"][1])}</h2>'
                f'<p class="{self.cls(3)}">{esc(bonus[0])}</p><p class="{self.cls(3)}">{esc(bonus[1])}</p>'
                f'<a class="{self.cls(6)}" href="{self.signup_href()}">{esc(lg["cta"][0])}</a>'
                f'<p class="text-xs"><a href="{self.href("promotions/terms")}">{esc(lg["legal_links"][0])}</a></p>'
                "</section>")

    def steps(self) -> str:
        lg = self.lang
        items = "".join(f'<li class="{self.cls(4)}"><span class="step">{i}</span><p>{esc(s)}</p></li>'
                        for i, s in enumerate(lg["steps"], 1))
        return (f'<section class="{self.cls(5)}"><h2>{esc(lg["steps_title"])}</h2>'
                f'<ol class="{self.cls(3)}">{items}</ol></section>')

    def fees(self) -> str:
        lg, rng = self.lang, self.rng
        english = lg["money"]["style"] == "en"
        values = ("0.10%" if english else "0,10 %", self.money(0, 2), "1.49%" if english else "1,49 %",
                  self.money(rng.choice((0.0, 2.5, 5.0)), 2))
        rows = "".join(f"<tr><th scope=\"row\">{esc(label)}</th><td>{esc(value)}</td></tr>"
                       for label, value in zip(lg["fee_labels"], values, strict=True))
        rails = lg["payments"].format(rails=lg["rails"])
        logos = "".join(f'<img src="/pay/{n}.svg" alt="{n}" width="48" height="32">'
                        for n in ("visa", "mastercard", "applepay", "googlepay"))
        return (f'<section id="fees" class="{self.cls(5)}"><h2>{esc(lg["fees_title"])}</h2>'
                f'<table class="{self.cls(3)}">{rows}</table>'
                f'<p class="{self.cls(3)}">{esc(rails)}</p><div class="{self.cls(3)}">{logos}</div></section>')

    def security(self) -> str:
        lg = self.lang
        return (f'<section class="{self.cls(5)}">{self.icon()}<h2>{esc(lg["nav"][6])}</h2>'
                f'<p class="{self.cls(3)}">{esc(lg["security"])}</p></section>')

    def learn(self) -> str:
        lg = self.lang
        cards = "".join(f'<article class="{self.cls(4)}"><img src="/blog/{i}.webp" alt="" loading="lazy">'
                        f'<h3><a href="{self.href("learn/article-" + str(i))}">{esc(item["question"])}</a></h3>'
                        f'<p>{esc(item["answer"])}</p></article>' for i, item in enumerate(lg["faq"]))
        return (f'<section class="{self.cls(5)}"><h2>{esc(lg["nav"][4])}</h2>'
                f'<div class="grid {self.cls(3)}">{cards}</div></section>')

    def faq(self) -> str:
        lg = self.lang
        items = "".join(f'<details class="{self.cls(4)}"><summary class="{self.cls(3)}">{esc(item["question"])}'
                        f'</summary><p>{esc(item["answer"])}</p></details>' for item in lg["faq"])
        return f'<section id="faq" class="{self.cls(5)}"><h2>{esc(lg["faq_title"])}</h2>{items}</section>'

    def partner(self) -> str:
        lg = self.lang
        href = (f"https://partners.{self.brand.lower()}.com/r/{self.code}" if self.rng.random() < 0.5
                else f"https://partners.{self.brand.lower()}.com/")
        return (f'<section class="{self.cls(5)}"><p class="{self.cls(3)}">{esc(lg["partner"])}</p>'
                f'<a class="{self.cls(5)}" href="{href}">{esc(lg["cta"][0])}</a></section>')

    def newsletter(self) -> str:
        text, placeholder = self.lang["newsletter"]["text"], self.lang["newsletter"]["placeholder"]
        return (f'<section class="{self.cls(5)}"><p>{esc(text)}</p><form action="/api/newsletter" method="post">'
                f'<input type="email" name="email" placeholder="{attr(placeholder)}" required>'
                '<button type="submit">→</button></form></section>')

    def footer(self) -> str:
        lg, rng = self.lang, self.rng
        nav, heads, legal = lg["nav"], lg["footer"], lg["legal_links"]
        columns = [
            [(heads[0], None)] + [(x, self.href(x.lower())) for x in ("Blog", "Careers", "Press", "Status")],
            [(heads[1], None)] + [(x, self.href(f"product-{i}")) for i, x in enumerate(nav[:6])]
            + [("API", "https://docs." + self.brand.lower() + ".com/api")],
            [(heads[2], None)] + [(x, self.href(f"legal/{i}")) for i, x in enumerate(legal)],
            [(heads[3], None)] + [(x, self.href(f"help/{i}")) for i, x in enumerate(lg["fee_labels"] + [nav[7]])],
        ]
        columns = [c[: 4 + round(4 * self.rich)] for c in columns]
        cols = "".join(
            f'<div class="{self.cls(3)}"><h4>{esc(c[0][0])}</h4><ul>'
            + "".join(f'<li><a class="{self.cls(3)}" href="{h}">{esc(t)}</a></li>' for t, h in c[1:])
            + "</ul></div>" for c in columns)
        social = "".join(f'<a href="https://{site}/{self.brand.lower()}" aria-label="{site}">{self.icon()}</a>'
                         for site in SOCIAL_SITES[: 3 + round(4 * self.rich)])
        regions = [lg["region"]] + rng.sample(self.copy["extra_phone_regions"], rng.randint(1, 3))
        phones = []
        for region in regions:
            printed, e164 = _phone(rng, region)
            phones.append(f'<li><span>{region}</span> <a href="tel:{e164}">{esc(printed)}</a></li>'
                          if rng.random() < 0.6 else f"<li><span>{region}</span> {esc(printed)}</li>")
        if rng.random() < 0.2:
            e164 = _phone(rng, lg["region"] if lg["region"] != "US" else "IE")[1]
            phones.append(f'<li><a href="https://wa.me/{e164[1:]}">WhatsApp</a></li>')
        legal_text = [lg["risk"], lg["company"].format(brand=self.brand)]
        if rng.random() < 0.3:
            legal_text.append(lg["disclaimer"])
        if self.key != "en" and rng.random() < 0.25:
            legal_text.append(self.locales["en"]["risk"])
        legal_html = "".join(f'<p class="{self.cls(3)}">{esc(t)}</p>' for t in legal_text)
        switcher = self.switcher() if rng.random() < 0.2 + 0.4 * self.rich else ""
        return (f'<footer class="{self.cls(6)}"><div class="grid {self.cls(4)}">{cols}</div>'
                f'<div class="{self.cls(4)}"><ul class="{self.cls(3)}">{"".join(phones)}</ul>'
                f'<a href="mailto:support@{self.brand.lower()}.com">support@{self.brand.lower()}.com</a></div>'
                f'<div class="{self.cls(4)}">{social}</div>{switcher}<div class="{self.cls(3)}">{legal_html}</div>'
                f'<p class="text-xs">© 2025 {self.brand} Ltd.</p></footer>')

    def cookie_banner(self) -> str:
        text, button = self.lang["cookie"]["text"], self.lang["cookie"]["accept"]
        return (f'<div id="cookie-banner" role="dialog" class="{self.cls(6)}"><p>{esc(text)} '
                f'<a href="{self.href("legal/2")}">{esc(self.lang["legal_links"][2])}</a></p>'
                f'<button type="button" class="{self.cls(4)}">{esc(button)}</button></div>')

    # --- filler: what makes real pages heavy --------------------------------------------------------------
    def css(self, budget: int) -> str:
        rng, out, size = self.rng, [":root{--brand:#0b5cff;--ink:#0b1220;--muted:#64748b}",
                                     "*,:after,:before{box-sizing:border-box;border:0 solid #e5e7eb}"], 0
        props = ("display:flex", "align-items:center", "margin:0 auto", "padding:12px 16px", "color:var(--ink)",
                 "font:600 14px/1.5 Inter,system-ui,sans-serif", "border-radius:12px", "background:#fff",
                 "box-shadow:0 1px 2px rgba(0,0,0,.05)", "transition:background-color .15s ease", "gap:1rem",
                 "grid-template-columns:repeat(3,minmax(0,1fr))", "max-width:80rem", "overflow:hidden",
                 "text-overflow:ellipsis", "white-space:nowrap", "position:relative", "z-index:10")
        while size < budget:
            sel = f".{rng.choice(TW).replace(':', '_')}-{rng.randrange(16**4):04x}"
            if rng.random() < 0.2:
                sel += f":hover,.{rng.choice(TW).replace(':', '_')}-{rng.randrange(16**4):04x}>a"
            rule = sel + "{" + ";".join(rng.sample(props, rng.randint(2, 6))) + "}"
            if rng.random() < 0.1:
                rule = f"@media (min-width:{rng.choice((640, 768, 1024, 1280))}px){{{rule}}}"
            out.append(rule)
            size += len(rule)
        return "<style>" + "".join(out) + "</style>"

    def scripts(self, budget: int) -> str:
        rng, lg = self.rng, self.lang
        strings = [s for key in ("hero_title", "hero_text", "cta", "nav", "steps", "bonus", "fee_labels")
                   for s in lg[key]]
        strings += [x for item in lg["features"] for x in (item["title"], item["text"])]
        strings += [x for item in lg["faq"] for x in (item["question"], item["answer"])]
        messages, size, n = {}, 0, 0
        while size < budget * 0.55:
            s = rng.choice(strings)
            section = rng.choice(("home", "nav", "markets", "earn", "auth", "footer"))
            messages[f"{section}.{rng.randrange(16**5):05x}"] = s
            size += len(s.encode()) + 16
            n += 1
        tickers = [{"s": sym, "p": round(usd, 6), "c": round(rng.uniform(-5, 5), 2)} for _, sym, usd in self.coins]
        state = {"props": {"pageProps": {"locale": lg["locale"], "messages": messages, "tickers": tickers}},
                 "page": "/[locale]", "buildId": f"{rng.randrange(16**12):012x}", "isFallback": False}
        code, csize = [], 0
        while csize < budget * 0.45:
            a, b = rng.randrange(9999), rng.randrange(9999)
            chunk = rng.choice((
                f"function n{a}(e,t){{var r=e.length;for(var o=0;o<r;o++){{if(e[o].id===t)return e[o]}}return null}}",
                f"var c{a}=function(e){{return e&&e.__esModule?e:{{default:e}}}};",
                f"t.d(r,{{Z:function(){{return i{b}}}}});var i{b}=(0,o.memo)(function(e){{return(0,a.jsx)(\"div\","
                f"{{className:\"x{b}\",children:e.children}})}});",
                f"window.__bq=window.__bq||[];window.__bq.push([\"event\",\"view_{a}\",{{ts:Date.now(),v:{b}}}]);",
                f"if(\"IntersectionObserver\"in window){{var io{a}=new IntersectionObserver(function(e){{e.forEach("
                "function(x){x.isIntersecting&&x.target.classList.add(\"in\")})})}",
            ))
            code.append(chunk)
            csize += len(chunk)
        return (f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state, ensure_ascii=False)}</script>'
                f'<script>{"".join(code)}</script>'
                f'<script src="/_next/static/chunks/main-{rng.randrange(16**8):08x}.js" defer></script>'
                '<noscript><img height="1" width="1" style="display:none" '
                'src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"></noscript>')

    def write(self) -> ExchangePage:
        rng = self.rng
        sections = [self.hero(), self.markets(), self.features()]
        optional = [(self.promo, 0.7), (self.steps, 0.8), (self.fees, 0.6), (self.security, 0.7), (self.learn, 0.5),
                    (self.faq, 0.8), (self.partner, 0.35), (self.newsletter, 0.6)]
        sections += [make() for make, p in optional if rng.random() < p * (0.6 + 0.4 * self.rich)]
        head, header, footer, cookie = self.head(), self.header(), self.footer(), self.cookie_banner()

        def assemble() -> str:
            body = (f'<body class="{self.cls(4)}"><a class="sr-only" href="#main">Skip</a>{header}'
                    f'<main id="main">{"".join(sections)}</main>{footer}{cookie}{{SCRIPTS}}</body>')
            return (f'<!DOCTYPE html><html lang="{self.lang["locale"]}" dir="ltr" class="scroll-smooth">'
                    f"{head}{body}</html>")

        doc = assemble()
        while len(doc.encode()) > self.target - 4096 and len(sections) > 3:  # a lean page has fewer sections
            sections.pop(rng.randrange(3, len(sections)))
            doc = assemble()
        filler = max(3072, self.target - len(doc.encode()))
        css_share = rng.uniform(0.3, 0.5)
        doc = doc.replace("{CSS}", self.css(int(filler * css_share)), 1)
        doc = doc.replace("{SCRIPTS}", self.scripts(int(filler * (1 - css_share))), 1)
        return ExchangePage(self.url, self.requested_url, self.key, doc.encode("utf-8"))


def exchange_pages(copy: dict, n: int, seed: int) -> list[ExchangePage]:
    """`n` exchange landing pages written from `copy` (benchmarks/data/exchange_pages.yaml with its `locales`
    replaced by each locale's copy, in order): every locale once, then drawn at random, English weighted; 20 to 62
    KiB each."""
    rng = random.Random(seed)
    keys = list(copy["locales"])
    weights = [copy["english_weight"] if k == "en" else 1.0 for k in keys]
    pages = []
    for i in range(n):
        key = keys[i] if i < len(keys) else rng.choices(keys, weights)[0]  # every locale at least once
        target = int(min(62, max(19, rng.triangular(16, 64, 34))) * 1024)
        pages.append(_ExchangePageWriter(copy, random.Random(rng.randrange(2**32)), key, target).write())
    return pages


# ---------------------------------------------------------------------------------------------------------------
# A linked site
# ---------------------------------------------------------------------------------------------------------------

LINKED_HOST = "render-bench.com"
LINKED_SEED = 20250301
LINKED_BRANCHING = 5
LINKED_SECTIONS = ("markets", "learn", "earn", "fees", "security", "support")
LINKED_COINS = [("Bitcoin", "BTC", 61240.5), ("Ethereum", "ETH", 3120.4), ("Solana", "SOL", 142.7),
                ("Cardano", "ADA", 0.46), ("Ripple", "XRP", 0.52), ("Polkadot", "DOT", 6.81), ("Litecoin", "LTC", 71.3),
                ("Chainlink", "LINK", 14.2), ("Avalanche", "AVAX", 27.9), ("Polygon", "MATIC", 0.71),
                ("Stellar", "XLM", 0.11), ("Tezos", "XTZ", 0.93)]
SUBJECTS = ["Our platform", "The exchange", "Every account", "Your portfolio", "The mobile app", "Our support team",
            "Each order", "The fee schedule", "Cold storage", "Two-factor authentication", "The order book",
            "A recurring buy", "Staking rewards", "The price alert", "Your wallet", "The trading desk"]
VERBS = ["keeps", "protects", "shows", "lets you track", "settles", "records", "updates", "explains", "compares",
         "simplifies", "secures", "reports", "matches", "schedules", "rewards", "limits"]
OBJECTS = ["every trade in real time", "the assets you hold with us", "your deposits in euro and dollars",
           "the spread on each market", "withdrawals to external wallets", "the history of your orders",
           "your tax statement for the year", "price movements across 200 markets", "the fees before you confirm",
           "staking rewards paid every week", "the risks of leveraged products", "limit and stop orders",
           "bank transfers by SEPA and card payments", "the network fee of each blockchain", "login attempts",
           "the interest earned on stablecoins"]
TAILS = ["without hidden costs.", "so that nothing is left to chance.", "with the same care on every device.",
         "and you can change it at any time.", "as regulators expect.", "before any money moves.",
         "and sends you a receipt by e-mail.", "in line with our terms of service.", "around the clock.",
         "for beginners and professionals alike."]
LINKED_TITLES = ["How to buy {coin} safely", "{coin} price explained", "What moves the price of {coin}",
                 "Staking {coin}: rewards and risks", "{coin} fees compared", "Storing {coin} in cold wallets",
                 "A beginner's guide to {coin}", "Recurring buys of {coin}", "{coin} network upgrades in brief",
                 "Taxes on {coin} gains"]
LINKED_FAQ = [
    ("Is my money safe?", "Client assets are held separately from company funds, 95 % of them in cold storage."),
    ("How long do withdrawals take?", "Crypto withdrawals leave within minutes; bank transfers take 1-2 days."),
    ("Which payment methods can I use?", "Bank transfer, debit and credit cards, and a few e-wallets."),
    ("Are there deposit fees?", "Bank transfers are free; card deposits cost 1.5 % of the amount."),
    ("Can I close my account?", "Yes, at any time from the settings page, after withdrawing your balance."),
    ("Do you offer customer support?", "Our team answers by chat and e-mail every day of the week."),
]

LINKED_CSS = """
:root{--ink:#14161a;--muted:#5b6270;--accent:#2457f5;--bg:#f7f8fb;--card:#fff;--line:#e3e6ee}
*{box-sizing:border-box}body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--ink);background:var(--bg)}a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
header.site{display:flex;align-items:center;gap:24px;padding:14px 32px;background:var(--card);
border-bottom:1px solid var(--line);position:sticky;top:0;z-index:10}header.site .logo{font-weight:800;font-size:20px}
nav.main ul{display:flex;gap:18px;list-style:none;margin:0;padding:0}nav.main li{position:relative}
nav.main .mega{display:none;position:absolute;top:100%;left:0;background:var(--card);border:1px solid var(--line);
padding:16px;min-width:420px;grid-template-columns:repeat(3,1fr);gap:8px}nav.main li:hover .mega{display:grid}
.hero{padding:56px 32px;background:linear-gradient(120deg,#0d1b4c,#2457f5);color:#fff}.hero h1{font-size:40px;
margin:0 0 12px}.hero p{max-width:640px;font-size:18px;opacity:.9}.cta{display:inline-block;padding:12px 22px;
border-radius:8px;background:#fff;color:#0d1b4c;font-weight:700;margin-right:12px}main{max-width:1120px;
margin:0 auto;padding:32px}section{margin:40px 0}.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:20px}table{width:100%;
border-collapse:collapse;background:var(--card)}th,td{padding:10px 12px;border-bottom:1px solid var(--line);
text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}.up{color:#0a8a4a}.down{color:#c6283b}
article p{max-width:760px}details{background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:12px 16px;margin:8px 0}footer{background:#0d1b4c;color:#cfd6ea;padding:40px 32px;font-size:14px}
footer .cols{display:grid;grid-template-columns:repeat(4,1fr);gap:24px}footer a{color:#fff}
.cookie{position:fixed;bottom:16px;left:16px;right:16px;background:var(--card);border:1px solid var(--line);
border-radius:12px;padding:16px;box-shadow:0 8px 24px rgba(0,0,0,.12);display:flex;gap:16px;align-items:center}
@media (max-width:760px){.cards{grid-template-columns:1fr}footer .cols{grid-template-columns:1fr 1fr}
header.site{flex-wrap:wrap}nav.main .mega{min-width:0}}
"""

BUILD_JS = """
(function () {
  var state = JSON.parse(document.getElementById("__STATE__").textContent);
  function fmt(n) { return n.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2}); }
  var rows = state.prices.map(function (p) {
    var cls = p.change >= 0 ? "up" : "down";
    return "<tr><td>" + p.name + " (" + p.symbol + ")</td><td class=num>$" + fmt(p.price) +
      "</td><td class='num " + cls + "'>" + (p.change >= 0 ? "+" : "") + p.change.toFixed(2) + " %</td>" +
      "<td><a href='" + p.href + "'>Trade " + p.symbol + "</a></td></tr>";
  });
  document.getElementById("prices").innerHTML =
    "<table><thead><tr><th>Asset</th><th>Price</th><th>24 h</th><th></th></tr></thead><tbody>" +
    rows.join("") + "</tbody></table>";
  var related = document.getElementById("related");
  state.related.forEach(function (r) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = r.href; a.textContent = r.title; li.appendChild(a); related.appendChild(li);
  });
  var total = 0;
  for (var i = 0; i < 20000; i++) { total += Math.sqrt(i) * (i % 7); }
  document.getElementById("stats").textContent =
    "Computed in your browser: " + state.prices.length + " markets, index " + Math.round(total % 1000) + ".";
  if (!localStorage.getItem("cookies-ok")) {
    var banner = document.createElement("div");
    banner.className = "cookie";
    banner.innerHTML = "<p>We use cookies to keep you signed in and to measure how our pages are used.</p>" +
      "<button type=button>Accept</button>";
    document.body.appendChild(banner);
  }
})();
"""

SHARED_JS = """/* site bundle (shared by every page) */
window.dataLayer = window.dataLayer || [];
function gtag(){ dataLayer.push(arguments); }
gtag("js", new Date()); gtag("config", "G-BENCH0001");
document.addEventListener("click", function (e) {
  var a = e.target.closest && e.target.closest("a[data-track]");
  if (a) { dataLayer.push({event: "nav", target: a.getAttribute("data-track")}); }
});
"""


def _linked_path(n: int) -> str:
    return "/" if n == 0 else f"/{LINKED_SECTIONS[n % len(LINKED_SECTIONS)]}/article-{n:03d}.html"


def _coin_page(k: int, pages: int) -> str:
    """Every link on the site leads to one of its pages: a dead link would spend the crawl's page budget."""
    return _linked_path(1 + (13 * k) % (pages - 1))


def _linked_targets(n: int, pages: int, rng: random.Random) -> list[int]:
    """Children in a 5-ary tree (all pages within depth ceil(log5 N)), the nav's section pages, two related."""
    children = [c for c in range(LINKED_BRANCHING * n + 1, LINKED_BRANCHING * n + LINKED_BRANCHING + 1) if c < pages]
    related = rng.sample(range(1, pages), k=min(2, pages - 1))
    return children + [r for r in related if r != n]


def _prose(rng: random.Random, sentences: int) -> str:
    return " ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
                    for _ in range(sentences))


def _linked_page(n: int, pages: int, rng: random.Random) -> str:
    coin, symbol, _ = LINKED_COINS[n % len(LINKED_COINS)]
    title = "Render Bench Exchange: buy and sell crypto" if n == 0 else rng.choice(LINKED_TITLES).format(coin=coin)
    links = _linked_targets(n, pages, rng)
    nav_pages = [p for p in range(1, min(pages, len(LINKED_SECTIONS) + 1))]
    esc = html.escape  # quotes too, unlike the exchange pages' esc
    out = [f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | Render Bench</title>
<meta name="description" content="{esc(_prose(rng, 1))}">
<meta property="og:title" content="{esc(title)}"><meta property="og:type" content="article">
<meta property="og:url" content="https://{LINKED_HOST}{_linked_path(n)}">\
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="https://{LINKED_HOST}{_linked_path(n)}">
<link rel="stylesheet" href="/assets/site.css">
<style>{LINKED_CSS}</style>
<script src="/assets/app.js"></script>
</head><body>
<header class="site"><a class="logo" href="/">Render Bench</a><nav class="main"><ul>"""]
    for i, p in enumerate(nav_pages):
        mega = "".join(f'<a data-track="coin" href="{_coin_page(k, pages)}">{esc(c)}</a>'
                       for k, (c, _, _) in enumerate(LINKED_COINS) if i * 2 <= k < i * 2 + 6)
        section = LINKED_SECTIONS[p % len(LINKED_SECTIONS)]
        out.append(f'<li><a data-track="nav" href="{_linked_path(p)}">{section.title()}</a>'
                   f'<div class="mega">{mega}</div></li>')
    out.append(f'</ul></nav><a class="cta" href="{_linked_path(1)}">Sign up</a></header>')
    out.append(f"""<div class="hero"><h1>{esc(title)}</h1><p>{esc(_prose(rng, 2))}</p>
<a class="cta" href="{_linked_path(1)}">Create an account</a>\
<a class="cta" href="{_linked_path(2 % pages)}">Download the app</a></div>
<main><section><h2>Markets today</h2><div id="prices"><p>Loading prices...</p></div><p id="stats"></p></section>
<article><h2>{esc(coin)} in depth</h2>""")
    for _ in range(rng.randint(8, 36)):
        out.append(f"<h3>{esc(_prose(rng, 1)[:60].rstrip())}</h3><p>{esc(_prose(rng, rng.randint(5, 9)))}</p>")
    out.append("</article><section><h2>Read next</h2><ul>")
    for target in links:
        t_title = LINKED_TITLES[target % len(LINKED_TITLES)].format(coin=LINKED_COINS[target % len(LINKED_COINS)][0])
        out.append(f'<li><a href="{_linked_path(target)}">{esc(t_title)}</a></li>')
    out.append("""</ul><h3>Related articles</h3><ul id="related"></ul></section>
<section><h2>Fees</h2><table><thead><tr><th>Service</th><th>Fee</th><th>Notes</th></tr></thead><tbody>""")
    for service, fee in (("Buy and sell", "0.49 %"), ("Limit orders (maker)", "0.10 %"), ("Limit orders (taker)",
                         "0.20 %"), ("SEPA deposit", "free"), ("Card deposit", "1.50 %"), ("Crypto withdrawal",
                         "network fee")):
        out.append(f"<tr><td>{service}</td><td class=num>{fee}</td><td>{esc(_prose(rng, 1))}</td></tr>")
    out.append("</tbody></table></section><section><h2>Frequently asked questions</h2>")
    for q, a in rng.sample(LINKED_FAQ, k=4):
        out.append(f"<details><summary>{esc(q)}</summary><p>{esc(a)} {esc(_prose(rng, 2))}</p></details>")
    state = {"page": n, "coin": symbol,
             "prices": [{"name": c, "symbol": s, "price": round(p * rng.uniform(0.97, 1.03), 4),
                         "change": round(rng.uniform(-6, 6), 2), "href": _coin_page(k, pages)}
                        for k, (c, s, p) in enumerate(LINKED_COINS)],
             "related": [{"href": _linked_path(r), "title": LINKED_TITLES[(r + 3) % len(LINKED_TITLES)].format(
                 coin=LINKED_COINS[r % len(LINKED_COINS)][0])}
                 for r in rng.sample(range(1, pages), k=min(4, pages - 1))],
             "copy": [_prose(rng, 3) for _ in range(6)]}
    out.append("""</section></main>
<footer><div class="cols">""")
    for heading in ("Company", "Products", "Learn", "Legal"):
        items = "".join(f'<li><a href="{_linked_path((7 + k) % pages)}">{w.title()}</a></li>'
                        for k, w in enumerate(("about", "careers", "press", "contact", "terms", "privacy")))
        out.append(f"<div><h4>{heading}</h4><ul>{items}</ul></div>")
    out.append(f"""</div><p>Crypto-assets are volatile and you may lose the money you invest. {esc(_prose(rng, 2))}</p>
<p>Render Bench Ltd is a made-up company for footprint's memory benchmark.</p></footer>
<script id="__STATE__" type="application/json">{json.dumps(state)}</script>
<script>{BUILD_JS}</script>
</body></html>
""")
    return "\n".join(out)


def write_linked_site(root: Path, pages: int, seed: int = LINKED_SEED) -> dict:
    """root/render-bench.com/... for the sandbox web; returns size figures (pages, min/median/max KiB, MiB)."""
    rng = random.Random(seed)
    files: dict[str, str | bytes] = {}
    for n in range(pages):
        files[_linked_path(n)] = _linked_page(n, pages, rng).encode("utf-8")
    sizes = sorted(len(body) for body in files.values())
    files["assets/site.css"] = LINKED_CSS * 4
    files["assets/app.js"] = SHARED_JS
    write_host(root, LINKED_HOST, files)
    return {"pages": pages, "min_kib": sizes[0] / 1024, "median_kib": sizes[len(sizes) // 2] / 1024,
            "max_kib": sizes[-1] / 1024, "total_mib": sum(sizes) / 2**20}


def linked_site_depth(pages: int) -> int:
    """The link depth from the index within which a site of `pages` pages has all of them."""
    depth, reach, layer = 0, 1, 1
    while reach < pages:
        depth += 1
        layer *= LINKED_BRANCHING
        reach += layer
    return depth
