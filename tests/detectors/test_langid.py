"""The vectorised identifier (detectors/langid.py) gives py3langid's own scores, bit for bit."""

from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from detectors.document import build_document
from detectors.lang import _identifier, _sample

ROOT = Path(__file__).resolve().parents[2]
EDGE_CASES = ["", "a", "ab", "İstanbul", "ΠΛΗΡΩΜΕΣ ΜΕ ΚΑΡΤΑ", "12345", "\x00\x01", "日本語のテキスト", "x" * 3000,
              "Ein Satz auf Deutsch, un po' d'italiano, et un peu de français.", "\ud800 lone surrogate"]


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "pages").rglob("*.html")):
        doc = build_document(channel="website:t", requested_url="https://t.example/", url="https://t.example/",
                             status=200, fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                             body=path.read_bytes())
        texts.extend([_sample(doc.text), doc.title, *doc.headings[:3]])
    return texts


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def test_rank_is_the_librarys_on_every_fixture_text(reference):
    fast = _identifier()
    texts = _texts() + EDGE_CASES
    assert len(texts) > 300
    for text in texts:
        assert fast.rank(text) == reference.rank(text), text[:200]
        assert fast.classify(text) == reference.classify(text), text[:200]


def test_the_vectorised_walk_is_used(reference):
    counted = _identifier()._counts(b"Bitcoin kaufen in Deutschland")
    assert counted is not None and len(counted[0]) == len(set(counted[0].tolist()))
