"""Device drivers, one module per device family (body cameras, rapid-test kits, cameras).

The explicit list below is what the composition root hands to the device manager, so a frozen
build finds every driver. Order matters: the first driver that claims a device wins, so specific
drivers (by USB ids, or by a distinctive layout) come before generic ones.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from app.devices.base import DeviceDriver
from app.domain.errors import ValidationError
from app.domain.evidence import DeviceDefinition
from drivers.camera import AudioRecorder, GenericCamera
from drivers.custom import user_driver
from drivers.ga947 import Ga947Camera
from drivers.rapid_test import RapidTestDevice
from drivers.vendor_bulk import VendorBulkCamera

log = logging.getLogger(__name__)

DRIVERS: tuple[type[DeviceDriver], ...] = (
    VendorBulkCamera,  # vendor ids + bulk protocol (a GA/T 947 tree once unlocked)
    RapidTestDevice,  # vendor ids; result files (CSV / XML)
    Ga947Camera,  # generic: GA/T 947 info file and file names
    AudioRecorder,  # generic: RECORD/ or VOICE/ with audio
    GenericCamera,  # generic: any DCIM/100XXXXX folder
)


def drivers_for(definitions: Iterable[DeviceDefinition]) -> tuple[type[DeviceDriver], ...]:
    """The user-defined drivers (an administrator's definitions, in order) first, then DRIVERS.
    Settings refuse to save a bad definition; one that no longer compiles is left out and logged,
    so the device manager still starts."""
    built: list[type[DeviceDriver]] = []
    for defn in definitions:
        try:
            built.append(user_driver(defn))
        except ValidationError as exc:
            log.warning("device definition %s (%s) left out: %s", defn.uuid, defn.name, exc.english)
    return tuple(built) + DRIVERS


__all__ = ["DRIVERS", "AudioRecorder", "Ga947Camera", "GenericCamera", "RapidTestDevice", "VendorBulkCamera",
           "drivers_for", "user_driver"]
