"""The ``_sandbox.yaml`` rules (crawler/sandbox/rules.py): answers varied by visitor and language, strict loading."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from crawler.sandbox import Rule, SandboxConfigError, SandboxWeb, load_rules
from tests.crawler.sandbox.proxy_client import fetch


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_geo_rule_by_visitor(sandbox: SandboxWeb, scheme: str) -> None:
    status, headers, body = fetch(sandbox, f"{scheme}://coinhub.test/geo/", visitor="DE")
    assert (status, body) == (451, b"<html>not in your country</html>")
    assert headers["X-Reason"] == "geo"
    assert fetch(sandbox, f"{scheme}://coinhub.test/geo/", visitor="de")[0] == 451  # case-insensitive
    status, headers, body = fetch(sandbox, f"{scheme}://coinhub.test/geo/", visitor="US")
    assert (status, body) == (200, b"<html>geo content</html>")
    assert "X-Reason" not in headers
    assert fetch(sandbox, f"{scheme}://coinhub.test/geo/")[0] == 200  # no proxy user at all


def test_visitor_list(sandbox: SandboxWeb) -> None:
    assert fetch(sandbox, "https://coinhub.test/eu-only", visitor="FR")[2] == b"EU visitors only"
    assert fetch(sandbox, "https://coinhub.test/eu-only", visitor="CH")[2] == b"everyone"


def test_accept_language_rule(sandbox: SandboxWeb) -> None:
    url = "https://coinhub.test/lang"
    german = fetch(sandbox, url, headers={"Accept-Language": "de-AT,de;q=0.9,en;q=0.5"})
    assert german[:1] == (200,) and german[2] == b"Hallo"
    assert german[1]["Content-Type"] == "text/html; charset=utf-8"
    english = fetch(sandbox, url, headers={"Accept-Language": "en-GB,de;q=0.9"})
    assert english[2] == b"default language"
    # "de" is a language range: it must not match a language that merely starts with the letters.
    assert fetch(sandbox, url, headers={"Accept-Language": "dev"})[2] == b"default language"


def test_redirect_rule(sandbox: SandboxWeb) -> None:
    status, headers, _ = fetch(sandbox, "https://coinhub.test/old/page.html", follow=False)
    assert status == 302
    assert headers["Location"] == "https://coinhub.test/new/"
    assert fetch(sandbox, "http://coinhub.test/old")[0] == 404  # '/old/*' is a prefix of /old/... only


def test_rules_reread_after_edit(sandbox: SandboxWeb, root: Path) -> None:
    rules = root / "coinhub.test" / "_sandbox.yaml"
    rules.write_text("rules:\n  - path: /about/\n    status: 410\n", encoding="utf-8")
    os.utime(rules, ns=(1, 1))  # mtime granularity must not hide the edit
    assert fetch(sandbox, "http://coinhub.test/about/")[0] == 410


def test_unknown_rule_key(root: Path, sandbox: SandboxWeb) -> None:
    rules = root / "coinhub.test" / "_sandbox.yaml"
    rules.write_text("rules:\n  - path: /\n    stauts: 451\n", encoding="utf-8")
    with pytest.raises(SandboxConfigError, match=r"_sandbox\.yaml: rules\[0\]\.stauts: a known key .* \(line 3\)"):
        load_rules(rules)
    # While running, a bad edit answers 500 with the message (the server thread cannot raise into a test).
    status, headers, body = fetch(sandbox, "http://coinhub.test/")
    assert status == 500
    assert b"stauts" in body and b"_sandbox.yaml" in body
    # At start-up it raises.
    with pytest.raises(SandboxConfigError, match="stauts"):
        SandboxWeb(root).start()


BAD_RULES = [
    ("rules:\n  - path: /\n    status: teapot\n", "rules[0].status",
     "an HTTP status code from 100 to 599, got 'teapot'"),
    ("rules:\n  - path: /\n    status: true\n", "rules[0].status", "an HTTP status code from 100 to 599, got True"),
    ("rules:\n  - path: /\n    when: {country: DE}\n", "rules[0].when.country",
     "a known key (accept_language, visitor); unknown keys are errors"),
    ("rules:\n  - path: /\n    when: {visitor: []}\n", "rules[0].when.visitor", "a non-empty string or a list of them"),
    ("rules:\n  - path: /\n    when: {visitor: [DE, 5]}\n", "rules[0].when.visitor[1]", "a non-empty string, got 5"),
    ("rules:\n  - path: nope\n", "rules[0].path", "a URL path starting with /"),
    ("rules:\n  - status: 451\n", "rules[0].path", "this key is required"),
    ("rules:\n  - path: /\n    headers: [a, b]\n", "rules[0].headers", "a mapping of header names to strings"),
    ("rules:\n  - path: /\n    headers: {X-On: yes}\n", "rules[0].headers.X-On", "a header value: text or a number"),
    ("rules:\n  - path: /\n    file: ../../etc/passwd\n", "rules[0].file", "a path inside the host directory"),
    ("rules:\n  - path: /\n    file: a/../../b\n", "rules[0].file", "a path inside the host directory"),
    ("rules:\n  - path: /\n    file: /etc/passwd\n", "rules[0].file", "a path inside the host directory"),
    ("rules:\n  - path: /\n    file: a.html\n    body: hi\n", "rules[0].body", "no body where the rule gives a file"),
    ("rules:\n  - path: /\n  - path: /x\n    redirect: 5\n", "rules[1].redirect",
     "a URL or path to redirect to, got 5"),
    ("rules:\n  - /about/\n", "rules[0]", "a rule: a mapping with `path:`"),
    ("rules: {path: /}\n", "rules", "a list of rules"),
    ("rule: []\n", "rule", "a known key (rules); unknown keys are errors"),
    ("- path: /\n", "(top)", "a mapping with a `rules:` list"),
    ("rules:\n  - path: [\n", "line 3, column 1", "valid YAML"),
]


@pytest.mark.parametrize(("text", "where", "expected"), BAD_RULES, ids=[f"{c[1]}:{c[2][:30]}" for c in BAD_RULES])
def test_bad_rules_name_the_file_the_rule_the_field_and_what_was_expected(
        tmp_path: Path, text: str, where: str, expected: str) -> None:
    path = tmp_path / "_sandbox.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SandboxConfigError, match=re.escape(f"{path}: {where}: {expected}")):
        load_rules(path)


def test_a_bad_rule_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "_sandbox.yaml"
    path.write_text("rules:\n  - path: /\n    status: 451\n  - path: /b\n    headers:\n      X-A: [1]\n",
                    encoding="utf-8")
    with pytest.raises(SandboxConfigError, match=re.escape(": rules[1].headers.X-A: ") + r".*\(line 6\)$"):
        load_rules(path)


def test_rules_are_read_with_their_values_normalised(tmp_path: Path) -> None:
    path = tmp_path / "_sandbox.yaml"
    path.write_text("rules:\n  - path: /de/*\n    when: {visitor: [DE, at], accept_language: DE}\n    status: 451\n"
                    "    headers: {X-Retry: 5}\n  - path: /\n    file: null\n    body: hi\n", encoding="utf-8")
    assert load_rules(path) == [
        Rule(path="/de/*", visitor=("de", "at"), accept_language=("de",), status=451, headers={"X-Retry": "5"}),
        Rule(path="/", body="hi")]
    path.write_text("", encoding="utf-8")
    assert load_rules(path) == []


@pytest.mark.parametrize("name", ["a/...b", "..hidden", "x..html", "./a.html", "deep/er/page.html"])
def test_file_names_with_dots_that_stay_inside_the_host_directory_are_allowed(tmp_path: Path, name: str) -> None:
    path = tmp_path / "_sandbox.yaml"
    path.write_text(f"rules:\n  - path: /\n    file: '{name}'\n", encoding="utf-8")
    assert load_rules(path) == [Rule(path="/", file=name)]
