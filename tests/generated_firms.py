"""Made-up crypto firms for batch scans: small websites on the sandbox web and a firms file listing them.

`generate(root, count, unreachable, seed)` writes `count` firms' sites into `root/<host>/...` (the sandbox web's
layout) and returns the path of a firms YAML file (`firms:` plus a shared `scan:` block) listing them. The same
arguments always give the same files. Each site has 2 to 4 pages, an English index linking the others, and the
firms come in three profiles so that a batch index has something to rank:

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
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from crawler.config.profiles import slugify

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

COINS = [("Bitcoin", "BTC", 61240.50), ("Ether", "ETH", 2914.30), ("Solana", "SOL", 140.95),
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
            write_site(root / spec.host, spec, rng)
    entries = []
    for spec in firms:
        url = spec.url if spec.reachable else f"https://unreachable-{spec.number:02d}-{spec.kind}.com/"
        entries.append({"firm": {"name": spec.name, "home_country": spec.home_country},
                        "channels": {"websites": [url]}})
    doc = {"firms": entries,
           "scan": {"visitors": ["DE"], "delay": 0, "max_pages": 5, "max_depth": 2, "screenshots": False}}
    path = root / "firms.yaml"
    header = (f"# {count} made-up firms (tests/generated_firms.py, seed {seed}); the last {unreachable} "
              "unreachable.\n")
    path.write_text(header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------------- the pages


def write_site(site: Path, spec: FirmSpec, rng: random.Random) -> None:
    site.mkdir(parents=True, exist_ok=True)
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    (site / "index.html").write_text(index_page(spec, rng), encoding="utf-8")
    for extra in spec.extras:
        (site / f"{extra}.html").write_text(english_page(spec, extra, rng), encoding="utf-8")
    for locale in spec.locales:
        (site / locale).mkdir(exist_ok=True)
        (site / locale / "index.html").write_text(local_page(spec, locale, rng), encoding="utf-8")
    if spec.redirect_de:
        (site / "_sandbox.yaml").write_text(
            "# German-speaking visitors asking for the home page are sent to /de/.\n"
            "rules:\n  - path: /\n    when: {accept_language: de}\n    redirect: /de/\n", encoding="utf-8")


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
    for coin, symbol, eur in rng.sample(COINS, 3):
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
