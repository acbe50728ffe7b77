"""Cases, officers, actors and guard contexts built directly, for pure-domain tests (no database).

Everything is fixed: two assigned officers (王明, 李强) with certificates valid 2024–2028, an
officer not on the case (赵刚), the heads, a citizen and an organisation with valid ID numbers,
and times in Asia/Shanghai.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from app.domain.calendar import WorkCalendar
from app.domain.cases import Approval, ApprovalDecision, Case, CaseKind, Lead, Stage
from app.domain.catalogue import Matter
from app.domain.guards import GuardContext
from app.domain.officers import Actor, CertificateStatus, Officer, Role
from app.domain.parties import Party, PartyKind, PartyRole
from app.services.demo_people import credit_code, resident_id

SHANGHAI = ZoneInfo("Asia/Shanghai")

WANG, LI, ZHAO = "officer-wang", "officer-li", "officer-zhao"  # 王明 and 李强 are on the case, 赵刚 is not

OFFICER = Actor("user-wang", "王明", Role.OFFICER, officer_uuid=WANG)
OUTSIDER = Actor("user-zhao", "赵刚", Role.OFFICER, officer_uuid=ZHAO)
SECTION_HEAD = Actor("user-chen", "陈科长", Role.SECTION_HEAD)
LEGAL_REVIEWER = Actor("user-sun", "孙审核", Role.LEGAL_REVIEWER)
BUREAU_HEAD = Actor("user-zhou", "周局长", Role.BUREAU_HEAD)
SUPERVISOR = Actor("user-wu", "吴监督", Role.SUPERVISOR)

FOOD_MATTER = Matter(code="SJ-CF-001", name="销售超过保质期的食品", kind="penalty",
                     implementing_body="江门市江海区市场监督管理局",
                     legal_basis="《中华人民共和国食品安全法》第一百二十四条第一款第五项")


def d(text: str) -> date:
    return date.fromisoformat(text)


def at(day: str | date, time: str = "10:00") -> datetime:
    """A moment in Asia/Shanghai: ``at("2026-10-14")`` is 10:00 that day."""
    day = d(day) if isinstance(day, str) else day
    hour, minute = (int(x) for x in time.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI)


@cache
def calendar() -> WorkCalendar:
    return WorkCalendar.builtin()


def officer(uuid: str, name: str, *, valid_from: str = "2024-01-01", valid_to: str = "2028-12-31",
            status: CertificateStatus = CertificateStatus.VALID) -> Officer:
    return Officer(uuid=uuid, name=name, certificate_no=f"44070420-{name}",
                   certificate_valid_from=d(valid_from), certificate_valid_to=d(valid_to),
                   certificate_status=status, bureau_code="JHSJJ")


def officers(*changed: Officer) -> dict[str, Officer]:
    """The three standard officers, with ``changed`` replacing those of the same uuid."""
    found = {o.uuid: o for o in (officer(WANG, "王明"), officer(LI, "李强"), officer(ZHAO, "赵刚"))}
    return found | {o.uuid: o for o in changed}


def person(name: str = "张伟", seed: int = 1) -> Party:
    return Party.create(kind=PartyKind.PERSON, name=name, id_number=resident_id(random.Random(seed)),
                        address="江门市江海区外海街道金瓯路18号", uuid=f"party-{seed}")


def organisation(name: str = "江门市江海区鸿运食品商行", seed: int = 2) -> Party:
    return Party.create(kind=PartyKind.ORGANISATION, name=name, id_number=credit_code(random.Random(seed)),
                        legal_representative="刘芳", address="江门市江海区礼乐街道五邑路8号", uuid=f"party-{seed}")


def agent_of(party: Party, seed: int = 3) -> Party:
    return replace(person("黄律师", seed), role=PartyRole.AGENT, represents=party.uuid, uuid=f"agent-{seed}")


def make_case(kind: CaseKind = CaseKind.PENALTY_ORDINARY, stage: Stage = Stage.REGISTERED, **changes) -> Case:
    """A case of ``kind`` in ``stage``: discovered 2026-02-27, act on 2026-02-20, 王明 and 李强 assigned."""
    base = Case(uuid="case-1", number="江海市监临〔2026〕1号", bureau_code="JHSJJ", kind=kind, stage=stage,
                matter_code=FOOD_MATTER.code, matter_name=FOOD_MATTER.name, cause="销售过期食品", source="群众举报",
                act_date=d("2026-02-20"), place="江门市江海区外海街道金瓯路18号", parties=(person(),),
                officer_uuids=(WANG, LI), facts="货架上陈列过期食品十二件", proposed_fine_fen=5_000_00,
                events={"discovered": d("2026-02-27"), "registered": d("2026-02-27")})
    return replace(base, **changes)


def with_events(case: Case, **events: str | date) -> Case:
    return replace(case, events=case.events | {k: d(v) if isinstance(v, str) else v for k, v in events.items()})


def approval(slot: str, when: datetime, *, decision: ApprovalDecision = ApprovalDecision.APPROVED,
             by: Actor = BUREAU_HEAD, comment: str = "同意") -> Approval:
    return Approval(slot=slot, decision=decision, actor_id=by.user_id, actor_name=by.name, role=by.role.value,
                    at=when, comment=comment)


def approved(case: Case, *slots: str, when: datetime | None = None) -> Case:
    """``case`` with an approval in each slot (at ``when``, default 2026-03-02 09:00)."""
    when = when or at("2026-03-02", "09:00")
    return replace(case, approvals=(*case.approvals, *(approval(s, when) for s in slots)))


def context(case: Case, actor: Actor = OFFICER, now: datetime | str = "2026-03-02", *,
            staff: dict[str, Officer] | None = None, matter: Matter | None = FOOD_MATTER,
            params: dict[str, object] | None = None, work_calendar: WorkCalendar | None = None) -> GuardContext:
    return GuardContext(case=case, actor=actor, now=at(now) if isinstance(now, str) else now,
                        calendar=work_calendar or calendar(), officers=officers() if staff is None else staff,
                        matter=matter, params=params or {})


def make_lead(**changes) -> Lead:
    """A valid lead (today being 2026-03-02)."""
    base = Lead(kind=CaseKind.PENALTY_ORDINARY, matter_code=FOOD_MATTER.code, cause="销售过期食品", source="群众举报",
                discovered_on=d("2026-02-27"), act_date=d("2026-02-20"), place="江门市江海区外海街道金瓯路18号",
                parties=(person(),), officer_uuids=(WANG, LI), facts="货架上陈列过期食品十二件",
                proposed_fine_fen=5_000_00)
    return replace(base, **changes)
