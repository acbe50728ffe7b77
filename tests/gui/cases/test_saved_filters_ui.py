"""Saved filters in the case list: save the current filter under a name, pick it again (also in a
later session), replace, delete; each user has their own; a broken file is reported, not fatal."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.config.saved_filters import SavedFilters
from app.domain.cases import CaseKind, Stage
from app.services.cases import CaseFilter
from app.ui.cases.saved_filters import filter_from_json, filter_to_json

pytestmark = pytest.mark.gui

OVERDUE_FOOD = CaseFilter(kind=CaseKind.PENALTY_ORDINARY, matter_code="SJ-CF-001", deadline="overdue",
                          sort="number", descending=False)


def type_name(monkeypatch, name: str, ok: bool = True):
    asked = []

    def get_text(parent, title, label, *args, **kwargs):
        asked.append(label)
        return name, ok

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def pick(controls, name: str) -> None:
    index = controls.combo.findData(name)
    controls.combo.setCurrentIndex(index)
    controls.combo.activated.emit(index)  # what choosing it with the mouse or keyboard says


def test_save_pick_again_and_delete(qtbot, world, make_list, monkeypatch):
    widget = make_list(world.services, username="li")
    widget.show_filter(OVERDUE_FOOD)
    assert widget.model.case_filter == OVERDUE_FOOD
    asked = type_name(monkeypatch, "  逾期食品案件 ")
    widget.saved.save_button.click()
    assert asked == ["筛选名称："]
    assert widget.saved.store.names() == ["逾期食品案件"]
    assert widget.saved.combo.currentText() == "逾期食品案件" and widget.saved.delete_button.isEnabled()

    widget.filters.clear_button.click()
    assert widget.model.case_filter == CaseFilter(sort="number", descending=False)
    assert widget.saved.combo.currentIndex() == 0 and not widget.saved.delete_button.isEnabled()
    pick(widget.saved, "逾期食品案件")
    assert widget.model.case_filter == OVERDUE_FOOD
    assert widget.filters.kind.currentData() == "penalty_ordinary"
    assert widget.filters.matter.currentData() == "SJ-CF-001"
    assert widget.filters.deadline.currentData() == "overdue"

    widget.saved.delete_button.click()
    assert widget.saved.store.names() == [] and widget.saved.combo.count() == 1
    assert widget.model.case_filter == OVERDUE_FOOD  # deleting the name keeps the list as it is


def test_a_later_session_of_the_same_user_finds_it_and_another_user_does_not(qtbot, world, make_list, monkeypatch):
    first = make_list(world.services, username="li")
    searched = CaseFilter(text="食品", stage=Stage.INVESTIGATING, registered_from=date(2025, 5, 1),
                          registered_to=date(2025, 12, 31))
    first.filters.set_filter(searched)
    first.search.setText("食品")
    first.apply_search()
    assert first.model.case_filter == searched
    type_name(monkeypatch, "调查中")
    first.saved.ask_and_save()

    later = make_list(world.services, username="li")
    assert later.saved.store.names() == ["调查中"]
    pick(later.saved, "调查中")
    assert later.model.case_filter == searched
    assert later.search.text() == "食品" and later.filters.dated.isChecked()
    assert later.filters.date_from.date().toPython() == date(2025, 5, 1)
    other = make_list(world.services, username="wang")
    assert other.saved.store.names() == []


def test_saving_under_a_taken_name_asks_before_replacing(qtbot, world, make_list, monkeypatch):
    widget = make_list(world.services, username="li")
    widget.show_filter(CaseFilter(kind=CaseKind.COERCIVE))
    type_name(monkeypatch, "mine")
    widget.saved.ask_and_save()
    widget.show_filter(CaseFilter(kind=CaseKind.INSPECTION))
    answers = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    widget.saved.ask_and_save()
    assert filter_from_json(widget.saved.store.get("mine")).kind is CaseKind.COERCIVE  # kept
    answers.append(QMessageBox.StandardButton.Yes)
    widget.saved.ask_and_save()
    assert filter_from_json(widget.saved.store.get("mine")).kind is CaseKind.INSPECTION
    assert widget.saved.store.names() == ["mine"]


def test_an_empty_name_or_cancel_saves_nothing(qtbot, world, make_list, monkeypatch):
    widget = make_list(world.services, username="li")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    type_name(monkeypatch, "   ")
    widget.saved.ask_and_save()
    assert warned and "必填" in warned[0]
    type_name(monkeypatch, "named", ok=False)
    widget.saved.ask_and_save()
    assert widget.saved.store.names() == []


def test_what_the_filter_bar_cannot_show_is_dropped_not_hidden(qtbot, world, make_list):
    widget = make_list(world.services, username="li")
    widget.show_filter(CaseFilter(stages=(Stage.REGISTERED, Stage.HEARING), kind=CaseKind.COERCIVE))
    assert widget.model.case_filter == CaseFilter(kind=CaseKind.COERCIVE)
    assert widget.filters.stage.currentData() is None


def test_a_broken_file_is_reported_below_the_list(qtbot, world, make_list, tmp_path):
    path = tmp_path / "filters.json"
    path.write_text("{broken", encoding="utf-8")
    widget = make_list(world.services, username="li", saved_filters_path=path)
    assert str(path) in widget.notice.text() and "无法读取" in widget.notice.text()
    assert widget.saved.store.names() == []
    assert (tmp_path / "filters.json.bad").exists()


def test_filters_round_trip_through_json():
    every = CaseFilter(stages=(Stage.REGISTERED, Stage.INVESTIGATING), registered_from=date(2025, 1, 1),
                       registered_to=date(2025, 2, 1), sort="party", descending=False, stage=Stage.REGISTERED,
                       kind=CaseKind.COERCIVE, matter_code="SJ-QZ-001", officer_uuid="o-1", deadline="due_soon",
                       due_within_days=5, text="张三")
    data = filter_to_json(every)
    assert json.loads(json.dumps(data)) == data
    assert filter_from_json(data) == every
    assert filter_to_json(CaseFilter()) == {}


def test_values_this_version_does_not_know_are_dropped():
    data = {"kind": "from_the_future", "stages": ["investigating", "??"], "registered_from": "2025-13-01",
            "sort": "colour", "deadline": "someday", "due_within_days": "3", "matter_code": "SJ-CF-001",
            "unknown_field": 1, "registered_to": "2025-01-01"}
    assert filter_from_json(data) == CaseFilter(matter_code="SJ-CF-001", registered_to=date(2025, 1, 1))
    backwards = {"registered_from": "2025-03-01", "registered_to": "2025-01-01"}
    assert filter_from_json(backwards) == CaseFilter(registered_from=date(2025, 3, 1))


def test_the_store_is_the_config_file_by_default(qtbot, world, make_list, monkeypatch):
    widget = make_list(world.services, username="li")
    type_name(monkeypatch, "x")
    widget.saved.ask_and_save()
    assert SavedFilters.load(username="li").names() == ["x"]
