-- The latest `footprint register check` of each firm, as the firm's report summarises it (issue 16 item 4): when
-- it ran, where its register.html was written and the aggregate summary only (counts, shares, data gaps). No
-- client pseudonym is kept here: the firm's report names no client.
CREATE TABLE register_runs (
    firm_slug   TEXT PRIMARY KEY,
    checked_at  TEXT NOT NULL,
    html_path   TEXT NOT NULL DEFAULT '',
    summary     TEXT NOT NULL DEFAULT '{}'      -- JSON: crawler/register/section.py's aggregate
);
