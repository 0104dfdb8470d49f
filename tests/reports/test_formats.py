"""Reports: schema, writer, and the four renderings, built from constructed channels with hostile crawled content.

Crawled pages are attacker-controlled, so the report formats are tested as an attack surface: no script can reach
report.html, no javascript: URL becomes a link, no formula reaches a spreadsheet, no pipe breaks a Markdown table.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
import os
import re
from pathlib import Path

import pytest

from detectors.model import ChannelResult, Evidence, Finding
from reports.csv_report import HEADER, neutralise
from reports.html import is_safe_link, render_html
from reports.markdown import md_text, render_markdown
from reports.terminal import summary_lines
from reports.validate import validate_report
from reports.writer import write_reports
from tests.conftest import report_of
from tests.reports.html_tags import parse

T0 = "2026-01-01T00:00:00Z"
HOSTILE_SNIPPET = 'Jetzt kaufen <script>alert(1)</script> "quoted" & more'
HOSTILE_URL = "javascript:alert(1)"
FORMULA_VALUE = '=HYPERLINK("https://evil.example/","click")'
NA_REASON = "nothing could be fetched: connection refused"
INCONCLUSIVE_REASON = "bot wall <img src=x onerror=alert(2)>"
ASSESSED = "website:cryptex.de"
NOT_ASSESSED = "website:cryptex.eu"
INCONCLUSIVE = "social:telegram:cryptex_official"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def finding(indicator, url, value, snippet, locator, states=(), strength="strong", confidence=0.9):
    return Finding(indicator=indicator, channel=ASSESSED, url=url, fetched_at=T0, body_sha256=sha(url),
                   confidence=confidence, member_states=tuple(states),
                   evidence=Evidence(value=value, snippet=snippet, locator=locator),
                   legal_ref=f"MiCA Art. 61(1) ({indicator})", strength=strength)


def channels() -> list[ChannelResult]:
    assessed = ChannelResult(
        id=ASSESSED, kind="website", target="https://cryptex.de/", status="assessed", pages_fetched=3,
        findings=[
            finding("LANG", "https://cryptex.de/", "de", '<html lang="de">', "html[lang]", ("AT", "DE", "LU")),
            finding("PROMO", "https://cryptex.de/angebote/", "jetzt kaufen", HOSTILE_SNIPPET, "text (de)", ("DE",)),
            finding("BONUS", HOSTILE_URL, FORMULA_VALUE, "line one\nline two | with a pipe", "a[href]",
                    strength="medium", confidence=0.85),
            finding("PHONE", "https://cryptex.de/impressum/", "+493022334455", "call +49 30 22 33 44 55",
                    "a[href^=tel:]", ("DE",)),
        ],
    )
    not_assessed = ChannelResult(
        id=NOT_ASSESSED, kind="website", target="https://cryptex.eu/", status="not-assessed", reason=NA_REASON,
        pages_failed=1, errors=[{"url": "https://cryptex.eu/", "error": "connection refused"}],
    )
    inconclusive = ChannelResult(
        id=INCONCLUSIVE, kind="social", target="https://t.me/cryptex_official", status="inconclusive",
        reason=INCONCLUSIVE_REASON, pages_fetched=1,
    )
    return [assessed, not_assessed, inconclusive]


def make_report(chs=None) -> dict:
    return report_of(
        firm={"name": "Cryptex <b>Ltd</b>", "home_country": "SC", "slug": "cryptex-ltd"},
        channels=channels() if chs is None else chs,
        started_at=T0, finished_at="2026-01-01T00:05:00Z", visitors=["DE", "US"], config={"max_pages": 50},
    )


@pytest.fixture(scope="module")
def report() -> dict:
    return make_report()


def channel(report: dict, channel_id: str) -> dict:
    return next(c for c in report["channels"] if c["id"] == channel_id)


# --- schema ---------------------------------------------------------------------------------------------------


def test_built_report_is_valid(report):
    assert validate_report(report) == []


def test_not_assessed_only_report_is_valid():
    only = make_report([channels()[1]])
    assert only["verdict"]["level"] == "not-assessed" and only["verdict"]["score"] is None
    assert validate_report(only) == []


def mutated(report: dict, change) -> dict:
    broken = copy.deepcopy(report)
    change(broken)
    return broken


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda r: channel(r, ASSESSED)["findings"][0]["evidence"].pop("locator"), "evidence"),
        (lambda r: channel(r, ASSESSED)["findings"][0]["evidence"].pop("snippet"), "evidence"),
        (lambda r: r.__setitem__("extra", 1), "(top)"),
        (lambda r: channel(r, ASSESSED)["findings"][0].__setitem__("note", "x"), "findings[0]"),
        (lambda r: r["firm"].__setitem__("website", "x"), "firm"),
        (lambda r: channel(r, ASSESSED).__setitem__("level", "severe"), "level"),
        (lambda r: r["verdict"].__setitem__("level", "critical"), "verdict.level"),
        (lambda r: channel(r, NOT_ASSESSED).__setitem__("level", "low"), "level"),
        (lambda r: channel(r, ASSESSED).__setitem__("score", None), "score"),
        (lambda r: channel(r, ASSESSED).__setitem__("status", "done"), "status"),
        (lambda r: channel(r, ASSESSED)["findings"][0].__setitem__("body_sha256", "abc"), "body_sha256"),
        (lambda r: channel(r, ASSESSED)["findings"][0].__setitem__("fetched_at", "2026-01-01 00:00"), "fetched_at"),
        (lambda r: channel(r, ASSESSED)["findings"][0].__setitem__("confidence", 1.5), "confidence"),
        (lambda r: r["member_states"].__setitem__("Germany", r["member_states"]["DE"]), "member_states"),
        (lambda r: r["firm"].__setitem__("home_country", "sc"), "home_country"),
    ],
)
def test_schema_rejects_bad_reports(report, change, where):
    errors = validate_report(mutated(report, change))
    assert errors, "the schema accepted a broken report"
    assert any(where in e for e in errors), errors


# --- writer ---------------------------------------------------------------------------------------------------


def test_writer_writes_four_complete_files_and_no_temp_files(report, tmp_path):
    out = tmp_path / "new" / "cryptex-ltd"
    written = write_reports(report, out)
    assert set(written) == {"json", "html", "md", "csv"}
    assert sorted(p.name for p in out.iterdir()) == ["findings.csv", "report.html", "report.json", "report.md"]
    assert json.loads((out / "report.json").read_text(encoding="utf-8")) == report
    assert (out / "report.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert (out / "report.md").read_text(encoding="utf-8").endswith("\n")
    assert (out / "report.json").read_bytes().endswith(b"}\n")


def test_json_is_byte_identical_across_writes(report, tmp_path):
    first = write_reports(report, tmp_path / "a")["json"].read_bytes()
    second = write_reports(copy.deepcopy(report), tmp_path / "b")["json"].read_bytes()
    again = write_reports(report, tmp_path / "a")["json"].read_bytes()
    assert first == second == again
    assert "Jetzt kaufen <script>" in first.decode("utf-8")  # ensure_ascii=False: stored as captured
    html = [write_reports(report, tmp_path / d, ("html",))["html"].read_bytes() for d in "cd"]
    assert html[0] == html[1]


def test_writer_selected_formats_and_unknown_format(report, tmp_path):
    assert set(write_reports(report, tmp_path, "json, csv")) == {"json", "csv"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.csv", "report.json"]
    with pytest.raises(ValueError, match=r"'pdf'.*allowed: json, html, md, csv"):
        write_reports(report, tmp_path / "x", ("json", "pdf"))
    assert not (tmp_path / "x").exists()


def test_failed_write_keeps_old_file_and_leaves_no_temp(report, tmp_path, monkeypatch):
    write_reports(report, tmp_path, ("json",))
    before = (tmp_path / "report.json").read_bytes()

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    changed = mutated(report, lambda r: r["verdict"].__setitem__("summary", "changed"))
    with pytest.raises(OSError, match="disk full"):
        write_reports(changed, tmp_path, ("json",))
    assert (tmp_path / "report.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


# --- HTML -----------------------------------------------------------------------------------------------------




def section(html: str, channel_id: str) -> str:
    start = html.index(f"<h2>Channel: {channel_id}</h2>")
    start = html.rindex("<section", 0, start)
    return html[start: html.index("</section>", start)]


def test_html_has_no_scripts_or_external_resources(report):
    html = render_html(report)
    tags = parse(html).tags
    assert [t for t, _ in tags if t == "script"] == []
    assert "<script" not in html.lower()
    assert not any(t in ("link", "img", "iframe", "object", "embed") for t, _ in tags)
    assert not any(name.startswith("on") or name == "src" for _, attrs in tags for name in attrs)
    assert not any("url(" in attrs.get("style", "") for _, attrs in tags)


def test_html_escapes_crawled_content(report):
    html = render_html(report)
    # The snippet's match is marked (<mark>), so its escaped parts are checked without the mark between them.
    assert "Jetzt kaufen &lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; &amp; more" in html.replace(
        "<mark>", "").replace("</mark>", "")
    assert "Cryptex &lt;b&gt;Ltd&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert HOSTILE_SNIPPET in "".join(parse(html).text)  # shown to the reader as the text it was


def test_html_links_only_http_urls(report):
    html = render_html(report)
    hrefs = [a["href"] for t, a in parse(html).tags if t == "a"]
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    assert not any("javascript" in h.lower() for h in hrefs)
    assert HOSTILE_URL in html  # shown as text
    external = [a for t, a in parse(html).tags if t == "a" and not a["href"].startswith("#")]
    assert all(a.get("rel") == "noopener noreferrer nofollow" for a in external)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", " https://x.example/",
                                 "data:text/html,<b>", "//x.example/", "https://", "https://a.example/\x00",
                                 "https://a.example/ x", "https://good.example@evil.example/", "/relative"])
def test_unsafe_links_rejected(url):
    assert not is_safe_link(url)


@pytest.mark.parametrize("url", ["https://cryptex.de/", "http://cryptex.de/a?b=1&c=2#x", "HTTPS://X.EXAMPLE"])
def test_safe_links_accepted(url):
    assert is_safe_link(url)


def test_html_verdict_first(report):
    html = render_html(report)
    verdict = html.index('id="verdict"')
    assert verdict < html.index('<section class="channel')
    assert verdict < html.index(f"<h2>Channel: {ASSESSED}</h2>")
    assert report["verdict"]["level"].upper() in html[verdict:html.index("</section>", verdict)]
    assert "INCOMPLETE PICTURE" in html[verdict:html.index("</section>", verdict)]
    assert report["notice"].replace("'", "&#39;") in html[:verdict]


def test_html_unrated_channels_are_loud_and_have_no_level(report):
    html = render_html(report)
    na = section(html, NOT_ASSESSED)
    assert "NOT ASSESSED" in na and NA_REASON in na
    assert "badge level-" not in na and "/100" not in na
    inc = section(html, INCONCLUSIVE)
    assert "INCONCLUSIVE" in inc and "bot wall" in inc and "badge level-" not in inc
    rated = section(html, ASSESSED)
    assert f'badge level-{channel(report, ASSESSED)["level"]}' in rated


def test_html_evidence_table_and_hash(report):
    html = render_html(report)
    rated = section(html, ASSESSED)
    f = channel(report, ASSESSED)["findings"][0]
    assert f'<code title="{f["body_sha256"]}">{f["body_sha256"][:12]}…</code>' in rated
    assert rated.count('<article class="finding" id="f-') == len(channel(report, ASSESSED)["findings"])
    for text in (f["evidence"]["locator"], f["fetched_at"], "Content in an EU language", f["record_id"]):
        assert text.replace('"', "&#34;") in rated
    assert rated.count(f["legal_ref"]) == 1  # once per indicator, not once per finding


def test_html_not_assessed_verdict():
    html = render_html(make_report([channels()[1]]))
    verdict = html[html.index('id="verdict"'):]
    verdict = verdict[: verdict.index("</section>")]
    assert "NOT ASSESSED" in verdict and "no score" in verdict and "INCOMPLETE PICTURE" in verdict
    assert "level-none" not in verdict and "level-low" not in verdict


# --- CSV ------------------------------------------------------------------------------------------------------


def test_csv_round_trip_and_formula_guard(report, tmp_path):
    path = write_reports(report, tmp_path, ("csv",))["csv"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert tuple(rows[0]) == HEADER
    assert rows[0] == ("finding_id,channel,indicator,strength,confidence,member_states,url,fetched_at,"
                       "body_sha256,locator,value,snippet,legal_ref,triage,triage_reason,new_since_last,pages,"
                       "sample_urls,first_seen,last_seen").split(",")
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == sum(len(c["findings"]) for c in report["channels"])
    assert [r["finding_id"] for r in body] == [f["id"] for c in report["channels"] for f in c["findings"]]
    formula = next(r for r in body if r["indicator"] == "BONUS")
    assert formula["value"] == "'" + FORMULA_VALUE
    assert formula["snippet"] == "line one\nline two | with a pipe"
    assert formula["url"] == HOSTILE_URL
    lang = next(r for r in body if r["indicator"] == "LANG")
    assert lang["member_states"] == "AT DE LU" and float(lang["confidence"]) == 0.9
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_neutralise(cell):
    assert neutralise(cell) == "'" + cell
    assert neutralise("plain =1") == "plain =1"


# --- Markdown -------------------------------------------------------------------------------------------------


def test_markdown_verdict_and_escaping(report):
    md = render_markdown(report)
    assert md.startswith("# Solicitation-risk report: Cryptex \\<b\\>Ltd\\</b\\>\n")
    assert f"**{report['verdict']['level'].upper()}**, score {report['verdict']['score']}/100" in md
    assert "**INCOMPLETE PICTURE**" in md and "**NOT ASSESSED**" in md and NA_REASON in md
    assert "line one line two \\| with a pipe" in md
    assert "<script>" not in md and "\\<script\\>" in md
    finding_rows = [line for line in md.splitlines() if line.startswith("| ") and T0 in line]
    assert len(finding_rows) == len(channel(report, ASSESSED)["findings"])
    unescaped = re.compile(r"(?<!\\)\|")
    columns = {len(unescaped.findall(line)) for line in finding_rows}
    assert columns == {13}  # 12 cells in every findings row: no pipe or newline broke a row


def test_md_text():
    assert md_text("a|b\nc") == "a\\|b c"
    assert md_text("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"


# --- terminal -------------------------------------------------------------------------------------------------


def test_terminal_summary(report):
    lines = summary_lines(report)
    text = "\n".join(lines)
    assert lines[0] == "Firm: Cryptex <b>Ltd</b> (SC)"
    assert lines[1].startswith(f"Verdict: {report['verdict']['level'].upper()}, score ")
    assert "INCOMPLETE PICTURE" in lines[1]
    for c in report["channels"]:
        assert sum(c["id"] in line for line in lines) == 1
    assert f"NOT ASSESSED ({NA_REASON}), 0 findings" in text
    assert "INCONCLUSIVE (bot wall" in text
    assert f"{len(channel(report, ASSESSED)['findings'])} findings" in text


def test_terminal_neutralises_control_characters():
    chs = channels()
    chs[1].reason = "refused \x1b[31mRED\x1b[0m\u202e"
    lines = summary_lines(make_report(chs))
    assert not any("\x1b" in line or "\u202e" in line for line in lines)
    assert any("\\u001b[31mRED" in line for line in lines)


def test_no_file_written_outside_out_dir(report, tmp_path):
    out = tmp_path / "out"
    write_reports(report, out)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert not [p for p in Path(out).iterdir() if p.name.startswith(".")]
