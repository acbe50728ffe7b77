"""Searching cases through the services (FTS5 on SQLite): by case number, party name, ID number,
address, matter; the search text follows every write of the case."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest

from app.domain.cases import Case
from app.services.cases import CaseFilter
from tests.fakes.leads import lead, organisation, person


@dataclass
class Cases:
    zhang: Case  # 张三丰, 礼乐街道乐怡路233号
    ouyang: Case  # 欧阳娜娜, 外海街道麻园路56号
    shop: Case  # 江海区鑫隆副食店, matter SJ-CF-002


@pytest.fixture
def cases(world, rng) -> Cases:
    open_ = world.services.cases.open_case_from_lead
    zhang = replace(person(rng, "张三丰"), address="江门市江海区礼乐街道乐怡路233号")
    ouyang = replace(person(rng, "欧阳娜娜"), address="江门市江海区外海街道麻园路56号")
    shop = replace(organisation(rng, "江海区鑫隆副食店"), address="江门市江海区江南街道滘头路9号")
    return Cases(zhang=open_(world.officer, lead(world, rng, party=zhang)),
                 ouyang=open_(world.officer, lead(world, rng, party=ouyang)),
                 shop=open_(world.officer, lead(world, rng, party=shop, matter_code="SJ-CF-002",
                                                cause="经营无中文标签进口食品")))


def found(world, text: str) -> set[str]:
    """UUIDs the search list shows, after checking the count agrees with it."""
    rows = world.services.cases.search(text)
    assert world.services.cases.count(CaseFilter(text=text)) == len(rows)
    return {r.uuid for r in rows}


def uuids(*cases: Case) -> set[str]:
    return {c.uuid for c in cases}


def test_a_case_is_found_by_its_full_case_number_alone(world, cases):
    assert found(world, cases.zhang.number) == uuids(cases.zhang)
    assert found(world, cases.ouyang.number) == uuids(cases.ouyang)


def test_cases_are_found_by_a_case_number_fragment(world, cases):
    assert found(world, "江海市监临") == uuids(cases.zhang, cases.ouyang, cases.shop)
    assert found(world, "〔2026〕2号") == uuids(cases.ouyang)


@pytest.mark.parametrize("name, who", [("张三丰", "zhang"), ("张三", "zhang"), ("三丰", "zhang"), ("欧阳娜娜", "ouyang"),
                                       ("阳娜", "ouyang"), ("鑫隆", "shop"), ("鑫隆副食店", "shop"),
                                       ("丰", "zhang"), ("娜", "ouyang")])
def test_a_case_is_found_by_part_of_a_party_name(world, cases, name, who):
    assert found(world, name) == uuids(getattr(cases, who))


def test_a_name_nobody_has_finds_nothing(world, cases):
    assert found(world, "司马光") == set()


def test_a_case_is_found_by_the_full_id_number_or_a_prefix_in_either_width(world, cases):
    number = cases.zhang.parties[0].id_number
    assert found(world, number) == uuids(cases.zhang)
    assert cases.zhang.uuid in found(world, number[:6])
    assert found(world, number[:14]) >= uuids(cases.zhang)
    full_width = number[:12].translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert cases.zhang.uuid in found(world, full_width)
    code = cases.shop.parties[0].id_number  # 统一社会信用代码, letters in any case
    assert found(world, code.lower()) == uuids(cases.shop)


def test_a_case_is_found_by_an_address_fragment(world, cases):
    assert found(world, "乐怡路") == uuids(cases.zhang)
    assert found(world, "麻园路56号") == uuids(cases.ouyang)
    assert found(world, "礼乐街道 233") == uuids(cases.zhang)


def test_a_case_is_found_by_its_matter_name_and_cause(world, cases):
    assert found(world, "无中文标签进口") == uuids(cases.shop)
    assert found(world, "不符合食品安全标准") == uuids(cases.zhang, cases.ouyang)
    assert found(world, "销售过期食品") == uuids(cases.zhang, cases.ouyang)


def test_every_typed_word_must_match(world, cases):
    assert found(world, "张三丰 乐怡路") == uuids(cases.zhang)
    assert found(world, "张三丰 麻园路") == set()


@pytest.mark.parametrize("text", ["，。", "〔〕", "---", "!!!", "、 ；"])
def test_a_query_of_punctuation_only_finds_nothing(world, cases, text):
    assert world.services.cases.search(text) == []
    assert world.services.cases.count(CaseFilter(text=text)) == 0


@pytest.mark.parametrize("text", ['"', "*", "AND", "OR", "NOT", "(", ")", '张三丰"', "张三丰*", "(张三丰", "张三丰 AND",
                                  "NEAR(张三 丰)", "tokens:张三丰", "-张三丰", "^张", '"张三丰" OR "欧阳"'])
def test_fts_syntax_typed_by_a_user_never_raises(world, cases, text):
    world.services.cases.search(text)
    world.services.cases.count(CaseFilter(text=text))


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_an_empty_or_blank_query_lists_every_case(world, cases, text):
    assert found(world, text) == uuids(cases.zhang, cases.ouyang, cases.shop)


def test_a_renamed_party_is_found_under_the_new_name_and_not_the_old(world, cases):
    case = cases.zhang
    renamed = replace(case.parties[0], name="张无忌", address="江门市江海区外海街道金溪路8号")
    updated = world.services.cases.update_parties(world.officer, case.uuid, [renamed], expected_version=case.version)
    assert found(world, "张无忌") == uuids(case)
    assert found(world, "张三丰") == set()
    assert found(world, "三丰") == set()
    assert found(world, "金溪路") == uuids(case)
    assert found(world, "乐怡路") == set()
    assert world.services.cases.search("张无忌")[0].party_names == updated.party_names


def test_a_removed_party_is_no_longer_found_and_an_added_one_is(world, cases, rng):
    case = cases.ouyang
    added = person(rng, "司马光")
    world.services.cases.update_parties(world.officer, case.uuid, [added], expected_version=case.version)
    assert found(world, "欧阳娜娜") == set()
    assert found(world, "司马光") == uuids(case)


def test_the_formal_case_number_replaces_the_temporary_one_in_search(world, cases):
    cs = world.services.cases
    case = cs.advance(world.officer, cases.zhang.uuid, "submit_filing", expected_version=cases.zhang.version)
    case = cs.advance(world.section_head, case.uuid, "approve_filing", expected_version=case.version, comment="同意")
    assert "罚" in case.number
    assert found(world, case.number) == uuids(case)
    assert cases.zhang.uuid not in found(world, cases.zhang.number)


def test_search_combines_with_the_other_filters(world, cases):
    flt = CaseFilter(text="江海市监临", matter_code="SJ-CF-002")
    assert world.services.cases.count(flt) == 1
    assert [r.uuid for r in world.services.cases.list_cases(flt, 0, 10)] == [cases.shop.uuid]
