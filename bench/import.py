"""Import throughput against a plain copy of the same files, in the same run.

Builds a sample device tree (8 × 256 MB "MP4" files of random bytes, 2 GB; ZHIFA_BENCH_IMPORT_MB sets
the total) in a temp folder, then runs both ROUNDS times (alternating which goes first), with dirty pages flushed before each:

- baseline: ``shutil.copyfile`` of every file into a folder on the same disk, then one ``os.sync()``
  (a plain copy is only as durable as the import once its data is on the disk);
- import: ``EvidenceService.plan`` + ``run`` as shipped (SHA-256 while copying, fsync of each file,
  rename into the content-addressed store, the database journal and the audit chain).

Each side's best round is compared (the disk of a VM is noisy; best-of treats both alike), and the
ratio of the medians is given too. The last line is one JSON object; ``ratio`` = best import MB/s ÷
best baseline MB/s (target ≥ 0.9).
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import report

from app.devices.folder import FolderDriver
from app.domain.evidence import DeviceInfo
from app.domain.officers import Actor, Role
from app.services.clock import Clock
from app.services.evidence import EvidenceService, ImportSource
from app.store.database import open_database

FILES = 8
ROUNDS = 5
STATION = Actor("bench", "接入站 bench", Role.SYSTEM)


def build_tree(volume: Path, total_mb: int) -> list[Path]:
    folder = volume / "DCIM" / "100MEDIA"
    folder.mkdir(parents=True)
    size = max(1, total_mb // FILES) << 20
    pool = os.urandom(64 << 20)  # random bytes (incompressible); each block made unique below
    files = []
    for i in range(FILES):
        path = folder / f"JH0012_20260302_{i:04d}.MP4"
        with open(path, "wb") as f:
            for n, offset in enumerate(range(0, size, 16 << 20)):
                block = (i * 1000 + n).to_bytes(8, "little") + pool[(n % 4) << 24:][:min(16 << 20, size - offset) - 8]
                f.write(block)
        files.append(path)
    return files


def copy_round(files: list[Path], target: Path) -> float:
    target.mkdir()
    os.sync()
    start = time.perf_counter()
    for path in files:
        shutil.copyfile(path, target / path.name)
    os.sync()
    return time.perf_counter() - start


def import_round(volume: Path, work: Path) -> float:
    work.mkdir()
    db = open_database(work / "bench.sqlite3")
    try:
        evidence = EvidenceService(db, Clock(), None, None, work / "evidence", workstation="bench")
        source = ImportSource(volume, FolderDriver(), DeviceInfo(serial="JH0012", officer_no="440704200001"),
                              "bench device")
        os.sync()
        start = time.perf_counter()
        record = evidence.run(evidence.plan(source, STATION).uuid, STATION)
        elapsed = time.perf_counter() - start
        assert record.copied == FILES and record.pending == 0, record
        return elapsed
    finally:
        db.dispose()


def main() -> None:
    total_mb = int(os.environ.get("ZHIFA_BENCH_IMPORT_MB", "2048"))
    base = Path(tempfile.mkdtemp(prefix="zhifa-bench-import-"))
    try:
        t = time.perf_counter()
        files = build_tree(base / "volume", total_mb)
        tree_mb = sum(p.stat().st_size for p in files) / (1 << 20)
        print(f"sample device tree: {len(files)} files, {tree_mb:.0f} MB, built in {time.perf_counter() - t:.1f} s")
        copies, imports = [], []
        for n in range(ROUNDS):  # alternate which goes first: a side effect of one run lands on both sides
            for side in ("copy", "import") if n % 2 == 0 else ("import", "copy"):
                work = base / f"{side}{n}"
                if side == "copy":
                    copies.append(copy_round(files, work))
                else:
                    imports.append(import_round(base / "volume", work))
                shutil.rmtree(work)
            print(f"round {n + 1}: copyfile+sync {tree_mb / copies[-1]:.0f} MB/s, import {tree_mb / imports[-1]:.0f} MB/s")
        copy_rate, import_rate = tree_mb / min(copies), tree_mb / min(imports)
        median_ratio = statistics.median(copies) / statistics.median(imports)
        print(f"best: copyfile+sync {copy_rate:.0f} MB/s, import {import_rate:.0f} MB/s, "
              f"ratio {import_rate / copy_rate:.2f} (target >= 0.9); ratio of the medians {median_ratio:.2f}")
        report({"tree_mb": round(tree_mb), "files": len(files), "rounds": ROUNDS,
                "baseline": "shutil.copyfile of each file, then one os.sync()",
                "copyfile_sync_mb_s": copy_rate, "import_mb_s": import_rate, "ratio": import_rate / copy_rate,
                "ratio_median": median_ratio,
                "copyfile_sync_s": [round(c, 3) for c in copies], "import_s": [round(i, 3) for i in imports]})
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
