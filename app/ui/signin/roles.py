"""Display names of the roles a person signs in as, translated when asked (so a language switch
needs no rebuild of a combo or table)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.officers import Role

_CONTEXT = "RoleLabels"

ROLE_LABELS: dict[Role, str] = {
    Role.OFFICER: QT_TRANSLATE_NOOP("RoleLabels", "Case officer"),
    Role.SECTION_HEAD: QT_TRANSLATE_NOOP("RoleLabels", "Section head"),
    Role.LEGAL_REVIEWER: QT_TRANSLATE_NOOP("RoleLabels", "Legal reviewer"),
    Role.BUREAU_HEAD: QT_TRANSLATE_NOOP("RoleLabels", "Bureau head"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("RoleLabels", "Supervisor"),
    Role.ADMIN: QT_TRANSLATE_NOOP("RoleLabels", "Administrator"),
    Role.SYSTEM: QT_TRANSLATE_NOOP("RoleLabels", "System"),
}


def role_label(role: Role | str) -> str:
    try:
        source = ROLE_LABELS[Role(role)]
    except (ValueError, KeyError):  # a role written by a newer version: show it raw
        return str(role)
    return QCoreApplication.translate(_CONTEXT, source)
