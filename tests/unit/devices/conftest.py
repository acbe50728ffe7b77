"""The device tests match the English message sources; test_messages checks their Chinese."""

from __future__ import annotations

import pytest

from app.domain import i18n


@pytest.fixture(autouse=True)
def english(zhifa_home):
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")
