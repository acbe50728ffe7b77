"""设置 › 自定义设备 (administrators): declare a device by USB ids and a file-name pattern; mistakes
are shown inline as they are typed, the service's own refusals the same way; edit, try a file name,
delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.config.settings import Settings
from app.domain.evidence import MediaKind
from app.domain.officers import Actor, Role
from app.ui.settings import SettingsPage
from app.ui.settings.devices_section import DevicesSection, parse_hex_id
from tests.gui.case_view.helpers import signed_in
from tests.gui.devices.conftest import MEDIA_LOG, idle

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*MEDIA_LOG)]
ADMIN = Actor("admin", "管理员", Role.ADMIN)


@pytest.fixture
def section(qtbot, world, language):
    language("zh_CN")
    s = DevicesSection(world.services, signed_in(world, ADMIN))
    qtbot.addWidget(s)
    s.resize(900, 500)
    s.show()
    idle(qtbot, s.runner)
    return s


def ok_button(dialog):
    return dialog.buttons.button(dialog.buttons.StandardButton.Ok)


def test_hex_ids():
    assert parse_hex_id("2b7e") == 0x2B7E and parse_hex_id(" 0xA001 ") == 0xA001 and parse_hex_id("") is None
    for bad in ("12345", "xyz", "2b 7e"):
        with pytest.raises(ValueError):
            parse_hex_id(bad)


def test_an_administrator_declares_edits_and_deletes_a_device(qtbot, world, evidence, section, boxes):
    assert section.title() == "自定义设备" and section.table.rowCount() == 0
    dialog = section.add()
    assert not ok_button(dialog).isEnabled() and dialog.error.text() == "请填写设备名称。"
    dialog.name.setText("某型号执法录音笔")
    assert dialog.error.text() == "必须填写厂商标识：四位十六进制数，例如 2b7e。"
    dialog.vendor.setText("34g2")
    assert dialog.error.text() == "厂商标识应为四位十六进制数，例如 2b7e。"
    dialog.vendor.setText("3412")
    dialog.product.setText("0001")
    dialog.pattern.setText("执法录音/{officer}_{date}_{nonsense}.wav")
    assert dialog.error.isVisible() and "nonsense" in dialog.error.text() and not ok_button(dialog).isEnabled()
    dialog.pattern.setText("执法录音/{officer}_{date}_{time}_{seq}.wav")
    assert not dialog.error.isVisible() and ok_button(dialog).isEnabled()
    dialog.sample.setText("执法录音/031582_20260302_101500_001.WAV")
    assert dialog.sample_result.text().startswith("符合规则：") and "officer=031582" in dialog.sample_result.text()
    dialog.sample.setText("说明.txt")
    assert dialog.sample_result.text() == "此文件名不符合规则。"
    dialog.kind.setCurrentIndex(dialog.kind.findData(MediaKind.AUDIO.value))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    idle(qtbot, section.runner)
    [saved] = evidence.definitions()
    assert (saved.name, saved.vendor_id, saved.product_id, saved.kind) == ("某型号执法录音笔", 0x3412, 1, MediaKind.AUDIO)
    assert [section.table.item(0, c).text() for c in range(5)] == [
        "某型号执法录音笔", "3412", "0001", "执法录音/{officer}_{date}_{time}_{seq}.wav", "音频"]
    assert section.selected() == saved

    edit = section.edit()
    assert edit.vendor.text() == "3412" and edit.windowTitle() == "编辑自定义设备"
    edit.product.clear()  # every product of the vendor
    edit.accept()
    idle(qtbot, section.runner)
    assert evidence.definitions()[0].product_id is None and section.table.item(0, 2).text() == ""

    section.table.selectRow(0)
    qtbot.mouseClick(section.delete_button, Qt.MouseButton.LeftButton)
    idle(qtbot, section.runner)
    assert boxes[0][0] == "question" and "某型号执法录音笔" in boxes[0][2]
    assert evidence.definitions() == [] and section.table.rowCount() == 0


def test_the_services_refusal_is_shown_inline(qtbot, section):
    dialog = section.add()
    dialog.name.setText("录" * 101)  # the form only asks for a name; the service allows 100 characters
    dialog.vendor.setText("3412")
    dialog.pattern.setText("{officer}_{seq}.wav")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible() and "100" in dialog.error.text()


def test_only_administrators_see_the_section(qtbot, world, tmp_path):
    settings = Settings.load(tmp_path / "config" / "settings.json")
    for actor, shown in ((ADMIN, True), (world.officer, False)):
        page = SettingsPage(settings, world.services, signed_in(world, actor))
        qtbot.addWidget(page)
        assert (page.devices_section is not None) is shown
        if page.devices_section is not None:
            idle(qtbot, page.devices_section.runner)
