"""我的待办: an officer's open cases by next deadline with overdue / due-soon colours; heads see their
inbox and the bureau's overdue cases; Enter and double-click open a case."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.officers import Role
from app.ui.todo import TodoPage
from tests.fakes.leads import lead
from tests.gui.case_view.helpers import days, in_filing_review, investigated, opened, signed_in, step

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]


@pytest.fixture
def open_page(qtbot, world, language):
    language("zh_CN")

    def make(actor) -> TodoPage:
        page = TodoPage(world.services, signed_in(world, actor))
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        qtbot.waitUntil(lambda: not page.runner.busy)
        return page

    return make


def test_an_officer_sees_open_cases_by_deadline_with_colours(qtbot, world, rng, open_page):
    late = opened(world, rng, days_ago=0)  # the 15-working-day filing decision: due 03-23
    days(world, 11)
    soon = opened(world, rng, days_ago=0)  # due 04-03
    days(world, 18)  # today 03-31: the first is overdue, the second due within three working days
    calm = opened(world, rng, days_ago=0)
    world.services.cases.open_case_from_lead(world.second, lead(
        world, rng, officer_uuids=(world.officers[1].uuid, world.officers[2].uuid)))  # 王芳's, not 李明's
    page = open_page(world.officer)
    model = page.case_model
    assert [r.uuid for r in model.rows] == [late.uuid, soon.uuid, calm.uuid]
    assert [r.deadline_status for r in model.rows] == ["overdue", "due_soon", "running"]
    assert page.inbox_table.isHidden() and not page.case_table.isHidden()
    assert page.cases_caption.text() == "我承办的未结案件，按下一期限排列(&M)（3 件）："
    assert model.index(0, 3).data() == "案件来源登记"
    assert model.index(0, 5).data().endswith("立案审查期限")
    red = model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    amber = model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole).color()
    assert red.name() == "#fde2e1" and amber.name() == "#fff0c2"
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole).startswith("自发现案件线索")
    page.case_table.setFocus()
    page.case_table.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(page.open_case) as opened_case:
        qtbot.keyClick(page.case_table, Qt.Key.Key_Enter)
    assert opened_case.args == [soon.uuid]


def test_a_head_sees_the_inbox_and_the_overdue_cases(qtbot, world, rng, open_page):
    overdue = opened(world, rng)
    days(world, 40)
    waiting = in_filing_review(world, rng, days_ago=0)
    page = open_page(world.section_head)
    assert [i.case_uuid for i in page.inbox_model.items] == [waiting.uuid]
    assert [r.uuid for r in page.case_model.rows] == [overdue.uuid]
    assert page.inbox_caption.text() == "待您审批(&W)（1 件）："
    assert page.cases_caption.text() == "本机关超期案件(&O)（1 件）："
    page.inbox_table.setFocus()
    with qtbot.waitSignal(page.open_case) as opened_case:
        qtbot.keyClick(page.inbox_table, Qt.Key.Key_Return)
    assert opened_case.args == [waiting.uuid]
    rect = page.case_table.visualRect(page.case_model.index(0, 1))
    with qtbot.waitSignal(page.open_case) as opened_case:
        qtbot.mouseClick(page.case_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(page.case_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened_case.args == [overdue.uuid]


def test_the_legal_reviewer_sees_only_the_inbox_and_f5_reads_again(qtbot, world, rng, open_page):
    page = open_page(world.legal_reviewer)
    assert page.session.role is Role.LEGAL_REVIEWER
    assert not page.inbox_table.isHidden() and page.case_table.isHidden()
    assert page.inbox_model.rowCount() == 0
    step(world, world.officer, investigated(world, rng), "submit_legal_review")
    page.inbox_table.setFocus()
    qtbot.keyClick(page.inbox_table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.inbox_model.rowCount() == 1)
    assert page.inbox_model.index(0, 3).data() == "法制审核"
