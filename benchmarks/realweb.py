#!/usr/bin/env python3
"""Precision and recall of footprint's detectors on real third-party web texts, per indicator.

The labelled set is benchmarks/realweb/labels.yaml (labels and source addresses only, made blind by the guide in
benchmarks/realweb/GUIDE.md). The texts themselves are third parties' and stay outside the repository: they are
read from $FOOTPRINT_REALWEB_CACHE (default: ../cache/realweb/texts beside the checkout); a case whose text is
missing is listed and left out, never counted.

Each text is judged as one page of the firm's own website at its source address: an excerpt (.txt) becomes an HTML
page of one paragraph per line with no `lang` attribute (what a reader of the excerpt knows), a saved page (.html)
is used as it was saved. A case counts per indicator: found or not, against labelled present or absent. Member
states: the states the findings name (not the EU or euro area as a group) against the labelled ones.

Tune on `--split dev` only; `--split test` (a fixed third of the cases, chosen by a hash of the id) is the held-out
check of whether a rule generalises or was fitted to the cases it was written against.

    .venv/bin/python benchmarks/realweb.py [--cache DIR] [--group west] [--split dev|test] [--errors] [--json]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from detectors.analyze import analyze_documents  # noqa: E402
from detectors.context import Context  # noqa: E402
from detectors.document import build_document  # noqa: E402
from detectors.domains import registrable_domain  # noqa: E402

LABELS = ROOT / "benchmarks" / "realweb" / "labels.yaml"
DEFAULT_CACHE = ROOT.parent / "cache" / "realweb" / "texts"
# The indicators the evaluation scores overall (the list); DOMAIN and LOCAL_REF are reported beside them.
MAIN = ("LANG", "CURRENCY", "PAYMENT", "PHONE", "PROMO", "BONUS", "AFFILIATE", "SPONSORSHIP", "DISCLAIMER")
OTHER = ("DOMAIN", "LOCAL_REF")
GROUPS = {"EU"}  # what findings may name that is not one member state
FETCHED_AT = "2026-01-01T00:00:00Z"


@dataclass
class Case:
    id: str
    source: str
    file: str
    expect: dict[str, list[str]]
    group: str = ""
    found: dict[str, set[str]] = field(default_factory=dict)


def page_of(case: Case, text: str) -> bytes:
    if case.file.endswith(".html"):
        return text.encode("utf-8")
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<!doctype html><html><head><meta charset=utf-8></head><body>\n{paragraphs}\n</body></html>".encode()


def url_of(case: Case) -> str:
    return case.source if urlsplit(case.source).scheme in ("http", "https") else f"https://saved.invalid/{case.file}"


def judge(case: Case, text: str) -> dict[str, set[str]]:
    url = url_of(case)
    doc = build_document(channel="website:evaluation", requested_url=url, url=url, status=200,
                         fetched_at=FETCHED_AT, content_type="text/html; charset=utf-8", body=page_of(case, text))
    ctx = Context(first_party=frozenset({registrable_domain(urlsplit(url).hostname or "")}))
    found: dict[str, set[str]] = {}
    for finding in analyze_documents([doc], ctx):
        found.setdefault(finding.indicator, set()).update(s for s in finding.member_states if s not in GROUPS)
    return found


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(cases: list[Case], indicators: tuple[str, ...]) -> dict[str, Tally]:
    tallies = {i: Tally() for i in indicators}
    for case in cases:
        for indicator in indicators:
            expected, found = indicator in case.expect, indicator in case.found
            tally = tallies[indicator]
            tally.tp += expected and found
            tally.fp += found and not expected
            tally.fn += expected and not found
    return tallies


def states(cases: list[Case]) -> tuple[int, int, int]:
    """(expected and reported, reported, expected) member states, case by case, over the targeting indicators."""
    both = reported = expected = 0
    for case in cases:
        want = {s for i, ss in case.expect.items() if i != "DISCLAIMER" for s in ss or ()}
        got = {s for i, ss in case.found.items() if i not in ("DISCLAIMER", "GEOBLOCK") for s in ss}
        both, reported, expected = both + len(want & got), reported + len(got), expected + len(want)
    return both, reported, expected


def split_of(case_id: str) -> str:
    """'test' for a fixed third of the cases (by a hash of the id, so adding cases never moves old ones), else 'dev'."""
    return "test" if hashlib.sha256(case_id.encode()).digest()[0] % 3 == 0 else "dev"


def load(cache: Path, group: str = "", split: str = "") -> tuple[list[Case], list[str], float]:
    """The judged cases, the ids whose text is missing, and the judging time in milliseconds per case."""
    cases, missing, elapsed = [], [], 0.0
    for raw in yaml.safe_load(LABELS.read_text(encoding="utf-8")):
        if group and raw.get("group") != group:
            continue
        if split and split_of(raw["id"]) != split:
            continue
        case = Case(id=raw["id"], source=raw["source"], file=raw["file"], expect=raw.get("expect") or {},
                    group=raw.get("group", ""))
        path = cache / case.file
        if not path.is_file():
            missing.append(case.id)
            continue
        text = path.read_text(encoding="utf-8")
        started = time.perf_counter()
        case.found = judge(case, text)
        elapsed += time.perf_counter() - started
        cases.append(case)
    return cases, missing, 1000 * elapsed / len(cases) if cases else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("FOOTPRINT_REALWEB_CACHE", DEFAULT_CACHE)))
    parser.add_argument("--group", default="", help="only the cases of one labelling group")
    parser.add_argument("--split", choices=("dev", "test"), default="", help="only the dev or the held-out test cases")
    parser.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args = parser.parse_args(argv)
    cases, missing, ms_per_case = load(args.cache, args.group, args.split)
    if missing:
        print(f"{len(missing)} case(s) left out, text not in {args.cache}: {', '.join(missing[:10])}"
              + (" ..." if len(missing) > 10 else ""), file=sys.stderr)
    if not cases:
        print(f"no case could be judged: the texts are not in {args.cache} (set FOOTPRINT_REALWEB_CACHE)",
              file=sys.stderr)
        return 1
    tallies = score(cases, MAIN + OTHER)
    overall = Tally(*(sum(getattr(tallies[i], k) for i in MAIN) for k in ("tp", "fp", "fn")))
    both, reported, expected = states(cases)
    figures = {
        "cases": len(cases), "missing": len(missing), "ms_per_case": round(ms_per_case, 2),
        "indicators": {i: {"precision": round(t.precision, 3), "recall": round(t.recall, 3),
                           "support": t.tp + t.fn, "tp": t.tp, "fp": t.fp, "fn": t.fn} for i, t in tallies.items()},
        "overall": {"precision": round(overall.precision, 3), "recall": round(overall.recall, 3)},
        "member_states": {"expected_found": both, "expected": expected, "reported": reported,
                          "reported_expected_share": round(both / reported, 3) if reported else 1.0},
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{len(cases)} real texts judged ({len(missing)} missing), {ms_per_case:.1f} ms per text\n")
    print(f"{'indicator':12} {'precision':>9} {'recall':>7} {'support':>8} {'tp':>4} {'fp':>4} {'fn':>4}")
    for indicator in MAIN + OTHER:
        t = tallies[indicator]
        print(f"{indicator:12} {t.precision:9.2f} {t.recall:7.2f} {t.tp + t.fn:8d} {t.tp:4d} {t.fp:4d} {t.fn:4d}")
    print(f"\noverall ({', '.join(MAIN)}): precision {overall.precision:.2f}, recall {overall.recall:.2f}")
    print(f"member states: {both} of {expected} expected found; {reported} reported, "
          f"{figures['member_states']['reported_expected_share']:.0%} of them expected")
    if args.errors:
        print()
        for case in cases:
            wrong = Counter()
            for indicator in MAIN + OTHER:
                if (indicator in case.expect) != (indicator in case.found):
                    wrong[("missed " if indicator in case.expect else "false ") + indicator] += 1
            extra = sorted({s for ss in case.found.values() for s in ss}
                           - {s for ss in case.expect.values() for s in ss or ()})
            if wrong or extra:
                print(f"{case.id:28} {', '.join(sorted(wrong))}" + (f"; extra states {extra}" if extra else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
