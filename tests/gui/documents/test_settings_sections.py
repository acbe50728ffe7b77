"""Settings → Document templates and Document number register (文号登记簿): shown to administrators
and bureau heads only; a refused template says why and changes nothing; an issued 文号 is listed
and voided with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.config.settings import Settings
from app.ui.documents.register_section import NumberRegisterSection
from app.ui.documents.templates_section import TemplatesSection
from app.ui.settings import SettingsPage
from tests.gui.case_view.helpers import opened, signed_in

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def templates(qtbot, world, language):
    language("zh_CN")
    return show(qtbot, TemplatesSection(world.services, signed_in(world, world.bureau_head)))


def row(section, code: str) -> list[str]:
    r = [t.code for t in section.types].index(code)
    return [section.table.item(r, c).text() for c in range(section.table.columnCount())]


def test_the_sections_are_for_administrators_and_bureau_heads(qtbot, world, tmp_path):
    settings = Settings.load(tmp_path / "settings.json")
    officer = show(qtbot, SettingsPage(settings, world.services, signed_in(world, world.officer)))
    assert officer.templates_section is None and officer.register_section is None
    head = show(qtbot, SettingsPage(settings, world.services, signed_in(world, world.bureau_head)))
    assert head.templates_section.isVisible() and head.register_section.isVisible()
    qtbot.waitUntil(lambda: not head.register_section.runner.busy)


def test_the_templates_list_every_document_type(templates, world):
    catalogue = world.services.documents.catalogue
    assert [t.code for t in templates.types] == [t.code for t in catalogue.types]
    assert [templates.table.horizontalHeaderItem(c).text() for c in range(5)] == [
        "代码", "文书", "卷别", "文号类别", "模板"]
    assert row(templates, "XZCFJDS") == ["XZCFJDS", "行政处罚决定书", "正卷", "罚", "系统自带"]
    assert templates.title() == "文书模板"


def test_a_broken_template_is_refused_with_the_reason(qtbot, templates, world, boxes, tmp_path, monkeypatch):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a Word file")
    templates.select("XZCFJDS")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(broken), ""))
    qtbot.mouseClick(templates.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes), timeout=10_000)
    kind, title, text = boxes[0]
    assert kind == "warning" and title == "模板未被接受" and text and templates.note.text() == text
    assert row(templates, "XZCFJDS")[4] == "系统自带" and not templates.reset_button.isEnabled()


def test_a_template_goes_out_and_back_in_and_is_reset(qtbot, templates, world, boxes, tmp_path):
    templates.select("AJLYDJB")
    path = tmp_path / "AJLYDJB.docx"
    templates.export_to("AJLYDJB", path)
    qtbot.waitUntil(lambda: not templates.runner.busy, timeout=10_000)
    assert path.exists() and str(path) in templates.note.text()
    templates.import_from("AJLYDJB", path)
    qtbot.waitUntil(lambda: not templates.runner.busy, timeout=10_000)
    assert boxes == [] and row(templates, "AJLYDJB")[4] == "本局模板"
    assert templates.reset_button.isEnabled()
    qtbot.mouseClick(templates.reset_button, Qt.MouseButton.LeftButton)
    assert boxes[-1][0] == "question" and row(templates, "AJLYDJB")[4] == "系统自带"
    assert templates.note.text() == "案件来源登记表已恢复使用系统自带模板。"


def test_the_register_lists_an_issued_number_and_voids_it(qtbot, world, rng, language):
    language("zh_CN")
    case = opened(world, rng)
    made = world.services.documents.generate(world.officer, case.uuid, "ZLGZTZS")
    number = made.record.number
    section = NumberRegisterSection(world.services, signed_in(world, world.bureau_head))
    with qtbot.waitSignal(section.loaded, timeout=10_000):
        show(qtbot, section)
    assert section.year.value() == 2026
    texts = section.table.column_texts(0)
    assert number in texts
    r = texts.index(number)
    line = [section.table.item(r, c).text() for c in range(section.table.columnCount())]
    assert line[1:4] == ["责改", "已使用", case.number] and line[5] == "李明"
    assert "责改字 第 2–5000 号" in texts  # the rest of the block, not yet issued
    assert not section.void_button.isEnabled()

    section.table.selectRow(r)
    assert section.void_button.isEnabled()
    qtbot.mouseClick(section.void_button, Qt.MouseButton.LeftButton)
    dialog = section.dialog
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()  # the reason is required
    dialog.reason.setPlainText("填写错误，重新制作")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(section.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    r = section.table.column_texts(0).index(number)
    assert section.table.item(r, 2).text() == "已作废" and section.table.item(r, 7).text() == "填写错误，重新制作"
    assert section.note.text() == f"{number} 已作废。" and section.summary.text() == "已使用 0 个，已作废 1 个"
    section.table.selectRow(r)
    assert not section.void_button.isEnabled()  # void once
