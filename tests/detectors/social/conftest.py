"""Fixtures of the social tests: a Context and the two recorded Telegram preview pages, parsed once per module."""

from __future__ import annotations

import pytest

from detectors.context import Context
from detectors.social.telegram import parse_preview

from . import NEWEST, OLDER, page


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()


@pytest.fixture(scope="module")
def newest():
    return parse_preview(page("telegram-preview.html"), NEWEST)


@pytest.fixture(scope="module")
def older():
    return parse_preview(page("telegram-preview-older.html"), OLDER)
