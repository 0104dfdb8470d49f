"""Real-world samples (../shared/realworld, beside the project): real referral links of crypto exchanges and a
real Google Play page. Skipped, with the reason shown, where that folder is not there."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from detectors.affiliate import referral_evidence
from detectors.analyze import analyze_documents
from detectors.context import Context
from detectors.hreflang import detect as detect_hreflang

REALWORLD = Path(__file__).resolve().parents[2].parent / "shared" / "realworld"
REFERRAL_CSV = REALWORLD / "referral-links" / "exchange-referral-links.csv"
GOOGLE_PLAY = REALWORLD / "google-play" / "translate-us-en.html"
GOOGLE_PLAY_URL = "https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en&gl=US"
PLAIN_REFERRAL_IDS = {"apex"}  # its referral URL carries no code (README: labels slightly noisy)
# The perimeter, written out here rather than taken from detectors.geography: an independent oracle.
EU_EEA = {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
          "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO"}
EU_EEA_LANGUAGES = {"bg", "cs", "da", "de", "el", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt",
                    "nl", "pl", "pt", "ro", "sk", "sl", "sv", "is", "no", "nb", "nn"}  # en points nowhere
ALTERNATE_LINK = re.compile(r'<link\b[^>]*\bhreflang="[^"]*"[^>]*>')
HREFLANG = re.compile(r'\bhreflang="([^"]*)"')


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"real-world sample not available: {path} (../shared/realworld beside the project)")
    return path


@pytest.fixture(scope="module")
def referral_rows() -> list[dict[str, str]]:
    with _require(REFERRAL_CSV).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def coded_rows(referral_rows) -> list[dict[str, str]]:
    return [row for row in referral_rows if row["id"] not in PLAIN_REFERRAL_IDS]


@pytest.fixture(scope="module")
def google_play_html() -> bytes:
    return _require(GOOGLE_PLAY).read_bytes()


def test_every_coded_referral_link_is_recognised(coded_rows, record_property):
    missed = [row["referral"] for row in coded_rows if referral_evidence(row["referral"]) is None]
    recall = 1 - len(missed) / len(coded_rows)
    record_property("referral_recall", recall)
    print(f"referral-link recall: {recall:.3f} over {len(coded_rows)} coded links")
    assert recall == 1.0, f"recall {recall:.3f} over {len(coded_rows)} coded links; missed: {missed}"


def test_plain_referral_link_is_not_recognised(referral_rows):
    plain = [row["referral"] for row in referral_rows if row["id"] in PLAIN_REFERRAL_IDS]
    assert plain and [url for url in plain if referral_evidence(url)] == []


def test_exchange_home_pages_are_not_recognised(referral_rows):
    assert [row["www"] for row in referral_rows if referral_evidence(row["www"])] == []


def test_page_linking_to_every_exchange_gets_one_finding_per_coded_link(page, referral_rows, coded_rows):
    links = "".join(f'<li><a href="{html.escape(row["referral"])}">{html.escape(row["name"])}</a> '
                    f'(<a href="{html.escape(row["www"])}">home</a>)</li>' for row in referral_rows)
    doc = page(f"<!doctype html><html lang='en'><body><ul>{links}</ul></body></html>",
               url="https://www.crypto-bonus-example.test/exchanges")
    findings = [f for f in analyze_documents([doc], Context()) if f.indicator == "AFFILIATE"]
    distinct = {row["referral"] for row in coded_rows}  # two Binance rows share one link
    assert len(findings) == len(distinct)
    assert {f.evidence.value for f in findings} == {"{}: {}".format(*referral_evidence(url)) for url in distinct}


def test_google_play_page_raises_no_localisation_finding(page, google_play_html):
    doc = page(google_play_html, url=GOOGLE_PLAY_URL)
    assert len(doc.alternates) == 116
    findings = analyze_documents([doc], Context())
    assert [f for f in findings if f.indicator in ("HREFLANG", "DOMAIN", "LANG")] == []


def test_same_alternates_on_a_firms_own_site_raise_hreflang(page, google_play_html):
    text = google_play_html.decode("utf-8")
    link_tags = ALTERNATE_LINK.findall(text)
    tags = [html.unescape(HREFLANG.search(tag).group(1)) for tag in link_tags]
    eu_regions = {t.split("-")[-1] for t in tags if re.fullmatch(r"[a-z]{2,3}-[A-Z]{2}", t)} & EU_EEA
    eu_languages = {t for t in tags if t in EU_EEA_LANGUAGES}
    doc = page(f"<!doctype html><html lang='en'><head>{''.join(link_tags)}</head><body></body></html>",
               url="https://www.example-firm.com/")
    findings = detect_hreflang(doc, Context())
    regional = [f for f in findings if "-" in f.evidence.value.split(" ")[0]]
    by_language = [f for f in findings if "-" not in f.evidence.value.split(" ")[0]]
    print(f"{len(tags)} alternates; EU/EEA regions {sorted(eu_regions)}; EU/EEA languages {sorted(eu_languages)}")
    assert {state for f in regional for state in f.member_states} == eu_regions
    assert {f.evidence.value.split(" ")[0] for f in by_language} == eu_languages
    assert all(f.member_states for f in by_language)
