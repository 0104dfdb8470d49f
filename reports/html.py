"""report.html: the report for a compliance officer, rendered from report.json and nothing else.

Crawled pages are hostile input, so the page is built for it: autoescaping on, no scripts, no external resources,
a Content-Security-Policy that forbids scripts anyway, and only absolute http(s) URLs ever become links
(javascript:, data: and the like are shown as text). No clock is read: the same report renders to the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from detectors.model import UNRATED_LABELS
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from reports import chart
from reports.build import crawl_limit_text, page_note
from reports.evidence_view import marked, page_groups
from reports.reasons import strongest_reasons
from reports.visitors import visitor_labels
from reports.words import country_name, short_url

TEMPLATE = "report.html.j2"
_SAFE_URL = re.compile(r"^https?://[^\s/?#@]+(?:[/?#][^\s]*)?$", re.IGNORECASE)


def is_safe_asset(path: object) -> bool:
    """Only footprint's own screenshot files become <img> sources: a relative path it wrote, nothing else."""
    return isinstance(path, str) and re.fullmatch(r"screenshots/[A-Za-z0-9_-]+\.png", path) is not None


def is_safe_page_copy(path: object) -> bool:
    """Only an archived copy footprint saved beside the report (pages/<hash>.html) becomes a link to a file."""
    return isinstance(path, str) and re.fullmatch(r"pages/[0-9a-f]{16}\.html", path) is not None


def is_safe_link(url: object) -> bool:
    """Absolute http(s) URL with a host, no whitespace, control or format characters: safe to put in an href."""
    return (
        isinstance(url, str)
        and bool(_SAFE_URL.match(url))
        and not any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in url)
    )


def short_hash(value: str, length: int = 12) -> str:
    return value[:length]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reports", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["safe_link"] = is_safe_link
    env.filters["short_hash"] = short_hash
    env.tests["safe_asset"] = is_safe_asset
    env.tests["safe_page_copy"] = is_safe_page_copy
    env.filters["crawl_limit"] = crawl_limit_text
    env.globals.update(page_note=page_note, page_groups=page_groups, marked=marked, country_name=country_name,
                       short_url=short_url)
    return env


def _states(report: dict) -> list[tuple[str, dict]]:
    """Member states, most targeted first (ties by code), which is the order a reviewer reads them in; with
    --jurisdiction, that state first."""
    first = report.get("jurisdiction", {}).get("state")
    return sorted(report["member_states"].items(), key=lambda kv: (kv[0] != first, -kv[1]["score"], kv[0]))


def _new_findings(report: dict) -> list[tuple[str, dict]]:
    """After --since-last: the new findings, by channel, listed at the top and shown first on their channels."""
    return [(c["id"], f) for c in report["channels"] for f in c["findings"] if f.get("new")]


def render_html(report: dict) -> str:
    states = _states(report)
    bars = chart.bars(states)
    failed = {(e["channel"], e["url"]) for e in report["errors"]}
    return environment().get_template(TEMPLATE).render(
        report=report, states=states, unrated_label=UNRATED_LABELS, reasons=strongest_reasons(report),
        bars=bars, chart_width=chart.chart_width(), chart_height=chart.chart_height(bars),
        label_width=chart.LABEL_WIDTH, bar_width=chart.BAR_WIDTH, thresholds=chart.level_thresholds(),
        new_findings=_new_findings(report), dead_links=len(failed), visitors=visitor_labels(report),
        checked_total=sum(len(c.get("checked_pages", [])) or c["pages"]["fetched"] for c in report["channels"]),
    )
