"""report.md: the report as plain Markdown, for tickets, wikis and e-mail, rendered from report.json only.

Crawled text is escaped so that it stays text in any renderer: table pipes, newlines, backslashes, and the
characters that would start HTML, links or code (< > [ ] `) are backslash-escaped; nothing crawled is ever a link.
"""

from __future__ import annotations

import re

from detectors.model import ChannelStatus, rated

from reports.build import crawl_limit_text, page_note
from reports.jurisdiction_md import annex_lines, jurisdiction_lines
from reports.visitors import visitor_labels

_SPECIAL = re.compile(r"([\\|<>\[\]`*_])")


def md_text(value: object) -> str:
    """One line of inert Markdown: whitespace runs (newlines included) collapsed, active characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _row(cells) -> str:
    return "| " + " | ".join(md_text(c) if str(c) else " " for c in cells) + " |"


def _table(header: list[str], rows: list[list]) -> list[str]:
    return [_row(header), "|" + "|".join("---" for _ in header) + "|", *(_row(r) for r in rows), ""]


def _verdict(v: dict) -> str:
    if v["level"] == ChannelStatus.NOT_ASSESSED:
        head = "**NOT ASSESSED** (no score)"
    else:
        head = f"**{v['level'].upper()}**, score {v['score']}/100"
    return f"{head}, {'complete' if v['complete'] else '**INCOMPLETE PICTURE**'}"


def _channel(c: dict) -> list[str]:
    lines = [f"### {md_text(c['id'])}", ""]
    if not rated(c["status"]):
        reason = md_text(c["reason"] or "no reason recorded")
        lines.append(f"- Status: **{ChannelStatus(c['status']).label}**, not rated: {reason}")
    else:
        lines.append(f"- Risk: **{c['level'].upper()}**, score {c['score']}/100 ({md_text(c['status'])})")
        if c["status"] == ChannelStatus.PARTIAL:
            lines.append(f"- **PARTIAL**: {md_text(c['reason'] or 'some pages failed')}")
    lines += [f"- Kind: {md_text(c['kind'])}", f"- Target: {md_text(c['target'])}",
              f"- Pages: {c['pages']['fetched']} fetched, {c['pages']['failed']} failed",
              *(f"- Crawl cut short: {crawl_limit_text(limit)}" for limit in c.get("crawl_limits", [])),
              f"- Findings: {len(c['findings'])}"
              + (f" ({c['dismissed']} dismissed in triage: listed, not scored)" if c.get("dismissed") else "")]
    lines += [f"- Page {md_text(n['url'])}: {md_text(page_note(n))}" for n in c.get("page_notes", ())] + [""]
    if c["indicators"]:
        lines += _table(["Indicator", "Title", "Contribution", "Findings", "Member states"],
                        [[i["id"], i["title"], i["score"], i["findings"], " ".join(i["member_states"])]
                         for i in c["indicators"]])
    if c["findings"]:
        lines += _table(
            ["Indicator", "Member states", "Strength", "Confidence", "Pages", "URL", "Locator", "Value", "Snippet",
             "Fetched at", "Body SHA-256", "Legal reference"],
            [[_marked(f), " ".join(f["member_states"]), f["strength"], f["confidence"], f.get("pages", 1),
              sample_urls(f), f["evidence"]["locator"], f["evidence"]["value"], f["evidence"]["snippet"],
              f["fetched_at"], f["body_sha256"][:12], f["legal_ref"]] for f in c["findings"]])
    return lines


def sample_urls(f: dict) -> str:
    """Where a finding was seen: its URL, or for a fact merged over many pages the sample of them (space-separated),
    with how many more there were."""
    urls = [s["url"] for s in f.get("seen_on", ())] or [f["url"]]
    more = f.get("pages", 1) - len(urls)
    return " ".join(urls) + (f" (+{more} more)" if more > 0 else "")


def _marked(f: dict) -> str:
    """The indicator, with NEW (since the previous scan) and a reviewer's triage decision."""
    text = f["indicator"] + (" NEW" if f.get("new") else "")
    triage = f.get("triage")
    if triage:
        scored = " (not scored)" if triage["status"] == "dismissed" else ""
        text += f" [{triage['status'].upper()}{scored} by {triage['by'] or 'unknown'}: {triage['reason']}]"
    return text


def _since_last(report: dict) -> list[str]:
    sl = report.get("since_last")
    if not sl:
        return []
    if not sl["previous_scan"]:
        return ["## Since the previous scan", "", "No previous complete scan of this firm: every finding is new.", ""]
    lines = ["## Since the previous scan", "",
             f"Compared with scan {md_text(sl['previous_scan'])} of {sl['previous_started_at']}: {sl['new']} new "
             f"finding(s) (marked NEW), {sl['resolved']} resolved.", ""]
    for cid, base in sorted(sl.get("baselines", {}).items()):
        if base != sl["previous_scan"]:
            lines.append(f"- {md_text(cid)}: " + (f"compared with scan {md_text(base)}, the latest that could assess "
                                                   "it" if base else "not assessed in any earlier scan with these "
                                                   "settings: all its findings are new"))
    if any(base != sl["previous_scan"] for base in sl.get("baselines", {}).values()):
        lines.append("")
    if sl["resolved_findings"]:
        lines += _table(["Resolved finding", "Indicator", "Channel", "URL", "Value"],
                        [[r["id"], r["indicator"], r["channel"], r["url"], r["value"]]
                         for r in sl["resolved_findings"]])
    return lines


NO_VISITOR = "none (fetched without a visitor profile)"  # app-store lookups name their storefront in the URL


def _provenance(report: dict) -> list[str]:
    """Who fetched what, from where, how reached, when (docs/0014-evidence.md); older reports have less."""
    prov = report.get("provenance")
    if not prov:
        return []
    lines = ["## Provenance of the captures", "",
             f"- Tool: {md_text(prov['tool']['name'])} {md_text(prov['tool']['version'])}, catalogue "
             f"{md_text(prov['catalogue_version'])}",
             f"- Scan: {prov['started_at']} to {prov['finished_at']} (UTC), archive "
             f"{md_text(prov.get('archive', 'capture.warc.gz'))}"]
    if "system" in prov:
        libraries = "; ".join(f"{md_text(k)} {md_text(v)}" for k, v in sorted(prov["system"]["libraries"].items()))
        lines += [f"- Machine: {md_text(prov['system']['os'])}; Python {md_text(prov['system']['python'])}"
                  + (f"; {libraries}" if libraries else ""),
                  f"- Fetched by: {md_text(prov['clients']['crawl'])}; screenshots by "
                  f"{md_text(prov['clients']['screenshots'])}",
                  f"- Browser profile: {md_text(prov['browser_profile'])}", ""]
        lines += _table(["Visitor", "Route", "Exit country", "Address seen by the target"],
                        [[v["visitor"] or NO_VISITOR, v["route"], v["exit_country"], v["egress_ip"]]
                         for v in prov["vantage"]])
        lines += _table(["Page", "Visitor", "Reached by", "Sent", "Received", "Address; client", "WARC record"],
                        [[p["url"], p["visitor"] or NO_VISITOR, " -> ".join(p["path"][:-1]) or
                          ("start URL" if p["path"] else "not known"), p["started_at"], p["finished_at"],
                          f"{p['server_ip']}; {p['client']}", p["record_id"]] for p in prov["pages"]])
    else:
        lines += [f"- Browser: {md_text(prov['browser'])}", ""]
    return lines


def _share(entry: dict) -> str:
    return f"{entry['clients']} ({entry['share'] * 100:.1f}%)"


def _register(report: dict) -> list[str]:
    """The firm's latest `register check`, aggregates only (issue 16 item 4)."""
    r = report.get("register")
    if not r:
        return []
    lines = ["## Initiation register", "",
             f"Checked {r['checked_at']}: {r['clients']} client(s), {r['eu_clients']} in the EU/EEA, "
             f"{r['outside_eu_clients']} outside; client by client in {md_text(r['register_html'])}. No client is "
             "ever marked as having come on their own initiative.", "",
             f"- EU clients with mediated first contact: {_share(r['mediated'])}",
             f"- Own-initiative attestation as the only record: {_share(r['attestation_only'])}",
             f"- Onboarded on dates no scan covers: {_share(r['coverage_gap'])}",
             f"- Art. 61(2) flags: {r['art_61_2']['findings']} finding(s), {_share(r['art_61_2'])} client(s)", ""]
    if r["live_content"]:
        lines += _table(["Member state", "EU clients", "Onboarded while content directed at it was live"],
                        [[state, s["eu_clients"], _share(s)] for state, s in r["live_content"].items()])
    lines += [f"- Data gap: {md_text(gap)}" for gap in r["data_gaps"]]
    return lines + ([""] if r["data_gaps"] else [])


def render_markdown(report: dict) -> str:
    firm, v = report["firm"], report["verdict"]
    scan = report["scan"]
    lines = [f"# Solicitation-risk report: {md_text(firm['name'])}", "",
             f"> **Not legal advice.** {md_text(report['notice'])}", "",
             f"- Home country: {md_text(firm.get('home_country') or 'not stated')}",
             f"- Scan: {md_text(scan['id'])}, {scan['started_at']} to {scan['finished_at']}",
             f"- Visited as: {md_text(', '.join(visitor_labels(report)) or 'the default visitor only')}",
             f"- Tool: {md_text(report['tool']['name'])} {md_text(report['tool']['version'])}, "
             f"catalogue {md_text(report['tool']['catalogue_version'])}", "",
             *jurisdiction_lines(report, md_text, _table),
             "## Verdict", "", _verdict(v), "", md_text(v["summary"]), "", *_since_last(report),
             "## Member states", ""]
    first = report.get("jurisdiction", {}).get("state")
    states = sorted(report["member_states"].items(), key=lambda kv: (kv[0] != first, -kv[1]["score"], kv[0]))
    if states:
        lines += _table(["State", "Score", "Indicators", "Channels"],
                        [[s, d["score"], " ".join(d["indicators"]), " ".join(d["channels"])] for s, d in states])
    else:
        lines += ["No finding named a member state.", ""]
    lines += ["## Channels", ""]
    for c in report["channels"]:
        lines += _channel(c)
    lines += _provenance(report)
    lines += _register(report)
    lines += annex_lines(report, md_text, _table)
    lines += ["## Errors", ""]
    lines += [f"- {md_text(e['channel'])}: {md_text(e['url'])}: {md_text(e['error'])}" for e in report["errors"]]
    lines += [] if report["errors"] else ["No fetch errors."]
    return "\n".join(lines).rstrip("\n") + "\n"
