"""The whole workbench, as two people use it: an officer (承办人) and a reviewer who is section
head and bureau head (承办机构负责人 / 机关负责人). They sign in through the real dialog, and take an
ordinary case from the lead to closing through the wizard, the case view and the approval inbox;
one action is refused with its reason; a bug in a slot reaches the crash dialog and work goes on."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.cases import Stage
from app.domain.officers import Role
from app.services.auth import AuthService
from app.ui.main_window import MainWindow
from app.ui.workbench import Workbench
from tests.gui.case_view.test_case_view import perform
from tests.gui.signin.helpers import cheap_hasher
from tests.gui.wizard.test_new_case_wizard import FINISH, NEXT, click, fill_source, officer_row, pick_matter

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]
PASSWORDS = {"liming": "liming2026", "chenke": "chenke2026"}


@pytest.fixture
def bench(qtbot, world, log_path, language, monkeypatch):
    from app.config.settings import Settings

    language("zh_CN")
    services = dataclasses.replace(world.services, auth=AuthService(world.services.database, world.clock,
                                                                    hasher=cheap_hasher()))
    admin = services.auth.create_user(None, "admin", "郑晓东", frozenset({Role.ADMIN}), "admin2026x")
    from app.domain.users import SignedIn

    root = SignedIn(admin, Role.ADMIN, at=world.clock.now())
    services.auth.create_user(root, "liming", "李明", frozenset({Role.OFFICER}), PASSWORDS["liming"],
                              officer_uuid=world.officers[0].uuid)
    services.auth.create_user(root, "chenke", "陈科长", frozenset({Role.SECTION_HEAD, Role.BUREAU_HEAD}),
                              PASSWORDS["chenke"])
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    workbench = Workbench(services, Settings.load(), log_path, reminders=False)
    workbench.shown = shown
    yield workbench
    if workbench.window is not None:
        workbench.window.close()


def sign_in(qtbot, workbench: Workbench, username: str) -> MainWindow:
    dialog = workbench.start()
    qtbot.waitExposed(dialog)
    dialog.username.setText(username)
    dialog.password.setText(PASSWORDS[username])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    if username == "chenke":  # two roles: the dialog asks which one, the first is preselected
        qtbot.waitUntil(lambda: dialog.role.isVisible())
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workbench.window is not None and workbench.window.isVisible())
    assert workbench.window is not None
    return workbench.window


def sign_out(qtbot, workbench: Workbench) -> None:
    window = workbench.window
    assert window is not None
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: workbench.sign_in is not None and workbench.sign_in.isVisible())
    workbench.sign_in.reject()  # the next person signs in with a dialog of their own
    QApplication.processEvents()


def act(qtbot, window: MainWindow, case_uuid: str, action: str, kind=None, **fields):
    view = window.cases.open_case(case_uuid)
    view.reload()
    dialog = perform(qtbot, view, action, kind=kind, **fields)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    return view


def test_an_officer_and_a_reviewer_take_a_case_from_lead_to_closing(qtbot, world, bench):
    cases = world.services.cases
    # -- the officer registers the lead and asks for filing approval
    window = sign_in(qtbot, bench, "liming")
    assert window.user_label.text() == "当前用户：李明" and window.navigation.currentRow() == 0
    wizard = window.new_case()
    qtbot.waitExposed(wizard)
    fill_source(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    party = wizard.party_page
    party.name.setText("张三")
    import random

    from app.services.demo_people import resident_id

    qtbot.keyClicks(party.id_number.edit, resident_id(random.Random(4)))
    party.address.setText("江门市江海区礼乐街道五邑路9号")
    click(qtbot, wizard, NEXT)
    pick_matter(qtbot, wizard, fine="3000")
    click(qtbot, wizard, NEXT)
    wizard.officers_page.list.item(officer_row(wizard, "王芳")).setCheckState(Qt.CheckState.Checked)
    click(qtbot, wizard, NEXT)
    with qtbot.waitSignal(wizard.case_created) as created:
        click(qtbot, wizard, FINISH)
    uuid = created.args[0]
    assert cases.get(uuid).stage is Stage.FILING_REVIEW
    assert window.cases.currentWidget().case_uuid == uuid  # the new case opened in its tab
    sign_out(qtbot, bench)

    # -- the reviewer approves the filing from the inbox
    window = sign_in(qtbot, bench, "chenke")
    window.area(2)
    inbox = window.approvals
    qtbot.waitUntil(lambda: inbox.model.rowCount() == 1)
    inbox.table.selectRow(0)
    inbox.comment.setPlainText("同意立案")
    qtbot.mouseClick(inbox.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cases.get(uuid).stage is Stage.INVESTIGATING)
    sign_out(qtbot, bench)

    # -- the officer ends the investigation; a decision now is refused, and the view says why
    window = sign_in(qtbot, bench, "liming")
    view = act(qtbot, window, uuid, "end_investigation")
    refused = view.actions.button("send_prior_notice")
    assert not refused.isEnabled() and "案件审核" in refused.toolTip()
    sign_out(qtbot, bench)

    window = sign_in(qtbot, bench, "chenke")
    act(qtbot, window, uuid, "case_review", kind="slot", comment="事实清楚，证据确凿")
    sign_out(qtbot, bench)

    window = sign_in(qtbot, bench, "liming")
    act(qtbot, window, uuid, "send_prior_notice")
    world.clock.set(world.clock.now() + timedelta(days=10))  # the defence and hearing windows run out
    act(qtbot, window, uuid, "close_defence")
    act(qtbot, window, uuid, "submit_decision", fine_fen="3000")
    sign_out(qtbot, bench)

    # -- the reviewer, as bureau head, approves and seals the decision
    window = sign_in(qtbot, bench, "chenke")
    window.switch_role(Role.BUREAU_HEAD)
    assert window.role_box.currentText() == "机关负责人"
    act(qtbot, window, uuid, "approve_decision", comment="同意")
    act(qtbot, window, uuid, "seal_decision")
    sign_out(qtbot, bench)

    window = sign_in(qtbot, bench, "liming")
    act(qtbot, window, uuid, "serve")
    act(qtbot, window, uuid, "record_payment", amount_fen="3000")
    act(qtbot, window, uuid, "finish_execution")
    sign_out(qtbot, bench)

    window = sign_in(qtbot, bench, "chenke")
    act(qtbot, window, uuid, "close", comment="执行完毕，同意结案")
    case = cases.get(uuid)
    assert case.stage is Stage.CLOSED and case.paid_fen == 3_000_00
    history = [e.actor_name for e in cases.history(uuid)]
    assert {"李明", "陈科长"} <= set(history)
    assert bench.shown == []  # no warning was needed on the way
    assert world.services.audit.verify().ok


def test_a_bug_in_a_slot_reaches_the_crash_dialog_and_the_window_keeps_working(qtbot, world, bench,
                                                                                crash_handler, monkeypatch):
    from app.ui import crash

    window = sign_in(qtbot, bench, "liming")
    log_path = crash_handler()

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug while refreshing")

    monkeypatch.setattr(window.cases.list.model, "refresh", broken)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: crash.last_crash_dialog() is not None)
    dialog = crash.last_crash_dialog()
    assert "RuntimeError: a bug while refreshing" in dialog.details_text()
    assert str(log_path) in dialog._log_label.text()
    dialog.close()
    window.area(4)
    assert window.pages.currentWidget() is window.statistics and window.isVisible()
