"""Export the cases matching a filter to an .xlsx workbook (for reports and the bureau's own sums).

The workbook is streamed (openpyxl write-only) page by page, so 100,000 cases never sit in memory
at once, and written to a temporary file beside the target that replaces it only when complete:
a cancelled or failed export leaves the previous file (or none), never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from app.domain.cases import CaseKind
from app.domain.errors import UserCancelled
from app.domain.i18n import tr_in
from app.services.cases import CaseFilter, CaseRow

EXPORT_PAGE = 1000
SHEET_TITLE = "案件"
# The workbook is a Chinese document whatever the UI language (it goes into bureau reports).
HEADERS = ("案号", "案件类型", "当事人", "执法事项", "阶段", "承办人", "下一期限", "期限事项", "期限状态", "最后更新")
COLUMN_WIDTHS = (28, 22, 30, 36, 16, 18, 12, 20, 12, 18)
KIND_NAMES = {CaseKind.PENALTY_ORDINARY: "行政处罚（普通程序）", CaseKind.PENALTY_SIMPLE: "行政处罚（简易程序）",
              CaseKind.COERCIVE: "行政强制", CaseKind.INSPECTION: "行政检查"}
STATUS_NAMES = {"overdue": "已超期", "due_soon": "即将到期", "running": "进行中", "calendar_missing": "缺少工作日历",
                "none": ""}

DATE_FORMATS = {6: "yyyy-mm-dd", 9: "yyyy-mm-dd hh:mm"}  # column index -> Excel number format
Progress = Callable[[int, int], bool]  # (rows written, rows in all) -> False to stop


class CaseLister(Protocol):
    def count(self, flt: CaseFilter) -> int: ...

    def list_cases(self, flt: CaseFilter, offset: int, limit: int) -> list[CaseRow]: ...


def row_values(row: CaseRow) -> tuple[object, ...]:
    """One case as the cells of its row (dates as dates, so Excel can sort and filter them)."""
    return (row.number, KIND_NAMES.get(row.kind, str(row.kind)), row.party_names, row.matter_name,
            tr_in("zh_CN", str(row.stage)), row.officer_names, row.next_due, row.next_rule_name,
            STATUS_NAMES.get(row.deadline_status, row.deadline_status),
            row.updated_at.replace(tzinfo=None) if row.updated_at else None)  # Excel has no time zones


def export_cases_xlsx(cases: CaseLister, flt: CaseFilter, path: Path, progress: Progress | None = None) -> int:
    """Write every case matching ``flt`` (all of them, not the rows a list happened to load) to
    ``path``; returns how many. ``progress`` returning False stops with :class:`UserCancelled`."""
    path = Path(path)
    total = cases.count(flt)
    if progress is not None and not progress(0, total):
        raise UserCancelled()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".xlsx.tmp")
    os.close(fd)
    try:
        written = _write(cases, flt, Path(tmp_name), total, progress)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return written


def _write(cases: CaseLister, flt: CaseFilter, target: Path, total: int, progress: Progress | None) -> int:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    for index, width in enumerate(COLUMN_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    written = 0
    try:
        while True:
            page = cases.list_cases(flt, written, EXPORT_PAGE)
            for row in page:
                sheet.append(_cells(sheet, row))
            written += len(page)
            if progress is not None and not progress(written, max(total, written)):
                raise UserCancelled()
            if len(page) < EXPORT_PAGE:  # the end (cases removed since the count end it early too)
                break
    except BaseException:
        _discard(sheet)
        raise
    with open(target, "wb") as handle:
        book.save(handle)
        handle.flush()
        os.fsync(handle.fileno())
    return written


def _discard(sheet) -> None:  # type: ignore[no-untyped-def]
    """Close the half-written sheet in order and drop openpyxl's row file (else kept until exit)."""
    with contextlib.suppress(Exception):
        sheet.close()
        sheet._writer.cleanup()


def _cells(sheet, row: CaseRow) -> list[object]:  # type: ignore[no-untyped-def]
    values = list(row_values(row))
    for index, number_format in DATE_FORMATS.items():  # without a format Excel shows a serial number
        if values[index] is not None:
            cell = WriteOnlyCell(sheet, value=values[index])
            cell.number_format = number_format
            values[index] = cell
    return values
