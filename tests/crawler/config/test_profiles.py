"""Firm profiles and URLs: every bad input is refused with the file, the field and what was expected (exit 2)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from crawler.cli import main
from crawler.config.profiles import firm_from_urls, load_profile
from detectors.inputs import InputError

GOOD = """
firm: {name: Cryptex Ltd, home_country: SC}
channels:
  websites: [https://cryptex.example/, https://cryptex.de/]
  apps: {apple: ["1234567890"], google: [com.cryptex.app]}
  social: {telegram: [cryptex_official]}
  affiliates: [https://best-bonus.example/cryptex-review]
scan: {visitors: [DE, FR, PL, US], max_pages: 20, render: never}
"""


def write(tmp_path: Path, text: str, name: str = "firm.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_valid_profile_loads_with_its_channels_and_settings(tmp_path):
    (firm,) = load_profile(write(tmp_path, GOOD))
    assert firm.name == "Cryptex Ltd" and firm.slug == "cryptex-ltd" and firm.home_country == "SC"
    assert firm.websites == ["https://cryptex.example/", "https://cryptex.de/"]
    assert firm.apps == {"apple": ["1234567890"], "google": ["com.cryptex.app"]}
    assert firm.scan.visitors == ("DE", "FR", "PL", "US") and firm.scan.max_pages == 20


def test_a_firms_list_shares_scan_defaults(tmp_path):
    firms = load_profile(
        write(
            tmp_path,
            """
        scan: {max_pages: 7}
        firms:
          - firm: {name: A}
            channels: {websites: [https://a.example/]}
          - firm: {name: B}
            channels: {websites: [https://b.example/]}
            scan: {max_pages: 3}
    """,
        )
    )
    assert [(f.name, f.scan.max_pages) for f in firms] == [("A", 7), ("B", 3)]


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        ("firm: {name: X}\nchannels: {webstes: [https://x.example/]}\n", "channels.webstes", "unknown keys"),
        (
            "firm: {name: X, home_country: XX}\nchannels: {websites: [https://x.example/]}\n",
            "firm.home_country",
            "ISO 3166-1 alpha-2",
        ),
        ("firm: {name: X}\nchannels: {websites: [ftp://x.example/]}\n", "channels.websites[0]", "http"),
        ("firm: {name: X}\nchannels: {websites: ['https://exa mple.com/']}\n", "channels.websites[0]", "host"),
        (
            "firm: {name: X}\nchannels: {websites: [https://x.example/]}\nscan: {max_pages: 0}\n",
            "scan.max_pages",
            "whole number",
        ),
        (
            "firm: {name: X}\nchannels: {websites: [https://x.example/]}\nscan: {render: sometimes}\n",
            "scan.render",
            "auto, always, never",
        ),
        (
            "firm: {name: X}\nchannels: {websites: [https://x.example/]}\nscan: {visitors: [DE, ZZ]}\n",
            "scan.visitors[1]",
            "ISO 3166-1",
        ),
        ("firm: {name: X}\nchannels: {}\n", "channels", "at least one channel"),
        ("channels: {websites: [https://x.example/]}\n", "firm", "required"),
        (
            "firms:\n  - firm: {name: A}\n    channels: {websites: [https://a.example/]}\n    extra: 1\n",
            "firms[0].extra",
            "unknown keys",
        ),
        ("- just\n- a list\n", "(top)", "firms"),
    ],
    ids=[
        "unknown-key",
        "unknown-country",
        "bad-scheme",
        "bad-host",
        "zero-pages",
        "bad-render",
        "bad-visitor",
        "no-channels",
        "missing-firm",
        "unknown-key-in-list",
        "not-a-mapping",
    ],
)
def test_bad_profiles_name_the_file_field_and_expectation(tmp_path, text, where, expected):
    path = write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert err.value.source == str(path)
    assert err.value.where == where
    assert expected in err.value.expected


def test_malformed_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "firm: {name: X\nchannels: [\n")
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert err.value.where.startswith("line ") and "valid YAML" in err.value.expected


def test_missing_file_is_an_error_not_a_traceback(tmp_path, capsys):
    missing = tmp_path / "nope.yaml"
    assert main(["scan", "--firm", str(missing)]) == 2
    err = capsys.readouterr().err
    assert str(missing) in err and "does not exist" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["scan", "not-a-url"],
        ["scan", "https://"],
        ["scan", "https://x.example/", "--visitor", "QQ"],
        ["scan", "https://x.example/", "--visitor-proxy", "DE"],
        ["scan", "https://x.example/", "--format", "json,docx"],
        ["scan", "https://x.example/", "--proxy", "localhost:8080"],
        ["scan", "https://x.example/", "--render", "sometimes"],
        ["scan"],
    ],
    ids=[
        "not-a-url",
        "no-host",
        "unknown-visitor",
        "visitor-proxy-without-url",
        "unknown-format",
        "proxy-without-scheme",
        "unknown-render",
        "no-target",
    ],
)
def test_bad_command_lines_exit_2_with_a_message(argv, capsys, tmp_path):
    assert main([*argv, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "error:" in err and "Traceback" not in err


def test_cli_profile_errors_exit_2_and_name_the_field(tmp_path, capsys):
    path = write(tmp_path, "firm: {name: X, home_country: XX}\nchannels: {websites: [https://x.example/]}\n")
    assert main(["scan", "--firm", str(path), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: firm.home_country:" in err


def test_urls_make_a_firm_named_after_the_site():
    firm = firm_from_urls(["https://www.cryptex.co.uk/de/", "https://cryptex.de"])
    assert firm.name == "cryptex.co.uk" and firm.websites == ["https://www.cryptex.co.uk/de/", "https://cryptex.de/"]
