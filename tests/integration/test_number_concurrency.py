"""文号 under concurrency: processes issuing at the same time never issue a number twice.

(a) two processes on one SQLite file and one block: 300 distinct, contiguous numbers;
(b) two workstations, each offline on its own database file with disjoint profile blocks: no
    number issued on both;
(c) two processes on one PostgreSQL database (row locks instead of SQLite's write lock)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.config.bureau import ProfileBlock
from app.store import document_numbers as numbers
from app.store.database import open_database

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
BUREAU = "JHSJJ"
EACH = 150

# Each worker opens the database, says "ready", waits for the start signal (a file), then issues
# ``count`` numbers, one transaction each, and prints them as JSON.
WORKER = """
import json, sys, time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo
from app.store import document_numbers as numbers
from app.store.database import open_database

url, workstation, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
db = open_database(url)
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
now = datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
issued = []
for i in range(count):
    with db.write() as s:
        n = numbers.issue(s, bureau_code="JHSJJ", series="罚", year=2026, workstation=workstation,
                          fmt=lambda seq: f"江海市监罚〔2026〕{seq}号", document_uuid=f"{workstation}-{i}",
                          case_uuid=None, actor_name=workstation, now=now)
        issued.append(n.seq)
db.dispose()
print(json.dumps(issued), flush=True)
"""


def run_concurrently(tmp_path: Path, jobs: list[tuple[str, str]]) -> dict[str, list[int]]:
    """Run one worker per (database url, workstation) and start them at the same moment."""
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, url, workstation, str(EACH), str(go)], cwd=ROOT,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for url, workstation in jobs]
    try:
        for proc in procs:
            assert proc.stdout is not None
            line = proc.stdout.readline().strip()
            assert line == "ready", proc.stderr.read() if proc.stderr else line
        go.touch()
        results = {}
        for proc, (_, workstation) in zip(procs, jobs, strict=True):
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            results[workstation] = json.loads(out.strip().splitlines()[-1])
        return results
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()


def add_block(url: str, first: int, last: int, workstation: str, size: int | None = None) -> None:
    """first..last as one block, or as blocks of ``size`` numbers."""
    db = open_database(url)
    try:
        with db.write() as s:
            step = size or last - first + 1
            for start in range(first, last + 1, step):
                numbers.add_block(s, bureau_code=BUREAU, series="罚", year=2026, first=start,
                                  last=min(last, start + step - 1), workstation=workstation, source="profile",
                                  now=NOW)
    finally:
        db.dispose()


def check_one_database(url: str, results: dict[str, list[int]]) -> None:
    """300 distinct numbers 1..300, each worker's in rising order, and the register agrees."""
    every = results["WS-A"] + results["WS-B"]
    assert len(every) == 2 * EACH and len(set(every)) == len(every), "a number was issued twice"
    assert sorted(every) == list(range(1, 2 * EACH + 1)), "numbers are not contiguous"
    for seqs in results.values():
        assert seqs == sorted(seqs)
    db = open_database(url)
    try:
        with db.read() as s:
            lines = numbers.register(s, BUREAU, 2026)
    finally:
        db.dispose()
    used = [line for line in lines if line.state == "used"]
    assert [line.first for line in used] == list(range(1, 2 * EACH + 1))
    assert {line.workstation for line in used} == {"WS-A", "WS-B"}
    assert all(line.document_uuid and line.document_uuid.startswith(line.workstation) for line in used)
    by_ws = {ws: {line.first for line in used if line.workstation == ws} for ws in ("WS-A", "WS-B")}
    assert by_ws == {ws: set(seqs) for ws, seqs in results.items()}
    assert [(x.first, x.last, x.state) for x in lines[len(used):]] == [(2 * EACH + 1, 1000, "unissued")]
    # they really ran at the same time: the register switches between the workstations
    assert switches(used) >= 1


def switches(lines) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for a, b in pairwise(lines) if a.workstation != b.workstation)


# one block; or blocks of 7 numbers, so the writers keep using one up and moving on to the next
SIZES = [pytest.param(None, id="one-block"), pytest.param(7, id="blocks-of-7")]


@pytest.mark.parametrize("size", SIZES)
def test_two_processes_on_one_sqlite_file_share_a_block_without_a_duplicate(tmp_path, size):
    path = tmp_path / "shared.sqlite3"
    add_block(str(path), 1, 1000, "*", size)
    results = run_concurrently(tmp_path, [(str(path), "WS-A"), (str(path), "WS-B")])
    check_one_database(str(path), results)


def test_two_offline_workstations_with_disjoint_profile_blocks_never_issue_the_same_number(tmp_path):
    profile = (ProfileBlock("罚", 2026, 1, 100, "WS-A"), ProfileBlock("罚", 2026, 101, 200, "WS-B"),
               ProfileBlock("罚", 2026, 201, 300, "WS-A"), ProfileBlock("罚", 2026, 301, 400, "WS-B"))
    paths = {ws: tmp_path / f"{ws}.sqlite3" for ws in ("WS-A", "WS-B")}
    for path in paths.values():  # each workstation loads the whole profile into its own file
        for block in profile:
            add_block(str(path), block.first, block.last, block.workstation)
    results = run_concurrently(tmp_path, [(str(paths[ws]), ws) for ws in ("WS-A", "WS-B")])
    assert not set(results["WS-A"]) & set(results["WS-B"])
    assert results["WS-A"] == [*range(1, 101), *range(201, 251)]
    assert results["WS-B"] == [*range(101, 201), *range(301, 351)]
    for ws, path in paths.items():
        db = open_database(path)
        try:
            with db.read() as s:
                lines = numbers.register(s, BUREAU, 2026)
        finally:
            db.dispose()
        assert sorted(x.first for x in lines if x.state == "used") == sorted(results[ws])
        covered = [n for x in lines for n in range(x.first, x.last + 1)]
        assert covered == list(range(1, 401))  # every number of every block, once
        assert {x.workstation for x in lines if x.state == "used"} == {ws}


@pytest.mark.postgres
@pytest.mark.parametrize("size", SIZES)
def test_two_processes_on_one_postgres_database_share_a_block_without_a_duplicate(tmp_path, postgres_url, size):
    add_block(postgres_url, 1, 1000, "*", size)
    started = time.monotonic()
    results = run_concurrently(tmp_path, [(postgres_url, "WS-A"), (postgres_url, "WS-B")])
    assert time.monotonic() - started < 120
    check_one_database(postgres_url, results)
