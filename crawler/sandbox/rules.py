"""The ``_sandbox.yaml`` rule language: per-host rules that vary an answer by visitor or Accept-Language.

A host directory may hold ``ROOT/<host>/_sandbox.yaml`` with a list of rules; the first that matches a request
decides its status, headers, redirect or content. The loader is strict: the file is checked against its JSON
Schema (crawler/config/schema/sandbox-rules.schema.json) by the one input loader, detectors.inputs, so unknown keys,
wrong types and paths outside the host directory are errors naming the file, the rule, the field and the line, and
a typo fails loudly, not silently.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from detectors.inputs import InputError, load_yaml, schema

RULES_FILE = "_sandbox.yaml"
SCHEMA = "sandbox-rules"  # crawler/config/schema/, with the other formats users write


class SandboxConfigError(ValueError):
    """A ``_sandbox.yaml`` file is malformed; the message names the file, the rule and the offending key (its
    ``__cause__`` is the loader's InputError, with them as fields)."""


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


def load_rules(path: str | Path) -> list[Rule]:
    """Parse and validate a ``_sandbox.yaml`` file against its schema (crawler/config/schema/sandbox-rules.schema.json);
    raise SandboxConfigError naming the file, the rule, the field and what was expected (with the YAML line)."""
    try:
        data = load_yaml(path, schema("crawler.config", SCHEMA), "sandbox rules file")
    except InputError as exc:
        raise SandboxConfigError(str(exc)) from exc
    return [_rule(entry) for entry in (data or {}).get("rules") or []]


def _rule(entry: dict[str, Any]) -> Rule:
    """A rule from a validated entry: values normalised (countries and languages lower-cased, header values text)."""
    when = entry.get("when") or {}
    status = entry.get("status")
    return Rule(
        path=entry["path"],
        visitor=_lowered(when.get("visitor")),
        accept_language=_lowered(when.get("accept_language")),
        status=None if status is None else int(status),  # the schema's integer includes 404.0
        headers={k: str(v) for k, v in (entry.get("headers") or {}).items()},
        redirect=entry.get("redirect"),
        file=entry.get("file"),
        body=entry.get("body"),
    )


def _lowered(value: str | list[str] | None) -> tuple[str, ...]:
    # A list lets one rule cover several countries, e.g. visitor: [DE, FR, IT].
    if value is None:
        return ()
    return tuple(v.lower() for v in ([value] if isinstance(value, str) else value))


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
