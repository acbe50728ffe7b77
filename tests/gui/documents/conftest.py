"""Fixtures for the 执法文书 GUI tests: the real services over a bureau that holds 文号 blocks for every
series of the catalogue, people signed in, and message boxes recorded instead of shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.ui.tasks import wait_for_background_work
from tests.conftest import make_world


@pytest.fixture
def world(database, clock):
    """The shared world (the demo bureau holds 文号 blocks for every numbered series); background work
    is finished before the database closes."""
    yield make_world(database, clock)
    wait_for_background_work()


@pytest.fixture
def boxes(monkeypatch):
    """QMessageBox warnings and questions, recorded instead of shown (a modal box would block);
    questions are answered Yes."""
    shown: list[tuple[str, str, str]] = []

    def record(kind, answer=None):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return box

    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    return shown


@pytest.fixture
def opened_files(monkeypatch):
    """Paths handed to the desktop (Word/WPS, a folder), recorded instead of opened."""
    from app.ui.documents import files

    opened: list = []
    monkeypatch.setattr(files, "open_file", lambda path: opened.append(path) or True)
    return opened
