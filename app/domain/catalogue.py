"""The enforcement-matters catalogue (执法事项库) as the domain sees it."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.errors import ValidationError

KINDS = ("penalty", "coercive", "inspection")


@dataclass(frozen=True)
class DiscretionTier:
    name: str  # 不予处罚 / 从轻 / 一般 / 从重
    min_fen: int
    max_fen: int


@dataclass(frozen=True)
class Matter:
    code: str
    name: str
    kind: str  # 处罚 / 强制 / 检查 as a CaseKind family: "penalty", "coercive", "inspection"
    implementing_body: str
    legal_basis: str  # law + article text
    penalty_basis: str = ""
    requires_legal_review: bool = False  # 法制审核 required by law for this matter
    supervision_code: str = ""  # 互联网+监管 item code
    tiers: tuple[DiscretionTier, ...] = field(default_factory=tuple)
    version: int = 1


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
