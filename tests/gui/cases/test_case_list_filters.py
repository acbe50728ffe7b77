"""The case list's filter bar over a few thousand cases: each filter narrows the list to what the
service counts for it, the list still loads one page at a time, and Clear brings all back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from app.domain.cases import CaseKind, Stage
from app.services.cases import CaseFilter
from app.services.statistics import OPEN_STAGES
from app.ui.cases.case_list_model import PAGE_SIZE
from app.ui.cases.filter_bar import DATE_DEBOUNCE_MS, OPEN
from tests.gui.cases.conftest import BULK, WALKED, loaded_rows
from tests.gui.windows import activate

pytestmark = pytest.mark.gui


def choose(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)  # what picking it with the mouse or keyboard does


def expect(widget, flt: CaseFilter):
    """The list shows exactly the cases the service finds for ``flt``, one page loaded."""
    cases = widget.spy._inner
    assert widget.model.case_filter == flt
    assert widget.model.total() == cases.count(flt)
    assert widget.model.rowCount() == widget.model.total()  # every row counted, one page read
    assert widget.model.loaded_pages() == ([0] if widget.model.total() else [])
    assert [r.uuid for r in loaded_rows(widget)] == [r.uuid for r in cases.list_cases(flt, 0, PAGE_SIZE)]
    assert all(limit <= PAGE_SIZE for _, _, limit in widget.spy.pages)  # never all rows at once


def test_starts_with_every_case_and_one_page(case_list):
    assert case_list.model.total() == BULK + WALKED
    expect(case_list, CaseFilter())


def test_kind_stage_and_deadline_filters(case_list):
    bar = case_list.filters
    choose(bar.kind, CaseKind.COERCIVE.value)
    expect(case_list, CaseFilter(kind=CaseKind.COERCIVE))
    assert {r.kind for r in loaded_rows(case_list)} == {CaseKind.COERCIVE}
    choose(bar.stage, Stage.MEASURE_IN_FORCE.value)
    expect(case_list, CaseFilter(kind=CaseKind.COERCIVE, stage=Stage.MEASURE_IN_FORCE))
    choose(bar.deadline, "overdue")
    flt = CaseFilter(kind=CaseKind.COERCIVE, stage=Stage.MEASURE_IN_FORCE, deadline="overdue")
    expect(case_list, flt)
    assert case_list.model.total() > 0
    assert {r.deadline_status for r in loaded_rows(case_list)} == {"overdue"}
    choose(bar.deadline, "due_soon")
    choose(bar.kind, None)
    choose(bar.stage, None)
    expect(case_list, CaseFilter(deadline="due_soon"))
    assert {r.deadline_status for r in loaded_rows(case_list)} <= {"due_soon"}


def test_open_cases_leaves_out_closed_ones(case_list):
    choose(case_list.filters.stage, OPEN)
    expect(case_list, CaseFilter(stages=OPEN_STAGES))
    everything = case_list.spy._inner.count(CaseFilter())
    assert 0 < case_list.model.total() < everything  # the walked cases include closed ones
    assert all(r.stage in OPEN_STAGES for r in loaded_rows(case_list))


def test_matter_and_officer_come_from_the_catalogue_and_the_officers(case_list, seeded):
    bar = case_list.filters
    matters = seeded.services.catalogue.matters()
    assert bar.matter.count() == len(matters) + 1 and bar.matter.itemData(0) is None
    officers = seeded.services.officers.all()
    assert {bar.officer.itemData(i) for i in range(1, bar.officer.count())} == {o.uuid for o in officers}
    food = next(m for m in matters if m.code == "SJ-CF-001")
    choose(bar.matter, food.code)
    expect(case_list, CaseFilter(matter_code=food.code))
    assert {r.matter_name for r in loaded_rows(case_list)} == {food.name}
    officer = officers[1]
    choose(bar.officer, officer.uuid)
    expect(case_list, CaseFilter(matter_code=food.code, officer_uuid=officer.uuid))
    assert all(officer.name in r.officer_names for r in loaded_rows(case_list))


def test_registration_dates_apply_after_a_pause_and_never_end_before_they_begin(qtbot, case_list):
    bar = case_list.filters
    assert not bar.date_from.isEnabled()
    bar.dated.setChecked(True)
    assert bar.date_from.isEnabled() and bar.date_to.isEnabled()
    this_year = CaseFilter(registered_from=date(2026, 1, 1), registered_to=date(2026, 3, 2))
    expect(case_list, this_year)  # the defaults: this year up to today
    bar.date_from.setDate(QDate(2025, 6, 1))
    bar.date_to.setDate(QDate(2025, 6, 30))
    assert case_list.model.case_filter == this_year  # still typing
    june = CaseFilter(registered_from=date(2025, 6, 1), registered_to=date(2025, 6, 30))
    qtbot.waitUntil(lambda: case_list.model.case_filter == june, timeout=DATE_DEBOUNCE_MS * 8)
    expect(case_list, june)
    assert 0 < case_list.model.total() < BULK
    bar.date_from.setDate(QDate(2025, 8, 1))  # past the end: the end follows
    assert bar.date_to.date() == QDate(2025, 8, 1)
    qtbot.waitUntil(lambda: case_list.model.case_filter.registered_from == date(2025, 8, 1),
                    timeout=DATE_DEBOUNCE_MS * 8)
    assert case_list.model.case_filter.registered_to == date(2025, 8, 1)
    bar.dated.setChecked(False)
    expect(case_list, CaseFilter())


def test_search_combines_with_the_filters_and_clear_resets_them(qtbot, case_list):
    bar = case_list.filters
    choose(bar.kind, CaseKind.PENALTY_ORDINARY.value)
    row = loaded_rows(case_list)[5]
    name = row.party_names.split("、")[0]
    case_list.search.setText(name)
    case_list.apply_search()
    expect(case_list, CaseFilter(kind=CaseKind.PENALTY_ORDINARY, text=name))
    assert row.uuid in {r.uuid for r in loaded_rows(case_list)}
    bar.clear_button.click()
    expect(case_list, CaseFilter(text=name))
    case_list.search.clear()
    case_list.apply_search()
    expect(case_list, CaseFilter())


def test_the_filters_are_reachable_by_keyboard(qtbot, case_list):
    activate(qtbot, case_list)
    for key, combo in ((Qt.Key.Key_K, case_list.filters.kind), (Qt.Key.Key_T, case_list.filters.stage),
                       (Qt.Key.Key_D, case_list.filters.deadline)):
        qtbot.keyClick(case_list, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(case_list.filters.deadline, Qt.Key.Key_Down)  # the first choice after "any"
    assert case_list.model.case_filter.deadline == "overdue"


def test_switching_language_keeps_the_choices(qtbot, case_list, language):
    bar = case_list.filters
    assert bar.kind.itemText(0) == "全部类型" and bar._labels["kind"].text() == "类型(&K)"
    choose(bar.kind, CaseKind.INSPECTION.value)
    language("en")
    qtbot.waitUntil(lambda: bar.kind.itemText(0) == "All kinds")
    assert bar.kind.currentData() == CaseKind.INSPECTION.value and bar.kind.currentText() == "Administrative inspection"
    assert case_list.model.case_filter.kind is CaseKind.INSPECTION
    assert case_list.export_button.text() == "E&xport…"
