"""The enforcement-matters catalogue: loading it from a JSON file and reading it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.domain.catalogue import Matter, parse_catalogue
from app.domain.errors import ValidationError
from app.store.database import Database
from app.store.matter_repository import MatterRepository

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO_CATALOGUE = RESOURCES / "catalogue" / "matters.json"


class CatalogueService:
    def __init__(self, db: Database, on_change: Callable[[], None] | None = None):
        self.db = db
        self.on_change = on_change  # told after an import, so caches of matters are dropped

    def import_file(self, path: Path = DEMO_CATALOGUE) -> int:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError("{field}: cannot read catalogue {path}: {why}", field="file",
                                  rule="catalogue.file", path=str(path), why=str(exc)) from exc
        matters = parse_catalogue(data)
        with self.db.write() as s:
            count = MatterRepository(s).upsert(matters)
        if self.on_change:
            self.on_change()
        return count

    def matters(self) -> list[Matter]:
        with self.db.read() as s:
            return MatterRepository(s).all()
