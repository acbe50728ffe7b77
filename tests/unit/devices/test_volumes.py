"""Linux: a USB mass-storage device -> its block devices in sysfs -> its mount point in mountinfo."""

from __future__ import annotations

from pathlib import Path

from app.devices import usb, volumes
from tests.unit.devices.fakesys import block_device, usb_device

# recorded on a Debian 12 desktop with a camera card and a USB stick; the stick's label has a space
MOUNTINFO = """\
22 28 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
28 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
31 28 0:26 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw
612 28 8:17 / /media/officer/DSJ\\040Z1 rw,nosuid,nodev,relatime shared:331 - vfat /dev/sdb1 rw,fmask=0022,dmask=0022,codepage=437,iocharset=utf8,shortname=mixed,errors=remount-ro
640 28 8:17 /DCIM /srv/bind-of-dcim rw,relatime shared:331 - vfat /dev/sdb1 rw
655 28 8:32 / /media/officer/CARD ro,nosuid,nodev,relatime shared:340 - exfat /dev/sdc rw
"""


def _setup(root: Path) -> tuple[Path, Path]:
    cam = usb_device(root, "1-1", vendor=0x2B7E, product=0xA002, devnum=7, serial="ZFCAM0001")
    block_device(root, cam, "sdb", major=8, minor=16, partitions=(1,))
    card = usb_device(root, "1-2", vendor=0x05E3, product=0x0751, devnum=8, serial="000000000819")
    block_device(root, card, "sdc", major=8, minor=32, partitions=(), host=7)  # unpartitioned ("superfloppy")
    info = root / "mountinfo"
    info.write_text(MOUNTINFO)
    return root, info


def _info(root: Path, name: str):
    return usb.sysfs_info(root / "bus" / "usb" / "devices" / name)


def test_unescape_and_parse_mountinfo():
    assert volumes.unescape(r"/media/a\040b\011c\012d\134e") == "/media/a b\tc\nd\\e"
    mounts = volumes.parse_mountinfo(MOUNTINFO + "garbage line\n\n")
    assert len(mounts) == 6
    stick = mounts[3]
    assert (stick.major_minor, stick.root, stick.mount_point, stick.fstype, stick.source) == (
        "8:17", "/", "/media/officer/DSJ Z1", "vfat", "/dev/sdb1")
    assert not stick.read_only and mounts[5].read_only


def test_block_devices_are_those_under_the_usb_device(tmp_path):
    root, _ = _setup(tmp_path)
    found = volumes.block_devices(_info(root, "1-1").sysfs_path, root)
    assert [(b.name, b.major_minor, b.disk, b.path) for b in found] == [
        ("sdb", "8:16", "sdb", "/dev/sdb"), ("sdb1", "8:17", "sdb", "/dev/sdb1")]
    assert [b.name for b in volumes.block_devices(_info(root, "1-2").sysfs_path, root)] == ["sdc"]
    assert volumes.block_devices("", root) == []


def test_find_volume_gives_the_mount_point_not_a_bind_mount(tmp_path):
    root, info = _setup(tmp_path)
    assert volumes.find_volume(_info(root, "1-1"), sysfs_root=root, mountinfo=info) == Path("/media/officer/DSJ Z1")
    assert volumes.find_volume(_info(root, "1-2"), sysfs_root=root, mountinfo=info) == Path("/media/officer/CARD")


def test_not_mounted_yet_or_no_storage_gives_none(tmp_path):
    root, info = _setup(tmp_path)
    info.write_text(MOUNTINFO.splitlines()[1] + "\n")
    assert volumes.find_volume(_info(root, "1-1"), sysfs_root=root, mountinfo=info) is None
    usb_device(root, "1-3", vendor=0x2B7E, product=0xA001, devnum=9, classes=(0xFF,))
    assert volumes.find_volume(_info(root, "1-3"), sysfs_root=root, mountinfo=info) is None
    assert volumes.find_volume(_info(root, "1-1"), sysfs_root=root, mountinfo=root / "missing") is None


def test_matched_by_device_number_when_the_source_is_a_mapper_name(tmp_path):
    root, info = _setup(tmp_path)
    info.write_text("700 28 8:17 / /run/media/x rw - vfat /dev/disk/by-label/X rw\n")
    assert volumes.find_volume(_info(root, "1-1"), sysfs_root=root, mountinfo=info) == Path("/run/media/x")


def test_mount_at_partitions_of_and_disk_of(tmp_path):
    root, info = _setup(tmp_path)
    assert volumes.mount_at(Path("/media/officer/DSJ Z1"), info).source == "/dev/sdb1"
    assert volumes.mount_at(Path("/nowhere"), info) is None
    assert volumes.disk_of("sdb1", root) == "sdb" and volumes.disk_of("sdc", root) == "sdc"
    assert [b.name for b in volumes.partitions_of("sdb", root)] == ["sdb", "sdb1"]
    assert volumes.partitions_of("sdz", root) == []
