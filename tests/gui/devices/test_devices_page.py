"""设备: a docked body camera appears as a card with its officer, space and clock; Import copies every
file with progress and ends with a summary and the log; Eject; a folder imported by path; Cancel and
Resume; a device whose probe was cancelled offers Retry."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.devices.base import UsbInfo
from app.devices.eject import EjectResult
from app.devices.manager import DockedDevice
from app.domain.evidence import DeviceInfo, FileOutcome, ImportProgress, ImportState
from app.ui.devices.device_card import DeviceCard
from app.ui.devices.devices_page import DevicesPage
from app.ui.devices.progress_box import ProgressBox
from drivers import Ga947Camera
from tests.gui.devices.conftest import MEDIA_LOG, TIMEOUT, idle, write_tree

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*MEDIA_LOG)]

CAMERA = UsbInfo(0x1D6B, 0x0104, 1, 7, (0x08,), serial="HK7B00315", product="USB Mass Storage")


@pytest.fixture
def open_page(qtbot, world, manager, session, language):
    language("zh_CN")

    def make() -> DevicesPage:
        page = DevicesPage(world.services, session)
        qtbot.addWidget(page)
        page.resize(1200, 800)
        page.show()
        idle(qtbot, page.imports.runner)
        idle(qtbot, page.triage.runner)
        return page

    return make


def card_of(qtbot, page: DevicesPage, state: str = "ready") -> DeviceCard:
    qtbot.waitUntil(lambda: any(c.device.state == state and c.isVisible() for c in page.cards.values()),
                    timeout=TIMEOUT)
    return next(c for c in page.cards.values() if c.device.state == state)


def test_a_docked_camera_is_imported_with_progress_and_ejected(qtbot, world, bus, evidence, open_page, tmp_path,
                                                                monkeypatch):
    volume = write_tree("ga947", tmp_path / "card", extra={"DCIM/20260302/EMPTY.MP4": b""})
    page = open_page()
    assert page.empty.isVisible() and "未连接设备" in page.empty.text()
    bus.dock(CAMERA, volume)
    card = card_of(qtbot, page)
    assert not page.empty.isVisible()
    assert "执法记录仪" in card.title.text() and "DSJ-K7" in card.title.text()
    assert card.values["serial"].text() == "HK7B00315"
    assert card.values["officer"].text() == "031582 张伟（某市市场监督管理局综合行政执法支队）"
    assert "可用" in card.values["space"].text()
    assert card.values["state"].text() == "就绪"
    assert card.import_button.isEnabled() and card.release_button.text() == "弹出(&E)"

    seen: list[ImportProgress] = []
    job = page.start_import(card.device.id)  # what Import does; the job is watched from its start
    job.progressed.connect(seen.append)
    assert card.progress.isVisible() and not card.import_button.isEnabled()
    qtbot.waitUntil(lambda: not job.running, timeout=TIMEOUT)
    record = job.record
    assert record is not None and record.state is ImportState.DONE
    files = len(list(p for p in volume.rglob("*") if p.is_file())) - 1  # DEVINFO.TXT is not evidence
    assert record.files == files and record.refused == 1  # the empty file
    assert seen and seen[-1].files_done == files
    assert card.summary.text() == (f"已复制 {record.copied} 个，已导入过 {record.duplicates} 个，拒绝 1 个，"
                                   f"失败 0 个（共 {files} 个文件）。")
    assert not card.progress.isVisible() and card.log_button.isVisible()
    assert card.import_button.text() == "再次导入(&A)"
    assert len(evidence.triage()) == record.copied  # the footage waits for a case

    dialog = page.show_log(record)
    idle(qtbot, dialog.runner)
    assert dialog.problems_only.isChecked()  # a refused file: only the problems are listed first
    assert dialog.column_texts(0) == ["DCIM/20260302/EMPTY.MP4"]
    assert dialog.column_texts(2) == ["已拒绝"] and dialog.column_texts(3)[0]
    dialog.problems_only.setChecked(False)
    assert len(dialog.column_texts(0)) == files
    dialog.close()

    qtbot.waitUntil(lambda: page.imports.table.rowCount() == 1, timeout=TIMEOUT)
    assert page.imports.table.item(0, 1).text() == "HK7B00315"

    from app.devices import eject as eject_module

    ejected: list[Path] = []
    monkeypatch.setattr(eject_module, "eject", lambda v: ejected.append(v) or EjectResult("/dev/sdz", ("/dev/sdz1",),
                                                                                         True))
    qtbot.mouseClick(card.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.summary.text() == "已弹出：现在可以拔下设备。", timeout=TIMEOUT)
    assert ejected == [volume]
    bus.unplug(CAMERA)
    qtbot.waitUntil(lambda: card.device.state == "gone", timeout=TIMEOUT)
    assert card.release_button.text() == "关闭(&D)"  # the outcome stays readable until dismissed
    qtbot.mouseClick(card.release_button, Qt.MouseButton.LeftButton)
    assert page.cards == {} and page.empty.isVisible()


def test_the_same_card_imported_again_says_every_file_was_already_there(qtbot, world, bus, evidence, open_page,
                                                                       tmp_path):
    volume = write_tree("ga947", tmp_path / "card")
    page = open_page()
    bus.dock(CAMERA, volume)
    card = card_of(qtbot, page)
    for _ in range(2):
        qtbot.mouseClick(card.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not card.importing, timeout=TIMEOUT)
    record = card.record
    assert record.copied == 0 and record.duplicates == record.files
    assert "已导入过" in card.summary.text()


def test_cancel_stops_the_import_and_resume_finishes_it(qtbot, world, bus, evidence, open_page, tmp_path):
    volume = write_tree("ga947", tmp_path / "card")
    page = open_page()
    bus.dock(CAMERA, volume)
    card = card_of(qtbot, page)
    reads, gate = [], __import__("threading").Event()
    real = evidence.hooks.read

    def slow_read(fd, buf):  # the copy waits after its first block until the test cancels
        reads.append(fd)
        if len(reads) == 2:
            gate.wait(10)
        return real(fd, buf)

    evidence.hooks = type(evidence.hooks)(read=slow_read, write=evidence.hooks.write, open=evidence.hooks.open,
                                          fsync=evidence.hooks.fsync)
    qtbot.mouseClick(card.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(reads) >= 2, timeout=TIMEOUT)
    qtbot.mouseClick(card.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert card.progress.text.text() == "正在停止…"
    gate.set()
    qtbot.waitUntil(lambda: not card.importing, timeout=TIMEOUT)
    stopped = card.record
    assert stopped.state is ImportState.STOPPED and stopped.pending > 0
    assert "继续导入" in card.summary.text() or "停止" in card.summary.text()
    assert card.resumable == stopped and card.import_button.text() == "继续导入(&R)"
    qtbot.waitUntil(page.unfinished.isVisible, timeout=TIMEOUT)  # once the imports are read again
    assert "1 次导入中途停止" in page.unfinished.text() and card.resumable.uuid == stopped.uuid

    qtbot.mouseClick(card.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not card.importing, timeout=TIMEOUT)
    done = card.record
    assert done.uuid == stopped.uuid and done.state is ImportState.DONE and done.pending == 0
    assert done.copied + done.duplicates == done.files and done.copied > stopped.copied
    qtbot.waitUntil(lambda: not page.unfinished.isVisible(), timeout=TIMEOUT)


def test_import_from_a_folder_starts_at_once_and_the_folder_can_be_removed(qtbot, world, manager, evidence,
                                                                          open_page, tmp_path, monkeypatch):
    folder = write_tree("camera", tmp_path / "sd")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    page = open_page()
    qtbot.mouseClick(page.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.cards) == 1 and next(iter(page.cards.values())).record is not None,
                    timeout=TIMEOUT)
    card = next(iter(page.cards.values()))
    assert card.folder and card.title.text() == "相机（DCIM）"
    assert card.record.state is ImportState.DONE and card.record.copied == 5
    assert card.release_button.text() == "移除(&M)"
    qtbot.mouseClick(card.release_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.cards == {}, timeout=TIMEOUT)
    assert manager.devices() == []


def test_a_folder_that_cannot_be_read_is_said_in_the_banner(qtbot, world, manager, open_page, tmp_path, monkeypatch,
                                                            boxes):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "missing"))
    page = open_page()
    page.import_folder()
    idle(qtbot, page.runner)
    assert boxes and "不是文件夹" in boxes[0][2]
    assert page.cards == {}


def test_card_shows_a_clock_far_off_in_the_warning_colour(qtbot, language):
    language("zh_CN")
    info = DeviceInfo(serial="HK7B00315", officer_no="031582", officer_name="张伟", free_bytes=3 * 2**30,
                      total_bytes=32 * 2**30, clock_offset_s=-timedelta(hours=2, minutes=5).total_seconds())
    device = DockedDevice(id="usb:1-7", usb=CAMERA, driver=Ga947Camera(CAMERA), info=info, volume=Path("/media/x"),
                          state="ready")
    card = DeviceCard(device)
    qtbot.addWidget(card)
    assert card.values["space"].text() == "可用 3.0 GB，共 32.0 GB"
    assert card.values["clock"].text().startswith("慢 2 小时 5 分")
    assert "bold" in card.values["clock"].styleSheet()
    card.set_device(DockedDevice(id="usb:1-7", usb=CAMERA, driver=Ga947Camera(CAMERA),
                                 info=DeviceInfo(serial="X", clock_offset_s=42.0), volume=None, state="ready"))
    assert card.values["clock"].text() == "快 42 秒" and card.values["clock"].styleSheet() == ""
    assert card.values["officer"].text() == "设备未记录"


def test_progress_says_files_rate_and_time_left(qtbot, language):
    language("zh_CN")
    box = ProgressBox()
    qtbot.addWidget(box)
    box.start()
    box.show_progress(ImportProgress(files_done=12, files_total=40, bytes_done=300_000_000,
                                     bytes_total=1_200_000_000, current="DCIM/20260302/A.MP4", elapsed_s=10.0))
    assert box.bar.maximum() == 40 and box.bar.value() == 12
    assert box.text.text() == "已完成 12 / 40 个文件 · 286.1 MB / 1.1 GB · 28.6 MB/秒 · 约剩 30 秒"
    assert box.current.text() == "DCIM/20260302/A.MP4"


def test_every_file_outcome_has_a_label(language):
    from app.ui.evidence.labels import outcome_label

    language("zh_CN")
    assert [outcome_label(o) for o in FileOutcome] == ["未复制", "已复制", "已导入过", "已拒绝", "失败"]


def test_an_import_stopped_earlier_is_resumed_from_the_imports_list(qtbot, world, evidence, open_page, tmp_path):
    import threading

    from app.services.evidence import ImportSource

    volume = write_tree("camera", tmp_path / "sd")
    driver = __import__("drivers").GenericCamera(None)
    planned = evidence.plan(ImportSource(volume=volume, driver=driver, info=DeviceInfo(serial=""), label="SD"),
                            world.officer)
    cancelled = threading.Event()
    cancelled.set()  # stopped before the first file, as after a crash or an unplugged reader
    stopped = evidence.run(planned.uuid, world.officer, cancel=cancelled)
    assert stopped.state is not ImportState.DONE and stopped.pending == stopped.files
    page = open_page()
    assert page.unfinished.isVisible() and "1 次导入中途停止" in page.unfinished.text()
    imports = page.imports
    page.unfinished.linkActivated.emit("imports")
    assert page.tabs.currentWidget() is imports
    assert imports.table.rowCount() == 1 and imports.selected().uuid == stopped.uuid
    assert imports.table.item(0, 0).background().color().name() == "#fff0c2"
    assert "中途停止" in imports.caption.text()
    qtbot.mouseClick(imports.resume_button, Qt.MouseButton.LeftButton)
    assert imports.progress.isVisible() and not imports.resume_button.isEnabled()
    qtbot.waitUntil(lambda: page.resume_job is None, timeout=TIMEOUT)
    idle(qtbot, imports.runner)
    assert imports.note.text().startswith("已复制 5 个") and not imports.progress.isVisible()
    assert imports.records[0].state is ImportState.DONE and not page.unfinished.isVisible()
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "待关联证据（5）", timeout=TIMEOUT)


def test_the_log_says_when_the_device_clock_was_far_off(qtbot, world, evidence, tmp_path, language):
    from app.services.evidence import ImportSource
    from app.ui.devices.import_log import ImportLogDialog

    language("zh_CN")
    volume = write_tree("camera", tmp_path / "sd")
    info = DeviceInfo(serial="CAM1", clock_offset_s=-7200.0)
    planned = evidence.plan(ImportSource(volume=volume, driver=Ga947Camera(None), info=info, label="CAM1"),
                            world.officer)
    record = evidence.run(planned.uuid, world.officer)
    dialog = ImportLogDialog(evidence, record)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, dialog.runner)
    assert dialog.warnings.isVisible() and dialog.warnings.text() == "\n".join(evidence.warnings(record.uuid))
    assert not dialog.problems_only.isChecked() and len(dialog.column_texts(0)) == record.files
    assert "警号 -" in dialog.heading.text() and "李明" in dialog.heading.text()
