"""The import journal: one row per import of a device and one per file it listed, with how each file
ended. An interrupted import resumes from here (files still pending or failed are copied again).

Messages are kept as English source plus parameters (``{"source": ..., "params": {...}}``) and
translated when read, so the log reads in whatever language the UI has then."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from app.domain.errors import NotFound
from app.domain.evidence import DeviceInfo, FileOutcome, ImportFileRecord, ImportRecord, ImportState
from app.domain.i18n import tr
from app.domain.officers import Actor
from app.store.tables import EvidenceImportFileRow, EvidenceImportRow
from app.store.times import aware, local

OPEN_STATES = (ImportState.PLANNED.value, ImportState.RUNNING.value, ImportState.STOPPED.value)


def message(source: str, **params: object) -> dict:
    """A stored message: English source and JSON-able parameters."""
    return {"source": source, "params": {k: v if isinstance(v, int | float) else str(v) for k, v in params.items()}}


def render(stored: dict | None) -> str:
    if not stored or not stored.get("source"):
        return ""
    return tr(stored["source"], **stored.get("params", {}))


@dataclass(frozen=True)
class ListedFile:
    """A file as the driver listed it, ready to journal."""

    raw_path: bytes  # the name's bytes as the file system gave them
    original_path: str  # printable
    size: int
    meta: dict  # DeviceFile fields (JSON)


@dataclass(frozen=True)
class PlannedFile(ListedFile):
    position: int = 0
    outcome: FileOutcome = FileOutcome.PENDING


@dataclass(frozen=True)
class ImportHead:
    """What the engine needs of an import to (re)run it."""

    uuid: str
    volume: str
    driver: str
    device_serial: str
    officer_no: str
    clock_offset_s: float | None
    state: ImportState
    warnings: tuple[dict, ...]
    device: dict


_COUNTS = (
    func.count(EvidenceImportFileRow.id),
    func.coalesce(func.sum(EvidenceImportFileRow.size), 0),
    *(func.sum(case((EvidenceImportFileRow.outcome == o.value, 1), else_=0))
      for o in (FileOutcome.COPIED, FileOutcome.DUPLICATE, FileOutcome.REFUSED, FileOutcome.FAILED,
                FileOutcome.PENDING)),
)


class ImportJournal:
    def __init__(self, session: Session):
        self.session = session

    # ---- imports ------------------------------------------------------------------------------------
    def create(self, *, uuid: str, source: str, label: str, volume: str, driver: str, info: DeviceInfo,
               actor: Actor, workstation: str, now: datetime, warnings: Sequence[dict] = ()) -> None:
        device = {"model": info.model, "officer_name": info.officer_name, "unit": info.unit,
                  "device_time": info.device_time.isoformat() if info.device_time else None,
                  "free_bytes": info.free_bytes, "total_bytes": info.total_bytes, "extra": dict(info.extra)}
        self.session.add(EvidenceImportRow(
            uuid=uuid, source=source, label=label[:200], volume=volume, driver=driver[:40],
            device_serial=info.serial[:120], officer_no=info.officer_no[:40], device=device,
            clock_offset_s=info.clock_offset_s, state=ImportState.PLANNED.value, started_at=local(now),
            finished_at=None, actor_id=actor.user_id[:64], actor_name=actor.name[:50], workstation=workstation[:64],
            stop_reason={}, warnings=list(warnings)))
        self.session.flush()

    def add_files(self, import_uuid: str, files: Iterable[ListedFile]) -> int:
        rows = [dict(import_uuid=import_uuid, position=i, original_path=f.original_path, raw_path=f.raw_path,
                     size=f.size, meta=f.meta, outcome=FileOutcome.PENDING.value, message={}, sha256="",
                     item_uuid="", finished_at=None) for i, f in enumerate(files)]
        if rows:
            self.session.execute(EvidenceImportFileRow.__table__.insert(), rows)
        return len(rows)

    def _row(self, uuid: str) -> EvidenceImportRow:
        row = self.session.scalars(select(EvidenceImportRow).where(EvidenceImportRow.uuid == uuid)).first()
        if row is None:
            raise NotFound("import {uuid} does not exist", rule="evidence.import", uuid=uuid)
        return row

    def head(self, uuid: str) -> ImportHead:
        r = self._row(uuid)
        return ImportHead(uuid=r.uuid, volume=r.volume, driver=r.driver, device_serial=r.device_serial,
                          officer_no=r.officer_no, clock_offset_s=r.clock_offset_s, state=ImportState(r.state),
                          warnings=tuple(r.warnings or ()), device=dict(r.device or {}))

    def get(self, uuid: str) -> ImportRecord:
        return self._records([self._row(uuid)])[0]

    def recent(self, limit: int = 50) -> list[ImportRecord]:
        rows = self.session.scalars(select(EvidenceImportRow).order_by(EvidenceImportRow.id.desc()).limit(limit))
        return self._records(list(rows))

    def unfinished(self) -> list[ImportRecord]:
        rows = self.session.scalars(select(EvidenceImportRow).where(EvidenceImportRow.state.in_(OPEN_STATES))
                                    .order_by(EvidenceImportRow.id))
        return self._records(list(rows))

    def _records(self, rows: list[EvidenceImportRow]) -> list[ImportRecord]:
        if not rows:
            return []
        stmt = (select(EvidenceImportFileRow.import_uuid, *_COUNTS)
                .where(EvidenceImportFileRow.import_uuid.in_([r.uuid for r in rows]))
                .group_by(EvidenceImportFileRow.import_uuid))
        counts = {c[0]: [int(v or 0) for v in c[1:]] for c in self.session.execute(stmt)}
        out = []
        for r in rows:
            files, size, copied, dup, refused, failed, pending = counts.get(r.uuid, [0] * 7)
            out.append(ImportRecord(
                uuid=r.uuid, source=r.source, driver=r.driver, device_serial=r.device_serial, officer_no=r.officer_no,
                clock_offset_s=r.clock_offset_s, state=ImportState(r.state), started_at=aware(r.started_at),
                finished_at=aware(r.finished_at), actor_name=r.actor_name, workstation=r.workstation, files=files,
                bytes=size, copied=copied, duplicates=dup, refused=refused, failed=failed, pending=pending,
                stop_reason=render(r.stop_reason)))
        return out

    def set_state(self, uuid: str, state: ImportState, now: datetime, stop_reason: dict | None = None) -> None:
        row = self._row(uuid)
        row.state = state.value
        row.stop_reason = stop_reason or {}
        row.finished_at = local(now) if state is ImportState.DONE else None
        self.session.flush()

    # ---- files --------------------------------------------------------------------------------------
    def files(self, import_uuid: str) -> list[ImportFileRecord]:
        self._row(import_uuid)
        rows = self.session.scalars(select(EvidenceImportFileRow).where(
            EvidenceImportFileRow.import_uuid == import_uuid).order_by(EvidenceImportFileRow.position))
        return [ImportFileRecord(import_uuid=r.import_uuid, index=r.position, original_path=r.original_path,
                                 size=r.size, outcome=FileOutcome(r.outcome), message=render(r.message),
                                 sha256=r.sha256, item_uuid=r.item_uuid) for r in rows]

    def messages(self, import_uuid: str) -> dict[int, dict]:
        """Stored (untranslated) messages by position, for tests and the CLI."""
        rows = self.session.execute(select(EvidenceImportFileRow.position, EvidenceImportFileRow.message).where(
            EvidenceImportFileRow.import_uuid == import_uuid))
        return {p: m for p, m in rows if m}

    def to_copy(self, import_uuid: str) -> list[PlannedFile]:
        """Files still to do: pending, and failed ones (an I/O error may not happen again)."""
        rows = self.session.scalars(select(EvidenceImportFileRow).where(
            EvidenceImportFileRow.import_uuid == import_uuid,
            EvidenceImportFileRow.outcome.in_((FileOutcome.PENDING.value, FileOutcome.FAILED.value)))
            .order_by(EvidenceImportFileRow.position))
        return [PlannedFile(raw_path=bytes(r.raw_path), original_path=r.original_path, size=r.size,
                            meta=dict(r.meta or {}), position=r.position, outcome=FileOutcome(r.outcome))
                for r in rows]

    def known_files(self, device_serial: str) -> set[tuple[str, int]]:
        """(path, size) of the files this device gave in earlier imports (stored or found stored): such a
        file is hashed before any copy, as a body camera docked again still holds yesterday's footage."""
        f, i = EvidenceImportFileRow, EvidenceImportRow
        rows = self.session.execute(select(f.original_path, f.size).join(i, i.uuid == f.import_uuid).where(
            i.device_serial == device_serial, f.outcome.in_((FileOutcome.COPIED.value, FileOutcome.DUPLICATE.value)))
            .distinct())
        return {(p, n) for p, n in rows}

    def set_outcome(self, import_uuid: str, position: int, outcome: FileOutcome, now: datetime,
                    msg: dict | None = None, sha256: str = "", item_uuid: str = "") -> None:
        t = EvidenceImportFileRow.__table__
        self.session.execute(update(t).where(t.c.import_uuid == import_uuid, t.c.position == position).values(
            outcome=outcome.value, message=msg or {}, sha256=sha256, item_uuid=item_uuid,
            finished_at=None if outcome is FileOutcome.PENDING else local(now)))
