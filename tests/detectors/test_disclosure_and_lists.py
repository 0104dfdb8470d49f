"""DISCLOSURE (a sponsored post without the state's cited label) and WARNING_LIST (a listed domain or name):
findings the jurisdiction profiles and imported lists add, as markers that change no score."""

from __future__ import annotations

import pytest

from detectors.assessment import assess
from detectors.context import Context
from detectors.disclosure import detect as disclosure
from detectors.model import ChannelResult, Document, Link
from detectors.warning_list import ListCheck, hit_of, matches, name_key
from detectors.warning_list import detect as list_hits

REFERRAL = "https://nordwind-exchange.com/signup?ref=NW-77812"
T = "2026-03-02T09:30:00Z"


def post(text: str, lang: str = "", links: tuple[str, ...] = (REFERRAL,), n: int = 1) -> Document:
    return Document(channel="export:posts.jsonl", url=f"export:posts.jsonl/line-{n}",
                    requested_url=f"export:posts.jsonl/line-{n}", status=200, fetched_at=T, body_sha256="0" * 64,
                    html_lang=lang, text=text, links=tuple(Link(u) for u in links))


FRENCH = "Ouvrez votre compte Nordwind aujourd'hui et recevez 50 € de bonus avec mon lien, offre limitée !"
GERMAN = "Eröffne jetzt dein Konto bei Nordwind und sichere dir 50 € Bonus mit meinem Link, nur diese Woche!"


def test_a_french_sponsored_post_without_the_label_raises_the_fr_finding_citing_the_law():
    (f,) = disclosure(post(FRENCH, "fr"), Context())
    assert (f.indicator, f.member_states, f.strength) == ("DISCLOSURE", ("FR",), "marker")
    assert f.evidence.value == 'FR: sponsored post without "publicité" / "collaboration commerciale"'
    assert f.legal_ref.startswith("MiCA Art. 61(1)") and "FR: Loi n° 2023-451 du 9 juin 2023" in f.legal_ref
    assert "art. 5" in f.legal_ref
    assert REFERRAL in f.evidence.snippet


def test_the_language_is_identified_when_the_post_does_not_declare_it():
    assert [f.member_states for f in disclosure(post(FRENCH), Context())] == [("FR",)]


@pytest.mark.parametrize("labelled", [
    "Publicité — " + FRENCH,
    FRENCH + " #CollaborationCommerciale",
    FRENCH + " (collaboration  commerciale)",
])
def test_a_labelled_french_post_raises_nothing(labelled):
    assert disclosure(post(labelled, "fr"), Context()) == []


@pytest.mark.parametrize(("doc", "why"), [
    (post(FRENCH, "fr", links=("https://nordwind-exchange.com/fr/",)), "no referral link: not shown to be paid"),
    (post("Werbung: " + GERMAN, "de"), "German post with its state's label"),
    (post(FRENCH.replace("€", "zł"), "pl"), "a language whose states cite no labels"),
])
def test_near_misses(doc, why):
    assert disclosure(doc, Context()) == [], why


def test_a_german_sponsored_post_without_werbung_or_anzeige_names_germany():
    (f,) = disclosure(post(GERMAN, "de"), Context())
    assert f.member_states == ("DE",) and "Medienstaatsvertrag" in f.legal_ref


ENTRY = {"list": "esma-ncasp@2", "kind": "ncasp", "imported_at": "2026-12-01T10:00:00Z", "sha256": "a" * 64,
         "line": 3, "name": "Atlas Digital Markets Inc.", "commercial_name": "Atlas Markets",
         "websites": ["atlas-markets.com", "atlas-markets.fr"], "authority": "Autorité des marchés financiers",
         "state": "FR", "date": "2026-03-14", "reference": "", "reason": "unauthorised crypto-asset services"}


def test_names_are_compared_without_case_accents_punctuation_or_spacing():
    assert name_key("  ATLAS  Digital-Markets, Inc. ") == name_key("Atlas Digital Markets Inc") == \
        "atlas digital markets inc"
    assert name_key("Société Générale") == "societe generale"
    assert matches(ENTRY, firm_name="atlas markets") == "name"  # the commercial name
    assert matches(ENTRY, domain="atlas-markets.fr") == "domain atlas-markets.fr"
    assert matches(ENTRY, firm_name="Atlas Digital") == ""  # near miss: part of the name
    assert matches(ENTRY, domain="atlas-markets.de") == ""  # near miss: another domain of the same brand


def test_a_listed_domain_and_a_listed_name_become_markers_on_their_channels():
    check = ListCheck(firm_name="Atlas Digital Markets Inc.", entries=(ENTRY,),
                      channels=(("website:atlas-markets.com", "atlas-markets.com"), ("app:apple:1", "")))
    by_domain, by_name = list_hits(check, Context())
    assert (by_domain.channel, by_domain.url) == ("website:atlas-markets.com", "https://atlas-markets.com/")
    assert by_domain.evidence.value == "esma-ncasp@2 line 3: Atlas Digital Markets Inc. (domain atlas-markets.com)"
    assert by_domain.evidence.locator == "warning list esma-ncasp@2, line 3"
    assert "Autorité des marchés financiers | 2026-03-14" in by_domain.evidence.snippet
    assert (by_domain.fetched_at, by_domain.body_sha256) == (ENTRY["imported_at"], ENTRY["sha256"])
    assert by_name.channel == "website:atlas-markets.com" and by_name.evidence.value.endswith("(name)")
    assert by_domain.member_states == () and by_domain.strength == "marker"
    assert hit_of(by_domain.evidence.locator, by_domain.evidence.value) == (
        "esma-ncasp@2", 3, "domain atlas-markets.com")
    assert hit_of(by_name.evidence.locator, by_name.evidence.value)[2] == "name"
    with pytest.raises(ValueError):
        hit_of("text", "bonus")
    assert by_domain.id != by_name.id


def test_markers_change_no_score():
    check = ListCheck(firm_name="x", entries=(ENTRY,), channels=(("website:atlas-markets.com", "atlas-markets.com"),))
    hit = list_hits(check, Context())
    sponsored = disclosure(post(FRENCH, "fr"), Context())
    plain = ChannelResult("website:atlas-markets.com", "website", "https://atlas-markets.com/", "assessed")
    marked = ChannelResult("website:atlas-markets.com", "website", "https://atlas-markets.com/", "assessed",
                           findings=hit)
    supplied = ChannelResult("export:posts.jsonl", "export", "posts.jsonl", "assessed", findings=sponsored)
    empty = ChannelResult("export:posts.jsonl", "export", "posts.jsonl", "assessed")
    before, after = assess([plain, empty], ["FR"]), assess([marked, supplied], ["FR"])
    assert [c.score.score for c in before.channels] == [c.score.score for c in after.channels]
    assert before.verdict.level == after.verdict.level
