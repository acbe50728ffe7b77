"""The 文书 tab of the case view over the real services: documents generated from the tab (numbered
where their type is), missing fields listed, edits made in Word recorded as new versions, frozen
documents locked, versions, preview and printing (with LibreOffice), and the 卷宗 export."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from app.domain.parties import Party, PartyKind
from app.services.demo_people import resident_id
from app.ui.case_view import CaseView
from app.ui.documents.dossier_dialog import DossierDialog
from app.ui.documents.preview_dialog import PreviewDialog
from app.ui.documents.versions_dialog import VersionsDialog
from tests.gui.case_view.helpers import investigated, opened, signed_in, step
from tests.gui.windows import activate

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]

COLUMNS = ["文书", "环节", "文号", "版本", "状态", "最后修改"]
TASK_TIMEOUT = 60_000  # LibreOffice takes a few seconds a run


@pytest.fixture
def open_tab(qtbot, world, language):
    language("zh_CN")

    def make(actor, case):
        view = CaseView(world.services, signed_in(world, actor), case.uuid)
        qtbot.addWidget(view)
        view.resize(1200, 800)
        view.show()
        view.tabs.setCurrentWidget(view.documents)
        tab = view.documents
        qtbot.waitUntil(lambda: not tab.runner.busy)  # the check for edits made in Word
        return view, tab

    return make


def idle(qtbot, tab, timeout: int = TASK_TIMEOUT) -> None:
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=timeout)


def choose(qtbot, tab, code: str) -> None:
    assert tab.select(code), code
    assert tab.selected_item().code == code


def generate(qtbot, tab, code: str) -> None:
    choose(qtbot, tab, code)
    assert tab.generate_button.isEnabled(), tab.why.text()
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab)


def record_of(world, case, code: str):
    return next(r for r in world.services.documents.records(case.uuid) if r.code == code)


def test_a_pending_document_is_generated_with_its_number(qtbot, world, rng, open_tab, boxes):
    case = opened(world, rng)
    _view, tab = open_tab(world.officer, case)
    assert [tab.table.horizontalHeaderItem(c).text() for c in range(6)] == COLUMNS
    names = tab.table.column_texts(0)
    assert "立案审批表" in names and "责令改正通知书" in names and "卷宗封面" not in names
    assert tab.row_of("ZLGZTZS")[1:] == ["案件来源登记", "（生成时编号）", "", "待制作", ""]
    assert not tab.versions_button.isEnabled() and not tab.export_button.isEnabled()

    generate(qtbot, tab, "ZLGZTZS")  # 责令改正通知书: numbered, no approval needed
    assert boxes == []
    number = record_of(world, case, "ZLGZTZS").number
    assert number == "江海市监责改〔2026〕1号"
    row = tab.row_of("ZLGZTZS")
    assert row[2:5] == [number, "1", "已生成"] and row[5].startswith("2026-03-02")
    assert tab.selected_item().code == "ZLGZTZS"
    assert "已生成第 1 版" in tab.note.text() and number in tab.note.text()
    assert tab.generate_button.text() == "重新生成(&G)" and tab.versions_button.isEnabled()
    assert tab.export_button.isEnabled() and tab.open_button.isEnabled()

    generate(qtbot, tab, "AJLYDJB")  # 案件来源登记表: no 文号
    assert tab.row_of("AJLYDJB")[2:5] == ["", "1", "已生成"]
    generate(qtbot, tab, "AJLYDJB")  # nothing changed: no new version
    assert tab.row_of("AJLYDJB")[3] == "1" and "未形成新版本" in tab.note.text()
    assert "生成文书" in view_history(_view)


def view_history(view) -> list[str]:
    return view.history_tab.table.column_texts(3)


def test_missing_fields_are_listed(qtbot, world, rng, open_tab, boxes):
    nowhere = Party.create(kind=PartyKind.PERSON, name="无址人", id_number=resident_id(rng), phone="13800138000")
    case = investigated(world, rng, party=nowhere)
    _view, tab = open_tab(world.officer, case)
    assert tab.row_of("XZCFGZS")[2] == "（批准后编号）"  # the 告知书 is numbered once the case review approves it
    generate(qtbot, tab, "SDHZ")  # 送达回证 needs the party's address
    assert len(boxes) == 1
    kind, title, text = boxes[0]
    assert kind == "warning" and title == "无法生成送达回证" and "当事人地址" in text
    assert tab.row_of("SDHZ")[4] == "待制作" and world.services.documents.records(case.uuid) == []
    assert tab.note.text() == ""


def test_an_edit_made_in_word_becomes_version_2(qtbot, world, rng, open_tab, boxes, opened_files):
    case = opened(world, rng)
    view, tab = open_tab(world.officer, case)
    generate(qtbot, tab, "AJLYDJB")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab)
    assert len(opened_files) == 1 and Path(opened_files[0]).suffix == ".docx"
    assert "已在 Word/WPS 中打开" in tab.note.text()

    working = Path(opened_files[0])
    document = docx.Document(str(working))
    document.add_paragraph("承办人补充：当事人已当场改正。")
    document.save(str(working))

    view.tabs.setCurrentIndex(0)  # away and back: the tab looks for edits when shown
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.row_of("AJLYDJB")[3] == "2", timeout=TASK_TIMEOUT)
    assert tab.row_of("AJLYDJB")[4] == "已在 Word/WPS 中修改"
    assert tab.banner.isVisible()
    assert tab.banner_text.text() == "在 Word/WPS 中对案件来源登记表所做的修改已记录为第 2 版。"
    versions = world.services.documents.versions(record_of(world, case, "AJLYDJB").uuid)
    assert [(v.version, v.origin) for v in versions] == [(1, "generated"), (2, "edited")]
    qtbot.mouseClick(tab.hide_banner, Qt.MouseButton.LeftButton)
    assert not tab.banner.isVisible()

    choose(qtbot, tab, "AJLYDJB")  # regenerating an edited document asks first
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab)
    assert boxes[-1][0] == "question" and "Word/WPS" in boxes[-1][2]
    assert tab.row_of("AJLYDJB")[3:5] == ["3", "已生成"]

    choose(qtbot, tab, "AJLYDJB")
    qtbot.mouseClick(tab.versions_button, Qt.MouseButton.LeftButton)
    dialog = tab.actions.dialog
    assert isinstance(dialog, VersionsDialog) and dialog.isVisible()
    assert dialog.table.column_texts(0) == ["1", "2", "3"]
    assert dialog.table.column_texts(1) == ["依据案件生成", "已在 Word/WPS 中修改", "依据案件生成"]
    assert dialog.table.item(1, 2).toolTip() == versions[1].sha256
    assert dialog.table.column_texts(2)[1] == versions[1].sha256[:12] + "…"
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    copy = Path(opened_files[-1])
    assert copy.name == "案件来源登记表-v2.docx" and copy.read_bytes() == working.read_bytes()
    assert not copy.stat().st_mode & 0o222  # read-only
    dialog.reject()


def test_a_frozen_document_cannot_be_generated_again(qtbot, world, rng, open_tab, boxes):
    case = opened(world, rng)
    view, tab = open_tab(world.officer, case)
    generate(qtbot, tab, "LASPB")
    case = step(world, world.officer, case, "submit_filing")
    step(world, world.section_head, case, "approve_filing")  # filed: the 立案审批表 is frozen
    view.reload()
    choose(qtbot, tab, "LASPB")
    assert tab.row_of("LASPB")[4] == "已定稿"
    assert not tab.generate_button.isEnabled() and not tab.open_button.isEnabled()
    assert "已定稿" in tab.why.text() and "不能再修改" in tab.generate_button.toolTip()
    assert tab.versions_button.isEnabled()
    tab.actions.generate()  # the keyboard cannot get round a disabled button either
    idle(qtbot, tab)
    assert boxes == [] and len(world.services.documents.versions(record_of(world, case, "LASPB").uuid)) == 1


def test_without_libreoffice_preview_and_print_say_why(qtbot, world, rng, open_tab, monkeypatch):
    monkeypatch.setenv("ZHIFA_SOFFICE", "none")
    case = opened(world, rng)
    _view, tab = open_tab(world.officer, case)
    generate(qtbot, tab, "AJLYDJB")
    assert not tab.preview_button.isEnabled() and not tab.print_button.isEnabled()
    assert "LibreOffice" in tab.preview_button.toolTip() and "LibreOffice" in tab.why.text()


def test_the_case_file_is_exported_through_the_dialog(qtbot, world, rng, open_tab, boxes, tmp_path):
    case = opened(world, rng)
    _view, tab = open_tab(world.officer, case)
    for code in ("AJLYDJB", "LASPB"):
        generate(qtbot, tab, code)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    dialog = tab.actions.dialog
    assert isinstance(dialog, DossierDialog) and dialog.isVisible()
    target = tmp_path / "卷宗"
    dialog.folder.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.export_button.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=TASK_TIMEOUT * 3)
    result = dialog.result
    assert result is not None, dialog.outcome.text()
    assert result.archive.exists() and result.archive.parent == target
    with zipfile.ZipFile(result.archive) as z:
        assert len([n for n in z.namelist() if n.endswith(".docx")]) >= 2
    text = dialog.outcome.text()
    assert f"{case.number} 的卷宗已导出（共 2 份文书）" in text and result.archive.name in text
    if world.services.documents.converter is None:
        assert result.pdf_skipped and "LibreOffice" in text
    else:
        assert result.volumes and all(p.exists() for p in result.volumes)
        assert result.volumes[0].name in text and "LibreOffice" not in text
    assert dialog.open_folder_button.isVisible()


def test_without_libreoffice_the_export_writes_the_zip_and_says_so(qtbot, world, rng, open_tab, monkeypatch,
                                                                   tmp_path):
    monkeypatch.setenv("ZHIFA_SOFFICE", "none")
    case = opened(world, rng)
    _view, tab = open_tab(world.officer, case)
    generate(qtbot, tab, "AJLYDJB")
    dialog = tab.actions.export_dossier()
    assert dialog.warning.isVisible() and "LibreOffice" in dialog.warning.text()
    dialog.folder.setText(str(tmp_path))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=TASK_TIMEOUT)
    assert dialog.result is not None, dialog.outcome.text()
    assert dialog.result.pdf_skipped and dialog.result.archive.exists()
    assert "未安装 PDF 转换程序（LibreOffice）" in dialog.outcome.text() and "只写入了原件压缩包" in dialog.outcome.text()


def needs_libreoffice(world) -> None:
    if world.services.documents.converter is None:
        pytest.skip("LibreOffice is not installed: no PDF to preview or print")


def test_the_preview_shows_the_pages_and_prints_them(qtbot, world, rng, open_tab, boxes, tmp_path, monkeypatch):
    needs_libreoffice(world)
    case = opened(world, rng)
    _view, tab = open_tab(world.officer, case)
    generate(qtbot, tab, "LASPB")
    assert tab.preview_button.isEnabled()
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab)
    dialog = tab.actions.dialog
    assert isinstance(dialog, PreviewDialog) and dialog.isVisible() and boxes == []
    assert dialog.page_labels and not dialog.page_labels[0].pixmap().isNull()
    image = dialog.images[0]
    assert 780 <= image.width() <= 800 and image.height() > image.width()  # A4 at 96 dpi
    assert dialog.caption.text() == f"立案审批表：共 {len(dialog.images)} 页"

    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    monkeypatch.setattr(type(tab.actions._printing()), "ask_printer", lambda self, title: printer)
    with qtbot.waitSignal(tab.actions.printing.printed, timeout=TASK_TIMEOUT) as printed:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.args == [len(dialog.images)]
    assert out.exists() and world.services.documents.pdf_page_count(out) == len(dialog.images)
    assert "已向打印机发送" in tab.note.text()


def test_coming_back_to_the_window_reports_each_edit(qtbot, world, rng, open_tab, boxes, opened_files):
    case = opened(world, rng)
    view, tab = open_tab(world.officer, case)
    for code in ("SDDZQRS", "LASPB"):
        generate(qtbot, tab, code)
        qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
        idle(qtbot, tab)
    source, approval = (Path(p) for p in opened_files)
    source.write_bytes(b"half-saved")  # Word is still writing it
    document = docx.Document(str(approval))
    document.add_paragraph("手写补充意见")
    document.save(str(approval))
    case = step(world, world.officer, world.services.cases.get(case.uuid), "submit_filing")
    step(world, world.section_head, case, "approve_filing")  # filed: the 立案审批表 is frozen meanwhile

    elsewhere = QWidget()  # the user was in Word; the window becomes active again
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    activate(qtbot, elsewhere)
    tab._last_check = 0.0
    activate(qtbot, view)  # coming back to Zhifa checks the files Word/WPS had open
    qtbot.waitUntil(lambda: tab.banner.isVisible(), timeout=TASK_TIMEOUT)
    lines = tab.banner_text.text().split("\n")
    assert lines == ["送达地址确认书在 Word/WPS 中被修改，但暂时无法读取。请在 Word/WPS 中保存并关闭；回到本系统时将记录修改。",
                     "立案审批表在 Word/WPS 中被修改，但该文书已定稿：修改未被记录，文书保持原样。"]
    assert [tab.row_of(c)[3] for c in ("SDDZQRS", "LASPB")] == ["1", "1"]


def test_the_tab_follows_a_switch_to_english(qtbot, world, rng, open_tab, language):
    case = opened(world, rng)
    _view, tab = open_tab(world.officer, case)
    language("en")
    qtbot.waitUntil(lambda: tab.table.horizontalHeaderItem(2).text() == "Number")
    assert tab.row_of("LASPB")[1:5] == ["Registered", "", "", "Pending"]
    assert tab.generate_button.text() == "&Generate" and tab.export_button.text() == "Export &case file…"


def test_what_the_case_does_not_hold_is_asked_for_and_kept_with_the_document(qtbot, world, rng, open_tab, boxes):
    from app.ui.documents.inputs_dialog import DocumentInputsDialog
    from tests.fakes.walks import notified

    case = notified(world, rng)
    _view, tab = open_tab(world.officer, case)
    choose(qtbot, tab, "TZTZS")  # 听证通知书: when, where and who hosts are not in the case file
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    dialog = tab.actions.dialog
    assert isinstance(dialog, DocumentInputsDialog)
    assert set(dialog.editors) == {"hearing.date", "hearing.place", "hearing.host"}
    dialog.editors["hearing.place"][1].setText("江海区市场监督管理局三楼听证室")
    dialog.editors["hearing.host"][1].setText("赵刚")
    dialog._accept()
    idle(qtbot, tab)
    assert boxes == []
    record = record_of(world, case, "TZTZS")
    assert record.inputs["hearing.place"] == "江海区市场监督管理局三楼听证室"
    text = "\n".join(p.text for p in docx.Document(str(world.services.documents.file_path(record.uuid))).paragraphs)
    assert "三楼听证室" in text and "赵刚" in text
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)  # again: what was typed is offered
    assert tab.actions.dialog.editors["hearing.host"][1].text() == "赵刚"
    tab.actions.dialog.reject()


def test_a_record_can_be_made_again_for_another_witness(qtbot, world, rng, open_tab, boxes):
    from tests.fakes.walks import in_filing_review

    case = step(world, world.section_head, in_filing_review(world, rng), "approve_filing")  # investigating
    _view, tab = open_tab(world.officer, case)
    choose(qtbot, tab, "XWBL")
    assert not tab.another_button.isEnabled()  # nothing to repeat before the first one
    generate(qtbot, tab, "XWBL")
    assert tab.another_button.isEnabled()
    qtbot.mouseClick(tab.another_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab)
    records = [r for r in world.services.documents.records(case.uuid) if r.code == "XWBL"]
    assert len(records) == 2 and all(r.current_version == 1 for r in records)
    assert tab.table.column_texts(0).count("询问笔录") == 2
    generate(qtbot, tab, "ZLGZTZS")
    assert not tab.another_button.isEnabled()  # a notice is made once (and regenerated)
