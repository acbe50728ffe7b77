"""Killing the process in the middle of service calls leaves the database consistent and the
audit chain valid: every service call is one transaction (SQLite WAL, synchronous=FULL)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.services.cases import CaseFilter
from app.services.demo import DemoSeeder
from tests.integration.crash_worker import Bureau

ROOT = Path(__file__).resolve().parents[2]
KILLS = 15


def _check(path: Path) -> int:
    from app.services import Services
    from app.store.database import open_database

    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    db = open_database(path)
    try:
        services = Services.create(db, bureau=Bureau())
        report = services.audit.verify()
        assert report.ok, report
        rows = services.cases.list_cases(CaseFilter(), 0, 10_000)
        for row in rows:
            case = services.cases.get(row.uuid)
            history = services.cases.history(row.uuid)
            # one audit entry per write, in the same transaction as the write (documents have entries of their own)
            writes = [e for e in history if e.entity == "case"]
            assert len(writes) == case.version, (case.number, len(writes), case.version)
            stages = [e.after["stage"] for e in history if "stage" in e.after]
            assert stages[-1] == case.stage.value
        return len(rows)
    finally:
        db.dispose()


@pytest.mark.slow
def test_killing_the_process_mid_write_leaves_store_and_audit_chain_consistent(tmp_path):
    from app.services import Services
    from app.store.database import open_database

    path = tmp_path / "crash.sqlite3"
    db = open_database(path)
    DemoSeeder(Services.create(db, bureau=Bureau()), seed=1).staff()  # catalogue and officers
    db.dispose()
    rng = random.Random(42)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cases = 0
    for run in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-m", "tests.integration.crash_worker", str(path), str(run)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
        time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
        cases = _check(path)
    assert cases > KILLS  # the workers did real work between kills
