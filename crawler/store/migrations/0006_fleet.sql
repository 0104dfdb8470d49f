-- Scans across machines (issue 13, docs/0013-fleet.md): batches of firms queued for a fleet of workers over one
-- PostgreSQL store. The queue itself is procrastinate's (its own tables, applied by `footprint db migrate`); these
-- tables are footprint's record of what was asked and what happened, and they hold the rules the queue cannot:
-- one entry per firm per batch (enqueueing twice changes nothing), one complete scan per firm per batch.
-- Portable SQL like the rest; the fleet's queries that compare leases use PostgreSQL's clock (a fleet needs
-- PostgreSQL), so on SQLite these tables simply stay empty.

CREATE TABLE fleet_batches (
    id           TEXT PRIMARY KEY,
    created_at   TEXT NOT NULL,
    firms_file   TEXT NOT NULL DEFAULT '',
    options      TEXT NOT NULL DEFAULT '{}',     -- JSON: the run options every firm of the batch is scanned with
    max_attempts INTEGER NOT NULL
);

CREATE TABLE fleet_firms (
    batch_id   TEXT NOT NULL REFERENCES fleet_batches (id) ON DELETE CASCADE,
    firm_slug  TEXT NOT NULL,
    firm_name  TEXT NOT NULL,
    firm       TEXT NOT NULL,                    -- JSON: the firm's resolved profile entry
    state      TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,       -- attempts since it was (re)queued
    job_id     BIGINT,                           -- the queue's job
    scan_id    TEXT NOT NULL DEFAULT '',         -- the complete scan, once done
    error      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (batch_id, firm_slug)
);

-- Every attempt at a firm: who ran it, its lease (renewed by the worker while the scan runs) and how it ended.
CREATE TABLE fleet_attempts (
    batch_id    TEXT NOT NULL,
    firm_slug   TEXT NOT NULL,
    attempt     INTEGER NOT NULL,
    job_id      BIGINT,
    worker      TEXT NOT NULL,
    host        TEXT NOT NULL,
    pid         INTEGER NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    outcome     TEXT NOT NULL CHECK (outcome IN ('running', 'complete', 'abandoned', 'interrupted', 'failed',
                                                 'superseded')),
    scan_id     TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (batch_id, firm_slug, attempt),
    FOREIGN KEY (batch_id, firm_slug) REFERENCES fleet_firms (batch_id, firm_slug) ON DELETE CASCADE
);
CREATE UNIQUE INDEX fleet_attempts_one_complete ON fleet_attempts (batch_id, firm_slug) WHERE outcome = 'complete';

-- The evidence of a complete scan, where it was uploaded and its sha256: written in the same transaction that
-- records the scan complete, after the upload, so a row never points at nothing.
CREATE TABLE fleet_evidence (
    scan_id  TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    path     TEXT NOT NULL,                      -- relative to the firm's folder
    location TEXT NOT NULL,                      -- the object's URL (s3://...) or file path
    sha256   TEXT NOT NULL,
    bytes    BIGINT NOT NULL,
    PRIMARY KEY (scan_id, path)
);

-- A scan made for a batch names it; a second complete scan of one firm in one batch is refused by the database
-- itself, whichever of two racing attempts commits second.
ALTER TABLE scans ADD COLUMN batch_id TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX scans_one_complete_per_batch ON scans (batch_id, firm_slug)
    WHERE status = 'complete' AND batch_id <> '';

-- Third-party schemas applied by `footprint db migrate` (procrastinate's queue), with the version applied.
CREATE TABLE engine_schema (
    engine     TEXT PRIMARY KEY,
    version    TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
