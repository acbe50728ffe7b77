"""Making a window the active one, which keyboard shortcuts need.

Offscreen, activation is asynchronous and Qt drops a request while a popup is open or while another window
is being activated; one request can therefore be lost on a busy machine. ``activate`` asks again until the
window has it, and if it never does, names what stood in the way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError as QtTimeoutError


def activate(qtbot, window: QWidget, timeout: int = 5000) -> None:
    def active() -> bool:
        if QApplication.activeWindow() is window:
            return True
        window.activateWindow()
        return False

    try:
        qtbot.waitUntil(active, timeout=timeout)
    except QtTimeoutError as exc:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        raise AssertionError(
            f"{window!r} never became the active window: active {QApplication.activeWindow()!r}, "
            f"popup {QApplication.activePopupWidget()!r}, modal {QApplication.activeModalWidget()!r}, "
            f"visible windows {shown!r}") from exc
