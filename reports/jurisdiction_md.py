"""report.md's member-state parts (issue 14): with --jurisdiction, the state's view before the verdict and the
sources of its profile in an annex; the warning lists checked and their hits. From report.json only."""

from __future__ import annotations


def jurisdiction_lines(report: dict, md_text, table) -> list[str]:
    j = report.get("jurisdiction")
    if not j:
        return []
    v = j["verdict"]
    authority = "; ".join(f"{a['name']} ({a['short']})" for a in j["authorities"]) or "not in the profile"
    lines = [f"## {md_text(j['name'])} ({j['state']}) first", "",
             f"**{v['level'].upper()}**, {j['state']} score {v['score']}/100 (EU as a whole {v['eu_wide_score']}/100);"
             f" {v['findings']} finding(s) attributed to {j['state']}. Same indicators and weights as for every "
             "member state: this view selects and attributes, it does not weigh.", "",
             f"- Competent authority under MiCA: {md_text(authority)}",
             f"- Languages: {md_text(', '.join(j['languages']) or 'not known')}; locales: "
             f"{md_text(', '.join(j['locales']) or 'not known')}"]
    for d in j["dates"]:
        own = "" if j["dates_from"] == j["state"] else f" (EU-wide; {j['state']}'s own date not cited)"
        lines.append(f"- End of the MiCA transitional period{own}: {d['date']}"
                     + (f" ({md_text(d['caveat'])})" if d.get("caveat") else ""))
    lines += [f"- Warning-list hit: {md_text(h['name'])}, {md_text(h['list'])} line {h['line']}, "
              f"{md_text(h['authority'] or 'authority not given')}, {h['date'] or 'date not given'}"
              for h in j["list_hits"]]
    lines.append("")
    if j["findings"]:
        lines += table(["Finding", "Indicator", "Channel", "Why"],
                       [[f["id"], f["indicator"], f["channel"], f["why"]]
                        for f in j["findings"]])
    return lines


def annex_lines(report: dict, md_text, table) -> list[str]:
    lines = []
    lists = report.get("warning_lists")
    if lists:
        lines += ["## Warning lists checked", ""]
        lines += [f"- {md_text(x['id'])} ({x['kind']}, {x['entries']} entries, imported {x['imported_at']}, sha256 "
                  f"{x['sha256'][:12]})" for x in lists["checked"]]
        lines.append("")
        if lists["hits"]:
            lines += table(["Finding", "List", "Line", "Entry", "Authority", "Date", "Matched by"],
                           [[h["finding"], h["list"], h["line"], h["name"], h["authority"], h["date"], h["matched"]]
                            for h in lists["hits"]])
    j = report.get("jurisdiction")
    if j:
        lines += [f"## Annex: sources of the {md_text(j['name'])} profile", ""]
        lines += table(["Profile", "Field", "Source", "Quote", "Checked"],
                       [[c["profile"], c["field"], c["source"], c["quote"], c["checked"]] for c in j["citations"]])
    return lines
