"""The loaded tables are frozen out of the cyclic collector after a process's first judged document, once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JUDGE = """
import gc, sys
{setup}
from detectors.analyze import analyze_documents
from detectors.context import Context
from detectors.document import build_document
page = b'<html lang="de"><body><p>Jetzt registrieren und 50 Euro Bonus sichern.</p></body></html>'
doc = build_document(channel="website", requested_url="https://a.example/", url="https://a.example/", status=200,
                     fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=page)
before = gc.get_freeze_count()
analyze_documents([doc], Context())
first = gc.get_freeze_count()
analyze_documents([doc], Context())
print(before, first, gc.get_freeze_count())
"""


def _counts(setup: str = "") -> list[int]:
    out = subprocess.run([sys.executable, "-c", JUDGE.format(setup=setup)], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=120).stdout
    return [int(n) for n in out.split()]


def test_the_first_judged_document_freezes_what_is_loaded_and_later_ones_add_nothing():
    before, first, second = _counts()
    assert before == 0 and first > 10_000 and second == first


def test_a_process_that_manages_the_collector_itself_is_left_alone():
    assert _counts("gc.disable()") == [0, 0, 0]
