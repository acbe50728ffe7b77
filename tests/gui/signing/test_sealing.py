"""Sealing from the 文书 tab (a wrong PIN asks again; a user not allowed sees Seal disabled), the signature
badges of the 审批 tab (verified, broken with what no longer matches, not signed; "Sign my approvals…"),
and the verify dialog (valid for a sealed PDF, tampered after one flipped byte, no signature, unreadable)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.case_view import CaseView
from app.ui.signing.verify_dialog import VerifyDialog
from tests.fakes.signing import PIN, Pins
from tests.fakes.walks import in_filing_review, step
from tests.gui.case_view.helpers import signed_in
from tests.gui.signing.conftest import ADMIN, approved_decision, idle

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def open_view(qtbot, world, language):
    language("zh_CN")

    def make(actor, case, tab: str = "documents"):
        view = CaseView(world.services, signed_in(world, actor), case.uuid)
        qtbot.addWidget(view)
        view.resize(1200, 800)
        view.show()
        view.tabs.setCurrentWidget(view.documents if tab == "documents" else view.approvals_tab)
        idle(qtbot, view.documents.runner)
        idle(qtbot, view.approvals_tab.badges.runner)
        return view

    return make


def test_a_decision_is_sealed_from_the_documents_tab_after_a_wrong_pin(qtbot, world, rng, sealing, open_view, pins,
                                                                       boxes, opened_files):
    case, record = approved_decision(world, rng)
    tab = open_view(world.bureau_head, case).documents
    assert tab.select("XZCFJDS")
    assert tab.sealing.seal_button.isEnabled() and not tab.sealing.open_sealed_button.isEnabled()
    pins.answers = ["wrong-pin-1", PIN]
    qtbot.mouseClick(tab.sealing.seal_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab.runner)
    qtbot.waitUntil(lambda: world.services.seals.usage(document_uuid=record.uuid) != [], timeout=60_000)
    idle(qtbot, tab.runner)
    assert [b[0] for b in boxes] == ["question"]  # "seal it?" answered Yes; no warning
    assert len(pins.shown) == 2 and pins.shown[1]["error"] == "PIN 码错误"
    assert "PIN" in pins.shown[0]["prompt"]
    [usage] = world.services.seals.usage(document_uuid=record.uuid)
    path = world.services.seals.sealed_path(usage)
    assert "已用印" in tab.note.text() and str(path) in tab.note.text()
    tab.select("XZCFJDS", record.uuid)
    assert world.services.documents.get(record.uuid).state == "frozen"
    assert not tab.sealing.seal_button.isEnabled() and not tab.generate_button.isEnabled()
    assert tab.sealing.open_sealed_button.isEnabled()
    tab.sealing.open_sealed()
    assert opened_files == [path]


def test_a_user_not_allowed_sees_seal_disabled(qtbot, world, rng, sealing, open_view):
    case, _record = approved_decision(world, rng)
    tab = open_view(world.officer, case).documents
    assert tab.select("XZCFJDS")
    assert not tab.sealing.seal_button.isEnabled()
    assert "无权使用" in tab.sealing.seal_button.toolTip()


def test_the_approvals_tab_shows_verified_broken_and_unsigned(qtbot, world, rng, sealing, open_view, pins, boxes):
    s = world.services
    cert = s.pki.issue(ADMIN, kind="person", subject=world.section_head.name, user_id=world.section_head.user_id,
                       handler=Pins(), pin=PIN)
    case = step(world, world.section_head, in_filing_review(world, rng), "approve_filing", comment="同意立案")
    view = open_view(world.section_head, case, "approvals")
    tab = view.approvals_tab
    column = tab.table.columnCount() - 1
    assert tab.table.horizontalHeaderItem(column).text() == "签名"
    assert tab.table.item(0, column).text() == "未签名"
    assert tab.sign_button.isVisible() and tab.sign_button.isEnabled()

    pins.answers = [PIN]
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab.badges.runner)
    qtbot.waitUntil(lambda: tab.table.item(0, column).text().startswith("✔ 签名已核验"))
    assert not tab.sign_button.isVisible() and boxes == []

    s.pki.revoke(ADMIN, cert.uuid, "离职")
    view.reload()
    idle(qtbot, tab.badges.runner)
    cell = tab.table.item(0, column)
    assert cell.text().startswith("✖ 签名不符") and "吊销" in cell.text() and "离职" in cell.toolTip()

    other = step(world, world.section_head, in_filing_review(world, rng), "approve_filing")
    head_view = open_view(world.bureau_head, other, "approvals")
    assert head_view.approvals_tab.table.item(0, column).text() == "未签名"
    assert not head_view.approvals_tab.sign_button.isVisible()  # not the bureau head's approval


def test_signing_without_a_certificate_says_so(qtbot, world, rng, sealing, open_view, pins, boxes):
    case = step(world, world.section_head, in_filing_review(world, rng), "approve_filing")
    tab = open_view(world.section_head, case, "approvals").approvals_tab
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    idle(qtbot, tab.badges.runner)
    assert pins.shown == [] and boxes and boxes[0][0] == "warning" and "证书" in boxes[0][2]


def test_the_verify_dialog_says_valid_then_tampered(qtbot, world, rng, sealing, language, tmp_path):
    language("zh_CN")
    s = world.services
    _case, record = approved_decision(world, rng)
    sealed = s.seals.seal_document(world.bureau_head, record.uuid, sealing.uuid, Pins())
    dialog = VerifyDialog(s)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load(sealed.path)
    idle(qtbot, dialog.runner)
    assert [label.text() for label in dialog.verdict_labels] == ["有效：签章完整且可信"]
    assert "#2e7d32" in dialog.verdict_labels[0].styleSheet()
    detail = dialog.detail_labels[0].text()
    assert "行政执法专用章" in detail and "序列号" in detail and "自签章后未被改动" in detail

    data = bytearray(sealed.path.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(data))
    dialog.load(tampered)
    idle(qtbot, dialog.runner)
    assert [label.text() for label in dialog.verdict_labels] == ["已被篡改：此文件不是签章时的文件"]
    assert "#c62828" in dialog.verdict_labels[0].styleSheet()

    dialog.load(s.documents.pdf(record.uuid))  # the unsealed PDF
    idle(qtbot, dialog.runner)
    assert dialog.verdict_labels == [] and "未找到签章" in dialog.status.text()

    junk = tmp_path / "notes.txt"
    junk.write_text("not signed")
    dialog.load(junk)
    idle(qtbot, dialog.runner)
    assert dialog.verdict_labels == [] and dialog.status.text().startswith("无法核验此文件")


def test_the_seal_usage_log_lists_who_sealed_what(qtbot, world, rng, sealing, language):
    from app.ui.signing.usage_section import SealUsageSection

    language("zh_CN")
    case, record = approved_decision(world, rng)
    world.services.seals.seal_document(world.bureau_head, record.uuid, sealing.uuid, Pins())
    section = SealUsageSection(world.services)
    qtbot.addWidget(section)
    section.show()
    idle(qtbot, section.runner)
    assert section.title() == "用印登记"
    [row] = [[section.table.item(0, c).text() for c in range(8)]]
    assert row[1] == sealing.name and row[2] == world.bureau_head.name
    assert row[3] == "行政处罚决定书" and row[4] == record.number and row[5] == case.number
    assert section.table.item(0, 7).toolTip() == world.services.seals.usage()[0].sealed_sha256
