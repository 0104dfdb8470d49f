"""The fixture-page tier: each page under tests/pages/ run through its detector, compared whole with its
expected findings (indicator, member states, evidence value, locator), near misses included."""

from __future__ import annotations

import re

DETECTOR_FAMILIES = {"lang", "hreflang", "domain", "currency", "payment", "phone", "promo", "bonus", "seo",
                     "affiliate", "disclaimer", "sponsorship"}
EU_LANGUAGES = {"bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl",
                "pl", "pt", "ro", "sk", "sl", "sv", "is", "no"}  # besides English


def _describe(findings) -> str:
    return "\n".join(f"  {f}" for f in sorted(findings)) or "  (none)"


def test_detector_finds_exactly_the_expected_findings(page_case):
    found = page_case.observe()
    missing, unexpected = page_case.expected - found, found - page_case.expected
    assert not missing and not unexpected, (
        f"{page_case.page.name} through detectors/{page_case.detector}.py\n"
        f"missing:\n{_describe(missing)}\nunexpected:\n{_describe(unexpected)}")


def test_detectors_named_silent_raise_nothing(silent_case):
    case, detector = silent_case
    assert case.observe(detector) == set(), f"{detector} should raise nothing on {case.page.name}"


def test_every_detector_family_has_a_hit_and_a_near_miss(all_page_cases):
    for family in sorted(DETECTOR_FAMILIES):
        cases = [c for c in all_page_cases if c.family == family]
        assert any(c.expected for c in cases), f"{family}: no page with findings"
        assert any(not c.expected for c in cases), f"{family}: no near miss"


def test_fixture_pages_cover_at_least_twelve_eu_languages(all_page_cases):
    languages = set()
    for case in all_page_cases:
        declared = re.search(rb'<html[^>]*\slang="([a-zA-Z]{2})', case.page.read_bytes())
        if declared:
            languages.add(declared.group(1).decode().lower())
    assert len(languages & EU_LANGUAGES) >= 12, sorted(languages & EU_LANGUAGES)
