"""Exporting cases to .xlsx: every matching case (not just a loaded page), Chinese headers, real
dates, progress, and nothing half-written when cancelled or failing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from app.domain.cases import CaseKind
from app.domain.errors import UserCancelled
from app.services.cases import CaseFilter
from app.services.demo import DemoSeeder
from app.services.export import EXPORT_PAGE, HEADERS, export_cases_xlsx

BULK = 2 * EXPORT_PAGE + 345  # three pages, the last one partial


@pytest.fixture
def seeded(world):
    DemoSeeder(world.services).seed_bulk(BULK)
    return world


def _rows(path):
    book = load_workbook(path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    return rows


def test_exports_every_matching_case_in_list_order(seeded, tmp_path):
    cases = seeded.services.cases
    flt = CaseFilter(kind=CaseKind.PENALTY_ORDINARY, sort="number", descending=False)
    target = tmp_path / "out" / "cases.xlsx"
    reports = []
    written = export_cases_xlsx(cases, flt, target, lambda done, total: reports.append((done, total)) or True)
    expected = cases.count(flt)
    assert 0 < expected < BULK and written == expected
    rows = _rows(target)
    assert rows[0] == HEADERS and len(rows) == expected + 1
    listed = cases.list_cases(flt, 0, expected)
    assert [r[0] for r in rows[1:]] == [c.number for c in listed]
    assert reports[0] == (0, expected) and reports[-1] == (expected, expected)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_cells_hold_chinese_labels_and_real_dates(seeded, tmp_path):
    cases = seeded.services.cases
    flt = CaseFilter(deadline="overdue")
    target = tmp_path / "overdue.xlsx"
    export_cases_xlsx(cases, flt, target)
    first = cases.list_cases(flt, 0, 1)[0]
    header, row = _rows(target)[:2]
    cells = dict(zip(header, row, strict=True))
    assert cells["案号"] == first.number and cells["当事人"] == first.party_names
    assert cells["案件类型"] in {"行政处罚（普通程序）", "行政处罚（简易程序）", "行政强制", "行政检查"}
    assert cells["阶段"] in {"案件来源登记", "调查取证", "强制措施实施中", "检查实施"}
    assert cells["期限状态"] == "已超期"
    assert isinstance(cells["下一期限"], datetime) and cells["下一期限"].date() == first.next_due
    assert isinstance(cells["最后更新"], datetime)


def test_an_empty_result_still_gives_a_workbook_with_headers(world, tmp_path):
    target = tmp_path / "none.xlsx"
    assert export_cases_xlsx(world.services.cases, CaseFilter(), target) == 0
    assert _rows(target) == [HEADERS]


def test_cancelling_leaves_the_previous_file_untouched(seeded, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "cases.xlsx"
    target.write_bytes(b"the previous export")

    def stop_after_first_page(done, total):
        return done < EXPORT_PAGE

    with pytest.raises(UserCancelled):
        export_cases_xlsx(seeded.services.cases, CaseFilter(), target, stop_after_first_page)
    assert target.read_bytes() == b"the previous export"
    assert list(folder.iterdir()) == [target]


def test_a_failure_midway_leaves_no_file(seeded, tmp_path, monkeypatch):
    cases = seeded.services.cases
    real = cases.list_cases

    def failing(flt, offset, limit):
        if offset > 0:
            raise OSError("the disk went away")
        return real(flt, offset, limit)

    monkeypatch.setattr(cases, "list_cases", failing)
    with pytest.raises(OSError):
        export_cases_xlsx(cases, CaseFilter(), tmp_path / "exports" / "cases.xlsx")
    assert list((tmp_path / "exports").iterdir()) == []


def test_the_search_text_and_date_range_apply(seeded, tmp_path):
    cases = seeded.services.cases
    some = cases.list_cases(CaseFilter(), 0, 1)[0]
    name = some.party_names.split("、")[0]
    flt = CaseFilter(text=name, registered_from=date(2025, 1, 1))
    assert export_cases_xlsx(cases, flt, tmp_path / "found.xlsx") == cases.count(flt) >= 1
    assert some.number in {r[0] for r in _rows(tmp_path / "found.xlsx")[1:]}
