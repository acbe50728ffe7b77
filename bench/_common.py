"""Shared set-up for the benchmarks: a fresh database in a temp folder with the demo bureau."""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.services import Services
from app.store.database import open_database


@dataclass(frozen=True)
class BenchBureau:
    code: str = "JHSJJ"
    name: str = "江海区市场监督管理局"
    case_prefix: str = "江海市监"


def fresh_services(clock=None) -> tuple[Services, Path]:
    folder = Path(tempfile.mkdtemp(prefix="zhifa-bench-"))
    db = open_database(folder / "bench.sqlite3")
    return Services.create(db, bureau=BenchBureau(), clock=clock), folder


def report(figures: dict[str, float]) -> None:
    """The last line a bench prints: one JSON object of its figures."""
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}))


def seeded_home(cases: int, seed: int = 11) -> Path:
    """A ZHIFA_HOME folder whose database holds ``cases`` bulk-seeded demo cases and the demo
    accounts. Built once per code version in the temp folder and copied for each bench run, so
    a second run does not pay the seeding again (the copy is a fresh file every time)."""
    import hashlib
    import shutil

    root = Path(__file__).resolve().parents[1]
    sources = [*sorted((root / "app" / "store").rglob("*.py")), root / "app" / "services" / "demo.py"]
    version = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"zhifa-bench-{cases}-{seed}-{version}"
    if not (cache / "data" / "zhifa.sqlite3").exists():
        from app.services.demo import DemoSeeder, seed_demo_users

        building = cache.with_name(cache.name + ".building")
        shutil.rmtree(building, ignore_errors=True)
        (building / "data").mkdir(parents=True)
        db = open_database(building / "data" / "zhifa.sqlite3")
        services = Services.create(db, bureau=BenchBureau())
        DemoSeeder(services, seed=seed).seed_bulk(cases)
        seed_demo_users(services)
        db.dispose()
        shutil.rmtree(cache, ignore_errors=True)
        building.rename(cache)
    home = Path(tempfile.mkdtemp(prefix="zhifa-bench-home-"))
    shutil.copytree(cache / "data", home / "data")
    return home
