"""The approval inbox over the real services: approving moves the case, a return needs a comment,
several items can be approved at once but never decisions, Enter opens the case."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.cases import Stage
from app.ui.approvals import ApprovalInbox
from tests.gui.case_view.helpers import in_decision_review, in_filing_review, investigated, signed_in

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def warnings(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text)))
    return shown


@pytest.fixture
def open_inbox(qtbot, world, language):
    language("zh_CN")

    def make(actor) -> ApprovalInbox:
        inbox = ApprovalInbox(world.services, signed_in(world, actor))
        qtbot.addWidget(inbox)
        inbox.resize(1200, 700)
        inbox.show()
        qtbot.waitUntil(lambda: not inbox.runner.busy)
        return inbox

    return make


def select(inbox, *rows: int) -> None:
    selection = inbox.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(inbox.model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def row_of(inbox, case) -> int:
    return next(r for r, i in enumerate(inbox.model.items) if i.case_uuid == case.uuid)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_approving_from_the_inbox_moves_the_case(qtbot, world, rng, open_inbox):
    case = in_filing_review(world, rng)
    inbox = open_inbox(world.section_head)
    model = inbox.model
    assert inbox.count.text() == "共 1 件事项待您审批"
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "案号", "当事人", "执法事项", "待审批事项", "提交时间", "下一期限"]
    assert [model.index(0, c).data() for c in range(4)] == [case.number, case.party_names, case.matter_name,
                                                            "批准立案"]
    assert model.index(0, 4).data() == "2026-03-02 10:00"
    assert inbox.selected_items()[0].case_uuid == case.uuid  # the first item is selected on arrival
    draft = inbox.draft
    assert draft.values["documents"].text() == "立案审批表" and draft.values["proposed_fine"].text() == "¥5,000.00"
    assert draft.facts.toPlainText() == case.facts and "食品安全法" in draft.legal_basis.toPlainText()
    assert draft.facts.isReadOnly() and draft.legal_basis.isReadOnly()
    inbox.comment.setPlainText("同意立案")
    with qtbot.waitSignal(inbox.changed) as changed:
        click(qtbot, inbox.approve_button)
    assert changed.args == [case.uuid]
    qtbot.waitUntil(lambda: not inbox.runner.busy)
    after = world.services.cases.get(case.uuid)
    assert after.stage is Stage.INVESTIGATING and after.last_approval("filing").comment == "同意立案"
    assert inbox.model.rowCount() == 0 and inbox.message.text().startswith("已批准：")


def test_a_return_needs_a_comment(qtbot, world, rng, open_inbox):
    case = investigated(world, rng)
    inbox = open_inbox(world.section_head)
    [item] = inbox.model.items
    assert item.name == "case_review" and inbox.return_button.isEnabled()
    click(qtbot, inbox.return_button)
    assert inbox.message.text() == "退回须填写意见，说明理由。"
    assert world.services.cases.get(case.uuid).approvals[-1].slot == "filing"  # nothing recorded
    inbox.comment.setPlainText("证据不足，请补充调查")
    click(qtbot, inbox.return_button)
    qtbot.waitUntil(lambda: not inbox.runner.busy)
    review = world.services.cases.get(case.uuid).last_approval("case_review")
    assert review.decision.value == "returned" and review.comment == "证据不足，请补充调查"


def test_several_items_are_approved_at_once(qtbot, world, rng, open_inbox, warnings):
    cases = [in_filing_review(world, rng) for _ in range(3)]
    inbox = open_inbox(world.section_head)
    select(inbox, 0, 1, 2)
    assert inbox.batch_button.isEnabled() and not inbox.approve_button.isEnabled()
    stale = cases[2]
    world.services.cases.assign_officers(world.section_head, stale.uuid, list(stale.officer_uuids),
                                         expected_version=stale.version)  # changed after the inbox was read
    click(qtbot, inbox.batch_button)
    qtbot.waitUntil(lambda: not inbox.runner.busy)
    stages = [world.services.cases.get(c.uuid).stage for c in cases]
    assert stages == [Stage.INVESTIGATING, Stage.INVESTIGATING, Stage.FILING_REVIEW]
    assert inbox.message.text() == "已批准 2 件，未批准 1 件。"
    assert warnings[0][0] == "部分事项未批准" and stale.number in warnings[0][1] and "已被他人修改" in warnings[0][1]
    assert [i.case_uuid for i in inbox.model.items] == [stale.uuid]  # read again: the stale one still waits


def test_decisions_cannot_be_approved_in_a_batch(qtbot, world, rng, open_inbox):
    decision = in_decision_review(world, rng)
    filing = in_filing_review(world, rng)
    inbox = open_inbox(world.bureau_head)
    both = [row_of(inbox, decision), row_of(inbox, filing)]
    assert inbox.model.item_at(both[0]).is_decision
    select(inbox, *both)
    assert not inbox.batch_button.isEnabled()
    assert inbox.batch_button.toolTip() == "处罚决定须逐件审批：请取消选择 1 件决定"
    select(inbox, both[1])
    assert inbox.batch_button.isEnabled()
    select(inbox, both[0])
    assert not inbox.batch_button.isEnabled() and inbox.approve_button.isEnabled()  # one by one it can be
    assert inbox.draft.values["fine"].text() == "¥3,000.00"
    assert inbox.draft.values["documents"].text() == "行政处罚决定书"
    click(qtbot, inbox.approve_button)
    qtbot.waitUntil(lambda: not inbox.runner.busy)
    assert world.services.cases.get(decision.uuid).stage is Stage.DECIDED


def test_enter_and_double_click_open_the_case(qtbot, world, rng, open_inbox):
    first, second = in_filing_review(world, rng), in_filing_review(world, rng)
    inbox = open_inbox(world.section_head)
    inbox.table.setFocus()
    inbox.table.setCurrentIndex(inbox.model.index(row_of(inbox, second), 0))
    with qtbot.waitSignal(inbox.open_case) as opened:
        qtbot.keyClick(inbox.table, Qt.Key.Key_Return)
    assert opened.args == [second.uuid]
    rect = inbox.table.visualRect(inbox.model.index(row_of(inbox, first), 1))
    with qtbot.waitSignal(inbox.open_case) as opened:  # a real double-click: a click, then the second press
        qtbot.mouseClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(inbox.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [first.uuid]


def test_a_refused_item_shows_why_and_cannot_be_approved(qtbot, world, rng, open_inbox):
    case = in_filing_review(world, rng)
    world.services.cases.assign_officers(world.section_head, case.uuid, [world.officers[0].uuid,
                                                                         world.officers[2].uuid],
                                         expected_version=case.version)
    inbox = open_inbox(world.section_head)
    assert inbox.model.index(0, 3).data() == "批准立案（暂不能批准）"
    assert "赵强" in inbox.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert not inbox.approve_button.isEnabled() and "赵强" in inbox.approve_button.toolTip()
    assert "赵强" in inbox.draft.values["refused"].text()
    assert inbox.return_button.isEnabled()  # it can still be sent back
