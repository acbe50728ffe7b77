"""Fixtures for the document tests."""

from __future__ import annotations

import os

import pytest

from app.documents.pdf import ENV_VAR, LibreOfficeConverter, find_converter

REQUIRE_LIBREOFFICE = os.environ.get("ZHIFA_REQUIRE_LIBREOFFICE") == "1"


@pytest.fixture
def soffice() -> LibreOfficeConverter:
    """The installed LibreOffice; the test is skipped (with the reason) when there is none, except where
    ZHIFA_REQUIRE_LIBREOFFICE=1 (CI), where a missing LibreOffice fails it."""
    converter = find_converter()
    if converter is None:
        where = f"{ENV_VAR}={os.environ[ENV_VAR]!r}" if ENV_VAR in os.environ else "not on PATH nor installed"
        if REQUIRE_LIBREOFFICE:
            pytest.fail(f"LibreOffice is required here (ZHIFA_REQUIRE_LIBREOFFICE=1) but not found ({where})")
        pytest.skip(f"no LibreOffice (soffice) to use ({where}): install libreoffice-writer "
                    f"or point {ENV_VAR} at soffice to run the PDF conversion tests")
    return converter
