#!/usr/bin/env python3
"""Detector throughput (issue 2): footprint's pipeline against a naive baseline, pages per second on one core.

A seeded generator (tests/support/sites.py, `exchange_pages`) writes a corpus of multilingual crypto-marketing pages
from the copy in benchmarks/data/ (exchange_pages.yaml and one file per locale: 18 locales, 20-60 KiB per page,
with the inline CSS/JS, JSON-LD, hreflang, mega-menus, price tables and legal footers of real exchange sites). Two
pipelines then analyse every page:

- footprint: `build_document` (selectolax/lexbor) + `analyze_documents` (every active detector; LANG by
  py3langid);
- baseline, written the way a newcomer would: BeautifulSoup(html, "html.parser") for the same fields, langdetect
  (seeded) for the text language, and footprint's own rules on what it extracted (the phrase lexicons scanned with
  one regex per family and the same negation and quote filter; the CURRENCY, PAYMENT and PHONE detectors on a
  Document of those fields; the referral and hreflang rules). Only parsing and language identification differ;
  footprint also runs SEO, DOMAIN and the language-switcher check, which the baseline skips (so the comparison, if
  anything, flatters the baseline).

Both are warmed up (models loaded, lexicons compiled), then timed over the whole corpus with time.perf_counter,
best of N runs (the two pipelines alternating), in this one process pinned to one CPU (BLAS threads limited to 1):
benchmarks/harness.py. The last line of the output is `ratio: <footprint pages/s / baseline pages/s>`.

    .venv/bin/python benchmarks/analyze.py [--pages 300] [--runs 3] [--quick] [--seed N] [--stages] [--profile]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import harness  # noqa: E402

if TYPE_CHECKING:
    from tests.support.sites import ExchangePage

FETCHED_AT = "2025-01-15T10:00:00Z"
FAMILIES = ("PROMO", "BONUS", "DISCLAIMER", "AFFILIATE", "CURRENCY", "PAYMENT", "PHONE", "HREFLANG")


def corpus(n: int, seed: int) -> list[ExchangePage]:
    """`n` pages written from benchmarks/data/exchange_pages.yaml and the copy of each locale it lists."""
    from tests.support.sites import exchange_pages

    copy = harness.exchange_copy()
    return exchange_pages(copy, n, seed)


# ---------------------------------------------------------------------------------------------------------------
# The two pipelines
# ---------------------------------------------------------------------------------------------------------------


def footprint_pass(pages: list[ExchangePage], ctx) -> list[tuple[str, tuple[str, ...]]]:
    """(text, indicator of each finding) per page: what the sanity checks read, kept as the baseline keeps its
    BaselineResult. A crawl stores each page's findings and lets the page go; holding every Document and Finding of
    the corpus until the pass ends would time the collector walking them instead."""
    from detectors.analyze import analyze_documents
    from detectors.blocks import forget_blocks
    from detectors.document import build_document

    forget_blocks()  # every pass meets the corpus as a crawl does: each block new, its repeats known
    out = []
    for page in pages:
        doc = build_document(channel="website", requested_url=page.requested_url, url=page.url, status=200,
                             fetched_at=FETCHED_AT, content_type="text/html; charset=utf-8", body=page.body)
        out.append((doc.text, tuple(f.indicator for f in analyze_documents([doc], ctx))))
    return out


@dataclass
class BaselineResult:
    language: str
    hits: dict[str, set[str]] = field(default_factory=dict)  # family -> distinct values, as footprint dedupes


class Baseline:
    """The newcomer's version: BeautifulSoup(html.parser) + langdetect, and footprint's own rules on the result:
    its phrase lexicons scanned with one regex per family, its CURRENCY, PAYMENT and PHONE detectors run on a
    Document of the fields extracted here, its referral and hreflang rules."""

    INVISIBLE = ["script", "style", "noscript", "template", "svg", "iframe"]

    def __init__(self, ctx):
        from langdetect import DetectorFactory

        from detectors.analyze import detectors
        from detectors.lexicon import phrase_lexicon

        DetectorFactory.seed = 0
        self.ctx = ctx
        self.geo = ctx.geo
        self.phrases = [("PROMO", phrase_lexicon("promo"), True), ("BONUS", phrase_lexicon("bonus"), True),
                        ("DISCLAIMER", phrase_lexicon("disclaimer"), False),
                        ("AFFILIATE", phrase_lexicon("partner_programme"), True)]
        self.matchers = [(family, detectors()[family]) for family in ("CURRENCY", "PAYMENT", "PHONE")]

    def run(self, pages: list[ExchangePage]) -> list[BaselineResult]:
        return [self.page(p) for p in pages]

    def page(self, page: ExchangePage) -> BaselineResult:
        fields = self.extract(self.parse(page), page)
        return BaselineResult(self.language(fields["text"]), self.rules(page, **fields))

    @staticmethod
    def parse(page: ExchangePage):
        from bs4 import BeautifulSoup

        return BeautifulSoup(page.body.decode("utf-8", errors="replace"), "html.parser")

    def extract(self, soup, page: ExchangePage) -> dict:
        """The fields of footprint's Document: <html lang>, title, meta, hreflang, links, headings, options, JSON-LD,
        visible text (title, meta, headings and JSON-LD feed footprint's SEO detector, which the baseline skips)."""
        root = soup.find("html")
        html_lang = (root.get("lang") or "").strip() if root else ""
        base_tag = soup.find("base", href=True)
        base_url = urljoin(page.url, base_tag["href"]) if base_tag else page.url
        title = " ".join(soup.title.get_text().split()) if soup.title else ""
        meta = []
        for tag in soup.find_all("meta", attrs={"content": True}):
            key = tag.get("name") or tag.get("property") or tag.get("http-equiv") or tag.get("itemprop")
            if key:
                meta.append((key.strip().lower(), " ".join(tag["content"].split())))
        alternates = [(tag["hreflang"].strip(), urljoin(base_url, tag["href"]))
                      for tag in soup.find_all("link", attrs={"hreflang": True, "href": True})
                      if "alternate" in [r.lower() for r in tag.get("rel") or []]]
        links = []
        for a in soup.find_all(["a", "area"], href=True):
            href = a["href"].strip()
            if not href or href.startswith(("#", "javascript:", "data:")):
                continue
            target = href if href.startswith(("tel:", "mailto:")) else urljoin(base_url, href)
            links.append((target, " ".join(a.get_text(" ").split())[:200]))
        headings = [" ".join(h.get_text(" ").split()) for h in soup.find_all(["h1", "h2", "h3"])]
        options = [" ".join(o.get_text(" ").split()) for o in soup.select("select option")]
        json_ld = [t.get_text() for t in soup.find_all("script", attrs={"type": "application/ld+json"})
                   if t.get_text().strip()]
        for tag in soup.find_all(self.INVISIBLE):
            if not tag.decomposed:
                tag.decompose()
        body = soup.body or soup
        lines = (" ".join(line.split()) for line in body.get_text("\n").split("\n"))
        text = "\n".join(line for line in lines if line)
        return dict(html_lang=html_lang, title=title, meta=meta, headings=headings, alternates=alternates,
                    links=links, text=text, options=options, json_ld=json_ld)

    @staticmethod
    def language(text: str) -> str:
        from langdetect import detect
        from langdetect.lang_detect_exception import LangDetectException

        from detectors import lang

        # The same sample as footprint's LANG: at least MIN_TEXT characters, prose lines first, at most MAX_TEXT.
        if len(text) < lang.MIN_TEXT:
            return ""
        prose_line = getattr(lang, "PROSE_LINE", 0)
        prose = "\n".join(line for line in text.split("\n") if len(line) >= prose_line) if prose_line else text
        try:
            return detect((prose if len(prose) >= lang.MIN_TEXT else text)[: lang.MAX_TEXT])
        except LangDetectException:
            return ""

    def rules(self, page, *, html_lang, title, meta, headings, alternates, links, text, options,
              json_ld) -> dict[str, set[str]]:
        from detectors.affiliate import referral_evidence
        from detectors.locales import locale_targets, parse_locale
        from detectors.model import Document, Link
        from detectors.text import is_negated, is_quoted

        hits: dict[str, set[str]] = {f: set() for f in FAMILIES}
        parsed = parse_locale(html_lang) if html_lang else None
        own = parsed[0] if parsed else ""
        for family, lexicon, filtered in self.phrases:
            # A newcomer scans each family with one regex of all its phrases (footprint's reference matcher,
            # tested to give the same matches as the word index footprint uses on its hot path).
            for m in lexicon.find_with_regex(text):
                language = m.language_for(own)
                if filtered and (is_negated(text, m.start, language) or is_quoted(text, m.start, m.end)):
                    continue
                hits[family].add(" ".join(m.text.lower().split()))
        # Currency amounts, pairs and <select> options, payment rails, phone numbers: footprint's own detectors, run
        # on a Document of what BeautifulSoup extracted (their Finding objects cost the baseline a little extra).
        doc = Document(channel="website", url=page.url, requested_url=page.requested_url, status=200,
                       fetched_at=FETCHED_AT, body_sha256="", html_lang=html_lang, text=text,
                       links=tuple(Link(url, label) for url, label in links), select_options=tuple(options))
        for family, detect in self.matchers:
            hits[family].update(finding.evidence.value for finding in detect(doc, self.ctx))
        for url in [u for u, _ in links] + [page.requested_url]:
            evidence = referral_evidence(url)
            if evidence:
                hits["AFFILIATE"].add(f"{evidence[0]}: {evidence[1]}")
        for hreflang, _ in alternates:
            p = parse_locale(hreflang)
            tag = (f"{p[0]}-{p[1]}" if p[1] else p[0]) if p else ""
            if tag and locale_targets(tag, self.geo):
                hits["HREFLANG"].add(tag)
        return hits


# ---------------------------------------------------------------------------------------------------------------
# Where the time goes
# ---------------------------------------------------------------------------------------------------------------


def stage_breakdown(pages: list[ExchangePage], ctx, baseline: Baseline) -> None:
    """Time per stage over one pass, each stage run as the timed pipelines run it and in the same order (so caches
    are as warm or cold as there: the first phrase family, for example, pays for the shared word index)."""
    import detectors.lang as lang_module
    from detectors.analyze import detectors
    from detectors.catalogue import catalogue
    from detectors.document import build_document

    # The detectors analyze_documents runs on a website's pages (the catalogue enables each per kind of channel).
    website = {name: fn for name, fn in detectors().items() if "website" in catalogue()[name].channels}

    fp: Counter = Counter()
    bl: Counter = Counter()
    clock = time.perf_counter
    lang_id = [0.0]  # py3langid's share of the LANG detector, timed inside it
    text_language = lang_module.text_language

    def timed_text_language(*a, **kw):
        t = clock()
        try:
            return text_language(*a, **kw)
        finally:
            lang_id[0] += clock() - t

    lang_module.text_language = timed_text_language
    try:
        for page in pages:
            t = clock()
            doc = build_document(channel="website", requested_url=page.requested_url, url=page.url, status=200,
                                 fetched_at=FETCHED_AT, content_type="text/html; charset=utf-8", body=page.body)
            fp["parse: build_document (selectolax)"] += clock() - t
            for name, detect_fn in website.items():
                t = clock()
                detect_fn(doc, ctx)
                fp[f"rules: detector {name}"] += clock() - t

            t0 = clock()
            soup = baseline.parse(page)
            t1 = clock()
            fields = baseline.extract(soup, page)
            t2 = clock()
            baseline.language(fields["text"])
            t3 = clock()
            baseline.rules(page, **fields)
            t4 = clock()
            bl["parse: BeautifulSoup(html.parser)"] += t1 - t0
            bl["parse: find_all fields + get_text"] += t2 - t1
            bl["language: langdetect"] += t3 - t2
            bl["rules: footprint's matchers"] += t4 - t3
    finally:
        lang_module.text_language = text_language
    fp["language: py3langid (in detector LANG)"] = lang_id[0]
    fp["rules: detector LANG"] -= lang_id[0]
    n = len(pages)
    for label, table in (("footprint", fp), ("baseline", bl)):
        print(f"\n--- stage times, {label} ({n} pages, one pass, language on at most {lang_module.MAX_TEXT} "
              "characters) ---")
        for name, secs in sorted(table.items(), key=lambda kv: -kv[1]):
            print(f"{name:42s} {secs:7.3f} s {1000 * secs / n:7.2f} ms/page")
    own = {k: sum(v for name, v in t.items() if name.startswith(("parse", "language")))
           for k, t in (("fp", fp), ("bl", bl))}
    rules = {k: sum(v for name, v in t.items() if name.startswith("rules")) for k, t in (("fp", fp), ("bl", bl))}
    print(f"\nparse + language identification only: footprint {1000 * own['fp'] / n:.2f} ms/page, baseline "
          f"{1000 * own['bl'] / n:.2f} ms/page ({own['bl'] / own['fp']:.1f}x); rules: footprint "
          f"{1000 * rules['fp'] / n:.2f} ms/page (every detector), baseline {1000 * rules['bl'] / n:.2f} ms/page "
          "(the shared families)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="pages in the generated corpus (default 300)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per pipeline, best kept (default 3)")
    parser.add_argument("--quick", action="store_true", help="a small run: 40 pages, 1 run")
    parser.add_argument("--seed", type=int, default=20250115, help="corpus seed")
    parser.add_argument("--stages", action="store_true", help="also print time per stage (parse, language, rules)")
    parser.add_argument("--profile", action="store_true", help="also print stage times and cProfile top functions")
    args = parser.parse_args(argv)
    if args.quick:
        args.pages, args.runs = min(args.pages, 40), 1

    print(harness.machine())  # before pinning, so that the cores are the machine's
    pinning = harness.one_core()
    print(f"footprint {harness.revision('detectors')}; single process, {pinning}, BLAS threads 1, gc enabled, "
          f"best of {args.runs} interleaved run(s)")

    from detectors.context import Context
    from detectors.lang import text_language

    pages = corpus(args.pages, args.seed)
    sizes = [len(p.body) / 1024 for p in pages]
    by_lang = Counter(p.lang for p in pages)
    print(f"corpus: {len(pages)} pages, seed {args.seed}, {sum(sizes) / 1024:.1f} MiB, KiB/page min {min(sizes):.1f} "
          f"median {statistics.median(sizes):.1f} mean {statistics.mean(sizes):.1f} max {max(sizes):.1f}; "
          f"{len(by_lang)} locales: " + " ".join(f"{k}:{v}" for k, v in sorted(by_lang.items())))

    ctx = Context()
    baseline = Baseline(ctx)
    first: dict[str, ExchangePage] = {}
    for page in pages:
        first.setdefault(page.lang, page)
    warm = list(first.values())  # one page per locale
    footprint_pass(warm, ctx)  # loads py3langid, compiles lexicons, babel and tldextract data
    baseline.run(warm)  # loads langdetect's profiles

    measured = harness.interleaved({"footprint": lambda: footprint_pass(pages, ctx),
                                    "baseline": lambda: baseline.run(pages)}, args.runs)
    (fp_times, fp_out), (bl_times, bl_out) = measured["footprint"], measured["baseline"]
    fp_best, bl_best = min(fp_times), min(bl_times)

    # Sanity (untimed): same languages, same hits?
    fp_lang = Counter()
    fp_hits, bl_hits = Counter(), Counter()
    agree_fp = agree_bl = 0
    for page, (text, indicators), res in zip(pages, fp_out, bl_out, strict=True):
        ident = text_language(text, ctx)
        label = ident[0] if ident else "-"
        fp_lang[label] += 1
        truth = page.lang.split("-")[0]
        agree_fp += label == truth
        agree_bl += res.language.split("-")[0] == truth
        fp_hits.update(i for i in indicators if i in FAMILIES)
        bl_hits.update({f: len(v) for f, v in res.hits.items()})
    bl_lang = Counter(r.language or "-" for r in bl_out)
    truth = Counter(p.lang.split("-")[0] for p in pages)
    labels = sorted(set(truth) | set(fp_lang) | set(bl_lang))
    print("sanity, pages per text language (generated/footprint/baseline): "
          + " ".join(f"{k} {truth[k]}/{fp_lang[k]}/{bl_lang[k]}" for k in labels)
          + f"; matching the generated language: footprint {agree_fp}/{len(pages)}, baseline {agree_bl}/{len(pages)}")
    print("sanity, hits (footprint/baseline): " + " ".join(f"{f} {fp_hits[f]}/{bl_hits[f]}" for f in FAMILIES)
          + f"; total {sum(fp_hits.values())}/{sum(bl_hits.values())}"
          + f" (footprint also found {sum(len(f) for _, f in fp_out) - sum(fp_hits.values())} LANG/SEO/DOMAIN "
            "findings)")

    if args.stages or args.profile:
        stage_breakdown(pages, ctx, baseline)
    if args.profile:
        harness.profile("footprint", lambda: footprint_pass(pages, ctx), 25)
        harness.profile("baseline", lambda: baseline.run(pages), 25)

    n = len(pages)
    fp_rate, bl_rate = n / fp_best, n / bl_best
    kib = statistics.mean(sizes)
    print()
    print(f"{'pipeline':38s} {'pages':>6s} {'KiB/page':>9s} {'pages/s':>9s} {'ms/page':>8s}  runs (s)")
    print(f"{'footprint (selectolax + py3langid)':38s} {n:6d} {kib:9.1f} {fp_rate:9.1f} {1000 / fp_rate:8.2f}  "
          + " ".join(f"{t:.2f}" for t in fp_times))
    print(f"{'baseline (bs4 html.parser + langdetect)':38s} {n:6d} {kib:9.1f} {bl_rate:9.1f} {1000 / bl_rate:8.2f}  "
          + " ".join(f"{t:.2f}" for t in bl_times))
    print(f"ratio: {fp_rate / bl_rate:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
