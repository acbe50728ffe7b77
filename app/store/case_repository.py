"""Cases in and out of the store as domain objects; optimistic locking by change counter."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, Select, and_, bindparam, column, false, func, insert, select, table, update
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from app.domain.cases import Approval, ApprovalDecision, Case, CaseKind, Stage
from app.domain.deadlines import Extension, Pause
from app.domain.errors import NotFound, StaleWrite
from app.domain.parties import Party, PartyKind, PartyRole
from app.store.search_text import index_tokens, match_query, normalise, query_terms, word_pattern
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


SORT_COLUMNS = {"number": CaseRow.number, "party": CaseRow.party_names, "matter": CaseRow.matter_code,
                "stage": CaseRow.stage, "next_due": CaseRow.next_due, "updated": CaseRow.updated_at,
                "registered": CaseRow.created_at}


@dataclass(frozen=True)
class CaseQuery:
    stages: tuple[str, ...] = ()
    registered_from: date | None = None
    registered_to: date | None = None  # inclusive
    sort: str = "updated"  # a key of SORT_COLUMNS; with search text the FTS order wins
    descending: bool = True
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


def _children_of(model) -> Select:  # type: ignore[no-untyped-def]
    t = model.__table__
    return select(t).where(t.c.case_id == bindparam("case_id"), t.c.deleted.is_(False)).order_by(t.c.position)


# Built once: reading a case happens on every workflow step.
_CASE_BY_UUID = (select(CaseRow.__table__, MatterRow.__table__.c.name.label("matter_name"))
                 .join(MatterRow.__table__, MatterRow.__table__.c.code == CaseRow.__table__.c.matter_code)
                 .where(CaseRow.__table__.c.uuid == bindparam("uuid"), CaseRow.__table__.c.deleted.is_(False)))
_CHILDREN = {m: _children_of(m) for m in (PartyRow, CaseOfficerRow, PauseRow, ExtensionRow, ApprovalRow)}
# The FTS5 table exists only on SQLite (migration 0002); declared here as a lightweight table.
_FTS = table("case_fts", column("rowid", Integer))
SHANGHAI = ZoneInfo("Asia/Shanghai")
LIVE = CaseRow.deleted == false()  # "deleted = 0": the predicate of the partial list indexes
DERIVED_COLUMNS = frozenset({"party_names", "officer_names", "next_due", "next_rule", "deadline_status",
                             "deadline_note"})


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
        """The case with its live children. Core selects (no ORM identity map): a workflow step
        reads a case every time, so this is on the hot path."""
        conn = self.session.connection()
        row = conn.execute(_CASE_BY_UUID, {"uuid": uuid}).first()
        if row is None:
            raise NotFound("case {uuid} does not exist", rule="case.exists", uuid=uuid)

        def children(model):  # type: ignore[no-untyped-def]
            return conn.execute(_CHILDREN[model], {"case_id": row.id}).all()

        parties = tuple(Party(kind=PartyKind(p.kind), name=p.name, id_number=p.id_number, role=PartyRole(p.role),
                              legal_representative=p.legal_representative, phone=p.phone, address=p.address,
                              postcode=p.postcode, uuid=p.uuid, represents=p.represents)
                        for p in children(PartyRow))
        return Case(
            uuid=row.uuid, number=row.number, bureau_code=row.bureau_code, kind=CaseKind(row.kind),
            stage=Stage(row.stage), matter_code=row.matter_code, matter_name=row.matter_name, cause=row.cause,
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
        conds = [LIVE]
        if q.stage:
            conds.append(CaseRow.stage == q.stage)
        if q.stages:
            conds.append(CaseRow.stage.in_(q.stages))
        if q.registered_from:
            conds.append(CaseRow.created_at >= datetime.combine(q.registered_from, time.min, SHANGHAI))
        if q.registered_to:
            conds.append(CaseRow.created_at < datetime.combine(q.registered_to + timedelta(days=1), time.min,
                                                               SHANGHAI))
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
        if q.text.strip() and not self._fts:
            conds.append(CaseRow.id.in_(self._text_ids(q.text)))
        return stmt.where(and_(*conds))

    @property
    def _fts(self) -> bool:
        return self.session.get_bind().dialect.name == "sqlite"

    def _text_ids(self, text: str) -> Select:
        """Elsewhere than SQLite: every typed word must occur in the search text (AND), matched as
        FTS matches it: Han runs anywhere, Latin/digit words at the start of a word (whole when complete)."""
        terms = query_terms(text)
        if not terms:
            return select(CaseSearchRow.case_id).where(False)
        return select(CaseSearchRow.case_id).where(and_(*(
            CaseSearchRow.text.contains(t.text, autoescape=True) if t.han
            else CaseSearchRow.text.regexp_match(word_pattern(t)) for t in terms)))

    def _from(self, q: CaseQuery, columns: Select) -> Select | None:
        """The filtered statement. With text on SQLite the FTS index drives the query (its doclists
        are walked newest case first), so a common word among 100,000 cases still answers at once."""
        if not (q.text.strip() and self._fts):
            return self._filtered(q, columns)
        expr = match_query(q.text)
        if expr is None:
            return None
        stmt = columns.join(_FTS, CaseRow.id == _FTS.c.rowid).where(sql("case_fts MATCH :q")).params(q=expr)
        return self._filtered(q, stmt)

    def count(self, q: CaseQuery) -> int:
        stmt = self._from(q, select(func.count()).select_from(CaseRow))
        return int(self.session.scalar(stmt) or 0) if stmt is not None else 0

    def list(self, q: CaseQuery, offset: int, limit: int) -> list[CaseListing]:
        """A page of cases: sorted by ``q.sort`` (nulls last); with search text, newest case first.

        The page's ids are found first on the index alone, then only those rows are read: a page
        deep in 100,000 cases costs milliseconds, not a read of every row before it."""
        ids = self._from(q, select(CaseRow.id))
        if ids is None:
            return []
        if q.text.strip() and self._fts:
            order = [_FTS.c.rowid.desc()]
        else:
            key = SORT_COLUMNS[q.sort]
            order = [key.desc() if q.descending else key.asc(),
                     CaseRow.id.desc() if q.descending else CaseRow.id.asc()]
            if q.sort == "next_due":  # the only key that can be empty: cases without a deadline go last
                order.insert(0, key.is_(None))
        page = ids.order_by(*order).offset(offset).limit(limit).subquery()
        outer = [CaseRow.id.desc()] if q.text.strip() and self._fts else order  # FTS rowid is the case id
        stmt = (select(CaseRow, MatterRow.name).join(page, page.c.id == CaseRow.id)
                .join(MatterRow, MatterRow.code == CaseRow.matter_code).order_by(*outer))
        return [self._listing(r, name) for r, name in self.session.execute(stmt)]

    @staticmethod
    def _listing(r: CaseRow, matter_name: str) -> CaseListing:
        return CaseListing(uuid=r.uuid, number=r.number, kind=CaseKind(r.kind), stage=Stage(r.stage),
                           party_names=r.party_names, matter_name=matter_name, officer_names=r.officer_names,
                           next_due=r.next_due, next_rule=r.next_rule, deadline_status=r.deadline_status,
                           deadline_note=r.deadline_note, updated_at=r.updated_at)

    def uuids_to_rederive(self, year: int) -> list[str]:
        """Cases whose next deadline waits for the calendar of ``year`` or falls in it."""
        t = CaseRow.__table__
        stmt = select(t.c.uuid).where(LIVE, (t.c.deadline_status == "calendar_missing") | (
            (t.c.next_due >= date(year, 1, 1)) & (t.c.next_due <= date(year, 12, 31))))
        return list(self.session.execute(stmt).scalars())

    def update_derived(self, uuid: str, derived: Derived) -> None:
        """Rewrite only the derived list values: the case itself did not change (no new version)."""
        t = CaseRow.__table__
        self.session.connection().execute(update(t).where(t.c.uuid == uuid).values(
            next_due=derived.next_due, next_rule=derived.next_rule, deadline_status=derived.deadline_status,
            deadline_note=derived.deadline_note))

    # ---- writing ------------------------------------------------------------------------------
    def add(self, case: Case, derived: Derived, now: datetime) -> Case:
        row = CaseRow(uuid=case.uuid, created_at=now, updated_at=now, change_counter=1, deleted=False,
                      **self.scalars(case, derived))
        self.session.add(row)
        self.session.flush()
        self._write_children(row.id, case, now)
        self._write_search(row.id, case, derived, new=True)
        return self.get(case.uuid)

    def update(self, case: Case, derived: Derived, now: datetime, before: Case | None = None) -> Case:
        """Write ``case`` if nobody changed it since it was read (its ``version``); else StaleWrite.

        With ``before`` (the case as read in this transaction) only the collections that differ
        are touched, which keeps a workflow step to a handful of statements."""
        values = self.scalars(case, derived)
        if before is not None:  # write only what changed (and the derived list values)
            old = self.scalars(before, derived)
            values = {k: v for k, v in values.items() if k in DERIVED_COLUMNS or old[k] != v}
        t = CaseRow.__table__
        result = self.session.connection().execute(
            update(t).where(t.c.uuid == case.uuid, t.c.change_counter == case.version, t.c.deleted.is_(False))
            .values(**values, change_counter=t.c.change_counter + 1, updated_at=now)
            .returning(t.c.id))
        case_id = result.scalar()
        if case_id is None:
            self._row(case.uuid)  # raises NotFound when it is gone
            raise StaleWrite("case {number} was changed by someone else since you opened it; reload and retry",
                             rule="stale", number=case.number)
        self._write_children(case_id, case, now, before)
        if before is None or _searched(before) != _searched(case):
            self._write_search(case_id, case, derived, new=False)
        return replace(case, version=case.version + 1, updated_at=now)

    @staticmethod
    def scalars(case: Case, derived: Derived) -> dict[str, object]:
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

    def _write_children(self, case_id: int, case: Case, now: datetime, before: Case | None = None) -> None:
        s = self.session

        def changed(name: str) -> bool:
            return before is None or getattr(before, name) != getattr(case, name)

        sync = {"updated_at": now, "change_counter": 1, "deleted": False}

        def existing(model):  # type: ignore[no-untyped-def]
            return s.scalars(select(model).where(model.case_id == case_id, model.deleted.is_(False))
                             .order_by(model.position)).all()

        # Parties: matched by uuid; missing ones become tombstones. A party that comes back (same uuid)
        # revives its tombstone: the uuid is unique, a second row for it cannot be inserted.
        rows, tombstones = {}, {}
        if changed("parties"):
            rows = {r.uuid: r for r in existing(PartyRow)}
            tombstones = {r.uuid: r for r in s.scalars(select(PartyRow).where(
                PartyRow.case_id == case_id, PartyRow.deleted.is_(True),
                PartyRow.uuid.in_([p.uuid for p in case.parties])))}
        for pos, p in enumerate(case.parties if changed("parties") else ()):
            values = dict(position=pos, kind=p.kind.value, role=p.role.value, name=p.name, id_number=p.id_number,
                          legal_representative=p.legal_representative, phone=p.phone, address=p.address,
                          postcode=p.postcode, represents=p.represents)
            row = rows.pop(p.uuid, None)
            if row is None and p.uuid in tombstones:
                row = tombstones[p.uuid]
                for k, v in values.items():
                    setattr(row, k, v)
                row.deleted, row.change_counter, row.updated_at = False, row.change_counter + 1, now
            elif row is None:
                s.add(PartyRow(case_id=case_id, uuid=p.uuid, **values, **sync))
            elif any(getattr(row, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(row, k, v)
                row.change_counter += 1
                row.updated_at = now
        for gone in rows.values():
            gone.deleted, gone.change_counter, gone.updated_at = True, gone.change_counter + 1, now
        # Officer assignments: matched by officer.
        assigned = {r.officer_uuid: r for r in existing(CaseOfficerRow)} if changed("officer_uuids") else {}
        for pos, officer in enumerate(case.officer_uuids if changed("officer_uuids") else ()):
            row = assigned.pop(officer, None)
            if row is None:
                s.add(CaseOfficerRow(case_id=case_id, uuid=_uuid(), officer_uuid=officer, position=pos, **sync))
            elif row.position != pos:
                row.position, row.change_counter, row.updated_at = pos, row.change_counter + 1, now
        for gone in assigned.values():
            gone.deleted, gone.change_counter, gone.updated_at = True, gone.change_counter + 1, now
        # Pauses change only by closing the open one; extensions and approvals are append-only.
        pauses = existing(PauseRow) if changed("pauses") else []
        for pos, p in enumerate(case.pauses if changed("pauses") else ()):
            if pos < len(pauses):
                if pauses[pos].end != p.end:
                    pauses[pos].end, pauses[pos].change_counter = p.end, pauses[pos].change_counter + 1
                    pauses[pos].updated_at = now
            else:
                s.add(PauseRow(case_id=case_id, uuid=_uuid(), position=pos, kind=p.kind, start=p.start, end=p.end,
                               **sync))
        have = len(before.extensions) if before is not None else len(existing(ExtensionRow))
        self._append(ExtensionRow, case_id, case.extensions, have, sync,
                     lambda e: dict(rule_code=e.rule_code, days=e.days, approved_on=e.approved_on,
                                    approved_by_role=e.approved_by_role))
        have = len(before.approvals) if before is not None else len(existing(ApprovalRow))
        self._append(ApprovalRow, case_id, case.approvals, have, sync,
                     lambda a: dict(slot=a.slot, decision=a.decision.value, actor_id=a.actor_id,
                                    actor_name=a.actor_name, role=a.role, at=a.at, comment=a.comment))

    def _append(self, model, case_id: int, items: Sequence, have: int, sync: dict, fields) -> None:  # type: ignore[no-untyped-def]
        rows = [{"case_id": case_id, "uuid": _uuid(), "position": pos, **fields(items[pos]), **sync}
                for pos in range(have, len(items))]
        if rows:
            self.session.execute(insert(model), rows)

    def _write_search(self, case_id: int, case: Case, derived: Derived, *, new: bool) -> None:
        values = search_values(case, derived)
        if new:
            self.session.add(CaseSearchRow(case_id=case_id, **values))
        else:
            row = self.session.get(CaseSearchRow, case_id)
            if row is None:
                self.session.add(CaseSearchRow(case_id=case_id, **values))
            elif (row.text, row.tokens) != (values["text"], values["tokens"]):
                row.text, row.tokens = values["text"], values["tokens"]
        self.session.flush()

    def officer_names(self, uuids: Sequence[str]) -> str:
        if not uuids:
            return ""
        names = {u: n for u, n in self.session.execute(select(OfficerRow.uuid, OfficerRow.name).where(OfficerRow.uuid.in_(uuids)))}
        return "、".join(names.get(u, "?") for u in uuids)


def _searched(case: Case) -> tuple:
    """What the search text is made of (the matter name follows the matter code)."""
    return case.number, case.cause, case.place, case.matter_code, tuple((p.name, p.id_number, p.address)
                                                                         for p in case.parties)


def search_values(case: Case, derived: Derived) -> dict[str, str]:
    """The search row of a case: number, cause, place, matter, and each party's name, ID, address."""
    fields = [case.number, case.cause, case.place, derived.matter_name]
    for p in case.parties:
        fields += [p.name, p.id_number, p.address]
    return {"text": normalise(" ".join(fields)), "tokens": index_tokens(*fields)}


def _uuid() -> str:
    return str(uuidlib.uuid4())
