"""The case repository: optimistic locking, not-found, tombstones and sync columns, list filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.domain.cases import ApprovalDecision, CaseKind, Stage
from app.domain.errors import NotFound, StaleWrite, ValidationError
from app.domain.officers import Actor, Role
from app.services.cases import CaseFilter
from app.store import audit
from app.store.case_repository import CaseQuery, CaseRepository
from app.store.tables import AuditRow, Base, CaseOfficerRow, CaseRow, PartyRow, SyncMixin
from tests.fakes.leads import lead, organisation, person


def audit_rows(world) -> list[tuple[int, str, str]]:
    with world.services.cases.db.read() as s:
        return [(r.seq, r.action, r.entity_id) for r in s.scalars(select(AuditRow).order_by(AuditRow.seq))]


def case_row(world, uuid: str) -> dict:
    with world.services.cases.db.read() as s:
        row = s.scalars(select(CaseRow).where(CaseRow.uuid == uuid)).one()
        return {c.key: getattr(row, c.key) for c in CaseRow.__table__.columns}


def party_rows(world, case_uuid: str) -> dict[str, PartyRow]:
    with world.services.cases.db.read() as s:
        case_id = s.scalar(select(CaseRow.id).where(CaseRow.uuid == case_uuid))
        return {r.uuid: r for r in s.scalars(select(PartyRow).where(PartyRow.case_id == case_id))}


@pytest.fixture
def case(world, rng):
    return world.services.cases.open_case_from_lead(world.officer, lead(world, rng))


# ---- optimistic locking -----------------------------------------------------------------------------------------
def test_a_write_based_on_a_stale_read_is_refused_by_the_services(world, case):
    cases = world.services.cases
    first, second = cases.get(case.uuid), cases.get(case.uuid)  # two users open the case
    cases.advance(world.officer, first.uuid, "submit_filing", expected_version=first.version)
    row, chain = case_row(world, case.uuid), audit_rows(world)
    with pytest.raises(StaleWrite):
        cases.assign_officers(world.second, second.uuid, [world.officers[1].uuid], expected_version=second.version)
    assert case_row(world, case.uuid) == row
    assert audit_rows(world) == chain
    assert world.services.audit.verify().ok


def test_a_stale_write_racing_past_the_services_check_is_refused_by_the_store(world, case):
    """Both writers read version 1; the store's conditional UPDATE refuses the second one and its
    transaction, audit entry included, is rolled back."""
    cases, db = world.services.cases, world.services.cases.db
    stale = cases.get(case.uuid)
    cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    row, chain = case_row(world, case.uuid), audit_rows(world)
    changed = replace(stale, cause="改过的案由", parties=(), officer_uuids=(world.officers[1].uuid,))
    with pytest.raises(StaleWrite), db.write() as s:
        saved = cases._save(s, world.second, "edit", stale, changed, "")  # the services' own write path
        pytest.fail(f"a stale write went through: {saved}")
    assert case_row(world, case.uuid) == row
    assert audit_rows(world) == chain
    got = cases.get(case.uuid)
    assert got.cause == case.cause and got.parties == case.parties and got.version == row["change_counter"]
    assert [u for u, r in party_rows(world, case.uuid).items() if r.deleted] == []


def test_each_write_bumps_the_case_version_by_one(world, case):
    cases = world.services.cases
    assert case.version == 1
    case = cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    assert case.version == 2 == case_row(world, case.uuid)["change_counter"]


# ---- not found --------------------------------------------------------------------------------------------------
def test_an_unknown_case_is_not_found(world, case):
    with pytest.raises(NotFound):
        world.services.cases.get("00000000-0000-0000-0000-000000000000")
    with pytest.raises(NotFound):
        world.services.cases.advance(world.officer, "no-such-case", "submit_filing", expected_version=1)


def test_updating_a_case_that_does_not_exist_is_not_found_rather_than_stale(world, case):
    cases = world.services.cases
    ghost = replace(case, uuid="00000000-0000-0000-0000-000000000000")
    with pytest.raises(NotFound), cases.db.write() as s:
        CaseRepository(s).update(ghost, cases._derive(s, ghost), world.clock.now())


# ---- tombstones and sync columns -----------------------------------------------------------------------------------
def test_a_removed_party_becomes_a_tombstone_with_a_bumped_change_counter(world, case, rng):
    cases = world.services.cases
    kept, gone = case.parties[0], person(rng, "欧阳娜娜")
    case = cases.update_parties(world.officer, case.uuid, [kept, gone], expected_version=case.version)
    gone = case.parties[1]
    before = party_rows(world, case.uuid)[gone.uuid].change_counter
    case = cases.update_parties(world.officer, case.uuid, [kept], expected_version=case.version)
    assert [p.uuid for p in case.parties] == [kept.uuid]
    rows = party_rows(world, case.uuid)
    assert rows[gone.uuid].deleted is True and rows[gone.uuid].name == "欧阳娜娜"
    assert rows[gone.uuid].change_counter == before + 1
    assert rows[kept.uuid].deleted is False


def test_a_removed_party_that_comes_back_revives_its_tombstone(world, case, rng):
    cases = world.services.cases
    party = case.parties[0]
    case = cases.update_parties(world.officer, case.uuid, [person(rng, "欧阳娜娜")], expected_version=case.version)
    other = case.parties[0]
    assert party_rows(world, case.uuid)[party.uuid].deleted is True
    case = cases.update_parties(world.officer, case.uuid, [other, replace(party, phone="13900139000")],
                                expected_version=case.version)
    assert [p.uuid for p in case.parties] == [case.parties[0].uuid, party.uuid]
    assert case.parties[1].phone == "13900139000"
    rows = party_rows(world, case.uuid)
    assert len(rows) == 2  # the same row, not a second one
    assert rows[party.uuid].deleted is False and rows[party.uuid].change_counter == 3
    assert world.services.cases.search(party.name)[0].uuid == case.uuid


def test_an_unchanged_party_keeps_its_change_counter(world, case):
    cases = world.services.cases
    party = case.parties[0]
    cases.update_parties(world.officer, case.uuid, [party], expected_version=case.version)
    assert party_rows(world, case.uuid)[party.uuid].change_counter == 1


def test_a_removed_officer_assignment_becomes_a_tombstone(world, case):
    cases = world.services.cases
    case = cases.assign_officers(world.officer, case.uuid, [world.officers[0].uuid], expected_version=case.version)
    assert case.officer_uuids == (world.officers[0].uuid,)
    with cases.db.read() as s:
        rows = s.scalars(select(CaseOfficerRow).where(CaseOfficerRow.officer_uuid == world.officers[1].uuid)).all()
    assert [(r.deleted, r.change_counter) for r in rows] == [(True, 2)]


def _sign_and_seal(world, case) -> None:
    """A certificate, a seal, a sealed document and a signed approval: rows in every signing table."""
    from tests.fakes.signing import PIN, Pins

    s, admin = world.services, Actor("admin", "管理员", Role.ADMIN)
    s.pki.setup_bureau(admin, Pins(), pin=PIN)
    seal = s.seals.create(admin, kind="official", handler=Pins(), allowed_user_ids=(world.section_head.user_id,))
    s.pki.issue(admin, kind="person", subject=world.section_head.name, user_id=world.section_head.user_id,
                handler=Pins(), pin=PIN)
    form = s.documents.generate(world.officer, case.uuid, "LASPB").record
    s.seals.seal_document(world.section_head, form.uuid, seal.uuid, Pins())
    approval = s.approval_signing.unsigned(world.section_head, case.uuid)[0]
    s.approval_signing.sign(world.section_head, case.uuid, approval.uuid, Pins())


def _import_and_link(world, case, tmp_path) -> None:
    """An evidence item linked to ``case`` and a user-defined device: the evidence tables' rows."""
    from app.devices.base import DeviceDriver, DeviceInfo
    from app.domain.evidence import DeviceDefinition
    from app.services.evidence import ImportSource

    (tmp_path / "DCIM").mkdir(parents=True)
    (tmp_path / "DCIM" / "现场.jpg").write_bytes(b"\xff\xd8 a photo")
    evidence = world.services.evidence
    record = evidence.plan(ImportSource(tmp_path, DeviceDriver(), DeviceInfo(serial="CAM1"), "camera"), world.officer)
    evidence.run(record.uuid, world.officer)
    evidence.link([f.item_uuid for f in evidence.files(record.uuid)], case.uuid, world.officer)
    evidence.save_definition(DeviceDefinition(uuid="", name="录音笔", vendor_id=0x3412, product_id=1,
                                              pattern="{officer}_{date}_{time}.wav"), Actor("a", "管理员", Role.ADMIN))


def test_every_syncable_row_has_a_uuid_and_a_change_counter(world, rng, tmp_path):
    cases = world.services.cases
    c = cases.open_case_from_lead(world.officer, lead(world, rng))
    c = cases.advance(world.officer, c.uuid, "submit_filing", expected_version=c.version)
    c = cases.advance(world.section_head, c.uuid, "approve_filing", expected_version=c.version, comment="同意")
    c = cases.suspend(world.section_head, c.uuid, "testing", expected_version=c.version, reason="检测")
    world.clock.set(world.clock.now() + timedelta(days=7))
    c = cases.resume(world.section_head, c.uuid, expected_version=c.version, reason="检测完毕")
    c = cases.advance(world.officer, c.uuid, "end_investigation", expected_version=c.version)
    c = cases.record_approval(world.section_head, c.uuid, "case_review", ApprovalDecision.APPROVED, "事实清楚",
                              expected_version=c.version)
    m = cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.COERCIVE, matter_code="SJ-QZ-001",
                                                      party=organisation(rng)))
    m = cases.advance(world.officer, m.uuid, "submit_measure", expected_version=m.version)
    m = cases.advance(world.bureau_head, m.uuid, "approve_measure", expected_version=m.version, comment="同意扣押")
    cases.extend(world.bureau_head, m.uuid, "measure_duration", 30, expected_version=m.version, reason="检测未完成")
    _sign_and_seal(world, c)
    _import_and_link(world, c, tmp_path / "device")
    cases.update_parties(world.officer, c.uuid, [], expected_version=c.version)
    world.services.auth.create_user(None, "admin", "管理员", frozenset({Role.ADMIN}), "admin2026x")
    models = [m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)]
    assert len(models) >= 7
    with cases.db.read() as s:
        for model in models:
            rows = s.scalars(select(model)).all()
            assert rows, f"no {model.__tablename__} rows: the check would prove nothing"
            assert all(r.uuid and len(r.uuid) == 36 for r in rows), model.__tablename__
            assert len({r.uuid for r in rows}) == len(rows), model.__tablename__
            assert all(r.change_counter >= 1 for r in rows), model.__tablename__
            assert all(r.updated_at is not None for r in rows), model.__tablename__


# ---- list and count ---------------------------------------------------------------------------------------------
@pytest.fixture
def several(world, rng):
    """Seven cases of three kinds, two matters, stages, officers and deadlines (overdue/due soon/running)."""
    cases = world.services.cases
    open_ = cases.open_case_from_lead
    made = [open_(world.officer, lead(world, rng, days_ago=d)) for d in (40, 30, 25, 5)]  # overdue x2, soon, running
    made.append(open_(world.officer, lead(world, rng, matter_code="SJ-CF-002", officer_uuids=(world.officers[1].uuid,))))
    made.append(open_(world.officer, lead(world, rng, CaseKind.INSPECTION, matter_code="SJ-JC-001",
                                          party=organisation(rng))))
    made.append(open_(world.officer, lead(world, rng, CaseKind.COERCIVE, matter_code="SJ-QZ-001",
                                          party=organisation(rng), officer_uuids=(world.officers[0].uuid,))))
    made[3] = cases.advance(world.officer, made[3].uuid, "submit_filing", expected_version=made[3].version)
    return made


def listed(world, flt: CaseFilter) -> list:
    rows = world.services.cases.list_cases(flt, 0, 100)
    assert world.services.cases.count(flt) == len(rows)
    return rows


def test_every_filter_counts_what_it_lists(world, several):
    a, b = world.officers[0].uuid, world.officers[1].uuid
    filters = [CaseFilter(), CaseFilter(stage=Stage.REGISTERED), CaseFilter(stage=Stage.FILING_REVIEW),
               CaseFilter(kind=CaseKind.PENALTY_ORDINARY), CaseFilter(kind=CaseKind.INSPECTION),
               CaseFilter(matter_code="SJ-CF-002"), CaseFilter(officer_uuid=a), CaseFilter(officer_uuid=b),
               CaseFilter(deadline="overdue"), CaseFilter(deadline="due_soon"),
               CaseFilter(kind=CaseKind.PENALTY_ORDINARY, officer_uuid=b, deadline="overdue")]
    for flt in filters:
        listed(world, flt)


def test_filters_select_by_stage_kind_matter_and_officer(world, several):
    everything = {c.uuid: c for c in several}
    a, b = world.officers[0].uuid, world.officers[1].uuid

    def expect(flt: CaseFilter, keep) -> None:  # type: ignore[no-untyped-def]
        assert {r.uuid for r in listed(world, flt)} == {u for u, c in everything.items() if keep(c)}, flt

    assert len(listed(world, CaseFilter())) == 7
    expect(CaseFilter(stage=Stage.REGISTERED), lambda c: c.stage is Stage.REGISTERED)
    expect(CaseFilter(stage=Stage.FILING_REVIEW), lambda c: c.stage is Stage.FILING_REVIEW)
    expect(CaseFilter(kind=CaseKind.PENALTY_ORDINARY), lambda c: c.kind is CaseKind.PENALTY_ORDINARY)
    expect(CaseFilter(kind=CaseKind.COERCIVE), lambda c: c.kind is CaseKind.COERCIVE)
    expect(CaseFilter(matter_code="SJ-CF-002"), lambda c: c.matter_code == "SJ-CF-002")
    expect(CaseFilter(officer_uuid=a), lambda c: a in c.officer_uuids)
    expect(CaseFilter(officer_uuid=b), lambda c: b in c.officer_uuids)
    assert len(listed(world, CaseFilter(officer_uuid=a))) == len(listed(world, CaseFilter(officer_uuid=b))) == 6


def test_deadline_filters_agree_with_the_status_the_list_shows(world, several):
    rows = listed(world, CaseFilter())
    overdue = {r.uuid for r in rows if r.deadline_status == "overdue"}
    soon = {r.uuid for r in rows if r.deadline_status == "due_soon"}
    assert len(overdue) >= 2 and len(soon) >= 1
    assert {r.uuid for r in listed(world, CaseFilter(deadline="overdue"))} == overdue
    assert {r.uuid for r in listed(world, CaseFilter(deadline="due_soon"))} == soon
    today = world.clock.now().date()
    assert all(r.next_due < today for r in rows if r.uuid in overdue)


def test_a_case_falls_overdue_as_the_clock_moves_on(world, several):
    before = len(listed(world, CaseFilter(deadline="overdue")))
    world.clock.set(world.clock.now() + timedelta(days=60))
    after = listed(world, CaseFilter(deadline="overdue"))
    assert len(after) > before
    assert all(r.deadline_status == "overdue" for r in after)


def test_an_officer_removed_from_a_case_no_longer_finds_it_under_their_name(world, several):
    b = world.officers[1].uuid
    c = several[0]
    world.services.cases.assign_officers(world.officer, c.uuid, [world.officers[0].uuid], expected_version=c.version)
    assert c.uuid not in {r.uuid for r in listed(world, CaseFilter(officer_uuid=b))}


def test_pages_of_the_list_add_up_to_the_whole_list_newest_first(world, several):
    whole = [r.uuid for r in listed(world, CaseFilter())]
    pages = [r.uuid for offset in range(0, 7, 3) for r in world.services.cases.list_cases(CaseFilter(), offset, 3)]
    assert pages == whole
    updated = world.services.cases.list_cases(CaseFilter(), 0, 100)
    assert updated == sorted(updated, key=lambda r: r.updated_at, reverse=True)


def test_an_unknown_deadline_filter_is_refused(world, several):
    with pytest.raises(ValidationError):
        world.services.cases.count(CaseFilter(deadline="someday"))


def test_the_repository_counts_only_live_cases(world, several):
    db = world.services.cases.db
    with db.write() as s:
        s.get(CaseRow, 1).deleted = True
    with db.read() as s:
        repo = CaseRepository(s)
        assert repo.count(CaseQuery()) == 6 == s.scalar(select(func.count()).select_from(CaseRow)) - 1
        assert len(repo.list(CaseQuery(), 0, 100)) == 6
    with pytest.raises(NotFound):
        world.services.cases.get(next(c.uuid for c in several if c.number.endswith("〕1号")))


def test_audit_history_of_a_refused_write_is_unchanged(world, case):
    cases = world.services.cases
    with pytest.raises(StaleWrite):
        cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version + 5)
    with cases.db.read() as s:
        assert [e.action for e in audit.history(s, case.uuid)] == ["register"]
