"""待关联证据: imported evidence waits for a case with the cases Zhifa proposes (by officer number and
time); the officer confirms a proposal or picks cases by number (several: the same file serves each);
evidence waiting longer than the limit is highlighted and counted on 我的待办."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.devices.triage import FLAGGED, TriagePanel
from app.ui.todo import TodoPage
from drivers import Ga947Camera, GenericCamera
from tests.gui.case_view.helpers import days, opened, signed_in
from tests.gui.devices.conftest import MEDIA_LOG, TIMEOUT, idle, imported, thumbnails_done, write_tree

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(*MEDIA_LOG)]
LI_MING = "440704200000"  # 李明's 执法证 number (tests/conftest.py), as his camera records it


@pytest.fixture
def footage(world, evidence, tmp_path):
    """李明's body-camera footage of this morning, imported and not linked."""
    volume = write_tree("ga947", tmp_path / "card", rename={"031582": LI_MING})
    return imported(evidence, world.officer, volume, Ga947Camera)


@pytest.fixture
def open_panel(qtbot, world, session, language):
    language("zh_CN")

    def make() -> TriagePanel:
        panel = TriagePanel(world.services, session)
        qtbot.addWidget(panel, before_close_func=lambda p: thumbnails_done(qtbot, p))
        panel.resize(1200, 700)
        panel.show()
        panel.refresh()
        idle(qtbot, panel.runner)
        return panel

    return make


def test_a_confirmed_proposal_links_the_selected_evidence(qtbot, world, rng, evidence, footage, open_panel):
    case = opened(world, rng)  # 李明's case, registered today
    panel = open_panel()
    count = footage.copied
    assert panel.table.rowCount() == count
    assert panel.caption.text() == f"待关联证据(&E)：{count} 件"
    assert panel.table.item(0, 3).text() == LI_MING and panel.table.item(0, 6).text() == case.number
    assert panel.table.item(0, 5).text() == "0 天"
    assert panel.proposals.count() == 1 and panel.proposals.item(0).text().startswith(case.number)
    assert "李明" in panel.proposals.item(0).toolTip()  # the reasons name the officer matched
    panel.table.selectAll()
    assert panel.confirm_button.isEnabled()
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.runner)
    assert panel.table.rowCount() == 0 and evidence.triage() == []
    assert len(evidence.case_items(case.uuid)) == count
    assert panel.note.text() == f"已将 {count} 件证据关联到 1 个案件。"
    links = [e for e in evidence.custody(case.uuid) if e.action == "evidence.link"]
    assert len(links) == count and {e.details["how"] for e in links} == {"confirmed"}


def test_picking_two_cases_links_the_same_file_to_each(qtbot, world, rng, evidence, tmp_path, open_panel):
    imported(evidence, world.officer, write_tree("camera", tmp_path / "sd"), GenericCamera)
    first, second = opened(world, rng), opened(world, rng)
    panel = open_panel()
    panel.table.selectRow(0)
    item = panel.selected()[0].item
    assert panel.proposals.count() == 0 and "请按案号选择案件" in panel.proposals_caption.text()
    assert not panel.confirm_button.isEnabled()
    qtbot.mouseClick(panel.pick_button, Qt.MouseButton.LeftButton)
    picker = panel.picker
    assert picker is not None and picker.isVisible()
    idle(qtbot, picker.runner)
    assert not picker.buttons.button(picker.buttons.StandardButton.Ok).isEnabled()
    for case in (second, first):
        picker.search.setText(case.number)
        qtbot.waitUntil(lambda c=case: [r.uuid for r in picker.rows] == [c.uuid], timeout=TIMEOUT)
        assert picker.tick(case.uuid)
    assert picker.chosen() == [second.uuid, first.uuid]
    assert picker.summary.text() == f"将关联到：{second.number}、{first.number}"
    picker.accept()
    idle(qtbot, panel.runner)
    assert [i.uuid for i in evidence.case_items(first.uuid)] == [item.uuid]
    assert [i.uuid for i in evidence.case_items(second.uuid)] == [item.uuid]
    assert set(evidence.item(item.uuid).case_uuids) == {first.uuid, second.uuid}
    assert item.uuid not in {t.item.uuid for t in evidence.triage()}


def test_a_cancelled_pick_links_nothing(qtbot, world, rng, evidence, footage, open_panel):
    opened(world, rng)
    panel = open_panel()
    panel.pick()
    panel.picker.reject()
    assert panel.picker is None and len(evidence.triage()) == footage.copied


def test_evidence_waiting_too_long_is_highlighted_and_counted_on_my_work(qtbot, world, evidence, footage,
                                                                        open_panel):
    days(world, evidence.flag_days + 1)
    panel = open_panel()
    count = footage.copied
    assert panel.table.item(0, 0).background().color() == FLAGGED
    assert panel.caption.text().endswith(f"；其中 {count} 件已等待超过 7 天（高亮显示）")
    assert "超过规定的 7 天" in panel.table.item(0, 1).toolTip()
    panel.flagged_only.setChecked(True)
    idle(qtbot, panel.runner)
    assert panel.table.rowCount() == count

    page = TodoPage(world.services, signed_in(world, world.officer))
    qtbot.addWidget(page)
    page.show()
    idle(qtbot, page.runner)
    notice = page.triage_notice
    assert notice.isVisible()
    assert notice.text() == (f'有 {count} 件证据等待关联案件已超过 7 天：<a href="triage">立即关联</a>。')
    with qtbot.waitSignal(page.open_triage):
        notice.linkActivated.emit("triage")


def test_my_work_says_nothing_when_no_evidence_waits_too_long(qtbot, world, evidence, footage, language):
    language("zh_CN")
    page = TodoPage(world.services, signed_in(world, world.officer))
    qtbot.addWidget(page)
    page.show()
    idle(qtbot, page.runner)
    assert evidence.flagged_count() == 0 and not page.triage_notice.isVisible()
