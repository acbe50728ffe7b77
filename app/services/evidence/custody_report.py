"""The chain-of-custody report (证据保管链报告) of one case, as xlsx and as PDF.

The PDF is a .docx in the house layout (GB/T 9704 page, CJK fonts named on every run) converted by
LibreOffice in one call; both files are written atomically. The report is a Chinese document
whatever the UI language. Times are shown in Asia/Shanghai, hashes in full (hash prefixes only for
audit entries). Imports only app.domain, app.documents, app.files and libraries; no Qt.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from app.documents.layout import BODY, BODY_PT, HEADING, TITLE, enforce_east_asian_fonts, new_document
from app.documents.pdf import ConverterMissing, find_converter
from app.domain.cases import Case
from app.domain.errors import UserError
from app.domain.evidence import CustodyEntry, EvidenceItem
from app.domain.i18n import tr_in
from app.files import write_atomically

SHANGHAI = ZoneInfo("Asia/Shanghai")
TITLE_TEXT = "证据保管链报告"
NONE_LINKED = "本案未关联任何证据。"

KIND_NAMES = {"video": "视频", "audio": "音频", "image": "图片", "result": "快检结果", "other": "其他"}
VERDICT_NAMES = {"pass": "合格", "fail": "不合格", "unknown": "无法判定"}
ACTION_NAMES = {"evidence.import": "导入", "evidence.link": "关联案件", "evidence.unlink": "取消关联",
                "evidence.export": "导出", "evidence.verify": "校验"}
DETAIL_LABELS = {
    "sha256": "SHA-256", "size": "大小（字节）", "device_serial": "设备编号", "driver": "驱动",
    "original_path": "原始路径", "modified_at": "文件修改时间", "recorded_at": "录制时间", "officer_no": "警号",
    "clock_offset_s": "时钟偏差（秒）", "import_uuid": "导入批次", "workstation": "工作站",
    "imported_by": "导入人", "actor": "操作人", "case_number": "案号", "case_uuid": "案件编号", "how": "方式",
    "reason": "原因", "target": "导出位置", "destination": "导出位置", "path": "路径", "ok": "校验一致",
    "result": "结果"}
DETAIL_VALUES = {"confirmed": "确认系统建议", "picked": "人工选择"}
PDF_SKIPPED_DETAILS = {"sha256", "size", "import_uuid"}  # in the summary table (and in the xlsx)

# -- PDF layout: text block 156 mm; small print in tables -----------------------------------------
MONO = "Courier New"  # Liberation Mono on Linux (metric alias)
SMALL_PT, INFO_PT, HASH_PT = 9, 10.5, 8  # 小五, 五号, hashes
SUMMARY = (("序号", 9), ("文件名", 29), ("类型\n大小", 15), ("设备编号\n警号", 23),
           ("录制时间\n设备时钟／校正后", 32), ("导入时间\n导入人／工作站", 34), ("关联\n本案", 14))
RESULTS = (("证据\n序号", 10), ("检测项目", 32), ("样品", 22), ("检测值", 16), ("单位", 14), ("限量", 16),
           ("结论", 14), ("检测时间", 32))
STEPS = (("时间", 24), ("操作", 17), ("操作人", 16), ("详情", 59), ("审计\n序号", 14), ("哈希前缀", 26))
HASH_PREFIX = 12
CENTER = '<w:jc w:val="center"/>'
Cell = str | tuple[str | tuple[tuple[str, bool], ...], ...]  # a table cell's text: see _row
VERIFY_TEXT = (
    ("本报告所列每件证据的 SHA-256 值在导入时逐字节计算得出。核验时，对证据文件（或其导出副本）重新计算 "
     "SHA-256（Linux：", "sha256sum 文件名", "；Windows：", "certutil -hashfile 文件名 SHA256",
     "），与本报告所列值逐一比对，完全一致即表明文件自导入以来未被改动。"),
    ("每一保管步骤均记入审计链，本报告列出其审计序号及哈希前缀。在 Zhifa 工作站运行 ", "zhifa audit verify",
     " 校验整条审计链；校验通过且上述序号与哈希前缀同审计链记录一致，即表明保管记录未被改动。"),
    ("录制时间栏先列设备时钟，再列按导入时测得的设备时钟偏差校正后的时间。",),
)

# -- xlsx ---------------------------------------------------------------------------------------
ITEM_HEADERS = (("序号", 6), ("文件名", 30), ("类型", 8), ("大小（字节）", 14), ("SHA-256", 68),
                ("设备编号", 16), ("警号", 10), ("录制时间（设备时钟）", 20), ("录制时间（校正后）", 20),
                ("文件修改时间", 20), ("导入时间", 20), ("导入人", 10), ("工作站", 14), ("关联本案", 9),
                ("关联案件数", 10), ("重要文件", 9), ("原始路径", 40), ("驱动", 14), ("导入批次", 38),
                ("存储位置", 40), ("GPS", 22), ("提示", 40), ("证据编号", 38))
STEP_HEADERS = (("证据序号", 9), ("文件名", 30), ("SHA-256", 68), ("时间", 20), ("操作", 10), ("操作人", 10),
                ("详情", 70), ("审计序号", 10), ("审计哈希", 68), ("证据编号", 38))
RESULT_HEADERS = (("证据序号", 9), ("文件名", 30), ("检测项目", 30), ("样品", 16), ("样品编号", 14),
                  ("检测值", 10), ("单位", 8), ("限量", 10), ("结论", 10), ("检测时间", 20), ("检测方法", 30))
TIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML


class Converter(Protocol):
    def convert(self, docx_paths: Sequence[Path], out_dir: Path) -> list[Path]: ...


# -- values -------------------------------------------------------------------------------------
def _clean(text: object) -> str:
    return _ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def _local(dt: datetime) -> datetime:
    return dt.replace(tzinfo=SHANGHAI) if dt.tzinfo is None else dt.astimezone(SHANGHAI)  # naive: Shanghai


def _time(dt: datetime | None) -> str:
    return _local(dt).strftime("%Y-%m-%d %H:%M:%S") if dt is not None else "—"


def _xl_time(dt: datetime | None) -> datetime | None:
    return _local(dt).replace(tzinfo=None) if dt is not None else None  # Excel has no time zones


def human_size(n: int) -> str:
    """1536 -> "1.5 KB" (binary units, as file managers on Windows show them)."""
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            return f"{value:.2f} {unit}" if unit in ("GB", "TB") else f"{value:.1f} {unit}"
    raise AssertionError  # pragma: no cover


def _detail_value(key: str, value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return _time(value)
    if isinstance(value, str) and key.endswith("_at"):
        try:
            return _time(datetime.fromisoformat(value))
        except ValueError:
            return value
    if key == "clock_offset_s" and isinstance(value, int | float):
        return f"{value:+.0f}"
    return DETAIL_VALUES.get(value, str(value)) if isinstance(value, str) else str(value)


def details_text(details: dict[str, object], skip: set[str] | frozenset[str] = frozenset()) -> str:
    """The details of a custody step as "标签：值" pairs in Chinese; empty values left out."""
    if "case_number" in details:
        skip = {*skip, "case_uuid"}
    parts = [f"{DETAIL_LABELS.get(k, k)}：{_detail_value(k, v)}" for k, v in details.items()
             if k not in skip and v not in (None, "")]
    return "；".join(parts)


def _ordered(items: Sequence[EvidenceItem]) -> list[EvidenceItem]:
    """In recording order (corrected clock first), then by name."""
    return sorted(items, key=lambda i: (_local(i.recorded_at_corrected or i.recorded_at or i.imported_at),
                                        i.name, i.uuid))


def _steps(items: list[EvidenceItem], custody: Sequence[CustodyEntry]) -> list[tuple[str, list[CustodyEntry]]]:
    """(item uuid, its steps in time order) for each item, then any item the steps name but the list lacks."""
    by_item: dict[str, list[CustodyEntry]] = {i.uuid: [] for i in items}
    for entry in sorted(custody, key=lambda e: (_local(e.at), e.audit_seq)):
        by_item.setdefault(entry.item_uuid, []).append(entry)
    return list(by_item.items())


# -- docx ---------------------------------------------------------------------------------------
def _run(paragraph: Any, text: str, *, face: str = BODY.name, size: float | None = None, mono: bool = False,
         bold: bool = False) -> None:
    run = paragraph.add_run(_clean(text))
    run.font.name = MONO if mono else face  # w:ascii / w:hAnsi
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), face)
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True


def _table(document: Any, columns: Sequence[tuple[str, float]], size: float = SMALL_PT, header: bool = True) -> Any:
    """A fixed-width bordered table of ``columns`` (label, width in mm) with a repeating header row."""
    table = document.add_table(rows=0, cols=len(columns))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblpr = table._tbl.tblPr
    tblpr.find(qn("w:tblW")).set(qn("w:type"), "dxa")
    tblpr.find(qn("w:tblW")).set(qn("w:w"), str(sum(round(w * 1440 / 25.4) for _, w in columns)))
    sides = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblpr.find(qn("w:tblLayout")).addprevious(parse_xml(f"<w:tblBorders {nsdecls('w')}>{sides}</w:tblBorders>"))
    tblpr.find(qn("w:tblLayout")).addnext(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar>"))
    for column, (_, width) in zip(table.columns, columns, strict=True):
        column.width = Mm(width)
    if header:
        _row(table, [label for label, _ in columns], header=True, size=size)
    return table


def _r(text: str, size: float, mono: bool, bold: bool) -> str:
    latin, half = MONO if mono else BODY.name, round(size * 2)
    return (f'<w:r><w:rPr><w:rFonts w:ascii="{latin}" w:eastAsia="{BODY.name}" w:hAnsi="{latin}"/>'
            f'{"<w:b/>" if bold else ""}<w:sz w:val="{half}"/><w:szCs w:val="{half}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(_clean(text))}</w:t></w:r>')


def _p(parts: Sequence[tuple[str, bool]], size: float, center: bool, bold: bool, keep_next: bool) -> str:
    """A 表格文字 paragraph of (text, monospace) parts."""
    ppr = (f'<w:pPr><w:pStyle w:val="ZhifaTableText"/>{"<w:keepNext/>" if keep_next else ""}'
           f'<w:spacing w:line="{round((size + 3) * 20)}" w:lineRule="exact"/>'
           f'{CENTER if center else ""}</w:pPr>')
    return f"<w:p>{ppr}{''.join(_r(t, HASH_PT if m else size, m, bold) for t, m in parts)}</w:p>"


def _row(table: Any, values: Sequence[Cell], *, header: bool = False, size: float = SMALL_PT,
         centered: Sequence[int] = (), labels: Sequence[int] = (), keep_next: bool = False,
         spans: Sequence[int] | None = None, vmerge: str | None = None) -> None:
    """Append a row: each value is text (a paragraph per line) or a tuple of lines, a line being text or
    (text, monospace) parts. Built as XML in one go: python-docx's row helpers rescan the whole table."""
    widths = [col.w.twips for col in table._tbl.tblGrid.gridCol_lst]
    spans = spans or [1] * len(values)
    cells, start = [], 0
    for index, (value, span) in enumerate(zip(values, spans, strict=True)):
        label = header or index in labels
        tcpr = (f'<w:tcW w:w="{sum(widths[start:start + span])}" w:type="dxa"/>'
                + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                + (f'<w:vMerge w:val="{vmerge}"/>' if vmerge and index == 0 else "")
                + ('<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' if label else "")
                + '<w:vAlign w:val="center"/>')
        lines = value.split("\n") if isinstance(value, str) else value
        paragraphs = "".join(_p(((line, False),) if isinstance(line, str) else line, size,
                                label or index in centered, label, keep_next or header) for line in lines)
        cells.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{paragraphs}</w:tc>")
        start += span
    table._tbl.append(parse_xml(f'<w:tr {nsdecls("w")}><w:trPr><w:cantSplit/>'
                                f'{"<w:tblHeader/>" if header else ""}</w:trPr>{"".join(cells)}</w:tr>'))


def _paragraph(document: Any, style: str, *parts: str, face: str = BODY.name, mono_odd: bool = False) -> Any:
    """A paragraph of ``parts``; with ``mono_odd`` every second part (commands) is in the monospace face."""
    paragraph = document.add_paragraph(style=style)
    for i, part in enumerate(parts):
        _run(paragraph, part, face=face, mono=mono_odd and i % 2 == 1)
    return paragraph


def _info_table(document: Any, case: Case, bureau_name: str, count: int, generated_at: datetime,
                generated_by: str) -> None:
    table = _table(document, (("", 22), ("", 56), ("", 22), ("", 56)), header=False)
    rows = (("案号", case.number, "案由", case.cause), ("办案机关", bureau_name, "当事人", case.party_names or "—"),
            ("证据数量", f"{count} 件", "生成时间", _time(generated_at)),
            ("执法事项", case.matter_name or "—", "生成人", generated_by))
    for values in rows:
        _row(table, values, size=INFO_PT, labels=(0, 2))


def build_custody_document(*, case: Case, bureau_name: str, items: Sequence[EvidenceItem],
                           custody: Sequence[CustodyEntry], generated_at: datetime, generated_by: str) -> Any:
    """The report as a python-docx Document in the house layout (see module doc)."""
    ordered = _ordered(items)
    number = {item.uuid: n for n, item in enumerate(ordered, 1)}
    document = new_document(f"{TITLE_TEXT} {case.number}")
    _paragraph(document, "文书标题", TITLE_TEXT, face=TITLE.name).paragraph_format.space_after = Pt(8)
    _info_table(document, case, bureau_name, len(ordered), generated_at, generated_by)

    _paragraph(document, "文书小标题", "一、证据清单", face=HEADING.name)
    if not ordered:
        _paragraph(document, "文书正文", NONE_LINKED)
    else:
        table = _table(document, SUMMARY)
        for n, item in enumerate(ordered, 1):
            _row(table, (str(n), item.name, f"{KIND_NAMES.get(item.kind, str(item.kind))}\n{human_size(item.size)}",
                         f"{item.device_serial or '—'}\n{item.officer_no or '—'}",
                         f"{_time(item.recorded_at)}\n{_time(item.recorded_at_corrected)}",
                         f"{_time(item.imported_at)}\n{item.imported_by}\n{item.workstation}",
                         "是" if case.uuid in item.case_uuids else "否"),
                 keep_next=True, centered=(0, 6), vmerge="restart")
            notes = _notes(item)
            sha: Cell = ((("SHA-256：", False), (item.sha256, True)), *([f"提示：{notes}"] if notes else []))
            _row(table, ("", sha), spans=(1, len(SUMMARY) - 1), vmerge="continue")
    results = [(number[i.uuid], r) for i in ordered for r in i.results]
    if results:
        _paragraph(document, "文书小标题", "二、快检结果", face=HEADING.name)
        table = _table(document, RESULTS)
        for n, r in results:
            _row(table, (str(n), r.item, r.sample, r.value, r.unit, r.limit,
                         VERDICT_NAMES.get(r.verdict, str(r.verdict)), _time(r.tested_at)), centered=(0, 4, 6))

    _paragraph(document, "文书小标题", f"{'三' if results else '二'}、保管记录", face=HEADING.name)
    by_item = {i.uuid: i for i in ordered}
    steps = _steps(ordered, custody)
    if not steps:
        _paragraph(document, "文书正文", "无保管记录。")
    for uuid, entries in steps:
        item = by_item.get(uuid)
        label = f"证据{number[uuid]}：{item.name}" if item else f"证据（编号 {uuid}，不在本案证据清单中）"
        paragraph = _paragraph(document, "文书正文", label)
        paragraph.paragraph_format.keep_with_next = True
        if not entries:
            _paragraph(document, "文书正文", "（无保管记录）")
            continue
        table = _table(document, STEPS)
        for e in entries:
            _row(table, (_time(e.at), ACTION_NAMES.get(e.action, e.action), e.actor_name,
                         details_text(e.details, PDF_SKIPPED_DETAILS) or "—", str(e.audit_seq),
                         (((e.audit_hash[:HASH_PREFIX], True),),)), centered=(1, 4))

    _paragraph(document, "文书小标题", f"{'四' if results else '三'}、核验方法", face=HEADING.name)
    for parts in VERIFY_TEXT:
        _paragraph(document, "文书正文", *parts, mono_odd=True)
    signature = _paragraph(document, "文书正文", "制表人（签名）：")
    _run(signature, "　" * 8)
    signature.runs[-1].font.underline = True
    date_line = _paragraph(document, "文书正文", "日期：　　　　年　　月　　日")
    for paragraph in (signature, date_line):  # flush left from the middle: trailing blanks stay on the page
        paragraph.paragraph_format.left_indent = Pt(BODY_PT * 11)
        paragraph.paragraph_format.first_line_indent = Pt(0)
    signature.paragraph_format.space_before = Pt(BODY_PT * 2)
    enforce_east_asian_fonts(document)
    return document


def _notes(item: EvidenceItem) -> str:
    notes = ["重要文件（设备上已锁定）"] if item.important else []
    if item.gps is not None:
        notes.append(f"GPS {item.gps[0]:.6f}, {item.gps[1]:.6f}")
    notes += [tr_in("zh_CN", w) for w in item.warnings]
    return "；".join(notes)


# -- writing ------------------------------------------------------------------------------------
def _write(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    path = Path(path)
    try:
        write_atomically(path, write)
    except OSError as exc:
        raise UserError("could not write the custody report {file}: {reason}", rule="custody_report.write",
                        file=str(path), reason=exc.strerror or str(exc)) from exc
    return path


def write_custody_pdf(path: Path, *, case: Case, bureau_name: str, items: Sequence[EvidenceItem],
                      custody: Sequence[CustodyEntry], generated_at: datetime, generated_by: str,
                      converter: Converter | None = None) -> Path:
    """Write the report as a PDF at ``path`` (whole or not at all). ``converter`` defaults to the
    installed LibreOffice; :class:`ConverterMissing` when there is none. Conversion errors propagate."""
    converter = converter if converter is not None else find_converter()
    if converter is None:
        raise ConverterMissing()
    document = build_custody_document(case=case, bureau_name=bureau_name, items=items, custody=custody,
                                      generated_at=generated_at, generated_by=generated_by)
    with tempfile.TemporaryDirectory(prefix="zhifa-custody-") as tmp:
        docx = Path(tmp) / "custody.docx"
        document.save(str(docx))
        (pdf,) = converter.convert([docx], Path(tmp))
        data = Path(pdf).read_bytes()
    return _write(path, lambda handle: handle.write(data))


def _sheet(book: Workbook, title: str, headers: Sequence[tuple[str, float]], rows: list[list[object]],
           text_columns: Sequence[int] = ()) -> Any:
    sheet = book.create_sheet(title)
    sheet.append([label for label, _ in headers])
    bold = Font(bold=True)
    for index, (_, width) in enumerate(headers, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.cell(row=1, column=index).font = bold
    sheet.freeze_panes = "A2"
    for values in rows:
        sheet.append([_clean(v) if isinstance(v, str) else v for v in values])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = TIME_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # "=..." from a device stays text, never a formula
                if cell.column - 1 in text_columns:
                    cell.number_format = "@"
    return sheet


def write_custody_xlsx(path: Path, *, case: Case, bureau_name: str, items: Sequence[EvidenceItem],
                       custody: Sequence[CustodyEntry], generated_at: datetime, generated_by: str) -> Path:
    """Write the report as a workbook at ``path`` (whole or not at all): sheets 证据清单, 保管记录,
    快检结果 (when any result) and 报告信息. Sizes in bytes, times as Shanghai times, hashes as text."""
    ordered = _ordered(items)
    number = {item.uuid: n for n, item in enumerate(ordered, 1)}
    by_item = {i.uuid: i for i in ordered}
    book = Workbook()
    book.remove(book.active)
    rows = [[n, i.name, KIND_NAMES.get(i.kind, str(i.kind)), i.size, i.sha256, i.device_serial, i.officer_no,
             _xl_time(i.recorded_at), _xl_time(i.recorded_at_corrected), _xl_time(i.modified_at),
             _xl_time(i.imported_at), i.imported_by, i.workstation, "是" if case.uuid in i.case_uuids else "否",
             len(i.case_uuids), "是" if i.important else "否", i.original_path, i.driver, i.import_uuid,
             i.stored_path, f"{i.gps[0]:.6f}, {i.gps[1]:.6f}" if i.gps else "",
             "；".join(tr_in("zh_CN", w) for w in i.warnings), i.uuid] for n, i in enumerate(ordered, 1)]
    sheet = _sheet(book, "证据清单", ITEM_HEADERS, rows, text_columns=(4,))
    if not ordered:
        sheet["A2"] = NONE_LINKED
    steps = [[number.get(e.item_uuid), by_item[e.item_uuid].name if e.item_uuid in by_item else "",
              by_item[e.item_uuid].sha256 if e.item_uuid in by_item else "", _xl_time(e.at),
              ACTION_NAMES.get(e.action, e.action), e.actor_name, details_text(e.details), e.audit_seq,
              e.audit_hash, e.item_uuid] for _, entries in _steps(ordered, custody) for e in entries]
    _sheet(book, "保管记录", STEP_HEADERS, steps, text_columns=(2, 8))
    results = [[number[i.uuid], i.name, r.item, r.sample, r.sample_no, r.value, r.unit, r.limit,
                VERDICT_NAMES.get(r.verdict, str(r.verdict)), _xl_time(r.tested_at), r.method]
               for i in ordered for r in i.results]
    if results:
        _sheet(book, "快检结果", RESULT_HEADERS, results, text_columns=(5, 7))
    info = _sheet(book, "报告信息", (("项目", 14), ("内容", 100)), [
        ["报告", TITLE_TEXT], ["案号", case.number], ["案由", case.cause], ["当事人", case.party_names],
        ["办案机关", bureau_name], ["证据数量", len(ordered)], ["保管记录数", len(steps)],
        ["生成时间", _xl_time(generated_at)], ["生成人", generated_by],
        *(["核验方法", "".join(parts)] for parts in VERIFY_TEXT)])
    for row in info.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.title = f"{TITLE_TEXT} {case.number}"
    book.properties.creator = "Zhifa"
    return _write(path, book.save)


__all__ = ["build_custody_document", "details_text", "human_size", "write_custody_pdf",
           "write_custody_xlsx"]
