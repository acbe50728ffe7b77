"""Writing what an import found: an item with its custody entry in the audit chain (one transaction
with the journal outcome), a duplicate, a refusal or a failure."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from app.domain.evidence import FileOutcome, MediaKind
from app.domain.officers import Actor
from app.services.clock import Clock
from app.services.evidence import names
from app.store import audit
from app.store.audit import NewEntry
from app.store.database import Database
from app.store.evidence_journal import ImportHead, ImportJournal, PlannedFile, message
from app.store.evidence_repository import EvidenceRepository, NewItem


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Recorder:
    def __init__(self, db: Database, clock: Clock, head: ImportHead, actor: Actor, workstation: str):
        self.db, self.clock, self.head, self.actor, self.workstation = db, clock, head, actor, workstation

    def known(self, sha256: str) -> bool:
        with self.db.read() as s:
            return EvidenceRepository(s).seen(sha256) is not None

    def outcome(self, f: PlannedFile, outcome: FileOutcome, msg: dict | None) -> None:
        with self.db.write() as s:
            ImportJournal(s).set_outcome(self.head.uuid, f.position, outcome, self.clock.now(), msg)

    def record(self, f: PlannedFile, checked: names.CheckedName | None, sha256: str) -> None:
        """The stored content as a new item (with its custody entry), or as a duplicate of the item
        that holds it already."""
        checked = checked or names.check(os.fsdecode(f.raw_path))
        try:
            self._record(f, checked, sha256)
        except IntegrityError:  # another import stored the same content meanwhile: a duplicate now
            self._record(f, checked, sha256)

    def _record(self, f: PlannedFile, checked: names.CheckedName, sha256: str) -> None:
        now = self.clock.now()
        with self.db.write() as s:
            repo, journal = EvidenceRepository(s), ImportJournal(s)
            seen = repo.seen(sha256)
            if seen is not None:
                msg = message("already imported on {date} (import {import_id})",
                              date=f"{seen.imported_at:%Y-%m-%d %H:%M}",
                              import_id=seen.import_uuid[:8])
                journal.set_outcome(self.head.uuid, f.position, FileOutcome.DUPLICATE, now, msg, sha256, seen.uuid)
                return
            item = repo.add(self._new_item(f, checked, sha256, now), actor_id=self.actor.user_id,
                            actor_name=self.actor.name, workstation=self.workstation, now=now)
            audit.append(s, [NewEntry(actor_id=self.actor.user_id, actor_name=self.actor.name,
                                      role=self.actor.role.value, action="evidence.import", entity="evidence",
                                      entity_id=item.uuid, before={}, after=self._custody(item), at=now)])
            journal.set_outcome(self.head.uuid, f.position, FileOutcome.COPIED, now, None, sha256, item.uuid)

    def _new_item(self, f: PlannedFile, checked: names.CheckedName, sha256: str, now: datetime) -> NewItem:
        meta, head = f.meta, self.head
        offset = head.clock_offset_s
        recorded, modified = _time(meta.get("recorded_at")), _time(meta.get("modified_at"))
        corrected = recorded - timedelta(seconds=offset) if recorded is not None and offset else recorded
        warnings = [*head.warnings, *(message(w.source, **w.params) for w in checked.warnings)]
        odd = implausible_time(recorded or modified, offset, now)
        if odd is not None:
            warnings.append(odd)
        return NewItem(
            sha256=sha256, size=f.size, kind=MediaKind(meta.get("kind", MediaKind.OTHER.value)), name=checked.name,
            original_path=checked.printable, stored_path=f"{sha256[:2]}/{sha256}{checked.ext}",
            device_serial=meta.get("device_serial") or head.device_serial, driver=head.driver,
            officer_no=meta.get("officer_no") or head.officer_no, recorded_at=recorded,
            recorded_at_corrected=corrected, modified_at=modified, import_uuid=head.uuid,
            important=bool(meta.get("important")),
            meta={"gps": meta.get("gps"), "results": meta.get("results", []), "warnings": warnings,
                  "sequence": meta.get("sequence"), "note": meta.get("note", "")})

    def _custody(self, item) -> dict:  # type: ignore[no-untyped-def]
        def iso(t: datetime | None) -> str | None:
            return t.isoformat() if t else None

        return {"sha256": item.sha256, "size": item.size, "device_serial": item.device_serial,
                "driver": item.driver, "original_path": item.original_path, "modified_at": iso(item.modified_at),
                "recorded_at": iso(item.recorded_at), "recorded_at_corrected": iso(item.recorded_at_corrected),
                "officer_no": item.officer_no, "clock_offset_s": self.head.clock_offset_s,
                "import_uuid": self.head.uuid, "workstation": self.workstation, "stored_path": item.stored_path,
                "importing_officer": self.actor.name, "importing_officer_id": self.actor.user_id,
                "importing_role": self.actor.role.value}


def clock_warning(offset_s: float | None) -> dict | None:
    """The import's warning when the device clock is more than 5 minutes off, else None."""
    if offset_s is None or abs(offset_s) <= 300:
        return None
    span = timedelta(seconds=round(abs(offset_s)))
    hours, rest = divmod(span.seconds, 3600)
    text = f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"
    if offset_s > 0:
        return message("the device clock is ahead of the workstation clock by {days} days {time}: recording times "
                       "are corrected by that much", days=span.days, time=text)
    return message("the device clock is behind the workstation clock by {days} days {time}: recording times are "
                   "corrected by that much", days=span.days, time=text)


def implausible_time(at: datetime | None, offset_s: float | None, now: datetime) -> dict | None:
    """A per-file warning for a time before 2000 or in the future (after correcting the clock offset)."""
    if at is None:
        return None
    if at.year < 2000:
        return message("the file time {time} lies before 2000: the device clock was probably not set",
                       time=f"{at:%Y-%m-%d %H:%M:%S}")
    corrected = at - timedelta(seconds=offset_s or 0)
    if corrected > now + timedelta(minutes=5):
        return message("the file time {time} lies in the future", time=f"{at:%Y-%m-%d %H:%M:%S}")
    return None
