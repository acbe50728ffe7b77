"""Bulk loading of many cases at once (demo data, benchmarks, later: first sync of a bureau).

Uses Core ``executemany`` inserts instead of the ORM unit of work: about 20x faster for 100,000
cases. The caller supplies already-validated domain cases and their derived list values.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.domain.cases import Case
from app.store.case_repository import CaseRepository, Derived, search_values
from app.store.tables import ApprovalRow, CaseOfficerRow, CaseRow, CaseSearchRow, PartyRow


def add_cases(session: Session, items: Sequence[tuple[Case, Derived]], now: datetime) -> list[int]:
    """Insert cases with their parties, officers, approvals and search text; returns their ids."""
    if not items:
        return []
    start = (session.scalar(select(func.max(CaseRow.id))) or 0) + 1
    ids = list(range(start, start + len(items)))
    sync = {"change_counter": 1, "deleted": False, "updated_at": now}
    case_rows, parties, officers, approvals, search = [], [], [], [], []
    for case_id, (case, derived) in zip(ids, items, strict=True):
        created = case.created_at or now
        case_rows.append({"id": case_id, "uuid": case.uuid, "created_at": created,
                          **CaseRepository.scalars(case, derived), **sync,
                          "updated_at": case.updated_at or created})
        for pos, p in enumerate(case.parties):
            parties.append({"case_id": case_id, "uuid": p.uuid or str(uuidlib.uuid4()), "position": pos,
                            "kind": p.kind.value, "role": p.role.value, "name": p.name, "id_number": p.id_number,
                            "legal_representative": p.legal_representative, "phone": p.phone,
                            "address": p.address, "postcode": p.postcode, "represents": p.represents, **sync})
        for pos, officer in enumerate(case.officer_uuids):
            officers.append({"case_id": case_id, "uuid": str(uuidlib.uuid4()), "officer_uuid": officer,
                             "position": pos, **sync})
        for pos, a in enumerate(case.approvals):
            approvals.append({"case_id": case_id, "uuid": str(uuidlib.uuid4()), "position": pos, "slot": a.slot,
                              "decision": a.decision.value, "actor_id": a.actor_id, "actor_name": a.actor_name,
                              "role": a.role, "at": a.at, "comment": a.comment, **sync})
        search.append({"case_id": case_id, **search_values(case, derived)})
    for model, rows in ((CaseRow, case_rows), (PartyRow, parties), (CaseOfficerRow, officers),
                        (ApprovalRow, approvals), (CaseSearchRow, search)):
        if rows:
            session.execute(insert(model), rows)
    return ids
