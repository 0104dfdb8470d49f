"""Jurisdiction profiles (detectors/data/jurisdictions/): one per EU/EEA member state plus the Union's, every field
cited; derived fields equal to what CLDR (babel) and ISO 3166 (pycountry) say; a field without a citation refused."""

from __future__ import annotations

import copy

import babel.languages
import pycountry
import pytest
from babel import Locale

from detectors.data_files import DataFileError, checked, load
from detectors.geography import geography
from detectors.jurisdictions import SCHEMA, UNION, attributed, disclosure_profiles, file_of, profile, profiles


def test_every_member_state_and_the_union_have_a_profile():
    assert sorted(profiles()) == sorted(geography().member_states)
    assert len(profiles()) == 30
    assert profile(UNION).dates[0] == {"event": "mica-transition-end", "date": "2026-07-01",
                                       "caveat": profile(UNION).dates[0]["caveat"]}
    with pytest.raises(KeyError):
        profile("US")  # not a member state: no profile, never a default one


@pytest.mark.parametrize("state", sorted(geography().member_states))
def test_derived_fields_equal_cldr_and_iso_and_their_quotes_say_so(state):
    p = profile(state)
    languages = babel.languages.get_official_languages(state)
    assert p.languages == languages
    assert p.name == pycountry.countries.get(alpha_2=state).name
    for tag in p.locales:
        language, territory = tag.split("-")
        assert language in languages and territory == state and Locale.parse(f"{language}_{territory}")
    cites = p.citations
    assert cites["languages"][0].quote == " ".join(languages) and "CLDR" in cites["languages"][0].source
    assert cites["name"][0].quote == p.name and "ISO 3166-1" in cites["name"][0].source


@pytest.mark.parametrize("state", [*sorted(geography().member_states), UNION])
def test_every_field_of_every_profile_has_a_dated_quoted_citation(state):
    data = load(file_of(state), SCHEMA)
    fields = [k for k in data if k not in ("version", "state")]
    entries = [data[k] for k in fields if k != "dates"] + list(data.get("dates", ()))
    for entry in entries:
        assert entry["cite"], (state, entry)
        for c in entry["cite"]:
            assert c["source"].strip() and c["quote"].strip() and len(c["checked"]) == 10


@pytest.mark.parametrize(("path", "expected"), [
    (("authority", "cite"), "this key is required"),
    (("disclosure", "cite"), "this key is required"),
    (("dates", 0, "cite", 0, "quote"), "this key is required"),
])
def test_a_field_without_a_citation_fails(path, expected):
    data = copy.deepcopy(load(file_of("FR"), SCHEMA))
    node = data
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    with pytest.raises(DataFileError) as caught:
        checked("jurisdictions/fr.yaml", data, SCHEMA)
    assert caught.value.entry == ".".join(str(p) for p in path).replace(".0", "[0]")
    assert expected in caught.value.expected


def test_an_empty_citation_list_or_an_undated_citation_fails():
    data = copy.deepcopy(load(file_of("DE"), SCHEMA))
    data["authority"]["cite"] = []
    with pytest.raises(DataFileError, match="authority.cite: a non-empty list"):
        checked("jurisdictions/de.yaml", data, SCHEMA)
    data = copy.deepcopy(load(file_of("DE"), SCHEMA))
    data["name"]["cite"][0]["checked"] = "last week"
    with pytest.raises(DataFileError, match=r"name.cite\[0\].checked: the date the source was checked"):
        checked("jurisdictions/de.yaml", data, SCHEMA)


def test_what_the_issue_gives_is_in_the_profiles_with_its_sources():
    fr = profile("FR")
    assert fr.disclosure.labels == ("publicité", "collaboration commerciale")
    assert "2023-451" in fr.disclosure.legal_ref and "art. 5" in fr.disclosure.legal_ref
    assert [a["short"] for a in fr.authorities] == ["AMF"]
    assert profile("DE").disclosure.labels == ("Werbung", "Anzeige")
    assert "publicidad" in profile("ES").disclosure.labels
    ends = {s: profile(s).dates[0]["date"] for s in ("NL", "ES", "IT", "IE")}
    assert ends == {"NL": "2025-06-30", "ES": "2025-12-30", "IT": "2025-12-30", "IE": "2025-12-30"}
    assert "18 months" in profile("ES").dates[0]["caveat"]  # a later source disagrees: said, not hidden
    assert [p.state for p in disclosure_profiles("fr")] == ["FR"]  # BE, LU speak French but cite no labels
    assert not profile("PL").authorities and not profile("PL").dates  # nothing citable: left out, not guessed


def test_attribution_by_name_or_by_copy_addressed_to_residents():
    assert attributed("FR", ("FR", "BE"), "")
    assert attributed("FR", (), "Une offre réservée aux investisseurs français")
    assert attributed("DE", (), "Nur für deutsche Anleger")
    assert not attributed("FR", ("BE",), "investisseurs belges")  # near miss: another state's residents
    assert not attributed("AT", (), "für deutsche Anleger")  # AT's profile cites no such phrase
