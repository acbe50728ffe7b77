"""The idle lock: it covers the window after the (here: short) idle interval, input postpones it,
only the signed-in person's password unlocks it, and Sign out hands over to the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from app.domain.officers import Role
from app.services.auth import MAX_FAILED_SIGN_INS
from app.ui.signin import IdleLock
from app.ui.signin.idle_lock import MINUTE_MS
from tests.gui.signin.helpers import PASSWORD, make_admin, with_fast_auth

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]
IDLE_MS = 200


@pytest.fixture
def services(world):
    services = with_fast_auth(world)
    admin = make_admin(services, world.clock)
    services.auth.create_user(admin, "liming", "李明", frozenset({Role.OFFICER}), PASSWORD,
                              officer_uuid=world.officers[0].uuid)
    return services


@pytest.fixture
def session(services):
    return services.auth.sign_in("liming", PASSWORD)


@pytest.fixture
def window(qtbot):
    win = QMainWindow()
    win.setCentralWidget(QLabel("案件数据"))
    win.resize(640, 480)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def lock(window, services, session):
    current = {"session": session}
    lock = IdleLock(window, services.auth, lambda: current["session"], 15, interval_ms=IDLE_MS)
    lock.current = current
    yield lock
    lock.stop()


def test_the_interval_comes_from_the_setting_unless_given_in_milliseconds(window, services, session):
    lock = IdleLock(window, services.auth, lambda: session, 15)
    assert lock.interval_ms == 15 * MINUTE_MS
    lock.set_minutes(3)
    assert lock.interval_ms == 3 * MINUTE_MS
    lock.stop()


def test_after_the_idle_interval_the_window_is_covered_and_locked(qtbot, window, lock, language):
    language("zh_CN")
    assert not lock.is_locked
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.windowModality() is Qt.WindowModality.ApplicationModal
    assert "李明（liming）" in dialog.who.text() and "承办人" in dialog.who.text()
    cover = window.findChild(QWidget, "lockCover")
    assert cover is not None and cover.isVisible() and cover.geometry() == window.rect()
    window.resize(800, 600)
    qtbot.waitUntil(lambda: cover.geometry() == window.rect())


def test_input_postpones_the_lock(qtbot, window, lock):
    for _ in range(8):  # 8 x 50 ms of typing: twice the idle interval, never idle for long
        qtbot.keyClick(window, Qt.Key.Key_Shift)
        qtbot.wait(IDLE_MS // 4)
    assert not lock.is_locked
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)


def test_only_the_right_password_unlocks(qtbot, window, lock, language):
    language("zh_CN")
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    dialog = lock.dialog
    dialog.password.setText("wrong2026")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.runner.busy)
    assert lock.is_locked and dialog.isVisible()
    assert dialog.error.text() == "密码错误。" and dialog.password.text() == ""
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not unlock, nor does closing
    dialog.close()
    assert lock.is_locked and dialog.isVisible()
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not lock.is_locked and not dialog.isVisible()
    qtbot.waitUntil(lambda: window.findChild(QWidget, "lockCover") is None)  # the cover is gone
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)  # counting again after the unlock


def test_too_many_wrong_passwords_lock_the_account_and_leave_sign_out(qtbot, lock):
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    dialog = lock.dialog
    for _ in range(MAX_FAILED_SIGN_INS):
        dialog.password.setText("wrong2026")
        dialog.try_unlock()
        qtbot.waitUntil(lambda: not dialog.runner.busy)
    assert lock.is_locked and dialog.error.text().startswith("登录失败次数过多")
    dialog.password.setText(PASSWORD)
    dialog.try_unlock()
    qtbot.waitUntil(lambda: not dialog.runner.busy)
    assert lock.is_locked and "已锁定" in dialog.error.text()


def test_sign_out_is_handed_to_the_main_window(qtbot, lock):
    qtbot.waitUntil(lambda: lock.is_locked, timeout=3000)
    dialog = lock.dialog
    with qtbot.waitSignal(lock.sign_out_requested):
        qtbot.mouseClick(dialog.sign_out_button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked and not dialog.isVisible()
    lock.current["session"] = None  # signed out: nothing to lock until the next person signs in
    lock.resume()
    qtbot.wait(IDLE_MS * 2)
    assert not lock.is_locked
