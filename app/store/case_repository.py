"""Cases in and out of the store as domain objects; optimistic locking by change counter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import uuid as uuidlib
from sqlalchemy import Select, and_, func, select, update
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.domain.cases import Approval, ApprovalDecision, Case, CaseKind, Stage
from app.domain.deadlines import Extension, Pause
from app.domain.errors import NotFound, StaleWrite
from app.domain.parties import Party, PartyKind, PartyRole
from app.store.search_text import index_tokens, match_query, normalise
from app.store.tables import (
    ApprovalRow,
    CaseOfficerRow,
    CaseRow,
    CaseSearchRow,
    ExtensionRow,
    MatterRow,
    OfficerRow,
    PartyRow,
    PauseRow,
)


@dataclass(frozen=True)
class CaseListing:
    """A case as the list shows it: one row, no children."""

    uuid: str
    number: str
    kind: CaseKind
    stage: Stage
    party_names: str
    matter_name: str
    officer_names: str
    next_due: date | None
    next_rule: str
    deadline_status: str
    deadline_note: str
    updated_at: datetime


@dataclass(frozen=True)
class CaseQuery:
    stage: str | None = None
    kind: str | None = None
    matter_code: str | None = None
    officer_uuid: str | None = None
    due_from: date | None = None  # next_due >= due_from
    due_to: date | None = None  # next_due <= due_to
    deadline_status: str | None = None
    text: str = ""


@dataclass(frozen=True)
class Derived:
    """Values derived from the case and written with it, for listing and filtering."""

    officer_names: str
    next_due: date | None
    next_rule: str
    deadline_status: str
    deadline_note: str
    matter_name: str


def _d(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


class CaseRepository:
    def __init__(self, session: Session):
        self.session = session

    # ---- reading ------------------------------------------------------------------------------
    def _row(self, uuid: str) -> CaseRow:
        row = self.session.scalars(select(CaseRow).where(CaseRow.uuid == uuid, CaseRow.deleted.is_(False))).first()
        if row is None:
            raise NotFound("case {uuid} does not exist", rule="case.exists", uuid=uuid)
        return row

    def get(self, uuid: str) -> Case:
        row = self._row(uuid)
        s, cid = self.session, row.id

        def children(model):  # type: ignore[no-untyped-def]
            return s.scalars(select(model).where(model.case_id == cid, model.deleted.is_(False))
                             .order_by(model.position)).all()

        matter_name = s.scalar(select(MatterRow.name).where(MatterRow.code == row.matter_code)) or ""
        parties = tuple(Party(kind=PartyKind(p.kind), name=p.name, id_number=p.id_number, role=PartyRole(p.role),
                              legal_representative=p.legal_representative, phone=p.phone, address=p.address,
                              postcode=p.postcode, uuid=p.uuid, represents=p.represents)
                        for p in children(PartyRow))
        return Case(
            uuid=row.uuid, number=row.number, bureau_code=row.bureau_code, kind=CaseKind(row.kind),
            stage=Stage(row.stage), matter_code=row.matter_code, matter_name=matter_name, cause=row.cause,
            source=row.source, act_date=row.act_date, place=row.place, parties=parties,
            officer_uuids=tuple(o.officer_uuid for o in children(CaseOfficerRow)),
            act_end_date=row.act_end_date, facts=row.facts, legal_basis=row.legal_basis,
            serious_harm=row.serious_harm, major=row.major, proposed_fine_fen=row.proposed_fine_fen,
            fine_fen=row.fine_fen, paid_fen=row.paid_fen, events={k: _d(v) for k, v in row.events.items()},
            pauses=tuple(Pause(kind=p.kind, start=p.start, end=p.end) for p in children(PauseRow)),
            extensions=tuple(Extension(rule_code=e.rule_code, days=e.days, approved_on=e.approved_on,
                                       approved_by_role=e.approved_by_role) for e in children(ExtensionRow)),
            approvals=tuple(Approval(slot=a.slot, decision=ApprovalDecision(a.decision), actor_id=a.actor_id,
                                     actor_name=a.actor_name, role=a.role, at=a.at, comment=a.comment)
                            for a in children(ApprovalRow)),
            version=row.change_counter, created_at=row.created_at, updated_at=row.updated_at)

    def _filtered(self, q: CaseQuery, stmt: Select) -> Select:
        conds = [CaseRow.deleted.is_(False)]
        if q.stage:
            conds.append(CaseRow.stage == q.stage)
        if q.kind:
            conds.append(CaseRow.kind == q.kind)
        if q.matter_code:
            conds.append(CaseRow.matter_code == q.matter_code)
        if q.deadline_status:
            conds.append(CaseRow.deadline_status == q.deadline_status)
        if q.due_from:
            conds.append(CaseRow.next_due >= q.due_from)
        if q.due_to:
            conds.append(CaseRow.next_due <= q.due_to)
        if q.officer_uuid:
            conds.append(CaseRow.id.in_(select(CaseOfficerRow.case_id).where(
                CaseOfficerRow.officer_uuid == q.officer_uuid, CaseOfficerRow.deleted.is_(False))))
        if q.text.strip():
            conds.append(CaseRow.id.in_(self._text_ids(q.text)))
        return stmt.where(and_(*conds))

    def _text_ids(self, text: str) -> Select:
        if self.session.get_bind().dialect.name == "sqlite":
            expr = match_query(text)
            if expr is None:
                return select(CaseSearchRow.case_id).where(False)
            return select(sql("rowid")).select_from(sql("case_fts")).where(sql("case_fts MATCH :q")).params(q=expr)
        needle = normalise(text).strip()
        return select(CaseSearchRow.case_id).where(CaseSearchRow.text.contains(needle, autoescape=True))

    def count(self, q: CaseQuery) -> int:
        return int(self.session.scalar(self._filtered(q, select(func.count()).select_from(CaseRow))) or 0)

    def list(self, q: CaseQuery, offset: int, limit: int) -> list[CaseListing]:
        stmt = self._filtered(q, select(CaseRow, MatterRow.name).join(MatterRow, MatterRow.code == CaseRow.matter_code))
        stmt = stmt.order_by(CaseRow.updated_at.desc(), CaseRow.id.desc()).offset(offset).limit(limit)
        return [CaseListing(uuid=r.uuid, number=r.number, kind=CaseKind(r.kind), stage=Stage(r.stage),
                            party_names=r.party_names, matter_name=name, officer_names=r.officer_names,
                            next_due=r.next_due, next_rule=r.next_rule, deadline_status=r.deadline_status,
                            deadline_note=r.deadline_note, updated_at=r.updated_at)
                for r, name in self.session.execute(stmt)]

    # ---- writing ------------------------------------------------------------------------------
    def add(self, case: Case, derived: Derived, now: datetime) -> Case:
        row = CaseRow(uuid=case.uuid, created_at=now, updated_at=now, change_counter=1, deleted=False,
                      **self._scalars(case, derived))
        self.session.add(row)
        self.session.flush()
        self._write_children(row.id, case, now)
        self._write_search(row.id, case, derived, new=True)
        return self.get(case.uuid)

    def update(self, case: Case, derived: Derived, now: datetime) -> Case:
        """Write ``case`` if nobody changed it since it was read (its ``version``); else StaleWrite."""
        values = self._scalars(case, derived)
        result = self.session.execute(
            update(CaseRow).where(CaseRow.uuid == case.uuid, CaseRow.change_counter == case.version,
                                  CaseRow.deleted.is_(False))
            .values(**values, change_counter=CaseRow.change_counter + 1, updated_at=now))
        if result.rowcount != 1:
            self._row(case.uuid)  # raises NotFound when it is gone
            raise StaleWrite("case {number} was changed by someone else since you opened it; reload and retry",
                             rule="stale", number=case.number)
        case_id = self.session.scalar(select(CaseRow.id).where(CaseRow.uuid == case.uuid))
        self._write_children(case_id, case, now)
        self._write_search(case_id, case, derived, new=False)
        return self.get(case.uuid)

    @staticmethod
    def _scalars(case: Case, derived: Derived) -> dict[str, object]:
        return dict(
            number=case.number, bureau_code=case.bureau_code, kind=case.kind.value, stage=case.stage.value,
            matter_code=case.matter_code, cause=case.cause, source=case.source, act_date=case.act_date,
            act_end_date=case.act_end_date, place=case.place, facts=case.facts, legal_basis=case.legal_basis,
            serious_harm=case.serious_harm, major=case.major, proposed_fine_fen=case.proposed_fine_fen,
            fine_fen=case.fine_fen, paid_fen=case.paid_fen,
            events={k: v.isoformat() for k, v in sorted(case.events.items())},
            party_names=case.party_names[:400], officer_names=derived.officer_names[:200],
            next_due=derived.next_due, next_rule=derived.next_rule, deadline_status=derived.deadline_status,
            deadline_note=derived.deadline_note)

    def _write_children(self, case_id: int, case: Case, now: datetime) -> None:
        s = self.session
        sync = {"updated_at": now, "change_counter": 1, "deleted": False}

        def existing(model):  # type: ignore[no-untyped-def]
            return s.scalars(select(model).where(model.case_id == case_id, model.deleted.is_(False))
                             .order_by(model.position)).all()

        # Parties: matched by uuid; missing ones become tombstones.
        rows = {r.uuid: r for r in existing(PartyRow)}
        for pos, p in enumerate(case.parties):
            values = dict(position=pos, kind=p.kind.value, role=p.role.value, name=p.name, id_number=p.id_number,
                          legal_representative=p.legal_representative, phone=p.phone, address=p.address,
                          postcode=p.postcode, represents=p.represents)
            row = rows.pop(p.uuid, None)
            if row is None:
                s.add(PartyRow(case_id=case_id, uuid=p.uuid, **values, **sync))
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                row.change_counter += 1
                row.updated_at = now
        for gone in rows.values():
            gone.deleted, gone.change_counter, gone.updated_at = True, gone.change_counter + 1, now
        # Officer assignments: matched by officer.
        assigned = {r.officer_uuid: r for r in existing(CaseOfficerRow)}
        for pos, officer in enumerate(case.officer_uuids):
            row = assigned.pop(officer, None)
            if row is None:
                s.add(CaseOfficerRow(case_id=case_id, uuid=_uuid(), officer_uuid=officer, position=pos, **sync))
            elif row.position != pos:
                row.position, row.change_counter, row.updated_at = pos, row.change_counter + 1, now
        for gone in assigned.values():
            gone.deleted, gone.change_counter, gone.updated_at = True, gone.change_counter + 1, now
        # Pauses change only by closing the open one; extensions and approvals are append-only.
        pauses = existing(PauseRow)
        for pos, p in enumerate(case.pauses):
            if pos < len(pauses):
                if pauses[pos].end != p.end:
                    pauses[pos].end, pauses[pos].change_counter = p.end, pauses[pos].change_counter + 1
                    pauses[pos].updated_at = now
            else:
                s.add(PauseRow(case_id=case_id, uuid=_uuid(), position=pos, kind=p.kind, start=p.start, end=p.end,
                               **sync))
        self._append(ExtensionRow, case_id, case.extensions, len(existing(ExtensionRow)), sync,
                     lambda e: dict(rule_code=e.rule_code, days=e.days, approved_on=e.approved_on,
                                    approved_by_role=e.approved_by_role))
        self._append(ApprovalRow, case_id, case.approvals, len(existing(ApprovalRow)), sync,
                     lambda a: dict(slot=a.slot, decision=a.decision.value, actor_id=a.actor_id,
                                    actor_name=a.actor_name, role=a.role, at=a.at, comment=a.comment))

    def _append(self, model, case_id: int, items: Sequence, have: int, sync: dict, fields) -> None:  # type: ignore[no-untyped-def]
        for pos in range(have, len(items)):
            self.session.add(model(case_id=case_id, uuid=_uuid(), position=pos, **fields(items[pos]), **sync))

    def _write_search(self, case_id: int, case: Case, derived: Derived, *, new: bool) -> None:
        fields = [case.number, case.cause, case.place, derived.matter_name]
        for p in case.parties:
            fields += [p.name, p.id_number, p.address]
        values = {"text": normalise(" ".join(fields)), "tokens": index_tokens(*fields)}
        if new:
            self.session.add(CaseSearchRow(case_id=case_id, **values))
        else:
            row = self.session.get(CaseSearchRow, case_id)
            if row is None:
                self.session.add(CaseSearchRow(case_id=case_id, **values))
            elif row.tokens != values["tokens"]:
                row.text, row.tokens = values["text"], values["tokens"]
        self.session.flush()

    def officer_names(self, uuids: Sequence[str]) -> str:
        if not uuids:
            return ""
        names = {u: n for u, n in self.session.execute(select(OfficerRow.uuid, OfficerRow.name).where(OfficerRow.uuid.in_(uuids)))}
        return "、".join(names.get(u, "?") for u in uuids)


def _uuid() -> str:
    return str(uuidlib.uuid4())
