"""Bounded inputs (crawler/config/limits.py): names, URLs, handles and headers have length limits; a long but
valid firm name gets a bounded, unique, stable folder name; a firms file's bad entry is marked, not fatal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from crawler.cli import main
from crawler.config.defaults import INPUT_LIMITS, MESSAGE_CHARS, SLUG_CHARS
from crawler.config.limits import bounded, cut, slugify
from crawler.config.profiles import load_profile
from detectors.inputs import InputError

LONG_NAME = ("Nordwind Exchange Limited " * 12)[:300]


def _firm(name: str, **channels) -> dict:
    return {"firm": {"name": name, "home_country": "SC"},
            "channels": channels or {"websites": ["https://nordwind-exchange.com/"]}}


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "firms.yaml"
    path.write_text(yaml.safe_dump(data, width=10**9, allow_unicode=True), encoding="utf-8")
    return path


def test_short_slugs_are_unchanged_and_long_ones_cut_with_a_hash_of_the_whole():
    assert slugify("Nordwind Exchange Ltd") == "nordwind-exchange-ltd"
    assert slugify("★ ☆") == "firm"  # nothing to spell a name with
    long_slug = slugify(LONG_NAME)
    assert len(long_slug) <= SLUG_CHARS and re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{10}", long_slug)
    assert long_slug.startswith("nordwind-exchange-limited-")
    assert slugify(LONG_NAME) == long_slug  # the same on every run: the store's history follows it
    assert slugify(LONG_NAME[:-1] + "X") != long_slug  # names that differ only at the end stay apart
    assert slugify(long_slug) == long_slug  # a slug is its own slug (analyze re-slugs archived ones)
    assert slugify("x" * SLUG_CHARS) == "x" * SLUG_CHARS  # the near miss: at the limit, nothing is cut


def test_names_in_other_scripts_get_distinct_readable_slugs_and_ascii_names_keep_theirs():
    assert slugify("Биткойн ООД") == "bitkoin-ood"
    assert slugify("Société Générale") == "societe-generale"  # was soci-t-g-n-rale
    greek = [slugify("Ελληνική Ανταλλαγή ΑΕ"), slugify("Αθηναϊκή Κρύπτο ΑΕ")]
    assert greek[0] != greek[1] and all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", g) for g in greek)
    # An ASCII name gets the slug the earlier rule gave it (lower-case, every other run of characters one dash),
    # so existing folders and histories keep their names.
    for name in ("Nordwind Exchange GmbH", "O'Brien & Co.", "ACME_Crypto  Ltd", "--x--", "3 Arrows (BVI)"):
        assert slugify(name) == re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def test_two_firms_in_greek_and_bulgarian_in_one_file_both_load(tmp_path):
    path = _write(tmp_path, {"firms": [_firm("Ελληνική Ανταλλαγή ΑΕ"), _firm("Биткойн ООД")]})
    firms = load_profile(path)
    assert [f.invalid for f in firms] == [None, None]
    assert [f.slug for f in firms] == ["ellenike-antallage-ae", "bitkoin-ood"]


def test_a_value_over_its_limit_is_refused_naming_the_field_with_the_value_cut():
    limit = INPUT_LIMITS["url"]
    url = "https://example.com/" + "a" * limit
    with pytest.raises(InputError) as err:
        bounded("firms.yaml", "channels.websites[0]", url, "url", "an http(s) URL")
    message = str(err.value)
    assert message.startswith("firms.yaml: channels.websites[0]: an http(s) URL of at most 2048 characters")
    assert len(message) < 300 and f"({len(url) + 2} characters)" in message
    assert bounded("cli", "--x", "a" * limit, "url", "a URL") == "a" * limit  # at the limit: accepted
    with pytest.raises(InputError, match="without control characters"):
        bounded("cli", "--user-agent", "footprint\r\nX-Injected: 1", "header", "a user agent")


def test_a_300_character_name_loads_and_a_huge_one_is_refused_with_a_short_message(tmp_path):
    (firm,) = load_profile(_write(tmp_path, _firm(LONG_NAME)))
    assert firm.name == LONG_NAME and len(firm.slug) <= SLUG_CHARS and firm.invalid is None
    huge = "N" * 200_000  # 10 MB, through the command line, below
    with pytest.raises(InputError) as err:
        load_profile(_write(tmp_path, _firm(huge)))
    assert "firm.name: a firm name of at most 1000 characters" in str(err.value) and len(str(err.value)) < 300


@pytest.mark.parametrize("channels, field", [
    ({"social": {"telegram": ["h" * 300]}}, "channels.social.telegram[0]"),
    ({"apps": {"google": ["com." + "a" * 300]}}, "channels.apps.google[0]"),
    ({"affiliates": ["https://aff.example/" + "r" * 3000]}, "channels.affiliates[0]"),
])
def test_handles_app_ids_and_urls_are_bounded(tmp_path, channels, field):
    with pytest.raises(InputError, match=re.escape(field) + ": .* of at most"):
        load_profile(_write(tmp_path, _firm("Cryptex Ltd", **channels)))


def test_a_bad_entry_in_a_firms_file_is_marked_invalid_and_the_others_load(tmp_path):
    firms = load_profile(_write(tmp_path, {"firms": [_firm("N" * 5000), _firm("Atlas Digital Markets Inc."),
                                                     _firm("Bad Country Ltd") | {"firm": {"name": "Bad Country",
                                                                                          "home_country": "XX"}}]}))
    assert [f.invalid is None for f in firms] == [False, True, False]
    assert firms[1].name == "Atlas Digital Markets Inc." and firms[1].websites
    assert "firms[0].firm.name: a firm name of at most 1000 characters" in str(firms[0].invalid)
    assert firms[0].name.startswith("firms[0] NNN") and len(firms[0].name) < 200 and len(firms[0].slug) <= SLUG_CHARS
    assert "firms[2].firm.home_country" in str(firms[2].invalid)
    # every entry bad: nothing to scan, the whole file is bad input
    with pytest.raises(InputError, match=r"firms\[0\]\.firm\.name"):
        load_profile(_write(tmp_path, {"firms": [_firm("N" * 5000), _firm("M" * 5000)]}))


def test_a_10_mb_name_exits_2_with_a_message_of_a_few_hundred_characters(tmp_path, capsys):
    assert cut("x" * 10) == "x" * 10
    assert len(cut("x" * 10**7)) < MESSAGE_CHARS + 50
    huge = _write(tmp_path, _firm("N" * (10 * 1024 * 1024)))
    assert main(["scan", "--firm", str(huge), "--render", "never", "--no-screenshots", "--quiet",
                 "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert len(err) < 400 and str(huge) in err and "firm.name" in err


def test_a_user_agent_from_the_environment_is_bounded_too(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FOOTPRINT_USER_AGENT", "footprint/0.1 " + "x" * 2000)
    assert main(["scan", "https://example.com/", "--render", "never", "--no-screenshots", "--quiet",
                 "--out", str(tmp_path / "out")]) == 2
    assert "FOOTPRINT_USER_AGENT: a user agent of at most 1024 characters" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # nothing was fetched, nothing written
