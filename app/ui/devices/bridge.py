"""The device manager calls its listeners on the USB thread; widgets live on the GUI thread. The
bridge turns each call into a queued Qt signal, and detaches itself when its owner goes, so the USB
thread never calls into a deleted widget."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from app.devices.manager import DeviceManager, DockedDevice

log = logging.getLogger(__name__)


class DeviceBridge(QObject):
    changed = Signal(object)  # DockedDevice: arrived, probed, busy, a problem, or gone (state "gone")

    def __init__(self, manager: DeviceManager, parent: QObject):
        super().__init__(parent)
        self.manager = manager
        self._attached = True

        def heard(device: DockedDevice, bridge: DeviceBridge = self) -> None:  # the USB thread
            if not getattr(heard, "attached", True):
                return
            try:
                bridge.changed.emit(device)
            except RuntimeError:  # the bridge was deleted between the check and the emit
                log.debug("device %s reported after its page closed", device.id)

        self._listener = heard
        manager.add_listener(heard)
        parent.destroyed.connect(lambda *_, m=manager, h=heard: _detach(m, h))

    def detach(self) -> None:
        _detach(self.manager, self._listener)


def _detach(manager: DeviceManager, listener: object) -> None:
    if getattr(listener, "attached", True):
        listener.attached = False  # type: ignore[attr-defined]
        try:
            manager.remove_listener(listener)  # type: ignore[arg-type]
        except ValueError:
            log.debug("device listener already removed")
