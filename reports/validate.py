"""Validating report.json against its versioned schema, so a change of shape is caught before anyone relies on it.

The schema ships inside the package (reports/schema/report.schema.json) and is read with importlib.resources, so
validation works the same from a checkout, an editable install or a wheel.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from jsonschema import Draft202012Validator

SCHEMA_RESOURCE = ("schema", "report.schema.json")


@cache
def schema() -> dict:
    return json.loads(files("reports").joinpath(*SCHEMA_RESOURCE).read_text(encoding="utf-8"))


@cache
def _validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def _where(path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(top)"


def validate_report(report: dict) -> list[str]:
    """Every schema violation as 'where: what', in a stable order; an empty list means the report is valid."""
    errors = sorted(_validator().iter_errors(report), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [f"{_where(e.absolute_path)}: {e.message}" for e in errors]
