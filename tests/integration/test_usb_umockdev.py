"""The USB side for real: pyusb + libusb (the libusb-package build) + the device manager, run under
``umockdev-run`` with a fake sysfs and scripted bulk replies (``USBDEVFS_REAPURBNDELAY``; a reply is
indented one space under its request). The scripts are written here at test time, because the
SET_CLOCK request carries the injected time: the device answers only the exact frame expected.

What umockdev cannot do is sent as a kernel would: it replays no string descriptors (the serial shown
comes from sysfs) and has no hotplug, so unplugging and re-enumeration are done by the worker moving
a device's entry out of (and back into) the testbed's /sys/bus/usb/devices, which is what our
sysfs enumeration reads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from drivers import vendor_bulk as vb
from tests.unit.devices.fakecam import RECORD
from tests.unit.devices.fakesys import descriptors

pytestmark = pytest.mark.umockdev

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.fromisoformat("2026-03-02T10:00:00+08:00")
REQUIRED = os.environ.get("ZHIFA_REQUIRE_UMOCKDEV") == "1"
PCI = "/devices/pci0000:00/0000:00:14.0/usb1"


@pytest.fixture(autouse=True)
def umockdev():
    if shutil.which("umockdev-run") is None:
        if REQUIRED:
            pytest.fail("umockdev-run is missing but ZHIFA_REQUIRE_UMOCKDEV=1 (apt-get install umockdev)")
        pytest.skip("umockdev-run is not installed (apt-get install umockdev)")
    try:
        import libusb_package  # noqa: F401
        import usb  # noqa: F401
    except ImportError as exc:
        if REQUIRED:
            raise
        pytest.skip(f"pyusb / libusb-package not installed: {exc}")


def usb_device(name: str, devnum: int, product: int, classes: tuple[int, ...], serial: str) -> str:
    raw = descriptors(vb.VENDOR, product, classes).hex().upper()
    return f"""P: {PCI}/{name}
N: bus/usb/001/{devnum:03d}={raw}
E: BUSNUM=001
E: DEVNAME=/dev/bus/usb/001/{devnum:03d}
E: DEVNUM={devnum:03d}
E: DEVTYPE=usb_device
E: DRIVER=usb
E: PRODUCT={vb.VENDOR:x}/{product:x}/100
E: SUBSYSTEM=usb
A: bConfigurationValue=1
A: bDeviceClass=00
A: bNumConfigurations=1
A: busnum=1
A: devnum={devnum}
H: descriptors={raw}
A: idProduct={product:04x}
A: idVendor={vb.VENDOR:04x}
A: manufacturer=ZF
A: product=DSJ-Z1
A: serial={serial}
A: speed=480
"""


def disk(usb_name: str) -> str:
    """sdb with partition sdb1 under the storage-mode device's first interface."""
    base = f"{PCI}/{usb_name}/{usb_name}:1.0/host6/target6:0:0/6:0:0:0/block/sdb"
    return f"""P: {base}/sdb1
N: sdb1
E: DEVNAME=/dev/sdb1
E: DEVTYPE=partition
E: SUBSYSTEM=block
A: dev=8:17
A: partition=1

P: {base}
N: sdb
E: DEVNAME=/dev/sdb
E: DEVTYPE=disk
E: SUBSYSTEM=block
A: dev=8:16
"""


def exchange(request: bytes, reply: bytes) -> str:
    """A bulk OUT to endpoint 2 and the bulk IN (endpoint 0x81, 512-byte buffer) the device answers."""
    return (f"USBDEVFS_REAPURBNDELAY 0 3 {vb.EP_OUT} 0 0 {len(request)} {len(request)} 0 {request.hex().upper()}\n"
            f" USBDEVFS_REAPURBNDELAY 0 3 {vb.EP_IN} 0 0 {vb.PACKET} {len(reply)} 0 {reply.hex().upper()}\n")


def camera_script(now: datetime) -> str:
    ok = bytes([vb.OK])
    steps = [
        (vb.encode(vb.LOGIN, b"000000"), vb.encode(vb.LOGIN | vb.REPLY, bytes([vb.WRONG_PASSWORD, 4]))),
        (vb.encode(vb.LOGIN, b"123456"), vb.encode(vb.LOGIN | vb.REPLY, ok)),
        (vb.encode(vb.READ_INFO), vb.encode(vb.READ_INFO | vb.REPLY, ok + vb.encode_fields(RECORD))),
        (vb.encode(vb.SET_CLOCK, vb.bcd_time(now)), vb.encode(vb.SET_CLOCK | vb.REPLY, ok)),
        (vb.encode(vb.STORAGE_MODE), vb.encode(vb.STORAGE_MODE | vb.REPLY, ok)),
    ]
    return "@DEV /dev/bus/usb/001/005 (usbfs)\n" + "".join(exchange(a, b) for a, b in steps)


def run_worker(tmp_path: Path, *args: str) -> dict:
    devices = tmp_path / "cam.umockdev"
    devices.write_text(usb_device("1-1", 5, vb.PROTOCOL_PID, (0xFF,), "ZFCAM0001") + "\n"
                       + usb_device("1-2", 6, vb.STORAGE_PID, (0x08,), "ZFCAM0001") + "\n" + disk("1-2"))
    script = tmp_path / "cam.ioctl"
    script.write_text(camera_script(NOW))
    command = ["timeout", "60", "umockdev-run", "--device", str(devices),
               "--ioctl", f"/dev/bus/usb/001/005={script}", "--", sys.executable, "-m", "tests.integration.usb_worker",
               *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, f"worker failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def card(tmp_path: Path) -> tuple[Path, Path]:
    volume = tmp_path / "DSJ Z1"
    (volume / "DCIM" / "20260302").mkdir(parents=True)
    (volume / "DEVINFO.TXT").write_bytes("设备编号=ZFCAM0001\r\n警号=031582\r\n".encode("gbk"))
    (volume / "DCIM" / "20260302" / "ZFCAM0001_031582_20260302091502_0001.MP4").write_bytes(b"\0" * 64)
    mountinfo = tmp_path / "mountinfo"
    escaped = str(volume).replace(" ", "\\040")
    mountinfo.write_text("28 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw\n"
                         f"612 28 8:17 / {escaped} rw,nosuid,nodev shared:331 - vfat /dev/sdb1 rw\n")
    return volume, mountinfo


def test_the_camera_is_unlocked_read_prepared_and_comes_back_as_a_disk(tmp_path):
    volume, mountinfo = card(tmp_path)
    out = run_worker(tmp_path, "camera", "--now", NOW.isoformat(), "--mountinfo", str(mountinfo),
                     "--passwords", "000000,123456")
    assert out["probe_state"] == "ready", out
    assert (out["usb_serial"], out["classes"]) == ("ZFCAM0001", [0xFF])  # sysfs, not a string descriptor
    assert (out["serial"], out["officer_no"], out["officer_name"], out["unit"], out["model"]) == (
        "ZFCAM0001", "031582", "张伟", "某市市场监督管理局综合行政执法支队", "DSJ-Z1")
    assert out["clock_offset_s"] == -90.0
    # the wrong password, then the right one: the second prompt says how many attempts are left
    assert [a[0] for a in out["asked"]] == [vb.ASK_PASSWORD, vb.ASK_AGAIN_WRONG]
    assert out["asked"][1][1] == {"device": "ZFCAM0001", "left": 4}
    sent = [bytes.fromhex(f) for f in out["frames"]]
    assert [vb.decode(f)[0] for f in sent] == [vb.LOGIN, vb.LOGIN, vb.READ_INFO, vb.SET_CLOCK, vb.STORAGE_MODE]
    assert vb.decode(sent[3])[1] == bytes.fromhex("20260302100000")  # the injected workstation time
    assert out["prepared"] is True
    # re-enumerated in storage mode: found through sysfs + mountinfo, the protocol's record kept
    assert (out["disk_state"], out["disk_driver"], out["disk_volume"]) == ("ready", "vendor_bulk", str(volume))
    assert out["disk_prepared"] is True and out["disk_officer_name"] == "张伟" and out["disk_offset"] == -90.0
    assert ["usb:1-5:2b7e:a001", "gone"] in out["events"]


def test_the_script_answers_only_the_set_clock_frame_with_the_injected_time(tmp_path):
    """So the first test's success proves the frame: another time gets no reply, and prepare fails
    with a USB error (no hang) while the device stays ready for another try."""
    _volume, mountinfo = card(tmp_path)
    out = run_worker(tmp_path, "camera", "--now", "2026-03-02T10:00:01+08:00", "--mountinfo", str(mountinfo),
                     "--passwords", "000000,123456")
    assert out["probe_state"] == "ready"
    assert vb.decode(bytes.fromhex(out["frames"][-1]))[1] == bytes.fromhex("20260302100001")
    assert out["prepare_error"].startswith("USB error with 2b7e:a001 ZFCAM0001 (bus 1, address 5)"), out
    assert out["after_error"] == "ready"


def test_enumerate_sees_ids_and_serial_from_sysfs_and_the_unplug(tmp_path):
    out = run_worker(tmp_path, "enumerate")
    sysfs = {d["ids"]: d for d in out["sysfs"]}
    assert sysfs["2b7e:a001"]["serial"] == "ZFCAM0001" and sysfs["2b7e:a001"]["product"] == "DSJ-Z1"
    assert (sysfs["2b7e:a001"]["bus"], sysfs["2b7e:a001"]["address"], sysfs["2b7e:a001"]["classes"]) == (1, 5, [0xFF])
    assert sysfs["2b7e:a002"]["classes"] == [0x08]
    assert sysfs["2b7e:a001"]["sysfs"] == f"/sys{PCI}/1-1"
    libusb = {d["ids"]: d for d in out["libusb"]}  # pyusb reads the same ids and config descriptor
    assert {k: (v["bus"], v["address"], v["classes"]) for k, v in libusb.items()} == {
        k: (v["bus"], v["address"], v["classes"]) for k, v in sysfs.items()}
    assert [d["ids"] for d in out["after_unplug"]] == ["2b7e:a002"]
