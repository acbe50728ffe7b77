"""文号 blocks, issuing and the 文号登记簿: numbers come from the workstation's lowest block first,
never twice, a void number stays void, and the register accounts for every number of every block
exactly once."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.i18n import set_language
from app.store import document_numbers as numbers
from app.store.document_numbers import (
    NumberAlreadyIssued,
    NumberBlockConflict,
    NumberBlockExhausted,
    RegisterLine,
)
from app.store.tables import IssuedNumberRow

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
BUREAU = "JHSJJ"


def fmt(series: str, year: int = 2026):
    return lambda seq: f"江海市监{series}〔{year}〕{seq}号"


def add(s, first: int, last: int, *, series: str = "罚", year: int = 2026, workstation: str = "WS-A",
        source: str = "profile") -> numbers.NumberBlock:
    return numbers.add_block(s, bureau_code=BUREAU, series=series, year=year, first=first, last=last,
                             workstation=workstation, source=source, now=NOW)


def issue(s, *, series: str = "罚", year: int = 2026, workstation: str = "WS-A", document: str | None = None,
          now: datetime = NOW) -> numbers.IssuedNumber:
    return numbers.issue(s, bureau_code=BUREAU, series=series, year=year, workstation=workstation,
                         fmt=fmt(series, year), document_uuid=document, case_uuid="c-1", actor_name="李明", now=now)


def expand(lines: list[RegisterLine]) -> list[tuple[str, int]]:
    return [(line.series, n) for line in lines for n in range(line.first, line.last + 1)]


def assert_accounts_for_every_number(s, year: int = 2026) -> list[RegisterLine]:
    lines = numbers.register(s, BUREAU, year)
    covered = expand(lines)
    assert len(covered) == len(set(covered)), "a number shows twice in the register"
    expected = {(b.series, n) for b in numbers.blocks(s, BUREAU, year=year) for n in range(b.first, b.last + 1)}
    assert expected <= set(covered)
    assert covered == sorted(covered)  # by series, then number
    return lines


# ---- blocks -----------------------------------------------------------------------------------------------------
def test_a_block_is_recorded_with_all_its_numbers_to_issue(database):
    with database.write() as s:
        block = add(s, 1, 100)
    assert (block.first, block.last, block.next, block.state, block.remaining) == (1, 100, 1, "active", 100)
    assert block.created_at == NOW and block.closed_at is None and block.returned is None
    with database.read() as s:
        assert numbers.blocks(s, BUREAU) == [block]


def test_adding_the_identical_block_again_returns_the_one_recorded(database):
    with database.write() as s:
        block = add(s, 1, 100)
        issue(s)
    with database.write() as s:
        again = add(s, 1, 100, source="central")
        assert again.uuid == block.uuid and again.next == 2
        assert len(numbers.blocks(s, BUREAU)) == 1


@pytest.mark.parametrize(("first", "last", "workstation"), [
    (50, 150, "WS-A"), (1, 10, "WS-A"), (100, 100, "WS-B"), (1, 100, "WS-B"), (1, 1000, "WS-A"), (20, 30, "*")])
def test_an_overlapping_block_is_refused_naming_both_ranges(database, first, last, workstation):
    with database.write() as s:
        add(s, 1, 100)
    with pytest.raises(NumberBlockConflict) as caught, database.write() as s:
        add(s, first, last, workstation=workstation)
    assert isinstance(caught.value, ValidationError)
    assert f"{first}–{last}" in caught.value.english and "1–100" in caught.value.english
    assert "WS-A" in caught.value.english
    assert "文号段" in caught.value.message and "1–100" in caught.value.message


def test_blocks_of_other_series_years_and_bureaus_do_not_overlap(database):
    with database.write() as s:
        add(s, 1, 100)
        add(s, 1, 100, series="告")
        add(s, 1, 100, year=2027)
        numbers.add_block(s, bureau_code="HXSJJ", series="罚", year=2026, first=1, last=100, workstation="WS-A",
                          source="central", now=NOW)
        add(s, 101, 200, workstation="WS-B")
        assert len(numbers.blocks(s, BUREAU)) == 4
        assert [b.series for b in numbers.blocks(s, BUREAU, year=2026)] == ["告", "罚", "罚"]
        assert len(numbers.blocks(s, BUREAU, year=2026, series="罚")) == 2


@pytest.mark.parametrize(("first", "last", "field"), [
    (0, 10, "number_block.first"), (-3, 10, "number_block.first"), (10, 9, "number_block.last"),
    (True, 10, "number_block.first")])
def test_a_block_must_start_at_one_or_above_and_not_end_before_it_starts(database, first, last, field):
    with pytest.raises(ValidationError) as caught, database.write() as s:
        add(s, first, last)
    assert caught.value.field == field
    assert caught.value.message != caught.value.english  # translated


def test_a_block_needs_a_known_source_a_series_a_workstation_and_a_four_digit_year(database):
    for kwargs, field in (({"source": "guess"}, "number_block.source"), ({"series": " "}, "number_block.series"),
                          ({"workstation": ""}, "number_block.workstation"), ({"year": 26}, "number_block.year")):
        with pytest.raises(ValidationError) as caught, database.write() as s:
            add(s, 1, 10, **kwargs)
        assert caught.value.field == field


# ---- issuing ----------------------------------------------------------------------------------------------------
def test_numbers_are_issued_in_order_from_the_lowest_block_then_the_next(database):
    with database.write() as s:
        add(s, 201, 203)
        add(s, 11, 12)
        add(s, 101, 150, workstation="WS-B")  # another workstation's block is never used here
    with database.write() as s:
        issued = [issue(s, document=f"d-{i}") for i in range(5)]
    assert [n.seq for n in issued] == [11, 12, 201, 202, 203]
    assert [n.text for n in issued][:2] == ["江海市监罚〔2026〕11号", "江海市监罚〔2026〕12号"]
    first = issued[0]
    assert (first.state, first.document_uuid, first.case_uuid, first.workstation, first.actor_name, first.at) == (
        "used", "d-0", "c-1", "WS-A", "李明", NOW)
    with database.read() as s:
        by_first = {b.first: b for b in numbers.blocks(s, BUREAU)}
        assert (by_first[11].state, by_first[11].next, by_first[11].closed_at) == ("closed", 13, NOW)
        assert (by_first[201].state, by_first[201].remaining) == ("closed", 0)
        assert (by_first[101].state, by_first[101].next) == ("active", 101)
        assert first.block_uuid == by_first[11].uuid


def test_a_block_for_any_workstation_serves_every_workstation(database):
    with database.write() as s:
        add(s, 1, 5, workstation="*")
        assert [issue(s, workstation=w).seq for w in ("WS-A", "WS-B", "WS-A")] == [1, 2, 3]
        assert issue(s, workstation="WS-B").workstation == "WS-B"  # the register names who issued it


def test_series_and_years_count_separately(database):
    with database.write() as s:
        for series in ("罚", "告"):
            for year in (2026, 2027):
                add(s, 1, 10, series=series, year=year)
        assert [issue(s, series="罚").seq, issue(s, series="告").seq, issue(s, series="罚", year=2027).seq,
                issue(s, series="罚").seq] == [1, 1, 1, 2]


def test_with_no_number_left_the_user_is_told_to_ask_for_a_new_block(database):
    with database.write() as s:
        add(s, 1, 2)
        issue(s)
        issue(s)
    with pytest.raises(NumberBlockExhausted) as caught, database.write() as s:
        issue(s)
    assert isinstance(caught.value, UserError)
    assert caught.value.english == ("no 文号 left for series 罚 2026 on workstation WS-A; ask the administrator for "
                                    "a new number block")
    assert caught.value.message == "工作站 WS-A 上 2026 年「罚」字文号已用完，请联系系统管理员分配新的文号段"
    with pytest.raises(NumberBlockExhausted), database.write() as s:
        issue(s, series="告")  # no block at all


def test_a_refused_transaction_issues_nothing(database):
    with database.write() as s:
        add(s, 1, 10)
    with pytest.raises(RuntimeError), database.write() as s:
        issue(s)
        raise RuntimeError("the document could not be saved")
    with database.write() as s:
        assert issue(s).seq == 1  # the rolled-back number was never issued: no gap


def test_a_number_already_in_the_register_is_never_issued_twice(database):
    """Blocks mis-assigned (say a number arrived from elsewhere): a clear error, never a duplicate."""
    with database.write() as s:
        add(s, 1, 10)
        s.execute(insert(IssuedNumberRow).values(
            bureau_code=BUREAU, series="罚", year=2026, seq=1, text="江海市监罚〔2026〕1号", state="used",
            document_uuid=None, case_uuid=None, block_uuid="elsewhere", workstation="WS-X", at=NOW,
            actor_name="王芳", void_reason="", voided_at=None, voided_by=""))
    with pytest.raises(NumberAlreadyIssued) as caught, database.write() as s:
        issue(s)
    assert "江海市监罚〔2026〕1号" in caught.value.english and "1–10" in caught.value.english
    assert "已被使用" in caught.value.message
    with database.read() as s:
        assert [b.next for b in numbers.blocks(s, BUREAU)] == [1]  # nothing moved
        assert numbers.issued_number(s, bureau_code=BUREAU, series="罚", year=2026, seq=1).workstation == "WS-X"


def test_issued_numbers_are_found_by_number_and_by_document(database):
    with database.write() as s:
        add(s, 1, 10)
        issue(s, document="d-1")
        issue(s, document="d-2")
        issue(s, document="d-1", now=NOW + timedelta(hours=1))
    with database.read() as s:
        assert numbers.issued_number(s, bureau_code=BUREAU, series="罚", year=2026, seq=2).document_uuid == "d-2"
        assert [n.seq for n in numbers.issued_for_document(s, "d-1")] == [1, 3]
        with pytest.raises(NotFound):
            numbers.issued_number(s, bureau_code=BUREAU, series="罚", year=2026, seq=4)


# ---- voiding ----------------------------------------------------------------------------------------------------
def test_a_voided_number_keeps_its_place_and_is_never_issued_again(database):
    with database.write() as s:
        add(s, 1, 10)
        issue(s)
        issue(s)
    later = NOW + timedelta(hours=2)
    with database.write() as s:
        voided = numbers.void(s, bureau_code=BUREAU, series="罚", year=2026, seq=2, reason=" 文书内容有误，重新制作 ",
                              actor_name="陈科长", now=later)
    assert (voided.state, voided.void_reason, voided.voided_by, voided.voided_at) == (
        "void", "文书内容有误，重新制作", "陈科长", later)
    with database.write() as s:
        assert issue(s).seq == 3
    with database.read() as s:
        assert [(line.first, line.state) for line in numbers.register(s, BUREAU, 2026)][:3] == [
            (1, "used"), (2, "void"), (3, "used")]


@pytest.mark.parametrize("reason", ["", "   "])
def test_voiding_needs_a_reason(database, reason):
    with database.write() as s:
        add(s, 1, 10)
        issue(s)
    with pytest.raises(ValidationError) as caught, database.write() as s:
        numbers.void(s, bureau_code=BUREAU, series="罚", year=2026, seq=1, reason=reason, actor_name="陈科长",
                     now=NOW)
    assert caught.value.field == "void_reason"
    assert caught.value.message == "作废原因：请填写作废该文号的原因"
    with database.read() as s:
        assert numbers.issued_number(s, bureau_code=BUREAU, series="罚", year=2026, seq=1).state == "used"


def test_a_void_number_cannot_be_voided_again_nor_an_unissued_one_voided(database):
    with database.write() as s:
        add(s, 1, 10)
        issue(s)
        numbers.void(s, bureau_code=BUREAU, series="罚", year=2026, seq=1, reason="重复制作", actor_name="陈科长",
                     now=NOW)
    with pytest.raises(ValidationError) as caught, database.write() as s:
        numbers.void(s, bureau_code=BUREAU, series="罚", year=2026, seq=1, reason="再次", actor_name="陈科长",
                     now=NOW)
    assert "重复制作" in caught.value.english and "已作废" in caught.value.message
    with pytest.raises(NotFound) as missing, database.write() as s:
        numbers.void(s, bureau_code=BUREAU, series="罚", year=2026, seq=2, reason="x", actor_name="陈科长", now=NOW)
    assert "尚未发出" in missing.value.message
    with database.read() as s:
        assert numbers.issued_number(s, bureau_code=BUREAU, series="罚", year=2026, seq=1).void_reason == "重复制作"


# ---- releasing --------------------------------------------------------------------------------------------------
def test_a_released_block_gives_back_its_unissued_rest_and_issues_no_more(database):
    with database.write() as s:
        block = add(s, 1, 10)
        add(s, 11, 20)
        issue(s)
        issue(s)
    later = NOW + timedelta(days=1)
    with database.write() as s:
        assert numbers.release_block(s, block.uuid, later) == (3, 10)
        assert numbers.release_block(s, block.uuid, later) is None  # already closed
    with database.read() as s:
        released = numbers.blocks(s, BUREAU)[0]
        assert (released.state, released.closed_at, released.returned, released.remaining) == (
            "closed", later, (3, 10), 0)
    with database.write() as s:
        assert issue(s).seq == 11
    with database.read() as s:
        lines = assert_accounts_for_every_number(s)
        assert [(x.first, x.last, x.state) for x in lines] == [
            (1, 1, "used"), (2, 2, "used"), (3, 10, "returned"), (11, 11, "used"), (12, 20, "unissued")]
        assert lines[2].at == later


def test_releasing_a_used_up_block_returns_nothing_and_an_unknown_block_is_not_found(database):
    with database.write() as s:
        block = add(s, 1, 1)
        issue(s)
        assert numbers.release_block(s, block.uuid, NOW) is None
    with pytest.raises(NotFound), database.write() as s:
        numbers.release_block(s, "no-such-block", NOW)


def test_a_returned_rest_may_be_handed_out_again_and_the_register_shows_its_new_holder(database):
    with database.write() as s:
        block = add(s, 1, 10)
        issue(s)
        numbers.release_block(s, block.uuid, NOW)
        with pytest.raises(NumberBlockConflict):
            add(s, 1, 5, workstation="WS-B")  # 1 was issued
        again = add(s, 2, 10, workstation="WS-B", source="central")
        assert issue(s, workstation="WS-B").seq == 2
        assert again.next == 2
        assert add(s, 1, 10).state == "closed"  # the profile's block is not reopened at the next start
    with database.read() as s:
        lines = assert_accounts_for_every_number(s)
        assert [(x.first, x.last, x.state, x.workstation) for x in lines] == [
            (1, 1, "used", "WS-A"), (2, 2, "used", "WS-B"), (3, 10, "unissued", "WS-B")]


# ---- the register -----------------------------------------------------------------------------------------------
def test_the_register_accounts_for_every_number_of_every_block_exactly_once(database):
    with database.write() as s:
        add(s, 1, 5)
        add(s, 6, 8)  # contiguous with the first block: one unissued run
        add(s, 20, 30, workstation="WS-B")
        add(s, 1, 3, series="告")
        add(s, 1, 100, year=2027)  # another year: another register
        for _ in range(3):
            issue(s)
        issue(s, workstation="WS-B")
        issue(s, series="告")
        numbers.void(s, bureau_code=BUREAU, series="罚", year=2026, seq=2, reason="内容有误", actor_name="陈科长",
                     now=NOW)
    with database.read() as s:
        lines = assert_accounts_for_every_number(s)
        assert [(x.series, x.first, x.last, x.state, x.workstation) for x in lines] == [
            ("告", 1, 1, "used", "WS-A"), ("告", 2, 3, "unissued", "WS-A"),
            ("罚", 1, 1, "used", "WS-A"), ("罚", 2, 2, "void", "WS-A"), ("罚", 3, 3, "used", "WS-A"),
            ("罚", 4, 8, "unissued", "WS-A"), ("罚", 20, 20, "used", "WS-B"), ("罚", 21, 30, "unissued", "WS-B")]
        void_line = lines[3]
        assert (void_line.text, void_line.reason, void_line.actor_name, void_line.at, void_line.case_uuid) == (
            "江海市监罚〔2026〕2号", "内容有误", "李明", NOW, "c-1")
        assert lines[5].text == "" and lines[5].at is None
        assert numbers.register(s, BUREAU, 2027) == [RegisterLine("罚", 2027, 1, 100, "unissued", "", None, None,
                                                                  None, "", "", "WS-A")]
        assert numbers.register(s, "HXSJJ", 2026) == []


def test_the_register_stays_exact_through_a_random_day_of_work(database, rng):
    with database.write() as s:
        for first, last, ws in ((1, 40, "WS-A"), (41, 60, "WS-B"), (61, 75, "WS-A"), (76, 90, "*")):
            add(s, first, last, workstation=ws)
    issued: list[int] = []
    for _ in range(120):
        with database.write() as s:
            action = rng.random()
            try:
                if action < 0.75:
                    issued.append(issue(s, workstation=rng.choice(("WS-A", "WS-B"))).seq)
                elif action < 0.9 and issued:
                    numbers.void(s, bureau_code=BUREAU, series="罚", year=2026, seq=rng.choice(issued),
                                 reason="作废", actor_name="陈科长", now=NOW)
                else:
                    block = rng.choice(numbers.blocks(s, BUREAU))
                    numbers.release_block(s, block.uuid, NOW)
            except (NumberBlockExhausted, ValidationError):
                pass
    assert len(issued) == len(set(issued)) and issued
    with database.read() as s:
        lines = assert_accounts_for_every_number(s)
        used_or_void = [x.first for x in lines if x.state in ("used", "void")]
        assert sorted(used_or_void) == sorted(issued)


def test_every_number_message_reads_in_chinese_and_english():
    block = numbers.NumberBlock("u", BUREAU, "罚", 2026, 1, 100, 1, "WS-A", "profile", "active", NOW, None)
    errors = [NumberBlockConflict(series="罚", year=2026, first=50, last=60, workstation="WS-B", other=block),
              NumberBlockExhausted(series="罚", year=2026, workstation="WS-A"),
              NumberAlreadyIssued(text="江海市监罚〔2026〕1号", workstation="WS-A", first=1, last=100)]
    for err in errors:
        assert err.message != err.english and "文号" in err.message
    set_language("en")
    assert all(err.message == err.english for err in errors)
