"""Use cases the UI and the CLI call. No Qt here; each call is one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from app.services.approvals import ApprovalService
from app.services.audit import AuditService
from app.services.auth import AuthService
from app.services.calendar import CalendarService
from app.services.cases import CaseService
from app.services.catalogue import CatalogueService
from app.services.clock import Clock
from app.services.officers import OfficerService
from app.store.database import Database

if TYPE_CHECKING:
    from argon2 import PasswordHasher


class Bureau(Protocol):
    code: str
    name: str
    case_prefix: str


@dataclass
class Services:
    database: Database
    clock: Clock
    calendars: CalendarService
    cases: CaseService
    officers: OfficerService
    catalogue: CatalogueService
    audit: AuditService
    auth: AuthService
    approvals: ApprovalService
    bureau_name: str

    @classmethod
    def create(cls, database: Database, *, bureau: Bureau, clock: Clock | None = None,
               password_hasher: PasswordHasher | None = None) -> Services:
        """``password_hasher``: Argon2 defaults when None; tests pass a cheap one."""
        clock = clock or Clock()
        calendars = CalendarService(database, clock)
        cases = CaseService(database, clock, calendars, bureau.code, bureau.case_prefix)
        calendars.on_change = cases.rederive_deadlines  # provisional due dates become real ones
        return cls(database=database, clock=clock, calendars=calendars, cases=cases,
                   officers=OfficerService(database, clock),
                   catalogue=CatalogueService(database, on_change=cases.forget_matters),
                   audit=AuditService(database), auth=AuthService(database, clock, hasher=password_hasher),
                   approvals=ApprovalService(cases), bureau_name=bureau.name)
