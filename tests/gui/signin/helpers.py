"""Accounts for the GUI tests of sign-in, settings and the wizard: the real AuthService with a
cheap Argon2 hasher (the default one takes a noticeable time per hash)."""

from __future__ import annotations

import dataclasses

from argon2 import PasswordHasher

from app.domain.officers import Role
from app.domain.users import SignedIn, User
from app.services.auth import AuthService

PASSWORD = "secret2026"
ADMIN_PASSWORD = "admin2026x"


def cheap_hasher() -> PasswordHasher:
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def with_fast_auth(world, central=None):
    """The world's services with an AuthService that hashes quickly."""
    auth = AuthService(world.services.database, world.clock, central=central, hasher=cheap_hasher())
    return dataclasses.replace(world.services, auth=auth)


def make_admin(services, clock) -> SignedIn:
    user = services.auth.create_user(None, "admin", "郑晓东", frozenset({Role.ADMIN}), ADMIN_PASSWORD)
    return SignedIn(user, Role.ADMIN, at=clock.now())


def signed_in(user: User, role: Role, clock) -> SignedIn:
    return SignedIn(user, role, at=clock.now())
