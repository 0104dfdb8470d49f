-- The per-client initiation register (issue 16): a firm's onboarding and services files (and its ad platforms'
-- exports) as imported, pseudonymous.
-- No client id, e-mail address or name is ever written here: `client_hash` is a keyed hash (HMAC-SHA256, the key
-- kept outside the store, crawler/register/keys.py) and `fields` holds only countries, dates, the channel and
-- attribution fields. `key_id` fingerprints the key, so imports hashed under different keys are told apart.
CREATE TABLE register_imports (
    id           TEXT PRIMARY KEY,
    firm_slug    TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('onboarding', 'services', 'google_ads',
                 'microsoft_ads', 'microsoft_ads_locations', 'search_console', 'play_console', 'app_store', 'mailchimp',
                 'onesignal', 'braze')),
    file_name    TEXT NOT NULL DEFAULT '',      -- the file's base name
    file_sha256  TEXT NOT NULL,
    key_id       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    rows_read    INTEGER NOT NULL DEFAULT 0,
    rows_kept    INTEGER NOT NULL DEFAULT 0,
    problems     TEXT NOT NULL DEFAULT ''       -- JSON: [{"line", "field", "expected"}]
);
CREATE INDEX register_imports_firm ON register_imports (firm_slug, imported_at);

CREATE TABLE register_rows (
    import_id    TEXT NOT NULL REFERENCES register_imports (id) ON DELETE CASCADE,
    line         INTEGER NOT NULL,
    client_hash  TEXT NOT NULL,
    fields       TEXT NOT NULL,                 -- JSON: countries, dates, channel, attribution
    PRIMARY KEY (import_id, line)
);
CREATE INDEX register_rows_client ON register_rows (client_hash);

-- The register's findings as last reported, so that `footprint triage` finds them by id as it finds a scan's.
CREATE TABLE register_findings (
    finding_id   TEXT NOT NULL,
    firm_slug    TEXT NOT NULL,
    check_id     TEXT NOT NULL,
    member_state TEXT NOT NULL DEFAULT '',
    clients      INTEGER NOT NULL DEFAULT 0,
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (finding_id, firm_slug)
);
