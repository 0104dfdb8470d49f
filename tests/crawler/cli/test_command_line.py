"""The command line's manners: --version, --debug anywhere, "did you mean", a closed pipe."""

from __future__ import annotations

import socket
import subprocess
import sys

import yaml

from crawler.cli import main
from detectors.catalogue import catalogue
from reports.build import tool_version
from tests.conftest import ROOT


def test_version_names_the_tool_and_the_catalogue(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == (f"footprint {tool_version()} "
                                               f"(indicator catalogue {catalogue().version})")


def test_a_mistyped_command_or_choice_gets_a_suggestion(capsys):
    assert main(["scna", "https://example.com/"]) == 2
    assert "did you mean 'scan'?" in capsys.readouterr().err
    assert main(["scan", "--render", "nevr", "https://example.com/"]) == 2
    assert "did you mean 'never'?" in capsys.readouterr().err
    assert main(["zzzzzz"]) == 2  # near miss: nothing close, no suggestion
    assert "did you mean" not in capsys.readouterr().err


def test_debug_is_accepted_after_the_command_too(capsys):
    assert main(["indicators", "--debug", "--json"]) == 0
    assert main(["--debug", "indicators", "--json"]) == 0
    # and bad input after it is still bad input (exit 2, nothing fetched), with the code people mean
    assert main(["scan", "--debug", "--visitor", "UK", "https://example.com/"]) == 2
    assert "'UK' is not one; did you mean GB?" in capsys.readouterr().err


def test_an_unknown_profile_key_suggests_the_known_one(tmp_path, capsys):
    path = tmp_path / "firm.yaml"
    path.write_text(yaml.safe_dump({"firm": {"name": "A", "home_country": "SC"},
                                    "channels": {"websites": ["https://a.example/"]},
                                    "scan": {"max_pagse": 5}}), encoding="utf-8")
    assert main(["scan", "--firm", str(path)]) == 2
    assert "did you mean 'max_pages'?" in capsys.readouterr().err


def test_output_cut_short_by_a_closed_pipe_ends_quietly_with_exit_0():
    # The reader is gone before footprint prints a line (as `| head -1` once it has its line): without care this
    # ended in "internal error: BrokenPipeError" and exit 4, or Python's own complaint and exit 120.
    proc = subprocess.Popen([sys.executable, "-m", "crawler.cli", "indicators"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_dead_proxy_is_bad_input_before_anything_is_fetched(tmp_path, capsys, sandbox):
    dead = f"http://127.0.0.1:{_closed_port()}"
    code = main(["scan", "https://meridian-custody.com/", "--proxy", dead, "--render", "never", "--no-screenshots",
                 "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and "--proxy: a proxy that accepts connections; 127.0.0.1:" in err
    assert "Connection refused" in err and not (tmp_path / "out").exists()
    dead_visitor = f"DE=http://DE@127.0.0.1:{_closed_port()}"
    code = main(["scan", "https://meridian-custody.com/", "--proxy", sandbox.url, "--visitor", "DE",
                 "--visitor-proxy", dead_visitor, "--render", "never", "--no-screenshots", "--out", str(tmp_path)])
    assert code == 2 and "the visitor proxy for DE: a proxy that accepts" in capsys.readouterr().err
    assert len(sandbox.requests) == 0  # the live proxy was not used either: nothing fetched
    # the near miss: a live proxy passes the check and the scan runs
    assert main(["scan", "https://meridian-custody.com/", "--proxy", sandbox.url, "--render", "never",
                 "--no-screenshots", "--max-pages", "1", "--out", str(tmp_path / "ok")]) == 0


def test_a_wrong_browser_path_is_bad_input_before_anything_is_fetched(tmp_path, capsys, monkeypatch, sandbox):
    from crawler.crawl.browser import chromium_executable

    monkeypatch.setenv("FOOTPRINT_CHROMIUM", str(tmp_path / "no-such-chromium"))
    chromium_executable.cache_clear()
    try:
        code = main(["scan", "https://meridian-custody.com/", "--proxy", sandbox.url, "--out", str(tmp_path / "o")])
    finally:
        chromium_executable.cache_clear()
    err = capsys.readouterr().err
    assert code == 2 and "FOOTPRINT_CHROMIUM is" in err and "not an executable file" in err
    assert len(sandbox.requests) == 0 and not (tmp_path / "o").exists()


def test_doctor_lists_every_problem_with_what_to_fix_and_exits_2(tmp_path, capsys, monkeypatch):
    from crawler.crawl.browser import chromium_executable

    monkeypatch.setenv("FOOTPRINT_CHROMIUM", "/bin/false")  # exists, but is no browser
    chromium_executable.cache_clear()
    try:
        code = main(["doctor", "--store", str(tmp_path / "missing" / "s.sqlite"), "--out", str(tmp_path / "out"),
                     "--proxy", f"http://127.0.0.1:{_closed_port()}"])
    finally:
        chromium_executable.cache_clear()
    out = capsys.readouterr()
    assert code == 2
    assert "FIX  browser: /bin/false exits with" in out.out
    assert "FIX  store:" in out.out and "does not exist" in out.out
    assert "ok   output folder:" in out.out  # near miss: a folder that will be created under a writable one
    assert "FIX  proxy http://127.0.0.1:" in out.out and "Connection refused" in out.out
    assert "fix browser, store, proxy" in out.err


def test_doctor_says_ready_when_all_is_well(tmp_path, capsys, sandbox, chromium):
    code = main(["doctor", "--store", str(tmp_path / "s.sqlite"), "--out", str(tmp_path), "--proxy", sandbox.url])
    out = capsys.readouterr().out
    assert code == 0 and out.rstrip().endswith("ready to scan") and "FIX" not in out


def test_diff_of_a_firm_without_two_complete_scans_says_so(tmp_path, capsys):
    from crawler.store import open_store

    store = tmp_path / "s.sqlite"
    open_store(str(store)).close()
    assert main(["diff", "nordwind-exchange.com", "--store", str(store)]) == 2
    assert "a firm with two complete scans to compare: 'nordwind-exchange.com' has 0" in capsys.readouterr().err
