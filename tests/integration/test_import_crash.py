"""An import killed (SIGKILL) at random points, 22 times, then resumed: afterwards every stored file
hashes to its name and has its item, nothing partial is left outside ``.partial`` (and nothing in it
once resumed), every device file is recorded exactly once, each item has exactly one custody entry,
and the audit chain verifies."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.evidence import FileOutcome, ImportState
from app.store import audit
from app.store.database import open_database
from app.store.tables import AuditRow, EvidenceItemRow
from tests.integration.import_crash_worker import STATION, service, source, work
from tests.unit.services.evidence.conftest import check_store

ROOT = Path(__file__).resolve().parents[2]
RUNS = 22
FILES = 40


def device_tree(volume: Path, rng: random.Random, earlier: list[bytes]) -> dict[str, bytes]:
    """40 files of 0-600 KB: mostly new content, a few copies of earlier files, one empty file."""
    files = {}
    for i in range(FILES):
        if i == 7:
            data = b""
        elif earlier and i % 9 == 4:
            data = rng.choice(earlier)
        else:
            data = rng.randbytes(rng.randrange(1, 600_000))
        files[f"DCIM/{i // 10:03d}/REC_{i:04d}.MP4"] = data
    for rel, data in files.items():
        (volume / rel).parent.mkdir(parents=True, exist_ok=True)
        (volume / rel).write_bytes(data)
    return files


def kill_forked(args: list[str], rng: random.Random) -> str:
    """The import in a forked child (this process's modules are loaded already: no start-up cost)."""
    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    child = ctx.Process(target=work, args=(*args, ready), daemon=True)
    child.start()
    assert ready.wait(10), "the worker did not start"
    time.sleep(rng.uniform(0, 0.15))
    os.kill(child.pid, signal.SIGKILL)
    child.join(10)
    assert child.exitcode in (-signal.SIGKILL, 0), child.exitcode
    return "killed" if child.exitcode else "done"


def kill_subprocess(args: list[str], rng: random.Random) -> str:
    """The import in a fresh interpreter (slower to start: used for a few runs)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "tests.integration.import_crash_worker", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    time.sleep(rng.uniform(0, 0.15))
    proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL or "done" in out, err
    return "done" if "done" in out else "killed"


@pytest.mark.slow
def test_an_import_killed_at_random_points_resumes_and_leaves_only_complete_recorded_files(tmp_path):
    db_path, store = tmp_path / "crash.sqlite3", tmp_path / "evidence"
    open_database(db_path).dispose()  # migrated once; the workers skip it
    evidence = service(str(db_path), str(store))
    rng, earlier, states = random.Random(20261206), [], Counter()
    for run in range(RUNS):
        volume = tmp_path / f"volume{run}"
        files = device_tree(volume, rng, earlier)
        serial = f"CAM{run % 3}"
        plan = evidence.plan(source(volume, serial), STATION).uuid if run % 2 == 0 else "-"
        for kill in range(1 + run % 3):  # killed once, twice or three times before it is resumed here
            killer = kill_subprocess if run < 2 and kill == 0 else kill_forked
            evidence.db.dispose()  # no connection of this process is carried into the child
            states[killer([str(db_path), str(store), str(volume), serial, plan], rng)] += 1
            if plan == "-":
                found = [r.uuid for r in evidence.unfinished() if r.source == str(volume)]
                plan = found[0] if found else "-"
        if plan == "-":  # killed before its plan was committed: nothing of it exists
            assert not any(r.source == str(volume) for r in evidence.imports(limit=1000))
            plan = evidence.plan(source(volume, serial), STATION).uuid
        record = evidence.run(plan, STATION)
        assert (record.state, record.pending, record.failed, record.files) == (ImportState.DONE, 0, 0, FILES)
        journal = {f.original_path: f for f in evidence.files(plan)}
        assert sorted(journal) == sorted(files)  # every device file recorded exactly once
        for rel, data in files.items():
            f = journal[rel]
            if not data:
                assert f.outcome is FileOutcome.REFUSED
                continue
            assert f.outcome in (FileOutcome.COPIED, FileOutcome.DUPLICATE)
            assert f.sha256 == hashlib.sha256(data).hexdigest() == evidence.item(f.item_uuid).sha256
        earlier.extend(data for data in files.values() if data)
    assert check_store(evidence) == len({hashlib.sha256(d).digest() for d in earlier})
    assert not list((store / ".partial").glob("*.part"))
    with evidence.db.read() as s:
        assert audit.verify(s).ok
        items = set(s.scalars(select(EvidenceItemRow.uuid)))
        custody = Counter(s.scalars(select(AuditRow.entity_id).where(AuditRow.action == "evidence.import")))
    assert set(custody) == items and set(custody.values()) == {1}  # one custody entry per item, no more
    assert states["killed"] >= RUNS  # the workers were really killed mid-way, most of the time
