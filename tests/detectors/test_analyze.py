"""Channel analysis is deterministic: the same documents give the same findings, ids and order, however often
and in whatever order they are analysed (a re-scan must match yesterday's triage)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from detectors.analyze import analyze_documents
from detectors.context import Context

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def documents(all_page_cases):
    """The whole fixture-page tier as the documents of one channel (many share a URL: ties must not matter)."""
    return [case.document() for case in all_page_cases]


def fingerprint(findings) -> list[tuple[str, dict]]:
    return [(f.id, f.to_dict()) for f in findings]


def test_same_documents_twice_give_identical_findings(documents):
    first = analyze_documents(documents, Context())
    assert first, "the fixture pages should produce findings"
    assert fingerprint(analyze_documents(documents, Context())) == fingerprint(first)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_documents_give_identical_findings(documents, seed):
    shuffled = list(documents)
    random.Random(seed).shuffle(shuffled)
    assert fingerprint(analyze_documents(shuffled, Context())) == fingerprint(analyze_documents(documents, Context()))


def test_finding_ids_are_unique_within_a_channel(documents):
    ids = [f.id for f in analyze_documents(documents, Context())]
    assert len(ids) == len(set(ids))


def test_german_page_with_a_language_switcher_reports_german_once(page):
    html = """<!doctype html><html lang="de"><body><nav><a href="/de/">Deutsch</a> <a href="/fr/">Français</a></nav>
    <p>Willkommen bei Example Firm.</p></body></html>"""
    findings = analyze_documents([page(html, url="https://www.example-firm.com/de/")], Context())
    assert [(f.evidence.value, f.evidence.locator) for f in findings if f.indicator == "LANG"] == [
        ("fr", "a[href] (language switcher)"), ("de", "html[lang]")]  # Deutsch and /de/ say the same


def test_load_tables_loads_what_judging_pages_needs_before_the_first_page():
    """A scan loads the judge's tables while its crawl starts (`load_tables`): after it, judging the fixture pages
    reads few data files more (a fresh process, so that nothing is loaded already)."""
    script = textwrap.dedent("""
        import json, sys
        from pathlib import Path
        import detectors.data_files as data_files
        read = []
        parse = data_files.parse_yaml
        data_files.parse_yaml = lambda text, source: (read.append(source), parse(text, source))[1]
        from detectors.analyze import judge_page, load_tables
        from detectors.context import Context
        from detectors.document import build_document
        load_tables(Context())
        first = len(read)
        for path in sorted(Path(sys.argv[1]).rglob("*.html")):
            judge_page(build_document(channel="website", requested_url="https://x.example/", url="https://x.example/",
                                      status=200, fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                                      body=path.read_bytes()), Context())
        print(json.dumps([first, read[first:]]))
    """)
    done = subprocess.run([sys.executable, "-c", script, str(ROOT / "tests" / "pages")], capture_output=True,
                          text=True, cwd=ROOT, check=True)
    first, later = json.loads(done.stdout)
    assert first >= 25  # the catalogue, reference data, lexicons, schemas' files
    assert len(later) <= 3, later  # the few a rare kind of page needs (a programme's terms)
