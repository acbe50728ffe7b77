"""Importing a device: each file copied once while hashed into the content-addressed store, recorded
with its chain of custody, duplicates said as such, bad files refused with a reason, resumable."""

from __future__ import annotations

import hashlib
import os
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.devices.base import DeviceDriver
from app.domain.errors import UserError
from app.domain.evidence import DeviceFile, FileOutcome, ImportState, MediaKind, TestResult, Verdict
from app.domain.officers import Actor, Role
from app.services.clock import SHANGHAI
from app.services.evidence import CopyHooks
from tests.unit.services.evidence.conftest import (
    AT,
    SERIAL,
    blob,
    check_store,
    outcomes,
    run_import,
    source,
    stored_files,
    write_tree,
)

FILES = {"DCIM/20260301/JH0012_20260301093000_0001.MP4": (blob(300_000, 1), AT),
         "DCIM/20260301/现场照片.JPG": (blob(5_000, 2), AT),
         "RECORD/询问录音.WAV": (blob(70_000, 3), AT)}


def test_each_file_is_stored_once_under_its_hash_with_its_custody_in_the_audit_chain(world, evidence, volume):
    write_tree(volume, FILES)
    record = run_import(evidence, world.officer, volume)
    assert (record.state, record.files, record.copied, record.pending) == (ImportState.DONE, 3, 3, 0)
    assert record.bytes == sum(len(d) for d, _ in FILES.values())
    files = {f.original_path: f for f in evidence.files(record.uuid)}
    for rel, (data, _) in FILES.items():
        f = files[rel]
        sha = hashlib.sha256(data).hexdigest()
        assert (f.outcome, f.sha256, f.message) == (FileOutcome.COPIED, sha, "")
        item = evidence.item(f.item_uuid)
        assert evidence.file_path(item).read_bytes() == data
        assert item.stored_path == f"{sha[:2]}/{sha}{Path(rel).suffix.lower()}"
        assert (item.original_path, item.name, item.device_serial, item.officer_no, item.driver) == (
            rel, Path(rel).name, SERIAL, "440704200000", "folder")
        assert item.modified_at == AT and item.imported_by == "李明" and item.workstation == "WS-01"
        [entry] = world.services.cases.history(item.uuid)  # the audit entries of any entity
        assert (entry.action, entry.entity, entry.actor_name) == ("evidence.import", "evidence", "李明")
        assert entry.after["sha256"] == sha and entry.after["original_path"] == rel
        assert entry.after["device_serial"] == SERIAL and entry.after["import_uuid"] == record.uuid
        assert entry.after["workstation"] == "WS-01" and entry.after["clock_offset_s"] == 2.0
        assert entry.after["modified_at"] == AT.isoformat() and entry.after["importing_officer"] == "李明"
    kinds = {evidence.item(f.item_uuid).kind for f in files.values()}
    assert kinds == {MediaKind.VIDEO, MediaKind.IMAGE, MediaKind.AUDIO}
    assert check_store(evidence) == 3
    assert world.services.audit.verify().ok


def test_a_fat32_device_is_read_with_its_chinese_names_and_times_and_never_written(world, evidence, tmp_path):
    from tests.fakes.device_trees import fat32_tree, require_mtools, snapshot

    require_mtools()
    taken = datetime(2026, 2, 28, 16, 45, 10, tzinfo=SHANGHAI)
    volume = fat32_tree({"DCIM/100MEDIA/执法现场_0001.MP4": (blob(40_000, 7), taken),
                         "DCIM/100MEDIA/执法现场_0002.JPG": (blob(3_000, 8), taken)}, tmp_path / "fat",
                        read_only={"DCIM/100MEDIA/执法现场_0001.MP4"})
    before = snapshot(volume)
    record = run_import(evidence, world.officer, volume)
    assert record.copied == 2
    assert snapshot(volume) == before
    items = [evidence.item(f.item_uuid) for f in evidence.files(record.uuid)]
    assert {i.name for i in items} == {"执法现场_0001.MP4", "执法现场_0002.JPG"}
    assert {i.modified_at for i in items} == {taken}


def test_content_already_stored_is_a_duplicate_that_names_when_and_in_which_import(world, evidence, volume):
    write_tree(volume, {**FILES, "DCIM/copy_of_video.MP4": FILES["DCIM/20260301/JH0012_20260301093000_0001.MP4"]})
    first = run_import(evidence, world.officer, volume)
    assert (first.copied, first.duplicates) == (3, 1)
    world.clock.set(world.clock.now() + timedelta(days=1))
    writes = []
    hooks = CopyHooks(write=lambda fd, data: writes.append(len(data)) or os.write(fd, data))
    from tests.unit.services.evidence.conftest import source as make_source

    again_service = type(evidence)(evidence.db, world.clock, None, None, evidence.root, "WS-02", hooks=hooks)
    second = again_service.run(again_service.plan(make_source(volume), world.second).uuid, world.second)
    assert (second.copied, second.duplicates) == (0, 4)
    assert writes == []  # a file this device gave before is hashed, not copied again
    messages = {m for _, m in outcomes(evidence, second.uuid).values()}
    assert messages == {f"已于 2026-03-02 10:00 导入（导入任务 {first.uuid[:8]}）"}
    assert check_store(evidence) == 3


class ListingDriver(DeviceDriver):
    """Lists what the test says, whatever is on the volume (a driver may report any path)."""

    NAME = "listing"

    def __init__(self, files: list[DeviceFile]):
        super().__init__()
        self.files = files

    def scan(self, volume, info):  # type: ignore[no-untyped-def]
        yield from self.files


def listed(relpath: str, size: int = 10, **kw) -> DeviceFile:  # type: ignore[no-untyped-def]
    return DeviceFile(relpath=relpath, size=size, modified_at=AT, kind=MediaKind.VIDEO, **kw)


def test_bad_files_are_refused_each_with_its_reason_and_nothing_outside_the_volume_is_read(world, evidence,
                                                                                          volume, tmp_path):
    (tmp_path / "secret.mp4").write_bytes(b"outside!!!")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.mp4").write_bytes(b"outside!!!")
    write_tree(volume, {"ok.mp4": b"0123456789", "empty.mp4": b""})
    os.symlink(tmp_path / "secret.mp4", volume / "link.mp4")
    os.symlink(tmp_path / "elsewhere", volume / "linkdir")
    os.mkfifo(volume / "pipe.mp4")
    driver = ListingDriver([listed("ok.mp4"), listed("../secret.mp4"), listed(str(tmp_path / "secret.mp4")),
                            listed("..\\secret.mp4"), listed("link.mp4"), listed("linkdir/x.mp4"),
                            listed("pipe.mp4"), listed("empty.mp4", 0), listed("bad\x1bname.mp4")])
    record = evidence.run(evidence.plan(source(volume, driver=driver), world.officer).uuid, world.officer)
    got = outcomes(evidence, record.uuid)
    assert got["ok.mp4"] == ("copied", "")
    assert {k: v[0] for k, v in got.items() if k != "ok.mp4"} == dict.fromkeys(
        ["../secret.mp4", str(tmp_path / "secret.mp4"), "..\\secret.mp4", "link.mp4", "linkdir/x.mp4", "pipe.mp4",
         "empty.mp4", "bad\\x1bname.mp4"], "refused")
    assert "符号链接" in got["link.mp4"][1] and "符号链接" in got["linkdir/x.mp4"][1]
    assert "不是普通文件" in got["pipe.mp4"][1] and "空文件" in got["empty.mp4"][1]
    assert "绝对路径" in got[str(tmp_path / "secret.mp4")][1] and "反斜杠" in got["..\\secret.mp4"][1]
    assert "控制字符" in got["bad\\x1bname.mp4"][1]
    assert (record.state, record.refused, record.copied) == (ImportState.DONE, 8, 1)
    assert [p.read_bytes() for p in stored_files(evidence)] == [b"0123456789"]


def test_a_name_that_is_not_utf8_is_imported_with_a_warning(world, evidence, volume):
    write_tree(volume, {os.fsdecode(b"caf\xe9.mp4"): (b"abc", AT)})
    record = run_import(evidence, world.officer, volume)
    [f] = evidence.files(record.uuid)
    item = evidence.item(f.item_uuid)
    assert (f.outcome, item.original_path) == (FileOutcome.COPIED, "caf\\xe9.mp4")
    assert item.warnings == ("文件名不是有效的 UTF-8 编码，已记录为 caf\\xe9.mp4",)


def test_a_device_clock_years_off_is_warned_and_corrected_and_odd_file_times_are_flagged(world, evidence, volume):
    offset = 3 * 365 * 86400 + 3600.0  # the device runs three years and an hour ahead
    recorded = datetime(2029, 3, 1, 10, 0, tzinfo=SHANGHAI)
    driver = ListingDriver([listed("a.mp4", recorded_at=recorded), listed("old.mp4", recorded_at=datetime(
        1980, 1, 1, tzinfo=SHANGHAI)), listed("future.mp4", recorded_at=recorded + timedelta(days=400))])
    write_tree(volume, {"a.mp4": blob(10, 1), "old.mp4": blob(10, 2), "future.mp4": blob(10, 3)})
    record = evidence.run(evidence.plan(source(volume, driver=driver, offset=offset), world.officer).uuid,
                          world.officer)
    assert record.clock_offset_s == offset and record.copied == 3
    assert evidence.warnings(record.uuid) == ["设备时钟比工作站时钟快 1095 天 01:00:00：录制时间已按此校正"]
    items = {f.original_path: evidence.item(f.item_uuid) for f in evidence.files(record.uuid)}
    clock = "设备时钟比工作站时钟快 1095 天 01:00:00：录制时间已按此校正"
    assert items["a.mp4"].warnings == (clock,)
    assert items["a.mp4"].recorded_at_corrected == recorded - timedelta(seconds=offset)
    assert items["old.mp4"].warnings == (clock, "文件时间 1980-01-01 00:00:00 早于 2000 年：设备时钟可能未设置")
    assert items["future.mp4"].warnings[1] == "文件时间 2030-04-05 10:00:00 晚于当前时间"


def test_what_the_driver_read_is_kept_with_the_item(world, evidence, volume):
    result = TestResult(item="农药残留", sample="小白菜", value="42.5", unit="%", limit="50", verdict=Verdict.PASS,
                        tested_at=AT, sample_no="S-01", method="GB/T 5009.199")
    driver = ListingDriver([DeviceFile(relpath="r.csv", size=10, modified_at=AT, kind=MediaKind.RESULT,
                                       recorded_at=AT, device_serial="KJ-7", officer_no="0000", sequence=3,
                                       important=True, gps=(22.5, 113.1), results=(result,))])
    write_tree(volume, {"r.csv": b"0123456789"})
    record = evidence.run(evidence.plan(source(volume, driver=driver), world.officer).uuid, world.officer)
    item = evidence.item(evidence.files(record.uuid)[0].item_uuid)
    assert (item.kind, item.device_serial, item.officer_no, item.important, item.gps, item.results) == (
        MediaKind.RESULT, "KJ-7", "0000", True, (22.5, 113.1), (result,))
    assert item.recorded_at_corrected == AT - timedelta(seconds=2)


def test_garbage_a_device_says_about_itself_is_stored_printable(world, evidence, volume):
    from app.domain.evidence import DeviceInfo
    from app.services.evidence import ImportSource

    driver = ListingDriver([listed("a.mp4", device_serial="SN\x00\udcff", officer_no="00\x01", note="bad\x00")])
    write_tree(volume, {"a.mp4": (blob(10, 1), AT)})
    info = DeviceInfo(serial="SN\x00\udcff", officer_no="00\x01", model="\udcfe", extra={"k\x00": "v\udc80"})
    plan = evidence.plan(ImportSource(volume, driver, info, "garbage\x07"), world.officer)
    record = evidence.run(plan.uuid, world.officer)
    item = evidence.item(evidence.files(record.uuid)[0].item_uuid)
    assert (record.device_serial, item.device_serial, item.officer_no) == ("SN\\x00\\xff", "SN\\x00\\xff",
                                                                             "00\\x01")


def test_progress_is_reported_and_a_cancel_stops_the_import_which_resumes_where_it_stopped(world, make_evidence,
                                                                                        volume):
    write_tree(volume, {f"DCIM/{i:02d}.mp4": blob(50_000 + i, i) for i in range(8)})
    evidence = make_evidence(workers=1)
    cancel, seen = threading.Event(), []

    def progress(p):  # type: ignore[no-untyped-def]
        seen.append(p)
        if p.files_done == 3:
            cancel.set()

    plan = evidence.plan(source(volume), world.officer)
    stopped = evidence.run(plan.uuid, world.officer, progress=progress, cancel=cancel)
    assert stopped.state is ImportState.STOPPED and stopped.stop_reason == "导入已被李明取消"
    assert stopped.copied == 3 and stopped.pending == 5
    assert [p.files_done for p in seen] == sorted(p.files_done for p in seen)
    assert seen[-1].bytes_done <= seen[-1].bytes_total and seen[-1].rate_bps > 0
    assert [r.uuid for r in evidence.unfinished()] == [plan.uuid]
    done = evidence.run(plan.uuid, world.second)
    assert (done.state, done.copied, done.pending) == (ImportState.DONE, 8, 0)
    assert evidence.unfinished() == [] and check_store(evidence) == 8
    assert not list((evidence.root / ".partial").iterdir())  # no copy, no lock file left
    assert evidence.run(plan.uuid, world.officer).copied == 8  # running a finished import changes nothing


def test_an_import_already_running_is_not_run_twice(world, evidence, volume):
    write_tree(volume, {"a.mp4": b"abc"})
    plan = evidence.plan(source(volume), world.officer)
    with evidence.store.locked(plan.uuid), pytest.raises(UserError, match="正在进行"):
        evidence.run(plan.uuid, world.officer)


def test_only_people_working_cases_and_the_docking_station_import(world, evidence, volume):
    write_tree(volume, {"a.mp4": b"abc"})
    with pytest.raises(UserError, match="无权导入证据"):
        evidence.plan(source(volume), Actor("s", "孙监督", Role.SUPERVISOR))
    station = Actor("station:WS-01", "接入站 WS-01", Role.SYSTEM)
    assert run_import(evidence, station, volume).copied == 1
    assert evidence.item(evidence.files(evidence.imports()[0].uuid)[0].item_uuid).imported_by == "接入站 WS-01"


def test_an_unfinished_import_of_the_same_device_is_found_to_resume(world, evidence, volume):
    write_tree(volume, {"a.mp4": b"abc"})
    plan = evidence.plan(source(volume), world.officer)
    assert evidence.resumable(source(volume)).uuid == plan.uuid
    assert evidence.resumable(source(volume, serial="OTHER")) is None
    evidence.run(plan.uuid, world.officer)
    assert evidence.resumable(source(volume)) is None
    assert [r.uuid for r in evidence.imports()] == [plan.uuid]
