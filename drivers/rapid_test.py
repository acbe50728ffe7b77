"""Rapid-test device (快检设备, e.g. pesticide-residue analysers) that writes result files.

Results are CSV (often GBK, Chinese header 样品编号,样品名称,检测项目,检测值,单位,限量,结果,检测时间,检测方法)
or XML (one element per result with child elements or attributes named like those columns).
See drivers/notes/rapid_test.md.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat as statmod
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import ClassVar

from app.devices.base import (
    MASS_STORAGE_CLASS,
    SHANGHAI,
    DeviceDriver,
    DeviceFile,
    DeviceHandler,
    DeviceInfo,
    MediaKind,
    TestResult,
    UsbLink,
    Verdict,
    kind_of,
    mtime,
    walk_files,
)
from drivers.ga947 import decode_text, device_info, find_info_file, info_fields, open_regular, top_folders

RESULT_FOLDERS = frozenset({"检测结果", "检测数据", "快检数据", "result", "results", "data", "testdata", "export"})
RESULT_EXT = (".csv", ".xml")
MAX_BYTES = 8 * 1024 * 1024  # a result file is small; a bigger one is not parsed

# column / tag name (lower-case, no spaces) -> TestResult field
COLUMNS: dict[str, str] = {}
for _field, _names in {
    "sample_no": "样品编号 样品编码 编号 样品号 sampleno sample_no sampleid",
    "sample": "样品名称 样品 名称 被检样品 samplename sample_name sample",
    "item": "检测项目 项目 项目名称 检测指标 item testitem test_item",
    "value": "检测值 检测结果值 结果值 抑制率 测定值 数值 value result_value",
    "unit": "单位 unit",
    "limit": "限量 限值 标准值 临界值 判定标准 限量值 limit",
    "verdict": "结果 判定 判定结果 检测结论 结论 verdict result conclusion",
    "tested_at": "检测时间 时间 检测日期 日期 testtime test_time time datetime date",
    "method": "检测方法 方法 依据标准 检测依据 method standard",
}.items():
    for _name in _names.split():
        COLUMNS[_name] = _field

VERDICTS: tuple[tuple[str, Verdict], ...] = (
    ("不合格", Verdict.FAIL), ("阳性", Verdict.FAIL), ("超标", Verdict.FAIL), ("fail", Verdict.FAIL),
    ("positive", Verdict.FAIL), ("无效", Verdict.UNKNOWN), ("可疑", Verdict.UNKNOWN),
    ("合格", Verdict.PASS), ("阴性", Verdict.PASS), ("pass", Verdict.PASS), ("negative", Verdict.PASS),
)
TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                "%Y%m%d%H%M%S", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日%H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y-%m-%d",
                "%Y/%m/%d", "%Y年%m月%d日")
REQUIRED = ("item", "verdict")

NOTE_BAD_ROWS = "rows that could not be read: {rows}"
NOTE_UNREADABLE = "the result file could not be read"
NOTE_NO_RESULTS = "the result file holds no results"
NOTE_TOO_BIG = "the result file is too large to read its results"


def _note(source: str, **params: object) -> str:
    """An English note (translated when shown)."""
    return source.format(**params) if params else source


def verdict_of(text: str) -> Verdict:
    """合格/阴性 -> PASS, 不合格/阳性 -> FAIL, 无效/可疑/anything else -> UNKNOWN."""
    folded = text.strip().lower()
    for word, verdict in VERDICTS:
        if word in folded:
            return verdict
    return Verdict.UNKNOWN


def time_of(text: str) -> datetime | None:
    text = re.sub(r"\s+", " ", text.strip())
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=SHANGHAI)
        except ValueError:
            continue
    return None


def _column(name: str) -> str | None:
    return COLUMNS.get(re.sub(r"[\s()（）:：]", "", name).lower())


def _result(fields: dict[str, str]) -> TestResult | None:
    """A TestResult from field texts, None when the item or the verdict is missing or a time is garbled."""
    if any(not fields.get(key, "").strip() for key in REQUIRED):
        return None
    when_text = fields.get("tested_at", "").strip()
    tested_at = time_of(when_text) if when_text else None
    if when_text and tested_at is None:
        return None
    return TestResult(item=fields["item"].strip(), sample=fields.get("sample", "").strip(),
                      value=fields.get("value", "").strip(), unit=fields.get("unit", "").strip(),
                      limit=fields.get("limit", "").strip(), verdict=verdict_of(fields["verdict"]),
                      tested_at=tested_at, sample_no=fields.get("sample_no", "").strip(),
                      method=fields.get("method", "").strip())


def parse_csv(text: str) -> tuple[tuple[TestResult, ...], list[int]]:
    """(results, numbers of the rows that could not be read); raises ValueError without a header.
    Row numbers count lines of the file from 1 (the header included)."""
    best: tuple[int, int, list[list[str]]] | None = None
    for delimiter in (",", "\t", ";", "，"):
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
        for index, row in enumerate(rows[:5]):  # a title line may sit above the header
            known = len({_column(cell) for cell in row} - {None})
            if known >= 3 and (best is None or known > best[0]):
                best = (known, index, rows)
    if best is None:
        raise ValueError("no header")
    _known, header_at, rows = best
    header = [_column(cell) for cell in rows[header_at]]
    results: list[TestResult] = []
    bad: list[int] = []
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        fields = {key: cell for key, cell in zip(header, row, strict=False) if key}
        extra = row[len(header):]
        whole = len(row) >= len(header) and not any(cell.strip() for cell in extra)
        result = _result(fields) if whole else None
        if result is None:
            bad.append(number)
        else:
            results.append(result)
    return tuple(results), bad


def parse_xml(data: bytes) -> tuple[tuple[TestResult, ...], list[int]]:
    """(results, positions (from 1) of the records that could not be read); raises ValueError when the
    XML is not well-formed. The XML declaration's encoding may name GBK, which expat cannot read."""
    declared = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9_-]+)[\"']", data.lstrip(b"\xef\xbb\xbf"))
    try:
        text = data.decode(declared[1].decode()) if declared else decode_text(data)
    except (LookupError, UnicodeDecodeError):
        text = decode_text(data)
    text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise ValueError(str(exc)) from exc
    results: list[TestResult] = []
    bad: list[int] = []
    records = [el for el in root.iter() if _record_fields(el)]
    for position, element in enumerate(records, start=1):
        result = _result(_record_fields(element))
        if result is None:
            bad.append(position)
        else:
            results.append(result)
    return tuple(results), bad


def _record_fields(element: ET.Element) -> dict[str, str]:
    """The fields of a record element (from attributes and child elements), {} when it is not one."""
    fields: dict[str, str] = {}
    for name, value in element.attrib.items():
        key = _column(name)
        if key:
            fields.setdefault(key, value)
    for child in element:
        key = _column(child.tag)
        if key and len(child) == 0:
            fields.setdefault(key, child.text or "")
    return fields if len(fields) >= 3 else {}


class RapidTestDevice(DeviceDriver):
    """A 快检设备 that shows up as a USB disk and keeps its results as CSV / XML files."""

    NAME: ClassVar[str] = "rapid_test"
    LABEL: ClassVar[str] = "Rapid-test device (result files)"
    KIND: ClassVar[str] = "rapid_test"
    # STM32 mass-storage firmware, as used by several pesticide-residue analysers
    VENDOR_ID: ClassVar[tuple[int, ...]] = (0x0483,)
    PRODUCT_ID: ClassVar[tuple[int, ...]] = (0x5720,)
    INTERFACE_CLASS: ClassVar[int | None] = MASS_STORAGE_CLASS
    SAMPLE: ClassVar[str] = "rapid_test"

    @classmethod
    def recognises(cls, volume: Path) -> bool:
        """Result files at the root or in a result folder; at most 10 are parsed to decide."""
        looked = 0
        candidates = chain(_root_files(volume),
                           *(walk_files(volume, folder) for folder in top_folders(volume, RESULT_FOLDERS)))
        for relpath, st in candidates:
            if not relpath.lower().endswith(RESULT_EXT) or not statmod.S_ISREG(st.st_mode):
                continue
            looked += 1
            if st.st_size <= MAX_BYTES and _parse(Path(volume) / relpath)[0]:
                return True
            if looked >= 10:
                return False
        return False

    def probe(self, link: UsbLink | None, volume: Path | None, handler: DeviceHandler, now: datetime) -> DeviceInfo:
        _info_file, fields = info_fields(volume)
        return device_info(fields, self.usb.serial if self.usb else "", volume)

    def scan(self, volume: Path, info: DeviceInfo) -> Iterator[DeviceFile]:
        info_file = find_info_file(volume)
        for relpath, st in walk_files(volume):
            if info_file is not None and relpath == info_file.name:
                continue
            base = {"relpath": relpath, "size": st.st_size, "modified_at": mtime(st),
                    "device_serial": info.serial, "officer_no": info.officer_no}
            if not relpath.lower().endswith(RESULT_EXT) or not statmod.S_ISREG(st.st_mode):
                yield DeviceFile(**base, kind=kind_of(relpath))
                continue
            if not st.st_size:
                yield DeviceFile(**base, kind=MediaKind.RESULT, note=NOTE_NO_RESULTS)
                continue
            if st.st_size > MAX_BYTES:
                yield DeviceFile(**base, kind=MediaKind.RESULT, note=NOTE_TOO_BIG)
                continue
            results, note = _parse(Path(volume) / relpath)
            tested = [r.tested_at for r in results if r.tested_at is not None]
            yield DeviceFile(**base, kind=MediaKind.RESULT, results=results, note=note,
                             recorded_at=min(tested) if tested else None)


def _root_files(volume: Path) -> Iterator[tuple[str, os.stat_result]]:
    try:
        entries = sorted(os.scandir(volume), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        st = entry.stat(follow_symlinks=False)
        if not statmod.S_ISDIR(st.st_mode):
            yield entry.name, st


def _parse(path: Path) -> tuple[tuple[TestResult, ...], str]:
    """(results, note) for one result file; never raises."""
    try:
        with open_regular(path) as fh:  # read-only, regular files only
            data = fh.read(MAX_BYTES)
    except OSError:
        return (), NOTE_UNREADABLE
    try:
        if path.suffix.lower() == ".xml":
            results, bad = parse_xml(data)
        else:
            results, bad = parse_csv(decode_text(data))
    except (ValueError, csv.Error, RecursionError):
        return (), NOTE_UNREADABLE
    if bad:
        return results, _note(NOTE_BAD_ROWS, rows=", ".join(map(str, bad)))
    return results, "" if results else NOTE_NO_RESULTS
