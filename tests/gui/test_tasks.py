"""The background task runner: results and errors come back on the UI thread, the progress dialog
appears only for slow work, Cancel stops the work, and the UI keeps running meanwhile."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from app.domain.errors import UserCancelled, ValidationError
from app.ui import crash
from app.ui.tasks import DIALOG_DELAY_MS, TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def runner(host):
    return TaskRunner(host)


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def _dialog(host) -> QProgressDialog | None:
    found = [d for d in host.findChildren(QProgressDialog) if d.isVisible()]
    return found[0] if found else None


def test_success_is_delivered_on_the_ui_thread(qtbot, runner):
    got = []
    worker_threads = []

    def work(progress):
        worker_threads.append(QThread.currentThread())
        return 6 * 7

    runner.run("Answer", work, lambda result: got.append((result, QThread.currentThread())))
    assert runner.busy
    qtbot.waitUntil(lambda: not runner.busy)
    assert got == [(42, QApplication.instance().thread())]
    assert worker_threads[0] is not QApplication.instance().thread()


def test_quick_work_shows_no_dialog(qtbot, host, runner):
    runner.run("Quick", lambda progress: None, lambda result: None)
    qtbot.waitUntil(lambda: not runner.busy)
    qtbot.wait(DIALOG_DELAY_MS + 50)
    assert _dialog(host) is None


def test_slow_work_shows_its_progress(qtbot, host, runner):
    release = threading.Event()
    done = []

    def work(progress):
        progress.report(3, 10, "Writing row 3")
        release.wait(10)
        return "ok"

    runner.run("Export", work, done.append)
    qtbot.waitUntil(lambda: _dialog(host) is not None and _dialog(host).labelText() == "Writing row 3")
    dialog = _dialog(host)
    assert dialog.windowTitle() == "Export"
    assert (dialog.value(), dialog.maximum()) == (3, 10)
    assert dialog.isModal()
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert done == ["ok"]
    qtbot.waitUntil(lambda: _dialog(host) is None)


def test_unknown_total_shows_a_busy_bar(qtbot, host, runner):
    release = threading.Event()

    def work(progress):
        progress.report(5)
        release.wait(10)

    runner.run("Counting", work, lambda result: None)
    qtbot.waitUntil(lambda: _dialog(host) is not None)
    qtbot.waitUntil(lambda: _dialog(host).maximum() == 0)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)


def test_cancel_sets_the_flag_and_the_work_stops_silently(qtbot, host, runner, warnings):
    succeeded, saw_cancel = [], threading.Event()

    def work(progress):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if progress.cancelled:
                saw_cancel.set()
                raise UserCancelled()
            time.sleep(0.01)
        return "finished"

    runner.run("Long", work, succeeded.append)
    qtbot.waitUntil(lambda: _dialog(host) is not None)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(_dialog(host).findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not runner.busy)
    assert saw_cancel.is_set()
    assert succeeded == [] and warnings == []
    qtbot.waitUntil(lambda: _dialog(host) is None)


def test_a_task_that_cannot_be_cancelled_has_no_cancel_button(qtbot, host, runner):
    from PySide6.QtWidgets import QPushButton

    release = threading.Event()
    runner.run("Saving", lambda progress: release.wait(10), lambda result: None, cancellable=False)
    qtbot.waitUntil(lambda: _dialog(host) is not None)
    assert _dialog(host).findChildren(QPushButton) == []
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)


def test_a_user_error_is_shown_as_a_warning(qtbot, runner, warnings):
    error = ValidationError("{field}: this field is required", field="name")

    def work(progress):
        raise error

    runner.run("Save", work, lambda result: pytest.fail("no success expected"))
    qtbot.waitUntil(lambda: not runner.busy)
    assert warnings == [("执法办案", error.message)] or warnings == [("Zhifa", error.message)]


def test_on_failure_receives_the_exception_instead(qtbot, runner, warnings):
    failures = []

    def work(progress):
        raise KeyError("gone")

    runner.run("Load", work, lambda result: None, failures.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert isinstance(failures[0], KeyError) and warnings == []


def test_a_crash_in_the_work_opens_the_crash_dialog(qtbot, runner, crash_handler):
    crash_handler()

    def work(progress):
        raise RuntimeError("disk on fire")

    runner.run("Export", work, lambda result: None)
    qtbot.waitUntil(lambda: crash.last_crash_dialog() is not None)
    details = crash.last_crash_dialog().details_text()
    assert "RuntimeError: disk on fire" in details
    assert "in work" in details  # the worker's traceback travels with the exception
    assert not runner.busy


def test_the_ui_thread_keeps_running_while_work_sleeps(qtbot, runner):
    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    release = threading.Event()
    runner.run("Sleep", lambda progress: release.wait(0.6), lambda result: None)
    qtbot.waitUntil(lambda: len(ticks) >= 10)  # would never happen if the work blocked the UI thread
    assert runner.busy
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    timer.stop()


def test_closing_the_window_cancels_its_tasks_and_drops_their_results(qtbot):
    widget = QWidget()
    runner = TaskRunner(widget)
    got, stopped = [], threading.Event()

    def work(progress):
        deadline = time.monotonic() + 10
        while not progress.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.set()
        return "late"

    runner.run("Late", work, got.append)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not runner.alive())
    qtbot.waitUntil(stopped.is_set)
    qtbot.waitUntil(lambda: not runner.busy)
    assert got == []


def test_closing_the_window_while_its_progress_dialog_shows(qtbot):
    widget = QWidget()
    widget.show()
    runner = TaskRunner(widget)
    failures = []
    runner.run("Slow", lambda progress: time.sleep(DIALOG_DELAY_MS / 1000 * 2) or "late", lambda r: None,
               failures.append)
    qtbot.waitUntil(lambda: bool(widget.findChildren(QProgressDialog)))
    widget.deleteLater()  # the dialog goes with it
    qtbot.waitUntil(lambda: not runner.busy)
    assert failures == []


def test_several_tasks_run_side_by_side(qtbot, runner):
    got = []
    for n in range(3):
        runner.run(f"Task {n}", lambda progress, n=n: n * 10, got.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert sorted(got) == [0, 10, 20]
