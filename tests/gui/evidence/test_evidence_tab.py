"""证据 tab: the case's evidence as thumbnails (a video's first frame through Qt Multimedia, photos
through the service), rapid-test results in a table, play / open, verify the hash, unlink with a
reason, the custody report exported; the required documents stay below."""

from __future__ import annotations

import os
import stat

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.domain.evidence import MediaKind
from app.ui.case_view import CaseView
from app.ui.evidence import player
from app.ui.evidence.player import ImageDialog, PlayerDialog, multimedia_available
from tests.gui.devices.conftest import MEDIA_LOG, TIMEOUT, idle, thumbnails_done

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*MEDIA_LOG)]


@pytest.fixture
def open_tab(qtbot, world, session, case_evidence, language):
    language("zh_CN")
    case, _items = case_evidence

    def make():
        view = CaseView(world.services, session, case.uuid)
        qtbot.addWidget(view, before_close_func=lambda v: thumbnails_done(qtbot, v.evidence.files))
        view.resize(1300, 900)
        view.show()
        view.tabs.setCurrentWidget(view.evidence)
        panel = view.evidence.files
        idle(qtbot, panel.runner)
        return view, panel

    return make


def select(panel, name: str):
    assert panel.select(next(i.uuid for i in panel.items() if i.name == name))
    return panel.selected()


def test_the_tab_shows_thumbnails_results_and_the_required_documents(qtbot, world, case_evidence, open_tab):
    _case, items = case_evidence
    view, panel = open_tab()
    assert view.tabs.tabText(view.tabs.currentIndex()) == "证据"
    count = len(items)  # six files of the camera, five of the kit
    assert panel.model.rowCount() == count == 11
    assert panel.caption.text() == "本案证据文件(&E)（11 件）："
    photo = next(r for r in range(count) if panel.model.item_at(r).name == "DSC_0001.JPG")
    caption = panel.model.index(photo).data()
    assert caption.splitlines()[0] == "DSC_0001.JPG" and caption.splitlines()[1] == "照片 · 2026-03-02 10:20"
    assert "SHA-256: " + items["DSC_0001.JPG"].sha256 in panel.model.index(photo).data(Qt.ItemDataRole.ToolTipRole)
    thumbs = panel.thumbnails
    qtbot.waitUntil(lambda: thumbs.pending == 0 and thumbs.has_thumbnail(items["DSC_0001.JPG"].uuid), timeout=TIMEOUT)
    assert not panel.model.index(photo).data(Qt.ItemDataRole.DecorationRole).isNull()

    results = panel.results
    assert not panel.results_box.isHidden() and results.rowCount() == 7  # three CSV rows, two, and two in XML
    rows = {results.item(r, 1).text(): r for r in range(results.rowCount())}
    failed = rows["豇豆"]
    assert [results.item(failed, c).text() for c in range(5)] == ["有机磷和氨基甲酸酯类农药", "豇豆", "63.8 %", "50 %",
                                                               "不合格"]
    assert results.item(failed, 0).background().color().name() == "#fde2e1"
    assert results.item(rows["小白菜"], 4).text() == "合格"

    assert view.evidence.heading.text() == "所需文书材料"  # the required documents stay, below
    assert view.evidence.table.column_texts(0)[0] == "立案审批表"
    assert view.evidence.note.text() == "本案程序所需的文书和记录，以及需要各项材料的步骤。"


@pytest.mark.skipif(not multimedia_available(), reason="Qt Multimedia (PySide6-Addons) is not installed")
def test_a_video_gets_its_first_frame_as_thumbnail_and_plays(qtbot, world, evidence, case_evidence, open_tab):
    _case, items = case_evidence
    video = items["MOV_0001.MP4"]
    assert video.kind is MediaKind.VIDEO
    _view, panel = open_tab()
    qtbot.waitUntil(lambda: panel.thumbnails.has_thumbnail(video.uuid), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: evidence.cached_thumbnail(video) is not None, timeout=TIMEOUT)
    assert evidence.cached_thumbnail(video).read_bytes().startswith(b"\x89PNG")  # made once, kept in the store

    select(panel, "MOV_0001.MP4")
    assert panel.play_button.text() == "播放(&P)"
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    dialog = panel.opener.dialog
    assert isinstance(dialog, PlayerDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.seek.maximum() > 0, timeout=TIMEOUT)  # the duration is known
    assert dialog.seek.maximum() == pytest.approx(1000, abs=150)
    qtbot.waitUntil(lambda: not dialog.playing(), timeout=TIMEOUT)  # one second, then it stops at the end
    dialog.toggle()
    qtbot.waitUntil(dialog.playing, timeout=TIMEOUT)
    assert dialog.play_button.text() == "暂停(&P)"
    dialog.toggle()
    qtbot.waitUntil(lambda: not dialog.playing(), timeout=TIMEOUT)
    dialog.close()


def test_without_qt_multimedia_a_video_opens_outside_read_only(qtbot, world, case_evidence, open_tab, monkeypatch):
    _case, items = case_evidence
    _view, panel = open_tab()
    monkeypatch.setattr(player, "multimedia_available", lambda: False)
    opened = []
    monkeypatch.setattr(player, "open_external", lambda path: opened.append(path) or True)
    select(panel, "MOV_0001.MP4")
    panel.play()
    idle(qtbot, panel.runner)
    [copy] = opened
    assert copy.name == "MOV_0001.MP4" and copy.read_bytes() == panel.evidence.file_path(items["MOV_0001.MP4"]).read_bytes()
    assert not os.stat(copy).st_mode & stat.S_IWUSR  # no editor writes back to the evidence


def test_a_photo_opens_in_the_viewer_and_a_result_file_outside(qtbot, world, case_evidence, open_tab, monkeypatch):
    _view, panel = open_tab()
    opened = []
    monkeypatch.setattr(player, "open_external", lambda path: opened.append(path) or True)
    select(panel, "DSC_0001.JPG")
    assert panel.play_button.text() == "打开(&O)"
    index = panel.grid.currentIndex()
    panel.grid.scrollTo(index)
    rect = panel.grid.visualRect(index)
    qtbot.mouseClick(panel.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    idle(qtbot, panel.runner)
    assert isinstance(panel.opener.dialog, ImageDialog) and not panel.opener.dialog.picture.pixmap().isNull()
    panel.opener.dialog.close()
    select(panel, "20260302_农残.csv")
    panel.play()
    idle(qtbot, panel.runner)
    assert [p.name for p in opened] == ["20260302_农残.csv"]


def test_verify_says_intact_then_finds_an_altered_file(qtbot, world, evidence, case_evidence, open_tab, boxes):
    _view, panel = open_tab()
    item = select(panel, "DSC_0002.JPG")
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.runner)
    assert panel.note.text() == "DSC_0002.JPG 完好：其 SHA-256 与导入时记录的值一致。" and boxes == []
    stored = evidence.file_path(item)
    os.chmod(stored, 0o644)
    stored.write_bytes(stored.read_bytes() + b"!")
    panel.verify()
    idle(qtbot, panel.runner)
    assert boxes[0][0] == "warning" and "不一致" in boxes[0][2] and panel.note.text() == boxes[0][2]
    checks = [e.details["ok"] for e in evidence.custody(item.uuid) if e.action == "evidence.verify"]
    assert checks == [True, False]  # each check is in the chain of custody


def test_unlink_needs_a_reason_and_is_recorded(qtbot, world, evidence, case_evidence, open_tab):
    case, items = case_evidence
    _view, panel = open_tab()
    item = select(panel, "DSC_0001.JPG")
    qtbot.mouseClick(panel.unlink_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.isVisible() and not ok.isEnabled() and case.number in dialog.question.text()
    dialog.reason.setPlainText("与本案无关，系另一检查现场照片")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.runner)
    assert item.uuid not in {i.uuid for i in panel.items()} and panel.model.rowCount() == len(items) - 1
    assert panel.note.text() == "已取消 DSC_0001.JPG 与本案的关联。"
    [entry] = [e for e in evidence.custody(item.uuid) if e.action == "evidence.unlink"]
    assert entry.details["reason"] == "与本案无关，系另一检查现场照片"
    assert item.uuid in {t.item.uuid for t in evidence.triage()}  # back in the queue


def test_the_custody_report_is_exported_as_xlsx(qtbot, world, evidence, case_evidence, open_tab, tmp_path,
                                                monkeypatch):
    case, items = case_evidence
    _view, panel = open_tab()
    asked = []

    def save_as(parent, caption, suggested, filters, *args):
        asked.append((caption, suggested, filters))
        return str(tmp_path / "out" / "保管链"), "Excel 工作簿 (*.xlsx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    (tmp_path / "out").mkdir()
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.runner, timeout=60_000)
    target = tmp_path / "out" / "保管链.xlsx"
    assert asked[0][0] == "导出证据保管链报告" and asked[0][1].endswith(".pdf") and "*.xlsx" in asked[0][2]
    assert panel.note.text() == f"证据保管链报告已保存到 {target}"
    book = load_workbook(target, read_only=True)
    assert "证据清单" in book.sheetnames and "快检结果" in book.sheetnames
    book.close()
    exports = [e for e in evidence.custody(case.uuid) if e.action == "evidence.export"]
    assert len(exports) == len(items) and exports[0].details["file"] == "保管链.xlsx"


def test_a_case_without_evidence_says_how_to_get_some(qtbot, world, rng, session, language):
    from tests.gui.case_view.helpers import opened

    language("zh_CN")
    view = CaseView(world.services, session, opened(world, rng).uuid)
    qtbot.addWidget(view)
    panel = view.evidence.files
    idle(qtbot, panel.runner)
    assert panel.model.rowCount() == 0 and panel.results_box.isHidden()
    assert "尚未关联" in panel.caption.text() and not panel.play_button.isEnabled()
    assert panel.export_button.isEnabled()
    assert view.evidence.note.text().startswith("本案尚未登记证据")


def test_the_save_dialog_decides_pdf_or_xlsx(qtbot, world, case_evidence, open_tab, tmp_path, monkeypatch):
    case, _items = case_evidence
    _view, panel = open_tab()
    for name, chosen, expected in (("报告", "PDF 文档 (*.pdf)", "报告.pdf"), ("报告", "Excel 工作簿 (*.xlsx)", "报告.xlsx"),
                                   ("报告.XLSX", "PDF 文档 (*.pdf)", "报告.XLSX")):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, n=name, c=chosen: (str(tmp_path / n), c))
        assert panel.exporter.ask_path(case) == tmp_path / expected
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert panel.exporter.export(case) is None and not panel.runner.busy  # nothing chosen: nothing written
