#!/usr/bin/env python3
"""Rendered crawl memory (issue 3): does a `--render always` crawl stay within bounded memory as pages add up?

A seeded generator writes a sandbox site of N linked pages (default 300) on a made-up host, render-bench.com:
an index and N-1 pages of 20-40 KiB of realistic exchange-site HTML (head meta, nav, hero, article prose, a fees
table, FAQ, footer, inline CSS) whose inline JavaScript builds part of the content (a price table, a "related
articles" list, a cookie banner) from an inline JSON state. Every page links to about five others (children in a
5-ary tree, the nav's section pages, two "related" pages), so a breadth-first crawl finds all N within depth 4.
One shared stylesheet and one shared script are served too, as real sites have them.

`footprint scan` then runs against it through the sandbox web (a local forward proxy, no network) in a
subprocess, exactly as a user runs it:

    footprint scan https://render-bench.com/ --proxy SANDBOX --render always --max-pages N --max-depth 10
              --delay 0 --no-screenshots --out DIR

and every 0.5 s the benchmark sums the resident memory (VmRSS from /proc/<pid>/status) of that subprocess's
whole process tree: footprint itself, the crawl child (python -m crawler.crawl.child), Playwright's node driver and
every Chromium process (browser, zygotes, renderers, GPU/utility). RSS counts pages shared between processes once
per process (Chromium's processes share a lot), so PSS (/proc/<pid>/smaps_rollup, shared pages split between
their users) is sampled too: the tree's PSS is what it really costs the machine. The sandbox web runs in this
benchmark's own process and is not counted.

Printed: pages fetched and rendered (from report.json), wall time, pages/min, peak RSS and PSS of the tree,
peak Chromium RSS, and the tree's memory when 25/50/75/100 % of the pages had been fetched, so a reader sees
whether memory grows with pages or stays bounded. The last line is `peak_rss_mib: <x>`.

    .venv/bin/python benchmarks/render_memory.py [--pages 300] [--quick] [--keep DIR] [--interval 0.5]
                                                 [--visitor CC ...]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HOST = "render-bench.com"
SEED = 20250301
BRANCHING = 5
PROGRESS = re.compile(r"^\s+\[(?P<channel>[^\]]+)\] (?P<status>\d{3})(?P<rendered> rendered)?(?: as \S+)? (?P<url>\S+)")
ERROR = re.compile(r"^\s+\[(?P<channel>[^\]]+)\] error (?P<url>\S+): (?P<message>.*)")

# ---------------------------------------------------------------------------------------------------------------
# The site
# ---------------------------------------------------------------------------------------------------------------

SECTIONS = ("markets", "learn", "earn", "fees", "security", "support")
COINS = [("Bitcoin", "BTC", 61240.5), ("Ethereum", "ETH", 3120.4), ("Solana", "SOL", 142.7), ("Cardano", "ADA", 0.46),
         ("Ripple", "XRP", 0.52), ("Polkadot", "DOT", 6.81), ("Litecoin", "LTC", 71.3), ("Chainlink", "LINK", 14.2),
         ("Avalanche", "AVAX", 27.9), ("Polygon", "MATIC", 0.71), ("Stellar", "XLM", 0.11), ("Tezos", "XTZ", 0.93)]
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
TITLES = ["How to buy {coin} safely", "{coin} price explained", "What moves the price of {coin}",
          "Staking {coin}: rewards and risks", "{coin} fees compared", "Storing {coin} in cold wallets",
          "A beginner's guide to {coin}", "Recurring buys of {coin}", "{coin} network upgrades in brief",
          "Taxes on {coin} gains"]
FAQ = [("Is my money safe?", "Client assets are held separately from company funds, 95 % of them in cold storage."),
       ("How long do withdrawals take?", "Crypto withdrawals leave within minutes; bank transfers take 1-2 days."),
       ("Which payment methods can I use?", "Bank transfer, debit and credit cards, and a few e-wallets."),
       ("Are there deposit fees?", "Bank transfers are free; card deposits cost 1.5 % of the amount."),
       ("Can I close my account?", "Yes, at any time from the settings page, after withdrawing your balance."),
       ("Do you offer customer support?", "Our team answers by chat and e-mail every day of the week.")]

CSS = """
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


def page_path(n: int) -> str:
    return "/" if n == 0 else f"/{SECTIONS[n % len(SECTIONS)]}/article-{n:03d}.html"


def coin_page(k: int, pages: int) -> str:
    """Every link on the site leads to one of its pages: a dead link would spend the crawl's page budget."""
    return page_path(1 + (13 * k) % (pages - 1))


def page_links(n: int, pages: int, rng: random.Random) -> list[int]:
    """Children in a 5-ary tree (all pages within depth ceil(log5 N)), the nav's section pages, two related."""
    children = [c for c in range(BRANCHING * n + 1, BRANCHING * n + BRANCHING + 1) if c < pages]
    related = rng.sample(range(1, pages), k=min(2, pages - 1))
    return children + [r for r in related if r != n]


def prose(rng: random.Random, sentences: int) -> str:
    return " ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
                    for _ in range(sentences))


def make_page(n: int, pages: int, rng: random.Random) -> str:
    coin, symbol, _ = COINS[n % len(COINS)]
    title = "Render Bench Exchange: buy and sell crypto" if n == 0 else rng.choice(TITLES).format(coin=coin)
    links = page_links(n, pages, rng)
    nav_pages = [p for p in range(1, min(pages, len(SECTIONS) + 1))]
    esc = html.escape
    out = [f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | Render Bench</title>
<meta name="description" content="{esc(prose(rng, 1))}">
<meta property="og:title" content="{esc(title)}"><meta property="og:type" content="article">
<meta property="og:url" content="https://{HOST}{page_path(n)}"><meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="https://{HOST}{page_path(n)}">
<link rel="stylesheet" href="/assets/site.css">
<style>{CSS}</style>
<script src="/assets/app.js"></script>
</head><body>
<header class="site"><a class="logo" href="/">Render Bench</a><nav class="main"><ul>"""]
    for i, p in enumerate(nav_pages):
        mega = "".join(f'<a data-track="coin" href="{coin_page(k, pages)}">{esc(c)}</a>'
                       for k, (c, _, _) in enumerate(COINS) if i * 2 <= k < i * 2 + 6)
        out.append(f'<li><a data-track="nav" href="{page_path(p)}">{SECTIONS[p % len(SECTIONS)].title()}</a>'
                   f'<div class="mega">{mega}</div></li>')
    out.append(f'</ul></nav><a class="cta" href="{page_path(1)}">Sign up</a></header>')
    out.append(f"""<div class="hero"><h1>{esc(title)}</h1><p>{esc(prose(rng, 2))}</p>
<a class="cta" href="{page_path(1)}">Create an account</a><a class="cta" href="{page_path(2 % pages)}">Download the \
app</a></div>
<main><section><h2>Markets today</h2><div id="prices"><p>Loading prices...</p></div><p id="stats"></p></section>
<article><h2>{esc(coin)} in depth</h2>""")
    for _ in range(rng.randint(8, 36)):
        out.append(f"<h3>{esc(prose(rng, 1)[:60].rstrip())}</h3><p>{esc(prose(rng, rng.randint(5, 9)))}</p>")
    out.append("</article><section><h2>Read next</h2><ul>")
    for target in links:
        t_coin = COINS[target % len(COINS)][0]
        out.append(f'<li><a href="{page_path(target)}">{esc(TITLES[target % len(TITLES)].format(coin=t_coin))}'
                   f"</a></li>")
    out.append("""</ul><h3>Related articles</h3><ul id="related"></ul></section>
<section><h2>Fees</h2><table><thead><tr><th>Service</th><th>Fee</th><th>Notes</th></tr></thead><tbody>""")
    for service, fee in (("Buy and sell", "0.49 %"), ("Limit orders (maker)", "0.10 %"), ("Limit orders (taker)",
                         "0.20 %"), ("SEPA deposit", "free"), ("Card deposit", "1.50 %"), ("Crypto withdrawal",
                         "network fee")):
        out.append(f"<tr><td>{service}</td><td class=num>{fee}</td><td>{esc(prose(rng, 1))}</td></tr>")
    out.append("</tbody></table></section><section><h2>Frequently asked questions</h2>")
    for q, a in rng.sample(FAQ, k=4):
        out.append(f"<details><summary>{esc(q)}</summary><p>{esc(a)} {esc(prose(rng, 2))}</p></details>")
    state = {"page": n, "coin": symbol,
             "prices": [{"name": c, "symbol": s, "price": round(p * rng.uniform(0.97, 1.03), 4),
                         "change": round(rng.uniform(-6, 6), 2), "href": coin_page(k, pages)}
                        for k, (c, s, p) in enumerate(COINS)],
             "related": [{"href": page_path(r), "title": TITLES[(r + 3) % len(TITLES)].format(
                 coin=COINS[r % len(COINS)][0])} for r in rng.sample(range(1, pages), k=min(4, pages - 1))],
             "copy": [prose(rng, 3) for _ in range(6)]}
    out.append("""</section></main>
<footer><div class="cols">""")
    for heading in ("Company", "Products", "Learn", "Legal"):
        items = "".join(f'<li><a href="{page_path((7 + k) % pages)}">{w.title()}</a></li>'
                        for k, w in enumerate(("about", "careers", "press", "contact", "terms", "privacy")))
        out.append(f"<div><h4>{heading}</h4><ul>{items}</ul></div>")
    out.append(f"""</div><p>Crypto-assets are volatile and you may lose the money you invest. {esc(prose(rng, 2))}</p>
<p>Render Bench Ltd is a made-up company for footprint's memory benchmark.</p></footer>
<script id="__STATE__" type="application/json">{json.dumps(state)}</script>
<script>{BUILD_JS}</script>
</body></html>
""")
    return "\n".join(out)


def write_site(root: Path, pages: int, seed: int = SEED) -> dict:
    """ROOT/render-bench.com/... for the sandbox web; returns size figures."""
    rng = random.Random(seed)
    host = root / HOST
    sizes = []
    for n in range(pages):
        path = page_path(n)
        target = host / "index.html" if path == "/" else host / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        body = make_page(n, pages, rng).encode("utf-8")
        target.write_bytes(body)
        sizes.append(len(body))
    (host / "assets").mkdir(parents=True, exist_ok=True)
    (host / "assets" / "site.css").write_text(CSS * 4, encoding="utf-8")
    (host / "assets" / "app.js").write_text(SHARED_JS, encoding="utf-8")
    (host / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    sizes.sort()
    return {"pages": pages, "min_kib": sizes[0] / 1024, "median_kib": sizes[len(sizes) // 2] / 1024,
            "max_kib": sizes[-1] / 1024, "total_mib": sum(sizes) / 2**20}


def max_depth_needed(pages: int) -> int:
    depth, reach, layer = 0, 1, 1
    while reach < pages:
        depth += 1
        layer *= BRANCHING
        reach += layer
    return depth


# ---------------------------------------------------------------------------------------------------------------
# The process tree and its memory
# ---------------------------------------------------------------------------------------------------------------


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def process_tree(root_pid: int) -> list[int]:
    """root_pid and every descendant, from /proc/<pid>/stat (field 4 is the parent)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        stat = _read(f"/proc/{entry.name}/stat")
        if not stat:
            continue
        try:
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _kib(text: str, key: str) -> int:
    match = re.search(rf"^{key}:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


def kind_of(pid: int, root_pid: int) -> str:
    cmdline = _read(f"/proc/{pid}/cmdline").replace("\x00", " ")
    exe = os.path.basename(cmdline.split(" ", 1)[0])
    if "chrom" in exe or "headless_shell" in exe:
        return "chromium"
    if exe == "node" or "/driver/node" in cmdline:
        return "driver"
    if "crawler.crawl.child" in cmdline:
        return "crawl"
    return "footprint" if pid == root_pid else "other"


@dataclass
class Sample:
    t: float
    fetched: int
    rss: dict[str, int]  # KiB per kind
    pss: dict[str, int]
    counts: dict[str, int]  # processes per kind

    @property
    def processes(self) -> int:
        return sum(self.counts.values())

    @property
    def rss_total(self) -> int:
        return sum(self.rss.values())

    @property
    def pss_total(self) -> int:
        return sum(self.pss.values())


@dataclass
class Watch:
    root_pid: int
    interval: float
    start: float = field(default_factory=time.monotonic)
    fetched: int = 0
    rendered: int = 0
    errors: list[str] = field(default_factory=list)
    samples: list[Sample] = field(default_factory=list)
    stderr_tail: list[str] = field(default_factory=list)
    done: threading.Event = field(default_factory=threading.Event)

    def sample(self) -> Sample:
        rss: dict[str, int] = {}
        pss: dict[str, int] = {}
        counts: dict[str, int] = {}
        for pid in process_tree(self.root_pid):
            # Classified afresh each time: a child just forked still shows its parent's command line.
            kind = kind_of(pid, self.root_pid)
            if kind == "other" and not _read(f"/proc/{pid}/cmdline"):
                continue  # a zombie (exited, not yet reaped): no memory
            counts[kind] = counts.get(kind, 0) + 1
            status = _read(f"/proc/{pid}/status")
            rss[kind] = rss.get(kind, 0) + _kib(status, "VmRSS")
            pss[kind] = pss.get(kind, 0) + _kib(_read(f"/proc/{pid}/smaps_rollup"), "Pss")
        return Sample(time.monotonic() - self.start, self.fetched, rss, pss, counts)

    def run_sampler(self) -> None:
        while not self.done.is_set():
            self.samples.append(self.sample())
            self.done.wait(self.interval)

    def read_stderr(self, stream) -> None:
        for line in stream:
            match = PROGRESS.match(line)
            if match:
                if not match["url"].endswith(("/sitemap.xml", ".css", ".js")):
                    self.fetched += 1
                    self.rendered += bool(match["rendered"])
                continue
            match = ERROR.match(line)
            if match:
                self.errors.append(f"{match['url']}: {match['message']}")
                continue
            self.stderr_tail = (self.stderr_tail + [line.rstrip()])[-30:]


def mib(kib: float) -> float:
    return kib / 1024


# ---------------------------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in _read("/proc/cpuinfo").splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    mem = _kib(_read("/proc/meminfo"), "MemTotal")
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip() \
        if Path("/usr/bin/chromium").exists() else "?"
    from importlib.metadata import version

    return (f"{platform.platform()}, CPython {platform.python_version()}, CPU {cpu!r}, nproc {os.cpu_count()}, "
            f"{mib(mem) / 1024:.1f} GiB RAM; {chromium}; playwright {version('playwright')}, scrapy-playwright "
            f"{version('scrapy-playwright')}, Scrapy {version('scrapy')}")


def crawl_settings() -> str:
    from crawler.runs.firm import _browser_settings

    s = _browser_settings(proxied=True)
    from crawler.crawl import settings as defaults

    return (f"PLAYWRIGHT_MAX_CONTEXTS={s['PLAYWRIGHT_MAX_CONTEXTS']}, "
            f"PLAYWRIGHT_MAX_PAGES_PER_CONTEXT={s['PLAYWRIGHT_MAX_PAGES_PER_CONTEXT']}, "
            f"CONCURRENT_REQUESTS={defaults.CONCURRENT_REQUESTS}, "
            f"CONCURRENT_REQUESTS_PER_DOMAIN={defaults.CONCURRENT_REQUESTS_PER_DOMAIN}")


def at_fraction(samples: list[Sample], total: int, fraction: float) -> Sample | None:
    """The first sample taken, while the browser ran, once `fraction` of the pages had been fetched (at 100 %:
    the last sample before the browser closed)."""
    crawling = [s for s in samples if s.rss.get("chromium")]
    if fraction >= 1:
        return crawling[-1] if crawling else None
    goal = fraction * total
    return next((s for s in crawling if s.fetched >= goal), None)


def run(pages: int, interval: float, keep: Path | None, visitors: list[str] | None = None) -> int:
    from crawler.sandbox import SandboxWeb

    workdir = Path(tempfile.mkdtemp(prefix="render-bench-"))
    try:
        web_root, out = workdir / "web", workdir / "out"
        site = write_site(web_root, pages)
        print(f"machine: {machine()}")
        print(f"settings: {crawl_settings()}")
        print(f"site: {HOST}, {site['pages']} pages, {site['min_kib']:.1f}-{site['max_kib']:.1f} KiB each (median "
              f"{site['median_kib']:.1f}), {site['total_mib']:.1f} MiB in all; links {BRANCHING}-ary tree + nav + "
              f"related, all pages within depth {max_depth_needed(pages)}")
        footprint = Path(sys.executable).parent / "footprint"
        with SandboxWeb(web_root) as web:
            cmd = [str(footprint), "scan", f"https://{HOST}/", "--proxy", web.url, "--render", "always",
                   "--max-pages", str(pages), "--max-depth", "10", "--delay", "0", "--no-screenshots",
                   "--out", str(out)]
            for country in visitors or []:
                cmd[-2:-2] = ["--visitor", country]
            print("command: " + " ".join(cmd[:4] + ["SANDBOX"] + cmd[5:-1] + ["OUT"]), flush=True)
            started = time.monotonic()
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
            watch = Watch(proc.pid, interval, start=started)
            sampler = threading.Thread(target=watch.run_sampler, daemon=True)
            reader = threading.Thread(target=watch.read_stderr, args=(proc.stderr,), daemon=True)
            sampler.start()
            reader.start()
            stdout = proc.stdout.read()
            code = proc.wait()
            wall = time.monotonic() - started
            watch.done.set()
            sampler.join()
            reader.join(timeout=5)
        crawl_end = max((s.t for s in watch.samples if s.rss.get("chromium")), default=wall)
        reports = list(out.glob("*/report.json"))
        report = json.loads(reports[0].read_text(encoding="utf-8")) if reports else {}
        channels = report.get("channels", [])
        fetched = sum(c["pages"]["fetched"] for c in channels)
        rendered = sum(len(c["rendered_pages"]) for c in channels)
        failed = sum(c["pages"]["failed"] for c in channels)
        print(f"exit code: {code}")
        if code not in (0, 3):
            print("\n".join(watch.stderr_tail + [stdout[-2000:]]))
        print(f"pages: {fetched} fetched, {rendered} rendered, {failed} failed (report.json); "
              f"{watch.fetched} progress lines (page fetches, one per page and visitor), {len(watch.errors)} errors")
        for error in watch.errors[:5]:
            print(f"  error: {error}")
        print(f"time: {wall:.1f} s wall ({crawl_end:.1f} s until the browser closed), "
              f"{60 * watch.fetched / max(crawl_end, 1e-9):.0f} page fetches/min while crawling")
        samples = watch.samples
        if not samples:
            print("no samples")
            return 1
        peak = max(samples, key=lambda s: s.rss_total)
        peak_pss = max(samples, key=lambda s: s.pss_total)
        peak_chromium = max(samples, key=lambda s: s.rss.get("chromium", 0))
        peak_chromium_pss = max(samples, key=lambda s: s.pss.get("chromium", 0))
        peak_procs = max(s.processes for s in samples)
        print(f"samples: {len(samples)} every {interval} s; up to {peak_procs} processes in the tree; at the peak: "
              + ", ".join(f"{k} {v}" for k, v in sorted(peak.counts.items())))
        print(f"peak tree RSS: {mib(peak.rss_total):.0f} MiB at {peak.t:.1f} s ({peak.fetched} pages fetched): "
              + ", ".join(f"{k} {mib(v):.0f}" for k, v in sorted(peak.rss.items())))
        print(f"peak tree PSS: {mib(peak_pss.pss_total):.0f} MiB at {peak_pss.t:.1f} s "
              f"({peak_pss.fetched} pages fetched): "
              + ", ".join(f"{k} {mib(v):.0f}" for k, v in sorted(peak_pss.pss.items())))
        print(f"peak Chromium RSS: {mib(peak_chromium.rss.get('chromium', 0)):.0f} MiB at {peak_chromium.t:.1f} s; "
              f"peak Chromium PSS: {mib(peak_chromium_pss.pss.get('chromium', 0)):.0f} MiB")
        total = max(watch.fetched, 1)
        print("memory over the crawl, by share of page fetches done (tree RSS / tree PSS / Chromium RSS / crawl "
              "child RSS, MiB):")
        for fraction in (0.1, 0.25, 0.5, 0.75, 1.0):
            s = at_fraction(samples, total, fraction)
            if s is None:
                continue
            window = [x for x in samples if x.fetched <= s.fetched]
            window_peak = max(window, key=lambda x: x.rss_total)
            print(f"  {fraction:4.0%} ({s.fetched:4d} fetches, {s.t:6.1f} s): {mib(s.rss_total):6.0f} / "
                  f"{mib(s.pss_total):6.0f} / {mib(s.rss.get('chromium', 0)):6.0f} / {mib(s.rss.get('crawl', 0)):5.0f}"
                  f"   (peak so far {mib(window_peak.rss_total):.0f})")
        after = [s for s in samples if s.t > crawl_end]
        if after:
            top = max(after, key=lambda s: s.rss_total)
            print(f"  after the crawl (report building, {len(after)} samples): peak {mib(top.rss_total):.0f} MiB RSS "
                  f"({', '.join(f'{k} {mib(v):.0f}' for k, v in sorted(top.rss.items()) if v)})")
        crawling = [s for s in samples if s.rss.get("chromium")]
        if len(crawling) >= 8:
            # Growth: the mean of the last quarter of crawl samples against the second quarter.
            q = len(crawling) // 4
            second = sum(s.rss_total for s in crawling[q:2 * q]) / q
            last = sum(s.rss_total for s in crawling[-q:]) / q
            print(f"growth while crawling: {mib(second):.0f} MiB (2nd quarter mean) -> {mib(last):.0f} MiB (last "
                  f"quarter mean), {100 * (last - second) / second:+.1f} %")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / "samples.json").write_text(json.dumps(
                [{"t": round(s.t, 2), "fetched": s.fetched, "rss_kib": s.rss, "pss_kib": s.pss,
                  "processes": s.counts} for s in samples], indent=1), encoding="utf-8")
            print(f"samples written to {keep / 'samples.json'}")
        print(f"peak_rss_mib: {mib(peak.rss_total):.0f}")
        return 0 if code in (0, 3) else 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages in the site and the crawl budget")
    parser.add_argument("--quick", action="store_true", help="40 pages")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    parser.add_argument("--keep", type=Path, help="write every sample to DIR/samples.json")
    parser.add_argument("--visitor", action="append", metavar="CC",
                        help="also fetch every page as a resident of CC (repeatable; one browser context each)")
    args = parser.parse_args(argv)
    pages = 40 if args.quick else args.pages
    if pages < 2:
        parser.error("--pages must be at least 2")
    return run(pages, args.interval, args.keep, args.visitor)


if __name__ == "__main__":
    sys.exit(main())
