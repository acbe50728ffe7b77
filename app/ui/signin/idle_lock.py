"""Locks the main window after a time without keyboard, mouse or touch input: an opaque cover
hides the case data and a modal LockDialog asks for the password of the person signed in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.users import SignedIn
from app.ui.signin.lock_dialog import LockDialog

if TYPE_CHECKING:
    from app.services.auth import AuthService

MINUTE_MS = 60_000
INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate, QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


class IdleLock(QObject):
    """Watches every input event of the application (an event filter on QApplication).

    ``interval_ms`` overrides ``minutes`` (tests use a fraction of a second)."""

    locked = Signal()
    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, parent_window: QWidget, auth: AuthService, session_getter: Callable[[], SignedIn | None],
                 minutes: int, *, interval_ms: int | None = None):
        super().__init__(parent_window)
        self.window, self.auth, self.session_getter = parent_window, auth, session_getter
        self.dialog: LockDialog | None = None
        self._cover: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self._timer.setInterval(interval_ms if interval_ms is not None else minutes * MINUTE_MS)
        app = QApplication.instance()
        assert app is not None, "IdleLock needs a QApplication"
        app.installEventFilter(self)
        self._timer.start()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_minutes(self, minutes: int) -> None:
        """After the idle_lock_minutes setting changed; counts afresh from now."""
        self.set_interval_ms(minutes * MINUTE_MS)

    def set_interval_ms(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)
        if not self.is_locked:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            if not self.is_locked:
                self._timer.start()  # restart: idle time counts from the last input
        elif kind == QEvent.Type.Resize and watched is self.window and self._cover is not None:
            self._cover.setGeometry(self.window.rect())
        return False

    def lock(self) -> None:
        session = self.session_getter()
        if self.is_locked or session is None:  # nobody signed in: nothing to protect
            return
        self._cover = QWidget(self.window, objectName="lockCover", autoFillBackground=True)
        self._cover.setGeometry(self.window.rect())
        self._cover.show()
        self._cover.raise_()
        self.dialog = LockDialog(self.auth, session, self.window)
        self.dialog.unlocked.connect(self._on_unlocked)
        self.dialog.sign_out_requested.connect(self._on_sign_out)
        self.dialog.show()  # not open(): that would narrow the modality to this window only
        self.locked.emit()

    def _release(self) -> None:
        for widget in (self.dialog, self._cover):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.dialog = self._cover = None

    def _on_unlocked(self) -> None:
        self._release()
        self._timer.start()
        self.unlocked.emit()

    def _on_sign_out(self) -> None:
        """The main window handles the sign-out (shows the sign-in dialog, then calls resume())."""
        self._release()
        self.sign_out_requested.emit()

    def resume(self) -> None:
        """Count idle time again, e.g. after the next person signed in."""
        if not self.is_locked:
            self._timer.start()

    def stop(self) -> None:
        """Stop watching (the window closes); unlocks without a password."""
        self._timer.stop()
        self._release()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
