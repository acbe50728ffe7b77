"""Signing in and managing accounts: one message for every wrong guess, a lock after five, hashes
renewed when the parameters change, the first account an administrator, the rest managed by one,
offline sign-in against the last verified credentials — and no password or hash written anywhere
but the hash column."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.i18n import set_language
from app.domain.officers import Role
from app.domain.users import SignedIn, SignInFailed, User
from app.services.auth import AccountLocked, AuthService, CentralUnreachable
from app.store.tables import AuditRow, CredentialCacheRow, UserRow

PASSWORD = "secret2026"
ADMIN_PASSWORD = "admin2026x"


def cheap(time_cost: int = 1) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=8, parallelism=1)


class CountingHasher(PasswordHasher):
    verified = 0

    def verify(self, hash, password):  # type: ignore[no-untyped-def,override]
        self.verified += 1
        return super().verify(hash, password)


@pytest.fixture
def auth(world) -> AuthService:
    return AuthService(world.services.database, world.clock, hasher=cheap())


@pytest.fixture
def admin(auth, world) -> SignedIn:
    user = auth.create_user(None, "admin", "郑晓东", frozenset({Role.ADMIN}), ADMIN_PASSWORD)
    return SignedIn(user, Role.ADMIN, at=world.clock.now())


@pytest.fixture
def liming(auth, admin, world) -> User:
    return auth.create_user(admin, "liming", "李明", frozenset({Role.OFFICER, Role.SECTION_HEAD}), PASSWORD,
                            officer_uuid=world.officers[0].uuid)


def audit_rows(world, action: str | None = None) -> list[AuditRow]:
    with world.services.database.read() as s:
        rows = s.scalars(select(AuditRow).where(AuditRow.entity == "user").order_by(AuditRow.seq)).all()
    return [r for r in rows if action is None or r.action == action]


def guess_wrong(auth: AuthService, username: str, times: int) -> list[SignInFailed]:
    refusals = []
    for _ in range(times):
        with pytest.raises(SignInFailed) as err:
            auth.sign_in(username, "wrong2026")
        refusals.append(err.value)
    return refusals


def stored_hash(world, username: str) -> str:
    with world.services.database.read() as s:
        return s.scalars(select(UserRow.password_hash).where(UserRow.username == username)).one()


# ---- local sign-in ------------------------------------------------------------------------------
def test_signing_in_gives_the_first_role_held_and_is_recorded(auth, liming, world):
    signed = auth.sign_in(" liming ", PASSWORD)
    assert (signed.user, signed.role, signed.offline) == (liming, Role.OFFICER, False)
    assert signed.actor.officer_uuid == liming.officer_uuid
    (row,) = audit_rows(world, "sign_in")
    assert (row.entity_id, row.actor_id, row.actor_name) == (liming.uuid, liming.uuid, "李明")
    assert world.services.audit.verify().ok


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_unknown_user_and_wrong_password_read_exactly_the_same(auth, liming, language):
    set_language(language)
    refusals = []
    for username, password in (("nobody", PASSWORD), ("liming", "wrong2026"), ("x", PASSWORD)):  # x: malformed
        with pytest.raises(SignInFailed) as err:
            auth.sign_in(username, password)
        refusals.append(err.value)
    assert {(type(e), e.message) for e in refusals} == {
        (SignInFailed, "用户名或密码错误" if language == "zh_CN" else "wrong user name or password")}


def test_an_unknown_user_costs_a_hash_check_like_a_known_one(world, admin):
    hasher = CountingHasher(time_cost=1, memory_cost=8, parallelism=1)
    auth = AuthService(world.services.database, world.clock, hasher=hasher)
    for name in ("admin", "nobody"):
        before = hasher.verified
        with pytest.raises(SignInFailed):
            auth.sign_in(name, "wrong2026")
        assert hasher.verified - before == 1, name


def test_a_disabled_account_cannot_sign_in(auth, admin, liming):
    auth.update_user(admin, liming.uuid, active=False)
    with pytest.raises(SignInFailed, match=r"^该账户已停用，请联系本机关系统管理员$"):
        auth.sign_in("liming", PASSWORD)
    with pytest.raises(SignInFailed, match=r"^用户名或密码错误$"):
        auth.sign_in("liming", "wrong2026")  # the wrong password does not learn that it is disabled


def test_five_failures_in_a_row_lock_the_account_for_five_minutes(auth, liming, world):
    guess_wrong(auth, "liming", 4)
    auth.sign_in("liming", PASSWORD)  # a success starts the count again
    assert not any(isinstance(e, AccountLocked) for e in guess_wrong(auth, "liming", 4))
    with pytest.raises(AccountLocked) as locked:
        auth.sign_in("liming", "wrong2026")
    until = world.clock.now() + timedelta(minutes=5)
    assert locked.value.until == until
    assert locked.value.message == "登录失败次数过多，该账户已锁定至 2026-03-02 10:05:00"
    with pytest.raises(AccountLocked):
        auth.sign_in("liming", PASSWORD)  # even the right password, while locked
    world.clock.set(until - timedelta(seconds=1))
    with pytest.raises(AccountLocked):
        auth.sign_in("liming", PASSWORD)
    world.clock.set(until)
    assert auth.sign_in("liming", PASSWORD).user == liming
    (lock,) = audit_rows(world, "lock_account")
    assert lock.entity_id == liming.uuid and "5 failed" in lock.reason


def test_a_hash_made_with_older_parameters_is_renewed_at_sign_in(world, auth, liming):
    old = stored_hash(world, "liming")
    assert old.startswith("$argon2id$") and PasswordHasher().verify(old, PASSWORD)
    stronger = AuthService(world.services.database, world.clock, hasher=cheap(time_cost=2))
    assert stronger.sign_in("liming", PASSWORD).user == liming
    new = stored_hash(world, "liming")
    assert "t=1" in old and "t=2" in new and not stronger.hasher.check_needs_rehash(new)
    assert stronger.sign_in("liming", PASSWORD).user == liming  # renewed once, not at every sign-in
    assert stored_hash(world, "liming") == new
    assert len([r for r in audit_rows(world, "sign_in") if "password_hash_renewed" in r.after]) == 1


# ---- unlocking after the idle lock, changing passwords -----------------------------------------
def test_verify_password_checks_the_signed_in_person(auth, liming):
    signed = auth.sign_in("liming", PASSWORD)
    assert auth.verify_password(signed, PASSWORD) is True
    assert [auth.verify_password(signed, "wrong2026") for _ in range(4)] == [False] * 4
    with pytest.raises(AccountLocked):
        auth.verify_password(signed, "wrong2026")  # the fifth wrong guess in a row


def test_changing_ones_own_password_needs_the_current_one(auth, liming):
    signed = auth.sign_in("liming", PASSWORD)
    with pytest.raises(ValidationError) as err:
        auth.set_password(signed, liming.uuid, "newpass2026")
    assert err.value.field == "old_password"
    with pytest.raises(ValidationError):
        auth.set_password(signed, liming.uuid, "newpass2026", old_password="wrong2026")
    with pytest.raises(ValidationError) as weak:
        auth.set_password(signed, liming.uuid, "short", old_password=PASSWORD)
    assert weak.value.field == "password"
    auth.set_password(signed, liming.uuid, "newpass2026", old_password=PASSWORD)
    assert auth.sign_in("liming", "newpass2026").user == liming
    with pytest.raises(SignInFailed):
        auth.sign_in("liming", PASSWORD)


def test_an_administrator_resets_another_password_and_lifts_the_lock(auth, admin, liming):
    guess_wrong(auth, "liming", 5)
    auth.set_password(admin, liming.uuid, "reset2026x")
    signed = auth.sign_in("liming", "reset2026x")
    with pytest.raises(UserError) as err:  # the other way round: not an administrator
        auth.set_password(signed, admin.user.uuid, "mine2026x")
    assert err.value.rule == "user.admin"
    assert auth.sign_in("admin", ADMIN_PASSWORD).user == admin.user


# ---- the first account, and accounts managed by an administrator --------------------------------
def test_the_first_account_must_be_an_administrator_and_anyone_may_create_it(auth, world):
    assert auth.has_users() is False
    with pytest.raises(ValidationError) as err:
        auth.create_user(None, "first", "第一人", frozenset({Role.SECTION_HEAD}), PASSWORD)
    assert (err.value.field, err.value.rule) == ("roles", "user.first_admin")
    assert auth.has_users() is False
    user = auth.create_user(None, "first", "第一人", frozenset({Role.ADMIN, Role.SECTION_HEAD}), PASSWORD)
    assert auth.has_users() is True and auth.users() == [user]
    (row,) = audit_rows(world, "create_user")
    assert row.actor_id == "setup" and row.reason == "first account of this installation"


def test_after_the_first_only_an_administrator_creates_accounts(auth, admin, liming):
    with pytest.raises(UserError) as nobody:
        auth.create_user(None, "wang", "王芳", frozenset({Role.SUPERVISOR}), PASSWORD)
    assert nobody.value.message == "只有系统管理员可以管理用户账户"
    officer = auth.sign_in("liming", PASSWORD)
    with pytest.raises(UserError):
        auth.create_user(officer, "wang", "王芳", frozenset({Role.SUPERVISOR}), PASSWORD)
    with pytest.raises(UserError):
        auth.update_user(officer, liming.uuid, display_name="李明明")
    both = auth.create_user(admin, "both", "两职", frozenset({Role.ADMIN, Role.SUPERVISOR}), PASSWORD)
    with pytest.raises(UserError):  # holding the role is not enough: acting in it is
        auth.create_user(SignedIn(both, Role.SUPERVISOR, at=admin.at), "wang", "王芳", frozenset({Role.SUPERVISOR}),
                         PASSWORD)
    assert [u.username for u in auth.users()] == ["admin", "both", "liming"]
    auth.update_user(admin, both.uuid, active=False)
    with pytest.raises(UserError):  # signed in as administrator before being disabled
        auth.create_user(SignedIn(both, Role.ADMIN, at=admin.at), "wang", "王芳", frozenset({Role.SUPERVISOR}),
                         PASSWORD)


@pytest.mark.parametrize(("change", "field"), [
    ({"username": "li ming"}, "username"),
    ({"display_name": "  "}, "display_name"),
    ({"display_name": "名" * 51}, "display_name"),
    ({"password": "short1"}, "password"),
    ({"password": "onlyletters"}, "password"),
    ({"roles": frozenset()}, "roles"),
    ({"roles": frozenset({Role.OFFICER}), "officer_uuid": None}, "officer_uuid"),
    ({"roles": frozenset({Role.OFFICER}), "officer_uuid": "no-such-officer"}, "officer_uuid"),
    ({"username": "admin"}, "username"),
])
def test_a_bad_account_is_refused_naming_the_field(auth, admin, change, field):
    values = dict(username="wang", display_name="王芳", roles=frozenset({Role.SUPERVISOR}), password=PASSWORD,
                  officer_uuid=None) | change
    before = auth.users()
    with pytest.raises(ValidationError) as err:
        auth.create_user(admin, **values)
    assert err.value.field == field
    assert auth.users() == before
    if change == {"username": "admin"}:
        assert err.value.message == "用户名：用户名 admin 已被使用"  # a duplicate is named


def test_updating_an_account_records_what_changed(auth, admin, liming, world):
    changed = auth.update_user(admin, liming.uuid, display_name="李明（一中队）",
                               roles=frozenset({Role.OFFICER, Role.LEGAL_REVIEWER}))
    assert changed.display_name == "李明（一中队）" and changed.roles == {Role.OFFICER, Role.LEGAL_REVIEWER}
    assert auth.users()[1] == changed
    (row,) = audit_rows(world, "update_user")
    assert "display_name" in row.before and "roles" in row.after and "username" not in row.after
    assert auth.update_user(admin, liming.uuid, display_name="李明（一中队）") == changed  # no change, no entry
    assert len(audit_rows(world, "update_user")) == 1
    with pytest.raises(ValidationError):
        auth.update_user(admin, liming.uuid, officer_uuid="")  # an officer needs the officer record
    unlinked = auth.update_user(admin, liming.uuid, roles=frozenset({Role.LEGAL_REVIEWER}), officer_uuid="")
    assert unlinked.officer_uuid is None
    with pytest.raises(NotFound):
        auth.update_user(admin, "no-such-user", active=False)


def test_the_last_active_administrator_stays(auth, admin):
    for change, field_ in (({"active": False}, "active"), ({"roles": frozenset({Role.SUPERVISOR})}, "roles")):
        with pytest.raises(ValidationError) as err:
            auth.update_user(admin, admin.user.uuid, **change)
        assert err.value.field == field_
    other = auth.create_user(admin, "other", "另一管理员", frozenset({Role.ADMIN}), PASSWORD)
    auth.update_user(admin, admin.user.uuid, roles=frozenset({Role.SUPERVISOR}))
    assert Role.ADMIN in other.roles


# ---- roles -------------------------------------------------------------------------------------
def test_switching_to_a_role_held_and_not_to_another(auth, admin, liming):
    signed = auth.sign_in("liming", PASSWORD)
    head = auth.switch_role(signed, Role.SECTION_HEAD)
    assert (head.role, head.actor.role, head.user) == (Role.SECTION_HEAD, Role.SECTION_HEAD, liming)
    with pytest.raises(ValidationError) as err:
        auth.switch_role(signed, Role.BUREAU_HEAD)
    assert err.value.field == "role"
    auth.update_user(admin, liming.uuid, roles=frozenset({Role.OFFICER}))
    with pytest.raises(ValidationError):  # taken away since the sign-in
        auth.switch_role(head, Role.SECTION_HEAD)
    assert auth.switch_role(head, Role.OFFICER).role is Role.OFFICER


# ---- through the central service and offline ----------------------------------------------------
@dataclass
class FakeCentral:
    accounts: dict[str, tuple[str, User]] = field(default_factory=dict)
    reachable: bool = True
    asked: int = 0

    def sign_in(self, username: str, password: str) -> User:
        self.asked += 1
        if not self.reachable:
            raise CentralUnreachable("connection refused")
        known = self.accounts.get(username)
        if known is None or known[0] != password:
            raise SignInFailed("wrong user name or password", rule="central")
        return known[1]


CENTRAL_USER = User("c-0001", "zhoujun", "周军", frozenset({Role.SUPERVISOR}))


@pytest.fixture
def central() -> FakeCentral:
    return FakeCentral({"zhoujun": (PASSWORD, CENTRAL_USER)})


@pytest.fixture
def online(world, central) -> AuthService:
    return AuthService(world.services.database, world.clock, central=central, hasher=cheap())


def cache_rows(world) -> list[CredentialCacheRow]:
    with world.services.database.read() as s:
        return list(s.scalars(select(CredentialCacheRow)))


def test_a_central_sign_in_keeps_a_one_way_verifier_that_signs_in_while_unreachable(online, central, world):
    signed = online.sign_in("zhoujun", PASSWORD)
    assert (signed.user, signed.role, signed.offline) == (CENTRAL_USER, Role.SUPERVISOR, False)
    (row,) = cache_rows(world)
    assert row.username == "zhoujun" and row.user["display_name"] == "周军"
    assert row.verifier.startswith("$argon2id$") and PASSWORD not in row.verifier
    assert PasswordHasher().verify(row.verifier, PASSWORD)
    central.reachable = False
    world.clock.set(world.clock.now() + timedelta(days=3))
    signed = online.sign_in("zhoujun", PASSWORD)
    assert (signed.user, signed.offline, signed.at) == (CENTRAL_USER, True, world.clock.now())
    with pytest.raises(SignInFailed) as err:
        online.sign_in("zhoujun", "wrong2026")
    assert err.value.message == "用户名或密码错误"
    assert len([r for r in audit_rows(world, "sign_in") if '"offline":true' in r.after]) == 1
    asked = central.asked
    assert online.verify_password(signed, PASSWORD) is True  # unlocking checks the cached verifier
    assert online.verify_password(signed, "wrong2026") is False
    assert central.asked == asked  # ... without going to the central service


def test_a_central_refusal_drops_the_cached_verifier(online, central, world):
    central.reachable = False
    with pytest.raises(SignInFailed) as never:
        online.sign_in("zhoujun", PASSWORD)
    assert never.value.message == "无法连接中心服务，且该账户从未在本机登录过"
    central.reachable = True
    online.sign_in("zhoujun", PASSWORD)
    central.accounts["zhoujun"] = ("changed2026", CENTRAL_USER)  # the password was changed centrally
    with pytest.raises(SignInFailed):
        online.sign_in("zhoujun", PASSWORD)
    assert cache_rows(world) == []
    central.reachable = False
    with pytest.raises(SignInFailed) as err:
        online.sign_in("zhoujun", PASSWORD)  # the old password does not open this device any more
    assert err.value.message == never.value.message
    central.reachable = True
    online.sign_in("zhoujun", "changed2026")
    central.accounts["zhoujun"] = ("changed2026", replace(CENTRAL_USER, active=False))
    with pytest.raises(SignInFailed, match="停用"):
        online.sign_in("zhoujun", "changed2026")
    assert cache_rows(world) == []  # a disabled account does not sign in offline either


def test_offline_guesses_lock_too(online, central, world):
    online.sign_in("zhoujun", PASSWORD)
    central.reachable = False
    guess_wrong(online, "zhoujun", 4)
    with pytest.raises(AccountLocked):
        online.sign_in("zhoujun", "wrong2026")
    with pytest.raises(AccountLocked):
        online.sign_in("zhoujun", PASSWORD)
    world.clock.set(world.clock.now() + timedelta(minutes=5))
    assert online.sign_in("zhoujun", PASSWORD).offline


# ---- nothing secret written anywhere -----------------------------------------------------------
def test_no_password_or_hash_reaches_the_audit_chain_or_the_log(world, central, caplog):
    caplog.set_level(logging.DEBUG)
    auth = AuthService(world.services.database, world.clock, hasher=cheap())
    admin_user = auth.create_user(None, "admin", "郑晓东", frozenset({Role.ADMIN}), ADMIN_PASSWORD)
    admin = auth.sign_in("admin", ADMIN_PASSWORD)
    user = auth.create_user(admin, "liming", "李明", frozenset({Role.OFFICER}), PASSWORD,
                            officer_uuid=world.officers[0].uuid)
    passwords = [ADMIN_PASSWORD, PASSWORD, "wrong2026", "reset2026x", "mine2026xy"]
    guess_wrong(auth, "liming", 5)
    with pytest.raises(SignInFailed):
        auth.sign_in("wrong2026", PASSWORD)  # a password typed into the user name field
    auth.set_password(admin, user.uuid, "reset2026x")
    auth.set_password(admin, admin_user.uuid, "mine2026xy", old_password=ADMIN_PASSWORD)
    online = AuthService(world.services.database, world.clock, central=central, hasher=cheap())
    online.sign_in("zhoujun", PASSWORD)
    central.reachable = False
    online.sign_in("zhoujun", PASSWORD)
    with world.services.database.read() as s:
        secrets = passwords + list(s.scalars(select(UserRow.password_hash))) + \
            list(s.scalars(select(CredentialCacheRow.verifier)))
        written = [f"{r.before} {r.after} {r.reason} {r.actor_name}" for r in s.scalars(select(AuditRow))]
    assert len(written) >= 8
    logged = [r.getMessage() for r in caplog.records]
    assert len(logged) >= 8
    for text in written + logged:
        assert "$argon2" not in text
        for secret in secrets:
            assert secret not in text


def test_the_first_administrator_is_needed_only_on_a_stand_alone_install(database, clock):
    from app.services.auth import AuthService

    assert AuthService(database, clock).needs_first_admin()

    class Central:
        def sign_in(self, username, password):  # accounts come from the central service
            raise AssertionError("not called")

    assert not AuthService(database, clock, central=Central()).needs_first_admin()
