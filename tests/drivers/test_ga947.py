"""GA/T 947 body camera: info file, file-name scheme and important files, edge cases."""

from __future__ import annotations

import os
from datetime import datetime

from app.devices.base import SHANGHAI, DeviceInfo
from app.domain.evidence import MediaKind
from drivers.ga947 import (
    NOTE_BAD_INFO,
    NOTE_NO_INFO,
    NOTE_NOT_SCHEME,
    NOTE_OTHER_SERIAL,
    Ga947Camera,
    decode_text,
    parse_info,
)
from tests.fakes.device_trees import fat32_tree

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=SHANGHAI)
NAME = "HK7B00315_031582_20260302091502_0001.MP4"


def _scan(volume, info=None):
    return {f.relpath: f for f in Ga947Camera().scan(volume, info or DeviceInfo(serial="HK7B00315"))}


def test_info_file_in_gbk_with_colons_comments_and_unknown_keys():
    text = decode_text("# 导出\r\n[设备信息]\r\n产品序号：HK7B00315\r\n警号: 031582\r\n姓名=张伟\r\n电量=80%\r\n坏行\r\n".encode("gbk"))
    assert parse_info(text) == {"serial": "HK7B00315", "officer_no": "031582", "officer_name": "张伟", "电量": "80%"}


def test_info_file_in_utf8_with_bom_and_english_keys():
    fields = parse_info(decode_text("\ufeffSerial=AB12345\nPoliceID=100234\nModel=X1\n".encode()))
    assert fields == {"serial": "AB12345", "officer_no": "100234", "model": "X1"}


def test_probe_reads_a_gbk_info_file_on_a_fat32_volume(tmp_path, handler):
    volume = fat32_tree({"DevInfo.txt": "设备编号=HK7B00315\r\n警号=031582\r\n单位=执法支队\r\n".encode("gbk"),
                         "DCIM/20260302/" + NAME: b"v"}, tmp_path / "vol")
    info = Ga947Camera().probe(None, volume, handler, NOW)
    assert (info.serial, info.officer_no, info.unit) == ("HK7B00315", "031582", "执法支队")
    assert "note" not in info.extra and info.total_bytes > 30_000_000
    assert Ga947Camera.recognises(volume)


def test_without_an_info_file_the_serial_comes_from_the_file_names(tmp_path, handler):
    (tmp_path / "DCIM/20260302").mkdir(parents=True)
    (tmp_path / "DCIM/20260302" / NAME).write_bytes(b"v")
    info = Ga947Camera().probe(None, tmp_path, handler, NOW)
    assert (info.serial, info.officer_no, info.extra["note"]) == ("HK7B00315", "031582", NOTE_NO_INFO)
    assert Ga947Camera.recognises(tmp_path)


def test_a_garbled_info_file_still_probes(tmp_path, handler):
    (tmp_path / "DEVINFO.TXT").write_bytes(b"\xff\xfe\x00\x01garbage")
    (tmp_path / "DCIM/20260302").mkdir(parents=True)
    (tmp_path / "DCIM/20260302" / NAME).write_bytes(b"v")
    info = Ga947Camera().probe(None, tmp_path, handler, NOW)
    assert (info.serial, info.extra["note"]) == ("HK7B00315", NOTE_BAD_INFO)
    assert "DEVINFO.TXT" not in _scan(tmp_path)


def test_an_empty_volume_is_not_a_body_camera_and_probes_empty(tmp_path, handler):
    assert not Ga947Camera.recognises(tmp_path)
    assert Ga947Camera().probe(None, tmp_path, handler, NOW).serial == ""
    assert not Ga947Camera.recognises(tmp_path / "gone")


def test_a_photo_folder_with_other_names_is_not_a_body_camera(tmp_path):
    (tmp_path / "DCIM/100MEDIA").mkdir(parents=True)
    (tmp_path / "DCIM/100MEDIA/DSC_0001.JPG").write_bytes(b"j")
    assert not Ga947Camera.recognises(tmp_path)


def test_important_by_read_only_attribute_prefix_suffix_and_folder(tmp_path):
    day = tmp_path / "DCIM/20260302"
    day.mkdir(parents=True)
    (tmp_path / "DCIM/IMPORTANT").mkdir()
    for name in (NAME, "IMP_" + NAME, NAME.replace(".MP4", "_IMP.MP4"), "locked_" + NAME):
        (day / name).write_bytes(b"v")
    (tmp_path / "DCIM/IMPORTANT" / NAME).write_bytes(b"v")
    os.chmod(day / ("locked_" + NAME), 0o444)
    found = _scan(tmp_path)
    assert not found["DCIM/20260302/" + NAME].important
    assert found["DCIM/20260302/IMP_" + NAME].important
    assert found["DCIM/20260302/" + NAME.replace(".MP4", "_IMP.MP4")].important
    assert found["DCIM/IMPORTANT/" + NAME].important
    locked = found["DCIM/20260302/locked_" + NAME]  # not the scheme, but locked on the device
    assert locked.important and locked.note == NOTE_NOT_SCHEME


def test_a_file_of_another_camera_keeps_its_serial_with_a_note(tmp_path):
    (tmp_path / "DCIM").mkdir()
    (tmp_path / "DCIM" / NAME.replace("HK7B00315", "ZZ0000001")).write_bytes(b"v")
    found = next(iter(_scan(tmp_path).values()))
    assert found.device_serial == "ZZ0000001" and found.note == NOTE_OTHER_SERIAL


def test_names_that_almost_follow_the_scheme_are_listed_with_the_device_fields(tmp_path):
    names = ["HK7B00315_031582_2026030209150_0001.MP4", "HK7B00315_031582_20260302091502.MP4",
             "HK7B00315-031582-20260302091502-0001.MP4", "HK7B00315_031582_20260302091502_0001", "现场.mp4"]
    for name in names:
        (tmp_path / name).write_bytes(b"v")
    found = _scan(tmp_path, DeviceInfo(serial="HK7B00315", officer_no="031582"))
    assert len(found) == len(names)
    for item in found.values():
        assert (item.note, item.officer_no, item.recorded_at, item.sequence) == (NOTE_NOT_SCHEME, "031582", None, None)
    assert found["现场.mp4"].kind is MediaKind.VIDEO
