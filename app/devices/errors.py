"""User-facing errors of the device layer. Each carries an English source with ``{params}`` (Chinese in
``app.domain.messages_zh_devices``); callers catch the subclass they can act on."""

from __future__ import annotations

from app.devices.base import UsbInfo
from app.domain.errors import UserError


class UsbError(UserError):
    """A USB transfer or open failed in a way the user may fix (re-plug, permissions, another program)."""


class UsbUnavailable(UsbError):
    """libusb itself cannot be loaded."""


class UsbPermissionDenied(UsbError):
    """The operating system refused to open the device (Linux: udev rule missing)."""


class DeviceGone(UsbError):
    """The device was unplugged (or re-enumerated) while we talked to it."""


class DeviceTimeout(UsbError):
    """The device did not answer in time."""


class ProtocolError(UsbError):
    """The device answered something a driver cannot read (bad frame, wrong checksum, short reply)."""


class EjectFailed(UserError):
    """A volume could not be unmounted or the device not powered off."""


def device_text(info: UsbInfo) -> str:
    """How a USB device is named in messages: ids, serial when known, bus and address."""
    serial = f" {info.serial}" if info.serial else ""
    return f"{info.ids}{serial} (bus {info.bus}, address {info.address})"
