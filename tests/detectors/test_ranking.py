"""Scores that rank (detectors/ranking.py): the level stays as scoring.py decides it, the score inside the level's
band follows the evidence, so firms at the same level can be ordered.

Shown on the generated firms of the batch (tests/support/sites.py, seed 7, the batch benchmark's): each firm's
website judged in-process from the generated files. Reference order, by construction of the firms: an `eu` firm
above a `medium` one above a `clean` one; among `eu` firms, two points per EU-language page (each a further
language, currency, rails and member states), one each for hreflang alternates, a local phone line and a bonus;
among `medium` firms, one each for euro prices and SEPA. The scores must agree with it (Spearman's rho >= 0.8
among the `eu` firms alone, >= 0.9 over all) and no more than 10 % of the EU-targeting firms may share the top.
"""

from __future__ import annotations

import pytest

from detectors.analyze import analyze_documents
from detectors.assessment import assess
from detectors.catalogue import catalogue
from detectors.context import Context
from detectors.document import build_document
from detectors.model import ChannelResult, Evidence, Finding
from detectors.ranking import band, evidence_mass, position
from detectors.scoring import score_channel
from tests.support.sites import generate, plan

SEED, FIRMS = 7, 50


def _finding(indicator: str, states: tuple[str, ...], strength: str = "strong", value: str = "v",
             channel: str = "website:a") -> Finding:
    return Finding(indicator=indicator, channel=channel, url="https://a.example/", fetched_at="2026-01-01T00:00:00Z",
                   body_sha256="0", confidence=1.0, member_states=states,
                   evidence=Evidence(value=value, snippet=value, locator="text"), legal_ref="", strength=strength)


def _channel(findings, cid: str = "website:a") -> ChannelResult:
    return ChannelResult(id=cid, kind="website", target="https://a.example/", status="assessed", findings=findings)


def _ranks(xs: list[float]) -> list[float]:
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    ranks = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    return cov / (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5


def reference(spec) -> int:
    if spec.profile == "eu":
        return 100 + 2 * len(spec.locales) + spec.hreflang + spec.phone + (spec.bonus > 0)
    if spec.profile == "medium":
        return 50 + spec.eur_prices + spec.sepa
    return 0


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    """(spec, assessment, the website's level score as scoring.py computes it) per reachable generated firm."""
    root = tmp_path_factory.mktemp("firms")
    generate(root, FIRMS, 1, SEED)
    out = []
    for spec in plan(FIRMS, 1, SEED):
        if not spec.reachable:
            continue
        docs = []
        for page in sorted((root / spec.host).rglob("*.html")):
            url = spec.url + page.relative_to(root / spec.host).as_posix().removesuffix("index.html")
            docs.append(build_document(channel=f"website:{spec.host}", requested_url=url, url=url, status=200,
                                       fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                                       body=page.read_bytes()))
        findings = analyze_documents(docs, Context(first_party=frozenset({spec.host})))
        channel = ChannelResult(id=f"website:{spec.host}", kind="website", target=spec.url, status="assessed",
                                findings=findings, pages_fetched=len(docs))
        out.append((spec, assess([channel], ["DE"]), score_channel(channel, catalogue())))
    return out


def test_levels_are_decided_as_before(judged):
    for _spec, assessment, levelled in judged:
        assert assessment.verdict.level == levelled.level
        low, high = band(levelled.level, catalogue())
        assert low <= assessment.verdict.score <= high


def test_eu_targeting_firms_spread_and_few_share_the_top(judged):
    eu = [a.verdict.score for spec, a, _ in judged if spec.profile == "eu"]
    assert len(eu) >= 15
    assert eu.count(max(eu)) <= 0.10 * len(eu)
    assert max(eu) < 100 and max(eu) - min(eu) >= 8 and len(set(eu)) >= 6


def test_order_agrees_with_the_order_by_construction(judged):
    eu = [(reference(spec), a.verdict.score) for spec, a, _ in judged if spec.profile == "eu"]
    assert spearman([r for r, _ in eu], [s for _, s in eu]) >= 0.8
    everyone = [(reference(spec), a.verdict.score) for spec, a, _ in judged]
    assert spearman([r for r, _ in everyone], [s for _, s in everyone]) >= 0.9


def test_bands_follow_the_catalogue_thresholds():
    cat = catalogue()
    assert band("none", cat) == (0, 0)
    assert band("low", cat) == (1, 29) and band("medium", cat) == (30, 59) and band("high", cat) == (60, 100)


def test_group_signals_do_not_inflate_breadth():
    cat = catalogue()
    one = evidence_mass([_channel([_finding("PHONE", ("FI",))])], cat)
    group = evidence_mass([_channel([_finding("CURRENCY", ("EU",), "medium")])], cat)
    euro_area = evidence_mass([_channel([_finding("CURRENCY", tuple(sorted(
        cat_states := ("AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV",
                       "MT", "NL", "PT", "SI", "SK", "BG"))), "medium")])], cat)
    assert one.breadth == 1.0 and group.breadth == 0.0
    assert euro_area.breadth == pytest.approx(1.0) and len(cat_states) == 21  # 21 states: one state's worth
    assert euro_area.specificity == 0.0 < one.specificity


def test_more_evidence_never_lowers_the_score_and_broader_evidence_raises_it():
    cat = catalogue()
    base = [_finding("LANG", ("PL",)), _finding("CURRENCY", ("PL",), value="pln")]
    broader = [*base, _finding("LANG", ("FI",), value="fi"), _finding("PHONE", ("FI",), value="+358")]
    two_channels = [_channel(base), _channel([_finding("PROMO", ("PL",))], "social:x")]
    scores = [position("high", evidence_mass(chs, cat), cat)
              for chs in ([_channel(base)], [_channel(broader)])]
    assert 60 <= scores[0] < scores[1] < 100
    assert position("high", evidence_mass(two_channels, cat), cat) > scores[0]


def test_a_verified_geoblock_lowers_the_mass_too():
    cat = catalogue()
    channel = _channel([_finding("LANG", ("PL",)), _finding("PHONE", ("PL",), value="+48")])
    full = evidence_mass([channel], cat)
    lowered = evidence_mass([channel], cat, {channel.id: cat.scoring.geoblock_factor})
    assert lowered.total < full.total


def test_an_untargeted_finding_alone_stays_at_the_bottom_of_low():
    cat = catalogue()
    mass = evidence_mass([_channel([_finding("PROMO", (), "weak")])], cat)
    assert mass.breadth == 0 and mass.channels == 0
    assert position("low", mass, cat) <= 5
