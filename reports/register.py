"""register.json and register.html: the per-client initiation register of one firm (issue 16), rendered from
the register's dict and nothing else.

register.json is the source of truth, schema `footprint.register/1` (reports/schema/register.schema.json), keys
sorted; register.html reads only it: autoescaping on, no scripts, no external resources, no clock. Both are
written whole or not at all (reports/writer.py's atomic_write).
"""

from __future__ import annotations

import json
from pathlib import Path

from reports.html import environment
from reports.validate import problems
from reports.writer import atomic_write

SCHEMA = "footprint.register/1"
SCHEMA_FILE = "register.schema.json"
TEMPLATE = "register.html.j2"
FILES = {"json": "register.json", "html": "register.html"}


def validate_register(document: dict) -> list[str]:
    """Every schema violation as 'where: what'; an empty list means the register is valid."""
    return problems(SCHEMA_FILE, document)


def render_json(document: dict) -> str:
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def render_html(document: dict) -> str:
    states = sorted(document["summary"]["member_states"].items(),
                    key=lambda kv: (-kv[1]["clients"], kv[0]))
    return environment().get_template(TEMPLATE).render(register=document, states=states)


def write_register(document: dict, out_dir: Path) -> dict[str, Path]:
    """Validate, render both files in memory, then write each atomically into out_dir; format -> path."""
    wrong = validate_register(document)
    if wrong:
        raise ValueError(f"register.json does not match {SCHEMA_FILE}: " + "; ".join(wrong[:5]))
    rendered = {"json": render_json(document), "html": render_html(document)}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for fmt, text in rendered.items():
        atomic_write(out_dir / FILES[fmt], text.encode("utf-8"))
        written[fmt] = out_dir / FILES[fmt]
    return written
