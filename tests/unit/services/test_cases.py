"""Case services: bad input is refused naming the field and the rule, and nothing is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.domain.cases import CaseKind, Stage
from app.domain.errors import StaleWrite, TransitionRefused, ValidationError
from app.domain.parties import Party, PartyKind
from app.services.cases import CaseFilter
from tests.fakes.leads import lead


def _written(world) -> tuple[int, int]:
    return world.services.cases.count(CaseFilter()), world.services.audit.verify().entries


@pytest.mark.parametrize(("change", "field", "rule"), [
    ({"discovered_on": date(2027, 1, 1)}, "discovered_on", "date.future"),
    ({"act_date": date(2026, 3, 1), "discovered_on": date(2026, 2, 1)}, "act_date", "date.order"),
    ({"proposed_fine_fen": -1}, "proposed_fine_fen", "money"),
    ({"matter_code": "NO-SUCH-MATTER"}, "matter_code", "catalogue"),
    ({"cause": "  "}, "cause", "required"),
    ({"officer_uuids": ("not-an-officer",)}, "officer_uuids", "officer.exists"),
])
def test_opening_a_case_with_bad_input_is_refused_and_writes_nothing(world, rng, change, field, rule):
    before = _written(world)
    with pytest.raises(ValidationError) as err:
        world.services.cases.open_case_from_lead(world.officer, replace(lead(world, rng), **change))
    assert (err.value.field, err.value.rule) == (field, rule)
    assert field in err.value.english and err.value.message != err.value.english  # named, and translated
    assert _written(world) == before


def test_an_invalid_resident_id_is_refused_before_any_case_exists():
    with pytest.raises(ValidationError) as err:
        Party.create(kind=PartyKind.PERSON, name="张三", id_number="440704199001011230")
    assert err.value.rule == "cn.ric" and "440704199001011230" in err.value.message


def test_a_transition_not_allowed_in_the_stage_is_refused_and_writes_nothing(world, rng):
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng))
    before = _written(world)
    with pytest.raises(TransitionRefused) as err:
        world.services.cases.advance(world.officer, case.uuid, "serve", expected_version=case.version)
    assert err.value.reasons[0].rule == "transition.stage"
    assert _written(world) == before
    assert world.services.cases.get(case.uuid) == case


def test_a_stale_write_is_refused_naming_the_case(world, rng):
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng))
    world.services.cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    before = _written(world)
    with pytest.raises(StaleWrite) as err:  # a second window still holds the old version
        world.services.cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    assert case.number in err.value.message and err.value.rule == "stale"
    assert _written(world) == before


def test_a_refused_guard_gives_its_translated_reason(world, rng):
    case = world.services.cases.open_case_from_lead(
        world.officer, lead(world, rng, officer_uuids=(world.officers[0].uuid, world.officers[2].uuid)))
    with pytest.raises(TransitionRefused) as err:  # 赵强's 执法证 expired in 2025
        world.services.cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    assert "执法证" in err.value.message and "赵强" in err.value.message


def _filed(world, rng, **kw):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng, **kw))
    case = cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    return cases.advance(world.section_head, case.uuid, "approve_filing", expected_version=case.version,
                         comment="同意")


def _handling(world, case):
    return next(d for d in world.services.cases.deadlines(case.uuid) if d.rule.code == "case_handling")


def test_a_suspension_shifts_the_case_deadline_by_the_days_suspended(world, rng):
    cases = world.services.cases
    case = _filed(world, rng)
    due = _handling(world, case).due
    world.clock.set(world.clock.now() + timedelta(days=5))
    case = cases.suspend(world.section_head, case.uuid, "testing", expected_version=case.version,
                         reason="送检，等待检验报告")
    assert case.suspended or case.open_pause is not None
    world.clock.set(world.clock.now() + timedelta(days=12))
    case = cases.resume(world.section_head, case.uuid, expected_version=case.version, reason="检验报告已出")
    shifted = _handling(world, case)
    assert shifted.paused_days == 12 and shifted.due > due
    assert shifted.due >= case.events["filed"] + timedelta(days=90 + 12)
    assert "12" in shifted.explain()


def test_an_approved_extension_moves_the_deadline_and_is_audited(world, rng):
    cases = world.services.cases
    case = _filed(world, rng)
    due = _handling(world, case).due
    case = cases.extend(world.bureau_head, case.uuid, "case_handling", 30, expected_version=case.version,
                        reason="案情复杂")
    extended = _handling(world, case)
    assert extended.extended_days == 30 and extended.due > due
    assert extended.due >= case.events["filed"] + timedelta(days=120)
    assert cases.history(case.uuid)[-1].action == "extend:case_handling"


def test_an_extension_needs_a_reason(world, rng):
    case = _filed(world, rng)
    with pytest.raises(ValidationError) as err:
        world.services.cases.extend(world.bureau_head, case.uuid, "case_handling", 30,
                                    expected_version=case.version, reason="")
    assert err.value.field == "reason"


def test_list_filters_by_stage_kind_matter_officer_and_deadline(world, rng):
    cases = world.services.cases
    filed = _filed(world, rng)
    cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.INSPECTION, matter_code="SJ-JC-001"))
    assert [r.uuid for r in cases.list_cases(CaseFilter(stage=Stage.INVESTIGATING), 0, 10)] == [filed.uuid]
    assert cases.count(CaseFilter(kind=CaseKind.INSPECTION)) == 1
    assert cases.count(CaseFilter(matter_code="SJ-JC-001")) == 1
    assert cases.count(CaseFilter(officer_uuid=world.officers[0].uuid)) == 2
    assert cases.count(CaseFilter(officer_uuid=world.officers[2].uuid)) == 0
    assert cases.count(CaseFilter(deadline="overdue")) == 0
    world.clock.set(world.clock.now() + timedelta(days=120))  # the 90-day 办案期限 has run out
    overdue = cases.list_cases(CaseFilter(deadline="overdue"), 0, 10)
    assert [r.uuid for r in overdue] == [filed.uuid] and overdue[0].deadline_status == "overdue"
    with pytest.raises(ValidationError):
        cases.count(CaseFilter(deadline="someday"))


def test_due_soon_lists_cases_whose_next_deadline_is_within_n_working_days(world, rng):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng, days_ago=0))
    # filing must be decided within 15 working days of discovery
    world.clock.set(world.clock.now() + timedelta(days=18))
    rows = cases.list_cases(CaseFilter(deadline="due_soon", due_within_days=3), 0, 10)
    assert [r.uuid for r in rows] == [case.uuid] and rows[0].deadline_status == "due_soon"
    assert rows[0].next_rule_name and rows[0].deadline_explanation


def test_history_reads_who_did_what_when_and_why(world, rng):
    case = _filed(world, rng)
    entries = world.services.cases.history(case.uuid)
    assert [(e.action, e.actor_name, e.role) for e in entries] == [
        ("register", "李明", "officer"), ("submit_filing", "李明", "officer"),
        ("approve_filing", "陈科长", "section_head")]
    assert entries[-1].reason == "同意" and entries[-1].before["stage"] == "filing_review"
    assert entries[-1].after["stage"] == "investigating"


def test_loading_a_missing_calendar_year_turns_provisional_deadlines_into_real_ones(world, rng):
    world.clock.set(world.clock.now().replace(year=2026, month=11, day=2))
    case = _filed(world, rng, days_ago=1)  # 90 days from November 2026 ends in 2027
    row = world.services.cases.list_cases(CaseFilter(), 0, 1)[0]
    assert row.deadline_status == "calendar_missing" and "2027" in row.deadline_explanation
    # synthetic test data for 2027, not the State Council's notice
    world.services.calendars.load_year({"year": 2027, "holidays": ["2027-01-01"], "workdays": []}, source="test")
    row = world.services.cases.list_cases(CaseFilter(), 0, 1)[0]
    assert row.uuid == case.uuid and row.deadline_status == "running" and row.next_due.year == 2027
    assert world.services.cases.get(case.uuid).version == case.version  # not a change of the case


def test_the_list_sorts_by_a_column_both_ways_and_filters_by_stages_and_registration_date(world, rng):
    cases = world.services.cases
    a = cases.open_case_from_lead(world.officer, lead(world, rng))
    world.clock.set(world.clock.now() + timedelta(days=3))
    b = _filed(world, rng)
    numbers = [r.number for r in cases.list_cases(CaseFilter(sort="number", descending=False), 0, 10)]
    assert numbers == sorted(numbers)
    assert [r.uuid for r in cases.list_cases(CaseFilter(sort="registered"), 0, 10)] == [b.uuid, a.uuid]
    due_first = cases.list_cases(CaseFilter(sort="next_due", descending=False), 0, 10)
    assert due_first[-1].next_due is None or all(r.next_due for r in due_first)  # no deadline: last
    both = CaseFilter(stages=(Stage.REGISTERED, Stage.INVESTIGATING))
    assert cases.count(both) == 2 and cases.count(CaseFilter(stages=(Stage.INVESTIGATING,))) == 1
    day_b = world.clock.now().date()
    assert [r.uuid for r in cases.list_cases(CaseFilter(registered_from=day_b), 0, 10)] == [b.uuid]
    assert [r.uuid for r in cases.list_cases(CaseFilter(registered_to=day_b - timedelta(days=1)), 0, 10)] == [a.uuid]


@pytest.mark.parametrize(("flt", "field"), [
    (CaseFilter(sort="colour"), "sort"),
    (CaseFilter(registered_from=date(2026, 3, 5), registered_to=date(2026, 3, 1)), "registered_to"),
])
def test_a_bad_list_filter_is_refused_naming_the_field(world, flt, field):
    with pytest.raises(ValidationError) as err:
        world.services.cases.list_cases(flt, 0, 10)
    assert err.value.field == field
