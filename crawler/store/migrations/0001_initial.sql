-- The first schema of the scan store. Portable SQL: the same text runs on SQLite and PostgreSQL (TEXT times in
-- ISO-8601 UTC, INTEGER booleans, DOUBLE PRECISION for confidences). Statements end with a semicolon at line end.

CREATE TABLE scans (
    id          TEXT PRIMARY KEY,
    firm_slug   TEXT NOT NULL,
    firm_name   TEXT NOT NULL DEFAULT '',
    firm_key    TEXT NOT NULL DEFAULT '',   -- firm_name casefolded, for case-insensitive look-ups
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed', 'abandoned')),
    level       TEXT NOT NULL DEFAULT '',
    score       INTEGER,
    complete    INTEGER NOT NULL DEFAULT 0 CHECK (complete IN (0, 1)),
    findings    INTEGER NOT NULL DEFAULT 0,
    out_dir     TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT '',
    pid         INTEGER,
    host        TEXT NOT NULL DEFAULT '',
    report      TEXT
);
CREATE INDEX scans_firm_started ON scans (firm_slug, started_at);
CREATE INDEX scans_firm_key ON scans (firm_key);
CREATE INDEX scans_started ON scans (started_at);
CREATE INDEX scans_status_host ON scans (status, host);

CREATE TABLE channels (
    scan_id  TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    channel  TEXT NOT NULL,
    kind     TEXT NOT NULL DEFAULT '',
    status   TEXT NOT NULL DEFAULT '',
    level    TEXT NOT NULL DEFAULT '',
    score    INTEGER,
    reason   TEXT NOT NULL DEFAULT '',
    findings INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scan_id, channel)
);

CREATE TABLE findings (
    scan_id       TEXT NOT NULL,
    seq           INTEGER NOT NULL,             -- position in the report, so no driver-specific auto-increment
    channel       TEXT NOT NULL,
    finding_id    TEXT NOT NULL,
    indicator     TEXT NOT NULL,
    strength      TEXT NOT NULL DEFAULT '',
    confidence    DOUBLE PRECISION,
    member_states TEXT NOT NULL DEFAULT '',     -- comma-joined ISO codes
    url           TEXT NOT NULL DEFAULT '',
    value         TEXT NOT NULL DEFAULT '',
    snippet       TEXT NOT NULL DEFAULT '',
    locator       TEXT NOT NULL DEFAULT '',
    body_sha256   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scan_id, seq),
    FOREIGN KEY (scan_id, channel) REFERENCES channels (scan_id, channel) ON DELETE CASCADE
);
CREATE INDEX findings_finding_id ON findings (finding_id);

-- Triage is keyed by finding id, not by scan: a decision made on yesterday's report applies to today's.
CREATE TABLE triage (
    finding_id  TEXT PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed', 'open')),
    reason      TEXT NOT NULL,
    decided_by  TEXT NOT NULL DEFAULT '',
    decided_at  TEXT NOT NULL
);

CREATE TABLE triage_log (
    finding_id  TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    status      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    decided_by  TEXT NOT NULL DEFAULT '',
    decided_at  TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',       -- '' for a local decision, else where it was imported from
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (finding_id, seq)
);
