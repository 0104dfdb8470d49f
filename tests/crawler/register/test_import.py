"""The register's importer: the key, pseudonyms, column mapping, value readers and problems by line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crawler.register.csv_import import read_onboarding, read_services
from crawler.register.fields import BadValue, country, landing, locale
from crawler.register.keys import Pseudonymiser, load_key
from crawler.register.run import load_mapping
from crawler.store import open_store
from detectors.inputs import InputError

KEY = b"import-test-key-0123456789"


def test_pseudonyms_are_keyed_stable_and_hide_emails():
    one, other = Pseudonymiser(KEY), Pseudonymiser(KEY + b"x")
    assert one("Client-7") == one(" Client-7 ") != other("Client-7")
    assert one("client-7") != one("Client-7")  # ids may tell case apart
    assert len(one("Client-7")) == 24 and one.key_id != other.key_id
    scrubbed = one.scrub("spring/anna@example.de/promo")
    assert "anna@example.de" not in scrubbed and scrubbed == f"spring/email:{one('anna@example.de')}/promo"
    assert one.scrub("Anna@Example.DE") == one.scrub("anna@example.de")


def test_the_key_is_required_long_enough_and_kept_away_from_the_outputs(tmp_path):
    with pytest.raises(InputError, match=r"set \$FOOTPRINT_REGISTER_KEY"):
        load_key(None, env={})
    with pytest.raises(InputError, match="at least 16 bytes"):
        load_key(None, env={"FOOTPRINT_REGISTER_KEY": "short"})
    out = tmp_path / "out"
    (out / "keys").mkdir(parents=True)
    inside = out / "keys" / "register.key"
    inside.write_text("a-long-enough-secret-key-value\n")
    with pytest.raises(InputError, match="a key file kept outside"):
        load_key(str(inside), env={}, keep_out_of=(out,))
    outside = tmp_path / "register.key"
    outside.write_text("a-long-enough-secret-key-value\n")
    from_file = load_key(None, env={"FOOTPRINT_REGISTER_KEY_FILE": str(outside)}, keep_out_of=(out,))
    assert from_file.key == b"a-long-enough-secret-key-value"
    assert load_key(None, env={"FOOTPRINT_REGISTER_KEY": "a-long-enough-secret-key-value"}).key == from_file.key


@pytest.mark.parametrize(("given", "code"), [("de", "DE"), ("DEU", "DE"), ("Germany", "DE"), ("pl", "PL")])
def test_countries_by_code_or_name(given, code):
    assert country(given) == code


@pytest.mark.parametrize("given", ["XX", "Germania", "D"])
def test_unknown_countries_are_refused(given):
    with pytest.raises(BadValue, match="ISO 3166-1"):
        country(given)


def test_locales_and_landing_urls():
    assert (locale("de_de"), locale("fr")) == ("de-DE", "fr")
    with pytest.raises(BadValue):
        locale("xx-QQ")
    path, fields = landing("https://firm.example/de/Bonus?gclid=G1&utm_campaign=de-spring&ref=FRIEND9"
                           "&email=a%40b.de&x=1")
    assert path == "firm.example/de/Bonus"
    assert fields == {"gclid": "G1", "utm_campaign": "de-spring", "referral_code": "FRIEND9"}  # e-mail dropped
    with pytest.raises(BadValue, match="absolute http"):
        landing("javascript:alert(1)")


def test_a_mapped_semicolon_file_reads_and_keeps_only_what_it_may(tmp_path):
    mapping_file = tmp_path / "mapping.yaml"
    mapping_file.write_text("columns:\n  client_id: Kunden-ID\n  country_of_residence: Wohnsitz\n"
                            "  onboarded_at: Eröffnet am\n  landing_url: Einstieg\n", encoding="utf-8")
    mapping = load_mapping(mapping_file)
    onboarding = tmp_path / "kunden.csv"
    onboarding.write_text("Kunden-ID;Name;Wohnsitz;Eröffnet am;Einstieg\n"
                          "K-1;Erika Muster;AT;2026-03-02;https://firm.example/at/?utm_campaign=at-q1&ref=ERIKA-FRIEND\n"
                          "K-2;Hans Beispiel;AT;2026-03-03;not a url\n", encoding="utf-8")
    pseudonym = Pseudonymiser(KEY)
    imported = read_onboarding(onboarding, pseudonym, mapping)
    first, second = imported.rows
    assert first.attribution == {"referral_code": pseudonym("ERIKA-FRIEND"), "utm_campaign": "at-q1"}
    assert (first.landing, second.landing) == ("firm.example/at/", "")
    assert [str(p).split(": ", 1)[1] for p in imported.problems] == [
        "line 3: landing_url: an absolute http(s) URL (found 'not a url'); value left out"]
    assert imported.ignored_columns == ["Name"]
    with open_store(str(tmp_path / "store.sqlite")) as store:
        import_id, new = store.save_import("x-com", "onboarding", imported, pseudonym.key_id)
        assert new and store.save_import("x-com", "onboarding", imported, pseudonym.key_id) == (import_id, False)
    dump = "\n".join(sqlite3.connect(tmp_path / "store.sqlite").iterdump())
    assert pseudonym("K-1") in dump and "at-q1" in dump
    for raw in ("K-1", "Erika", "Hans", "ERIKA-FRIEND", "Muster"):
        assert raw not in dump


def test_mapping_and_services_problems(tmp_path):
    wrong = tmp_path / "mapping.yaml"
    wrong.write_text("columns:\n  client_name: Name\n", encoding="utf-8")
    with pytest.raises(InputError, match="columns.client_name: a footprint column name"):
        load_mapping(wrong)
    services = tmp_path / "services.csv"
    services.write_text("client_id,requested_at,service,initiated_by\nc1,2026-01-01,custody,partner\n"
                        "c1,,staking,firm\n", encoding="utf-8")
    imported = read_services(Path(services), Pseudonymiser(KEY), {})
    assert [r.initiated_by for r in imported.rows] == ["unknown"]  # a bad optional value: the row is kept
    assert [(p.line, p.field) for p in imported.problems] == [(2, "initiated_by"), (3, "requested_at")]


def test_a_client_listed_twice_is_kept_once(tmp_path):
    onboarding = tmp_path / "twice.csv"
    onboarding.write_text("Client ID\tCountry of residence\tOnboarded at\nC-1\tFR\t2026-01-01\nC-1 \tFR\t2026-01-02\n",
                          encoding="utf-8")
    imported = read_onboarding(onboarding, Pseudonymiser(KEY), {})  # tab-separated, headers in words
    assert [c.line for c in imported.rows] == [2]
    assert [str(p).split(": ", 1)[1] for p in imported.problems] == [
        "line 3: client_id: a client listed once (also on line 2); row left out"]


def test_bad_options_and_a_missing_action_are_bad_input(tmp_path, capsys):
    from crawler.cli import main

    onboarding = tmp_path / "o.csv"
    onboarding.write_text("client_id,country_of_residence,onboarded_at\nc,DE,2026-01-01\n", encoding="utf-8")
    assert main(["register", "check", str(onboarding), "--firm", "x", "--coverage-days", "0"]) == 2
    assert "--coverage-days: a whole number of days >= 1, got 0" in capsys.readouterr().err
    assert main(["register"]) == 2
    assert "required: ACTION" in capsys.readouterr().err
