"""Fixtures for the evidence tests: a world, its evidence service over a temp store, and device
folders written file by file (plain folders; FAT32-image trees where the test says so)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from app.devices.folder import FolderDriver
from app.domain.evidence import DeviceInfo
from app.services.clock import SHANGHAI
from app.services.evidence import CopyHooks, EvidenceService, ImportSource

SERIAL = "JH0012"
OFFICER_NO = "440704200000"  # 李明's 执法证 (make_world)


def write_tree(volume: Path, files: dict[str, bytes | tuple[bytes, datetime]]) -> Path:
    for rel, spec in files.items():
        data, at = spec if isinstance(spec, tuple) else (spec, None)
        path = volume / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        if at is not None:
            os.utime(path, (at.timestamp(), at.timestamp()))
    return volume


def blob(n: int, seed: int = 0) -> bytes:
    """``n`` bytes that differ per seed (cheap, deterministic)."""
    pattern = seed.to_bytes(4, "little") + bytes(range(256))
    return (pattern * (n // len(pattern) + 1))[:n]


@pytest.fixture(autouse=True)
def evidence_messages(monkeypatch):
    """Chinese texts of this area, until the lead merges MESSAGES_ZH_EVIDENCE into MESSAGES_ZH."""
    from app.domain.messages_zh import MESSAGES_ZH
    from app.domain.messages_zh_evidence import MESSAGES_ZH_EVIDENCE

    for key, text in MESSAGES_ZH_EVIDENCE.items():
        if key not in MESSAGES_ZH:
            monkeypatch.setitem(MESSAGES_ZH, key, text)


@pytest.fixture
def make_evidence(world, tmp_path):
    def build(hooks: CopyHooks | None = None, *, workers: int | None = None) -> EvidenceService:
        s = world.services
        service = EvidenceService(s.database, world.clock, s.cases, s.officers, tmp_path / "evidence",
                                  workstation="WS-01", hooks=hooks)
        if workers is not None:
            service.workers = workers
        return service

    return build


@pytest.fixture
def evidence(make_evidence) -> EvidenceService:
    return make_evidence()


@pytest.fixture
def volume(tmp_path) -> Path:
    path = tmp_path / "volume"
    path.mkdir()
    return path


def source(volume: Path, *, serial: str = SERIAL, officer_no: str = OFFICER_NO, offset: float | None = 2.0,
           driver=None) -> ImportSource:  # type: ignore[no-untyped-def]
    info = DeviceInfo(serial=serial, officer_no=officer_no, clock_offset_s=offset)
    return ImportSource(volume, driver or FolderDriver(), info, f"执法记录仪 {serial}")


def run_import(evidence: EvidenceService, actor, volume: Path, **kw):  # type: ignore[no-untyped-def]
    record = evidence.plan(source(volume, **kw), actor)
    return evidence.run(record.uuid, actor)


def outcomes(evidence: EvidenceService, import_uuid: str) -> dict[str, tuple[str, str]]:
    return {f.original_path: (f.outcome.value, f.message) for f in evidence.files(import_uuid)}


def stored_files(evidence: EvidenceService) -> list[Path]:
    root = evidence.root
    return sorted(p for p in root.rglob("*") if p.is_file() and p.parts[len(root.parts)][0] != ".")


AT = datetime(2026, 3, 1, 9, 30, tzinfo=SHANGHAI)


def check_store(evidence: EvidenceService) -> int:
    """Every stored file is complete: its content hashes to its name, and it has its item; no copy is
    left in .partial. Returns how many files are stored."""
    import hashlib

    from app.store.evidence_repository import EvidenceRepository

    with evidence.db.read() as s:
        recorded = {sha: (path, size) for sha, path, size in EvidenceRepository(s).all_stored()}
    files = stored_files(evidence)
    for path in files:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        assert path.name.startswith(sha), f"{path} does not hash to its name"
        assert path.parent.name == sha[:2]
        assert sha in recorded and recorded[sha][1] == path.stat().st_size, f"{path} has no item"
        assert evidence.root / recorded[sha][0] == path
    partial = evidence.root / ".partial"
    assert not [p for p in partial.glob("*.part")] if partial.exists() else True
    return len(files)
