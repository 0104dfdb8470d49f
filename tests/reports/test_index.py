"""The batch index: a supervisor reads it top down, so the order and the loud parts are what is tested.

Eight firms, built as scans would build them: two high with different scores, two high with the same score, one
medium, one low with an unassessed channel and a hostile name, one clean, one whose every channel failed, and one
whose scan crashed. Firms without a risk level must open the page unranked, never sit among the low-risk ones.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import random

import pytest

from detectors.model import ChannelResult, Evidence, Finding
from reports.index import (
    build_index,
    is_safe_relative,
    render_index_html,
    render_index_json,
    validate_index,
    write_index,
)
from tests.conftest import report_of
from tests.reports.html_tags import parse

T0 = "2026-01-01T00:00:00Z"
RUN = {"id": "run-2026-01-01", "started_at": T0, "finished_at": "2026-01-01T02:00:00Z", "firms_file": "firms.yaml"}
HOSTILE_NAME = "<script>alert(1)</script> & Co"
CRASH = "crawler crashed: <b>boom</b>"


def finding(host, indicator, path, strength="strong", confidence=0.9):
    url = f"https://{host}{path}"
    return Finding(indicator=indicator, channel=f"website:{host}", url=url, fetched_at=T0,
                   body_sha256=hashlib.sha256(url.encode()).hexdigest(), confidence=confidence,
                   member_states=("DE",), evidence=Evidence(value=f"{indicator} {path}", snippet="x", locator="text"),
                   legal_ref="MiCA Art. 61(1)", strength=strength)


def site(host, findings=(), status="assessed"):
    return ChannelResult(id=f"website:{host}", kind="website", target=f"https://{host}/", status=status,
                         reason="connection refused" if status == "not-assessed" else "",
                         pages_fetched=0 if status == "not-assessed" else 1, findings=list(findings))


def report(slug, name, channels):
    return report_of(firm={"name": name, "home_country": "SC", "slug": slug}, channels=channels,
                        started_at=T0, finished_at="2026-01-01T00:05:00Z", visitors=["DE", "US"], config={})


def entry(slug, name, channels=None, error=""):
    rep = None if channels is None else report(slug, name, channels)
    return {"slug": slug, "name": name, "report": rep, "report_dir": slug, "error": error}


def entries() -> list[dict]:
    beta = entry("beta-broker", "Beta Broker", [site("beta.example", [
        finding("beta.example", "LANG", "/"), finding("beta.example", "PROMO", "/a/"),
        finding("beta.example", "BONUS", "/b/")])])
    for f, new in zip(beta["report"]["channels"][0]["findings"], (True, True, False), strict=True):
        f["new"] = new  # as `scan --since-last` marks them
    return [
        entry("alpha-exchange", "Alpha Exchange", [site("alpha.example", [finding("alpha.example", "LANG", "/")])]),
        entry("aardvark-markets", "Aardvark Markets", [site("aardvark.example",
                                                            [finding("aardvark.example", "PROMO", "/")])]),
        beta,
        entry("gamma-wallet", "Gamma Wallet", [site("gamma.example", [
            finding("gamma.example", "CURRENCY", "/", strength="medium")])]),
        entry("hostile-co", HOSTILE_NAME, [site("hostile.example", [
            finding("hostile.example", "PHONE", "/", strength="weak", confidence=0.5)]),
            site("hostile.eu", status="not-assessed")]),
        entry("delta-custody", "Delta Custody", [site("delta.example")]),
        entry("epsilon-markets", "Epsilon Markets", [site("epsilon.example", status="not-assessed")]),
        entry("zeta-trading", "Zeta Trading", None, error=CRASH),
    ]


@pytest.fixture(scope="module")
def index() -> dict:
    return build_index(entries(), RUN)


def firm(index, slug) -> dict:
    return next(f for f in index["firms"] if f["slug"] == slug)


ORDER = ["zeta-trading", "epsilon-markets", "beta-broker", "aardvark-markets", "alpha-exchange", "gamma-wallet",
         "hostile-co", "delta-custody"]


def test_the_fixture_has_the_levels_it_claims(index):
    levels = {f["slug"]: (f["level"], f["score"]) for f in index["firms"]}
    assert levels["beta-broker"][0] == levels["alpha-exchange"][0] == levels["aardvark-markets"][0] == "high"
    assert levels["beta-broker"][1] > levels["alpha-exchange"][1] == levels["aardvark-markets"][1]
    assert levels["gamma-wallet"][0] == "medium" and levels["hostile-co"][0] == "low"
    assert levels["delta-custody"] == ("none", 0) and levels["epsilon-markets"] == ("not-assessed", None)
    assert levels["zeta-trading"] == (None, None)


def test_ranked_by_level_then_score_then_name(index):
    assert [f["slug"] for f in index["firms"]] == ORDER
    assert [f["rank"] for f in index["firms"]] == [None, None, 1, 2, 3, 4, 5, 6]


def test_unassessed_and_failed_firms_are_never_ranked_low(index):
    zeta, epsilon = firm(index, "zeta-trading"), firm(index, "epsilon-markets")
    assert zeta["rank"] is epsilon["rank"] is None
    assert zeta["error"] == CRASH and zeta["report"] is None and zeta["complete"] is False
    assert zeta["summary"] == f"SCAN FAILED: {CRASH}. This is not a low-risk result."
    assert epsilon["level"] == "not-assessed" and "This is not a low-risk result" in epsilon["summary"]
    assert epsilon["channels"] == {"total": 1, "assessed": 0, "not_assessed": 1}


def test_counts(index):
    assert index["counts"] == {"firms": 8, "high": 3, "medium": 1, "low": 1, "none": 1, "not_assessed": 1,
                               "failed": 1, "incomplete": 1}


def test_firm_rows(index):
    hostile = firm(index, "hostile-co")
    assert hostile["name"] == HOSTILE_NAME and hostile["home_country"] == "SC" and hostile["complete"] is False
    assert hostile["channels"] == {"total": 2, "assessed": 1, "not_assessed": 1} and hostile["findings"] == 1
    beta = firm(index, "beta-broker")
    assert beta["findings"] == 3 and beta["new_findings"] == 2
    assert firm(index, "alpha-exchange")["new_findings"] is None  # that scan did not compare with an earlier one
    assert beta["summary"] == entries()[2]["report"]["verdict"]["summary"]


def test_report_links_are_relative(index):
    for f in index["firms"]:
        if f["slug"] == "zeta-trading":
            assert f["report"] is None
        else:
            assert f["report"] == {"html": f"{f['slug']}/report.html", "json": f"{f['slug']}/report.json"}


@pytest.mark.parametrize("bad", ["../alpha", "a/../b", "/etc", "https://evil.example/x", "javascript:alert(1)",
                                 ".hidden", "", "a b", "a\\b", "a//b", "a/"])
def test_unsafe_report_dir_is_refused(bad):
    broken = entries()
    broken[0]["report_dir"] = bad
    assert not is_safe_relative(bad)
    with pytest.raises(ValueError, match="alpha-exchange"):
        build_index(broken, RUN)


def test_duplicate_slugs_are_refused():
    with pytest.raises(ValueError, match="alpha-exchange"):
        build_index(entries() + entries()[:1], RUN)


def test_index_is_valid_and_schema_is_strict(index):
    assert index["schema"] == "footprint.index/1" and index["run"] == RUN
    assert validate_index(index) == []
    for change, where in [
        (lambda i: firm(i, "epsilon-markets").__setitem__("rank", 7), "rank"),
        (lambda i: firm(i, "alpha-exchange")["report"].__setitem__("html", "../x/report.html"), "html"),
        (lambda i: firm(i, "alpha-exchange")["report"].__setitem__("html", "https://evil.example/"), "html"),
        (lambda i: firm(i, "zeta-trading").__setitem__("error", ""), "error"),
        (lambda i: i["counts"].pop("failed"), "counts"),
        (lambda i: i["run"].__setitem__("started_at", "yesterday"), "started_at"),
    ]:
        broken = copy.deepcopy(index)
        change(broken)
        errors = validate_index(broken)
        assert any(where in e for e in errors), errors


def test_order_is_deterministic(index):
    shuffled = entries()
    random.Random(7).shuffle(shuffled)
    assert render_index_json(build_index(shuffled, RUN)).encode() == render_index_json(index).encode()
    assert render_index_html(build_index(shuffled, RUN)) == render_index_html(index)


# --- HTML -------------------------------------------------------------------------------------------------------




def test_html_escapes_names_and_has_no_scripts(index):
    html = render_index_html(index)
    page = parse(html)
    assert "<script" not in html.lower() and not any(t == "script" for t, _ in page.tags)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert HOSTILE_NAME in "".join(page.text)
    assert "crawler crashed: &lt;b&gt;boom&lt;/b&gt;" in html
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]
    assert not any(name.startswith("on") or name == "src" for _, attrs in page.tags for name in attrs)


def test_html_links_each_firm_report_relatively(index):
    hrefs = [a["href"] for t, a in parse(render_index_html(index)).tags if t == "a"]
    expected = {f"{slug}/report.{ext}" for slug in ORDER if slug != "zeta-trading" for ext in ("html", "json")}
    assert set(hrefs) == expected and len(hrefs) == len(expected)


def test_html_never_links_an_unsafe_path():
    index = build_index(entries(), RUN)
    firm(index, "alpha-exchange")["report"] = {"html": "../../etc/passwd", "json": "javascript:alert(1)"}
    html = render_index_html(index)
    hrefs = [a["href"] for t, a in parse(html).tags if t == "a"]
    assert not any("alpha" in h or ".." in h or "javascript" in h for h in hrefs)
    assert "Alpha Exchange" in html


def test_html_opens_with_the_unassessed_group(index):
    html = render_index_html(index)
    banner = html.index('id="unranked"')
    assert banner < html.index('id="ranked"')
    group = html[banner: html.index("</section>", banner)]
    assert "2 firms NOT ASSESSED OR FAILED: no risk level, not a low-risk result" in group
    assert "SCAN FAILED" in group and "NOT ASSESSED" in group
    assert group.index("Zeta Trading") < group.index("Epsilon Markets")
    ranked = html[html.index('id="ranked"'):]
    assert "Zeta Trading" not in ranked and "Epsilon Markets" not in ranked
    positions = [ranked.index(f'id="firm-{slug}"') for slug in ORDER[2:]]
    assert positions == sorted(positions)
    for text in (RUN["id"], RUN["started_at"], RUN["finished_at"], "firms.yaml"):
        assert text in html[:banner]


def test_html_without_unranked_firms_has_no_banner():
    html = render_index_html(build_index(entries()[:3], RUN))
    assert 'id="unranked"' not in html and "NOT ASSESSED OR FAILED" not in html


# --- writing ----------------------------------------------------------------------------------------------------


def test_write_index_writes_both_files_and_no_temp_files(index, tmp_path):
    out = tmp_path / "batch"
    written = write_index(index, out)
    assert written == {"json": out / "index.json", "html": out / "index.html"}
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "index.json"]
    assert json.loads((out / "index.json").read_text(encoding="utf-8")) == index
    assert (out / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")


def test_failed_write_keeps_the_old_index(index, tmp_path, monkeypatch):
    write_index(index, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_index(build_index(entries()[:2], RUN), tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_only_the_report_formats_a_run_wrote_are_linked():
    report = report_of(firm={"name": "Json Only Ltd", "home_country": "SC", "slug": "json-only-ltd"}, channels=[],
                          started_at="2026-01-01T00:00:00Z", finished_at="2026-01-01T00:01:00Z", visitors=[],
                          config={})
    entry = {"slug": "json-only-ltd", "name": "Json Only Ltd", "report": report, "report_dir": "json-only-ltd",
             "error": "", "formats": ("json",)}
    index = build_index([entry], {"id": "r", "started_at": "2026-01-01T00:00:00Z",
                                  "finished_at": "2026-01-01T00:01:00Z", "firms_file": ""})
    assert index["firms"][0]["report"] == {"json": "json-only-ltd/report.json"}
    assert validate_index(index) == []
    html = render_index_html(index)
    assert 'href="json-only-ltd/report.json"' in html and "report.html" not in html


def test_firms_with_equal_scores_rank_by_member_states_reached_then_evidence():
    def firm(name: str, states: tuple[str, ...]) -> dict:
        findings = [Finding(indicator="LANG", channel="website:x.com", url=f"https://{name}.com/{s.lower()}/",
                            fetched_at="2026-01-01T00:00:00Z", body_sha256="0" * 64, confidence=0.95,
                            member_states=(s,), evidence=Evidence(value=s.lower(), snippet="", locator="html[lang]"),
                            legal_ref="MiCA Art. 61(1)", strength="strong") for s in states]
        channel = ChannelResult(id=f"website:{name}.com", kind="website", target=f"https://{name}.com/",
                                status="assessed", pages_fetched=len(states), findings=findings)
        report = report_of(firm={"name": name, "home_country": "SC", "slug": name}, channels=[channel],
                              started_at="2026-01-01T00:00:00Z", finished_at="2026-01-01T00:01:00Z",
                              visitors=[], config={})
        return {"slug": name, "name": name, "report": report, "report_dir": name, "error": ""}

    run = {"id": "r", "started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T00:01:00Z", "firms_file": ""}
    entries = [firm("aaa-one-state", ("DE",)), firm("zzz-three-states", ("DE", "FR", "PL"))]
    index = build_index(entries, run)
    # Breadth already shows in the score (detectors/ranking.py) ...
    assert [f["slug"] for f in index["firms"]] == ["zzz-three-states", "aaa-one-state"]
    assert index["firms"][0]["score"] > index["firms"][1]["score"]
    # ... and where two scores still tie, the firm reaching more member states ranks first.
    for entry in entries:
        entry["report"]["verdict"]["score"] = 70
    index = build_index(entries, run)
    assert index["firms"][0]["score"] == index["firms"][1]["score"]
    assert [(f["slug"], f["member_states"]) for f in index["firms"]] == [("zzz-three-states", 3), ("aaa-one-state", 1)]
