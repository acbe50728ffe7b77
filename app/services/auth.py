"""Signing in and managing user accounts.

Today accounts are local (Argon2id hashes in ``users``). The central service's sign-in plugs in
through :class:`CentralAuthenticator`; while it is unreachable a person who signed in here before
is checked against a one-way verifier of their last accepted password (``credential_cache``).
Passwords and hashes never reach the audit chain or the log.
"""

from __future__ import annotations

import logging
import secrets
import uuid as uuidlib
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy.orm import Session

from app.domain.errors import UserError, ValidationError
from app.domain.officers import Actor, Role
from app.domain.users import (
    SIGN_IN_ROLES,
    SignedIn,
    SignInFailed,
    User,
    check_password,
    check_roles,
    check_username,
)
from app.services.clock import Clock
from app.store import audit
from app.store.audit import NewEntry
from app.store.database import Database
from app.store.officer_repository import OfficerRepository
from app.store.user_repository import Account, UserRepository, user_snapshot

log = logging.getLogger(__name__)

MAX_FAILED_SIGN_INS = 5
LOCK_DURATION = timedelta(minutes=5)
MAX_DISPLAY_NAME = 50
SETUP = Actor("setup", "初始设置", Role.SYSTEM)  # creates the first account of an installation
GUARD = Actor("system", "登录保护", Role.SYSTEM)  # locks an account after repeated failures


class CentralUnreachable(Exception):
    """The central service could not be asked (network, timeout, server down). Not shown to the user:
    sign-in falls back to the last verified credentials."""


class CentralAuthenticator(Protocol):
    def sign_in(self, username: str, password: str) -> User:
        """The account the central service confirms; raises SignInFailed when it refuses and
        CentralUnreachable when it cannot be asked."""
        ...


class AccountLocked(SignInFailed):
    """Too many failed sign-ins in a row; says until when."""

    def __init__(self, until: datetime):
        self.until = until
        super().__init__("too many failed sign-ins: this account is locked until {until}", rule="auth.locked",
                         until=until.strftime("%Y-%m-%d %H:%M:%S"))


def _wrong() -> SignInFailed:
    # one message whether the user name exists or not
    return SignInFailed("wrong user name or password", rule="auth.credentials")


def _disabled() -> SignInFailed:
    return SignInFailed("this account is disabled; ask the bureau administrator", rule="auth.inactive")


def _check_display_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("{field}: this field is required", field="display_name", rule="required")
    if len(name) > MAX_DISPLAY_NAME:
        raise ValidationError("{field}: at most {n} characters", field="display_name", rule="user.display_name",
                              n=MAX_DISPLAY_NAME)
    return name


class AuthService:
    def __init__(self, db: Database, clock: Clock, central: CentralAuthenticator | None = None,
                 hasher: PasswordHasher | None = None):
        self.db, self.clock, self.central = db, clock, central
        self.hasher = hasher or PasswordHasher()  # argon2id with the library's current defaults
        self._dummy_hash: str | None = None
        # offline attempts have no account row to count in; this process counts them instead
        self._offline_failures: dict[str, tuple[int, datetime | None]] = {}

    # ---- signing in --------------------------------------------------------------------------------
    def sign_in(self, username: str, password: str) -> SignedIn:
        try:
            name = check_username(username)
        except ValidationError:
            self._spend_hashing_time(password)
            raise _wrong() from None
        if self.central is not None:
            return self._sign_in_centrally(name, password)
        with self.db.read() as s:
            account = UserRepository(s).by_username(name)
        if account is None:
            self._spend_hashing_time(password)
            log.info("failed sign-in: no such user name")  # not the name typed: it may be a password
            raise _wrong()
        now = self.clock.now()
        rehash = self._check_account(account, password, now)
        signed = SignedIn(account.user, account.user.first_role, now)
        self._succeeded(account, password if rehash else None, now, signed.actor)
        log.info("user %s signed in", account.user.username)
        return signed

    def verify_password(self, signed: SignedIn, password: str) -> bool:
        """Whether ``password`` is the signed-in person's (unlocking after the idle lock). Wrong
        passwords count towards the lock like failed sign-ins; a locked or disabled account raises."""
        now = self.clock.now()
        with self.db.read() as s:
            repo = UserRepository(s)
            account = repo.find(signed.user.uuid)
            cached = repo.cached(signed.user.username) if account is None else None
        if account is not None:
            try:
                rehash = self._check_account(account, password, now)
            except SignInFailed as exc:
                if exc.rule != "auth.credentials":
                    raise  # locked, or disabled meanwhile
                return False
            self._succeeded(account, password if rehash else None, now, None)
            return True
        if cached is None:
            self._spend_hashing_time(password)
            return False
        try:
            self._check_offline(signed.user.username, cached.verifier, password, now)
        except SignInFailed as exc:
            if exc.rule != "auth.credentials":
                raise
            return False
        return True

    def switch_role(self, signed: SignedIn, role: Role) -> SignedIn:
        """Act in another role the person holds (roles changed since sign-in count)."""
        with self.db.read() as s:
            account = UserRepository(s).find(signed.user.uuid)
        if account is not None:
            if not account.user.active:
                raise _disabled()
            signed = replace(signed, user=account.user)
        return signed.as_role(Role(role))

    def _check_account(self, account: Account, password: str, now: datetime) -> bool:
        """Raises unless ``password`` opens ``account`` now; True when its hash should be renewed."""
        if account.locked_until is not None and now < account.locked_until:
            raise AccountLocked(account.locked_until)
        if not self._verify(account.password_hash, password):
            until = self._record_failure(account.user, now)
            raise AccountLocked(until) if until else _wrong()
        if not account.user.active:
            raise _disabled()
        return self.hasher.check_needs_rehash(account.password_hash)

    def _succeeded(self, account: Account, rehash_password: str | None, now: datetime, actor: Actor | None) -> None:
        """Clear failed attempts, renew an outdated hash and (for a sign-in) record it."""
        new_hash = self.hasher.hash(rehash_password) if rehash_password is not None else None
        if new_hash is None and actor is None and not account.failed_attempts and account.locked_until is None:
            return
        with self.db.write() as s:
            repo = UserRepository(s)
            if new_hash is not None:
                repo.set_password_hash(account.user.uuid, new_hash, now)
            else:
                repo.record_attempts(account.user.uuid, 0, None)
            if actor is not None:
                after = {"offline": False, **({"password_hash_renewed": True} if new_hash else {})}
                audit.append(s, [_entry(actor, "sign_in", account.user.uuid, {}, after, now)])

    def _record_failure(self, user: User, now: datetime) -> datetime | None:
        """Count a failed attempt; returns the end of the lock when this one locks the account."""
        with self.db.write() as s:
            repo = UserRepository(s)
            attempts = repo.get(user.uuid).failed_attempts + 1
            if attempts < MAX_FAILED_SIGN_INS:
                repo.record_attempts(user.uuid, attempts, None)
                log.info("failed sign-in for user %s (%d in a row)", user.username, attempts)
                return None
            until = now + LOCK_DURATION
            repo.record_attempts(user.uuid, 0, until)
            audit.append(s, [_entry(GUARD, "lock_account", user.uuid, {}, {"locked_until": until.isoformat()}, now,
                                    reason=f"{MAX_FAILED_SIGN_INS} failed sign-ins in a row")])
        log.warning("user %s locked until %s after %d failed sign-ins", user.username, until.isoformat(),
                    MAX_FAILED_SIGN_INS)
        return until

    # ---- through the central service, and offline -------------------------------------------------
    def _sign_in_centrally(self, username: str, password: str) -> SignedIn:
        assert self.central is not None
        now = self.clock.now()
        try:
            user = self.central.sign_in(username, password)
        except CentralUnreachable as exc:
            log.info("central service unreachable (%s): checking the last verified credentials",
                     type(exc).__name__)
            return self._sign_in_offline(username, password, now)
        except SignInFailed:
            # the password may have been changed centrally: the old one must not open this device
            self._forget(username)
            raise
        if not user.active or not user.roles & set(SIGN_IN_ROLES):
            self._forget(username)  # nor may an older snapshot of the account, offline
            raise _disabled() if not user.active else SignInFailed(
                "this account holds no role that may sign in here", rule="auth.roles")
        verifier = self.hasher.hash(password)
        signed = SignedIn(user, user.first_role, now)
        with self.db.write() as s:
            UserRepository(s).cache(username, user, verifier, now)
            audit.append(s, [_entry(signed.actor, "sign_in", user.uuid, {}, {"offline": False}, now)])
        self._offline_failures.pop(username, None)
        log.info("user %s signed in through the central service", user.username)
        return signed

    def _forget(self, username: str) -> None:
        with self.db.write() as s:
            UserRepository(s).drop_cached(username)

    def _sign_in_offline(self, username: str, password: str, now: datetime) -> SignedIn:
        with self.db.read() as s:
            cached = UserRepository(s).cached(username)
        if cached is None:
            raise SignInFailed("cannot reach the central service and this account has never signed in here",
                               rule="auth.never_cached")
        self._check_offline(username, cached.verifier, password, now)
        user = cached.user
        if not user.active or not user.roles & set(SIGN_IN_ROLES):
            raise _disabled()
        signed = SignedIn(user, user.first_role, now, offline=True)
        renewed = self.hasher.hash(password) if self.hasher.check_needs_rehash(cached.verifier) else None
        with self.db.write() as s:
            if renewed is not None:
                UserRepository(s).cache(username, user, renewed, cached.verified_at)
            audit.append(s, [_entry(signed.actor, "sign_in", user.uuid, {}, {"offline": True}, now)])
        log.info("user %s signed in offline (last verified %s)", user.username, cached.verified_at.isoformat())
        return signed

    def _check_offline(self, username: str, verifier: str, password: str, now: datetime) -> None:
        failures, until = self._offline_failures.get(username, (0, None))
        if until is not None and now < until:
            raise AccountLocked(until)
        if self._verify(verifier, password):
            self._offline_failures.pop(username, None)
            return
        failures += 1
        if failures >= MAX_FAILED_SIGN_INS:
            self._offline_failures[username] = (0, now + LOCK_DURATION)
            log.warning("offline sign-in of user %s locked for %s", username, LOCK_DURATION)
            raise AccountLocked(now + LOCK_DURATION)
        self._offline_failures[username] = (failures, None)
        raise _wrong()

    # ---- hashing -----------------------------------------------------------------------------------
    def _verify(self, stored: str, password: str) -> bool:
        try:
            return self.hasher.verify(stored, password)
        except VerifyMismatchError:
            return False
        except (VerificationError, InvalidHashError):
            log.warning("a stored password hash is damaged or not Argon2; the sign-in was refused")
            return False

    def _spend_hashing_time(self, password: str) -> None:
        """As long as checking a real account, so the time taken does not tell whether a name exists."""
        if self._dummy_hash is None:
            self._dummy_hash = self.hasher.hash(secrets.token_urlsafe(16))
        self._verify(self._dummy_hash, password)

    # ---- managing accounts -------------------------------------------------------------------------
    def has_users(self) -> bool:
        with self.db.read() as s:
            return UserRepository(s).count() > 0

    def needs_first_admin(self) -> bool:
        """A fresh stand-alone install must create its administrator first; with a central
        service the accounts come from there, so the sign-in form is shown at once."""
        return self.central is None and not self.has_users()

    def users(self) -> list[User]:
        with self.db.read() as s:
            return UserRepository(s).all()

    def create_user(self, admin: SignedIn | None, username: str, display_name: str, roles: frozenset[Role],
                    password: str, officer_uuid: str | None = None) -> User:
        """A new account. Only an administrator may create one, except the very first account of an
        installation, which anyone may create and which must be an administrator."""
        with self.db.read() as s:
            self._check_creator(admin, roles, UserRepository(s))  # refuse before the slow hashing
        officer_uuid = officer_uuid or None
        user = User(uuid=str(uuidlib.uuid4()), username=check_username(username),
                    display_name=_check_display_name(display_name), roles=check_roles(frozenset(roles), officer_uuid),
                    officer_uuid=officer_uuid)
        password_hash = self.hasher.hash(check_password(password))  # before the write lock: it takes time
        now = self.clock.now()
        with self.db.write() as s:
            repo = UserRepository(s)
            self._check_creator(admin, roles, repo)  # again: another may have come first
            if repo.username_taken(user.username):
                raise ValidationError("{field}: the user name {name} is already taken", field="username",
                                      rule="user.unique", name=user.username)
            if officer_uuid:
                self._check_officer(s, officer_uuid)
            repo.add(user, password_hash, now)
            actor = admin.actor if admin is not None else SETUP
            audit.append(s, [_entry(actor, "create_user", user.uuid, {}, user_snapshot(user), now,
                                    reason="" if admin is not None else "first account of this installation")])
        log.info("user %s created with roles %s", user.username, ",".join(sorted(r.value for r in user.roles)))
        return user

    def update_user(self, admin: SignedIn, user_uuid: str, *, display_name: str | None = None,
                    roles: frozenset[Role] | None = None, officer_uuid: str | None = None,
                    active: bool | None = None) -> User:
        """Change an account; ``None`` keeps a value, ``officer_uuid=""`` unlinks the officer record."""
        now = self.clock.now()
        with self.db.write() as s:
            repo = UserRepository(s)
            self._require_admin(admin, repo)
            before = repo.get(user_uuid).user
            linked = before.officer_uuid if officer_uuid is None else (officer_uuid or None)
            after = replace(before,
                            display_name=before.display_name if display_name is None else
                            _check_display_name(display_name),
                            roles=check_roles(before.roles if roles is None else frozenset(roles), linked),
                            officer_uuid=linked, active=before.active if active is None else bool(active))
            if after == before:
                return before
            if linked and linked != before.officer_uuid:
                self._check_officer(s, linked)
            admins = [u for u in repo.all() if u.uuid != after.uuid and u.active and Role.ADMIN in u.roles]
            if not admins and not (after.active and Role.ADMIN in after.roles):
                raise ValidationError("{field}: at least one active administrator must remain",
                                      field="active" if not after.active else "roles", rule="user.last_admin")
            repo.update(after, now)
            old, new = user_snapshot(before), user_snapshot(after)
            changed = [k for k in new if old[k] != new[k]]
            audit.append(s, [_entry(admin.actor, "update_user", user_uuid, {k: old[k] for k in changed},
                                    {k: new[k] for k in changed}, now)])
        log.info("user %s changed (%s)", after.username, ", ".join(changed))
        return after

    def set_password(self, by: SignedIn, user_uuid: str, new_password: str, old_password: str | None = None) -> None:
        """Change one's own password (the current one is asked), or an administrator's reset of
        another's (which also lifts a lock)."""
        own = by.user.uuid == user_uuid
        with self.db.read() as s:
            repo = UserRepository(s)
            if not own:
                self._require_admin(by, repo)
            account = repo.get(user_uuid)
        check_password(new_password)
        if own and (old_password is None or not self._verify(account.password_hash, old_password)):
            raise ValidationError("{field}: the current password is wrong", field="old_password",
                                  rule="user.old_password")
        new_hash = self.hasher.hash(new_password)
        now = self.clock.now()
        with self.db.write() as s:
            UserRepository(s).set_password_hash(user_uuid, new_hash, now)
            audit.append(s, [_entry(by.actor, "set_password", user_uuid, {}, {"password_changed": True}, now,
                                    reason="changed by the user" if own else "reset by an administrator")])
        log.info("password of user %s %s", account.user.username, "changed" if own else "reset by an administrator")

    def _check_creator(self, admin: SignedIn | None, roles: frozenset[Role], repo: UserRepository) -> None:
        if repo.count():
            self._require_admin(admin, repo)
        elif Role.ADMIN not in {Role(r) for r in roles}:
            raise ValidationError("{field}: the first account must be an administrator", field="roles",
                                  rule="user.first_admin")

    @staticmethod
    def _require_admin(admin: SignedIn | None, repo: UserRepository) -> None:
        """Acting as administrator now, and (for a local account) still an active one."""
        ok = admin is not None and admin.role is Role.ADMIN and Role.ADMIN in admin.user.roles
        if ok and admin is not None:
            current = repo.find(admin.user.uuid)
            ok = current is None or (current.user.active and Role.ADMIN in current.user.roles)
        if not ok:
            raise UserError("only a bureau administrator may manage user accounts", rule="user.admin")

    @staticmethod
    def _check_officer(session: Session, officer_uuid: str) -> None:
        if officer_uuid not in OfficerRepository(session).many([officer_uuid]):
            raise ValidationError("{field}: unknown officer {uuid}", field="officer_uuid", rule="user.officer",
                                  uuid=officer_uuid)


def _entry(actor: Actor, action: str, user_uuid: str, before: dict, after: dict, at: datetime,
           reason: str = "") -> NewEntry:
    return NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value, action=action,
                    entity="user", entity_id=user_uuid, before=before, after=after, at=at, reason=reason)
