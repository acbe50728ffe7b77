"""Officers (执法人员) and their certificates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFound
from app.domain.officers import CertificateStatus, Officer
from app.store.tables import OfficerRow

_T = OfficerRow.__table__
_MANY = select(_T).where(_T.c.uuid.in_(bindparam("uuids", expanding=True)), _T.c.deleted.is_(False))


def _to_domain(r) -> Officer:  # type: ignore[no-untyped-def]  # an ORM row or a Core row
    return Officer(uuid=r.uuid, name=r.name, certificate_no=r.certificate_no,
                   certificate_valid_from=r.certificate_valid_from, certificate_valid_to=r.certificate_valid_to,
                   certificate_status=CertificateStatus(r.certificate_status), bureau_code=r.bureau_code,
                   legal_qualification=r.legal_qualification, id_number=r.id_number, mobile=r.mobile)


class OfficerRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, officer: Officer, now: datetime) -> None:
        self.session.add(OfficerRow(
            uuid=officer.uuid, name=officer.name, certificate_no=officer.certificate_no,
            certificate_valid_from=officer.certificate_valid_from, certificate_valid_to=officer.certificate_valid_to,
            certificate_status=officer.certificate_status.value, bureau_code=officer.bureau_code,
            legal_qualification=officer.legal_qualification, id_number=officer.id_number, mobile=officer.mobile,
            change_counter=1, deleted=False, updated_at=now))
        self.session.flush()

    def get(self, uuid: str) -> Officer:
        row = self.session.scalars(select(OfficerRow).where(OfficerRow.uuid == uuid)).first()
        if row is None or row.deleted:
            raise NotFound("officer {uuid} does not exist", rule="officer.exists", uuid=uuid)
        return _to_domain(row)

    def many(self, uuids: Iterable[str]) -> dict[str, Officer]:
        uuids = list(uuids)
        if not uuids:
            return {}
        rows = self.session.connection().execute(_MANY, {"uuids": uuids})
        return {r.uuid: _to_domain(r) for r in rows}

    def all(self) -> list[Officer]:
        rows = self.session.scalars(select(OfficerRow).where(OfficerRow.deleted.is_(False)).order_by(OfficerRow.name))
        return [_to_domain(r) for r in rows]
