"""Firm-supplied material (crawler/captures/supplied.py): a posts export and an mbox of campaigns are read line by
line and message by message; malformed ones are reported with their number and field, the rest is assessed by the
same detectors as web pages, and cross-sell pushes to EU recipients are found over the series."""

from __future__ import annotations

import os

import pytest

import detectors.cross_sell as cross_sell
from crawler.captures.supplied import (
    SOURCE_HEADER,
    SOURCE_NONE,
    SOURCE_TLD,
    ExportResult,
    MailResult,
    export_items,
    mail_items,
    read_mbox,
    read_posts_export,
)
from detectors.analyze import analyze_items
from detectors.context import Context
from detectors.inputs import InputError
from tests.conftest import PAGES

INPUTS = PAGES / "inputs"
POSTS = INPUTS / "posts.jsonl"
MBOX = INPUTS / "campaigns.mbox"


def cross_sell_findings(items, window_days=30):
    """CROSS_SELL over supplied items, as the supplied-channel judge calls it."""
    return cross_sell.detect(cross_sell.SuppliedSequence(tuple(items), window_days), Context())


@pytest.fixture(scope="module")
def export() -> ExportResult:
    return read_posts_export(POSTS)


@pytest.fixture(scope="module")
def mail() -> MailResult:
    return read_mbox(MBOX)


# ---------------------------------------------------------------------------------------------- posts export

def test_malformed_lines_are_reported_with_line_number_and_field(export):
    assert [(p["line"], p["field"]) for p in export.problems] == [
        (3, "(line)"), (5, "promo_code"), (7, "date"), (8, "audience.countries[1]")]
    errors = {p["line"]: p["error"] for p in export.problems}
    assert errors[3].startswith("valid JSON")
    assert "unknown keys are errors" in errors[5]
    assert "'2026-02-30'" in errors[7]
    assert "'XX'" in errors[8]


def test_good_lines_are_still_read(export):
    assert [p.line for p in export.posts] == [1, 2, 4, 6, 9]
    first = export.posts[0]
    assert (first.id, first.date, first.countries, first.languages, first.channel) == (
        "p1", "2026-03-02T00:00:00Z", ("AT", "DE"), ("de",), "instagram")
    assert first.links == ("https://www.example-firm.com/de/signup?ref=DE2026",)
    assert export.posts[2].date == "2026-03-05T17:30:00Z"  # +01:00 taken to UTC


def test_export_documents_carry_date_text_links_language_and_a_stable_url(export):
    docs = [item.document for item in export_items(export, "posts.jsonl")]
    assert [d.url for d in docs] == ["export:posts.jsonl/line-1", "export:posts.jsonl/line-2",
                                     "export:posts.jsonl/line-4", "export:posts.jsonl/line-9",
                                     "export:posts.jsonl/line-6"]  # date order
    first = docs[0]
    assert first.channel == "export:posts.jsonl" and first.kind == "html" and first.status == 200
    assert first.fetched_at == "2026-03-02T00:00:00Z" and first.html_lang == "de"
    assert [link.url for link in first.links] == ["https://www.example-firm.com/de/signup?ref=DE2026"]
    assert len(first.body_sha256) == 64
    assert docs[4].html_lang == "de-DE" and docs[1].html_lang == ""
    assert [item.countries for item in export_items(export, "posts.jsonl")] == [
        ("AT", "DE"), (), ("FR",), ("PL",), ("DE",)]


def test_good_lines_are_assessed_by_the_existing_detectors(export):
    findings = analyze_items([item.document for item in export_items(export, "posts.jsonl")], Context(), "export")
    bonus = {(f.url, f.evidence.value): f for f in findings if f.indicator == "BONUS"}
    german = bonus[("export:posts.jsonl/line-1", "willkommensbonus")]
    assert "DE" in german.member_states and german.channel == "export:posts.jsonl"
    assert german.fetched_at == "2026-03-02T00:00:00Z"
    assert ("export:posts.jsonl/line-9", "bonus za polecenie") in bonus
    assert not [f for f in findings if f.url.endswith(("/line-3", "/line-5", "/line-7", "/line-8"))]


def test_the_same_phrase_in_two_posts_stays_two_findings(tmp_path):
    text = "Jetzt Willkommensbonus sichern und Bitcoin kaufen, nur für Neukunden."
    lines = [f'{{"id": "a{n}", "date": "2026-03-0{n}", "text": "{text}"}}' for n in (1, 2)]
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = export_items(read_posts_export(path), "posts.jsonl")
    findings = analyze_items([item.document for item in items], Context(), "export")
    assert sorted(f.url for f in findings if (f.indicator, f.evidence.value) == ("BONUS", "willkommensbonus")) == [
        "export:posts.jsonl/line-1", "export:posts.jsonl/line-2"]


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ('{"id": "x", "date": "2026-03-01"}', "text", "this key is required"),
        ('{"id": "x", "date": "2026-03-01", "text": "  "}', "text", "a non-empty string"),
        ('{"id": 7, "date": "2026-03-01", "text": "t"}', "id", "a non-empty string"),
        ('{"id": "x", "date": "yesterday", "text": "t"}', "date", "an ISO 8601 date"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "links": ["ftp://x"]}', "links[0]", "an http(s)"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "audience": {"country": ["DE"]}}', "audience.country",
         "unknown keys are errors"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "audience": {"languages": ["xx-DE"]}}',
         "audience.languages[0]", "a language code"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "channel": ""}', "channel", "a non-empty string"),
        ('["not", "an", "object"]', "(line)", "a JSON object, got ['not', 'an', 'object']"),
        ('{"id": "x", "date": 20260301, "text": "t"}', "date", "an ISO 8601 date or date-time string, got 20260301"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "links": "https://x"}', "links", "a list of URLs"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "audience": ["DE"]}', "audience",
         "a mapping with keys countries, languages"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "audience": {"countries": "DE"}}', "audience.countries",
         "a list of ISO 3166-1 alpha-2 country codes"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "audience": {"countries": ["DEU"]}}',
         "audience.countries[0]", "an ISO 3166-1 alpha-2 country code such as DE, got 'DEU'"),
        ('{"id": "x", "date": "2026-03-01", "text": "t", "promo_code": "EU50", "links": "u"}', "promo_code",
         "a known key (audience, channel, date, id, links, text); unknown keys are errors"),
    ],
    ids=["missing-text", "blank-text", "numeric-id", "bad-date", "bad-link", "unknown-audience-key",
         "bad-language", "empty-channel", "not-an-object", "numeric-date", "links-not-a-list",
         "audience-not-a-mapping", "countries-not-a-list", "country-shape", "shape-first-fault-only"],
)
def test_each_malformed_field_is_named(tmp_path, line, field, expected):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "ok", "date": "2026-03-01", "text": "fine"}\n' + line + "\n", encoding="utf-8")
    result = read_posts_export(path)
    assert [p.id for p in result.posts] == ["ok"]
    assert [(p["line"], p["field"]) for p in result.problems] == [(2, field)]
    assert expected in result.problems[0]["error"]


def test_what_only_code_checks_is_reported_fault_by_fault(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "x", "date": "2026-02-30", "text": "t", "audience": {"countries": ["DE", "XX"], '
                    '"languages": ["qq"]}}\n', encoding="utf-8")
    assert [(p["field"], p["error"]) for p in read_posts_export(path).problems] == [
        ("date", "an ISO 8601 date or date-time such as 2026-03-02 or 2026-03-02T09:30:00Z, got '2026-02-30'"),
        ("audience.countries[1]", "an ISO 3166-1 alpha-2 country code such as DE, got 'XX'"),
        ("audience.languages[0]", "a language code such as de or de-DE, got 'qq'")]


def test_values_are_read_trimmed_and_normalised(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": " z ", "date": "2026-03-01T10:00:00", "text": " t ", "links": [" HTTPS://a.example/ "], '
                    '"audience": {"countries": [" de ", "AT", "DE"], "languages": ["de_DE", "de-DE"]}, '
                    '"channel": " x "}\n', encoding="utf-8")
    (post,) = read_posts_export(path).posts
    assert (post.id, post.date, post.text, post.links, post.countries, post.languages, post.channel) == (
        "z", "2026-03-01T10:00:00Z", "t", ("HTTPS://a.example/",), ("AT", "DE"), ("de-DE",), "x")


def test_duplicate_ids_and_undecodable_lines_are_problems(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "date": "2026-03-01", "text": "one"}\n'
                     b'{"id": "a", "date": "2026-03-02", "text": "two"}\n'
                     b'{"id": "b", "date": "2026-03-02", "text": "caf\xe9"}\n')
    result = read_posts_export(path)
    assert [p.line for p in result.posts] == [1]
    assert [(p["line"], p["field"]) for p in result.problems] == [(2, "id"), (3, "(line)")]
    assert "already on line 1" in result.problems[0]["error"]


def test_missing_export_or_a_directory_is_refused(tmp_path):
    with pytest.raises(InputError) as missing:
        read_posts_export(tmp_path / "nope.jsonl")
    assert (missing.value.source, missing.value.where) == (str(tmp_path / "nope.jsonl"), "(file)")
    assert "does not exist" in missing.value.expected
    with pytest.raises(InputError, match="not a directory"):
        read_posts_export(tmp_path)


def test_unreadable_export_is_refused(tmp_path):
    locked = tmp_path / "locked.jsonl"
    locked.write_text("{}\n")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that read any file")
        with pytest.raises(InputError, match="a readable"):
            read_posts_export(locked)
    finally:
        locked.chmod(0o644)


# ---------------------------------------------------------------------------------------------- mbox

def test_malformed_message_is_reported_by_number_and_the_rest_read(mail):
    assert [(p["message"], p["field"]) for p in mail.problems] == [(3, "Date")]
    assert [m.number for m in mail.messages] == [1, 2, 4]


def test_recipient_countries_and_where_they_come_from(mail):
    got = {m.number: (m.countries, m.countries_source) for m in mail.messages}
    assert got == {1: (("AT", "DE"), SOURCE_HEADER), 2: (("FR",), SOURCE_TLD), 4: (("AT", "DE"), SOURCE_TLD)}


def test_mail_text_links_and_language(mail):
    first, french, staking = mail.messages
    assert first.subject == "Bitcoin kaufen in Euro – Ihr Willkommensbonus"  # RFC 2047 decoded
    assert first.body_format == "text/plain" and "Willkommensbonus von 20 €" in first.text  # quoted-printable
    assert first.links == ("https://www.example-firm.com/de/signup?ref=mail-de",)  # from the HTML part
    assert first.date == "2026-03-02T08:00:00Z" and first.html_lang == "de"
    assert french.body_format == "text/html" and "réservé aux nouveaux clients" in french.text  # latin-1 HTML
    assert "<p>" not in french.text and french.html_lang == "fr"
    assert french.links == ("https://www.example-firm.com/fr/inscription?ref=mail-fr",)
    assert staking.links == ("https://www.example-firm.com/de/staking",)  # from the text, full stop dropped


def test_mail_documents_are_assessed_by_the_existing_detectors(mail):
    docs = [item.document for item in mail_items(mail, "campaigns.mbox")]
    assert [d.url for d in docs] == ["mbox:campaigns.mbox/message-1", "mbox:campaigns.mbox/message-2",
                                     "mbox:campaigns.mbox/message-4"]
    assert {d.channel for d in docs} == {"export:campaigns.mbox"}
    assert docs[0].title == docs[0].text.split("\n")[0] == "Bitcoin kaufen in Euro – Ihr Willkommensbonus"
    findings = analyze_items(docs, Context(), "export")
    observed = {(f.indicator, f.url, f.evidence.value) for f in findings}
    assert ("BONUS", "mbox:campaigns.mbox/message-1", "willkommensbonus") in observed
    assert ("BONUS", "mbox:campaigns.mbox/message-2", "bonus de bienvenue") in observed


def test_cross_sell_over_the_campaigns(mail):
    findings = cross_sell_findings(mail_items(mail, "campaigns.mbox"))
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.indicator, finding.url, finding.member_states) == (
        "CROSS_SELL", "mbox:campaigns.mbox/message-4", ("AT", "DE"))
    assert finding.evidence.value == "new service: staking (earlier: spot trading)"
    assert finding.evidence.snippet.startswith("[within the same-type window (unconfirmed): 30-day window, day 10 "
                                               "after first contact on 2026-03-02 (AT, DE)]")
    assert "Staking" in finding.evidence.snippet
    assert finding.legal_ref.startswith("MiCA Art. 61(2)") and finding.strength == "strong"
    assert finding.fetched_at == "2026-03-12T09:00:00Z"


def test_a_seven_day_window_puts_the_staking_push_outside(mail):
    (finding,) = cross_sell_findings(mail_items(mail, "campaigns.mbox"), window_days=7)
    assert finding.evidence.snippet.startswith("[outside the same-type window (unconfirmed): 7-day window, day 10")
    assert finding.evidence.value == "new service: staking (earlier: spot trading)"  # raised either way


def test_cross_sell_over_the_export(export):
    (finding,) = cross_sell_findings(export_items(export, "posts.jsonl"))
    assert (finding.url, finding.member_states) == ("export:posts.jsonl/line-6", ("DE",))
    assert finding.evidence.value == "new service: staking (earlier: spot trading)"
    assert finding.evidence.locator == "text (de)"


def test_no_body_and_undecodable_messages_are_problems(tmp_path):
    head = "From x@example-firm.com Mon Mar  2 09:00:00 2026\nFrom: x@example-firm.com\nTo: a@b.de\n" \
           "Date: Mon, 02 Mar 2026 09:00:00 +0100\nSubject: s\n"
    mbox = tmp_path / "c.mbox"
    mbox.write_bytes((
        head + "Content-Type: text/plain; charset=utf-8\n\nHallo, Bitcoin kaufen.\n\n"
        + head + "Content-Type: text/plain; charset=x-unknown-charset\n\nHallo.\n\n"
        + head + "Content-Type: text/plain; charset=utf-8\n\n   \n\n"
        + head + "Content-Type: image/png\n\nnot text\n\n"
        + head + "X-Recipient-Countries: DE, QQ\nContent-Type: text/plain\n\nHallo.\n\n"
    ).encode("utf-8") + head.encode() + b"Content-Type: text/plain; charset=utf-8\n\ncaf\xe9\n")
    result = read_mbox(mbox)
    assert [m.number for m in result.messages] == [1]
    assert [(p["message"], p["field"]) for p in result.problems] == [
        (2, "body"), (3, "body"), (4, "body"), (5, "X-Recipient-Countries[1]"), (6, "body")]
    assert "x-unknown-charset" in result.problems[0]["error"]
    assert "'QQ'" in result.problems[3]["error"]


def test_recipients_without_country_domains_are_unknown(tmp_path):
    mbox = tmp_path / "c.mbox"
    mbox.write_text("From x Mon Mar  2 09:00:00 2026\nTo: a@example.com, b@example.co.uk\n"
                    "Date: Mon, 02 Mar 2026 09:00:00 +0000\n\nHello\n\n"
                    "From x Mon Mar  2 09:00:00 2026\nTo: a@example.com\n"
                    "Date: Mon, 02 Mar 2026 09:00:00 +0000\n\nHello\n", encoding="utf-8")
    first, second = read_mbox(mbox).messages
    assert (first.countries, first.countries_source) == (("GB",), SOURCE_TLD)  # .uk is GB
    assert (second.countries, second.countries_source) == ((), SOURCE_NONE)


def test_missing_or_non_mbox_file_is_refused(tmp_path):
    with pytest.raises(InputError) as missing:
        read_mbox(tmp_path / "nope.mbox")
    assert (missing.value.where, "does not exist" in missing.value.expected) == ("(file)", True)
    other = tmp_path / "notes.txt"
    other.write_text("just some text\n")
    with pytest.raises(InputError, match="an mbox file"):
        read_mbox(other)
    empty = tmp_path / "empty.mbox"
    empty.write_text("")
    assert read_mbox(empty) == MailResult(source=str(empty))


def test_reading_is_deterministic():
    assert read_posts_export(POSTS) == read_posts_export(POSTS)
    assert read_mbox(MBOX) == read_mbox(MBOX)
    items = mail_items(read_mbox(MBOX), "campaigns.mbox") + export_items(read_posts_export(POSTS), "posts.jsonl")
    assert cross_sell_findings(items) == cross_sell_findings(list(reversed(items)))
