"""Demo data: a living bureau for newcomers, tests and benchmarks.

Cases are walked through the real services with a clock moved back in time, so their history,
numbers and deadlines are what real use would leave behind — some stay stuck and run overdue.
For large volumes (benchmarks) ``seed_bulk`` writes cases directly in batches.
"""

from __future__ import annotations

import json
import random
import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from app.domain.cases import ApprovalDecision, Case, CaseKind, Lead, Stage
from app.domain.deadlines import compute_deadlines, next_deadline
from app.domain.errors import CalendarNotLoaded, UserError
from app.domain.officers import ROLE_NAMES_ZH, Actor, Officer, Role
from app.domain.parties import Party, PartyKind
from app.domain.users import SignedIn
from app.services import Services
from app.services.calendar import CalendarService
from app.services.cases import CaseService
from app.services.clock import SHANGHAI, FixedClock
from app.services.demo_documents import DOCUMENT_CASES, DemoDocuments
from app.services.demo_people import address, credit_code, person_name, resident_id, shop_name
from app.store import audit
from app.store.audit import NewEntry
from app.store.bulk import add_cases
from app.store.case_repository import Derived

SYSTEM = Actor("system", "演示数据", Role.SYSTEM)
WALKED_LIMIT = 2000  # beyond this many cases the rest are bulk-loaded

CAUSES = {
    "SJ-CF-001": ["销售过期食品", "销售不符合食品安全标准的食品", "经营腐败变质食品"],
    "SJ-CF-002": ["经营无中文标签进口食品"],
    "SJ-CF-003": ["发布虚假广告", "宣传内容与实际不符"],
    "SJ-CF-004": ["未取得营业执照擅自经营"],
    "SJ-CF-005": ["不明码标价", "价格欺诈"],
    "SJ-QZ-001": ["扣押过期食品", "查封不合格食品仓库"],
    "SJ-JC-001": ["食品经营日常检查", "双随机抽查"],
    "CG-CF-001": ["占道经营", "违规摆摊设点"],
    "CG-CF-002": ["随意倾倒建筑垃圾"],
    "CG-QZ-001": ["扣押占道摆卖物品"],
    "HJ-CF-001": ["超标排放废气"],
    "HJ-JC-001": ["排污单位现场检查"],
    "WJ-CF-001": ["无卫生许可证经营公共场所"],
    "YJ-CF-001": ["未开展安全生产教育培训"],
    "YJ-JC-001": ["安全生产检查"],
}
KIND_OF_MATTER = {"penalty": (CaseKind.PENALTY_ORDINARY, CaseKind.PENALTY_SIMPLE), "coercive": (CaseKind.COERCIVE,),
                  "inspection": (CaseKind.INSPECTION,)}
SOURCES = ["群众举报", "监督检查发现", "上级交办", "部门移送", "媒体曝光", "投诉转案件"]


@dataclass
class Staff:
    officers: list[Officer]
    section_head: Actor
    legal_reviewer: Actor
    bureau_head: Actor


# A walk is a list of steps: (who, what, gap in days before it). "who" is "officer" or a role;
# "what" is an action, or "approval:<slot>". Params are computed from the case.
Step = tuple[str, str, tuple[int, int]]
_FILING_TO_NOTICE: list[Step] = [
    ("officer", "submit_filing", (0, 3)), ("section_head", "approve_filing", (1, 3)),
    ("officer", "end_investigation", (15, 70)), ("section_head", "approval:case_review", (1, 4)),
    ("officer", "submit_legal_review", (0, 2)), ("legal_reviewer", "approval:legal_review", (1, 8)),
    ("officer", "send_prior_notice", (1, 5)),
]
_DECISION_TO_ARCHIVE: list[Step] = [
    ("officer", "submit_decision", (1, 5)), ("bureau_head", "approve_decision", (1, 3)),
    ("bureau_head", "seal_decision", (0, 1)), ("officer", "publish", (0, 3)), ("officer", "serve", (0, 3)),
    ("officer", "record_payment", (2, 14)), ("officer", "finish_execution", (1, 3)),
    ("section_head", "close", (1, 5)), ("officer", "archive", (3, 20)),
]
ORDINARY: list[Step] = [*_FILING_TO_NOTICE, ("officer", "close_defence", (8, 12)), *_DECISION_TO_ARCHIVE]
# Some parties ask for a hearing: the hearing is held, and 法制审核 is given again after it.
WITH_HEARING: list[Step] = [
    *_FILING_TO_NOTICE, ("officer", "request_hearing", (1, 3)), ("officer", "finish_hearing", (8, 15)),
    ("officer", "submit_legal_review", (0, 2)), ("legal_reviewer", "approval:legal_review", (1, 6)),
    ("bureau_head", "approval:collective_discussion", (1, 4)), *_DECISION_TO_ARCHIVE,
]
HEARING_SHARE = 0.15
SIMPLE: list[Step] = [
    ("officer", "decide_on_spot", (0, 0)), ("officer", "serve", (0, 0)), ("officer", "record_payment", (1, 10)),
    ("officer", "finish_execution", (0, 2)), ("section_head", "close", (1, 5)), ("officer", "archive", (3, 30)),
]
COERCIVE: list[Step] = [
    ("officer", "submit_measure", (0, 1)), ("bureau_head", "approve_measure", (0, 1)),
    ("section_head", "release_measure", (5, 28)), ("officer", "finish_execution", (1, 5)),
    ("bureau_head", "close", (1, 5)), ("officer", "archive", (3, 20)),
]
INSPECTION: list[Step] = [
    ("officer", "start_inspection", (0, 5)), ("officer", "record_result", (0, 3)),
    ("section_head", "close", (1, 5)), ("officer", "archive", (3, 20)),
]
WALKS = {CaseKind.PENALTY_ORDINARY: ORDINARY, CaseKind.PENALTY_SIMPLE: SIMPLE, CaseKind.COERCIVE: COERCIVE,
         CaseKind.INSPECTION: INSPECTION}
COMMENTS = {"approve_filing": "同意立案", "approval:case_review": "事实清楚，证据确凿", "approval:legal_review":
            "适用法律正确，程序合法", "approve_decision": "同意", "close": "同意结案", "approve_measure": "同意实施",
            "release_measure": "解除强制措施", "record_result": "检查完毕，未发现违法行为"}


class DemoSeeder:
    def __init__(self, services: Services, seed: int = 7, today: date | None = None,
                 documents: int = DOCUMENT_CASES):
        """``documents``: how many of the walked cases get their 执法文书 generated on the way."""
        self.services = services
        self.documents = documents
        self.rng = random.Random(seed)
        self.today = today or services.clock.now().date()
        self._matters: list | None = None

    def matters(self) -> list:
        if self._matters is None:
            self._matters = self.services.catalogue.matters()
        return self._matters

    # ---- reference data ---------------------------------------------------------------------------
    def staff(self) -> Staff:
        services = self.services
        if not services.catalogue.matters():
            services.catalogue.import_file()
        officers = services.officers.all()
        if not officers:
            for i in range(12):
                expired = i in (10, 11)  # two certificates have lapsed: the filing guard will notice
                officers.append(services.officers.register(SYSTEM, Officer(
                    uuid=str(uuidlib.uuid4()), name=person_name(self.rng), certificate_no=f"4407042{i:05d}",
                    certificate_valid_from=date(2021, 1, 1),
                    certificate_valid_to=date(2025, 6, 30) if expired else date(2029, 12, 31),
                    bureau_code=services.cases.bureau_code, legal_qualification=i < 3,
                    id_number=resident_id(self.rng), mobile=f"139{self.rng.randrange(10**8):08d}")))
        return Staff(officers=officers, section_head=Actor("demo-section-head", "陈建国", Role.SECTION_HEAD),
                     legal_reviewer=Actor("demo-legal", "黄丽华", Role.LEGAL_REVIEWER),
                     bureau_head=Actor("demo-head", "周志强", Role.BUREAU_HEAD))

    def party(self) -> Party:
        """A party with a valid ID (built valid by demo_people; validating each again costs more than
        building it, and the tests check the generators)."""
        rng = self.rng
        if rng.random() < 0.55:
            return Party(kind=PartyKind.PERSON, name=person_name(rng), id_number=resident_id(rng),
                         address=address(rng), phone=f"13{rng.randrange(10**9):09d}", uuid=str(uuidlib.uuid4()))
        return Party(kind=PartyKind.ORGANISATION, name=shop_name(rng), id_number=credit_code(rng),
                     legal_representative=person_name(rng), address=address(rng),
                     phone=f"0750-{rng.randrange(10**7):07d}", uuid=str(uuidlib.uuid4()))

    def lead(self, staff: Staff, discovered: date) -> Lead:
        rng = self.rng
        matter = rng.choice(self.matters())
        kind = rng.choice(KIND_OF_MATTER[matter.kind])
        valid = [o for o in staff.officers if o.certificate_valid_on(discovered)]
        pair = rng.sample(valid, 2)
        fine = rng.choice((50_00, 100_00, 200_00)) if kind is CaseKind.PENALTY_SIMPLE else \
            rng.randrange(1_000, 50_000) * 100 if kind is CaseKind.PENALTY_ORDINARY else 0
        return Lead(kind=kind, matter_code=matter.code, cause=rng.choice(CAUSES.get(matter.code, [matter.name])),
                    source=rng.choice(SOURCES), discovered_on=discovered,
                    act_date=discovered - timedelta(days=rng.randrange(0, 30)), place=address(rng),
                    parties=(self.party(),), officer_uuids=(pair[0].uuid, pair[1].uuid),
                    facts="经现场检查核实，当事人存在上述违法行为。", major=rng.random() < 0.05,
                    proposed_fine_fen=fine)

    # ---- walked cases ---------------------------------------------------------------------------
    def _workday(self, day: date) -> date:
        cal = self.services.calendars.calendar
        try:
            return cal.roll_to_workday(day)
        except CalendarNotLoaded:
            while day.weekday() >= 5:
                day += timedelta(days=1)
            return day

    def seed_walked(self, count: int, progress: Callable[[int], None] | None = None) -> int:
        staff = self._staff = self.staff()
        clock = FixedClock(datetime.combine(self.today, time(10, 0), SHANGHAI))
        cases = CaseService(self.services.database, clock, CalendarService(self.services.database, clock),
                            self.services.cases.bureau_code, self.services.cases.case_prefix)
        papers = DemoDocuments(self.services, clock, cases)
        for i in range(count):
            start = self._workday(self.today - timedelta(days=self.rng.randrange(1, 420)))
            if start > self.today:
                start = self.today
            clock.set(datetime.combine(start, time(9 + self.rng.randrange(8), 0), SHANGHAI))
            lead = self.lead(staff, start)
            officer = next(o for o in staff.officers if o.uuid == lead.officer_uuids[0])
            actors = {"officer": Actor(f"demo-{officer.certificate_no}", officer.name, Role.OFFICER, officer.uuid),
                      "section_head": staff.section_head, "legal_reviewer": staff.legal_reviewer,
                      "bureau_head": staff.bureau_head}
            case = cases.open_case_from_lead(actors["officer"], lead)
            self._walk(cases, clock, case, actors, lead, papers if i < self.documents else None)
            if progress:
                progress(i + 1)
        return count

    def _walk(self, cases: CaseService, clock: FixedClock, case: Case, actors: dict[str, Actor], lead: Lead,
              papers: DemoDocuments | None = None) -> None:
        rng = self.rng
        steps = WALKS[case.kind]
        if case.kind is CaseKind.PENALTY_ORDINARY and rng.random() < HEARING_SHARE:
            steps = WITH_HEARING
        matter = next(m for m in self.matters() if m.code == case.matter_code)
        # 法制审核 where the law asks for it (major cases, listed matters, after a hearing), and
        # 集体讨论 only for major cases
        review_needed = case.major or matter.requires_legal_review or steps is WITH_HEARING
        stop = rng.randrange(len(steps) + 1) if rng.random() < 0.75 else len(steps)
        for who, what, (low, high) in steps[:stop]:
            day = self._workday(clock.now().date() + timedelta(days=rng.randint(low, high)))
            if day > self.today:
                return  # the case's story reaches today: it stays in this stage
            clock.set(datetime.combine(day, time(9 + rng.randrange(8), rng.randrange(60)), SHANGHAI))
            actor = actors[who]
            try:
                if what in ("submit_legal_review", "approval:legal_review") and not review_needed:
                    continue
                if what == "approval:collective_discussion" and not case.major:
                    continue
                if what.startswith("approval:"):
                    case = cases.record_approval(actor, case.uuid, what.split(":", 1)[1], ApprovalDecision.APPROVED,
                                                 COMMENTS.get(what, "同意"), expected_version=case.version)
                    if papers:
                        papers.after_step(actor, case, what)
                    continue
                params: dict[str, object] = {}
                if what in ("submit_decision", "decide_on_spot"):
                    params["fine_fen"] = lead.proposed_fine_fen
                if what == "finish_hearing":  # the host is an officer not investigating the case
                    params["host_uuid"] = next(o.uuid for o in self._staff.officers
                                               if o.uuid not in case.officer_uuids)
                if what == "record_payment":
                    params["amount_fen"] = cases.amount_owed(case.uuid)[0]
                    if params["amount_fen"] == 0:
                        continue
                case = cases.advance(actor, case.uuid, what, expected_version=case.version,
                                     comment=COMMENTS.get(what, ""), params=params)
                if papers:
                    papers.after_step(actor, case, what)
            except UserError:
                return  # a guard refused (e.g. a lapsed certificate): the case waits here, as in life

    # ---- bulk -----------------------------------------------------------------------------------
    def seed_bulk(self, count: int, batch: int = 5000) -> int:
        """Many cases fast, for benchmarks: registered or under investigation, with history entries."""
        staff = self.staff()
        matters = {m.code: m for m in self.matters()}
        memo: dict[tuple, Derived] = {}  # many bulk cases share kind and event dates
        names = {o.uuid: o.name for o in staff.officers}
        prefix, bureau = self.services.cases.case_prefix, self.services.cases.bureau_code
        cal = self.services.calendars.calendar
        done = 0
        db = self.services.database
        while done < count:
            n = min(batch, count - done)
            items: list[tuple[Case, Derived]] = []
            for j in range(n):
                lead = self.lead(staff, self.today - timedelta(days=self.rng.randrange(1, 400)))
                filed = self.rng.random() < 0.7
                seq = done + j + 1
                events = {"discovered": lead.discovered_on, "registered": lead.discovered_on}
                if filed:
                    events["filed"] = lead.discovered_on + timedelta(days=self.rng.randrange(0, 10))
                stage = (Stage.INVESTIGATING if lead.kind is CaseKind.PENALTY_ORDINARY else
                         Stage.MEASURE_IN_FORCE if lead.kind is CaseKind.COERCIVE else Stage.INSPECTING) \
                    if filed else Stage.REGISTERED
                if lead.kind is CaseKind.COERCIVE and filed:
                    events["measure_started"] = events["filed"]
                if lead.kind is CaseKind.PENALTY_SIMPLE:
                    stage, events = Stage.REGISTERED, {k: v for k, v in events.items() if k != "filed"}
                series = "罚" if filed else "临"
                matter = matters[lead.matter_code]
                created = datetime.combine(lead.discovered_on, time(10, 0), SHANGHAI)
                case = Case(uuid=str(uuidlib.uuid4()), number=f"{prefix}{series}〔B{lead.discovered_on.year}〕{seq}号",
                            bureau_code=bureau, kind=lead.kind, stage=stage, matter_code=matter.code,
                            matter_name=matter.name, cause=lead.cause, source=lead.source, act_date=lead.act_date,
                            place=lead.place, parties=lead.parties, officer_uuids=lead.officer_uuids,
                            facts=lead.facts, legal_basis=matter.legal_basis, proposed_fine_fen=lead.proposed_fine_fen,
                            events=events, created_at=created, updated_at=created)
                key = (case.kind, tuple(sorted(events.items())))
                if key not in memo:
                    nxt = next_deadline(compute_deadlines(case.deadline_inputs(), cal, self.today))
                    missing = nxt is not None and nxt.due is None
                    memo[key] = Derived(
                        officer_names="", next_due=(nxt.provisional_due if missing else nxt.due) if nxt else None,
                        next_rule=nxt.rule.code if nxt else "",
                        deadline_status="none" if nxt is None else "calendar_missing" if missing else "ok",
                        deadline_note=json.dumps({lang: nxt.explain(lang) for lang in ("zh_CN", "en")},
                                                 ensure_ascii=False) if nxt else "", matter_name="")
                derived = replace(memo[key], officer_names="、".join(names[u] for u in case.officer_uuids),
                                  matter_name=matter.name)
                items.append((case, derived))
            now = datetime.combine(self.today, time(10, 0), SHANGHAI)
            with db.write() as s:
                add_cases(s, items, now)
                audit.append(s, (NewEntry(actor_id=SYSTEM.user_id, actor_name=SYSTEM.name, role=SYSTEM.role.value,
                                          action="seed", entity="case", entity_id=c.uuid, before={},
                                          after={"number": c.number, "stage": c.stage.value}, at=now)
                                 for c, _ in items))
            done += n
        return done


def seed_demo(services: Services, cases: int, seed: int = 7) -> int:
    """Seed ``cases`` demo cases: walked through the services up to WALKED_LIMIT, bulk beyond."""
    seeder = DemoSeeder(services, seed)
    walked = seeder.seed_walked(min(cases, WALKED_LIMIT))
    return walked + (seeder.seed_bulk(cases - walked) if cases > walked else 0)


# (user name, password, role, display name): documented demo data, never for a real installation
DEMO_USERS = (
    ("admin", "admin2026", Role.ADMIN, "郑晓东"),
    ("officer", "officer2026", Role.OFFICER, ""),  # named after the officer record it is linked to
    ("sectionhead", "sectionhead2026", Role.SECTION_HEAD, "陈建国"),
    ("reviewer", "reviewer2026", Role.LEGAL_REVIEWER, "黄丽华"),
    ("bureauhead", "bureauhead2026", Role.BUREAU_HEAD, "周志强"),
    ("supervisor", "supervisor2026", Role.SUPERVISOR, "吴敏"),
)


def seed_demo_users(services: Services) -> list[tuple[str, str, str]]:
    """One account per role (the administrator first: the first account must be one), returned as
    (user name, password, role label); nothing when any account exists."""
    if services.auth.has_users():
        return []
    today = services.clock.now().date()
    officer = next((o for o in DemoSeeder(services).staff().officers if o.certificate_valid_on(today)), None)
    admin: SignedIn | None = None
    created = []
    for username, password, role, name in DEMO_USERS:
        if role is Role.OFFICER and officer is None:
            continue  # no valid 执法证 to link: an officer account could not open cases
        linked = officer.uuid if role is Role.OFFICER and officer is not None else None
        user = services.auth.create_user(admin, username, name or (officer.name if officer else ""),
                                         frozenset({role}), password, officer_uuid=linked)
        if admin is None:
            admin = SignedIn(user, Role.ADMIN, at=services.clock.now())
        created.append((username, password, ROLE_NAMES_ZH[role]))
    return created
