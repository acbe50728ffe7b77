"""User-defined devices: the driver class a definition becomes, and how it scans."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

import pytest

from app.devices.base import SHANGHAI, DeviceDriver, DeviceInfo, UsbInfo
from app.domain.errors import ValidationError
from app.domain.evidence import DeviceDefinition, MediaKind
from drivers import DRIVERS, drivers_for
from drivers.custom import NOTE_BAD_TIME, NOTE_NO_MATCH, user_driver

DEFN = DeviceDefinition(uuid="0b8f0d7c-3e7e-4d5f-8a51-2f6c1f0a9e11", name="某型号录音笔", vendor_id=0x3412,
                        product_id=None, pattern="{serial}_{officer}_{datetime}.dat", kind=MediaKind.AUDIO)


def test_a_definition_becomes_a_declared_driver():
    driver = user_driver(DEFN)
    assert issubclass(driver, DeviceDriver)
    assert (f"custom:{DEFN.uuid}", "某型号录音笔", "custom") == (driver.NAME, driver.LABEL, driver.KIND)
    assert (driver.VENDOR_ID, driver.PRODUCT_ID) == ((0x3412,), ())
    assert driver.matches(UsbInfo(0x3412, 0x9999, 1, 3))  # every product of the vendor
    assert not driver.matches(UsbInfo(0x3413, 0x9999, 1, 3))
    only = user_driver(replace(DEFN, product_id=0x0002))
    assert only.PRODUCT_ID == (2,) and not only.matches(UsbInfo(0x3412, 3, 1, 3))
    assert user_driver(DEFN) is not driver  # a class per call: settings may change between calls


@pytest.mark.parametrize("change", [{"pattern": "{nope}.dat"}, {"pattern": ""}, {"vendor_id": 0x10000},
                                    {"vendor_id": -1}, {"product_id": 0x1FFFF}])
def test_bad_definitions_are_refused(change):
    with pytest.raises(ValidationError):
        user_driver(replace(DEFN, **change))


def test_drivers_for_puts_user_devices_first_and_leaves_out_broken_ones(caplog):
    broken = replace(DEFN, uuid="11111111-1111-1111-1111-111111111111", pattern="{seq}{seq}")
    with caplog.at_level(logging.WARNING, logger="drivers"):
        found = drivers_for([broken, DEFN])
    assert [d.NAME for d in found] == [f"custom:{DEFN.uuid}", *(d.NAME for d in DRIVERS)]
    assert "11111111-1111-1111-1111-111111111111" in caplog.text
    assert drivers_for([]) == DRIVERS


def test_scan_reads_the_fields_and_notes_the_rest(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub/DSJ-9_031582_20260302101500.DAT").write_bytes(b"a")
    (tmp_path / "DSJ-9_031582_20261302101500.dat").write_bytes(b"a")
    (tmp_path / "notes.txt").write_bytes(b"n")
    found = {f.relpath: f for f in user_driver(DEFN)().scan(tmp_path, DeviceInfo(serial="USB1", officer_no="7"))}
    good = found["sub/DSJ-9_031582_20260302101500.DAT"]
    assert (good.device_serial, good.officer_no, good.kind, good.note) == ("DSJ-9", "031582", MediaKind.AUDIO, "")
    assert good.recorded_at == datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI)
    assert found["DSJ-9_031582_20261302101500.dat"].note == NOTE_BAD_TIME
    other = found["notes.txt"]
    assert (other.kind, other.device_serial, other.officer_no, other.note) == (MediaKind.OTHER, "USB1", "7",
                                                                               NOTE_NO_MATCH)


def test_a_folder_is_recognised_when_most_files_match(tmp_path):
    driver = user_driver(DEFN)
    assert not driver.recognises(tmp_path)
    (tmp_path / "A_1_20260302101500.dat").write_bytes(b"a")
    (tmp_path / "x.txt").write_bytes(b"a")
    assert driver.recognises(tmp_path)
    (tmp_path / "y.txt").write_bytes(b"a")
    assert not driver.recognises(tmp_path)
