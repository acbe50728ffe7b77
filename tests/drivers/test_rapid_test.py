"""Rapid-test result files: encodings, headers, verdicts, times, malformed rows and files."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.devices.base import SHANGHAI, DeviceInfo, UsbInfo
from app.domain.evidence import MediaKind, Verdict
from drivers import rapid_test
from drivers.rapid_test import (
    NOTE_NO_RESULTS,
    NOTE_TOO_BIG,
    NOTE_UNREADABLE,
    RapidTestDevice,
    parse_csv,
    parse_xml,
    time_of,
    verdict_of,
)
from tests.fakes.device_trees import fat32_tree

HEADER = "样品编号,样品名称,检测项目,检测值,单位,限量,结果,检测时间,检测方法"


@pytest.mark.parametrize(("text", "verdict"), [
    ("合格", Verdict.PASS), (" 阴性 ", Verdict.PASS), ("不合格", Verdict.FAIL), ("阳性(+)", Verdict.FAIL),
    ("超标", Verdict.FAIL), ("无效", Verdict.UNKNOWN), ("可疑", Verdict.UNKNOWN), ("", Verdict.UNKNOWN),
    ("PASS", Verdict.PASS), ("Negative", Verdict.PASS), ("Positive", Verdict.FAIL), ("？", Verdict.UNKNOWN),
])
def test_verdicts_are_normalised(text, verdict):
    assert verdict_of(text) is verdict


@pytest.mark.parametrize("text", ["2026-03-02 09:40:12", "2026/03/02 09:40:12", "2026-03-02T09:40:12",
                                  "20260302094012", "2026年03月02日 09:40:12", " 2026-03-02  09:40:12 "])
def test_times_in_the_usual_forms(text):
    assert time_of(text) == datetime(2026, 3, 2, 9, 40, 12, tzinfo=SHANGHAI)


def test_time_forms_without_seconds_or_time_and_garbage():
    assert time_of("2026/03/02 11:20") == datetime(2026, 3, 2, 11, 20, tzinfo=SHANGHAI)
    assert time_of("2026年3月2日") == datetime(2026, 3, 2, tzinfo=SHANGHAI)
    assert time_of("yesterday") is None and time_of("2026-02-30 10:00:00") is None


def test_csv_with_tabs_a_title_line_and_trailing_empty_cells():
    text = "快检记录\n\n" + HEADER.replace(",", "\t") + "\t\nS1\t白菜\t甲胺磷\t0.1\tmg/kg\t0.05\t不合格\t2026-03-02 09:00:00\t\t\t\n"
    results, bad = parse_csv(text)
    assert bad == [] and len(results) == 1
    assert (results[0].sample_no, results[0].verdict, results[0].method) == ("S1", Verdict.FAIL, "")


def test_english_headers_and_column_order_do_not_matter():
    results, _bad = parse_csv("Result,Item,Sample,Value\npass,Lead,Rice,0.01\n")
    assert (results[0].item, results[0].sample, results[0].verdict, results[0].tested_at) == \
        ("Lead", "Rice", Verdict.PASS, None)


def test_malformed_rows_are_named_by_line():
    text = "\n".join([HEADER, "S1,白菜,甲胺磷,1,%,50,合格,2026-03-02 09:00:00,x",  # line 2: fine
                      "S2,白菜,甲胺磷,1,%,50,合格,2026-03-02 09:00:00,x,extra",  # 3: extra cell
                      "S3,白菜,,1,%,50,合格,2026-03-02 09:00:00,x",  # 4: no item
                      "S4,白菜,甲胺磷,1,%,50,,2026-03-02 09:00:00,x",  # 5: no verdict
                      "", "S5,白菜"])  # 6 blank (skipped), 7 short
    results, bad = parse_csv(text)
    assert len(results) == 1 and bad == [3, 4, 5, 7]


def test_a_csv_without_a_header_cannot_be_parsed():
    with pytest.raises(ValueError):
        parse_csv("1,2,3\n4,5,6\n")


def test_xml_with_attributes_only_and_utf8_without_declaration():
    data = '<r><结果 样品名称="米" 检测项目="镉" 结果="合格" 检测值="0.1"/><x a="1"/></r>'.encode()
    results, bad = parse_xml(data)
    assert bad == [] and [(r.sample, r.item, r.value) for r in results] == [("米", "镉", "0.1")]


def test_xml_records_missing_a_verdict_are_counted():
    data = b"<r><Record><Item>a</Item><Sample>b</Sample><Value>1</Value></Record></r>"
    assert parse_xml(data) == ((), [1])


@pytest.mark.parametrize("data", [b"<r><Record>", b"", b"not xml", b'<?xml version="1.0" encoding="nope"?><r/>x'])
def test_xml_that_is_not_well_formed_raises_value_error(data):
    with pytest.raises(ValueError):
        parse_xml(data)


def test_scan_on_a_fat32_volume_notes_empty_unreadable_and_oversized_files(tmp_path, monkeypatch):
    row = "S1,白菜,甲胺磷,1,%,50,合格,2026-03-02 09:00:00,x"
    volume = fat32_tree({"DATA/空.csv": b"", "DATA/无表头.csv": b"1,2\n", "DATA/只有表头.csv": HEADER.encode("gbk"),
                         "DATA/大.csv": (HEADER + "\n" + row + "\n").encode("gbk") * 3, "DATA/照片.jpg": b"j"},
                        tmp_path / "vol")
    monkeypatch.setattr(rapid_test, "MAX_BYTES", 200)
    found = {f.relpath: f for f in RapidTestDevice().scan(volume, DeviceInfo(serial="KJ1"))}
    assert found["DATA/空.csv"].note == NOTE_NO_RESULTS and found["DATA/空.csv"].kind is MediaKind.RESULT
    assert found["DATA/无表头.csv"].note == NOTE_UNREADABLE and found["DATA/无表头.csv"].results == ()
    assert found["DATA/只有表头.csv"].note == NOTE_NO_RESULTS
    assert found["DATA/大.csv"].note == NOTE_TOO_BIG
    assert found["DATA/照片.jpg"].kind is MediaKind.IMAGE and found["DATA/照片.jpg"].device_serial == "KJ1"


def test_recognised_by_ids_and_by_result_folder(tmp_path):
    assert RapidTestDevice.matches(UsbInfo(0x0483, 0x5720, 1, 4, (0x08,)))
    assert not RapidTestDevice.matches(UsbInfo(0x0483, 0x5720, 1, 4, (0x03,)))  # not its storage interface
    (tmp_path / "检测数据").mkdir()
    (tmp_path / "检测数据/a.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    assert not RapidTestDevice.recognises(tmp_path)
    (tmp_path / "检测数据/b.csv").write_text(HEADER + "\nS1,白菜,甲胺磷,1,%,50,合格,,\n", encoding="gbk")
    assert RapidTestDevice.recognises(tmp_path)
    other = tmp_path / "other"
    (other / "docs").mkdir(parents=True)
    (other / "docs/b.csv").write_text(HEADER + "\nS1,白菜,甲胺磷,1,%,50,合格,,\n", encoding="gbk")
    assert not RapidTestDevice.recognises(other)  # results only count in a result folder or the root
