"""The ``_sandbox.yaml`` rules (crawler/sandbox/rules.py): answers varied by visitor and language, strict loading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crawler.sandbox import SandboxConfigError, SandboxWeb, load_rules
from tests.sandbox.proxy_client import fetch


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
    with pytest.raises(SandboxConfigError, match=r"_sandbox\.yaml.*'stauts'"):
        load_rules(rules)
    # While running, a bad edit answers 500 with the message (the server thread cannot raise into a test).
    status, headers, body = fetch(sandbox, "http://coinhub.test/")
    assert status == 500
    assert b"stauts" in body and b"_sandbox.yaml" in body
    # At start-up it raises.
    with pytest.raises(SandboxConfigError, match="stauts"):
        SandboxWeb(root).start()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  - path: /\n    status: teapot\n", "status"),
        ("rules:\n  - path: /\n    when: {country: DE}\n", "when.country"),
        ("rules:\n  - path: nope\n", "path"),
        ("rules:\n  - path: /\n    headers: [a, b]\n", "headers"),
        ("rules:\n  - path: /\n    file: ../../etc/passwd\n", "file"),
        ("rule: []\n", "'rule'"),
    ],
)
def test_bad_rule_types(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "_sandbox.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SandboxConfigError, match=message) as info:
        load_rules(path)
    assert str(path) in str(info.value)
