"""The chain-of-custody report: the workbook's sheets and cells, the PDF's text (LibreOffice), the
fonts of the .docx behind it, an empty case, and no file left behind when writing or converting fails."""

from __future__ import annotations

import os
import re
import string
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from app.documents.pdf import (
    ENV_VAR,
    ConversionFailed,
    ConverterMissing,
    find_converter,
    page_count,
    pdf_text,
)
from app.domain.cases import Case, CaseKind, Stage
from app.domain.errors import UserError
from app.domain.evidence import CustodyEntry, EvidenceItem, MediaKind, TestResult, Verdict
from app.domain.messages_zh_custody import MESSAGES_ZH_CUSTODY
from app.domain.parties import Party, PartyKind
from app.services.evidence.custody_report import (
    SHANGHAI,
    build_custody_document,
    details_text,
    human_size,
    write_custody_pdf,
    write_custody_xlsx,
)

REQUIRE_LIBREOFFICE = os.environ.get("ZHIFA_REQUIRE_LIBREOFFICE") == "1"
SHA_VIDEO = "3f" * 32
SHA_RESULT = "0123456789abcdef" * 4
GENERATED = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)

CASE = Case(uuid="case-1", number="杭市监罚〔2026〕17号", bureau_code="330100", kind=CaseKind.PENALTY_ORDINARY,
            stage=Stage.INVESTIGATING, matter_code="M1", matter_name="食品安全检查", cause="销售农药残留超标的蔬菜",
            source="检查发现", act_date=date(2026, 2, 27), place="杭州市西湖区",
            parties=(Party(kind=PartyKind.PERSON, name="王某某", id_number="330106199001011234"),))


def _item(uuid: str, sha: str, name: str, **kw: object) -> EvidenceItem:
    values: dict[str, object] = dict(
        uuid=uuid, sha256=sha, size=1_572_864, kind=MediaKind.VIDEO, name=name,
        original_path=f"DCIM/100MEDIA/{name}", stored_path=f"{sha[:2]}/{sha}.mp4", device_serial="DSJ-A8-0042",
        driver="ga947", officer_no="012345", recorded_at=datetime(2026, 3, 1, 9, 15, 3, tzinfo=SHANGHAI),
        recorded_at_corrected=datetime(2026, 3, 1, 9, 13, 1, tzinfo=SHANGHAI),
        modified_at=datetime(2026, 3, 1, 9, 20, tzinfo=SHANGHAI), imported_at=datetime(2026, 3, 1, 14, 2, 5,
                                                                                       tzinfo=SHANGHAI),
        imported_by="李明", workstation="WS-执法-01", import_uuid="imp-1", case_uuids=("case-1",))
    values.update(kw)
    return EvidenceItem(**values)  # type: ignore[arg-type]


VIDEO = _item("item-v", SHA_VIDEO, "20260301091503_012345_0001.mp4", important=True,
              warnings=("the device clock was off by more than 5 minutes",))
RESULT = _item("item-r", SHA_RESULT, "=快检结果.csv", kind=MediaKind.RESULT, size=812, recorded_at=None,
               recorded_at_corrected=None, imported_at=datetime(2026, 3, 1, 6, 30, tzinfo=UTC),
               results=(TestResult(item="有机磷和氨基甲酸酯类农药", sample="小白菜", value="62.4", unit="%", limit="50",
                                   verdict=Verdict.FAIL, tested_at=datetime(2026, 3, 1, 10, 5, tzinfo=SHANGHAI),
                                   sample_no="S-07"),))


def _entry(item: str, seq: int, action: str, at: datetime, **details: object) -> CustodyEntry:
    return CustodyEntry(item_uuid=item, at=at, action=action, actor_name="李明", details=details, audit_seq=seq,
                        audit_hash=f"{seq:02d}" + "ab" * 31)


T0 = datetime(2026, 3, 1, 14, 2, 5, tzinfo=SHANGHAI)
CUSTODY = (  # out of order on purpose
    _entry("item-v", 102, "evidence.link", T0 + timedelta(minutes=5), case_uuid="case-1", case_number=CASE.number,
           how="confirmed"),
    _entry("item-v", 101, "evidence.import", T0, sha256=SHA_VIDEO, device_serial="DSJ-A8-0042",
           original_path="DCIM/100MEDIA/20260301091503_012345_0001.mp4", clock_offset_s=122.0,
           modified_at="2026-03-01T01:20:00+00:00"),
    _entry("item-r", 99, "evidence.import", T0 - timedelta(hours=1), sha256=SHA_RESULT, device_serial="KJ-9"),
    _entry("item-v", 140, "evidence.verify", T0 + timedelta(days=1), ok=True),
)
ARGS = dict(case=CASE, bureau_name="杭州市市场监督管理局", items=(VIDEO, RESULT), custody=CUSTODY,
            generated_at=GENERATED, generated_by="李明")


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_workbook_lists_items_custody_steps_and_results(tmp_path):
    path = write_custody_xlsx(tmp_path / "out" / "保管链.xlsx", **ARGS)
    assert path == tmp_path / "out" / "保管链.xlsx"
    book = load_workbook(path)
    assert book.sheetnames == ["证据清单", "保管记录", "快检结果", "报告信息"]
    items = book["证据清单"]
    assert items.freeze_panes == "A2" and items.column_dimensions["E"].width >= 64
    header, first, second = _rows(items)
    assert header[:6] == ("序号", "文件名", "类型", "大小（字节）", "SHA-256", "设备编号")
    # in recording order: the result file has no recording time and sorts by its import (06:30 UTC = 14:30)
    assert first[:5] == (1, VIDEO.name, "视频", 1_572_864, SHA_VIDEO)
    assert first[7:11] == (datetime(2026, 3, 1, 9, 15, 3), datetime(2026, 3, 1, 9, 13, 1),
                           datetime(2026, 3, 1, 9, 20), datetime(2026, 3, 1, 14, 2, 5))
    assert (first[13], first[14], first[15]) == ("是", 1, "是")  # linked here, to one case, important
    assert first[21]  # the clock warning (translated once the lead merges the import messages)
    assert second[1] == "=快检结果.csv" and second[3] == 812 and second[10] == datetime(2026, 3, 1, 14, 30)
    assert items["B3"].data_type == "s"  # a name starting with "=" is not a formula
    assert items["E2"].data_type == "s" and items["E2"].number_format == "@"
    assert items["H2"].number_format == "yyyy-mm-dd hh:mm:ss"

    steps = _rows(book["保管记录"])
    assert steps[0][:8] == ("证据序号", "文件名", "SHA-256", "时间", "操作", "操作人", "详情", "审计序号")
    assert [(r[0], r[4], r[7]) for r in steps[1:]] == [(1, "导入", 101), (1, "关联案件", 102), (1, "校验", 140),
                                                      (2, "导入", 99)]
    assert steps[1][3] == datetime(2026, 3, 1, 14, 2, 5) and steps[1][8] == CUSTODY[1].audit_hash
    assert "时钟偏差（秒）：+122" in steps[1][6] and "文件修改时间：2026-03-01 09:20:00" in steps[1][6]
    assert "案号：杭市监罚〔2026〕17号" in steps[2][6] and "案件编号" not in steps[2][6]

    results = _rows(book["快检结果"])
    assert results[1] == (2, "=快检结果.csv", "有机磷和氨基甲酸酯类农药", "小白菜", "S-07", "62.4", "%", "50", "不合格",
                          datetime(2026, 3, 1, 10, 5), None)
    info = dict(_rows(book["报告信息"])[1:9])
    assert info["案号"] == CASE.number and info["证据数量"] == 2 and info["生成时间"] == datetime(2026, 3, 2, 10, 0)


def test_a_case_without_evidence_gives_a_report_saying_so(tmp_path):
    args = {**ARGS, "items": (), "custody": ()}
    book = load_workbook(write_custody_xlsx(tmp_path / "empty.xlsx", **args))
    assert book.sheetnames == ["证据清单", "保管记录", "报告信息"]
    assert book["证据清单"]["A2"].value == "本案未关联任何证据。"
    text = "\n".join(p.text for p in build_custody_document(**args).paragraphs)
    assert "本案未关联任何证据。" in text and "无保管记录。" in text


def test_the_document_names_the_east_asian_font_on_every_run_and_holds_every_hash():
    document = build_custody_document(**ARGS)
    body = document.element.body
    runs = list(body.iter(qn("w:r")))
    assert runs and all(r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) for r in runs)
    mono = [r for r in runs if r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:ascii")) == "Courier New"]
    texts = {"".join(t.text for t in r.iter(qn("w:t"))) for r in mono}
    assert {SHA_VIDEO, SHA_RESULT, "zhifa audit verify"} <= texts
    xml = body.xml
    assert "证据保管链报告" in xml and "提示：重要文件（设备上已锁定）" in xml


def test_odd_names_and_steps_of_items_not_in_the_list_are_shown_safely(tmp_path):
    odd = _item("item-x", "ee" * 32, "a<b>&c\x01\ud800.mp4", case_uuids=())
    stray = _entry("item-gone", 7, "evidence.unlink", T0, case_uuid="case-1", reason="误关联")
    args = {**ARGS, "items": (odd,), "custody": (stray,)}
    xml = build_custody_document(**args).element.body.xml
    assert "a&lt;b&gt;&amp;c\\x01\\xd800.mp4" in xml and "不在本案证据清单中" in xml and "取消关联" in xml
    book = load_workbook(write_custody_xlsx(tmp_path / "odd.xlsx", **args))
    assert _rows(book["证据清单"])[1][1] == "a<b>&c\\x01\\xd800.mp4" and _rows(book["证据清单"])[1][13] == "否"
    assert _rows(book["保管记录"])[1][:5] == (None, None, None, datetime(2026, 3, 1, 14, 2, 5), "取消关联")


def test_without_a_converter_no_pdf_is_made(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "none")
    with pytest.raises(ConverterMissing):
        write_custody_pdf(tmp_path / "r.pdf", **ARGS)
    assert list(tmp_path.iterdir()) == []


def test_sizes_and_details_read_in_chinese():
    assert [human_size(n) for n in (0, 1023, 1536, 1_572_864, 3 * 1024**3)] == [
        "0 B", "1023 B", "1.5 KB", "1.5 MB", "3.00 GB"]
    assert details_text({"how": "picked", "ok": False, "reason": "", "extra": 3}) == "方式：人工选择；校验一致：否；extra：3"


def test_a_failed_write_says_so_in_chinese_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError) as caught:
        write_custody_xlsx(blocker / "report.xlsx", **ARGS)
    zh = MESSAGES_ZH_CUSTODY[caught.value.source]
    fields = {name for _, name, _, _ in string.Formatter().parse(zh) if name}
    assert fields == {"file", "reason"} == set(caught.value.params)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


class _FailingConverter:
    def __init__(self):
        self.calls = 0

    def convert(self, docx_paths, out_dir):
        self.calls += 1
        assert len(docx_paths) == 1 and Path(docx_paths[0]).stat().st_size > 0
        (Path(out_dir) / "custody.pdf").write_bytes(b"%PDF-half")  # a half-made file in the work folder
        raise ConversionFailed(list(docx_paths), 1, "boom")


def test_a_failed_conversion_leaves_no_file(tmp_path):
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    converter = _FailingConverter()
    with pytest.raises(ConversionFailed):
        write_custody_pdf(target, **ARGS, converter=converter)
    assert converter.calls == 1 and list(target.parent.iterdir()) == []


@pytest.fixture
def soffice():
    converter = find_converter()
    if converter is None:
        where = f"{ENV_VAR}={os.environ[ENV_VAR]!r}" if ENV_VAR in os.environ else "not on PATH nor installed"
        if REQUIRE_LIBREOFFICE:
            pytest.fail(f"LibreOffice is required here (ZHIFA_REQUIRE_LIBREOFFICE=1) but not found ({where})")
        pytest.skip(f"no LibreOffice (soffice) to use ({where}): install libreoffice-writer "
                    f"or point {ENV_VAR} at soffice to run the PDF conversion test")
    return converter


def test_the_pdf_holds_the_case_every_hash_and_the_custody_steps(tmp_path, soffice):
    path = write_custody_pdf(tmp_path / "证据保管链报告.pdf", **ARGS, converter=soffice)
    assert path.read_bytes().startswith(b"%PDF-") and page_count(path) >= 1
    text = pdf_text(path)
    flat = re.sub(r"\s+", "", text)
    assert "证据保管链报告" in flat and re.sub(r"\s+", "", CASE.number) in flat
    for sha in (SHA_VIDEO, SHA_RESULT):
        assert sha in flat
    for step in ("导入", "关联案件", "校验", "快检结果", "不合格", "zhifaauditverify", "制表人"):
        assert step in flat, step
    for entry in CUSTODY:
        assert entry.audit_hash[:12] in flat
    assert "2026-03-0114:02:05" in flat  # Shanghai time of the import
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
