"""Drivers ask through the UI's handler on the USB thread: the device password (hidden as typed), a
yes/no question, a message; a cancelled password leaves the device in a problem state with Retry; a
protocol camera is unlocked, prepared (clock set, storage mode) and imported from the drive it comes
back as; closing the page answers every open question with a cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from app.devices.base import UsbInfo
from app.domain.errors import UserCancelled
from app.domain.evidence import ImportState
from app.ui.devices.devices_page import DevicesPage
from app.ui.devices.handler import DevicePasswordDialog, QtDeviceHandler
from tests.gui.devices.conftest import MEDIA_LOG, TIMEOUT, idle, write_tree
from tests.unit.devices.fakecam import FakeCamera

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*MEDIA_LOG)]

CAM = UsbInfo(0x2B7E, 0xA001, 1, 5, (0xFF,), serial="ZFCAM0001", product="DSJ-Z1")
CAM_DISK = UsbInfo(0x2B7E, 0xA002, 1, 6, (0x08,), serial="ZFCAM0001")


@pytest.fixture
def page(qtbot, world, manager, session, language):
    language("zh_CN")
    p = DevicesPage(world.services, session)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    idle(qtbot, p.imports.runner)
    return p


def password_dialog(qtbot, page) -> DevicePasswordDialog:
    qtbot.waitUntil(lambda: isinstance(page.handler.dialog, DevicePasswordDialog), timeout=TIMEOUT)
    return page.handler.dialog


def test_a_protocol_camera_is_unlocked_prepared_and_imported(qtbot, world, bus, evidence, page, tmp_path):
    camera = FakeCamera()
    bus.dock(CAM, link=camera)
    dialog = password_dialog(qtbot, page)
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    assert dialog.windowTitle() == "设备密码" and dialog.isVisible()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "请输入设备密码。" and dialog.isVisible()  # nothing typed yet
    dialog.password.setText("123456")
    dialog.accept()
    qtbot.waitUntil(lambda: any(c.device.state == "ready" for c in page.cards.values()), timeout=TIMEOUT)
    [card] = page.cards.values()
    assert card.values["officer"].text().startswith("031582 张伟")
    assert card.values["clock"].text() == "慢 1 分 30 秒" and card.values["clock"].styleSheet() == ""
    assert card.title.text().endswith("DSJ-Z1")

    qtbot.mouseClick(card.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: camera.storage_mode, timeout=TIMEOUT)
    assert camera.commands()[-2:] == ["SET_CLOCK", "STORAGE_MODE"]
    volume = write_tree("ga947", tmp_path / "disk", rename={"HK7B00315": "ZFCAM0001"})
    bus.unplug(CAM)
    bus.dock(CAM_DISK, volume)
    qtbot.waitUntil(lambda: any(c.record is not None for c in page.cards.values()), timeout=TIMEOUT)
    [card] = page.cards.values()  # the protocol card gave way to the drive's
    assert card.device.usb == CAM_DISK and card.device.prepared
    record = card.record
    assert record.state is ImportState.DONE and record.device_serial == "ZFCAM0001"
    assert record.clock_offset_s == -90.0
    assert {i.device_serial for i in evidence.case_items("none")} == set()  # nothing is linked yet
    assert len(evidence.triage()) == record.copied


def test_a_cancelled_password_leaves_a_problem_with_retry(qtbot, world, bus, page):
    bus.dock(CAM, link=FakeCamera())
    password_dialog(qtbot, page).reject()
    qtbot.waitUntil(lambda: any(c.device.state == "problem" for c in page.cards.values()), timeout=TIMEOUT)
    [card] = page.cards.values()
    assert card.values["state"].text().startswith("有问题：")
    assert card.retry_button.isVisible() and not card.import_button.isEnabled()
    qtbot.mouseClick(card.retry_button, Qt.MouseButton.LeftButton)
    dialog = password_dialog(qtbot, page)
    dialog.password.setText("123456")
    dialog.accept()
    qtbot.waitUntil(lambda: card.device.state == "ready", timeout=TIMEOUT)
    assert not card.retry_button.isVisible() and card.import_button.isEnabled()


def test_questions_from_another_thread_are_answered_on_the_ui_thread(qtbot, language):
    from PySide6.QtWidgets import QWidget

    language("zh_CN")
    owner = QWidget()
    qtbot.addWidget(owner)
    handler = QtDeviceHandler(owner)
    said: list[str] = []
    handler.said.connect(said.append)
    answers: list[object] = []

    def ask() -> None:
        try:
            answers.append(handler.ask_yes_no("Set the device clock to {time}?", time="10:00"))
            handler.show_message("{path} is not a folder", path="/x")  # said without a dialog
            answers.append(handler.ask_password("Password of {device}", device="ZF"))
        except UserCancelled:
            answers.append("cancelled")
        handler.show_message("said after the page closed: dropped")

    thread = threading.Thread(target=ask, name="usb")
    thread.start()
    qtbot.waitUntil(lambda: isinstance(handler.dialog, QMessageBox), timeout=TIMEOUT)
    box = handler.dialog
    assert box.text() == "Set the device clock to 10:00?"
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: isinstance(handler.dialog, DevicePasswordDialog), timeout=TIMEOUT)
    handler.close()  # the page goes: the waiting thread is released with a cancel
    thread.join(5)
    assert answers == [True, "cancelled"]
    qtbot.waitUntil(lambda: said == ["/x 不是文件夹"], timeout=TIMEOUT)
    with pytest.raises(UserCancelled):
        handler.ask_password("again")


def test_asking_on_the_ui_thread_is_a_bug(qtbot):
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    with pytest.raises(RuntimeError, match="USB thread"):
        QtDeviceHandler(owner).ask_yes_no("Really?")
