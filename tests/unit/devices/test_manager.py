"""The device manager with a fake bus (no libusb): arrival and removal, driver matching, waiting for
the volume, probing on the one USB thread, problems that never kill that thread, folders."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import ClassVar

import pytest

from app.devices.base import SHANGHAI, DeviceDriver, DeviceInfo, UsbInfo
from app.devices.errors import UsbPermissionDenied
from app.devices.folder import FolderDriver
from app.devices.manager import DeviceManager, DockedDevice
from app.domain.errors import UserCancelled, UserError
from drivers.vendor_bulk import VendorBulkCamera
from tests.unit.devices.fakecam import FakeCamera, ScriptedHandler

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
CAM = UsbInfo(0x2B7E, 0xA001, 1, 5, (0xFF,), serial="ZFCAM0001", product="DSJ-Z1")
CAM_DISK = UsbInfo(0x2B7E, 0xA002, 1, 6, (0x08,), serial="ZFCAM0001")
STICK = UsbInfo(0x0781, 0x5581, 1, 7, (0x08,), serial="4C53000123")
KIT = UsbInfo(0x3412, 0x0001, 2, 3, (0x08,), serial="RT1")
MOUSE = UsbInfo(0x046D, 0xC077, 1, 9, (0x03,))


class DcimCamera(DeviceDriver):
    NAME, LABEL, KIND = "dcim", "Camera", "camera"

    @classmethod
    def recognises(cls, volume: Path) -> bool:
        return (volume / "DCIM").is_dir()


class RapidKit(DeviceDriver):
    NAME, LABEL, KIND = "kit", "Rapid-test kit", "rapid_test"
    VENDOR_ID: ClassVar[tuple[int, ...]] = (0x3412,)


class Broken(DeviceDriver):
    NAME, LABEL, KIND = "broken", "Broken", "camera"
    VENDOR_ID: ClassVar[tuple[int, ...]] = (0x3412,)

    def probe(self, link, volume, handler, now):
        raise RuntimeError("driver bug")


class FakeBus:
    def __init__(self, *devices: UsbInfo):
        self.devices = list(devices)
        self.volumes: dict[tuple, Path] = {}
        self.cameras: dict[tuple, FakeCamera] = {}
        self.open_error: UserError | None = None
        self.enum_error: UserError | None = None
        self.threads: set[str] = set()

    def enumerate(self):
        self.threads.add(threading.current_thread().name)
        if self.enum_error:
            raise self.enum_error
        return list(self.devices)

    def open(self, info):
        self.threads.add(threading.current_thread().name)
        if self.open_error:
            raise self.open_error
        return self.cameras.setdefault(info.key, FakeCamera())

    def volume(self, info):
        return self.volumes.get(info.key)


class Ticks:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def manager(bus, *passwords, drivers=(VendorBulkCamera, RapidKit, DcimCamera), **kw):
    seen: list[DockedDevice] = []
    ticks = Ticks()
    m = DeviceManager(drivers, ScriptedHandler(*passwords), bus=bus, clock=lambda: NOW, monotonic=ticks,
                      interval=0.01, **kw)
    m.add_listener(seen.append)
    return m, seen, ticks


def states(seen, device_id):
    return [d.state for d in seen if d.id == device_id]


def test_a_protocol_camera_is_probed_with_its_clock_offset_and_its_removal_seen():
    bus = FakeBus(CAM, MOUSE)
    m, seen, _ = manager(bus, "123456")
    [cam] = m.scan_once()
    assert cam.id == "usb:1-5:2b7e:a001" and cam.state == "ready" and cam.problem is None
    assert isinstance(cam.driver, VendorBulkCamera) and cam.volume is None and cam.label.startswith("Body camera")
    assert (cam.info.officer_no, cam.info.officer_name, cam.info.clock_offset_s) == ("031582", "张伟", -90.0)
    bus.devices = [MOUSE]
    assert m.scan_once() == []
    assert states(seen, cam.id) == ["detected", "ready", "gone"]
    assert bus.cameras[CAM.key].closed
    assert all(d.usb != MOUSE for d in seen)  # neither matched nor storage: never shown


def test_mass_storage_waits_for_its_volume_then_a_generic_driver_recognises_it(tmp_path):
    (tmp_path / "DCIM").mkdir()
    bus = FakeBus(STICK)
    m, seen, ticks = manager(bus, mount_timeout=30)
    [stick] = m.scan_once()
    assert stick.state == "mounting" and stick.driver is None and stick.label == "0781:5581"
    ticks.now += 31
    [stick] = m.scan_once()
    assert stick.state == "problem" and "did not appear as a mounted volume within 30 s" in stick.problem.english
    bus.volumes[STICK.key] = tmp_path
    [stick] = m.scan_once()
    assert stick.state == "ready" and isinstance(stick.driver, DcimCamera) and stick.volume == tmp_path
    assert stick.info.total_bytes and stick.info.serial == "4C53000123"
    assert states(seen, stick.id) == ["detected", "mounting", "problem", "ready"]


def test_storage_nobody_recognises_is_dropped_once_or_given_the_fallback(tmp_path):
    bus = FakeBus(STICK)
    bus.volumes[STICK.key] = tmp_path
    m, seen, _ = manager(bus)
    assert m.scan_once() == [] and m.scan_once() == []
    assert states(seen, "usb:1-7:0781:5581") == ["detected", "gone"]
    m2, _seen, _ = manager(bus, fallback_driver=FolderDriver)
    [stick] = m2.scan_once()
    assert stick.state == "ready" and isinstance(stick.driver, FolderDriver)


def test_specific_ids_win_over_a_layout_guess(tmp_path):
    (tmp_path / "DCIM").mkdir()
    bus = FakeBus(KIT)
    bus.volumes[KIT.key] = tmp_path
    m, _seen, _ = manager(bus)
    [kit] = m.scan_once()
    assert isinstance(kit.driver, RapidKit) and kit.state == "ready"


def test_a_driver_bug_a_refused_open_and_a_declined_password_become_problems(tmp_path):
    bus = FakeBus(KIT)
    bus.volumes[KIT.key] = tmp_path
    m, _seen, _ = manager(bus, drivers=(Broken,))
    [kit] = m.scan_once()
    assert kit.state == "problem"
    assert kit.problem.english == ("the broken driver failed while reading 3412:0001 RT1 (bus 2, address 3): "
                                   "RuntimeError: driver bug")

    bus = FakeBus(CAM)
    bus.open_error = UsbPermissionDenied("no permission", rule="usb")
    m, _seen, ticks = manager(bus)
    assert m.scan_once()[0].state == "detected"  # udev may still be applying its rule: tried again
    ticks.now += 5
    assert m.scan_once()[0].problem is bus.open_error

    bus = FakeBus(CAM)
    m, _seen, _ = manager(bus, UserCancelled(), "123456")
    [cam] = m.scan_once()
    assert cam.state == "problem" and "was cancelled" in cam.problem.english
    assert m.scan_once()[0].state == "problem"  # not asked again by itself
    assert m.reprobe(cam.id).result().state == "ready"


def test_prepare_then_the_camera_comes_back_as_a_disk_keeping_what_the_protocol_read(tmp_path):
    (tmp_path / "DEVINFO.TXT").write_bytes("设备编号=ZFCAM0001\r\n".encode("gbk"))
    bus = FakeBus(CAM)
    m, seen, ticks = manager(bus, "123456")
    [cam] = m.scan_once()
    prepared = m.prepare(cam.id).result()
    assert prepared.prepared and prepared.state == "ready"
    assert states(seen, cam.id)[-3:] == ["ready", "busy", "ready"]
    assert bus.cameras[CAM.key].storage_mode and bus.cameras[CAM.key].clock == bytes.fromhex("20260302100000")
    bus.devices = [CAM_DISK]
    bus.volumes[CAM_DISK.key] = tmp_path
    ticks.now += 5
    [disk] = m.scan_once()
    assert disk.id == "usb:1-6:2b7e:a002" and isinstance(disk.driver, VendorBulkCamera)
    assert disk.state == "ready" and disk.prepared and disk.volume == tmp_path
    assert (disk.info.serial, disk.info.officer_name, disk.info.clock_offset_s) == ("ZFCAM0001", "张伟", -90.0)
    assert disk.info.total_bytes != 61 * 1024**3  # space is the volume's, not the protocol's


def test_no_handover_after_the_window(tmp_path):
    bus = FakeBus(CAM)
    m, _seen, ticks = manager(bus, "123456", handover_s=60)
    m.prepare(m.scan_once()[0].id).result()
    bus.devices = []
    m.scan_once()
    ticks.now += 61
    bus.devices = [CAM_DISK]
    bus.volumes[CAM_DISK.key] = tmp_path
    [disk] = m.scan_once()
    assert not disk.prepared and disk.info.officer_name == ""


def test_prepare_failing_leaves_the_device_ready_and_raises():
    bus = FakeBus(CAM)
    m, _seen, _ = manager(bus, "123456", UserCancelled())
    [cam] = m.scan_once()
    bus.cameras[CAM.key].logged_in = False
    m.devices()[0].driver._logged_in = False
    m.devices()[0].driver._password = None
    with pytest.raises(UserCancelled):
        m.prepare(cam.id).result()
    assert m.device(cam.id).state == "ready" and not m.device(cam.id).prepared
    with pytest.raises(UserError, match="no longer connected"):
        m.prepare("usb:9-9:0000:0000").result()


def wait_for(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.005)
    raise AssertionError("timed out")


def test_the_usb_thread_owns_every_bus_call_and_survives_bad_listeners_and_bus_errors(tmp_path):
    bus = FakeBus(CAM)
    m, seen, _ = manager(bus, "123456")
    threads: list[str] = []
    m.add_listener(lambda d: threads.append(threading.current_thread().name))
    m.add_listener(lambda d: 1 / 0)
    m.start()
    try:
        wait_for(lambda: m.devices() and m.devices()[0].state == "ready")
        assert m.run_on_usb_thread(lambda: threading.current_thread().name).result(2) == "usb"
        m.set_busy(m.devices()[0].id, True)
        assert m.devices()[0].state == "busy"
        m.set_busy(m.devices()[0].id, False)
        bus.enum_error = UserError("USB devices cannot be used: the libusb library was not found")
        wait_for(lambda: m.bus_problem is not None)
        bus.enum_error = None
        bus.devices = []
        wait_for(lambda: not m.devices())
        assert m.bus_problem is None
        folder = m.add_folder(tmp_path)
        assert folder.state == "ready" and isinstance(folder.driver, FolderDriver)
    finally:
        thread = m._thread
        m.stop()
    assert bus.threads == {"usb"} and set(threads) == {"usb"}
    assert states(seen, "usb:1-5:2b7e:a001")[-1] == "gone"
    assert thread is not None and not thread.is_alive()  # stop() joins the USB thread


def test_stop_closes_open_links():
    bus = FakeBus(CAM)
    m, _seen, _ = manager(bus, "123456")
    m.start()
    wait_for(lambda: bool(m.devices()))
    wait_for(lambda: m.devices()[0].state == "ready")
    m.stop()
    assert bus.cameras[CAM.key].closed


def test_folders_by_layout_else_plain_and_gone_when_the_volume_leaves(tmp_path):
    m, seen, _ = manager(FakeBus())
    camera_dir = tmp_path / "card"
    (camera_dir / "DCIM").mkdir(parents=True)
    got = m.add_folder(camera_dir)
    assert got.id == f"folder:{camera_dir}" and isinstance(got.driver, DcimCamera) and got.state == "ready"
    plain = m.add_folder(tmp_path / "card" / "DCIM")
    assert isinstance(plain.driver, FolderDriver) and plain.info.total_bytes
    (camera_dir / "DCIM").rmdir()
    m.scan_once()
    assert {d.id for d in m.devices()} == {got.id}
    m.forget(got.id)
    assert m.devices() == [] and states(seen, got.id)[-1] == "gone"
    with pytest.raises(UserError, match="is not a folder"):
        m.add_folder(tmp_path / "missing")


def test_the_clock_offset_uses_the_time_after_the_probe():
    bus = FakeBus(CAM)
    times = iter([NOW, NOW + timedelta(seconds=20)])  # the officer took 20 s to type the password
    m = DeviceManager([VendorBulkCamera], ScriptedHandler("123456"), bus=bus, clock=lambda: next(times))
    [cam] = m.scan_once()
    assert cam.info.clock_offset_s == -110.0


def test_a_driver_reporting_its_own_offset_is_kept(tmp_path):
    class Offset(RapidKit):
        def probe(self, link, volume, handler, now):
            return DeviceInfo(serial="RT1", device_time=now, clock_offset_s=3.0)

    bus = FakeBus(KIT)
    bus.volumes[KIT.key] = tmp_path
    m, _seen, _ = manager(bus, drivers=(Offset,))
    assert m.scan_once()[0].info.clock_offset_s == 3.0


def test_no_handover_for_another_serial(tmp_path):
    bus = FakeBus(CAM)
    m, _seen, _ = manager(bus, "123456")
    m.prepare(m.scan_once()[0].id).result()
    other = UsbInfo(0x2B7E, 0xA002, 1, 6, (0x08,), serial="ZFCAM0002")
    bus.devices = [other]
    bus.volumes[other.key] = tmp_path
    [disk] = m.scan_once()
    assert not disk.prepared and disk.info.serial == "ZFCAM0002"


def test_a_permission_fixed_within_the_grace_period_just_works():
    bus = FakeBus(CAM)
    bus.open_error = UsbPermissionDenied("no permission", rule="usb")
    m, _seen, ticks = manager(bus, "123456")
    m.scan_once()
    bus.open_error = None
    ticks.now += 1
    assert m.scan_once()[0].state == "ready"


def test_an_unexpected_error_while_opening_becomes_a_problem(caplog):
    bus = FakeBus(CAM)
    bus.open_error = ValueError("no backend")  # not a UserError: pyusb or libusb misbehaving
    m, _seen, _ticks = manager(bus, open_grace_s=0)
    [cam] = m.scan_once()
    assert cam.state == "problem" and cam.problem.english.endswith("ValueError: no backend")
    assert "opening 2b7e:a001" in caplog.text


def test_drivers_raising_in_matches_or_init_never_stop_the_poll(caplog):
    class BadMatch(RapidKit):
        @classmethod
        def matches(cls, usb):
            raise KeyError("bad table")

    class BadInit(VendorBulkCamera):
        def __init__(self, usb=None):
            raise RuntimeError("bad init")

    bus = FakeBus(KIT, CAM)
    m, _seen, _ = manager(bus, drivers=(BadMatch, BadInit))
    m.scan_once()
    [kit] = m.scan_once()
    assert kit.usb == KIT and kit.driver is None and kit.state == "mounting"  # matched as plain storage
    assert caplog.text.count("RuntimeError: bad init") == 1  # ignored after the first failure, not retried every poll


def test_keep_known_fills_only_what_the_new_record_lacks():
    from app.devices.docked import keep_known

    old = DeviceInfo(serial="S", officer_name="张伟", clock_offset_s=-90.0, total_bytes=1, extra={"mode": "protocol"})
    new = DeviceInfo(serial="S", clock_offset_s=0.0, total_bytes=2, extra={"note": "x"})
    got = keep_known(new, old)
    assert (got.officer_name, got.clock_offset_s, got.total_bytes) == ("张伟", 0.0, 2)
    assert got.extra == {"mode": "protocol", "note": "x"}
