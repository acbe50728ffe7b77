"""The case view over the real services: the actions offered are exactly those the workflow allows
the signed-in user now, refusals carry their reasons, steps are performed through the dialog, and
a case changed behind the view's back is reloaded rather than overwritten."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.cases import Stage
from app.domain.parties import PartyRole
from app.ui.case_view import ActionDialog, CaseView, PauseDialog
from app.ui.case_view.history_tab import HistoryTab
from tests.fakes.leads import lead, person
from tests.gui.case_view.helpers import (
    button_names,
    days,
    deliberating,
    in_decision_review,
    notified,
    opened,
    signed_in,
    step,
)
from tests.gui.windows import activate

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning calls, recorded instead of shown (a modal box would block the test)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append((title, text)))
    return shown


@pytest.fixture
def open_view(qtbot, world, language):
    language("zh_CN")

    def make(actor, case) -> CaseView:
        view = CaseView(world.services, signed_in(world, actor), case.uuid)
        qtbot.addWidget(view)
        view.resize(1200, 800)
        view.show()
        return view

    return make


def expected_buttons(world, actor, case) -> set[tuple[str, str]]:
    return {("transition", o.transition.action) for o in world.services.cases.available_actions(actor, case.uuid)}


def perform(qtbot, view, name, kind=None, comment="", **fields):
    """Click the action, fill the dialog and press OK; returns the dialog (still open if refused)."""
    button = view.actions.button(name, kind)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, ActionDialog | PauseDialog) and dialog.isVisible()
    dialog.comment.setPlainText(comment)
    for name_, value in fields.items():
        widget = dialog.fields[name_]
        if hasattr(widget, "setText"):
            widget.setText(value)
        else:
            widget.setCurrentIndex(widget.findData(value))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def test_officer_and_section_head_walk_a_case_through_the_view(qtbot, world, rng, open_view):
    cases = world.services.cases
    case = opened(world, rng)
    officer = open_view(world.officer, case)
    assert button_names(officer) == expected_buttons(world, world.officer, case) == {("transition", "submit_filing")}
    button = officer.actions.button("submit_filing")
    assert button.text() == "提请立案审批(&1)" and button.isEnabled()
    assert officer.header.stage.text() == "环节：案件来源登记"
    assert officer.header.deadline.toolTip().startswith("计算方法：自发现案件线索")

    with qtbot.waitSignal(officer.changed) as changed:
        dialog = perform(qtbot, officer, "submit_filing")
    assert changed.args == [case.uuid] and not dialog.isVisible()
    case = cases.get(case.uuid)
    assert case.stage is Stage.FILING_REVIEW and officer.case.version == case.version
    assert button_names(officer) == set()  # the officer waits: nothing to do until the head decides

    head = open_view(world.section_head, case)
    assert button_names(head) == expected_buttons(world, world.section_head, case) | {("pause", "suspend"),
                                                                                     ("pause", "extend")}
    assert {"approve_filing", "return_filing"} <= {n for _, n in button_names(head)}
    returned = perform(qtbot, head, "return_filing")  # a return needs a comment: the dialog says so and stays
    assert returned.isVisible() and returned.error.text() == "意见：此操作须填写意见（理由）"
    assert cases.get(case.uuid).stage is Stage.FILING_REVIEW
    returned.reject()
    perform(qtbot, head, "approve_filing", comment="同意立案")
    case = cases.get(case.uuid)
    assert case.stage is Stage.INVESTIGATING and "罚" in case.number and head.header.number.text() == case.number

    officer.reload()
    perform(qtbot, officer, "end_investigation")
    head.reload()
    assert ("slot", "case_review") in button_names(head)
    review = perform(qtbot, head, "case_review", kind="slot")
    assert not review.isVisible()
    officer.reload()
    assert officer.actions.button("send_prior_notice").isEnabled()

    history = head.history_tab.table
    head.reload()
    actions = history.column_texts(3)
    assert actions == ["案件审核：同意", "调查终结", "批准立案", "提请立案审批", "案件来源登记"]  # newest first
    assert history.column_texts(1)[2] == "陈科长" and history.column_texts(2)[2] == "承办机构负责人"
    assert history.column_texts(4)[2] == "立案审批 → 调查取证" and history.column_texts(5)[2] == "同意立案"
    assert [head.approvals_tab.table.column_texts(c)[0] for c in range(3)] == ["立案审批", "同意", "陈科长"]
    documents = head.documents.table  # nothing generated yet: what the stage can make, pending
    assert {"案件调查终结报告", "法制审核表", "行政处罚告知书", "集体讨论记录"} <= set(documents.column_texts(0))
    assert set(documents.column_texts(4)) == {"待制作"} and set(documents.column_texts(1)) == {"调查终结"}
    steps = [(s.stage, s.state) for s in head.timeline.steps]
    assert steps[:4] == [(Stage.REGISTERED, "passed"), (Stage.FILING_REVIEW, "passed"),
                         (Stage.INVESTIGATING, "passed"), (Stage.INVESTIGATION_ENDED, "current")]
    assert "[调查终结 2026-03-02]" in head.timeline.text() and head.timeline.text().endswith("→ 下一环节：调查取证 / 事先告知")


def test_a_refused_action_is_disabled_and_says_why(qtbot, world, rng, open_view):
    zhao = world.officers[2]  # 赵强's 执法证 expired at the end of 2025
    case = world.services.cases.open_case_from_lead(
        world.officer, lead(world, rng, officer_uuids=(world.officers[0].uuid, zhao.uuid)))
    view = open_view(world.officer, case)
    assert button_names(view) == expected_buttons(world, world.officer, case)
    button = view.actions.button("submit_filing")
    assert not button.isEnabled()
    assert "赵强" in button.toolTip() and "执法证" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert view.dialog is None  # a refused action cannot be started
    why = view.actions.why_not
    assert why.isEnabled() and why.text() == "为什么不可用(&W)？"
    activate(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # its mnemonic opens the panel
    qtbot.waitUntil(view.actions.reasons.isVisible)
    assert view.actions.reasons.hasFocus()
    text = view.actions.refusals_text()
    assert "提请立案审批" in text and "赵强" in text


def test_a_change_behind_the_views_back_is_reported_and_reloaded(qtbot, world, rng, open_view, warnings):
    case = opened(world, rng)
    view = open_view(world.officer, case)
    step(world, world.second, case, "submit_filing")  # 王芳 submits it meanwhile
    perform(qtbot, view, "submit_filing")
    assert len(warnings) == 1 and warnings[0][0] == "案件已被他人修改" and case.number in warnings[0][1]
    assert view.case.stage is Stage.FILING_REVIEW and button_names(view) == set()
    assert world.services.cases.history(case.uuid)[-1].actor_name == "王芳"


def test_f5_reloads_the_view(qtbot, world, rng, open_view):
    case = opened(world, rng)
    view = open_view(world.officer, case)
    step(world, world.officer, case, "submit_filing")
    activate(qtbot, view)
    view.tabs.setFocus()
    qtbot.keyClick(view.tabs, Qt.Key.Key_F5)
    assert view.case.stage is Stage.FILING_REVIEW


def test_a_refusal_found_only_on_acting_lists_every_reason(qtbot, world, rng, open_view, warnings):
    case = notified(world, rng)
    view = open_view(world.officer, case)
    perform(qtbot, view, "request_hearing")
    case = world.services.cases.get(case.uuid)
    days(world, 9)
    view.reload()
    dialog = perform(qtbot, view, "finish_hearing")  # no host chosen: the dialog asks for one
    assert dialog.isVisible() and dialog.error.text() == "听证主持人：此项为必填项"
    hosts = [dialog.params["host_uuid"].itemText(i) for i in range(dialog.params["host_uuid"].count())]
    assert hosts == ["", "赵强（440704200002，执法证无效）"]  # the case's investigators are not offered
    dialog.reject()
    view.case = world.services.cases.get(case.uuid)  # as displayed; now suspend it behind the view's back
    world.services.cases.suspend(world.section_head, case.uuid, "suspension", expected_version=view.case.version,
                                 reason="当事人下落不明")
    view.case = world.services.cases.get(case.uuid)
    perform(qtbot, view, "finish_hearing", host_uuid=world.officers[2].uuid)
    assert warnings and warnings[-1][0] == "不能执行"
    assert warnings[-1][1].startswith("现在不能执行「听证结束」：\n• ") and "中止" in warnings[-1][1]
    assert not view.actions.button("finish_hearing").isEnabled()  # reloaded: refused, with the reason


def test_the_fine_is_typed_in_yuan(qtbot, world, rng, open_view):
    case = deliberating(world, rng)
    view = open_view(world.officer, case)
    dialog = perform(qtbot, view, "submit_decision", fine_fen="三千元")
    assert dialog.isVisible() and "不是以元为单位的金额" in dialog.error.text()
    assert dialog.params["fine_fen"].hasFocus() or not view.isActiveWindow()
    dialog.params["fine_fen"].setText("3000.5")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    case = world.services.cases.get(case.uuid)
    assert case.stage is Stage.DECISION_REVIEW and case.fine_fen == 3_000_50
    assert view.facts.values["fine"].text() == "¥3,000.50"


def test_heads_suspend_and_resume_with_a_reason(qtbot, world, rng, open_view):
    case = opened(world, rng)
    head = open_view(world.section_head, case)
    dialog = perform(qtbot, head, "suspend", kind="pause")
    assert dialog.isVisible() and dialog.error.text() == "理由：此操作须填写意见（理由）"
    dialog.comment.setPlainText("当事人下落不明")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    case = world.services.cases.get(case.uuid)
    assert case.suspended and head.header.suspended.text() == "自 2026-03-02 起中止计算期限"
    assert ("pause", "resume") in button_names(head) and ("pause", "suspend") not in button_names(head)
    assert not head.actions.button("decline_filing").isEnabled()  # suspended: refused, with the reason
    perform(qtbot, head, "resume", kind="pause", comment="已联系到当事人")
    assert not world.services.cases.get(case.uuid).suspended
    assert head.history_tab.table.column_texts(3)[:2] == ["恢复计算期限", "中止计算期限（中止）"]
    officer = open_view(world.officer, world.services.cases.get(case.uuid))
    assert not {k for k, _ in button_names(officer)} & {"pause"}  # officers cannot suspend


def test_parties_are_shown_with_masked_id_numbers(qtbot, world, rng, open_view):
    case = opened(world, rng)
    party = case.parties[0]
    agent = replace(person(rng, "黄律师"), role=PartyRole.AGENT, represents=party.uuid)
    case = world.services.cases.update_parties(world.officer, case.uuid, [party, agent],
                                               expected_version=case.version)
    view = open_view(world.officer, case)
    table = view.parties.table
    assert table.column_texts(2) == [party.name, "黄律师"] and party.role is PartyRole.PARTY
    assert table.column_texts(0) == ["当事人", f"委托代理人（代理 {party.name}）"]
    masked = table.column_texts(3)[0]
    assert masked.endswith(party.id_number[-4:]) and masked.startswith("*" * 14) and party.id_number not in masked
    assert table.column_texts(1) == ["自然人", "自然人"]
    assert view.tabs.tabText(0) == "当事人" and view.tabs.tabText(5) == "历史"
    assert view.facts.values["cause"].text() == "销售过期食品"
    assert "食品安全法" in view.facts.legal_basis.toPlainText()
    assert view.evidence.heading.text() == "所需文书材料"
    assert view.evidence.table.column_texts(0)[0] == "立案审批表"
    assert view.evidence.table.column_texts(2)[0] == "待办理"
    deadlines = view.deadlines.table
    assert deadlines.column_texts(0)[0] == "立案审查期限" and deadlines.column_texts(3)[0] == "计算中"


def test_a_payment_is_prefilled_with_what_is_owed(qtbot, world, rng, open_view):
    case = in_decision_review(world, rng, fine_fen=2_000_00)
    for actor, action in ((world.bureau_head, "approve_decision"), (world.bureau_head, "seal_decision"),
                          (world.officer, "serve")):
        case = step(world, actor, case, action)
    days(world, 20)  # five days past the 15-day payment period: 3 % a day is added
    view = open_view(world.officer, case)
    qtbot.mouseClick(view.actions.button("record_payment"), Qt.MouseButton.LeftButton)
    dialog = view.dialog
    owed, surcharge = world.services.cases.amount_owed(case.uuid)
    assert surcharge > 0 and dialog.params["amount_fen"].text() == f"{owed // 100}.{owed % 100:02d}"
    assert dialog.owed_label.text() == f"尚欠：¥{owed // 100:,}.{owed % 100:02d}（其中加处罚款 ¥{surcharge // 100:,}.00）"
    dialog.params["amount_fen"].setText("100")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert world.services.cases.get(case.uuid).paid_fen == 100_00


def test_the_view_follows_a_switch_to_english(qtbot, world, rng, open_view, language):
    view = open_view(world.officer, opened(world, rng))
    language("en")
    qtbot.waitUntil(lambda: view.tabs.tabText(0) == "Parties")
    qtbot.waitUntil(lambda: view.actions.button("submit_filing").text() == "Submit filing(&1)")
    assert view.history_tab.table.column_texts(3) == ["Case source registered"]
    assert view.header.stage.text() == "Stage: Registered"


def test_a_long_history_is_paged(qtbot, world, rng, open_view):
    case = notified(world, rng)
    view = open_view(world.officer, case)
    tab = HistoryTab(page_size=2)
    qtbot.addWidget(tab)
    tab.show_history(view.history)  # six entries: three pages of two, newest first
    assert tab.pages == 3 and tab.table.column_texts(3) == ["送达行政处罚告知书", "案件审核：同意"]
    assert tab.page_label.text() == "第 1/3 页（共 6 条）" and not tab.previous.isEnabled()
    qtbot.mouseClick(tab.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.next, Qt.MouseButton.LeftButton)
    assert tab.table.column_texts(3) == ["提请立案审批", "案件来源登记"] and not tab.next.isEnabled()
    assert view.history_tab.next.isHidden()  # one page needs no pager
