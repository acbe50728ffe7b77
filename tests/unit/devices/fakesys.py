"""A fake sysfs tree laid out like the kernel's (relative symlinks included), for volumes and usb tests."""

from __future__ import annotations

import os
from pathlib import Path

PCI = "devices/pci0000:00/0000:00:14.0/usb1"


def _link(link: Path, target: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(os.path.relpath(target, link.parent), link)


def _write(folder: Path, **attrs: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, value in attrs.items():
        (folder / name).write_text(value + "\n")


def descriptors(vendor: int, product: int, classes: tuple[int, ...]) -> bytes:
    """Device descriptor, then one configuration with an interface per class (as sysfs ``descriptors``)."""
    device = bytes([18, 1, 0, 2, 0, 0, 0, 64]) + vendor.to_bytes(2, "little") + product.to_bytes(2, "little") \
        + bytes([0, 1, 1, 2, 3, 1])
    interfaces = b"".join(bytes([9, 4, n, 0, 2, cls, 6 if cls == 8 else 0, 0x50 if cls == 8 else 0, 0])
                          + bytes([7, 5, 0x81, 2, 0, 2, 0]) + bytes([7, 5, 0x02, 2, 0, 2, 0])
                          for n, cls in enumerate(classes))
    total = 9 + len(interfaces)
    config = bytes([9, 2]) + total.to_bytes(2, "little") + bytes([len(classes), 1, 0, 0x80, 50])
    return device + config + interfaces


def usb_device(root: Path, name: str = "1-1", *, vendor: int, product: int, bus: int = 1, devnum: int = 5,
               serial: str = "", manufacturer: str = "", product_name: str = "", classes: tuple[int, ...] = (8,),
               interface_dirs: bool = True) -> Path:
    folder = root / PCI / name
    attrs = {"idVendor": f"{vendor:04x}", "idProduct": f"{product:04x}", "busnum": str(bus), "devnum": str(devnum)}
    if serial:
        attrs["serial"] = serial
    if manufacturer:
        attrs["manufacturer"] = manufacturer
    if product_name:
        attrs["product"] = product_name
    _write(folder, **attrs)
    (folder / "descriptors").write_bytes(descriptors(vendor, product, classes))
    if interface_dirs:
        for n, cls in enumerate(classes):
            _write(folder / f"{name}:1.{n}", bInterfaceClass=f"{cls:02x}")
    _link(root / "bus" / "usb" / "devices" / name, folder)
    for n in range(len(classes)) if interface_dirs else ():
        _link(root / "bus" / "usb" / "devices" / f"{name}:1.{n}", folder / f"{name}:1.{n}")
    return folder


def block_device(root: Path, usb_folder: Path, disk: str = "sdb", *, major: int = 8, minor: int = 16,
                 partitions: tuple[int, ...] = (1,), host: int = 6) -> Path:
    """A SCSI disk under the device's first interface, with partitions; linked from class/block and block."""
    interface = next(p for p in sorted(usb_folder.iterdir()) if ":" in p.name) if any(
        ":" in p.name for p in usb_folder.iterdir()) else usb_folder
    folder = interface / f"host{host}" / f"target{host}:0:0" / f"{host}:0:0:0" / "block" / disk
    _write(folder, dev=f"{major}:{minor}", size="62333952")
    _link(root / "class" / "block" / disk, folder)
    _link(root / "block" / disk, folder)
    for number in partitions:
        part = folder / f"{disk}{number}"
        _write(part, dev=f"{major}:{minor + number}", partition=str(number))
        _link(root / "class" / "block" / part.name, part)
    return folder
