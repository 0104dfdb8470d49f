"""Cross-visitor analysis: what EU visitor profiles were shown (or refused) that the non-EU baseline was not, the
geo-block verdict per state, and the one way a geo-block may lower a score (verified from every EU vantage point,
no EU-directed content left). Documents are built directly, as the crawler builds them: no network."""

from __future__ import annotations

import random

import pytest

from detectors.analyze import analyze_documents
from detectors.catalogue import catalogue
from detectors.channels.website import WebsiteJudge, visitor_findings
from detectors.context import Context
from detectors.document import build_document
from detectors.evidence import ChannelEvidence, FirmEvidence
from detectors.geo import VisitorViews
from detectors.geoblock import verdicts
from detectors.model import ChannelResult, Document
from detectors.scoring import apply_geoblock, contribution, score_channel, score_member_states

CHANNEL = "website:coinhub.example"
SITE = "https://coinhub.example"
EU = ("DE", "FR")

ENGLISH = """<!doctype html><html lang="en"><head><title>CoinHub</title></head><body>
<p>Welcome to CoinHub. Get a sign-up bonus when you open an account.</p><p>Bitcoin: $61,240.50</p></body></html>"""
GERMAN = """<!doctype html><html lang="de-DE"><head><title>CoinHub</title></head><body>
<p>Willkommensbonus: 50 € für neue Kunden.</p><p>Bitcoin: 56.240,50 €</p></body></html>"""
GERMAN_BONUS = """<!doctype html><html lang="de"><head><title>CoinHub Bonus</title></head><body>
<h1>Ihr Willkommensbonus</h1><p>Jetzt registrieren und Willkommensbonus sichern.</p></body></html>"""
UNAVAILABLE = """<!doctype html><html><head><title>451</title></head><body>
<p>Unavailable for legal reasons.</p></body></html>"""
FORBIDDEN = """<!doctype html><html><head><title>403 Forbidden</title></head><body><p>Forbidden</p></body></html>"""
BLOCK_PAGE = """<!doctype html><html lang="en"><head><title>CoinHub</title></head><body>
<p>This service is not available in your country.</p></body></html>"""
CHALLENGE = """<!doctype html><html><head><title>Just a moment...</title></head><body>
<p>Checking your browser before accessing coinhub.example. Cloudflare</p></body></html>"""


def page(path: str, body: str, visitor: str, status: int = 200, final: str = "") -> Document:
    return build_document(channel=CHANNEL, requested_url=SITE + path, url=SITE + (final or path), status=status,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html; charset=utf-8",
                          body=body.encode("utf-8"), visitor=visitor)


def run(docs: list[Document], eu: tuple[str, ...] = EU):
    """The visitor-scope findings of these pages and the geo-block verdicts, as a website channel's judging
    finds them (each page's own findings computed as the crawl does)."""
    channel = ChannelEvidence(CHANNEL, "website", SITE + "/")
    judge = WebsiteJudge(channel, Context(), FirmEvidence((channel,), 0, baseline="US", eu_visitors=eu))
    for doc in docs:
        judge.keep_view(doc, analyze_documents([doc], Context()))
    views = VisitorViews(judge.views, "US", eu)
    geo = visitor_findings(views, Context())
    return geo, verdicts(views, judge.page_states, geo)


def seen(findings) -> set[tuple[str, str, tuple[str, ...], tuple[str, ...], str]]:
    return {(f.indicator, f.evidence.value, f.member_states, f.visitors, f.evidence.locator) for f in findings}


def channel_score(docs: list[Document], extra):
    """The channel as the crawler would score it: per-document findings of every visitor plus the cross-visitor ones."""
    channel = ChannelResult(id=CHANNEL, kind="website", target=SITE + "/", status="assessed",
                            findings=analyze_documents(docs, Context()) + list(extra))
    return channel, score_channel(channel, catalogue())


# --- geo-targeted content -------------------------------------------------------------------------------------


def test_german_euro_greeting_for_de_only_is_geo_targeted():
    findings, verdicts = run([page("/", ENGLISH, "US"), page("/", GERMAN, "DE"), page("/", ENGLISH, "FR")])
    only = "DE-only: BONUS willkommensbonus, CURRENCY EUR, LANG de-DE, PROMO willkommensbonus"
    assert seen(findings) == {("GEO_TARGETED", only, ("DE",), ("DE",), "visitor comparison")}
    [finding] = findings
    assert finding.strength == "strong" and finding.url == SITE + "/" and "Willkommensbonus" in finding.evidence.snippet
    assert not [f for f in findings if "US" in f.visitors or "FR" in f.visitors]
    assert verdicts == {}


def test_redirect_of_de_visitor_to_german_locale_is_geo_targeted():
    findings, _ = run([page("/", ENGLISH, "US"), page("/", GERMAN, "DE", final="/de/")], eu=("DE",))
    redirects = [f for f in findings if f.evidence.locator == "redirect"]
    assert seen(redirects) == {("GEO_TARGETED", "redirect to /de/ for DE", ("DE",), ("DE",), "redirect")}
    assert redirects[0].url == SITE + "/" and "-> https://coinhub.example/de/" in redirects[0].evidence.snippet


def test_redirect_seen_by_the_baseline_too_is_not_geo_targeted():
    findings, _ = run([page("/", GERMAN, "US", final="/de/"), page("/", GERMAN, "DE", final="/de/")], eu=("DE",))
    assert findings == []


# --- geo-blocks and verdicts ----------------------------------------------------------------------------------


def test_451_to_every_eu_visitor_on_every_page_is_a_verified_geoblock_that_lowers_the_score():
    paths = ("/", "/fees/", "/about/")
    docs = [page(p, ENGLISH, "US") for p in paths]
    docs += [page(p, UNAVAILABLE, state, status=451) for p in paths for state in EU]
    findings, verdicts = run(docs)
    assert seen(findings) == {("GEOBLOCK", f"451 for {s}", (s,), (s,), "http status") for s in EU}
    assert len(findings) == 6  # one per refused page and state
    assert {f.strength for f in findings} == {"mitigating"}
    assert findings[0].evidence.snippet.startswith("HTTP 451 Unavailable For Legal Reasons")
    assert verdicts == {"DE": "verified", "FR": "verified"}

    channel, score = channel_score(docs, findings)
    assert score.score and all(contribution(f, catalogue()) == 0.0 for f in findings)
    lowered = apply_geoblock(score, verdicts, catalogue(), eu_visitors=EU)
    assert lowered.score == round(score.score * catalogue().scoring.geoblock_factor) < score.score
    assert lowered.mitigation and not score.mitigation
    assert "DE" not in score_member_states([channel], catalogue())  # a refusal does not target the state


def test_geoblock_not_verified_from_every_eu_visitor_does_not_lower_the_score():
    docs = [page("/", ENGLISH, "US"), page("/", UNAVAILABLE, "DE", status=451), page("/", ENGLISH, "FR")]
    findings, verdicts = run(docs)
    assert verdicts == {"DE": "verified"}  # FR was never refused: it has no verdict
    _, score = channel_score(docs, findings)
    assert apply_geoblock(score, verdicts, catalogue(), eu_visitors=EU) == score


@pytest.mark.parametrize("bonus_visitor", ["US", "DE"])
def test_ip_block_with_a_german_bonus_page_still_served_is_not_credited(bonus_visitor):
    docs = [page("/", ENGLISH, "US"), page("/", FORBIDDEN, "DE", status=403), page("/de/bonus/", GERMAN_BONUS, "US")]
    if bonus_visitor == "DE":
        docs.append(page("/de/bonus/", GERMAN_BONUS, "DE"))
    else:
        docs.append(page("/de/bonus/", FORBIDDEN, "DE", status=403))
    findings, verdicts = run(docs, eu=("DE",))
    assert ("GEOBLOCK", "403 for DE", ("DE",), ("DE",), "http status") in seen(findings)
    assert verdicts == {"DE": "not-credited"}
    _, score = channel_score(docs, findings)
    assert apply_geoblock(score, verdicts, catalogue(), eu_visitors=("DE",)) == score


def test_block_on_some_pages_only_is_partial():
    docs = [page("/", ENGLISH, "US"), page("/fees/", ENGLISH, "US"),
            page("/", UNAVAILABLE, "DE", status=451), page("/fees/", ENGLISH, "DE")]
    assert run(docs, eu=("DE",))[1] == {"DE": "partial"}


def test_block_page_served_with_200_to_de_only_is_a_geoblock():
    findings, verdicts = run([page("/", ENGLISH, "US"), page("/", BLOCK_PAGE, "DE"), page("/", ENGLISH, "FR")])
    assert seen(findings) == {("GEOBLOCK", "block page for DE", ("DE",), ("DE",), "text")}
    assert "not available in your country" in findings[0].evidence.snippet
    assert verdicts == {"DE": "verified"}


def test_redirect_of_de_visitor_to_a_region_page_is_a_geoblock():
    findings, _ = run([page("/", ENGLISH, "US"), page("/", BLOCK_PAGE, "DE", final="/geo-restricted")], eu=("DE",))
    assert seen(findings) == {("GEOBLOCK", "redirect to /geo-restricted for DE", ("DE",), ("DE",), "redirect")}
    assert findings[0].url == SITE + "/"


def test_bot_challenge_for_the_proxy_is_not_a_geoblock():
    findings, verdicts = run([page("/", ENGLISH, "US"), page("/", CHALLENGE, "DE", status=403)], eu=("DE",))
    assert findings == [] and verdicts == {}


def test_refused_everywhere_is_not_a_geoblock():
    docs = [page("/", UNAVAILABLE, visitor, status=451) for visitor in ("US", "DE")]
    assert run(docs, eu=("DE",)) == ([], {})


# --- near miss and determinism --------------------------------------------------------------------------------


def test_same_content_for_every_visitor_gives_no_findings():
    docs = [page(p, body, v) for p, body in (("/", ENGLISH), ("/de/", GERMAN)) for v in ("US", "DE", "FR")]
    assert run(docs) == ([], {})


def test_shuffled_documents_give_identical_output():
    docs = [page("/", ENGLISH, "US"), page("/", GERMAN, "DE", final="/de/"), page("/", BLOCK_PAGE, "FR"),
            page("/fees/", ENGLISH, "US"), page("/fees/", GERMAN, "DE"), page("/fees/", UNAVAILABLE, "FR", status=451),
            page("/de/bonus/", GERMAN_BONUS, "US"), page("/de/bonus/", GERMAN_BONUS, "DE")]
    findings, verdicts = run(docs)
    assert findings and verdicts == {"FR": "not-credited"}  # EUR prices still shown name FR
    for seed in (1, 2, 3):
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        again, again_verdicts = run(shuffled)
        assert [f.to_dict() for f in again] == [f.to_dict() for f in findings] and again_verdicts == verdicts
