"""User accounts and the offline credential cache in and out of the store.

Password hashes and verifiers pass through here as opaque strings; hashing is the service's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound
from app.domain.officers import Role
from app.domain.users import SIGN_IN_ROLES, User
from app.store.tables import CredentialCacheRow, UserRow
from app.store.times import aware as _aware
from app.store.times import local as _local

_ROLE_ORDER = {r: i for i, r in enumerate(SIGN_IN_ROLES)}


@dataclass(frozen=True)
class Account:
    """A local account as the sign-in check needs it."""

    user: User
    password_hash: str
    failed_attempts: int
    locked_until: datetime | None


@dataclass(frozen=True)
class CachedCredential:
    user: User
    verifier: str
    verified_at: datetime




def role_values(roles: frozenset[Role]) -> list[str]:
    return [r.value for r in sorted(roles, key=lambda r: _ROLE_ORDER.get(r, len(_ROLE_ORDER)))]


def user_snapshot(user: User) -> dict:
    """The user as plain JSON (the credential cache keeps the central service's account this way)."""
    return {"uuid": user.uuid, "username": user.username, "display_name": user.display_name,
            "roles": role_values(user.roles), "officer_uuid": user.officer_uuid, "active": user.active}


def user_from_snapshot(data: dict) -> User:
    return User(uuid=data["uuid"], username=data["username"], display_name=data["display_name"],
                roles=frozenset(Role(r) for r in data["roles"]), officer_uuid=data.get("officer_uuid"),
                active=bool(data.get("active", True)))


def _to_user(row: UserRow) -> User:
    return User(uuid=row.uuid, username=row.username, display_name=row.display_name,
                roles=frozenset(Role(r) for r in row.roles), officer_uuid=row.officer_uuid, active=row.active)


def _to_account(row: UserRow) -> Account:
    return Account(user=_to_user(row), password_hash=row.password_hash, failed_attempts=row.failed_attempts,
                   locked_until=_aware(row.locked_until))


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    # ---- accounts ----------------------------------------------------------------------------------
    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(UserRow).where(UserRow.deleted.is_(False))) or 0

    def all(self) -> list[User]:
        rows = self.session.scalars(select(UserRow).where(UserRow.deleted.is_(False)).order_by(UserRow.username))
        return [_to_user(r) for r in rows]

    def _row(self, uuid: str) -> UserRow:
        row = self.session.scalars(select(UserRow).where(UserRow.uuid == uuid)).first()
        if row is None or row.deleted:
            raise NotFound("user {uuid} does not exist", rule="user.exists", uuid=uuid)
        return row

    def get(self, uuid: str) -> Account:
        return _to_account(self._row(uuid))

    def find(self, uuid: str) -> Account | None:
        row = self.session.scalars(select(UserRow).where(UserRow.uuid == uuid, UserRow.deleted.is_(False))).first()
        return None if row is None else _to_account(row)

    def by_username(self, username: str) -> Account | None:
        row = self.session.scalars(select(UserRow).where(UserRow.username == username,
                                                         UserRow.deleted.is_(False))).first()
        return None if row is None else _to_account(row)

    def username_taken(self, username: str) -> bool:
        """Also by a deleted account: the column is unique, tombstones included."""
        return self.session.scalar(select(func.count()).select_from(UserRow)
                                   .where(UserRow.username == username)) != 0

    def add(self, user: User, password_hash: str, now: datetime) -> None:
        self.session.add(UserRow(
            uuid=user.uuid, username=user.username, display_name=user.display_name, roles=role_values(user.roles),
            officer_uuid=user.officer_uuid, password_hash=password_hash, active=user.active, failed_attempts=0,
            locked_until=None, created_at=_local(now), change_counter=1, deleted=False, updated_at=_local(now)))
        self.session.flush()

    def update(self, user: User, now: datetime) -> None:
        row = self._row(user.uuid)
        row.display_name, row.roles = user.display_name, role_values(user.roles)
        row.officer_uuid, row.active = user.officer_uuid, user.active
        row.change_counter += 1
        row.updated_at = _local(now)
        self.session.flush()

    def set_password_hash(self, uuid: str, password_hash: str, now: datetime) -> None:
        """A new password (or a rehash) also clears any failed sign-ins and lock."""
        row = self._row(uuid)
        row.password_hash, row.failed_attempts, row.locked_until = password_hash, 0, None
        row.change_counter += 1
        row.updated_at = _local(now)
        self.session.flush()

    def record_attempts(self, uuid: str, failed_attempts: int, locked_until: datetime | None) -> None:
        """Failed sign-ins are this device's own guard, not account data: no change counter, nothing to sync."""
        row = self._row(uuid)
        row.failed_attempts, row.locked_until = failed_attempts, _local(locked_until)
        self.session.flush()

    # ---- offline credential cache ------------------------------------------------------------------
    def cached(self, username: str) -> CachedCredential | None:
        row = self.session.get(CredentialCacheRow, username)
        if row is None:
            return None
        return CachedCredential(user=user_from_snapshot(row.user), verifier=row.verifier,
                                verified_at=_aware(row.verified_at))  # type: ignore[arg-type]

    def cache(self, username: str, user: User, verifier: str, now: datetime) -> None:
        row = self.session.get(CredentialCacheRow, username)
        if row is None:
            row = CredentialCacheRow(username=username)
            self.session.add(row)
        row.user, row.verifier, row.verified_at = user_snapshot(user), verifier, _local(now)
        self.session.flush()

    def drop_cached(self, username: str) -> None:
        self.session.execute(delete(CredentialCacheRow).where(CredentialCacheRow.username == username))
