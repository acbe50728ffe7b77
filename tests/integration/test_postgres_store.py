"""The store on PostgreSQL (the bureau server): migrations, whole case walks through the services,
text search (the LIKE path), optimistic locking and the audit chain.

Every test uses the ``postgres_url`` fixture: skipped with the reason when no server is reachable,
failed instead where ZHIFA_REQUIRE_POSTGRES=1 (CI)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, inspect, text

from app.domain.errors import StaleWrite
from app.services.cases import CaseFilter
from app.store import audit
from app.store.audit import NewEntry
from app.store.database import current_revision, head_revision, migrate, open_database
from app.store.tables import Base
from tests.conftest import make_world
from tests.fakes.leads import lead, organisation, person
from tests.integration import test_case_walks as walks

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_database(postgres_url):
    db = open_database(postgres_url)
    yield db
    db.dispose()


@pytest.fixture
def pg_world(pg_database, clock):
    return make_world(pg_database, clock)


def found(world, query: str) -> set[str]:
    rows = world.services.cases.search(query)
    assert world.services.cases.count(CaseFilter(text=query)) == len(rows)
    return {r.uuid for r in rows}


# ---- migrations -------------------------------------------------------------------------------------------------
def test_migrations_run_to_head_on_postgres(pg_database):
    assert pg_database.engine.dialect.name == "postgresql"
    assert current_revision(pg_database.engine) == head_revision()
    tables = set(inspect(pg_database.engine).get_table_names())
    assert {"cases", "case_parties", "audit_log", "audit_head", "case_search", "alembic_version"} <= tables
    assert "case_fts" not in tables  # FTS5 is SQLite's; PostgreSQL searches case_search.text


def test_the_postgres_schema_matches_the_orm_tables(pg_database):
    with pg_database.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_migrating_an_up_to_date_postgres_database_changes_nothing(pg_database):
    statements: list[str] = []
    event.listen(pg_database.engine, "before_cursor_execute", lambda c, cur, stmt, *a: statements.append(stmt))
    migrate(pg_database.engine)
    assert [s for s in statements if s.split()[0].upper() in ("CREATE", "ALTER", "DROP", "INSERT")] == []


def test_an_older_postgres_database_is_upgraded_and_backfilled(postgres_url, clock, rng):
    db = open_database(postgres_url, revision="0001")
    try:
        with db.write() as s:
            s.execute(text("INSERT INTO matters (code, name, kind, implementing_body, legal_basis, penalty_basis, "
                           "requires_legal_review, supervision_code, tiers, version) VALUES ('M1', '对销售过期食品的处罚', "
                           "'penalty', '', '', '', false, '', '[]', 1)"))
            case_id = s.execute(text(
                "INSERT INTO cases (uuid, change_counter, deleted, updated_at, number, bureau_code, kind, stage, "
                "matter_code, cause, source, act_date, place, facts, legal_basis, serious_harm, major, "
                "proposed_fine_fen, fine_fen, paid_fen, events, party_names, officer_names, next_rule, "
                "deadline_status, deadline_note, created_at) VALUES ('c-old', 1, false, now(), "
                "'江海市监罚〔2025〕7号', 'JHSJJ', 'penalty_ordinary', 'investigating', 'M1', '销售过期食品', '举报', "
                "'2025-11-03', '金瓯路18号', '', '', false, false, 0, 0, 0, '{}', '张三丰', '', '', 'none', '', now()) "
                "RETURNING id")).scalar_one()
            s.execute(text("INSERT INTO case_parties (uuid, change_counter, deleted, updated_at, case_id, position, "
                           "kind, role, name, id_number, legal_representative, phone, address, postcode, represents) "
                           "VALUES ('p-1', 1, false, now(), :c, 0, 'person', 'party', '张三丰', "
                           "'440704199003071234', '', '', '礼乐街道乐怡路233号', '', '')"), {"c": case_id})
        db.dispose()
        db = open_database(postgres_url)
        assert current_revision(db.engine) == head_revision()
        world = make_world(db, clock)
        for query in ("张三丰", "440704", "乐怡路", "江海市监罚〔2025〕7号"):
            assert found(world, query) == {"c-old"}, query
    finally:
        db.dispose()


# ---- services on PostgreSQL -------------------------------------------------------------------------------------
@pytest.mark.parametrize("walk", ["test_ordinary_penalty_walks_from_lead_to_archive",
                                  "test_simple_procedure_decides_on_the_spot_and_closes",
                                  "test_coercive_case_walks_through_measure_reminder_and_enforcement",
                                  "test_inspection_walks_to_archive",
                                  "test_major_ordinary_case_walks_through_hearing_legal_review_and_collective_discussion"])
def test_whole_case_walks_work_on_postgres(pg_world, rng, walk):
    getattr(walks, walk)(pg_world, rng)
    report = pg_world.services.audit.verify()
    assert report.ok and report.entries > 3


def test_text_search_finds_a_case_by_party_name_id_prefix_and_number(pg_world, rng):
    cases = pg_world.services.cases
    zhang = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng, party=person(rng, "张三丰")))
    shop = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng, party=organisation(rng, "鑫隆副食店"),
                                                            matter_code="SJ-CF-002"))
    id_number = zhang.parties[0].id_number
    assert found(pg_world, "张三丰") == {zhang.uuid}
    assert found(pg_world, "三丰") == {zhang.uuid}
    assert zhang.uuid in found(pg_world, id_number[:6])
    assert found(pg_world, id_number[:14]) == {zhang.uuid}
    assert found(pg_world, id_number[2:14]) == set()  # by prefix, as FTS does on SQLite
    assert found(pg_world, id_number[:14].translate(str.maketrans("0123456789", "０１２３４５６７８９"))) == {zhang.uuid}
    assert found(pg_world, shop.parties[0].id_number.lower()) == {shop.uuid}
    assert found(pg_world, zhang.number) == {zhang.uuid}  # "…〔2026〕1号": not case 2 by its "18号"
    assert found(pg_world, "无中文标签") == {shop.uuid}
    assert found(pg_world, "司马光") == set()


def test_every_typed_word_must_match_on_postgres_too(pg_world, rng):
    cases = pg_world.services.cases
    zhang = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng, party=person(rng, "张三丰")))
    assert found(pg_world, "张三丰 销售过期") == {zhang.uuid}  # words need not be adjacent
    assert found(pg_world, "张三丰，金瓯路") == {zhang.uuid}
    assert found(pg_world, "张三丰 司马光") == set()


@pytest.mark.parametrize("query", ["，。", "-", "%", "_", "\\", '"', "*", "(", "AND"])
def test_punctuation_and_wildcards_find_nothing_and_never_raise_on_postgres(pg_world, rng, query):
    pg_world.services.cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng))
    assert found(pg_world, query) == set()


def test_a_renamed_party_is_found_under_the_new_name_only_on_postgres(pg_world, rng):
    cases = pg_world.services.cases
    case = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng, party=person(rng, "张三丰")))
    cases.update_parties(pg_world.officer, case.uuid, [replace(case.parties[0], name="张无忌")],
                         expected_version=case.version)
    assert found(pg_world, "张无忌") == {case.uuid}
    assert found(pg_world, "张三丰") == set()


def test_a_removed_party_that_comes_back_revives_its_row_on_postgres(pg_world, rng):
    cases = pg_world.services.cases
    case = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng))
    party = case.parties[0]
    case = cases.update_parties(pg_world.officer, case.uuid, [person(rng)], expected_version=case.version)
    case = cases.update_parties(pg_world.officer, case.uuid, [*case.parties, party], expected_version=case.version)
    assert case.parties[-1].uuid == party.uuid


def test_a_stale_write_is_refused_on_postgres(pg_world, rng):
    cases = pg_world.services.cases
    case = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng))
    stale = cases.get(case.uuid)
    cases.advance(pg_world.officer, case.uuid, "submit_filing", expected_version=case.version)
    entries = pg_world.services.audit.verify().entries
    with pytest.raises(StaleWrite):
        cases.assign_officers(pg_world.officer, case.uuid, [pg_world.officers[0].uuid], expected_version=stale.version)
    with pytest.raises(StaleWrite), cases.db.write() as s:  # racing past the services' own check
        cases._save(s, pg_world.second, "edit", stale, replace(stale, cause="改过"), "")
    assert cases.get(case.uuid).cause == case.cause
    report = pg_world.services.audit.verify()
    assert report.ok and report.entries == entries


# ---- the audit chain on PostgreSQL ------------------------------------------------------------------------------
def test_the_audit_chain_verifies_and_detects_an_edit_on_postgres(pg_world, rng):
    cases = pg_world.services.cases
    case = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng))
    cases.advance(pg_world.officer, case.uuid, "submit_filing", expected_version=case.version)
    report = pg_world.services.audit.verify()
    assert report.ok
    with cases.db.engine.begin() as conn:
        seq = conn.execute(text("SELECT max(seq) FROM audit_log WHERE action = 'register'")).scalar_one()
        conn.execute(text("UPDATE audit_log SET reason = '篡改' WHERE seq = :s"), {"s": seq})
    report = pg_world.services.audit.verify()
    assert not report.ok and report.first_broken_seq == seq


def test_entries_appended_while_verifying_are_walked_not_reported_as_tampering(pg_world, rng, monkeypatch):
    """PostgreSQL reads committed data statement by statement: an officer saving a case while the
    chain is being verified must not make the check cry wolf."""
    cases = pg_world.services.cases
    case = cases.open_case_from_lead(pg_world.officer, lead(pg_world, rng))
    entries = pg_world.services.audit.verify().entries
    walk, appended = audit._rows_in_order, []

    def walk_then_append(session, *args, **kw):  # type: ignore[no-untyped-def]
        yield from walk(session, *args, **kw)
        if not appended:  # someone saves a case right after the walk reached the (then) head
            appended.append(True)
            with cases.db.write() as s:
                audit.append(s, [NewEntry(actor_id="u-li", actor_name="李明", role="officer", action="note",
                                          entity="case", entity_id=case.uuid, before={}, after={"x": 1},
                                          at=pg_world.clock.now())])

    monkeypatch.setattr(audit, "_rows_in_order", walk_then_append)
    report = pg_world.services.audit.verify()
    assert appended and report.ok, report
    assert report.entries == entries + 1
