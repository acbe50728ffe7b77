"""Run by test_usb_umockdev under ``umockdev-run``: the real device manager, pyusb and libusb against
umockdev's fake sysfs and scripted bulk transfers. Prints one JSON line.

``camera``: the ZF camera docks in protocol mode (1-1, 2b7e:a001) is probed (password prompts scripted),
prepared (SET_CLOCK, STORAGE_MODE), then "re-enumerates": 1-1 leaves the testbed and the storage-mode
device (1-2, 2b7e:a002, hidden until then) appears, its volume found through sysfs and a recorded
mountinfo. ``enumerate``: what usb.enumerate() (sysfs) and usb.enumerate_libusb() (pyusb) see, then
again after 1-1 is unplugged.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import datetime
from pathlib import Path

from app.devices import usb
from app.devices.manager import DeviceManager, SystemBus
from app.domain.errors import UserError
from drivers.ga947 import Ga947Camera
from drivers.vendor_bulk import VendorBulkCamera
from tests.unit.devices.fakecam import ScriptedHandler


def testbed() -> Path:
    return Path(os.environ["UMOCKDEV_DIR"])


def hide(name: str) -> None:
    """Unplug: the device's entry leaves the bus listing (kept aside so it can come back)."""
    os.rename(testbed() / "sys/bus/usb/devices" / name, testbed() / f"unplugged-{name}")


def show(name: str) -> None:
    os.rename(testbed() / f"unplugged-{name}", testbed() / "sys/bus/usb/devices" / name)


class RecordingLink:
    def __init__(self, link, log):
        self.link, self.log = link, log

    def write(self, endpoint, data, timeout_ms=2000):
        self.log.append(bytes(data).hex())
        return self.link.write(endpoint, data, timeout_ms)

    def read(self, endpoint, size, timeout_ms=2000):
        return self.link.read(endpoint, size, timeout_ms)

    def close(self):
        self.link.close()


class RecordingBus(SystemBus):
    def __init__(self, mountinfo: Path):
        super().__init__(mountinfo=mountinfo)
        self.frames: list[str] = []

    def open(self, info):
        return RecordingLink(super().open(info), self.frames)


def wait(manager: DeviceManager, device_id: str, states: set[str], timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = manager.device(device_id)
        if found is not None and found.state in states:
            return found
        if found is None and "gone" in states:
            return None
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {device_id} to be {states}: {manager.device(device_id)}")


def camera(now: datetime, mountinfo: Path, passwords: list[str]) -> dict:
    hide("1-2")
    bus = RecordingBus(mountinfo)
    handler = ScriptedHandler(*passwords)
    events: list[tuple[str, str]] = []
    manager = DeviceManager([VendorBulkCamera, Ga947Camera], handler, bus=bus, clock=lambda: now, interval=0.05)
    manager.add_listener(lambda d: events.append((d.id, d.state)))
    manager.start()
    out: dict = {}
    try:
        cam = wait(manager, "usb:1-5:2b7e:a001", {"ready", "problem"})
        out |= {"probe_state": cam.state, "problem": cam.problem.english if cam.problem else None,
               "usb_serial": cam.usb.serial, "classes": list(cam.usb.interface_classes)}
        if cam.state == "ready":
            info = cam.info
            out.update(serial=info.serial, officer_no=info.officer_no, officer_name=info.officer_name,
                       unit=info.unit, model=info.model, clock_offset_s=info.clock_offset_s)
            try:
                prepared = manager.prepare(cam.id).result(timeout=15)
            except UserError as exc:
                out.update(prepare_error=exc.english, after_error=manager.device(cam.id).state)
                return out
            out["prepared"] = prepared.prepared
            hide("1-1")  # the camera drops off the bus and comes back as a disk
            show("1-2")
            wait(manager, cam.id, {"gone"})
            disk = wait(manager, "usb:1-6:2b7e:a002", {"ready", "problem"})
            out.update(disk_state=disk.state, disk_volume=str(disk.volume), disk_prepared=disk.prepared,
                       disk_officer_name=disk.info.officer_name if disk.info else None,
                       disk_offset=disk.info.clock_offset_s if disk.info else None,
                       disk_driver=disk.driver.NAME if disk.driver else None,
                       disk_problem=disk.problem.english if disk.problem else None)
    finally:
        manager.stop()
        out.update(frames=bus.frames, asked=handler.asked, events=events)
    return out


def enumerate_devices() -> dict:
    def listed(infos):
        return [{"ids": i.ids, "bus": i.bus, "address": i.address, "classes": list(i.interface_classes),
                 "serial": i.serial, "product": i.product, "sysfs": i.sysfs_path} for i in infos]

    before = listed(usb.enumerate())
    libusb = listed(usb.enumerate_libusb())
    hide("1-1")
    return {"sysfs": before, "libusb": libusb, "after_unplug": listed(usb.enumerate())}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["camera", "enumerate"])
    parser.add_argument("--now", default="2026-03-02T10:00:00+08:00")
    parser.add_argument("--mountinfo", default="/proc/self/mountinfo")
    parser.add_argument("--passwords", default="123456")
    args = parser.parse_args()
    if args.mode == "camera":
        result = camera(datetime.fromisoformat(args.now), Path(args.mountinfo), args.passwords.split(","))
    else:
        result = enumerate_devices()
    print(json.dumps(result, ensure_ascii=False, default=str), flush=True)


if __name__ == "__main__":
    main()
