"""Leads (案件来源) for tests, with valid ID numbers."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

from app.domain.cases import CaseKind, Lead
from app.domain.parties import Party, PartyKind
from app.services.demo_people import address, credit_code, person_name, resident_id, shop_name


def person(rng: random.Random, name: str | None = None) -> Party:
    return Party.create(kind=PartyKind.PERSON, name=name or person_name(rng), id_number=resident_id(rng),
                        address=address(rng), phone="13800138000")


def organisation(rng: random.Random, name: str | None = None) -> Party:
    return Party.create(kind=PartyKind.ORGANISATION, name=name or shop_name(rng), id_number=credit_code(rng),
                        legal_representative=person_name(rng), address=address(rng))


def lead(world, rng: random.Random, kind: CaseKind = CaseKind.PENALTY_ORDINARY, *, party: Party | None = None,
         matter_code: str = "SJ-CF-001", days_ago: int = 5, **changes) -> Lead:
    today = world.clock.now().date()
    base = Lead(kind=kind, matter_code=matter_code, cause="销售过期食品", source="群众举报",
                discovered_on=today - timedelta(days=days_ago), act_date=today - timedelta(days=days_ago + 3),
                place="江门市江海区外海街道金瓯路18号", parties=(party or person(rng),),
                officer_uuids=(world.officers[0].uuid, world.officers[1].uuid), facts="货架上陈列过期食品十二件",
                proposed_fine_fen=5_000_00)
    return replace(base, **changes)


