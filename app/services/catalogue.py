"""The enforcement-matters catalogue: loading it from a JSON file and reading it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.domain.catalogue import DiscretionTier, Matter
from app.domain.errors import ValidationError
from app.store.database import Database
from app.store.matter_repository import MatterRepository

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DEMO_CATALOGUE = RESOURCES / "catalogue" / "matters.json"
KINDS = ("penalty", "coercive", "inspection")


def parse_catalogue(data: object) -> list[Matter]:
    """Validate a catalogue document; every problem names the matter and the field."""
    if not isinstance(data, dict) or not isinstance(data.get("matters"), list):
        raise ValidationError("{field}: a catalogue is an object with a list of matters", field="matters",
                              rule="catalogue.format")
    matters, seen = [], set()
    for i, item in enumerate(data["matters"]):
        where = f"matters[{i}]"
        if not isinstance(item, dict):
            raise ValidationError("{field}: not an object", field=where, rule="catalogue.format")
        for name in ("code", "name", "kind", "legal_basis"):
            if not str(item.get(name, "")).strip():
                raise ValidationError("{field}: this field is required", field=f"{where}.{name}", rule="required")
        if item["kind"] not in KINDS:
            raise ValidationError("{field}: kind must be one of {kinds}", field=f"{where}.kind",
                                  rule="catalogue.kind", kinds=", ".join(KINDS))
        if item["code"] in seen:
            raise ValidationError("{field}: duplicate matter code {code}", field=f"{where}.code",
                                  rule="catalogue.unique", code=item["code"])
        seen.add(item["code"])
        tiers = tuple(DiscretionTier(name=t["name"], min_fen=int(t["min_fen"]), max_fen=int(t["max_fen"]))
                      for t in item.get("tiers", []))
        matters.append(Matter(code=item["code"], name=item["name"], kind=item["kind"],
                              implementing_body=item.get("implementing_body", ""), legal_basis=item["legal_basis"],
                              penalty_basis=item.get("penalty_basis", ""),
                              requires_legal_review=bool(item.get("requires_legal_review", False)),
                              supervision_code=item.get("supervision_code", ""), tiers=tiers,
                              version=int(data.get("version", 1))))
    return matters


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
