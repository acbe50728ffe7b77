"""Fixtures for the seals and signatures GUI tests: the real services (PIN-protected software keys: no
keyring in tests), message boxes recorded, files handed to the desktop recorded, and PIN dialogs answered
from a list."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.domain.officers import Actor, Role
from app.ui.signing.pin_dialog import PinDialog
from app.ui.tasks import wait_for_background_work
from tests.conftest import make_world
from tests.fakes.signing import PIN, Pins
from tests.fakes.walks import in_decision_review, step
from tests.gui.documents.conftest import boxes, opened_files  # noqa: F401 - shared fixtures

ADMIN = Actor("admin", "管理员", Role.ADMIN)
TASK_TIMEOUT = 60_000  # LibreOffice takes a few seconds a run


class PinAnswers:
    """What the PIN dialogs are answered (a PIN, or None to cancel) and what each showed."""

    def __init__(self) -> None:
        self.answers: list[str | None] = []
        self.shown: list[dict] = []

    def exec(self, dialog: PinDialog) -> int:
        self.shown.append({"prompt": dialog.prompt_text, "retries": dialog.retries_left,
                           "error": dialog.error.text() if dialog.error.isVisibleTo(dialog) else ""})
        answer = self.answers.pop(0) if self.answers else None
        if answer is None:
            dialog.reject()
        else:
            dialog.pin_edit.setText(answer)
            dialog.confirm_edit.setText(answer)
            dialog.accept()
        return int(dialog.result())


@pytest.fixture
def world(database, clock):
    """The shared world; background work is finished before the database closes."""
    yield make_world(database, clock)
    wait_for_background_work()


@pytest.fixture
def pins(monkeypatch):
    answers = PinAnswers()
    monkeypatch.setattr(PinDialog, "exec", lambda dialog: answers.exec(dialog))
    return answers


@pytest.fixture
def sealing(world):
    """The bureau CA (PIN-protected software key) and a 行政执法专用章 the bureau head may use."""
    s = world.services
    s.pki.setup_bureau(ADMIN, Pins(), pin=PIN)
    return s.seals.create(ADMIN, kind="enforcement", handler=Pins(), pin=PIN,
                          allowed_user_ids=(world.bureau_head.user_id,))


def approved_decision(world, rng):
    """A case whose 行政处罚决定书 is approved and generated (numbered)."""
    case = step(world, world.bureau_head, in_decision_review(world, rng, fine_fen=12_000_00), "approve_decision")
    return case, world.services.documents.generate(world.officer, case.uuid, "XZCFJDS").record


def idle(qtbot, runner, timeout: int = TASK_TIMEOUT) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=timeout)


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted
