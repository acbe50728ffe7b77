"""The bureau profile: old files stay valid, the document details and 文号 blocks are read and
checked, and a broken entry is refused naming the file and the entry."""

from __future__ import annotations

import json

import pytest

from app.config.bureau import DEMO_BUREAU, DEMO_SERIES, BureauProfile, ProfileBlock
from app.domain.errors import ValidationError

OLD = {"code": "HXSJJ", "name": "海西区市场监督管理局", "case_prefix": "海西市监"}


def write(tmp_path, data) -> None:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    (tmp_path / "bureau.json").write_text(text, encoding="utf-8")


def refused(tmp_path, data) -> ValidationError:
    write(tmp_path, data)
    with pytest.raises(ValidationError) as caught:
        BureauProfile.load(tmp_path)
    assert caught.value.field == "bureau"
    assert "bureau.json" in caught.value.english and "bureau.json" in caught.value.message
    assert caught.value.message != caught.value.english
    return caught.value


def test_an_old_file_stays_valid_and_the_document_prefix_defaults_to_the_case_prefix(tmp_path):
    write(tmp_path, OLD)
    profile = BureauProfile.load(tmp_path)
    assert profile == BureauProfile("HXSJJ", "海西区市场监督管理局", "海西市监")
    assert profile.document_prefix == "海西市监"
    assert (profile.address, profile.review_body, profile.court, profile.number_blocks) == ("", "", "", ())
    assert profile.document_number("罚", 2026, 12) == "海西市监罚〔2026〕12号"


def test_the_document_details_and_number_blocks_are_read(tmp_path):
    write(tmp_path, {**OLD, "address": " 海西区海滨路1号 ", "phone": "0750-1234567", "postcode": "529000",
                     "review_body": "海西区人民政府", "court": "海西区人民法院", "bank": "工商银行海西支行",
                     "account_name": "海西区财政局", "account_no": "2012 0043", "document_prefix": "海西市监管",
                     "number_blocks": [
                         {"series": "罚", "year": 2026, "first": 1, "last": 500, "workstation": "WS-01"},
                         {"series": "罚", "year": 2026, "first": 501, "last": 1000, "workstation": "WS-02"},
                         {"series": "告", "year": 2026, "first": 1, "last": 500}]})
    profile = BureauProfile.load(tmp_path)
    assert profile.address == "海西区海滨路1号" and profile.review_body == "海西区人民政府"
    assert (profile.court, profile.bank, profile.account_name, profile.account_no) == (
        "海西区人民法院", "工商银行海西支行", "海西区财政局", "2012 0043")
    assert profile.document_number("罚", 2026, 3) == "海西市监管罚〔2026〕3号"
    assert profile.number_blocks == (ProfileBlock("罚", 2026, 1, 500, "WS-01"), ProfileBlock("罚", 2026, 501, 1000, "WS-02"),
                                     ProfileBlock("告", 2026, 1, 500, "*"))
    assert [b.first for b in profile.blocks_for("WS-02")] == [501, 1]
    assert [b.first for b in profile.blocks_for("WS-09")] == [1]


def test_the_demo_bureau_prints_realistic_details_and_holds_generous_blocks():
    assert DEMO_BUREAU.code == "JHSJJ" and DEMO_BUREAU.document_prefix == "江海市监"
    assert DEMO_BUREAU.review_body == "江海区人民政府" and DEMO_BUREAU.court == "江门市江海区人民法院"
    assert DEMO_BUREAU.bank and DEMO_BUREAU.account_name and DEMO_BUREAU.account_no and DEMO_BUREAU.address
    blocks = {(b.series, b.year): b for b in DEMO_BUREAU.number_blocks}
    assert set(blocks) == {(s, y) for s in ("罚", "当罚", "不罚", "告", "强", "催", "责改", "听")
                           for y in range(2024, 2028)}
    assert set(DEMO_SERIES) == {s for s, _ in blocks}
    assert all(b.workstation == "*" and b.first == 1 and b.last >= 5000 for b in blocks.values())
    assert len(DEMO_BUREAU.blocks_for("any-workstation")) == len(blocks)


def test_without_a_file_the_demo_bureau_is_used(tmp_path):
    assert BureauProfile.load(tmp_path) == DEMO_BUREAU


@pytest.mark.parametrize(("extra", "named"), [
    ({"court": 12}, "court"),
    ({"number_blocks": {"series": "罚"}}, "number_blocks"),
    ({"number_blocks": ["罚 1-100"]}, "number_blocks[0]"),
    ({"number_blocks": [{"series": "罚", "year": 2026, "first": 1, "last": 9}, {"year": 2026, "first": 10,
                                                                                  "last": 20}]},
     "number_blocks[1]"),
    ({"number_blocks": [{"series": "罚", "year": 2026, "first": 1}]}, "last"),
    ({"number_blocks": [{"series": "罚", "year": "2026", "first": 1, "last": 9}]}, "'2026'"),
    ({"number_blocks": [{"series": "罚", "year": 26, "first": 1, "last": 9}]}, "26"),
    ({"number_blocks": [{"series": "罚", "year": 2026, "first": 0, "last": 9}]}, "number_blocks[0]"),
    ({"number_blocks": [{"series": "罚", "year": 2026, "first": 10, "last": 9}]}, "last (9) is before first (10)"),
    ({"number_blocks": [{"series": "罚", "year": 2026, "first": 1, "last": 9, "workstation": ""}]}, "workstation"),
    ({"number_blocks": [{"series": "罚", "year": 2026, "frist": 1, "last": 9}]}, "frist"),
    ({"number_blocks": [{"series": "罚", "year": 2026, "first": True, "last": 9}]}, "True"),
])
def test_a_broken_entry_is_refused_naming_the_file_and_the_entry(tmp_path, extra, named):
    err = refused(tmp_path, {**OLD, **extra})
    assert named in err.english


def test_overlapping_blocks_are_refused_naming_both_entries(tmp_path):
    err = refused(tmp_path, {**OLD, "number_blocks": [
        {"series": "罚", "year": 2026, "first": 1, "last": 100, "workstation": "WS-01"},
        {"series": "告", "year": 2026, "first": 1, "last": 100, "workstation": "WS-01"},
        {"series": "罚", "year": 2027, "first": 1, "last": 100, "workstation": "WS-01"},
        {"series": "罚", "year": 2026, "first": 100, "last": 200, "workstation": "WS-02"}]})
    assert "number_blocks[0]" in err.english and "number_blocks[3]" in err.english
    assert "1–100" in err.english and "100–200" in err.english
    assert "重叠" in err.message


@pytest.mark.parametrize("text", [
    "{", "[]", '{"code": "X", "name": "Y"}', '{"code": "", "name": "Y", "case_prefix": "Z"}'])
def test_a_broken_file_is_still_refused(tmp_path, text):
    refused(tmp_path, text)
