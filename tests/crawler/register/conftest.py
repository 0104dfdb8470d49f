"""A store holding two real scans of a sandbox firm whose German bonus page is there in the first scan and gone
in the second, shared by the register's tests (two scans: a few seconds, run once per session)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.sandbox import SandboxWeb
from crawler.store import open_store
from tests.conftest import run_scan

SITE = "register-exchange.com"
URL = f"https://{SITE}/"
SLUG = "register-exchange-com"
KEY = "register-test-key-0123456789abcdef"
PAGE = ('<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        "<h1>{title}</h1><p>{text}</p>{links}</body></html>")
HOME = PAGE.format(lang="en", title="Register Exchange", text="Trade bitcoin and ether with low fees.",
                   links='<a href="/about.html">About</a> {extra}')
ABOUT = PAGE.format(lang="en", title="About us", text="We are a trading venue based in Seychelles.", links="")
GERMAN_BONUS = PAGE.format(
    lang="de", title="Willkommensbonus",
    text="Jetzt registrieren und 100 € Willkommensbonus sichern! Die beste Krypto-Börse für Anleger in "
         "Deutschland. Zahlen Sie bequem per SEPA-Überweisung ein.", links="")


def write_site(root: Path, with_german_bonus: bool) -> None:
    site = root / SITE
    (site / "de").mkdir(parents=True, exist_ok=True)
    (site / "about.html").write_text(ABOUT, encoding="utf-8")
    extra = '<a href="/de/bonus.html">Bonus</a>' if with_german_bonus else ""
    (site / "index.html").write_text(HOME.format(extra=extra), encoding="utf-8")
    bonus = site / "de" / "bonus.html"
    if with_german_bonus:
        bonus.write_text(GERMAN_BONUS, encoding="utf-8")
    else:
        bonus.unlink(missing_ok=True)


@dataclass(frozen=True)
class TwoScans:
    store: str
    first: dict  # {"id", "at"} of the scan that shows the German bonus page
    second: dict  # of the scan without it
    german: set[str]  # ids of the findings on /de/


def scan_twice(root: Path, store: str, out: Path) -> TwoScans:
    write_site(root / "web", True)
    with SandboxWeb(root / "web") as web:
        assert run_scan(URL, out=out, proxy=web.url, store=store, render="never", max_pages=5) == 0
        time.sleep(1.1)  # scan times are kept to the second: the two scans must not share one
        write_site(root / "web", False)
        assert run_scan(URL, out=out, proxy=web.url, store=store, render="never", max_pages=5) == 0
    with open_store(store) as opened:
        first, second = sorted(opened.scans(SLUG), key=lambda s: s.started_at)
        report = opened.report(first.id)
    german = {f["id"] for c in report["channels"] for f in c["findings"] if "/de/" in f["url"]}
    return TwoScans(store, {"id": first.id, "at": first.started_at}, {"id": second.id, "at": second.started_at},
                    german)


@pytest.fixture(scope="session")
def two_scans(tmp_path_factory) -> TwoScans:
    root = tmp_path_factory.mktemp("register")
    return scan_twice(root, str(root / "store.sqlite"), root / "scans")
