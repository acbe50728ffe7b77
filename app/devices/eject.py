"""Eject a device's volume when an import is done, so the officer can unplug it safely.

Linux: ``udisksctl unmount`` every mounted partition of the disk, then ``udisksctl power-off``
(no root needed for the active session; ``--no-user-interaction`` so a headless station never waits
on a password prompt). Windows: ``CM_Request_Device_EjectW`` on the disk's USB device, which
flushes and dismounts, or says which program still holds a file open.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from app.devices import volumes, volumes_windows
from app.devices.errors import EjectFailed
from app.domain.errors import UserError

Runner = Callable[[list[str]], "subprocess.CompletedProcess[str]"]
UDISKSCTL = "udisksctl"
TIMEOUT_S = 60


@dataclass(frozen=True)
class EjectResult:
    device: str  # "/dev/sdb", or the USB instance id on Windows
    unmounted: tuple[str, ...]  # block devices unmounted
    powered_off: bool
    warning: UserError | None = None  # safe to unplug, but something did not go all the way


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)


def eject(volume: Path, *, platform: str = sys.platform, runner: Runner | None = None,
          mountinfo: Path = volumes.MOUNTINFO, sysfs_root: Path = volumes.SYSFS,
          windows_records: list[volumes_windows.VolumeRecord] | None = None,
          windows_request: Callable[[str], tuple[int, int, str]] | None = None) -> EjectResult:
    if platform == "win32":
        return eject_windows(volume, records=windows_records, request=windows_request)
    return eject_linux(volume, runner=runner or _run, mountinfo=mountinfo, sysfs_root=sysfs_root)


# ---- Linux --------------------------------------------------------------------------------------------
def eject_linux(volume: Path, *, runner: Runner, mountinfo: Path = volumes.MOUNTINFO,
                sysfs_root: Path = volumes.SYSFS) -> EjectResult:
    mount = volumes.mount_at(volume, mountinfo)
    if mount is None:
        raise EjectFailed("{volume} is not a mounted volume: there is nothing to eject", rule="eject",
                          volume=str(volume))
    if not mount.source.startswith("/dev/"):
        raise EjectFailed("{volume} is not on a removable disk ({source}): there is nothing to eject",
                          rule="eject", volume=str(volume), source=mount.source)
    disk = volumes.disk_of(mount.source.removeprefix("/dev/"), sysfs_root)
    family = volumes.partitions_of(disk, sysfs_root) or [
        volumes.BlockDevice(name=mount.source.removeprefix("/dev/"), major_minor=mount.major_minor, disk=disk)]
    mounts = volumes.read_mounts(mountinfo)
    mounted = [device.path for device in family
               if any(m.major_minor == device.major_minor or m.source == device.path for m in mounts)]
    if mount.source not in mounted:
        mounted.append(mount.source)
    for device in mounted:
        done = _udisks(runner, ["unmount", "--block-device", device, "--no-user-interaction"], volume)
        if done.returncode != 0:
            raise EjectFailed("could not unmount {device}: {reason}", rule="eject", device=device,
                              reason=_reason(done))
    done = _udisks(runner, ["power-off", "--block-device", f"/dev/{disk}", "--no-user-interaction"], volume)
    if done.returncode != 0:
        warning = UserError("{device} is unmounted and can be unplugged, but it could not be powered off: "
                            "{reason}", rule="eject", device=f"/dev/{disk}", reason=_reason(done))
        return EjectResult(device=f"/dev/{disk}", unmounted=tuple(mounted), powered_off=False, warning=warning)
    return EjectResult(device=f"/dev/{disk}", unmounted=tuple(mounted), powered_off=True)


def _udisks(runner: Runner, args: list[str], volume: Path) -> subprocess.CompletedProcess[str]:
    try:
        return runner([UDISKSCTL, *args])
    except FileNotFoundError as exc:
        raise EjectFailed("udisksctl was not found: install udisks2, or unmount {volume} yourself before "
                          "unplugging the device", rule="eject", volume=str(volume)) from exc
    except subprocess.TimeoutExpired as exc:
        raise EjectFailed("udisksctl did not finish within {seconds} s while ejecting {volume}", rule="eject",
                          seconds=TIMEOUT_S, volume=str(volume)) from exc


def _reason(done: subprocess.CompletedProcess[str]) -> str:
    text = (done.stderr or done.stdout or "").strip()
    return text.splitlines()[-1] if text else f"exit code {done.returncode}"


# ---- Windows ------------------------------------------------------------------------------------------
# PNP_VETO_TYPE values that mean "something still uses it"
_IN_USE_VETOES = {2, 3, 4, 5}
_RIGHTS_VETO = 12


def eject_windows(volume: Path | PureWindowsPath, *, records: list[volumes_windows.VolumeRecord] | None = None,
                  request: Callable[[str], tuple[int, int, str]] | None = None) -> EjectResult:
    if records is None:
        records = volumes_windows.collect()
    if request is None:
        from app.devices import _win32

        request = _win32.request_eject
    wanted = _drive_key(str(volume))
    record = next((r for r in records if any(_drive_key(p) == wanted for p in r.paths)), None)
    if record is None or not record.usb_instance_id:
        raise EjectFailed("{volume} is not on a USB device that can be ejected", rule="eject", volume=str(volume))
    result, veto, name = request(record.usb_instance_id)
    if result != 0 or veto != 0:
        raise windows_refusal(str(volume), result, veto, name)
    return EjectResult(device=record.usb_instance_id, unmounted=tuple(record.paths), powered_off=True)


def _drive_key(path: str) -> str:
    return path.rstrip("\\/").upper()


def windows_refusal(volume: str, result: int, veto: int, name: str) -> EjectFailed:
    """Why Windows would not eject, in words the officer can act on."""
    if veto in _IN_USE_VETOES:
        return EjectFailed("Windows cannot eject {volume} yet: a program still uses it ({name}); close it and "
                           "try again", rule="eject", volume=volume, name=name or "?")
    if veto == _RIGHTS_VETO:
        return EjectFailed("Windows refused to eject {volume}: not enough rights", rule="eject", volume=volume)
    return EjectFailed("Windows refused to eject {volume} (code {result}, veto {veto} {name})", rule="eject",
                       volume=volume, result=result, veto=veto, name=name)
