"""The register's section of a firm's report (issue 16 item 4): a firm scanned after `register check` gets the
aggregates of that check; a firm without one gets no section; the report names no client, raw or pseudonymous."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from crawler.cli import main
from crawler.config.defaults import VALIDATE_ENV
from crawler.register.keys import Pseudonymiser
from crawler.sandbox import SandboxWeb
from crawler.store import open_store
from tests.conftest import run_scan
from tests.crawler.register.conftest import KEY, SITE, SLUG, URL, write_site
from tests.crawler.register.test_register_check import (
    ONBOARDING_HEADER,
    RAW_SECRETS,
    SERVICES,
    SERVICES_HEADER,
    onboarding_rows,
    write_csv,
)

OTHER_SITE = "unregistered-exchange.com"
OTHER_SLUG = "unregistered-exchange-com"


@pytest.fixture(scope="module")
def scanned_after_check(two_scans, tmp_path_factory):
    """A copy of the two-scan store (the shared one stays as the other tests expect it), a register check on it,
    then a third scan of the firm and a first scan of a firm with no register data; once for this module."""
    root = tmp_path_factory.mktemp("register-section")
    store = str(root / "store.sqlite")
    shutil.copyfile(two_scans.store, store)
    onboarding = write_csv(root / "onboarding.csv", ONBOARDING_HEADER,
                           onboarding_rows(two_scans.first["at"], two_scans.second["at"]))
    services = write_csv(root / "services.csv", SERVICES_HEADER, SERVICES)
    web = root / "web"
    write_site(web, False)
    shutil.copytree(web / SITE, web / OTHER_SITE)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("FOOTPRINT_REGISTER_KEY", KEY)
        env.setenv(VALIDATE_ENV, "1")  # the autouse fixture that sets it is per test, this fixture per module
        assert main(["register", "check", str(onboarding), "--services", str(services), "--store", store,
                     "--firm", SLUG, "--out", str(root / "register-out")]) == 3
        time.sleep(1.1)  # scan times are kept to the second: the third scan must not share the second's
        with SandboxWeb(web) as sandbox:
            for url in (URL, f"https://{OTHER_SITE}/"):
                assert run_scan(url, out=root / "scans", proxy=sandbox.url, store=store, render="never",
                                max_pages=3, format="json,html,md") == 0
    return store, root / "register-out" / SLUG, root / "scans"


def _files(scans: Path, slug: str) -> dict[str, Path]:
    return {name: path for name in ("report.json", "report.html", "report.md")
            for path in sorted(scans.rglob(name)) if slug in str(path)}


def test_a_firm_scanned_after_a_register_check_gets_its_aggregates(scanned_after_check):
    _, register_folder, scans = scanned_after_check
    section = json.loads(_files(scans, SLUG)["report.json"].read_text(encoding="utf-8"))["register"]
    assert section["register_html"] == str((register_folder / "register.html").absolute())
    assert section["register_name"] == "register.html"
    assert (section["clients"], section["eu_clients"], section["outside_eu_clients"]) == (10, 9, 1)
    assert section["mediated"] == {"clients": 1, "share": round(1 / 9, 4)}  # the French gclid client
    assert section["attestation_only"] == {"clients": 1, "share": round(1 / 9, 4)}
    assert section["coverage_gap"] == {"clients": 1, "share": round(1 / 9, 4)}
    assert section["art_61_2"] == {"findings": 1, "clients": 1, "share": round(1 / 9, 4)}
    # one of the three German clients arrived while the German bonus page was live; nobody elsewhere
    assert section["live_content"]["DE"] == {"eu_clients": 3, "clients": 1, "share": round(1 / 3, 4)}
    assert all(s["clients"] == 0 for state, s in section["live_content"].items() if state != "DE")
    assert any("not checked (lines 8)" in gap for gap in section["data_gaps"])


def test_the_section_is_rendered_and_names_no_client(scanned_after_check):
    _, _, scans = scanned_after_check
    files = _files(scans, SLUG)
    assert set(files) == {"report.json", "report.html", "report.md"}
    html = files["report.html"].read_text(encoding="utf-8")
    md = files["report.md"].read_text(encoding="utf-8")
    assert 'id="register"' in html and "Initiation register" in html and "1 (33.3%)" in html
    assert "## Initiation register" in md and "| DE | 3 | 1 (33.3%) |" in md
    pseudonym = Pseudonymiser(KEY.encode())
    for path in files.values():
        text = path.read_text(encoding="utf-8")
        for raw in RAW_SECRETS:
            assert raw not in text and pseudonym(raw) not in text, f"{raw} in {path.name}"


def test_a_firm_without_register_data_gets_no_section(scanned_after_check):
    store, _, scans = scanned_after_check
    with open_store(store) as opened:
        assert opened.latest_register_run(OTHER_SLUG) is None and opened.latest_register_run(SLUG)
    files = _files(scans, OTHER_SLUG)
    assert "register" not in json.loads(files["report.json"].read_text(encoding="utf-8"))
    assert "Initiation register" not in files["report.html"].read_text(encoding="utf-8")
    assert "Initiation register" not in files["report.md"].read_text(encoding="utf-8")
