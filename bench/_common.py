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
