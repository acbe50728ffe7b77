"""The enforcement-matters catalogue (执法事项库) as held locally."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.catalogue import DiscretionTier, Matter
from app.domain.errors import ValidationError
from app.store.tables import MatterRow


def _to_domain(r: MatterRow) -> Matter:
    return Matter(code=r.code, name=r.name, kind=r.kind, implementing_body=r.implementing_body,
                  legal_basis=r.legal_basis, penalty_basis=r.penalty_basis,
                  requires_legal_review=r.requires_legal_review, supervision_code=r.supervision_code,
                  tiers=tuple(DiscretionTier(**t) for t in r.tiers), version=r.version)


class MatterRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, code: str) -> Matter:
        row = self.session.get(MatterRow, code)
        if row is None:
            raise ValidationError("{field}: unknown matter code {code!r}; it is not in the catalogue",
                                  field="matter_code", rule="catalogue", code=code)
        return _to_domain(row)

    def all(self) -> list[Matter]:
        return [_to_domain(r) for r in self.session.scalars(select(MatterRow).order_by(MatterRow.code))]

    def upsert(self, matters: Iterable[Matter]) -> int:
        n = 0
        for m in matters:
            values = dict(name=m.name, kind=m.kind, implementing_body=m.implementing_body, legal_basis=m.legal_basis,
                          penalty_basis=m.penalty_basis, requires_legal_review=m.requires_legal_review,
                          supervision_code=m.supervision_code, version=m.version,
                          tiers=[{"name": t.name, "min_fen": t.min_fen, "max_fen": t.max_fen} for t in m.tiers])
            row = self.session.get(MatterRow, m.code)
            if row is None:
                self.session.add(MatterRow(code=m.code, **values))
            else:
                for k, v in values.items():
                    setattr(row, k, v)
            n += 1
        self.session.flush()
        return n
