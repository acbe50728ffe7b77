"""The contract every registered driver keeps, run against its sample device tree (a real FAT32
image, extracted): declared fields are sane, it recognises its own layout and not the others',
probe() reads the device, scan() lists every file with what the sample was built with, odd names
never make it raise, and nothing on the volume is written."""

from __future__ import annotations

import dataclasses
import os
import re
from datetime import datetime
from pathlib import Path

import pytest

from app.devices.base import DeviceDriver, DeviceInfo, UsbInfo, walk_files
from app.domain.evidence import DeviceFile
from drivers import DRIVERS, drivers_for
from drivers.custom import user_driver
from tests.fakes.device_trees import SAMPLE_DEFINITION, SAMPLES, fat32_tree, snapshot

NOW = datetime.fromisoformat("2026-03-02T12:00:00+08:00")
CUSTOM = user_driver(SAMPLE_DEFINITION)
ALL = (*DRIVERS, CUSTOM)


def sample_of(driver: type[DeviceDriver]) -> str:
    return "custom" if driver.NAME.startswith("custom:") else driver.SAMPLE


def needs_usb_link(driver: type[DeviceDriver]) -> bool:
    """A driver that cannot probe without its USB link (its protocol is tested under umockdev).
    A protocol driver that also reads its storage (VendorBulkCamera) probes the volume without a link."""
    return not driver.MASS_STORAGE


def info_for(driver: type[DeviceDriver], volume: Path, handler) -> DeviceInfo:
    if needs_usb_link(driver):
        fields = dict(SAMPLES[sample_of(driver)].info)
        return DeviceInfo(serial=str(fields.pop("serial", "")), **fields)  # type: ignore[arg-type]
    return driver(None).probe(None, volume, handler, NOW)


params = pytest.mark.parametrize("driver", ALL, ids=lambda d: d.NAME)


def test_the_list_is_explicit_and_complete():
    names = [d.NAME for d in DRIVERS]
    assert len(names) == len(set(names)), names
    assert {"ga947", "rapid_test", "camera", "recorder"} <= set(names)
    assert any(d.__name__ == "VendorBulkCamera" for d in DRIVERS), "helper 1's VendorBulkCamera is registered"
    assert f"custom:{SAMPLE_DEFINITION.uuid}" == drivers_for([SAMPLE_DEFINITION])[0].NAME
    assert drivers_for([SAMPLE_DEFINITION])[1:] == DRIVERS
    # specific (USB ids) before generic, so an id never loses to a layout guess
    with_ids = [bool(d.VENDOR_ID) for d in DRIVERS]
    assert with_ids == sorted(with_ids, reverse=True)


@params
def test_declared_fields_are_sane(driver):
    assert re.fullmatch(r"[a-z0-9_]+(:[0-9a-f-]{36})?", driver.NAME), driver.NAME
    assert driver.LABEL and driver.LABEL.strip() == driver.LABEL
    assert driver.KIND in {"body_camera", "rapid_test", "camera", "recorder", "custom"}
    for usb_id in (*driver.VENDOR_ID, *driver.PRODUCT_ID):
        assert isinstance(usb_id, int) and 0 <= usb_id <= 0xFFFF
    assert not driver.PRODUCT_ID or driver.VENDOR_ID, "a product id needs its vendor id"
    assert driver.INTERFACE_CLASS is None or 0 <= driver.INTERFACE_CLASS <= 0xFF
    assert sample_of(driver) in SAMPLES
    if not driver.VENDOR_ID:  # generic: chosen by layout, so it must override recognises
        assert driver.recognises.__func__ is not DeviceDriver.recognises.__func__


@params
def test_matches_its_own_ids_only(driver):
    if not driver.VENDOR_ID:
        assert not driver.matches(UsbInfo(0x1234, 0x5678, 1, 2, (0x08,)))
        return
    product = driver.PRODUCT_ID[0] if driver.PRODUCT_ID else 0x0001
    classes = (driver.INTERFACE_CLASS,) if driver.INTERFACE_CLASS is not None else (0x08,)
    assert driver.matches(UsbInfo(driver.VENDOR_ID[0], product, 1, 5, classes))
    assert not driver.matches(UsbInfo((driver.VENDOR_ID[0] + 1) & 0xFFFF, product, 1, 5, classes))
    if driver.PRODUCT_ID:
        other = next(p for p in range(0x10000) if p not in driver.PRODUCT_ID)
        assert not driver.matches(UsbInfo(driver.VENDOR_ID[0], other, 1, 5, classes))


@params
def test_recognises_its_own_sample_and_not_the_others(driver, device_tree):
    own = sample_of(driver)
    for name in SAMPLES:
        volume = device_tree(name)
        before = snapshot(volume)
        recognised = driver.recognises(volume)
        assert snapshot(volume) == before
        if name == own:
            assert recognised, f"{driver.NAME} does not recognise its sample {name}"
        else:
            assert not recognised, f"{driver.NAME} claims the {name} sample"


def test_a_folder_goes_to_the_driver_of_its_sample(device_tree):
    """As the device manager picks for a folder: generic drivers first, then those with USB ids."""
    every = drivers_for([SAMPLE_DEFINITION])
    order = [d for d in every if not d.VENDOR_ID] + [d for d in every if d.VENDOR_ID]
    for name in SAMPLES:
        first = next((d for d in order if d.recognises(device_tree(name))), None)
        assert first is not None and sample_of(first) == name, (name, first)
    assert next(d for d in order if d.recognises(device_tree("ga947"))).NAME == "ga947"


@params
def test_probe_reads_the_device_without_asking_or_writing(driver, device_tree, handler):
    if needs_usb_link(driver):
        pytest.skip(f"{driver.NAME} probes over its USB protocol (covered by its umockdev tests)")
    volume = device_tree(sample_of(driver))
    before = snapshot(volume)
    info = driver(None).probe(None, volume, handler, NOW)
    assert snapshot(volume) == before
    assert handler.calls == []
    for key, value in SAMPLES[sample_of(driver)].info.items():
        assert getattr(info, key) == value, key
    assert info.total_bytes and info.free_bytes is not None


@params
def test_scan_lists_every_file_with_what_its_name_says(driver, device_tree, handler):
    sample = SAMPLES[sample_of(driver)]
    volume = device_tree(sample_of(driver))
    before = snapshot(volume)
    listed = {f.relpath: f for f in driver(None).scan(volume, info_for(driver, volume, handler))}
    assert snapshot(volume) == before
    on_volume = {rel for rel, _st in walk_files(volume)}
    assert set(listed) == on_volume - sample.unlisted
    assert set(sample.expect) <= set(listed)
    for relpath, expected in sample.expect.items():
        found = listed[relpath]
        assert found.size == os.stat(volume / relpath).st_size
        assert found.modified_at.utcoffset() is not None
        for key, value in expected.items():
            got = getattr(found, key)
            if key == "results":
                got = [dataclasses.asdict(r) for r in got]
            if key == "gps" and value is not None:
                assert got == pytest.approx(value, abs=1e-5), relpath
                continue
            assert got == value, f"{relpath}: {key} is {got!r}, expected {value!r}"
        if found.recorded_at is not None:
            assert found.recorded_at.utcoffset() is not None


@params
def test_odd_names_never_make_a_driver_raise(driver, odd_volume, handler):
    before = snapshot(odd_volume)
    if not needs_usb_link(driver):
        driver(None).probe(None, odd_volume, handler, NOW)
    driver.recognises(odd_volume)
    listed = list(driver(None).scan(odd_volume, DeviceInfo(serial="X1")))
    assert snapshot(odd_volume) == before
    assert all(isinstance(f, DeviceFile) for f in listed)
    on_volume = {rel for rel, _st in walk_files(odd_volume)}
    assert {f.relpath for f in listed} >= on_volume - {"DEVINFO.TXT"}


@params
def test_links_fifos_and_undecodable_names_are_listed_not_followed(driver, tmp_path, handler):
    """A plain folder (``zhifa import --device PATH``) can hold what no FAT volume does."""
    for folder in ("DCIM/20260302", "检测结果", "RECORD", "执法录音", "DCIM/100MEDIA"):
        (tmp_path / folder).mkdir(parents=True)
        os.symlink("/etc/passwd", tmp_path / folder / "link.csv")
        os.mkfifo(tmp_path / folder / "fifo.xml")
        (tmp_path / folder / "line\nbreak.JPG").write_bytes(b"\xff\xd8")
        open(os.fsencode(tmp_path / folder) + b"/bad\xff\xfename.wav", "wb").close()
    os.symlink("/dev/zero", tmp_path / "DEVINFO.TXT")
    if not needs_usb_link(driver):
        driver(None).probe(None, tmp_path, handler, NOW)
    driver.recognises(tmp_path)
    listed = {f.relpath for f in driver(None).scan(tmp_path, DeviceInfo(serial="X1"))}
    assert {rel for rel, _st in walk_files(tmp_path)} - {"DEVINFO.TXT"} <= listed


def test_missing_mtools_skips_unless_required(monkeypatch):
    from tests.fakes import device_trees

    monkeypatch.setattr(device_trees, "_which", lambda tool: None if tool == "mcopy" else "/bin/true")
    monkeypatch.delenv("ZHIFA_REQUIRE_MTOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match="mcopy not installed"):
        device_trees.require_mtools()
    monkeypatch.setenv("ZHIFA_REQUIRE_MTOOLS", "1")
    with pytest.raises(pytest.fail.Exception, match="ZHIFA_REQUIRE_MTOOLS=1"):
        device_trees.require_mtools()


def test_fat32_tree_keeps_chinese_names_times_and_the_read_only_attribute(tmp_path):
    when = datetime.fromisoformat("2026-03-02T10:15:02+08:00")
    volume = fat32_tree({"DCIM/20260302/现场检查_001.MP4": (b"v" * 10, when), "a.txt": b"x", "空文件夹/": b""},
                        tmp_path / "vol", read_only={"a.txt"})
    found = volume / "DCIM/20260302/现场检查_001.MP4"
    assert found.read_bytes() == b"v" * 10 and found.stat().st_mtime == when.timestamp()
    assert not os.access(volume / "a.txt", os.W_OK) or os.geteuid() == 0
    assert not (volume / "a.txt").stat().st_mode & 0o222
    assert (volume / "空文件夹").is_dir()
    assert fat32_tree({}, tmp_path / "empty").is_dir()
