"""findings.csv: one row per finding over all channels, in report order, for spreadsheets and scripts. A fact seen
on many pages is one row: `pages` counts them, `sample_urls` lists the sample kept (space-separated), `url` is the
first of them. The columns format 2 added come last, so scripts reading the older columns by position still work.

Crawled text reaches spreadsheets here, so every text cell that a spreadsheet would read as a formula (leading
= + - @, tab or carriage return) gets a leading apostrophe (CSV formula injection, OWASP).
"""

from __future__ import annotations

import csv
import io

HEADER = ("finding_id", "channel", "indicator", "strength", "confidence", "member_states", "url", "fetched_at",
          "body_sha256", "locator", "value", "snippet", "legal_ref", "triage", "triage_reason", "new_since_last",
          "pages", "sample_urls", "first_seen", "last_seen")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def finding_rows(report: dict):
    for channel in report["channels"]:
        for f in channel["findings"]:
            ev = f["evidence"]
            texts = (f["id"], channel["id"], f["indicator"], f["strength"])
            rest = (" ".join(f["member_states"]), f["url"], f["fetched_at"], f["body_sha256"], ev["locator"],
                    ev["value"], ev["snippet"], f["legal_ref"])
            triage = f.get("triage") or {}
            review = (triage.get("status", ""), triage.get("reason", ""))
            new = "" if "new" not in f else "yes" if f["new"] else "no"
            seen = (" ".join(s["url"] for s in f.get("seen_on", ())), f.get("first_seen", ""), f.get("last_seen", ""))
            yield [*map(neutralise, texts), repr(float(f["confidence"])), *map(neutralise, rest),
                   *map(neutralise, review), new, str(f.get("pages", 1)), *map(neutralise, seen)]


def render_csv(report: dict) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    writer.writerows(finding_rows(report))
    return buf.getvalue()
