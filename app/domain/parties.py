"""Parties to a case (当事人): natural persons, legal entities and their agents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from stdnum.cn import ric, uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidLength
from stdnum.exceptions import ValidationError as StdnumError

from app.domain.deadlines import Phrase
from app.domain.errors import ValidationError


def _why(exc: StdnumError) -> Phrase:
    """What is wrong with a number, as a translatable phrase (stdnum's own text is English only)."""
    if isinstance(exc, InvalidChecksum):
        return Phrase("wrong check digit")
    if isinstance(exc, InvalidLength):
        return Phrase("wrong length")
    if isinstance(exc, InvalidComponent):
        return Phrase("impossible birth date or region code")
    return Phrase("invalid format or characters")


class PartyKind(StrEnum):
    PERSON = "person"  # 自然人: resident ID number (居民身份证号)
    ORGANISATION = "organisation"  # 法人或其他组织: unified social credit code (统一社会信用代码)


class PartyRole(StrEnum):
    PARTY = "party"
    AGENT = "agent"  # 委托代理人


def check_resident_id(number: str, field: str = "id_number") -> str:
    """Validate an 18-digit resident ID number (checksum, birth date, region) and return it compact."""
    try:
        return ric.validate(number)
    except StdnumError as exc:
        raise ValidationError("{field}: {number} is not a valid resident ID number ({why})", field=field,
                              rule="cn.ric", number=number, why=_why(exc)) from exc


def check_credit_code(code: str, field: str = "id_number") -> str:
    """Validate an 18-character unified social credit code and return it compact."""
    try:
        return uscc.validate(code)
    except StdnumError as exc:
        raise ValidationError("{field}: {code} is not a valid unified social credit code ({why})",
                              field=field, rule="cn.uscc", code=code, why=_why(exc)) from exc


def birth_date_of(resident_id: str) -> date:
    return ric.get_birth_date(resident_id)


@dataclass(frozen=True)
class Party:
    kind: PartyKind
    name: str
    id_number: str
    role: PartyRole = PartyRole.PARTY
    legal_representative: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    uuid: str = ""
    represents: str = ""  # for agents: uuid of the party they act for
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def create(cls, *, kind: PartyKind | str, name: str, id_number: str, **kw: object) -> Party:
        """Build a party, validating the name and the ID number for its kind."""
        try:
            kind = PartyKind(kind)
        except ValueError as exc:
            raise ValidationError("{field}: unknown party kind {value!r}", field="kind", rule="party.kind",
                                  value=kind) from exc
        name = (name or "").strip()
        if not name:
            raise ValidationError("{field}: a party needs a name", field="name", rule="party.name")
        number = check_resident_id(id_number) if kind is PartyKind.PERSON else check_credit_code(id_number)
        if kind is PartyKind.ORGANISATION and not str(kw.get("legal_representative", "")).strip():
            raise ValidationError("{field}: an organisation needs its legal representative",
                                  field="legal_representative", rule="party.legal_representative")
        return cls(kind=kind, name=name, id_number=number, **kw)  # type: ignore[arg-type]
