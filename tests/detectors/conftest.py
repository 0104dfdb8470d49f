"""Helpers for the detector tests: Documents built the way the crawler builds them, and the fixture-page tier.

The fixture-page tier lives in tests/pages/<family>/: each `<case>.html` (or `<case>.xml` for a sitemap) has a
sibling `<case>.expected.yaml`:

    about: what the page shows and why the findings are what they are
    detector: lang                 # the one detector module run on the page (detectors/<name>.py)
    url: https://www.brand.de/     # optional, default https://www.example-firm.com/
    silent: [domain, currency]     # optional: other detectors that must raise nothing at all on this page
    findings:                      # the exact set the detector must return; [] for a near miss
      - {indicator: LANG, member_states: [DE], value: de-DE, locator: "html[lang]"}

Tests take them through the `page_case`, `<family>_case` and `silent_case` arguments (parametrized here, one test
per case, ids `<family>/<case>`), and build ad-hoc pages with the `page` and `detect` fixtures.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from detectors.context import Context
from detectors.document import build_document
from detectors.model import Document, Finding

PAGES = Path(__file__).resolve().parents[1] / "pages"
DEFAULT_URL = "https://www.example-firm.com/"
CHANNEL = "website:example.test"
FETCHED_AT = "2026-01-01T00:00:00Z"
HTML = "text/html; charset=utf-8"
XML = "application/xml"
CASE_KEYS = {"about", "detector", "url", "silent", "findings"}
FINDING_KEYS = {"indicator", "member_states", "value", "locator"}

# (indicator, sorted member states, evidence value, evidence locator): what a test compares, whole.
Observed = tuple[str, tuple[str, ...], str, str]


def build(body: bytes | str, url: str = DEFAULT_URL, content_type: str = HTML) -> Document:
    """A Document exactly as the crawler would build it from a 200 response at `url`."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    return build_document(channel=CHANNEL, requested_url=url, url=url, status=200, fetched_at=FETCHED_AT,
                          content_type=content_type, body=body)


def observed(findings: list[Finding]) -> set[Observed]:
    return {(f.indicator, tuple(sorted(f.member_states)), f.evidence.value, f.evidence.locator) for f in findings}


def run_detector(name: str, doc: Document) -> list[Finding]:
    return importlib.import_module(f"detectors.{name}").detect(doc, Context())


class PageCaseError(ValueError):
    """An expected file is malformed; says which file and what is wrong, like the detectors' own data files."""


@dataclass(frozen=True)
class PageCase:
    family: str
    name: str
    page: Path
    detector: str
    url: str
    silent: tuple[str, ...]
    expected: frozenset[Observed]

    @property
    def id(self) -> str:
        return f"{self.family}/{self.name}"

    def document(self) -> Document:
        content_type = XML if self.page.suffix == ".xml" else HTML
        return build(self.page.read_bytes(), self.url, content_type)

    def observe(self, detector: str = "") -> set[Observed]:
        """What `detector` (by default the case's own) finds on the page."""
        return observed(run_detector(detector or self.detector, self.document()))


def _expected_finding(file: Path, n: int, raw) -> Observed:
    where = f"{file}: findings[{n}]"
    if not isinstance(raw, dict) or set(raw) != FINDING_KEYS:
        raise PageCaseError(f"{where}: a mapping with exactly the keys {sorted(FINDING_KEYS)}, got {raw!r}")
    states = raw["member_states"]
    if not isinstance(states, list) or not all(isinstance(s, str) for s in states):
        raise PageCaseError(f"{where}.member_states: a list of strings (quote 'NO': YAML reads it as false)")
    for key in ("indicator", "value", "locator"):
        if not isinstance(raw[key], str):
            raise PageCaseError(f"{where}.{key}: a string (quote numbers such as phone numbers), got {raw[key]!r}")
    return raw["indicator"], tuple(sorted(states)), raw["value"], raw["locator"]


def load_case(expected_file: Path) -> PageCase:
    data = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not {"detector", "findings"} <= set(data) or set(data) - CASE_KEYS:
        raise PageCaseError(f"{expected_file}: a mapping with detector and findings, keys among {sorted(CASE_KEYS)}")
    name = expected_file.name.removesuffix(".expected.yaml")
    pages = [p for p in (expected_file.with_name(f"{name}.html"), expected_file.with_name(f"{name}.xml"))
             if p.exists()]
    if len(pages) != 1:
        raise PageCaseError(f"{expected_file}: exactly one sibling page {name}.html or {name}.xml")
    if not isinstance(data["findings"], list):
        raise PageCaseError(f"{expected_file}: findings: a list ([] for a near miss)")
    expected = [_expected_finding(expected_file, n, raw) for n, raw in enumerate(data["findings"])]
    if len(set(expected)) != len(expected):
        raise PageCaseError(f"{expected_file}: findings: a finding is listed twice")
    return PageCase(
        family=expected_file.parent.name, name=name, page=pages[0], detector=str(data["detector"]),
        url=str(data.get("url", DEFAULT_URL)), silent=tuple(data.get("silent") or ()), expected=frozenset(expected),
    )


@cache
def page_cases() -> tuple[PageCase, ...]:
    cases = tuple(load_case(f) for f in sorted(PAGES.glob("*/*.expected.yaml")))
    orphans = sorted(p for p in PAGES.glob("*/*") if p.suffix in (".html", ".xml")
                     and not p.with_name(f"{p.stem}.expected.yaml").exists())
    if orphans:
        raise PageCaseError(f"fixture pages without an expected file: {[str(p) for p in orphans]}")
    return cases


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`page_case`: every case; `<family>_case` (e.g. `lookalike_case`): the cases of one family;
    `silent_case`: (case, detector) for every detector a case names under `silent`."""
    families = {c.family for c in page_cases()}
    for name in metafunc.fixturenames:
        family = name.removesuffix("_case")
        if name == "page_case" or (name.endswith("_case") and family in families):
            cases = [c for c in page_cases() if name == "page_case" or c.family == family]
            metafunc.parametrize(name, cases, ids=[c.id for c in cases])
    if "silent_case" in metafunc.fixturenames:
        pairs = [(case, name) for case in page_cases() for name in case.silent]
        metafunc.parametrize("silent_case", pairs, ids=[f"{case.id}:{name}" for case, name in pairs])


@pytest.fixture
def page():
    """page(html, url=..., content_type=...) -> Document."""
    return build


@pytest.fixture
def detect():
    """detect(detector_name, html, url=..., content_type=...) -> the set of observed findings."""

    def run(name: str, body: bytes | str, url: str = DEFAULT_URL, content_type: str = HTML) -> set[Observed]:
        return observed(run_detector(name, build(body, url, content_type)))

    return run


@pytest.fixture(scope="session")
def all_page_cases() -> tuple[PageCase, ...]:
    return page_cases()
