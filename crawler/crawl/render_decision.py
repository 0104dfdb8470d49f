"""When a page needs a browser: `render: auto` fetches every page plainly first and renders only those whose
content evidently comes from JavaScript."""

from __future__ import annotations

import re

from detectors.model import Document

_APP_SHELL = re.compile(
    rb'<div[^>]+id=["\'](?:root|app|__next|__nuxt|svelte)["\'][^>]*>\s*</div>|<app-root[\s>]|\bng-app\b|'
    rb"enable javascript|requires javascript|you need to enable javascript",
    re.IGNORECASE,
)
_SCRIPT = re.compile(rb"<script\b", re.IGNORECASE)
_INSERTS = re.compile(rb"document\.write\(|\.innerHTML\s*\+?=|insertAdjacentHTML\(")
THIN_TEXT = 400  # characters of visible text below which a page with scripts is taken for a shell


def render_reason(doc: Document, body: bytes) -> str:
    """Why this page should be rendered ("" if it should not): app-shell markup, or little text and scripts."""
    if doc.kind != "html" or doc.status >= 400:
        return ""
    if _APP_SHELL.search(body):
        return "app-shell markup"
    scripts = len(_SCRIPT.findall(body))
    if scripts and len(doc.text) < THIN_TEXT:
        return f"little visible text ({len(doc.text)} characters) and {scripts} script(s)"
    if _INSERTS.search(body):
        return "script-inserted content"
    return ""
