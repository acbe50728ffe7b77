"""The import that test_import_crash kills (SIGKILL) at a random moment, in a forked child (fast) or, run
as ``python -m tests.integration.import_crash_worker``, in a fresh interpreter: plans (when no import
is given) and runs an import of a folder. Skips migrations (the test migrated the database) and says
"ready" just before the work starts."""

from __future__ import annotations

import sys
from pathlib import Path

from app.devices.folder import FolderDriver
from app.domain.evidence import DeviceInfo
from app.domain.officers import Actor, Role
from app.services.clock import Clock
from app.services.evidence import EvidenceService, ImportSource
from app.store.database import Database, make_engine

STATION = Actor("station:crash", "接入站 crash", Role.SYSTEM)


def source(volume: Path, serial: str) -> ImportSource:
    return ImportSource(volume, FolderDriver(), DeviceInfo(serial=serial, officer_no="440704200000",
                                                           clock_offset_s=1.0), f"camera {serial}")


def service(db_path: str, root: str) -> EvidenceService:
    return EvidenceService(Database(make_engine(db_path)), Clock(), None, None, Path(root), workstation="crash")


def work(db_path: str, root: str, volume: str, serial: str, import_uuid: str, ready=None) -> None:  # type: ignore[no-untyped-def]
    evidence = service(db_path, root)
    if ready is not None:
        ready.set()
    print("ready", flush=True)
    if import_uuid == "-":
        import_uuid = evidence.plan(source(Path(volume), serial), STATION).uuid
    evidence.run(import_uuid, STATION)
    print("done", flush=True)


if __name__ == "__main__":
    work(*sys.argv[1:6])
