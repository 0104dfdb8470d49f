"""The shape of the code: stages in folders, modules that stay small, no import cycles, no detector stubs, and
the published firm-profile schema equal to what the declared defaults generate (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import grimp
import pytest

from crawler.config import profile_schema
from detectors.catalogue import catalogue
from detectors.model import Scope
from tests.conftest import ROOT

PACKAGES = ("crawler", "detectors", "reports")
MAX_LINES = 400
STAGES = {"config", "plan", "crawl", "captures", "runs", "register", "store", "sandbox", "cli", "demo"}


def modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "demo/web" not in str(p))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_the_size_limit(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_crawler_is_one_folder_per_stage():
    top = ROOT / "crawler"
    assert {p.name for p in top.iterdir() if p.is_dir() and not p.name.startswith("__")} == STAGES
    assert [p.name for p in top.glob("*.py")] == ["__init__.py"]


def test_no_import_cycles():
    graph = grimp.build_graph(*PACKAGES)
    edges = {m: graph.find_modules_directly_imported_by(m) & graph.modules for m in graph.modules}
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> list[str]:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                return path[path.index(target):] + [module, target] if target in path else [module, target]
            if not state.get(target):
                cycle = visit(target, path + [module])
                if cycle:
                    return cycle
        state[module] = 2
        return []

    for module in sorted(edges):
        if not state.get(module):
            assert visit(module, []) == []


def _returns_only_empty_list(function) -> bool:
    body = ast.parse(inspect.getsource(function)).body[0].body
    body = [n for n in body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]  # docstring
    return (len(body) == 1 and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.List)
            and not body[0].value.elts)


@pytest.mark.parametrize("indicator", [i.id for i in catalogue().active])
def test_every_active_indicator_has_a_detector_that_detects(indicator):
    module = importlib.import_module(f"detectors.{indicator.lower()}")
    assert module.INDICATOR == indicator
    assert getattr(module, "SCOPE", Scope.DOCUMENT) in set(Scope)
    assert not _returns_only_empty_list(module.detect), f"detectors/{indicator.lower()}.py: detect() is a stub"


def test_the_published_firm_profile_schema_is_what_the_defaults_generate():
    assert profile_schema.FILE.read_text(encoding="utf-8") == profile_schema.render(), (
        "regenerate it: python -m crawler.config.profile_schema")
