"""The crash handler: bugs get a dialog with copyable details and the log path, user errors a
plain warning, cancellations nothing; the application keeps running throughout."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox

from app import __version__
from app.domain.errors import UserCancelled, ValidationError
from app.ui import crash

# The offscreen platform cannot raise windows or pass size hints; a real display can.
pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


def raise_and_report(exc: BaseException) -> None:
    """Raise for a real traceback, then hand it to the installed hook as Python would."""
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


def explode_deep_inside() -> None:
    raise RuntimeError("boom 42")


def test_uncaught_exception_shows_crash_dialog_and_app_keeps_running(qtbot, crash_handler):
    log_path = crash_handler()
    try:
        explode_deep_inside()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    dialog = crash.last_crash_dialog()
    assert dialog is not None and dialog.isVisible()
    text = dialog.details_text()
    assert str(log_path) in text
    assert "Traceback (most recent call last)" in text
    assert "explode_deep_inside" in text and "RuntimeError: boom 42" in text
    assert f"Zhifa {__version__}" in text
    assert dialog.findChild(type(dialog._details)).toPlainText() == text
    assert str(log_path) in dialog._log_label.text()
    logged = log_path.read_text(encoding="utf-8")
    assert "RuntimeError: boom 42" in logged and "explode_deep_inside" in logged

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == text

    # the application still works: events flow, widgets take input
    editor = QLineEdit()
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "still alive")
    assert editor.text() == "still alive"
    close = dialog._buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert QApplication.instance() is not None


def test_a_second_error_is_appended_to_the_open_dialog(qtbot, crash_handler):
    crash_handler()
    raise_and_report(RuntimeError("first"))
    first = crash.last_crash_dialog()
    raise_and_report(KeyError("second"))
    assert crash.last_crash_dialog() is first
    assert "first" in first.details_text() and "KeyError: 'second'" in first.details_text()
    first.close()
    raise_and_report(ValueError("third"))
    third = crash.last_crash_dialog()
    assert third is not first and third.isVisible()
    assert "first" not in third.details_text()


def test_user_error_shows_a_warning_not_a_crash(qtbot, crash_handler):
    log_path = crash_handler()
    error = ValidationError("{name}: this field is required", field="name", name="cause")
    raise_and_report(error)
    assert crash.last_crash_dialog() is None
    box = crash.last_message_box()
    assert box is not None and box.isVisible()
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == error.message
    assert "Traceback" not in log_path.read_text(encoding="utf-8")
    box.close()


def test_user_cancelled_is_silent(qtbot, crash_handler):
    log_path = crash_handler()
    raise_and_report(UserCancelled())
    assert crash.last_crash_dialog() is None
    assert crash.last_message_box() is None
    assert "UserCancelled" not in log_path.read_text(encoding="utf-8")


def test_exception_in_a_worker_thread_is_shown_on_the_ui_thread(qtbot, crash_handler):
    log_path = crash_handler()

    def work() -> None:
        raise RuntimeError("from a worker")

    worker = threading.Thread(target=work, name="import-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: crash.last_crash_dialog() is not None)
    assert "RuntimeError: from a worker" in crash.last_crash_dialog().details_text()
    assert "in thread import-worker" in log_path.read_text(encoding="utf-8")


def test_exception_in_a_slot_reaches_the_dialog(qtbot, crash_handler):
    from PySide6.QtWidgets import QPushButton

    crash_handler()
    button = QPushButton("go")
    qtbot.addWidget(button)

    def broken_slot() -> None:
        raise ZeroDivisionError("slot failed")

    button.clicked.connect(broken_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: crash.last_crash_dialog() is not None)
    assert "ZeroDivisionError: slot failed" in crash.last_crash_dialog().details_text()


def test_an_error_while_showing_the_dialog_does_not_recurse(qtbot, crash_handler, monkeypatch):
    log_path = crash_handler()
    calls = []

    def failing_dialog(*args, **kwargs):
        calls.append(1)
        raise_and_report(OSError("while reporting"))  # re-enters the hook
        raise MemoryError("dialog could not be built")

    with monkeypatch.context() as patch:
        patch.setattr(crash, "CrashDialog", failing_dialog)
        raise_and_report(RuntimeError("original"))
    assert calls == [1]
    assert crash.last_crash_dialog() is None
    logged = log_path.read_text(encoding="utf-8")
    for text in ("RuntimeError: original", "OSError: while reporting",
                 "MemoryError: dialog could not be built"):
        assert text in logged
    raise_and_report(RuntimeError("later"))  # the handler still works afterwards
    assert crash.last_crash_dialog() is not None


def test_crash_dialog_speaks_chinese(qtbot, crash_handler, language):
    language("zh_CN")
    log_path = crash_handler()
    raise_and_report(RuntimeError("boom"))
    dialog = crash.last_crash_dialog()
    assert dialog.windowTitle() == "执法办案：意外错误"
    assert dialog.copy_button.text() == "复制详细信息"
    assert dialog._log_label.text() == f"日志文件：{log_path}"
    language("en")  # LanguageChange is posted to the windows, so it arrives with the event loop
    qtbot.waitUntil(lambda: dialog.copy_button.text() == "Copy details")
