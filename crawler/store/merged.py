"""Migration 3's data step: rows written before report format 2 learn the merged finding they belong to.

Format 1 recorded a finding per page (its id: indicator, channel, page URL, value); format 2 records a fact seen on
many pages of a channel once, as `merged_id(indicator, channel, value)`. Each old row of document scope gets that id
in `merged_id`; then every triage decision made on such a per-page id is recorded under the merged id too (the
per-page decision and its log stay), so a finding dismissed before the change stays dismissed after it. When several
per-page findings of one fact were decided, the newest decision wins (crawler/store/triage.py, `carry_over`).
Findings that keep a per-item identity in format 2 (reports/upgrade.py) are left alone.
"""

from __future__ import annotations

from crawler.store.db import Database
from crawler.store.triage import carry_over
from detectors.model import merged_id
from reports.upgrade import PER_ITEM_CHANNEL_KINDS, PER_ITEM_INDICATORS


def adopt_format_1_rows(db: Database) -> None:
    """Inside the migration's transaction: fill `merged_id` of the rows written before, carry decisions over.

    The fingerprints are computed once per distinct fact, in Python, into a scratch table keyed by the fact; one
    UPDATE then looks each row's fact up by that key (an UPDATE per fact would scan every row once per fact)."""
    kinds = ", ".join("?" for _ in PER_ITEM_CHANNEL_KINDS)
    facts = db.rows("SELECT DISTINCT f.indicator, f.channel, f.value FROM findings f JOIN channels c "
                    "ON c.scan_id = f.scan_id AND c.channel = f.channel "
                    f"WHERE f.merged_id = '' AND c.kind NOT IN ({kinds})", sorted(PER_ITEM_CHANNEL_KINDS))
    db.execute("CREATE TABLE merged_facts (indicator TEXT NOT NULL, channel TEXT NOT NULL, value TEXT NOT NULL, "
               "merged_id TEXT NOT NULL, PRIMARY KEY (indicator, channel, value))")
    for indicator, channel, value in facts:
        if indicator not in PER_ITEM_INDICATORS:
            db.execute("INSERT INTO merged_facts (indicator, channel, value, merged_id) VALUES (?, ?, ?, ?)",
                       (indicator, channel, value, merged_id(indicator, channel, value)))
    fact = ("FROM merged_facts m WHERE m.indicator = findings.indicator AND m.channel = findings.channel "
            "AND m.value = findings.value")
    db.execute(f"UPDATE findings SET merged_id = (SELECT m.merged_id {fact}) "
               f"WHERE merged_id = '' AND EXISTS (SELECT 1 {fact})")
    db.execute("DROP TABLE merged_facts")
    carry_over(db)
