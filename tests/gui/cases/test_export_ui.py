"""Exporting the case list: every case matching the filter (not just the pages loaded) is written in
the background with progress; Cancel leaves no file; a failure shows the crash dialog."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from app.domain.cases import CaseKind
from app.services import export as export_service
from app.services.cases import CaseFilter
from app.ui import crash
from app.ui.cases.case_list_model import PAGE_SIZE

pytestmark = pytest.mark.gui


def save_as(monkeypatch, path) -> list:
    asked = []

    def get_save_file_name(parent, caption, suggested, filters, *args):
        asked.append((caption, suggested, filters))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return asked


def numbers_in(path) -> list[str]:
    book = load_workbook(path, read_only=True)
    numbers = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)]
    book.close()
    return numbers


def test_exports_every_matching_case_not_just_the_loaded_page(qtbot, case_list, monkeypatch, tmp_path):
    case_list.filters.kind.setCurrentIndex(case_list.filters.kind.findData(CaseKind.PENALTY_ORDINARY.value))
    total = case_list.model.total()
    assert total > PAGE_SIZE and case_list.model.loaded_pages() == [0]
    target = tmp_path / "out" / "ordinary"  # no suffix given: .xlsx is added
    asked = save_as(monkeypatch, target)
    with qtbot.waitSignal(case_list.exported, timeout=30_000) as done:
        case_list.export_button.click()
    path = tmp_path / "out" / "ordinary.xlsx"
    assert done.args == [str(path), total]
    assert asked[0][0] == "导出案件" and asked[0][1].endswith(".xlsx") and "*.xlsx" in asked[0][2]
    flt = case_list.model.case_filter
    expected = [r.number for r in case_list.spy._inner.list_cases(flt, 0, total)]
    assert numbers_in(path) == expected
    assert case_list.notice.text() == f"已导出 {total} 件案件到 {path}"
    assert case_list.model.loaded_pages() == [0]  # the list itself read nothing more


def test_choosing_no_file_exports_nothing(qtbot, case_list, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    case_list.export_button.click()
    assert not case_list.runner.busy


def test_a_pending_search_is_applied_before_exporting(qtbot, case_list, monkeypatch, tmp_path):
    name = case_list.model.index(0, 1).data().split("、")[0]
    case_list.search.setText(name)  # still within the typing pause
    save_as(monkeypatch, tmp_path / "found.xlsx")
    with qtbot.waitSignal(case_list.exported, timeout=30_000) as done:
        case_list.export_button.click()
    assert case_list.model.case_filter.text == name
    assert done.args[1] == case_list.spy._inner.count(CaseFilter(text=name)) >= 1


def test_cancel_in_the_progress_dialog_leaves_no_file(qtbot, case_list, monkeypatch, tmp_path):
    monkeypatch.setattr(export_service, "EXPORT_PAGE", 50)
    case_list.spy.delay = 0.05
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "cancelled.xlsx"
    save_as(monkeypatch, target)
    exported = []
    case_list.exported.connect(lambda *args: exported.append(args))
    case_list.export_button.click()

    def dialog():
        found = [d for d in case_list.findChildren(QProgressDialog) if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: dialog() is not None and dialog().maximum() > 1, timeout=10_000)
    assert dialog().windowTitle() == "正在导出案件" and "共" in dialog().labelText()
    qtbot.mouseClick(dialog().findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not case_list.runner.busy, timeout=10_000)
    assert exported == [] and not target.exists()
    assert list(folder.iterdir()) == []  # no temporary file either


def test_a_failing_export_opens_the_crash_dialog(qtbot, case_list, monkeypatch, tmp_path, crash_handler):
    crash_handler()
    monkeypatch.setattr(export_service, "EXPORT_PAGE", 50)
    case_list.spy.failure = OSError("the disk is full")
    folder = tmp_path / "exports"
    folder.mkdir()
    save_as(monkeypatch, folder / "broken.xlsx")
    case_list.export_button.click()
    qtbot.waitUntil(lambda: crash.last_crash_dialog() is not None, timeout=10_000)
    assert "the disk is full" in crash.last_crash_dialog().details_text()
    assert list(folder.iterdir()) == []
