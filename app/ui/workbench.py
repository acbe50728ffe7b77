"""The signed-in session's life: sign in → main window (with idle lock and reminders) → sign out
→ sign in again. Settings saved in the window are applied here (language, font size, idle lock)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog

from app.config.settings import Settings
from app.domain import i18n as domain_i18n
from app.domain.users import SignedIn
from app.ui.i18n import install_translators
from app.ui.main_window import MainWindow
from app.ui.reminders import Reminders
from app.ui.signin.idle_lock import IdleLock
from app.ui.signin.signin_dialog import SignInDialog

if TYPE_CHECKING:
    from app.services import Services


def freeze_startup_objects() -> None:
    """Objects made while starting (modules, Qt wrappers, the window) live as long as the session;
    moving them out of the collector's reach keeps full collections short — scrolling 100,000 cases
    otherwise stalled 50–150 ms whenever one ran."""
    gc.collect()
    gc.freeze()


class Workbench(QObject):
    finished = Signal()  # the person cancelled signing in: the application should end

    def __init__(self, services: Services, settings: Settings, log_path: Path, *, reminders: bool = True):
        super().__init__()
        self.services, self.settings, self.log_path = services, settings, Path(log_path)
        self.with_reminders = reminders
        self.window: MainWindow | None = None
        self.lock: IdleLock | None = None
        self.reminders: Reminders | None = None
        self.sign_in: SignInDialog | None = None

    def start(self) -> SignInDialog:
        """Ask who is there; the window opens once they are signed in."""
        self.sign_in = SignInDialog(self.services.auth, self.services.bureau_name)
        self.sign_in.accepted.connect(self._signed_in)
        self.sign_in.rejected.connect(self._cancelled)
        self.sign_in.open()
        return self.sign_in

    def open_window(self, session: SignedIn) -> MainWindow:
        self.window = MainWindow(self.services, self.settings, self.log_path, session)
        self.window.signed_out.connect(self.sign_out)
        self.window.settings_changed.connect(self.apply_settings)
        self.lock = IdleLock(self.window, self.services.auth, lambda: self.window.session if self.window else None,
                             self.settings.idle_lock_minutes)
        self.lock.sign_out_requested.connect(self.sign_out)
        self.window.lock_action.triggered.connect(self.lock.lock)
        if self.with_reminders:
            self.reminders = Reminders(self.services, session, self.window)
            self.reminders.open_case.connect(self.window.open_case)
        self.window.show()
        if self.reminders is not None:
            self.reminders.start()
        freeze_startup_objects()
        return self.window

    def sign_out(self) -> None:
        if self.window is None:
            return
        if self.lock is not None:
            self.lock.stop()
        if self.reminders is not None:
            self.reminders.stop()
        window, self.window, self.lock, self.reminders = self.window, None, None, None
        self.start()  # first, so closing the window does not leave the application without one
        window.close()
        window.deleteLater()

    def apply_settings(self, names: list[str]) -> None:
        app = QApplication.instance()
        if "language" in names:
            install_translators(self.settings.language)
            domain_i18n.set_language(self.settings.language)
        if "font_size" in names and isinstance(app, QApplication):
            font = app.font()
            font.setPointSize(self.settings.font_size)
            app.setFont(font)
        if "idle_lock_minutes" in names and self.lock is not None:
            self.lock.set_minutes(self.settings.idle_lock_minutes)
        if "evidence_flag_days" in names:
            self.services.set_evidence_flag_days(self.settings.evidence_flag_days)

    def _signed_in(self) -> None:
        assert self.sign_in is not None
        session = self.sign_in.signed_in
        self.sign_in.deleteLater()
        self.sign_in = None
        if session is not None and isinstance(session, SignedIn):
            self.open_window(session)

    def _cancelled(self) -> None:
        if self.sign_in is not None and self.sign_in.result() == QDialog.DialogCode.Rejected:
            self.sign_in.deleteLater()
            self.sign_in = None
            self.finished.emit()
