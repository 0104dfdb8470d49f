"""detectors/social as a package: pure, no detector modules of its own, imports in one direction."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import detectors.social


def test_no_social_module_is_taken_for_a_detector():
    """The catalogue wiring (detectors/<indicator>.py with INDICATOR and detect) stays the lead's: nothing in
    detectors/social defines both."""
    for info in pkgutil.iter_modules(detectors.social.__path__):
        module = importlib.import_module(f"detectors.social.{info.name}")
        assert not (hasattr(module, "INDICATOR") and hasattr(module, "detect")), info.name


def test_social_package_is_pure():
    for info in pkgutil.iter_modules(detectors.social.__path__):
        source = Path(detectors.social.__path__[0], f"{info.name}.py").read_text(encoding="utf-8")
        for banned in ("import crawler", "from crawler", "import reports", "from reports", "requests", "urllib.request",
                       "scrapy", "playwright"):
            assert banned not in source, (info.name, banned)


def social_imports() -> dict[str, set[str]]:
    """module -> the detectors/social modules it imports (at any level, lazy imports inside functions included)."""
    names = {info.name for info in pkgutil.iter_modules(detectors.social.__path__)}
    graph = {}
    for name in names:
        tree = ast.parse(Path(detectors.social.__path__[0], f"{name}.py").read_text(encoding="utf-8"))
        imported = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("detectors.social."):
                imported.add(node.module.removeprefix("detectors.social."))
            elif isinstance(node, ast.Import):
                imported |= {a.name.removeprefix("detectors.social.") for a in node.names
                             if a.name.startswith("detectors.social.")}
        graph[name] = imported & names
    return graph


def test_social_modules_import_each_other_in_one_direction_only():
    try:
        order = list(TopologicalSorter(social_imports()).static_order())
    except CycleError as cycle:
        raise AssertionError(f"import cycle in detectors/social: {cycle.args[1]}") from None
    assert order.index("handles") < order.index("markup") < order.index("telegram") < order.index("profiles")

