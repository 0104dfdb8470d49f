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

REPORT_SCHEMA = "report.schema.json"


@cache
def load_schema(name: str) -> dict:
    """One of the schemas in reports/schema/ (report, diff, index)."""
    return json.loads(files("reports").joinpath("schema", name).read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator for one of reports/schema/*.json. report.schema.json is registered under its $id, so another
    schema can hold whole findings by reference to it (the diff does) and the two never drift apart."""
    base = load_schema(REPORT_SCHEMA)
    registry = Registry().with_resource(base["$id"], Resource.from_contents(base))
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
    """Every schema violation as 'where: what', in a stable order; an empty list means the report is valid."""
    return problems(REPORT_SCHEMA, report)
