"""EU-language keywords of the firm's campaigns: keyword rows of a Google Ads Editor export and Keyword records of a
Microsoft Advertising bulk file (real layouts, made-up rows), read together per campaign into AD_LANGUAGE."""

from __future__ import annotations

from datetime import UTC, datetime

from crawler.register.google_ads import read_google_ads
from crawler.register.microsoft_ads import read_microsoft_ads
from detectors.register.keywords import AdKeyword, ad_language, campaign_languages
from detectors.register.records import Client
from tests.crawler.register.test_audience import SETTINGS

POLISH = ["jak kupić bitcoin", "giełda kryptowalut w polsce", "portfel na kryptowaluty", "najlepsza giełda bitcoin",
          "kurs bitcoina dzisiaj", "inwestowanie w kryptowaluty"]
ENGLISH = ["how to buy bitcoin", "best crypto exchange", "crypto wallet for beginners", "bitcoin price today",
           "invest in cryptocurrency"]
# A Microsoft Advertising bulk file with Keyword records (the Keyword record's documented columns among the file's).
BULK = ("Type,Status,Id,Parent Id,Campaign,Ad Group,Client Id,Modified Time,Keyword,Match Type,Bid,Target,Sub Type\n"
        "Format Version,,,,,,,,,,,,\n"
        + "".join(f"Keyword,Active,{n},7,Krypto PL,Ogólne,,,{k},Phrase,0.50,,\n" for n, k in enumerate(POLISH))
        + "Keyword,Deleted,99,7,Krypto PL,Ogólne,,,bitcoin kaufen,Phrase,0.50,,\n"
        + "Negative Keyword,Active,98,7,Krypto PL,Ogólne,,,darmowy bitcoin,Phrase,,,\n")
# A Google Ads Editor export: keyword rows with their Criterion Type, one of them negative.
EDITOR = [["Campaign", "Ad Group", "Keyword", "Criterion Type", "Location", "Location ID"],
          *(["Brand EN", "Generic", k, "Phrase", "", ""] for k in ENGLISH),
          ["Brand EN", "Generic", "kostenlos bitcoin", "Negative Broad", "", ""],
          ["Brand EN", "", "", "", "United States", "2840"]]


def keywords(campaign, words, source="x.csv"):
    return [AdKeyword(n + 2, campaign, word, source) for n, word in enumerate(words)]


def test_campaign_languages_and_the_near_misses():
    found = campaign_languages([*keywords("Krypto PL", POLISH), *keywords("Brand EN", ENGLISH),
                                *keywords("Short FR", ["acheter bitcoin", "portefeuille bitcoin"])], 0.9)
    assert list(found) == ["Krypto PL"] and found["Krypto PL"][0] == "pl"
    # English points at no member state; two French keywords are too few for the identifier to be sure.


def test_ad_language_attributes_the_campaign_to_the_language_s_states():
    client = Client("c-pl", 2, "PL", datetime(2026, 3, 1, tzinfo=UTC), attribution={"utm_campaign": "Krypto PL"})
    other = Client("c-de", 3, "DE", datetime(2026, 3, 1, tzinfo=UTC), attribution={"utm_campaign": "Krypto PL"})
    (finding,) = ad_language(keywords("Krypto PL", POLISH, "bulk.csv"), [client, other], SETTINGS, 0.9)
    assert (finding.check, finding.member_state, finding.clients) == ("AD_LANGUAGE", "PL", ("c-pl",))
    assert "Krypto PL (pl, p=" in finding.detail and len(finding.inputs) == len(POLISH)


def test_keyword_records_of_a_bulk_file(tmp_path):
    bulk = tmp_path / "bulk.csv"
    bulk.write_text(BULK, encoding="utf-8")
    imported, locations = read_microsoft_ads(bulk, None)  # no location rows: no locations file needed
    assert [(k.line, k.campaign, k.keyword) for k in imported.rows] == [
        (n + 3, "Krypto PL", k) for n, k in enumerate(POLISH)]  # not the deleted one, not the negative one
    assert locations is None and not imported.problems


def test_keyword_rows_of_an_editor_export(tmp_path):
    export = tmp_path / "editor.csv"
    export.write_bytes("\n".join("\t".join(row) for row in EDITOR).encode("utf-16"))
    imported = read_google_ads(export)
    rows = [(type(r).__name__, r.line) for r in imported.rows]
    assert rows == [*(("AdKeyword", n + 2) for n in range(len(ENGLISH))), ("Targeting", 8)]  # not the negative
    assert imported.read == len(ENGLISH) + 1
