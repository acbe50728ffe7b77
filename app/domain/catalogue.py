"""The enforcement-matters catalogue (执法事项库) as the domain sees it."""

from __future__ import annotations

from dataclasses import dataclass, field


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
