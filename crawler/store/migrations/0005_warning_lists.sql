-- Warning lists (issue 14): ESMA's interim MiCA register of non-compliant entities and national lists, imported
-- from files with `footprint lists import` (never fetched). Each import of a changed file is a new version of its
-- list; the same file imported again is not. A scan records which list versions it checked.
CREATE TABLE warning_lists (
    id          TEXT PRIMARY KEY,              -- '<name>@<version>', e.g. 'esma-ncasp@2'
    name        TEXT NOT NULL,                 -- the list ('esma-ncasp', or the name given to a national list)
    kind        TEXT NOT NULL CHECK (kind IN ('ncasp', 'national')),
    version     INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    source      TEXT NOT NULL DEFAULT '',      -- the file's name as imported
    sha256      TEXT NOT NULL,
    entries     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name, version)
);
CREATE INDEX warning_lists_name ON warning_lists (name, version);

CREATE TABLE warning_list_entries (
    list_id         TEXT NOT NULL REFERENCES warning_lists (id) ON DELETE CASCADE,
    line            INTEGER NOT NULL,          -- the entry's line in the imported file (header = 1)
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,             -- detectors.warning_list.name_key(name): compared names
    commercial_name TEXT NOT NULL DEFAULT '',
    commercial_key  TEXT NOT NULL DEFAULT '',
    websites        TEXT NOT NULL DEFAULT '',  -- registrable domains, space-separated
    authority       TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL DEFAULT '',  -- ISO 3166-1 alpha-2 of the listing (home) member state
    listed_on       TEXT NOT NULL DEFAULT '',  -- the decision or listing date, YYYY-MM-DD
    reference       TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (list_id, line)
);
CREATE INDEX warning_list_entries_name ON warning_list_entries (list_id, name_key);
CREATE INDEX warning_list_entries_commercial ON warning_list_entries (list_id, commercial_key);

CREATE TABLE scan_warning_lists (
    scan_id TEXT NOT NULL REFERENCES scans (id) ON DELETE CASCADE,
    list_id TEXT NOT NULL,
    PRIMARY KEY (scan_id, list_id)
);
