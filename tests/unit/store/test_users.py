"""Accounts and the offline credential cache in the store, and the migration that adds them."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from app.domain.errors import NotFound
from app.domain.officers import Officer, Role
from app.domain.users import User
from app.services.clock import SHANGHAI
from app.store.database import current_revision, head_revision, open_database
from app.store.officer_repository import OfficerRepository
from app.store.tables import UserRow
from app.store.user_repository import UserRepository

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)
HASH = "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"


def officer(db) -> Officer:
    o = Officer(uuid="o-1", name="李明", certificate_no="440704200001", certificate_valid_from=date(2022, 1, 1),
                certificate_valid_to=date(2028, 12, 31))
    with db.write() as s:
        OfficerRepository(s).add(o, NOW)
    return o


def li(officer_uuid: str | None = "o-1") -> User:
    return User("u-1", "liming", "李明", frozenset({Role.SECTION_HEAD, Role.OFFICER}), officer_uuid)


def test_an_account_round_trips(database):
    officer(database)
    with database.write() as s:
        UserRepository(s).add(li(), HASH, NOW)
    with database.read() as s:
        repo = UserRepository(s)
        account = repo.by_username("liming")
        assert account is not None and account.user == li() and account.password_hash == HASH
        assert (account.failed_attempts, account.locked_until) == (0, None)
        assert repo.get("u-1") == account == repo.find("u-1")
        assert repo.find("u-2") is None and repo.by_username("LiMing") is None
        assert repo.all() == [li()] and repo.count() == 1
        with pytest.raises(NotFound):
            repo.get("u-2")
        row = s.scalars(select(UserRow)).one()
        assert row.roles == ["officer", "section_head"]  # in sign-in order, as plain values


def test_changes_to_the_account_count_and_failed_attempts_do_not(database):
    officer(database)
    with database.write() as s:
        repo = UserRepository(s)
        repo.add(li(), HASH, NOW)
        repo.update(User("u-1", "liming", "李明明", frozenset({Role.LEGAL_REVIEWER}), None, active=False),
                    NOW + timedelta(minutes=1))
        repo.record_attempts("u-1", 3, None)
    with database.read() as s:
        row = s.scalars(select(UserRow)).one()
        assert (row.change_counter, row.failed_attempts, row.display_name, row.active) == (2, 3, "李明明", False)
    with database.write() as s:
        UserRepository(s).set_password_hash("u-1", HASH + "x", NOW)
    with database.read() as s:
        account = UserRepository(s).get("u-1")
        assert (account.password_hash, account.failed_attempts) == (HASH + "x", 0)
        assert s.scalars(select(UserRow.change_counter)).one() == 3


def test_a_lock_time_comes_back_as_the_same_moment_in_shanghai(database):
    with database.write() as s:
        repo = UserRepository(s)
        repo.add(li(None), HASH, NOW)
        repo.record_attempts("u-1", 0, NOW + timedelta(minutes=5))
    with database.read() as s:
        until = UserRepository(s).get("u-1").locked_until
    assert until == NOW + timedelta(minutes=5) and until.utcoffset() == timedelta(hours=8)


def test_a_lock_given_in_another_zone_is_the_same_moment(database):
    from datetime import UTC

    with database.write() as s:
        repo = UserRepository(s)
        repo.add(li(None), HASH, NOW)
        repo.record_attempts("u-1", 0, datetime(2026, 3, 2, 2, 5, tzinfo=UTC))
    with database.read() as s:
        assert UserRepository(s).get("u-1").locked_until == datetime(2026, 3, 2, 10, 5, tzinfo=SHANGHAI)


def test_user_names_are_unique_and_an_officer_link_must_exist(database):
    with pytest.raises(IntegrityError), database.write() as s:
        UserRepository(s).add(li("no-such-officer"), HASH, NOW)
    with database.write() as s:
        UserRepository(s).add(li(None), HASH, NOW)
    with database.read() as s:
        assert UserRepository(s).username_taken("liming") and not UserRepository(s).username_taken("wang")
    with pytest.raises(IntegrityError), database.write() as s:
        UserRepository(s).add(User("u-2", "liming", "另一个", frozenset({Role.SUPERVISOR})), HASH, NOW)


def test_the_credential_cache_keeps_one_entry_per_user_name(database):
    central = User("c-1", "zhoujun", "周军", frozenset({Role.SUPERVISOR}))
    with database.write() as s:
        UserRepository(s).cache("zhoujun", central, HASH, NOW)
        UserRepository(s).cache("zhoujun", central, HASH + "2", NOW + timedelta(days=1))
    with database.read() as s:
        cached = UserRepository(s).cached("zhoujun")
    assert cached is not None and cached.user == central and cached.verifier == HASH + "2"
    assert cached.verified_at == NOW + timedelta(days=1)
    with database.write() as s:
        UserRepository(s).drop_cached("zhoujun")
        UserRepository(s).drop_cached("nobody")
    with database.read() as s:
        assert UserRepository(s).cached("zhoujun") is None


def test_a_0003_database_gains_the_account_tables(tmp_path):
    path = tmp_path / "old.sqlite3"
    open_database(path, revision="0003").dispose()
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
        assert {"users", "credential_cache"} <= set(inspect(db.engine).get_table_names())
        with db.write() as s:
            UserRepository(s).add(li(None), HASH, NOW)
    finally:
        db.dispose()
