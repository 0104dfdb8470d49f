"""The register's store tables on PostgreSQL (the SQLite side runs in every other register test): an import kept
once, pseudonymous rows only, register findings found by triage's look-up, and an empty history read."""

from __future__ import annotations

from crawler.register.csv_import import read_onboarding
from crawler.register.keys import Pseudonymiser
from crawler.store import open_store
from tests.support.pg_server import fresh_database_url


def test_register_tables_on_postgresql(tmp_path):
    url = fresh_database_url()  # skips, saying why, where PostgreSQL cannot start
    onboarding = tmp_path / "onboarding.csv"
    onboarding.write_text("client_id,country_of_residence,onboarded_at,utm_campaign\n"
                          "pg-raw-client-1,DE,2026-03-01,de-spring\n", encoding="utf-8")
    pseudonym = Pseudonymiser(b"postgres-test-key-0123456789")
    imported = read_onboarding(onboarding, pseudonym, {})
    with open_store(url) as store:
        import_id, new = store.save_import("pg-firm", "onboarding", imported, pseudonym.key_id)
        assert new and store.save_import("pg-firm", "onboarding", imported, pseudonym.key_id) == (import_id, False)
        store.record_register_findings("pg-firm", [{"id": "0123456789abcdef", "check": "MEDIATED",
                                                    "member_state": "DE", "clients": 1}])
        assert store.finding("0123456789abcdef")["indicator"] == "MEDIATED"
        assert store.finding_ids("01234567") == ["0123456789abcdef"]
        assert store.finding_history("pg-firm") == []
        with store._db.read() as db:
            rows = db.rows("SELECT client_hash, fields FROM register_rows WHERE import_id = ?", (import_id,))
    ((client, fields),) = rows
    assert client == pseudonym("pg-raw-client-1") and "pg-raw-client-1" not in fields and "de-spring" in fields
