"""The enforcement-matters catalogue (执法事项库), as published to every bureau."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel

from app.domain.catalogue import Matter

router = APIRouter(prefix="/api/v1/catalogue", tags=["catalogue"])


class TierPublic(BaseModel):
    name: str
    min_fen: int
    max_fen: int


class MatterPublic(BaseModel):
    code: str
    name: str
    kind: str
    implementing_body: str
    legal_basis: str
    penalty_basis: str
    requires_legal_review: bool
    supervision_code: str
    tiers: list[TierPublic]
    version: int

    @classmethod
    def of(cls, m: Matter) -> MatterPublic:
        return cls(code=m.code, name=m.name, kind=m.kind, implementing_body=m.implementing_body,
                   legal_basis=m.legal_basis, penalty_basis=m.penalty_basis,
                   requires_legal_review=m.requires_legal_review, supervision_code=m.supervision_code,
                   tiers=[TierPublic(name=t.name, min_fen=t.min_fen, max_fen=t.max_fen) for t in m.tiers],
                   version=m.version)


def _matters(request: Request) -> dict[str, Matter]:
    return request.app.state.matters


@router.get("/matters", response_model=list[MatterPublic])
def list_matters(request: Request, kind: str | None = None) -> list[MatterPublic]:
    matters = _matters(request).values()
    return [MatterPublic.of(m) for m in matters if kind is None or m.kind == kind]


@router.get("/matters/{code}", response_model=MatterPublic)
def get_matter(code: str, request: Request) -> MatterPublic:
    matter = _matters(request).get(code)
    if matter is None:
        raise HTTPException(status_code=404, detail=f"unknown matter code {code!r}")
    return MatterPublic.of(matter)
