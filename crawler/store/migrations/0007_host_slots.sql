-- Politeness across a fleet's workers (issue 13 item 4, docs/0013-fleet.md): one row per host, the earliest time
-- (PostgreSQL's clock) the next request to it may start. Every crawl process of every worker claims its turn here
-- in one statement (crawler/crawl/host_slots.py). Portable SQL like the rest; only PostgreSQL stores use it (a
-- fleet needs PostgreSQL), so on SQLite the table simply stays empty.

CREATE TABLE host_slots (
    host            TEXT PRIMARY KEY,
    last_turn_at    TIMESTAMP WITH TIME ZONE NOT NULL,  -- when the latest claim's request may start
    next_allowed_at TIMESTAMP WITH TIME ZONE NOT NULL,  -- at the earliest, the next one (its claim's interval on)
    held_until      TIMESTAMP WITH TIME ZONE,           -- a request to the host is waiting or in flight (a lease)
    held_by         INTEGER                             -- by the crawl process on this server process (its pid)
);
