"""The ``_sandbox.yaml`` rule language: per-host rules that vary an answer by visitor or Accept-Language.

A host directory may hold ``ROOT/<host>/_sandbox.yaml`` with a list of rules; the first that matches a request
decides its status, headers, redirect or content. The loader is strict (unknown keys, wrong types and paths
outside the host directory are errors naming the file and the rule) so a typo fails loudly, not silently.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = "_sandbox.yaml"


class SandboxConfigError(ValueError):
    """A ``_sandbox.yaml`` file is malformed; the message names the file and the offending key."""


@dataclass(frozen=True)
class Rule:
    """One entry of ``rules:`` in a host's ``_sandbox.yaml``."""

    path: str
    visitor: tuple[str, ...] = ()
    accept_language: tuple[str, ...] = ()
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    redirect: str | None = None
    file: str | None = None
    body: str | None = None

    def matches(self, path: str, visitor: str, accept_language: str) -> bool:
        if self.path.endswith("*"):
            if not path.startswith(self.path[:-1]):
                return False
        elif path != self.path:
            return False
        if self.visitor and visitor.lower() not in self.visitor:
            return False
        if self.accept_language:
            tag = _first_language(accept_language)
            return any(tag == want or tag.startswith(want + "-") for want in self.accept_language)
        return True


_RULE_KEYS = {"path", "when", "status", "headers", "redirect", "file", "body"}
_WHEN_KEYS = {"visitor", "accept_language"}


def load_rules(path: str | Path) -> list[Rule]:
    """Parse and validate a ``_sandbox.yaml`` file; raise SandboxConfigError on any mistake."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SandboxConfigError(f"{path}: not valid YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, dict):
        raise SandboxConfigError(f"{path}: top level must be a mapping with a 'rules' key")
    for key in data:
        if key != "rules":
            raise SandboxConfigError(f"{path}: unknown key {key!r} (only 'rules' is allowed)")
    entries = data.get("rules") or []
    if not isinstance(entries, list):
        raise SandboxConfigError(f"{path}: 'rules' must be a list")
    return [_parse_rule(path, i, entry) for i, entry in enumerate(entries)]


def _parse_rule(path: Path, index: int, entry: Any) -> Rule:
    where = f"{path}: rules[{index}]"
    if not isinstance(entry, dict):
        raise SandboxConfigError(f"{where} must be a mapping")
    for key in entry:
        if key not in _RULE_KEYS:
            raise SandboxConfigError(
                f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(_RULE_KEYS))})"
            )
    rule_path = entry.get("path")
    if not isinstance(rule_path, str) or not rule_path.startswith("/"):
        raise SandboxConfigError(f"{where}: 'path' is required and must be a string starting with '/'")
    when = entry.get("when") or {}
    if not isinstance(when, dict):
        raise SandboxConfigError(f"{where}: 'when' must be a mapping")
    for key in when:
        if key not in _WHEN_KEYS:
            raise SandboxConfigError(f"{where}: unknown key 'when.{key}' (allowed: visitor, accept_language)")
    status = entry.get("status")
    if status is not None and (type(status) is not int or not 100 <= status <= 599):
        raise SandboxConfigError(f"{where}: 'status' must be an integer HTTP status")
    if entry.get("file") is not None and entry.get("body") is not None:
        raise SandboxConfigError(f"{where}: give 'file' or 'body', not both")
    return Rule(
        path=rule_path,
        visitor=_string_list(where, "when.visitor", when.get("visitor")),
        accept_language=_string_list(where, "when.accept_language", when.get("accept_language")),
        status=status,
        headers=_headers(where, entry.get("headers")),
        redirect=_optional_str(where, "redirect", entry.get("redirect")),
        file=_rule_file(where, entry.get("file")),
        body=_optional_str(where, "body", entry.get("body")),
    )


def _string_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    # A list lets one rule cover several countries, e.g. visitor: [DE, FR, IT].
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v for v in values):
        raise SandboxConfigError(f"{where}: '{key}' must be a non-empty string or a list of them")
    return tuple(v.lower() for v in values)


def _headers(where: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str | int | float) and not isinstance(v, bool)
        for k, v in value.items()
    ):
        raise SandboxConfigError(f"{where}: 'headers' must map header names to strings")
    return {k: str(v) for k, v in value.items()}


def _optional_str(where: str, key: str, value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise SandboxConfigError(f"{where}: '{key}' must be a string")
    return value


def _rule_file(where: str, value: Any) -> str | None:
    value = _optional_str(where, "file", value)
    if value is not None and (value.startswith("/") or ".." in Path(value).parts):
        raise SandboxConfigError(f"{where}: 'file' must be a path inside the host directory")
    return value


def _first_language(accept_language: str) -> str:
    first = accept_language.split(",", 1)[0]
    return first.split(";", 1)[0].strip().lower()


class RuleCache:
    """Rules per host, re-read when the file changes so tests can edit them while the server runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[tuple[int, int], list[Rule]]] = {}

    def get(self, path: Path) -> list[Rule]:
        try:
            st = path.stat()
        except FileNotFoundError:
            return []
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            cached = self._cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        rules = load_rules(path)
        with self._lock:
            self._cache[path] = (stamp, rules)
        return rules
