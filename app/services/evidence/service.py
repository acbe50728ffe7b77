"""Evidence from devices: plan and run imports (resumable), the triage queue and links to cases, the
chain of custody, thumbnails and administrator-defined devices. Every call that changes something
checks the actor and leaves an entry in the audit chain."""

from __future__ import annotations

import hashlib
import os
import platform
import threading
import uuid as uuidlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from app.devices.base import DeviceDriver
from app.domain.device_pattern import compile_pattern
from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.evidence import (
    CaseProposal,
    CustodyEntry,
    DeviceDefinition,
    DeviceFile,
    DeviceInfo,
    EvidenceItem,
    ImportFileRecord,
    ImportProgress,
    ImportRecord,
    MediaKind,
    TriageItem,
)
from app.domain.officers import ROLE_NAMES_ZH, Actor, Role
from app.services.clock import SHANGHAI, Clock
from app.services.evidence import names, thumbnails
from app.services.evidence.importer import CopyHooks, ImportRun
from app.services.evidence.layout import EvidenceStore
from app.services.evidence.linking import Proposer
from app.services.evidence.recording import clock_warning
from app.store import audit
from app.store.audit import NewEntry
from app.store.database import Database
from app.store.evidence_journal import ImportJournal, ListedFile
from app.store.evidence_repository import EvidenceRepository, results_to_json

IMPORTERS = frozenset(Role) - {Role.SUPERVISOR}  # SYSTEM: the docking station
LINKERS = frozenset({Role.OFFICER, Role.SECTION_HEAD, Role.LEGAL_REVIEWER, Role.BUREAU_HEAD})
HOWS = ("confirmed", "picked")


@dataclass(frozen=True)
class ImportSource:
    """A docked device (or a folder) ready to import: where its files are and who reads them."""

    volume: Path
    driver: DeviceDriver
    info: DeviceInfo
    label: str  # shown in the import list, e.g. "执法记录仪 DSJ-A8 (JH0012)"
    source: str = ""  # "usb 2b7e:a001 bus 1 addr 5"; default: the volume path


def _clean(value: Any) -> Any:
    """Text a device wrote, made storable: control characters and undecodable bytes as \\xNN (no
    database keeps a NUL or a lone surrogate)."""
    if isinstance(value, str):
        return names.printable(value)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def file_meta(f: DeviceFile) -> dict[str, Any]:
    """What a driver read of a file, as kept in the journal until the file is stored."""
    return _clean({"kind": MediaKind(f.kind).value, "modified_at": _iso(f.modified_at), "recorded_at": _iso(f.recorded_at),
                   "device_serial": f.device_serial, "officer_no": f.officer_no, "sequence": f.sequence,
                   "important": f.important, "gps": list(f.gps) if f.gps else None,
                   "results": results_to_json(f.results), "note": f.note})


def _iso(at: datetime | None) -> str | None:
    """An aware time as text (a naive one from a driver is taken as Shanghai wall time, as FAT keeps it)."""
    if at is None:
        return None
    return (at if at.tzinfo else at.replace(tzinfo=SHANGHAI)).isoformat()


def _clean_info(info: DeviceInfo) -> DeviceInfo:
    return replace(info, serial=_clean(info.serial), model=_clean(info.model), officer_no=_clean(info.officer_no),
                   officer_name=_clean(info.officer_name), unit=_clean(info.unit), extra=_clean(dict(info.extra)))


def _refuse(actor: Actor, allowed: frozenset[Role], source: str) -> None:
    if actor.role not in allowed:
        raise UserError(source, rule="evidence.role", role=ROLE_NAMES_ZH.get(actor.role, actor.role))


def _entry(actor: Actor, action: str, entity_id: str, after: dict, at, *, entity: str = "evidence",  # type: ignore[no-untyped-def]
           before: dict | None = None, reason: str = "") -> NewEntry:
    return NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value, action=action,
                    entity=entity, entity_id=entity_id, before=before or {}, after=after, at=at, reason=reason)


class EvidenceService:
    def __init__(self, db: Database, clock: Clock, cases: Any, officers: Any, root: Path,
                 workstation: str | None = None, flag_days: int = 7, hooks: CopyHooks | None = None):
        self.db, self.clock, self.cases, self.officers = db, clock, cases, officers
        self.store = EvidenceStore(Path(root))
        self.root = self.store.root
        self.workstation = workstation or platform.node() or "workstation"
        self.flag_days = flag_days  # the UI sets it again when the setting changes
        self.hooks = hooks or CopyHooks()
        self.workers = min(2, os.cpu_count() or 1)  # two files at once: SHA-256 uses one core per file

    # ---- importing ---------------------------------------------------------------------------------
    def plan(self, source: ImportSource, actor: Actor) -> ImportRecord:
        """List the device's files (the driver scans) and journal them; nothing is copied yet."""
        _refuse(actor, IMPORTERS, "{role} may not import evidence")
        try:
            found = list(source.driver.scan(source.volume, source.info))
        except OSError as exc:
            raise UserError("the device {label} cannot be read ({error})", rule="evidence.scan", label=source.label,
                            error=exc.strerror or exc) from exc
        listed = [ListedFile(raw_path=names.raw_bytes(f.relpath), original_path=names.printable(f.relpath),
                             size=f.size, meta=file_meta(f)) for f in found]
        warning = clock_warning(source.info.clock_offset_s)
        import_uuid, info, volume = str(uuidlib.uuid4()), _clean_info(source.info), os.path.abspath(source.volume)
        with self.db.write() as s:
            journal = ImportJournal(s)
            journal.create(uuid=import_uuid, source=_clean(source.source or volume), label=_clean(source.label),
                           volume=volume, driver=source.driver.NAME or type(source.driver).__name__, info=info,
                           actor=actor, workstation=self.workstation, now=self.clock.now(),
                           warnings=[warning] if warning else [])
            journal.add_files(import_uuid, listed)
            return journal.get(import_uuid)

    def run(self, import_uuid: str, actor: Actor, *, progress: Callable[[ImportProgress], None] | None = None,
            cancel: threading.Event | None = None) -> ImportRecord:
        """Copy what the import still has to copy (all of it the first time; after a crash, unplug, full
        disk or cancel: the rest). Blocks: run it off the GUI thread."""
        _refuse(actor, IMPORTERS, "{role} may not import evidence")
        with self.store.locked(import_uuid) as held:
            record = ImportRun(self.db, self.clock, self.store, import_uuid, actor, self.workstation, self.hooks,
                               progress, cancel, self.workers).execute()
            if record.pending == 0 and record.failed == 0:
                held.done()
            return record

    def resumable(self, source: ImportSource) -> ImportRecord | None:
        """The latest unfinished import of this device (same serial, else same folder), if any."""
        volume, serial = _clean(os.path.abspath(source.volume)), _clean(source.info.serial)
        with self.db.read() as s:
            journal = ImportJournal(s)
            for record in reversed(journal.unfinished()):
                head = journal.head(record.uuid)
                same = head.device_serial == serial if serial else head.volume == volume
                if same and head.driver == (source.driver.NAME or type(source.driver).__name__):
                    return record
        return None

    def get_import(self, import_uuid: str) -> ImportRecord:
        with self.db.read() as s:
            return ImportJournal(s).get(import_uuid)

    def unfinished(self) -> list[ImportRecord]:
        with self.db.read() as s:
            return ImportJournal(s).unfinished()

    def imports(self, limit: int = 50) -> list[ImportRecord]:
        with self.db.read() as s:
            return ImportJournal(s).recent(limit)

    def warnings(self, import_uuid: str) -> list[str]:
        """The import's own warnings (a device clock far off), in the current language."""
        from app.store.evidence_journal import render

        with self.db.read() as s:
            return [render(w) for w in ImportJournal(s).head(import_uuid).warnings]

    def files(self, import_uuid: str) -> list[ImportFileRecord]:
        with self.db.read() as s:
            return ImportJournal(s).files(import_uuid)

    # ---- items, triage, links ----------------------------------------------------------------------
    def item(self, item_uuid: str) -> EvidenceItem:
        with self.db.read() as s:
            return EvidenceRepository(s).get(item_uuid)

    def file_path(self, item: EvidenceItem) -> Path:
        return self.store.path(item.stored_path)

    def case_items(self, case_uuid: str) -> list[EvidenceItem]:
        with self.db.read() as s:
            return EvidenceRepository(s).case_items(case_uuid)

    def _cutoff(self):  # type: ignore[no-untyped-def]
        return self.clock.now() - timedelta(days=self.flag_days)

    def flagged_count(self) -> int:
        """Unlinked items imported more than ``flag_days`` ago (for 我的待办)."""
        with self.db.read() as s:
            return EvidenceRepository(s).count_unlinked(imported_before=self._cutoff())

    def triage(self, *, flagged_only: bool = False, limit: int = 500, with_proposals: bool = True) -> list[TriageItem]:
        """The triage queue: items serving no case, oldest first, each with its proposals."""
        now, cutoff = self.clock.now(), self._cutoff()
        with self.db.read() as s:
            items = EvidenceRepository(s).unlinked(imported_before=cutoff if flagged_only else None, limit=limit)
            proposer = Proposer(s, now) if with_proposals else None
            return [TriageItem(item=i, age_days=(now - i.imported_at).days, flagged=i.imported_at < cutoff,
                               proposals=tuple(proposer.proposals(i)) if proposer else ()) for i in items]

    def proposals(self, item_uuid: str) -> list[CaseProposal]:
        with self.db.read() as s:
            return Proposer(s, self.clock.now()).proposals(EvidenceRepository(s).get(item_uuid))

    def link(self, item_uuids: Sequence[str], case_uuid: str, actor: Actor, how: str = "confirmed") -> int:
        """Link items to a case (an item may serve several); returns how many links are new."""
        _refuse(actor, LINKERS, "{role} may not link evidence to cases")
        if how not in HOWS:
            raise ValidationError("{field}: must be one of {choices}, got {value!r}", field="how", rule="evidence.how",
                                  choices=", ".join(HOWS), value=how)
        now, added = self.clock.now(), 0
        with self.db.write() as s:
            repo = EvidenceRepository(s)
            number = repo.case_number(case_uuid)
            entries = []
            for item_uuid in dict.fromkeys(item_uuids):
                if repo.link(item_uuid, case_uuid, how, actor.user_id, actor.name, now):
                    added += 1
                    entries.append(_entry(actor, "evidence.link", item_uuid,
                                          {"case_uuid": case_uuid, "case_number": number, "how": how}, now))
            audit.append(s, entries)
        return added

    def unlink(self, item_uuid: str, case_uuid: str, actor: Actor, reason: str) -> None:
        _refuse(actor, LINKERS, "{role} may not link evidence to cases")
        if not (reason or "").strip():
            raise ValidationError("{field}: this field is required", field="reason", rule="required")
        now = self.clock.now()
        with self.db.write() as s:
            repo = EvidenceRepository(s)
            if not repo.unlink(item_uuid, case_uuid, actor.name, reason.strip(), now):
                raise NotFound("evidence item {uuid} is not linked to case {case}", rule="evidence.link",
                               uuid=item_uuid, case=case_uuid)
            audit.append(s, [_entry(actor, "evidence.unlink", item_uuid, {}, now, reason=reason.strip(),
                                    before={"case_uuid": case_uuid, "case_number": repo.case_number(case_uuid)})])

    # ---- custody and verification --------------------------------------------------------------------
    def custody(self, uuid: str) -> list[CustodyEntry]:
        """The chain of custody of an item, or of every item a case holds or held, oldest first."""
        with self.db.read() as s:
            repo = EvidenceRepository(s)
            if repo.seen_uuid(uuid):
                ids = [uuid]
            else:
                repo.case_number(uuid)  # NotFound when it is neither
                ids = repo.ever_linked(uuid)
            entries = [e for i in ids for e in audit.history(s, i) if e.entity == "evidence"]
        entries.sort(key=lambda e: e.seq)
        return [CustodyEntry(item_uuid=e.entity_id, at=e.at, action=e.action, actor_name=e.actor_name,
                             details={**e.before, **e.after, **({"reason": e.reason} if e.reason else {})},
                             audit_seq=e.seq, audit_hash=e.hash) for e in entries]

    def record_export(self, actor: Actor, case_uuid: str, path: Path, sha256: str = "") -> None:
        """Audit that a custody report of the case was exported (one entry per item it lists)."""
        now = self.clock.now()
        with self.db.write() as s:
            repo = EvidenceRepository(s)
            number = repo.case_number(case_uuid)
            after = {"case_uuid": case_uuid, "case_number": number, "file": Path(path).name, "sha256": sha256}
            audit.append(s, [_entry(actor, "evidence.export", i.uuid, after, now) for i in repo.case_items(case_uuid)])

    def verify_item(self, item_uuid: str, actor: Actor | None = None) -> bool:
        """Hash the stored file again: True when it still is what was imported. With ``actor`` the check
        is recorded in the chain of custody."""
        item = self.item(item_uuid)
        digest, size = hashlib.sha256(), 0
        try:
            with open(self.file_path(item), "rb") as f:
                while chunk := f.read(4 << 20):
                    digest.update(chunk)
                    size += len(chunk)
            ok = size == item.size and digest.hexdigest() == item.sha256
        except OSError:
            ok = False
        if actor is not None:
            now = self.clock.now()
            with self.db.write() as s:
                audit.append(s, [_entry(actor, "evidence.verify", item_uuid, {"ok": ok, "sha256": item.sha256}, now)])
        return ok

    # ---- thumbnails ----------------------------------------------------------------------------------
    def image_thumbnail(self, item: EvidenceItem, size: int = thumbnails.DEFAULT_SIZE) -> Path | None:
        return thumbnails.image_thumbnail(self.store, item, size)

    def cached_thumbnail(self, item: EvidenceItem, size: int = thumbnails.DEFAULT_SIZE) -> Path | None:
        path = thumbnails.thumbnail_path(self.store, item, size)
        return path if path.exists() else None

    def store_thumbnail(self, item: EvidenceItem, png: bytes, size: int = thumbnails.DEFAULT_SIZE) -> Path:
        return thumbnails.store_thumbnail(self.store, item, png, size)

    # ---- device definitions (administrator) ----------------------------------------------------------
    def definitions(self) -> list[DeviceDefinition]:
        with self.db.read() as s:
            return EvidenceRepository(s).definitions()

    def save_definition(self, definition: DeviceDefinition, actor: Actor) -> DeviceDefinition:
        _refuse(actor, frozenset({Role.ADMIN}), "{role} may not change device definitions")
        d = _checked(definition)
        now = self.clock.now()
        with self.db.write() as s:
            saved, before = EvidenceRepository(s).save_definition(d, now)
            after = {"name": saved.name, "vendor_id": saved.vendor_id, "product_id": saved.product_id,
                     "pattern": saved.pattern, "kind": saved.kind.value}
            audit.append(s, [_entry(actor, "device_definition.save", saved.uuid, after, now,
                                    entity="device_definition", before=before)])
        return saved

    def delete_definition(self, definition_uuid: str, actor: Actor) -> None:
        _refuse(actor, frozenset({Role.ADMIN}), "{role} may not change device definitions")
        now = self.clock.now()
        with self.db.write() as s:
            gone = EvidenceRepository(s).delete_definition(definition_uuid, now)
            audit.append(s, [_entry(actor, "device_definition.delete", gone.uuid, {}, now, entity="device_definition",
                                    before={"name": gone.name, "pattern": gone.pattern})])


def _checked(d: DeviceDefinition) -> DeviceDefinition:
    name = (d.name or "").strip()
    if not name or len(name) > 100:
        raise ValidationError("{field}: a device name has 1 to 100 characters", field="device.name",
                              rule="evidence.definition")
    for field, value, optional in (("device.vendor_id", d.vendor_id, False), ("device.product_id", d.product_id, True)):
        if value is None and optional:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 0xFFFF:
            raise ValidationError("{field}: a USB id is a number from 0000 to FFFF (hexadecimal), got {value!r}",
                                  field=field, rule="evidence.definition", value=value)
    compile_pattern(d.pattern)  # ValidationError naming what is wrong
    try:
        kind = MediaKind(d.kind)
    except ValueError:
        raise ValidationError("{field}: unknown kind {value!r}", field="device.kind", rule="evidence.definition",
                              value=d.kind) from None
    return replace(d, uuid=d.uuid or str(uuidlib.uuid4()), name=name, pattern=d.pattern.strip(), kind=kind)
