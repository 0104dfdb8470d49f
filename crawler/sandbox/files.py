"""Directory mode: answers for host H from the files under ``ROOT/H/``, varied by ``ROOT/H/_sandbox.yaml``.

A URL maps to a file the way a mirror saves it (``/about/`` -> ``about/index.html``, a query as part of the
name, wget-style); nothing outside the host directory is ever served, whatever the path or a symlink says.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urljoin

from crawler.sandbox.answers import Answer, html_page, reason, sniff
from crawler.sandbox.rules import RULES_FILE, Rule, RuleCache, SandboxConfigError, load_rules

# Built-in table only: /etc/mime.types differs between machines and would make answers machine-dependent.
_MIME = mimetypes.MimeTypes()
_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


class HostFiles:
    """The hosts of a directory ROOT: one sub-directory per host name, each with the files it serves."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._rules = RuleCache()

    def host_dir(self, host: str) -> Path | None:
        """ROOT/<host> if that host exists, else None (a name that could leave ROOT never exists)."""
        if not host or host in {".", ".."} or "/" in host or "\\" in host or "\x00" in host:
            return None
        path = self.root / host
        return path if path.is_dir() else None

    def knows_host(self, host: str) -> bool:
        return self.host_dir(host) is not None

    def check_config(self) -> None:
        """Validate every ``ROOT/<host>/_sandbox.yaml``; raise SandboxConfigError on the first bad one."""
        for rules_file in sorted(self.root.glob(f"*/{RULES_FILE}")):
            load_rules(rules_file)

    def answer(self, host: str, url: str, path: str, query: str, visitor: str, accept_language: str) -> Answer:
        """The answer to one request: the first matching rule's, else the file's, else 404 (502 for a host
        that does not exist). Raises SandboxConfigError for a rule that names a missing file."""
        base = self.host_dir(host)
        if base is None:
            return Answer(502, html_page(502, "Bad Gateway", f"Unknown host {host!r} in the sandbox web."))
        decoded = unquote(path)
        for rule in self._rules.get(base / RULES_FILE):
            if rule.matches(decoded, visitor, accept_language):
                return self._rule_answer(rule, base, url, decoded, query)
        return self._lookup(base, decoded, query)

    def _rule_answer(self, rule: Rule, base: Path, url: str, path: str, query: str) -> Answer:
        headers = dict(rule.headers)
        status = rule.status
        if rule.redirect is not None:
            status = status or 302
            headers["Location"] = urljoin(url, rule.redirect)
        if rule.file is not None:
            target = _inside(base, base / rule.file)
            if target is None or not target.is_file():
                raise SandboxConfigError(f"{base / RULES_FILE}: rule {rule.path!r}: no file {rule.file!r}")
            return _file_answer(target, status or 200, headers)
        if rule.body is not None:
            return Answer(status or 200, rule.body.encode("utf-8"), headers)
        if status is not None and status != 200:
            # No content given: a small page for the status (e.g. 451 geo-blocked, 302 redirect).
            return Answer(status, html_page(status, reason(status)), headers)
        found = self._lookup(base, path, query)
        found.headers.update(headers)
        return found

    def _lookup(self, base: Path, path: str, query: str) -> Answer:
        target = _find_file(base, path, query)
        if target is None:
            return Answer(404, html_page(404, "Not Found", f"No file for {path} in the sandbox web."))
        return _file_answer(target)


def _find_file(base: Path, path: str, query: str) -> Path | None:
    segments = [s for s in path.split("/") if s]
    if any(s == ".." or "\x00" in s for s in segments):
        return None
    directory = path.endswith("/") or not segments
    candidate = base.joinpath(*segments)
    last = "index.html" if directory else segments[-1]
    parent = candidate if directory else candidate.parent
    names = []
    if query:
        # wget-style names: /store/apps/details?id=x -> details?id=x, /?q=1 -> index.html?q=1
        names += [f"{last}?{query}", f"{last}?{unquote(query)}"]
    names.append(last)
    for name in names:
        found = _servable(base, parent / name)
        if found is not None:
            return found
    return None


def _servable(base: Path, candidate: Path) -> Path | None:
    inside = _inside(base, candidate)
    if inside is None:
        return None
    if inside.is_dir():
        inside = _inside(base, inside / "index.html")
    if inside is None or not inside.is_file() or inside.name == RULES_FILE:
        return None
    return inside


def _inside(base: Path, candidate: Path) -> Path | None:
    """The resolved candidate if it stays inside base (no '..' or symlink escape), else None."""
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError):
        return None
    return resolved if resolved.is_relative_to(base.resolve()) else None


def _file_answer(path: Path, status: int = 200, extra: dict[str, str] | None = None) -> Answer:
    data = path.read_bytes()
    return Answer(status, data, dict(extra or {}), _content_type(path, data))


def _content_type(path: Path, data: bytes) -> str:
    name = path.name.partition("?")[0]  # "details?id=com.x" is typed by "details", not by ".x"
    suffix = Path(name).suffix.lower()
    if suffix in _CONTENT_TYPES:
        return _CONTENT_TYPES[suffix]
    guessed, encoding = _MIME.guess_type(name)
    if guessed and not encoding:
        return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed
    return sniff(data)
