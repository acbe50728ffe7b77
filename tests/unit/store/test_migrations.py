"""Opening a database migrates it: an older file is upgraded (and its cases made searchable), an
up-to-date one is left alone; every SQLite connection runs with WAL, synchronous=FULL and foreign keys."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event, inspect, select, text
from sqlalchemy.exc import IntegrityError

from app.services.clock import SHANGHAI
from app.store.case_repository import CaseQuery, CaseRepository, Derived
from app.store.database import current_revision, head_revision, migrate, open_database
from app.store.tables import Base, CaseRow, MatterRow, PartyRow

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
ID_NUMBER = "440704199003071234"


def add_old_case(db) -> None:
    """A case as a 0001-era program wrote it: tables of revision 0001 only, no search row."""
    with db.write() as s:
        s.add(MatterRow(code="SJ-CF-001", name="对销售不符合食品安全标准的食品的处罚", kind="penalty", tiers=[]))
        s.flush()
        case = CaseRow(uuid="c-old", number="江海市监罚〔2025〕7号", bureau_code="JHSJJ", kind="penalty_ordinary",
                       stage="investigating", matter_code="SJ-CF-001", cause="销售过期食品", source="群众举报",
                       act_date=date(2025, 11, 3), place="江门市江海区外海街道金瓯路18号", events={},
                       party_names="张三丰", created_at=NOW, updated_at=NOW)
        s.add(case)
        s.flush()
        s.add_all([
            PartyRow(uuid="p-1", case_id=case.id, position=0, kind="person", role="party", name="张三丰",
                     id_number=ID_NUMBER, address="江门市江海区礼乐街道乐怡路233号", updated_at=NOW),
            PartyRow(uuid="p-2", case_id=case.id, position=1, kind="person", role="party", name="欧阳娜娜",
                     id_number="440704200001011111", address="", deleted=True, updated_at=NOW),
        ])


def found(db, query: str) -> list[str]:
    with db.read() as s:
        repo = CaseRepository(s)
        rows = repo.list(CaseQuery(text=query), 0, 10)
        assert repo.count(CaseQuery(text=query)) == len(rows)
        return [r.uuid for r in rows]


@pytest.fixture
def old_database(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = open_database(path, revision="0001")
    add_old_case(db)
    db.dispose()
    return path


def test_a_database_can_be_created_at_an_older_revision(old_database):
    db = open_database(old_database, revision="0001")
    try:
        assert current_revision(db.engine) == "0001"
        assert "case_search" not in inspect(db.engine).get_table_names()
    finally:
        db.dispose()


def test_opening_an_older_database_upgrades_it_to_head(old_database):
    db = open_database(old_database)
    try:
        assert current_revision(db.engine) == head_revision()
        assert {"case_search", "case_fts"} <= set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()


def test_cases_written_before_search_existed_are_searchable_after_the_upgrade(old_database):
    db = open_database(old_database)
    try:
        for query in ("张三丰", "三丰", "江海市监罚〔2025〕7号", ID_NUMBER[:6], "乐怡路", "销售过期", "不符合食品安全标准"):
            assert found(db, query) == ["c-old"], query
        assert found(db, "欧阳娜娜") == []  # a tombstoned party is not indexed
    finally:
        db.dispose()


def test_a_backfilled_case_stays_searchable_after_it_is_next_written(old_database):
    db = open_database(old_database)
    try:
        with db.write() as s:
            repo = CaseRepository(s)
            case = repo.get("c-old")
            repo.update(case, Derived("", None, "", "none", "", case.matter_name), NOW)
        assert found(db, "张三丰") == ["c-old"]
        assert found(db, ID_NUMBER) == ["c-old"]
    finally:
        db.dispose()


def test_opening_an_up_to_date_database_changes_nothing(old_database):
    open_database(old_database).dispose()
    db = open_database(old_database)
    try:
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda c, cur, stmt, *a: statements.append(stmt))
        migrate(db.engine)
        assert current_revision(db.engine) == head_revision()
        writes = [s for s in statements if s.split()[0].upper() in ("CREATE", "ALTER", "DROP", "INSERT", "UPDATE",
                                                                    "DELETE")]
        assert writes == []
        with db.read() as s:
            assert s.scalar(text("SELECT count(*) FROM case_search")) == 1  # not backfilled twice
        assert found(db, "张三丰") == ["c-old"]
    finally:
        db.dispose()


def test_the_migrated_schema_matches_the_orm_tables(database):
    with database.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The FTS5 table and its shadow tables live outside the ORM on purpose.
    assert [d for d in diffs if not (d[0] == "remove_table" and d[1].name.startswith("case_fts"))] == []


# ---- SQLite connection settings ---------------------------------------------------------------------------------
def pragmas(conn) -> tuple:
    return tuple(conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "synchronous",
                                                                               "foreign_keys"))


def test_every_sqlite_connection_runs_with_wal_full_sync_and_foreign_keys(database):
    conns = [database.engine.connect() for _ in range(3)]  # three distinct pooled connections
    try:
        assert len({id(c.connection.dbapi_connection) for c in conns}) == 3
        for conn in conns:
            assert pragmas(conn) == ("wal", 2, 1)
    finally:
        for conn in conns:
            conn.close()
    with database.write() as s:
        assert pragmas(s.connection()) == ("wal", 2, 1)
    with database.read() as s:
        assert pragmas(s.connection()) == ("wal", 2, 1)


def test_the_file_itself_is_in_wal_mode(database, tmp_path):
    conn = sqlite3.connect(tmp_path / "zhifa.sqlite3")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_foreign_keys_are_enforced(database):
    with pytest.raises(IntegrityError), database.write() as s:
        s.add(CaseRow(uuid="c-x", number="x", bureau_code="JHSJJ", kind="penalty_ordinary", stage="registered",
                      matter_code="NO-SUCH-MATTER", cause="", source="", act_date=date(2026, 1, 1), place="",
                      events={}, created_at=NOW, updated_at=NOW))
    with database.read() as s:
        assert s.scalars(select(CaseRow)).all() == []


def test_a_writer_takes_the_write_lock_when_its_transaction_begins(database, tmp_path):
    other = sqlite3.connect(tmp_path / "zhifa.sqlite3", timeout=0, isolation_level=None)
    try:
        with database.write() as s:
            s.execute(select(1))  # a read only: the lock is held all the same (BEGIN IMMEDIATE)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_readers_do_not_take_the_write_lock(database, tmp_path):
    other = sqlite3.connect(tmp_path / "zhifa.sqlite3", timeout=0, isolation_level=None)
    try:
        with database.read() as s:
            s.execute(select(1))
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
    finally:
        other.close()


def test_the_migrations_build_exactly_the_tables_the_code_declares(tmp_path):
    """A column or index added to tables.py without a migration would exist in tests but not in
    a bureau's upgraded database."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.store.tables import Base

    db = open_database(tmp_path / "fresh.sqlite3")
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        db.dispose()
    assert [d for d in diff if "case_fts" not in str(d)] == []
