"""People signed in and cases walked through the services, for the case view, inbox and to-do tests."""

from __future__ import annotations

from app.domain.officers import Actor
from app.domain.users import SignedIn, User
from tests.fakes.walks import (  # noqa: F401 - the case-view tests take them from here
    days,
    deliberating,
    in_decision_review,
    in_filing_review,
    investigated,
    notified,
    opened,
    step,
)


def signed_in(world, actor: Actor) -> SignedIn:
    """The world's actor as a signed-in user (same id and name, so the audit trail matches)."""
    user = User(actor.user_id, actor.user_id, actor.name, frozenset({actor.role}), actor.officer_uuid)
    return SignedIn(user, actor.role, at=world.clock.now())


def button_names(view) -> set[tuple[str, str]]:
    return set(view.actions.buttons)

