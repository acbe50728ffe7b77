"""Stored evidence items (one row per content, by SHA-256), their links to cases, the cases a triage
proposal may name, and device definitions entered by an administrator."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, select, update
from sqlalchemy.orm import Session

from app.domain.errors import NotFound
from app.domain.evidence import DeviceDefinition, EvidenceItem, MediaKind, TestResult, Verdict
from app.store.evidence_journal import render
from app.store.tables import (
    AuditRow,
    CaseOfficerRow,
    CaseRow,
    DeviceDefinitionRow,
    EvidenceImportRow,
    EvidenceItemRow,
    EvidenceLinkRow,
    OfficerRow,
)
from app.store.times import aware, local

_LIVE_LINK = (EvidenceLinkRow.item_uuid == EvidenceItemRow.uuid) & EvidenceLinkRow.deleted.is_(False)
_CLOSED_STAGES = ("archived", "not_filed", "transferred")


def results_to_json(results: Iterable[TestResult]) -> list[dict]:
    return [{"item": r.item, "sample": r.sample, "value": r.value, "unit": r.unit, "limit": r.limit,
             "verdict": r.verdict.value, "tested_at": r.tested_at.isoformat() if r.tested_at else None,
             "sample_no": r.sample_no, "method": r.method} for r in results]


def results_from_json(data: Iterable[dict]) -> tuple[TestResult, ...]:
    return tuple(TestResult(item=d["item"], sample=d["sample"], value=d["value"], unit=d["unit"], limit=d["limit"],
                            verdict=Verdict(d["verdict"]),
                            tested_at=datetime.fromisoformat(d["tested_at"]) if d.get("tested_at") else None,
                            sample_no=d.get("sample_no", ""), method=d.get("method", "")) for d in data)


@dataclass(frozen=True)
class NewItem:
    sha256: str
    size: int
    kind: MediaKind
    name: str
    original_path: str
    stored_path: str
    device_serial: str
    driver: str
    officer_no: str
    recorded_at: datetime | None
    recorded_at_corrected: datetime | None
    modified_at: datetime | None
    import_uuid: str
    important: bool
    meta: dict  # gps, results (JSON), warnings ([{"source", "params"}]), sequence, note


@dataclass(frozen=True)
class Seen:
    """An item already stored, for the "already imported" message."""

    uuid: str
    imported_at: datetime
    import_uuid: str


@dataclass(frozen=True)
class CaseWindow:
    """A case as a triage proposal sees it."""

    uuid: str
    number: str
    cause: str
    stage: str
    act_date: date
    created_at: datetime
    events: dict[str, str]
    officer_uuids: tuple[str, ...]


def _item(row: EvidenceItemRow, cases: Sequence[str] = ()) -> EvidenceItem:
    meta = row.meta or {}
    gps = meta.get("gps")
    return EvidenceItem(
        uuid=row.uuid, sha256=row.sha256, size=row.size, kind=MediaKind(row.kind), name=row.name,
        original_path=row.original_path, stored_path=row.stored_path, device_serial=row.device_serial,
        driver=row.driver, officer_no=row.officer_no, recorded_at=aware(row.recorded_at),
        recorded_at_corrected=aware(row.recorded_at_corrected), modified_at=aware(row.modified_at),
        imported_at=aware(row.imported_at), imported_by=row.imported_by, workstation=row.workstation,
        import_uuid=row.import_uuid, important=row.important, gps=(gps[0], gps[1]) if gps else None,
        results=results_from_json(meta.get("results", ())),
        warnings=tuple(render(w) for w in meta.get("warnings", ())), case_uuids=tuple(cases))


def _definition(row: DeviceDefinitionRow) -> DeviceDefinition:
    return DeviceDefinition(uuid=row.uuid, name=row.name, vendor_id=row.vendor_id, product_id=row.product_id,
                            pattern=row.pattern, kind=MediaKind(row.kind))


class EvidenceRepository:
    def __init__(self, session: Session):
        self.session = session

    # ---- items -----------------------------------------------------------------------------------------
    def seen(self, sha256: str) -> Seen | None:
        row = self.session.execute(select(EvidenceItemRow.uuid, EvidenceItemRow.imported_at,
                                          EvidenceItemRow.import_uuid).where(EvidenceItemRow.sha256 == sha256)).first()
        return Seen(row[0], aware(row[1]), row[2]) if row else None

    def add(self, item: NewItem, *, actor_id: str, actor_name: str, workstation: str, now: datetime) -> EvidenceItem:
        at = local(now)
        row = EvidenceItemRow(
            uuid=str(uuidlib.uuid4()), sha256=item.sha256, size=item.size, kind=item.kind.value, name=item.name,
            original_path=item.original_path, stored_path=item.stored_path, device_serial=item.device_serial[:120],
            driver=item.driver[:40], officer_no=item.officer_no[:40], recorded_at=local(item.recorded_at),
            recorded_at_corrected=local(item.recorded_at_corrected), modified_at=local(item.modified_at),
            imported_at=at, actor_id=actor_id[:64], imported_by=actor_name[:50], workstation=workstation[:64],
            import_uuid=item.import_uuid, important=item.important, meta=item.meta, change_counter=1, deleted=False,
            updated_at=at)
        self.session.add(row)
        self.session.flush()
        return _item(row)

    def _row(self, uuid: str) -> EvidenceItemRow:
        row = self.session.scalars(select(EvidenceItemRow).where(EvidenceItemRow.uuid == uuid,
                                                                 EvidenceItemRow.deleted.is_(False))).first()
        if row is None:
            raise NotFound("evidence item {uuid} does not exist", rule="evidence.item", uuid=uuid)
        return row

    def seen_uuid(self, uuid: str) -> bool:
        return self.session.scalar(select(EvidenceItemRow.id).where(EvidenceItemRow.uuid == uuid)) is not None

    def get(self, uuid: str) -> EvidenceItem:
        row = self._row(uuid)
        return _item(row, self.linked_cases([uuid]).get(uuid, ()))

    def all_stored(self) -> list[tuple[str, str, int]]:
        """(sha256, stored_path, size) of every item: for checking the store."""
        return [tuple(r) for r in self.session.execute(  # type: ignore[misc]
            select(EvidenceItemRow.sha256, EvidenceItemRow.stored_path, EvidenceItemRow.size))]

    def linked_cases(self, item_uuids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        if not item_uuids:
            return {}
        rows = self.session.execute(select(EvidenceLinkRow.item_uuid, EvidenceLinkRow.case_uuid).where(
            EvidenceLinkRow.item_uuid.in_(list(item_uuids)), EvidenceLinkRow.deleted.is_(False))
            .order_by(EvidenceLinkRow.id))
        out: dict[str, list[str]] = {}
        for item_uuid, case_uuid in rows:
            out.setdefault(item_uuid, []).append(case_uuid)
        return {k: tuple(v) for k, v in out.items()}

    def unlinked(self, *, imported_before: datetime | None = None, limit: int = 500) -> list[EvidenceItem]:
        """Items serving no case (the triage queue), oldest first."""
        stmt = select(EvidenceItemRow).where(EvidenceItemRow.deleted.is_(False), ~exists().where(_LIVE_LINK))
        if imported_before is not None:
            stmt = stmt.where(EvidenceItemRow.imported_at < local(imported_before))
        rows = self.session.scalars(stmt.order_by(EvidenceItemRow.imported_at, EvidenceItemRow.id).limit(limit))
        return [_item(r) for r in rows]

    def count_unlinked(self, *, imported_before: datetime | None = None) -> int:
        stmt = select(func.count(EvidenceItemRow.id)).where(EvidenceItemRow.deleted.is_(False),
                                                            ~exists().where(_LIVE_LINK))
        if imported_before is not None:
            stmt = stmt.where(EvidenceItemRow.imported_at < local(imported_before))
        return int(self.session.scalar(stmt) or 0)

    def case_items(self, case_uuid: str) -> list[EvidenceItem]:
        rows = list(self.session.scalars(
            select(EvidenceItemRow).join(EvidenceLinkRow, EvidenceLinkRow.item_uuid == EvidenceItemRow.uuid)
            .where(EvidenceLinkRow.case_uuid == case_uuid, EvidenceLinkRow.deleted.is_(False))
            .order_by(EvidenceItemRow.recorded_at_corrected, EvidenceItemRow.id)))
        cases = self.linked_cases([r.uuid for r in rows])
        return [_item(r, cases.get(r.uuid, ())) for r in rows]

    def ever_linked(self, case_uuid: str) -> list[str]:
        """Items linked to the case at any time (unlinked ones too), for its custody report."""
        rows = self.session.scalars(select(EvidenceLinkRow.item_uuid).where(EvidenceLinkRow.case_uuid == case_uuid)
                                    .order_by(EvidenceLinkRow.id))
        return list(dict.fromkeys(rows))

    # ---- links -----------------------------------------------------------------------------------------
    def link(self, item_uuid: str, case_uuid: str, how: str, actor_id: str, actor_name: str, now: datetime) -> bool:
        """Link the item to the case; False when it already is."""
        self._row(item_uuid)
        if self.session.scalar(select(CaseRow.id).where(CaseRow.uuid == case_uuid, CaseRow.deleted.is_(False))) is None:
            raise NotFound("case {uuid} does not exist", rule="case.exists", uuid=case_uuid)
        live = select(EvidenceLinkRow.id).where(EvidenceLinkRow.item_uuid == item_uuid,
                                                EvidenceLinkRow.case_uuid == case_uuid,
                                                EvidenceLinkRow.deleted.is_(False))
        if self.session.scalar(live) is not None:
            return False
        at = local(now)
        self.session.add(EvidenceLinkRow(uuid=str(uuidlib.uuid4()), item_uuid=item_uuid, case_uuid=case_uuid,
                                         how=how, actor_id=actor_id[:64], actor_name=actor_name[:50], at=at,
                                         unlinked_at=None, unlinked_by="", reason="", change_counter=1,
                                         deleted=False, updated_at=at))
        self.session.flush()
        return True

    def unlink(self, item_uuid: str, case_uuid: str, actor_name: str, reason: str, now: datetime) -> bool:
        """False when the item was not linked to the case."""
        t = EvidenceLinkRow.__table__
        at = local(now)
        done = self.session.execute(update(t).where(
            t.c.item_uuid == item_uuid, t.c.case_uuid == case_uuid, t.c.deleted.is_(False)).values(
            deleted=True, unlinked_at=at, unlinked_by=actor_name[:50], reason=reason,
            change_counter=t.c.change_counter + 1, updated_at=at))
        return bool(done.rowcount)

    def case_number(self, case_uuid: str) -> str:
        number = self.session.scalar(select(CaseRow.number).where(CaseRow.uuid == case_uuid))
        if number is None:
            raise NotFound("case {uuid} does not exist", rule="case.exists", uuid=case_uuid)
        return number

    # ---- what proposals read ---------------------------------------------------------------------------
    def officers(self) -> list[tuple[str, str, str]]:
        """(uuid, certificate_no, name) of every live officer."""
        rows = self.session.execute(select(OfficerRow.uuid, OfficerRow.certificate_no, OfficerRow.name)
                                    .where(OfficerRow.deleted.is_(False)))
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def cases_of_officers(self, officer_uuids: Sequence[str], limit: int = 200) -> list[CaseWindow]:
        if not officer_uuids:
            return []
        ids = select(CaseOfficerRow.case_id).where(CaseOfficerRow.officer_uuid.in_(list(officer_uuids)),
                                                    CaseOfficerRow.deleted.is_(False))
        return self._windows(select(CaseRow).where(CaseRow.id.in_(ids)), limit)

    def cases_registered_between(self, start: datetime, end: datetime, limit: int = 100) -> list[CaseWindow]:
        return self._windows(select(CaseRow).where(CaseRow.created_at >= local(start),
                                                   CaseRow.created_at <= local(end)), limit)

    def _windows(self, stmt, limit: int) -> list[CaseWindow]:  # type: ignore[no-untyped-def]
        stmt = stmt.where(CaseRow.deleted.is_(False), CaseRow.stage.not_in(_CLOSED_STAGES))
        rows = list(self.session.scalars(stmt.order_by(CaseRow.created_at.desc()).limit(limit)))
        officers: dict[int, list[str]] = {}
        if rows:
            for case_id, officer in self.session.execute(select(CaseOfficerRow.case_id, CaseOfficerRow.officer_uuid)
                                                         .where(CaseOfficerRow.case_id.in_([r.id for r in rows]),
                                                                CaseOfficerRow.deleted.is_(False))
                                                         .order_by(CaseOfficerRow.position)):
                officers.setdefault(case_id, []).append(officer)
        return [CaseWindow(uuid=r.uuid, number=r.number, cause=r.cause, stage=r.stage, act_date=r.act_date,
                           created_at=aware(r.created_at), events=dict(r.events or {}),
                           officer_uuids=tuple(officers.get(r.id, ()))) for r in rows]

    def case_moments(self, case_uuids: Sequence[str]) -> dict[str, list[tuple[datetime, str]]]:
        """(time, action) of every audited write of the cases: when their stages moved."""
        if not case_uuids:
            return {}
        rows = self.session.execute(select(AuditRow.entity_id, AuditRow.at, AuditRow.action).where(
            AuditRow.entity == "case", AuditRow.entity_id.in_(list(case_uuids))).order_by(AuditRow.seq))
        out: dict[str, list[tuple[datetime, str]]] = {}
        for entity_id, at, action in rows:
            out.setdefault(entity_id, []).append((datetime.fromisoformat(at), action))
        return out

    def import_label(self, import_uuid: str) -> str:
        return self.session.scalar(select(EvidenceImportRow.label).where(EvidenceImportRow.uuid == import_uuid)) or ""

    # ---- device definitions ----------------------------------------------------------------------------
    def definitions(self) -> list[DeviceDefinition]:
        rows = self.session.scalars(select(DeviceDefinitionRow).where(DeviceDefinitionRow.deleted.is_(False))
                                    .order_by(DeviceDefinitionRow.name, DeviceDefinitionRow.id))
        return [_definition(r) for r in rows]

    def save_definition(self, d: DeviceDefinition, now: datetime) -> tuple[DeviceDefinition, dict]:
        """Insert or update (by uuid); returns the saved definition and what it was before ({} if new)."""
        at = local(now)
        row = self.session.scalars(select(DeviceDefinitionRow).where(DeviceDefinitionRow.uuid == d.uuid,
                                                                     DeviceDefinitionRow.deleted.is_(False))).first()
        before: dict = {}
        if row is None:
            row = DeviceDefinitionRow(uuid=d.uuid or str(uuidlib.uuid4()), change_counter=1, deleted=False)
            self.session.add(row)
        else:
            before = {"name": row.name, "vendor_id": row.vendor_id, "product_id": row.product_id,
                      "pattern": row.pattern, "kind": row.kind}
            row.change_counter += 1
        row.name, row.vendor_id, row.product_id = d.name, d.vendor_id, d.product_id
        row.pattern, row.kind, row.updated_at = d.pattern, d.kind.value, at
        self.session.flush()
        return _definition(row), before

    def delete_definition(self, uuid: str, now: datetime) -> DeviceDefinition:
        row = self.session.scalars(select(DeviceDefinitionRow).where(DeviceDefinitionRow.uuid == uuid,
                                                                     DeviceDefinitionRow.deleted.is_(False))).first()
        if row is None:
            raise NotFound("device definition {uuid} does not exist", rule="evidence.definition", uuid=uuid)
        row.deleted, row.change_counter, row.updated_at = True, row.change_counter + 1, local(now)
        self.session.flush()
        return _definition(row)
