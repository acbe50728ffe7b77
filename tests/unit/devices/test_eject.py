"""Eject: the udisksctl commands built on Linux (run by a fake runner), and Windows' answers."""

from __future__ import annotations

import subprocess
from pathlib import Path, PureWindowsPath

import pytest

from app.devices import eject as ej
from app.devices.errors import EjectFailed
from app.devices.volumes_windows import VolumeRecord
from app.domain.messages_zh_devices import MESSAGES_ZH_DEVICES
from tests.unit.devices.fakesys import block_device, usb_device

MOUNTS = """\
28 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
612 28 8:17 / /media/officer/DSJ\\040Z1 rw,nosuid,nodev shared:331 - vfat /dev/sdb1 rw
613 28 8:18 / /media/officer/LOGS rw,nosuid,nodev shared:332 - vfat /dev/sdb2 rw
700 28 0:45 / /srv/share rw - nfs server:/export rw
"""


class Runner:
    def __init__(self, fail: dict[str, tuple[int, str]] | None = None, missing: bool = False):
        self.calls: list[list[str]] = []
        self.fail = fail or {}
        self.missing = missing

    def __call__(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(command)
        if self.missing:
            raise FileNotFoundError(command[0])
        code, err = self.fail.get(command[1], (0, ""))
        return subprocess.CompletedProcess(command, code, stdout="", stderr=err)


@pytest.fixture
def sysfs(tmp_path):
    cam = usb_device(tmp_path, "1-1", vendor=0x2B7E, product=0xA002)
    block_device(tmp_path, cam, "sdb", partitions=(1, 2))
    (tmp_path / "mountinfo").write_text(MOUNTS)
    return tmp_path


def run(sysfs, runner, volume="/media/officer/DSJ Z1"):
    return ej.eject(Path(volume), platform="linux", runner=runner, mountinfo=sysfs / "mountinfo", sysfs_root=sysfs)


def test_linux_unmounts_every_partition_of_the_disk_then_powers_it_off(sysfs):
    runner = Runner()
    result = run(sysfs, runner)
    assert runner.calls == [
        ["udisksctl", "unmount", "--block-device", "/dev/sdb1", "--no-user-interaction"],
        ["udisksctl", "unmount", "--block-device", "/dev/sdb2", "--no-user-interaction"],
        ["udisksctl", "power-off", "--block-device", "/dev/sdb", "--no-user-interaction"],
    ]
    assert result == ej.EjectResult(device="/dev/sdb", unmounted=("/dev/sdb1", "/dev/sdb2"), powered_off=True)


def test_a_refused_unmount_stops_before_power_off(sysfs):
    runner = Runner(fail={"unmount": (1, "Error unmounting /dev/sdb1: target is busy\n")})
    with pytest.raises(EjectFailed) as caught:
        run(sysfs, runner)
    assert caught.value.english == "could not unmount /dev/sdb1: Error unmounting /dev/sdb1: target is busy"
    assert len(runner.calls) == 1


def test_power_off_refused_still_leaves_it_safe_to_unplug(sysfs):
    result = run(sysfs, Runner(fail={"power-off": (1, "Error powering off drive: Not authorized")}))
    assert not result.powered_off and result.unmounted == ("/dev/sdb1", "/dev/sdb2")
    assert result.warning is not None and "can be unplugged" in result.warning.english
    assert "Not authorized" in result.warning.english


def test_missing_udisksctl_says_what_to_install(sysfs):
    with pytest.raises(EjectFailed) as caught:
        run(sysfs, Runner(missing=True))
    assert "install udisks2" in caught.value.english and "/media/officer/DSJ Z1" in caught.value.english


def test_not_a_mounted_volume_or_not_a_disk(sysfs):
    with pytest.raises(EjectFailed, match="not a mounted volume"):
        run(sysfs, Runner(), "/home/officer/footage")
    with pytest.raises(EjectFailed, match="not on a removable disk"):
        run(sysfs, Runner(), "/srv/share")


def test_timeout_of_udisksctl(sysfs):
    def slow(command):
        raise subprocess.TimeoutExpired(command, ej.TIMEOUT_S)

    with pytest.raises(EjectFailed, match="did not finish within 60 s"):
        run(sysfs, slow)


RECORDS = [VolumeRecord("\\\\?\\Volume{a}\\", ("F:\\",), 2, "USB\\VID_2B7E&PID_A002\\ZFCAM0001"),
           VolumeRecord("\\\\?\\Volume{c}\\", ("C:\\",), 0, "")]


def test_windows_ejects_the_usb_device_of_the_drive():
    asked = []

    def request(instance_id):
        asked.append(instance_id)
        return 0, 0, ""

    result = ej.eject(PureWindowsPath("f:\\"), platform="win32", windows_records=RECORDS, windows_request=request)
    assert asked == ["USB\\VID_2B7E&PID_A002\\ZFCAM0001"]
    assert result.powered_off and result.unmounted == ("F:\\",)


@pytest.mark.parametrize(("answer", "words"), [
    ((23, 5, "\\Device\\HarddiskVolume7"), "a program still uses it (\\Device\\HarddiskVolume7)"),
    ((23, 12, ""), "not enough rights"),
    ((13, 0, ""), "(code 13, veto 0 )"),
])
def test_windows_refusals_say_why(answer, words):
    with pytest.raises(EjectFailed) as caught:
        ej.eject(PureWindowsPath("F:\\"), platform="win32", windows_records=RECORDS, windows_request=lambda _i: answer)
    assert words in caught.value.english
    assert caught.value.source in MESSAGES_ZH_DEVICES


def test_windows_drive_not_on_usb():
    with pytest.raises(EjectFailed, match="not on a USB device"):
        ej.eject(PureWindowsPath("C:\\"), platform="win32", windows_records=RECORDS, windows_request=lambda _i: (0, 0, ""))
