"""Officers (执法队伍): registering them and reading their certificates."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import replace
from datetime import date

from app.domain.errors import ValidationError
from app.domain.officers import Actor, Officer
from app.domain.parties import check_resident_id
from app.services.clock import Clock
from app.store import audit
from app.store.audit import NewEntry
from app.store.database import Database
from app.store.officer_repository import OfficerRepository


class OfficerService:
    def __init__(self, db: Database, clock: Clock):
        self.db, self.clock = db, clock

    def register(self, actor: Actor, officer: Officer) -> Officer:
        if not officer.name.strip():
            raise ValidationError("{field}: this field is required", field="name", rule="required")
        if not officer.certificate_no.strip():
            raise ValidationError("{field}: this field is required", field="certificate_no", rule="required")
        if officer.certificate_valid_to < officer.certificate_valid_from:
            raise ValidationError("{field}: a certificate cannot expire before it is valid",
                                  field="certificate_valid_to", rule="date.order")
        if officer.id_number:
            check_resident_id(officer.id_number)
        officer = officer if officer.uuid else replace(officer, uuid=str(uuidlib.uuid4()))
        now = self.clock.now()
        with self.db.write() as s:
            repo = OfficerRepository(s)
            if any(o.certificate_no == officer.certificate_no for o in repo.all()):
                raise ValidationError("{field}: certificate {no} is already registered", field="certificate_no",
                                      rule="officer.unique", no=officer.certificate_no)
            repo.add(officer, now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="register_officer", entity="officer", entity_id=officer.uuid,
                                      before={}, after={"name": officer.name, "certificate": officer.certificate_no},
                                      at=now)])
        return officer

    def all(self) -> list[Officer]:
        with self.db.read() as s:
            return OfficerRepository(s).all()

    def valid_on(self, day: date) -> list[Officer]:
        return [o for o in self.all() if o.certificate_valid_on(day)]
