"""SandboxWeb's lifecycle (crawler/sandbox/web.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sandbox import SandboxWeb


def test_lifecycle(root: Path) -> None:
    web = SandboxWeb(root)
    with pytest.raises(RuntimeError):
        web.url  # noqa: B018 - the property raises before start()
    assert web.start() is web
    assert web.url == f"http://127.0.0.1:{web.port}" and web.port > 0
    web.stop()
    web.stop()  # idempotent
