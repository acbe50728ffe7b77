"""Sorting the case list by clicking a column header: the service sorts from the first page on,
paging starts again, a second click reverses, and the officers column (a joined list) does not sort."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from app.services.cases import CaseFilter
from app.services.clock import SHANGHAI
from app.ui.cases.case_list_model import COLUMNS, PAGE_SIZE
from tests.gui.cases.conftest import loaded_rows

pytestmark = pytest.mark.gui
COLUMN = {attr: i for i, (attr, _) in enumerate(COLUMNS)}


def click_header(qtbot, widget, column: int) -> None:
    header = widget.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def scroll_to_bottom(qtbot, widget) -> None:
    """Show the last rows: the model reads the last page (and nothing between)."""
    last = (widget.model.total() - 1) // PAGE_SIZE
    widget.table.scrollToBottom()
    qtbot.waitUntil(lambda: last in widget.model.loaded_pages())


def test_starts_newest_change_first_with_the_indicator_on_updated(case_list):
    header = case_list.table.horizontalHeader()
    assert case_list.model.case_filter.sort == "updated" and case_list.model.case_filter.descending
    assert header.isSortIndicatorShown()
    assert header.sortIndicatorSection() == COLUMN["updated_at"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    shown = [r.updated_at for r in loaded_rows(case_list)]
    assert shown == sorted(shown, reverse=True)


@pytest.mark.parametrize(("attr", "key"), [("number", "number"), ("party_names", "party"),
                                           ("matter_name", "matter"), ("stage", "stage"),
                                           ("next_due", "next_due")])
def test_clicking_a_header_sorts_by_it_and_again_reverses(qtbot, case_list, attr, key):
    cases = case_list.spy._inner
    scroll_to_bottom(qtbot, case_list)
    assert len(case_list.model.loaded_pages()) > 1
    click_header(qtbot, case_list, COLUMN[attr])
    ascending = CaseFilter(sort=key, descending=False)
    assert case_list.model.case_filter == ascending
    assert case_list.model.loaded_pages() == [0]  # paging starts again
    assert case_list.spy.pages[-1] == (ascending, 0, PAGE_SIZE)
    assert [r.uuid for r in loaded_rows(case_list)] == [r.uuid for r in cases.list_cases(ascending, 0, PAGE_SIZE)]
    header = case_list.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (COLUMN[attr], Qt.SortOrder.AscendingOrder)
    click_header(qtbot, case_list, COLUMN[attr])
    descending = CaseFilter(sort=key, descending=True)
    assert case_list.model.case_filter == descending
    assert [r.uuid for r in loaded_rows(case_list)] == [r.uuid for r in cases.list_cases(descending, 0, PAGE_SIZE)]
    scroll_to_bottom(qtbot, case_list)
    total = case_list.model.total()
    last = (total - 1) // PAGE_SIZE * PAGE_SIZE
    assert case_list.spy.pages[-1] == (descending, last, total - last)


def test_the_rows_really_are_in_order(qtbot, case_list):
    click_header(qtbot, case_list, COLUMN["number"])
    numbers = [r.number for r in loaded_rows(case_list)]
    assert numbers == sorted(numbers)
    click_header(qtbot, case_list, COLUMN["next_due"])
    dues = [r.next_due for r in loaded_rows(case_list) if r.next_due is not None]
    assert dues and dues == sorted(dues)


def test_the_officers_column_does_not_sort(qtbot, case_list):
    click_header(qtbot, case_list, COLUMN["party_names"])
    pages = len(case_list.spy.pages)
    click_header(qtbot, case_list, COLUMN["officer_names"])
    assert case_list.model.case_filter == CaseFilter(sort="party", descending=False)
    assert len(case_list.spy.pages) == pages  # nothing fetched again
    header = case_list.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == \
        (COLUMN["party_names"], Qt.SortOrder.AscendingOrder)


def test_with_search_text_the_newest_match_comes_first_and_no_indicator_shows(qtbot, case_list):
    click_header(qtbot, case_list, COLUMN["party_names"])
    name = loaded_rows(case_list)[0].party_names.split("、")[0]
    case_list.search.setText(name)
    case_list.apply_search()
    header = case_list.table.horizontalHeader()
    assert not header.isSortIndicatorShown()
    click_header(qtbot, case_list, COLUMN["number"])  # ignored while searching
    assert case_list.model.case_filter.sort == "party"
    case_list.search.clear()
    case_list.apply_search()
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == COLUMN["party_names"]


def test_the_updated_column_shows_the_time_in_shanghai(case_list):
    row = loaded_rows(case_list)[0]
    text = case_list.model.index(0, COLUMN["updated_at"]).data()
    assert text == row.updated_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


def test_double_click_or_enter_on_a_row_asks_to_open_the_case(qtbot, case_list):
    table = case_list.table
    row = loaded_rows(case_list)[3]
    rect = table.visualRect(case_list.model.index(3, 1))
    with qtbot.waitSignal(case_list.caseActivated) as opened:  # a real double click: a click, then the second
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [row.uuid]
    assert table.state() != table.State.EditingState


def test_enter_on_the_selected_row_opens_it_too(qtbot, case_list):
    table = case_list.table
    table.setFocus()
    table.selectRow(4)
    table.setCurrentIndex(case_list.model.index(4, 0))
    with qtbot.waitSignal(case_list.caseActivated) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [loaded_rows(case_list)[4].uuid]
