"""The few lines printed after a scan: firm, verdict, one line per channel. Plain text, no colours.

Firm names, reasons and channel ids can carry crawled or user-supplied text, so control and format characters
(ANSI escapes, bidi overrides) are shown as \\uXXXX rather than sent to the terminal.
"""

from __future__ import annotations

import unicodedata

from detectors.model import ChannelStatus, rated

from reports.build import LIMIT_NAMES
from reports.visitors import visitor_labels


def plain(value: object) -> str:
    """One line, with whitespace collapsed and control/format characters made visible."""
    text = " ".join(str(value).split())
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)


def _verdict(v: dict) -> str:
    level = ChannelStatus.NOT_ASSESSED.label if v["level"] == ChannelStatus.NOT_ASSESSED else v["level"].upper()
    score = "no score" if v["score"] is None else f"score {v['score']}/100"
    return f"Verdict: {level}, {score}, {'complete' if v['complete'] else 'INCOMPLETE PICTURE'}"


def _channel(c: dict) -> str:
    n = len(c["findings"])
    findings = f"{n} finding{'' if n == 1 else 's'}"
    if not rated(c["status"]):
        reason = plain(c["reason"] or "no reason recorded")
        return f"  {plain(c['id'])}: {ChannelStatus(c['status']).label} ({reason}), {findings}"
    partial = f", PARTIAL ({plain(c['reason'] or 'some pages failed')})" if c["status"] == ChannelStatus.PARTIAL else ""
    cut = "".join(f", crawl stopped by the {LIMIT_NAMES[limit['limit']]} ({limit['limit']} {limit['value']})"
                  for limit in c.get("crawl_limits", []))
    return f"  {plain(c['id'])}: {c['level'].upper()} {c['score']}/100{partial}, {findings}{cut}"


def summary_lines(report: dict) -> list[str]:
    firm = report["firm"]
    home = f" ({plain(firm['home_country'])})" if firm.get("home_country") else ""
    lines = [f"Firm: {plain(firm['name'])}{home}", _verdict(report["verdict"])]
    visitors = visitor_labels(report)
    if visitors:
        lines.append(f"Visited as: {plain(', '.join(visitors))}")
    since = report.get("since_last")
    if since:
        lines.append(f"Since scan {since['previous_scan']} ({since['previous_started_at']}): {since['new']} new, "
                     f"{since['resolved']} resolved" if since["previous_scan"]
                     else "No previous complete scan of this firm: every finding is new")
    return lines + [f"Channels ({len(report['channels'])}):", *map(_channel, report["channels"])]
