#!/usr/bin/env python3
"""LANG on real web sentences: EU languages identified, non-EU languages never taken for an EU one.

The sentences are lingua-py's language test data (Leipzig corpora web sentences, one file per language,
`<lang>.txt`, 1,000 lines each). They are third parties' texts and stay outside the repository: read from
$FOOTPRINT_LINGUA_CACHE (default: ../cache/lingua/sentences beside the checkout); the script says which EU/EEA
languages have no file there.

Each page is an HTML page with no `lang` attribute, one paragraph per sentence, at a neutral address, judged by the
LANG detector alone (what the text says, nothing declared). Two kinds of page:
- pages of 5 consecutive sentences (the acceptance line: >= 99 % of EU-language pages identified, no non-EU
  language taken for an EU one);
- single sentences (short texts: posts, buttons, captions).

An EU/EEA-language page is identified when LANG points at exactly that language's member states; a page in a
non-EU language (English included: it points at no state) is a false alarm when LANG points at any state.

`--compare` also measures the bare identifiers, top-1 over every language each knows: py3langid (what LANG
uses) against lingua-language-detector (not a dependency: measured when installed), in its high- and low-accuracy
modes, on single sentences and on 5-sentence pages, with their time per text and the memory they hold.

    .venv/bin/python benchmarks/languages.py [--cache DIR] [--sentences 5] [--single 200] [--only hr,bs,sr] [--errors]
                                             [--compare]
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from detectors import lang as lang_detector  # noqa: E402
from detectors.context import Context  # noqa: E402
from detectors.document import build_document  # noqa: E402

DEFAULT_CACHE = ROOT.parent / "cache" / "lingua" / "sentences"
URL = "https://saved.invalid/sentences.html"
FETCHED_AT = "2026-01-01T00:00:00Z"


def page(sentences: list[str]):
    paragraphs = "\n".join(f"<p>{html.escape(s)}</p>" for s in sentences)
    body = f"<!doctype html><html><head><meta charset=utf-8></head><body>\n{paragraphs}\n</body></html>"
    return build_document(channel="website:evaluation", requested_url=URL, url=URL, status=200,
                          fetched_at=FETCHED_AT, content_type="text/html; charset=utf-8", body=body.encode())


def pages_of(lines: list[str], size: int, limit: int) -> list[list[str]]:
    groups = [lines[i:i + size] for i in range(0, len(lines) - size + 1, size)]
    return groups[:limit] if limit else groups


def judged(ctx: Context, sentences: list[str]) -> tuple[tuple[str, ...], float]:
    """The member states LANG points at on this page (union over its findings) and the time it took (s)."""
    doc = page(sentences)
    start = time.perf_counter()
    findings = lang_detector.detect(doc, ctx)
    elapsed = time.perf_counter() - start
    return tuple(sorted({s for f in findings for s in f.member_states})), elapsed


def run(cache: Path, size: int, limit: int, only: set[str], errors: bool) -> dict[str, float]:
    ctx = Context()
    geo = ctx.geo
    files = {p.stem: p for p in sorted(cache.glob("*.txt"))}
    targeted = {lang for lang in geo.languages if geo.strength_for_language(lang) != "none"}
    missing = sorted(lang for lang in targeted if lang not in files and lang not in ("no",))
    if missing:
        print(f"EU/EEA languages with no sentence file in {cache}: {', '.join(missing)}")
    judged(ctx, ["Warm-up sentence for the identifiers, not counted in any figure."])
    eu_ok = eu_all = other_false = other_all = 0
    total_time, n_pages = 0.0, 0
    rows = []
    for code, path in files.items():
        if only and code not in only:
            continue
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        want = geo.states_for_language(code) if code in targeted else ()
        outcomes: Counter = Counter()
        wrong: list[tuple[tuple[str, ...], list[str]]] = []
        for sentences in pages_of(lines, size, limit):
            states, elapsed = judged(ctx, sentences)
            total_time += elapsed
            n_pages += 1
            ok = states == tuple(want) if want else not states
            outcomes[ok] += 1
            if not ok:
                wrong.append((states, sentences))
        n = outcomes[True] + outcomes[False]
        if want:
            eu_ok, eu_all = eu_ok + outcomes[True], eu_all + n
        else:
            other_false, other_all = other_false + outcomes[False], other_all + n
        rows.append((code, bool(want), outcomes[True] / n if n else 1.0, n, wrong))
    print(f"\npages of {size} sentence(s), LANG detector alone, no lang attribute")
    print(f"{'lang':5} {'kind':7} {'correct':>8} {'pages':>6}  errors (states LANG gave)")
    for code, is_eu, share, n, wrong in rows:
        kinds = Counter(",".join(states) or "-" for states, _ in wrong)
        print(f"{code:5} {'EU/EEA' if is_eu else 'other':7} {share:8.3f} {n:6d}  "
              + ", ".join(f"{k}x{v}" for k, v in kinds.most_common(4)))
        if errors:
            for states, sentences in wrong[:5]:
                print(f"      -> {','.join(states) or '-'}: {' '.join(sentences)[:200]}")
    eu_share = eu_ok / eu_all if eu_all else 1.0
    print(f"\nEU/EEA-language pages identified: {eu_ok}/{eu_all} = {eu_share:.4f}")
    print(f"non-EU-language pages taken for EU targeting: {other_false}/{other_all}")
    ms = 1000 * total_time / n_pages if n_pages else 0.0
    print(f"LANG detector time: {ms:.2f} ms/page over {n_pages} pages")
    return {"eu": eu_share, "false": other_false, "ms": ms}


def compare(cache: Path, limit: int) -> None:
    """Top-1 accuracy of the bare identifiers on EU/EEA languages, and how often a non-EU text gets an EU label."""
    import resource

    from detectors.lang import language_scores

    geo = Context().geo
    eu = {lang for lang in geo.languages if geo.strength_for_language(lang) != "none"}
    fold = {"nb": "no", "nn": "no"}
    identifiers = {"py3langid": lambda text: max(language_scores(text).items(), key=lambda kv: kv[1])[0]}
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        print("lingua-language-detector is not installed: only py3langid measured")
    else:
        for mode in ("high", "low"):
            builder = LanguageDetectorBuilder.from_all_languages()
            detector = (builder.with_low_accuracy_mode() if mode == "low" else builder).build()
            identifiers[f"lingua-{mode}"] = lambda text, d=detector: (
                (lang := d.detect_language_of(text)) and lang.iso_code_639_1.name.lower()) or ""
    files = {p.stem: p for p in sorted(cache.glob("*.txt"))}
    for name, identify in identifiers.items():
        for size in (1, 5):
            ok = total = false = n = 0
            elapsed = 0.0
            for code, path in files.items():
                lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
                for sentences in pages_of(lines, size, limit):
                    start = time.perf_counter()
                    got = identify("\n".join(sentences))
                    got = fold.get(got, got)
                    elapsed += time.perf_counter() - start
                    n += 1
                    if code in eu:
                        total += 1
                        ok += got == fold.get(code, code)
                    elif code != "en":
                        false += got in eu
            print(f"{name:12} {size} sentence(s): EU/EEA top-1 {ok / total:.3f}, non-EU texts given an EU language "
                  f"{false}, {1000 * elapsed / n:.2f} ms/text")
        print(f"{'':12} max RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("FOOTPRINT_LINGUA_CACHE", DEFAULT_CACHE)))
    parser.add_argument("--sentences", type=int, default=5, help="sentences per page (default 5)")
    parser.add_argument("--pages", type=int, default=0, help="at most this many pages per language (0: all)")
    parser.add_argument("--single", type=int, default=200,
                        help="also judge this many single sentences per language (0: skip)")
    parser.add_argument("--only", default="", help="comma-separated language codes (file names) to judge")
    parser.add_argument("--errors", action="store_true", help="show a few wrongly judged pages per language")
    parser.add_argument("--compare", action="store_true", help="also compare the bare identifiers (py3langid, lingua)")
    args = parser.parse_args(argv)
    if not args.cache.is_dir() or not any(args.cache.glob("*.txt")):
        print(f"no sentence files in {args.cache} (set FOOTPRINT_LINGUA_CACHE): lingua-py's language-testdata/"
              "sentences", file=sys.stderr)
        return 1
    only = {c.strip() for c in args.only.split(",") if c.strip()}
    run(args.cache, args.sentences, args.pages, only, args.errors)
    if args.single:
        run(args.cache, 1, args.single, only, args.errors)
    if args.compare:
        compare(args.cache, args.single or 200)
    return 0


if __name__ == "__main__":
    sys.exit(main())
