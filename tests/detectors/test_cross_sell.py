"""CROSS_SELL (MiCA Art. 61(2)): a message that pushes a new type of crypto-asset service to an EU audience, new
relative to what the same audience was sent before; the same-type window only annotates the evidence."""

from __future__ import annotations

import hashlib

import pytest

import detectors.cross_sell as cross_sell
from detectors.catalogue import catalogue
from detectors.context import Context
from detectors.cross_sell import FILE, SuppliedSequence, service_mentions, service_types, service_types_from_data
from detectors.data_files import DataFileError, checked, validator
from detectors.evidence import SuppliedItem
from detectors.model import Document, Scope

SCHEMA = "services"  # every service type lists at least these languages:
REQUIRED_LANGUAGES = frozenset(validator(SCHEMA).schema["$defs"]["type"]["properties"]["terms"]["required"])


def cross_sell_findings(ctx, items, window_days=30, first_contact=None):
    """CROSS_SELL over (document, audience countries) pairs, as the supplied-channel judge calls it."""
    sequence = SuppliedSequence(tuple(SuppliedItem(d, tuple(c)) for d, c in items), window_days, first_contact)
    return cross_sell.detect(sequence, ctx)


def doc(n: int, when: str, text: str, lang: str = "de") -> Document:
    url = f"mbox:campaigns.mbox/message-{n}"
    return Document(channel="export:campaigns.mbox", url=url, requested_url=url, status=200, fetched_at=when,
                    body_sha256=hashlib.sha256(text.encode()).hexdigest(), html_lang=lang, text=text)


SPOT = "Jetzt Bitcoin kaufen, schnell und sicher."
STAKING = "Neu: Staking für Ethereum, mit Staking-Belohnungen jede Woche."
FUTURES = "Neu: Futures mit bis zu 20-fachem Hebel."


def values(findings) -> list[tuple[str, tuple[str, ...], str]]:
    return [(f.url.rsplit("-", 1)[1], f.member_states, f.evidence.value) for f in findings]


# ---------------------------------------------------------------------------------------------- vocabulary

def test_vocabulary_loads_and_covers_the_required_languages():
    types = service_types()
    assert [t.id for t in types] == ["spot", "staking", "earn", "derivatives", "launchpad", "lending", "nft",
                                     "copy_trading"]
    for service in types:
        assert REQUIRED_LANGUAGES <= set(service.lexicon.languages), service.id
    assert len({t.label for t in types}) == len(types)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Jetzt Bitcoin kaufen", "de", ["spot"]),
        ("Découvrez le staking et l'épargne flexible", "fr", ["staking", "earn"]),
        ("Opera con apalancamiento en futuros perpetuos", "es", ["derivatives"]),
        ("Nuovo launchpad: partecipa alla vendita di token", "it", ["launchpad"]),
        ("Pożyczki kryptowalutowe bez BIK", "pl", ["lending"]),
        ("Ontdek onze NFT-marktplaats", "nl", ["nft"]),
        ("Experimente o copy trading hoje", "pt", ["copy_trading"]),
        ("Earn interest with flexible savings, up to 8% APY", "en", ["earn"]),
        ("Kein Staking, keine Futures: nur Bitcoin kaufen.", "de", ["spot"]),  # negated mentions do not count
        ("Willkommen bei Example Firm", "de", []),
    ],
    ids=["de-spot", "fr-staking-earn", "es-derivatives", "it-launchpad", "pl-lending", "nl-nft", "pt-copy",
         "en-earn", "de-negated", "de-nothing"],
)
def test_service_mentions_per_language(text, lang, expected):
    assert [m.type for m in service_mentions(doc(1, "2026-03-01T00:00:00Z", text, lang))] == expected


def test_no_phrase_belongs_to_two_types():
    owner: dict[tuple[str, str], str] = {}
    for service in service_types():
        for lang, phrases in service.lexicon.terms.items():
            for phrase in phrases:
                key = (lang, phrase.lower())
                assert key not in owner, f"{phrase!r} ({lang}) in both {owner.get(key)} and {service.id}"
                owner[key] = service.id


def good() -> dict:
    terms = {lang: ["staking"] for lang in sorted(REQUIRED_LANGUAGES)}
    return {"version": 1, "family": "CROSS_SELL", "types": {"staking": {"label": "staking", "terms": terms}}}


def test_valid_vocabulary_builds():
    (service,) = service_types_from_data(FILE, checked(FILE, good(), SCHEMA))
    assert (service.id, service.label) == ("staking", "staking")


def _without_pl(data: dict) -> dict:
    del data["types"]["staking"]["terms"]["pl"]
    return data


def _with(path: tuple[str, ...], value):
    def change(data: dict) -> dict:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return data
    return change


@pytest.mark.parametrize(
    ("change", "entry", "expected"),
    [
        (_with(("types",), {}), "types", "a mapping of service type id"),
        (_with(("extra",), 1), "extra", "a known key (family, types, version); unknown keys are errors"),
        (_with(("types", "Staking!"), {"label": "x", "terms": {"en": ["x"]}}), "types.Staking!", "a lower-case"),
        (_with(("types", "staking", "label"), " "), "types.staking.label", "a non-empty string"),
        (_with(("types", "staking", "note"), "x"), "types.staking.note", "a known key (label, terms)"),
        (_with(("types", "staking", "terms", "xx"), ["staking"]), "types.staking.terms.xx", "an EU/EEA language"),
        (_with(("types", "staking", "terms", "de"), ["staking", "Staking"]), "types.staking.terms.de[1]",
         "no duplicates, 'Staking' appears twice"),
        (_with(("types", "copy"), {"label": "Staking", "terms": dict.fromkeys(REQUIRED_LANGUAGES, ["copy trading"])}),
         "types.copy.label",
         "a unique label, 'Staking' appears twice"),
        (_without_pl, "types.staking.terms.pl", "this key is required"),
    ],
    ids=["no-types", "unknown-top-key", "bad-type-id", "blank-label", "unknown-type-key", "unknown-language",
         "duplicate-phrase", "duplicate-label", "missing-required-language"],
)
def test_malformed_vocabulary_is_refused_naming_the_entry(change, entry, expected):
    with pytest.raises(DataFileError) as refused:
        service_types_from_data(FILE, checked(FILE, change(good()), SCHEMA))
    assert (refused.value.file, refused.value.entry) == (FILE, entry)
    assert expected in refused.value.expected


# ---------------------------------------------------------------------------------------------- the rule

def test_new_type_to_the_same_eu_audience_is_a_cross_sell():
    items = [(doc(1, "2026-03-02T08:00:00Z", SPOT), ("DE", "AT")),
             (doc(2, "2026-03-12T09:00:00Z", STAKING), ("DE", "AT"))]
    (finding,) = cross_sell_findings(Context(), items)
    assert values([finding]) == [("2", ("AT", "DE"), "new service: staking (earlier: spot trading)")]
    assert finding.indicator == "CROSS_SELL" and finding.strength == "strong"
    assert finding.legal_ref == catalogue()["CROSS_SELL"].legal_ref
    assert finding.evidence.locator == "text (de)"
    assert finding.evidence.snippet.startswith(
        "[within the same-type window (unconfirmed): 30-day window, day 10 after first contact on 2026-03-02 "
        "(AT, DE)] ")


@pytest.mark.parametrize(("window_days", "status"), [(30, "within"), (10, "within"), (9, "outside"),
                                                      (7, "outside")])
def test_window_is_a_setting(window_days, status):
    items = [(doc(1, "2026-03-02T08:00:00Z", SPOT), ("DE",)), (doc(2, "2026-03-12T08:00:00Z", STAKING), ("DE",))]
    (finding,) = cross_sell_findings(Context(), items, window_days=window_days)
    assert finding.evidence.snippet.startswith(f"[{status} the same-type window (unconfirmed): {window_days}-day")


def test_first_contact_moves_the_window_per_country():
    items = [(doc(1, "2026-03-02T08:00:00Z", SPOT), ("DE", "AT")),
             (doc(2, "2026-03-12T08:00:00Z", STAKING), ("DE", "AT"))]
    (finding,) = cross_sell_findings(Context(), items, first_contact={"de": "2026-01-05"})
    assert finding.member_states == ("AT", "DE")
    assert finding.evidence.snippet.startswith(
        "[within the same-type window (unconfirmed): 30-day window, day 10 after first contact on 2026-03-02 (AT); "
        "outside the same-type window (unconfirmed): 30-day window, day 66 after first contact on 2026-01-05 (DE)]")


def test_audiences_are_kept_apart():
    items = [(doc(1, "2026-03-01T00:00:00Z", SPOT), ("DE",)),
             (doc(2, "2026-03-02T00:00:00Z", "Bitcoin kaufen und Staking nutzen."), ("AT",)),
             (doc(3, "2026-03-03T00:00:00Z", STAKING), ("DE", "AT")),
             (doc(4, "2026-03-04T00:00:00Z", FUTURES), ("DE", "AT", "FR"))]
    assert values(cross_sell_findings(Context(), items)) == [
        ("3", ("DE",), "new service: staking (earlier: spot trading)"),
        ("4", ("AT", "DE"), "new service: derivatives (earlier: spot trading, staking)"),
    ]  # AT had staking from the start; FR has no baseline yet


def test_a_type_is_reported_once_per_audience():
    items = [(doc(n, f"2026-03-0{n}T00:00:00Z", text), ("DE",))
             for n, text in ((1, SPOT), (2, STAKING), (3, STAKING), (4, SPOT + " " + STAKING))]
    assert values(cross_sell_findings(Context(), items)) == [("2", ("DE",), "new service: staking "
                                                                            "(earlier: spot trading)")]


def test_non_eu_or_unknown_audiences_raise_nothing():
    for audience in [("US", "CH"), ()]:
        items = [(doc(1, "2026-03-01T00:00:00Z", SPOT), audience), (doc(2, "2026-03-02T00:00:00Z", STAKING), audience)]
        assert cross_sell_findings(Context(), items) == []


def test_eea_countries_count_and_non_eu_ones_are_dropped():
    items = [(doc(1, "2026-03-01T00:00:00Z", SPOT), ("NO", "GB")), (doc(2, "2026-03-02T00:00:00Z", STAKING),
                                                                   ("NO", "GB"))]
    assert [f.member_states for f in cross_sell_findings(Context(), items)] == [("NO",)]


def test_several_new_types_in_one_message_are_separate_findings():
    items = [(doc(1, "2026-03-01T00:00:00Z", SPOT), ("DE",)),
             (doc(2, "2026-03-02T00:00:00Z", "Neu: Staking, Futures und ein NFT-Marktplatz."), ("DE",))]
    assert [f.evidence.value for f in cross_sell_findings(Context(), items)] == [
        "new service: staking (earlier: spot trading)", "new service: derivatives (earlier: spot trading)",
        "new service: NFT (earlier: spot trading)"]


def test_items_are_taken_in_date_order_whatever_the_input_order():
    items = [(doc(2, "2026-03-12T09:00:00Z", STAKING), ("DE",)), (doc(1, "2026-03-02T08:00:00Z", SPOT), ("DE",))]
    assert values(cross_sell_findings(Context(), items)) == [("2", ("DE",), "new service: staking "
                                                                            "(earlier: spot trading)")]


@pytest.mark.parametrize(("kwargs", "message"), [({"window_days": -1}, "window_days"),
                                                 ({"window_days": True}, "window_days"),
                                                 ({"first_contact": {"DE": "soon"}}, "first_contact['DE']")])
def test_bad_settings_are_refused(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        cross_sell_findings(Context(), [], **kwargs)


def test_cross_sell_is_active_and_judged_over_sequences_not_single_documents():
    assert catalogue()["CROSS_SELL"].status == "active"
    assert cross_sell.SCOPE == Scope.SUPPLIED
    assert catalogue()["CROSS_SELL"].legal_ref.startswith("MiCA Art. 61(2)")
    assert "not confirmed" in catalogue()["CROSS_SELL"].note
