"""The last line of defence: an uncaught exception is logged and shown, and the program keeps running.

A :class:`~app.domain.errors.UserError` is not a crash: it carries its own translated text and
is shown as a plain warning. :class:`~app.domain.errors.UserCancelled` unwinds silently.
Exceptions raised in other threads are handed to the UI thread through a queued signal.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

import PySide6
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain.errors import UserCancelled, UserError

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
_MAX_REPORTS_PER_DIALOG = 20  # an exception in a paint event repeats forever; stop appending


class CrashDialog(QDialog):
    """Short explanation, the log path, the full details (copyable), Copy and Close buttons."""

    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.log_path = Path(log_path)
        self._reports = [details]
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)  # closing the main window still quits
        self.resize(720, 480)

        self._intro = QLabel(wordWrap=True)
        self._log_label = QLabel(wordWrap=True)
        self._log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._details = QPlainTextEdit(readOnly=True)
        self._details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self._buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._log_label)
        layout.addWidget(self._details, 1)
        layout.addWidget(self._buttons)
        self._details.setPlainText(self.details_text())
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Zhifa: unexpected error"))
        self._intro.setText(self.tr(
            "An unexpected error occurred. The program keeps running, but the last action may not have "
            "completed. Please copy the details below and send them, with the log file, to your "
            "administrator."))
        self._log_label.setText(self.tr("Log file: {path}").format(path=self.log_path))
        self.copy_button.setText(self.tr("Copy details"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def add_report(self, details: str) -> None:
        """Another error while this dialog is open: append it rather than stacking dialogs."""
        if len(self._reports) >= _MAX_REPORTS_PER_DIALOG or details == self._reports[-1]:
            return
        self._reports.append(details)
        self._details.setPlainText(self.details_text())

    def details_text(self) -> str:
        return f"Log file: {self.log_path}\n\n" + ("\n" + "=" * 72 + "\n\n").join(self._reports)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details_text())


class _Reporter(QObject):
    """Lives in the UI thread; a worker thread emits, the UI thread shows."""

    reported = Signal(object, object, object)

    def __init__(self) -> None:
        super().__init__()
        self.reported.connect(self._show)

    def _show(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        _show((exc_type, exc, tb))


@dataclass
class _State:
    log_path: Path | None = None
    reporter: _Reporter | None = None
    previous_excepthook: object = None
    previous_threading_hook: object = None
    dialog: CrashDialog | None = None
    message_box: QMessageBox | None = None
    showing: bool = False


_state = _State()


def install_crash_handler(log_path: Path) -> None:
    """Route uncaught exceptions (UI thread and other threads) to the log and a dialog."""
    if QApplication.instance() is None:
        raise RuntimeError("install_crash_handler needs a QApplication")
    if _state.reporter is None:
        _state.previous_excepthook = sys.excepthook
        _state.previous_threading_hook = threading.excepthook
    else:  # installed again (a new log path): keep the hooks saved the first time
        _state.reporter.deleteLater()
    _state.log_path = Path(log_path)
    _state.reporter = _Reporter()
    sys.excepthook = _excepthook
    threading.excepthook = _threading_excepthook


def uninstall_crash_handler() -> None:
    """Restore the previous hooks and close any open report (shutdown, tests)."""
    for widget in (last_crash_dialog(), last_message_box()):
        if widget is not None:
            widget.close()
            widget.deleteLater()
    _state.dialog = _state.message_box = None
    if _state.reporter is None:
        return
    sys.excepthook = _state.previous_excepthook  # type: ignore[assignment]
    threading.excepthook = _state.previous_threading_hook  # type: ignore[assignment]
    _state.reporter.deleteLater()
    _state.reporter = None


def last_crash_dialog() -> CrashDialog | None:
    """The most recent crash dialog, if it still exists (tests use this instead of a blocking exec)."""
    return _state.dialog if _state.dialog is not None and shiboken6.isValid(_state.dialog) else None


def last_message_box() -> QMessageBox | None:
    box = _state.message_box
    return box if box is not None and shiboken6.isValid(box) else None


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    handle_exception(exc_type, exc, tb)


def _threading_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit or args.exc_value is None:
        return
    handle_exception(args.exc_type, args.exc_value, args.exc_traceback,
                     thread_name=args.thread.name if args.thread else None)


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                     thread_name: str | None = None) -> None:
    """Log, then show (on the UI thread). Never raises."""
    if issubclass(exc_type, UserCancelled):
        log.debug("cancelled by the user")
        return
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        QCoreApplication.quit()
        return
    where = f" in thread {thread_name}" if thread_name else ""
    if isinstance(exc, UserError):
        log.info("user error%s: %s", where, exc.english)
    else:
        log.error("uncaught exception%s", where, exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or _state.reporter is None:
        return
    if QThread.currentThread() is app.thread():
        _show((exc_type, exc, tb))
    else:
        _state.reporter.reported.emit(exc_type, exc, tb)


def _show(exc_info: ExcInfo) -> None:
    if _state.showing:  # an error while showing an error: it is logged already; do not recurse
        log.error("a further error occurred while the error report was being shown")
        return
    _state.showing = True
    try:
        if isinstance(exc_info[1], UserError):
            _show_user_error(exc_info[1])
        else:
            _show_crash(details_for(exc_info))
    except Exception:
        log.exception("the error report itself failed")
    finally:
        _state.showing = False


def _show_user_error(error: UserError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("CrashDialog", "Zhifa"),
                      error.message, QMessageBox.StandardButton.Ok, QApplication.activeWindow())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _state.message_box = box
    box.open()


def _show_crash(details: str) -> None:
    dialog = last_crash_dialog()
    if dialog is not None and dialog.isVisible():
        dialog.add_report(details)
        return
    if dialog is not None:
        dialog.deleteLater()
    dialog = CrashDialog(details, _state.log_path or Path("-"))
    _state.dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def details_for(exc_info: ExcInfo) -> str:
    """Version information and the full traceback, in English (it goes to developers)."""
    lines = [
        f"Zhifa {__version__}",
        f"Time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} ({sys.executable})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"Platform: {platform.platform()}",
        "",
    ]
    return "\n".join(lines) + "".join(traceback.format_exception(*exc_info))
