"""People who sign in, the roles they hold, and who is signed in now."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from app.domain.errors import UserError, ValidationError
from app.domain.officers import Actor, Role

MIN_PASSWORD_LENGTH = 8
# The roles a person can sign in as, in the order a first role is chosen.
SIGN_IN_ROLES = (Role.OFFICER, Role.SECTION_HEAD, Role.LEGAL_REVIEWER, Role.BUREAU_HEAD, Role.SUPERVISOR,
                 Role.ADMIN)


class SignInFailed(UserError):
    """Wrong user name or password (never says which), or an inactive account."""


@dataclass(frozen=True)
class User:
    uuid: str
    username: str
    display_name: str
    roles: frozenset[Role]
    officer_uuid: str | None = None  # the officer record of a 承办人 (执法证)
    active: bool = True

    @property
    def first_role(self) -> Role:
        return next(r for r in SIGN_IN_ROLES if r in self.roles)


@dataclass(frozen=True)
class SignedIn:
    """The person at the keyboard, the role they act in now, and whether the sign-in was offline
    (checked against the last verified credentials because the central service was unreachable)."""

    user: User
    role: Role
    at: datetime
    offline: bool = False

    @property
    def actor(self) -> Actor:
        return Actor(user_id=self.user.uuid, name=self.user.display_name, role=self.role,
                     officer_uuid=self.user.officer_uuid)

    def as_role(self, role: Role) -> SignedIn:
        if role not in self.user.roles:
            raise ValidationError("{field}: {name} does not hold the role {role}", field="role", rule="user.role",
                                  name=self.user.display_name, role=role.value)
        return replace(self, role=role)


def check_username(username: str) -> str:
    name = (username or "").strip()
    if not (2 <= len(name) <= 40) or any(c.isspace() for c in name):
        raise ValidationError("{field}: a user name has 2 to 40 characters and no spaces", field="username",
                              rule="user.username")
    return name


def check_password(password: str) -> str:
    """At least 8 characters with a letter and a digit."""
    if len(password or "") < MIN_PASSWORD_LENGTH or not any(c.isdigit() for c in password) or not any(
            c.isalpha() for c in password):
        raise ValidationError("{field}: a password needs at least {n} characters, with letters and digits",
                              field="password", rule="user.password", n=MIN_PASSWORD_LENGTH)
    return password


def check_roles(roles: frozenset[Role], officer_uuid: str | None) -> frozenset[Role]:
    roles = frozenset(Role(r) for r in roles)
    if not roles or not roles <= set(SIGN_IN_ROLES):
        raise ValidationError("{field}: choose at least one role", field="roles", rule="user.roles")
    if Role.OFFICER in roles and not officer_uuid:
        raise ValidationError("{field}: a case officer must be linked to an officer record (执法证)",
                              field="officer_uuid", rule="user.officer")
    return roles
