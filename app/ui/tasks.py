"""The one background task runner: long work runs on a worker thread, the UI thread stays free.

``work(progress)`` never touches widgets; ``on_success``/``on_failure`` are called on the UI thread.
A modal progress dialog with Cancel appears only if the work is still running after
:data:`DIALOG_DELAY_MS`, so quick tasks do not flash a window. Cancel only sets a flag: the work
checks :attr:`Progress.cancelled` and raises :class:`UserCancelled` where stopping is safe.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QProgressDialog, QWidget

from app.domain.errors import UserCancelled, UserError

log = logging.getLogger(__name__)

T = TypeVar("T")
DIALOG_DELAY_MS = 300
REPORT_INTERVAL_S = 0.05  # progress reports closer together than this are merged (one queued signal each)


class Progress:
    """Handed to the work: report how far it got, and ask whether the user cancelled."""

    def __init__(self, emit: Callable[[int, int, str], None]):
        self._emit = emit
        self._cancel = threading.Event()
        self._last = 0.0

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        now = time.monotonic()
        final = total is not None and done >= total
        if final or now - self._last >= REPORT_INTERVAL_S:
            self._last = now
            self._emit(done, -1 if total is None else total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Task(QObject):
    """One run: lives on the UI thread, so signals emitted by the worker arrive there (queued)."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self, runner: TaskRunner, title: str, on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None] | None, cancellable: bool):
        super().__init__()
        self.runner, self.title = runner, title
        self.on_success, self.on_failure, self.cancellable = on_success, on_failure, cancellable
        self.progress = Progress(self.progressed.emit)
        self.dialog: QProgressDialog | None = None
        self.bar: QProgressBar | None = None
        self._last_report: tuple[int, int, str] = (0, -1, "")
        self.succeeded.connect(self._on_succeeded)
        self.failed.connect(self._on_failed)
        self.progressed.connect(self._on_progress)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DIALOG_DELAY_MS)
        self.timer.timeout.connect(self._show_dialog)

    # -- progress dialog -------------------------------------------------------------------------
    @Slot()
    def _show_dialog(self) -> None:
        parent = self.runner.parent_widget()
        if parent is None:
            return
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        # our own bar: QProgressDialog.setValue runs the event loop when modal (re-entrancy)
        self.bar = QProgressBar(dialog)
        dialog.setBar(self.bar)
        if self.cancellable:
            dialog.setCancelButtonText(QCoreApplication.translate("TaskRunner", "Cancel"))
            dialog.canceled.connect(self._cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        self._apply(*self._last_report)
        dialog.show()

    @Slot()
    def _cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.setLabelText(QCoreApplication.translate("TaskRunner", "Cancelling…"))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        self._last_report = (done, total, text)
        if self.dialog is not None and not self.progress.cancelled:
            self._apply(done, total, text)

    def _apply(self, done: int, total: int, text: str) -> None:
        dialog = self.dialog
        if dialog is None or not shiboken6.isValid(dialog):
            return
        dialog.setLabelText(text or self.title)
        if total < 0:  # unknown amount: a busy bar
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(min(done, max(total, 1)))

    def _close(self) -> None:
        self.timer.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):  # it goes with its window when that closes
            dialog.hide()
            dialog.deleteLater()

    # -- outcome ---------------------------------------------------------------------------------
    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._finish()
        if self.runner.alive():
            self.on_success(result)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        if not self.runner.alive():
            log.info("task %r ended after its window closed: %r", self.title, exc)
            return
        if self.on_failure is not None:
            self.on_failure(exc)
        else:
            self.runner.default_failure(exc)

    def _finish(self) -> None:
        self._close()
        self.runner._forget(self)


class _Worker(QRunnable):
    def __init__(self, task: _Task, work: Callable[[Progress], Any]):
        super().__init__()
        self.setAutoDelete(True)
        self._task, self._work = task, work

    def run(self) -> None:
        task = self._task
        try:
            try:
                result = self._work(task.progress)
            except BaseException as exc:  # everything goes back to the UI thread, which decides
                task.failed.emit(exc)
            else:
                task.succeeded.emit(result)
        except RuntimeError:  # the application is shutting down and took the task object with it
            log.info("task %r finished after the application closed", task.title)
        finally:
            self._task = self._work = None  # type: ignore[assignment]


class TaskRunner(QObject):
    """``run(title, work, on_success, on_failure=None, cancellable=True)``; ``busy`` while any runs."""

    def __init__(self, parent: QWidget, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._parent = parent
        self._pool = pool or QThreadPool.globalInstance()
        self._tasks: list[_Task] = []
        tasks = self._tasks  # not self: the runner is destroyed with its parent
        parent.destroyed.connect(lambda *_: [t.progress.cancel() for t in tasks])

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def run(self, title: str, work: Callable[[Progress], T], on_success: Callable[[T], None],
            on_failure: Callable[[BaseException], None] | None = None, *, cancellable: bool = True) -> None:
        task = _Task(self, title, on_success, on_failure, cancellable)
        self._tasks.append(task)
        task.timer.start()
        self._pool.start(_Worker(task, work))

    def cancel_all(self) -> None:
        """Ask every running task to stop (e.g. when the window closes)."""
        for task in self._tasks:
            task.progress.cancel()

    def default_failure(self, exc: BaseException) -> None:
        """What happens without an ``on_failure``: a warning, nothing, or the crash dialog."""
        if isinstance(exc, UserCancelled):
            log.debug("task cancelled by the user")
        elif isinstance(exc, UserError):
            QMessageBox.warning(self.parent_widget(), self.tr("Zhifa"), exc.message)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def failure_shown(self, title: str, note: QLabel | None = None,
                      first: Callable[[], None] | None = None) -> Callable[[BaseException], None]:
        """An ``on_failure`` that runs ``first``, then shows a user error in ``note`` and a warning titled
        ``title``; a cancel ends quietly, anything else goes to the crash dialog."""
        def shown(exc: BaseException) -> None:
            if first is not None:
                first()
            if isinstance(exc, UserCancelled):
                return
            if isinstance(exc, UserError):
                if note is not None:
                    note.setText(exc.message)
                QMessageBox.warning(self.parent_widget(), title, exc.message)
            else:
                self.default_failure(exc)
        return shown

    # -- internals -------------------------------------------------------------------------------
    def parent_widget(self) -> QWidget | None:
        return self._parent if self.alive() else None

    def alive(self) -> bool:
        return shiboken6.isValid(self) and shiboken6.isValid(self._parent)

    def _forget(self, task: _Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        task.deleteLater()


def wait_for_background_work(timeout_ms: int = 10_000) -> bool:
    """Before the interpreter shuts down: let running tasks end (their results are dropped once
    their windows are gone). A worker thread still running Python at exit would crash the process."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)

