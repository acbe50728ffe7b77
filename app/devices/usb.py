"""The only module that imports pyusb. Everything here runs on the device manager's USB thread.

Enumeration never opens a device: on Linux the list comes from sysfs (fresh on every poll, no
permissions needed, and libusb's own hotplug-maintained list is not involved); elsewhere from libusb's
descriptors cache. Only :func:`open` claims an interface, for drivers that speak a vendor protocol.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import threading
from pathlib import Path

from app.devices.base import UsbInfo
from app.devices.errors import (
    DeviceGone,
    DeviceTimeout,
    UsbError,
    UsbPermissionDenied,
    UsbUnavailable,
    device_text,
)

log = logging.getLogger(__name__)

VENDOR_CLASS = 0xFF
UDEV_RULES = "drivers/udev/99-zhifa.rules"
SYSFS = Path("/sys")

_backend_lock = threading.Lock()
_backend: object | None = None


def backend() -> object:
    """The libusb backend: the library shipped by the ``libusb-package`` wheel, else the system's."""
    global _backend
    with _backend_lock:
        if _backend is None:
            _backend = _load_backend()
        return _backend


def _load_backend() -> object:
    import usb.backend.libusb1 as libusb1

    found = None
    try:
        import libusb_package

        path = libusb_package.get_library_path()
        if path:
            found = libusb1.get_backend(find_library=lambda _name: str(path))
    except ImportError:
        pass
    if found is None:
        found = libusb1.get_backend()
    if found is None:
        raise UsbUnavailable("USB devices cannot be used: the libusb library was not found", rule="libusb")
    return found


describe = device_text


# ---- enumeration -------------------------------------------------------------------------------------
def enumerate(*, sysfs_root: Path | None = None) -> list[UsbInfo]:
    """Every USB device present, sorted by bus and address."""
    root = SYSFS if sysfs_root is None else sysfs_root
    if sys.platform.startswith("linux") and (root / "bus" / "usb" / "devices").is_dir():
        return enumerate_sysfs(root)
    return enumerate_libusb()


def enumerate_sysfs(root: Path = SYSFS) -> list[UsbInfo]:
    found = []
    devices = root / "bus" / "usb" / "devices"
    for entry in sorted(os.listdir(devices)):
        if ":" in entry:  # "1-1:1.0" is an interface, not a device
            continue
        folder = devices / entry
        info = sysfs_info(folder)
        if info is not None:
            found.append(info)
    return sorted(found, key=lambda i: (i.bus, i.address))


def sysfs_info(folder: Path) -> UsbInfo | None:
    """A device from its sysfs folder, or None when the folder is not (or no longer) a USB device."""
    try:
        vendor = int(_attr(folder, "idVendor"), 16)
        product = int(_attr(folder, "idProduct"), 16)
        bus = int(_attr(folder, "busnum"))
        address = int(_attr(folder, "devnum"))
    except (OSError, ValueError):
        return None
    return UsbInfo(vendor_id=vendor, product_id=product, bus=bus, address=address,
                   interface_classes=_sysfs_interface_classes(folder),
                   serial=_attr(folder, "serial", ""), manufacturer=_attr(folder, "manufacturer", ""),
                   product=_attr(folder, "product", ""), sysfs_path=os.path.realpath(folder))


def _attr(folder: Path, name: str, default: str | None = None) -> str:
    try:
        return (folder / name).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        if default is None:
            raise
        return default


def _sysfs_interface_classes(folder: Path) -> tuple[int, ...]:
    """From the interface folders ("1-1:1.0") when the kernel made them, else from the raw descriptors."""
    classes: list[int] = []
    try:
        names = sorted(n for n in os.listdir(folder) if n.startswith(folder.name + ":"))
    except OSError:
        names = []
    for name in names:
        try:
            value = int(_attr(folder / name, "bInterfaceClass"), 16)
        except (OSError, ValueError):
            continue
        if value not in classes:
            classes.append(value)
    if classes:
        return tuple(classes)
    try:
        raw = (folder / "descriptors").read_bytes()
    except OSError:
        return ()
    return interface_classes(raw)


def interface_classes(raw: bytes) -> tuple[int, ...]:
    """Interface classes of the first configuration in raw descriptors (device descriptor first, as in
    sysfs ``descriptors``), in order of appearance, without repeats."""
    classes: list[int] = []
    pos = 0
    configs = 0
    while pos + 2 <= len(raw):
        length, kind = raw[pos], raw[pos + 1]
        if length < 2:
            break
        if kind == 0x02:  # configuration: stop at the second one
            configs += 1
            if configs > 1:
                break
        elif kind == 0x04 and pos + 6 <= len(raw) and raw[pos + 5] not in classes:
            classes.append(raw[pos + 5])
        pos += length
    return tuple(classes)


def enumerate_libusb() -> list[UsbInfo]:
    import usb.core

    found = []
    try:
        devices = list(usb.core.find(find_all=True, backend=backend()))
    except usb.core.USBError as exc:
        raise translate(exc, None) from exc
    for dev in devices:
        try:
            classes = tuple(dict.fromkeys(intf.bInterfaceClass for intf in dev[0]))  # first config, cached
        except (usb.core.USBError, IndexError):
            classes = ()
        found.append(UsbInfo(vendor_id=dev.idVendor, product_id=dev.idProduct, bus=dev.bus or 0,
                             address=dev.address or 0, interface_classes=classes))
    if sys.platform == "win32":
        from app.devices import volumes_windows

        found = volumes_windows.with_instance_ids(found, volumes_windows.usb_instance_ids())
    return sorted(found, key=lambda i: (i.bus, i.address))


# ---- talking to a device ---------------------------------------------------------------------------
def open(info: UsbInfo, *, interface_class: int = VENDOR_CLASS) -> PyUsbLink:
    """Open the device and claim its first interface of ``interface_class``."""
    import usb.core
    import usb.util

    try:
        dev = usb.core.find(backend=backend(), bus=info.bus, address=info.address,
                            idVendor=info.vendor_id, idProduct=info.product_id)
    except usb.core.USBError as exc:
        raise translate(exc, info) from exc
    if dev is None:
        raise DeviceGone("the USB device {device} is no longer connected", rule="usb", device=describe(info))
    try:
        cfg = dev.get_active_configuration()
        intf = usb.util.find_descriptor(cfg, bInterfaceClass=interface_class)
        if intf is None:
            raise UsbError("the USB device {device} has no interface of class {cls}", rule="usb",
                           device=describe(info), cls=f"0x{interface_class:02x}")
        number = intf.bInterfaceNumber
        _detach_kernel_driver(dev, number)
        usb.util.claim_interface(dev, number)
    except usb.core.USBError as exc:
        usb.util.dispose_resources(dev)
        raise translate(exc, info) from exc
    return PyUsbLink(info, dev, number)


def _detach_kernel_driver(dev: object, number: int) -> None:
    import usb.core

    try:
        if dev.is_kernel_driver_active(number):
            dev.detach_kernel_driver(number)
    except (NotImplementedError, usb.core.USBError) as exc:
        # Windows/macOS, or no driver to detach: claiming the interface next tells if it is really taken
        log.debug("kernel driver of interface %s not detached: %s", number, exc)


class PyUsbLink:
    """An opened device with one claimed interface (:class:`app.devices.base.UsbLink`)."""

    def __init__(self, info: UsbInfo, dev: object, interface: int):
        self.info = info
        self._dev = dev
        self._interface = interface

    def write(self, endpoint: int, data: bytes, timeout_ms: int = 2000) -> int:
        import usb.core

        try:
            return int(self._dev.write(endpoint, data, timeout=timeout_ms))
        except usb.core.USBError as exc:
            raise translate(exc, self.info, timeout_ms) from exc

    def read(self, endpoint: int, size: int, timeout_ms: int = 2000) -> bytes:
        import usb.core

        try:
            return bytes(self._dev.read(endpoint, size, timeout=timeout_ms))
        except usb.core.USBError as exc:
            raise translate(exc, self.info, timeout_ms) from exc

    def close(self) -> None:
        import usb.core
        import usb.util

        try:
            usb.util.release_interface(self._dev, self._interface)
        except usb.core.USBError:
            pass  # gone already
        finally:
            usb.util.dispose_resources(self._dev)


# libusb error codes as pyusb reports them in backend_error_code
_ACCESS, _NO_DEVICE, _NOT_FOUND, _BUSY, _TIMEOUT = -3, -4, -5, -6, -7


def translate(exc: Exception, info: UsbInfo | None, timeout_ms: int | None = None) -> UsbError:
    """A pyusb error as the user-facing error the user can act on."""
    code = getattr(exc, "backend_error_code", None)
    err = getattr(exc, "errno", None)
    device = describe(info) if info is not None else "?"
    if code == _TIMEOUT or err == errno.ETIMEDOUT or type(exc).__name__ == "USBTimeoutError":
        seconds = f"{(timeout_ms or 0) / 1000:g}"
        return DeviceTimeout("the USB device {device} did not answer within {seconds} s", rule="usb",
                             device=device, seconds=seconds)
    if code == _ACCESS or err in (errno.EACCES, errno.EPERM):
        if sys.platform.startswith("linux"):
            return UsbPermissionDenied(
                "no permission to open the USB device {device}: copy {rules} to /etc/udev/rules.d/, run "
                "'udevadm control --reload' and plug the device in again", rule="usb", device=device,
                rules=UDEV_RULES)
        return UsbPermissionDenied("no permission to open the USB device {device}: another program may "
                                   "be using it, or its driver is missing", rule="usb", device=device)
    if code in (_NO_DEVICE, _NOT_FOUND) or err in (errno.ENODEV, errno.ENOENT):
        return DeviceGone("the USB device {device} is no longer connected", rule="usb", device=device)
    if code == _BUSY or err == errno.EBUSY:
        return UsbError("the USB device {device} is in use by another program: close it and try again",
                        rule="usb", device=device)
    return UsbError("USB error with {device}: {reason}", rule="usb", device=device,
                    reason=getattr(exc, "strerror", None) or str(exc))
