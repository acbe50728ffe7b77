"""Officers (执法人员) and the roles people act in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"  # 承办人
    SECTION_HEAD = "section_head"  # 承办机构负责人
    LEGAL_REVIEWER = "legal_reviewer"  # 法制审核人员
    BUREAU_HEAD = "bureau_head"  # 机关负责人
    SUPERVISOR = "supervisor"  # 监督员 (司法局)
    ADMIN = "admin"  # bureau administrator
    SYSTEM = "system"  # the demo seeder and migrations


ROLE_NAMES_ZH = {
    Role.OFFICER: "承办人",
    Role.SECTION_HEAD: "承办机构负责人",
    Role.LEGAL_REVIEWER: "法制审核人员",
    Role.BUREAU_HEAD: "机关负责人",
    Role.SUPERVISOR: "监督员",
    Role.ADMIN: "系统管理员",
    Role.SYSTEM: "系统",
}


class CertificateStatus(StrEnum):
    VALID = "valid"
    SUSPENDED = "suspended"  # 暂扣
    REVOKED = "revoked"  # 吊销


@dataclass(frozen=True)
class Officer:
    uuid: str
    name: str
    certificate_no: str  # 执法证号
    certificate_valid_from: date
    certificate_valid_to: date
    certificate_status: CertificateStatus = CertificateStatus.VALID
    bureau_code: str = ""
    legal_qualification: bool = False
    id_number: str = ""
    mobile: str = ""

    def certificate_valid_on(self, day: date) -> bool:
        return (
            self.certificate_status is CertificateStatus.VALID
            and self.certificate_valid_from <= day <= self.certificate_valid_to
        )


@dataclass(frozen=True)
class Actor:
    """Who performs an action, and in which role (a person may hold several)."""

    user_id: str
    name: str
    role: Role
    officer_uuid: str | None = None
