"""Validating report.json against its versioned schema, so a change of shape is caught before anyone relies on it.

The schema ships inside the package (reports/schema/report.schema.json) and is read with importlib.resources, so
validation works the same from a checkout, an editable install or a wheel.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from reports.build import FORMAT_1

REPORT_SCHEMA = "report.schema.json"  # the current format, reports.build.SCHEMA
FORMAT_1_SCHEMA = "report-1.schema.json"  # footprint.report/1, for reading older reports
_SCHEMA_FILES = {FORMAT_1: FORMAT_1_SCHEMA}  # any other "schema" value: the current one


@cache
def load_schema(name: str) -> dict:
    """One of the schemas in reports/schema/ (report, diff, index)."""
    return json.loads(files("reports").joinpath("schema", name).read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one of reports/schema/*.json. The report schemas (both formats) are registered under their
    $id, so another schema can hold whole findings by reference to them (the diff does) and they never drift
    apart."""
    bases = [load_schema(REPORT_SCHEMA), load_schema(FORMAT_1_SCHEMA)]
    registry = Registry().with_resources((base["$id"], Resource.from_contents(base)) for base in bases)
    Draft202012Validator.check_schema(load_schema(name))
    return Draft202012Validator(load_schema(name), registry=registry)


def problems(name: str, document: dict) -> list[str]:
    """Every violation of schema `name` as 'where: what', in a stable order; an empty list means valid."""
    errors = sorted(validator(name).iter_errors(document),
                    key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [f"{_where(e.absolute_path)}: {e.message}" for e in errors]


def schema() -> dict:
    return load_schema(REPORT_SCHEMA)


def _where(path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "(top)"


def validate_report(report: dict) -> list[str]:
    """Every schema violation as 'where: what', in a stable order; an empty list means the report is valid. A
    format-1 report (footprint.report/1) is checked against format 1's schema, any other against the current."""
    name = _SCHEMA_FILES.get(report.get("schema")) if isinstance(report, dict) else None
    return problems(name or REPORT_SCHEMA, report)
