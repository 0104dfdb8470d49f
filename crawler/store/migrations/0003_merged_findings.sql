-- Report format 2 (issue 12): a fact seen on many pages of a channel is one finding, with the pages it was seen on,
-- and the store keeps its findings as rows without a second copy of the whole report.
--
-- A finding row gains what `diff` by scan id and `--since-last` read back (crawler/store/stored_report.py), and
-- `merged_id`: the id of the merged finding the row belongs to ('' for a finding of one item). For rows written
-- before, migration 3's data step (crawler/store/merged.py) fills it and records every triage decision made on such
-- a row's per-page id under the merged id too, so a dismissal made before still applies.
ALTER TABLE findings ADD COLUMN merged_id TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN fetched_at TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN record_id TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN legal_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN visitors TEXT NOT NULL DEFAULT '';        -- comma-joined ISO codes
ALTER TABLE findings ADD COLUMN pages INTEGER NOT NULL DEFAULT 1;
ALTER TABLE findings ADD COLUMN seen_on TEXT NOT NULL DEFAULT '';         -- JSON: the sample of pages, [] or ''
ALTER TABLE findings ADD COLUMN first_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN last_seen TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN triage TEXT NOT NULL DEFAULT '';          -- JSON: the decision shown in the report
ALTER TABLE findings ADD COLUMN screenshot TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN is_new INTEGER;                           -- --since-last's mark; NULL: not compared
CREATE INDEX findings_merged_id ON findings (merged_id);

-- The report's small parts (schema, tool, firm, scan, verdict, errors) as JSON: with the channel and finding rows
-- they are what is read back. `report` (the whole report.json) is no longer written; scans recorded before keep it.
ALTER TABLE scans ADD COLUMN summary TEXT NOT NULL DEFAULT '';
