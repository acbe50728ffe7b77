"""Display names for domain enums. English sources marked for lupdate, translated when asked,
so a language switch takes effect without rebuilding any table."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.cases import CaseKind, Stage
from app.domain.officers import Role

_CONTEXT = "Labels"

STAGE_LABELS: dict[Stage, str] = {
    Stage.REGISTERED: QT_TRANSLATE_NOOP("Labels", "Registered"),
    Stage.FILING_REVIEW: QT_TRANSLATE_NOOP("Labels", "Filing review"),
    Stage.NOT_FILED: QT_TRANSLATE_NOOP("Labels", "Not filed"),
    Stage.INVESTIGATING: QT_TRANSLATE_NOOP("Labels", "Investigating"),
    Stage.INVESTIGATION_ENDED: QT_TRANSLATE_NOOP("Labels", "Investigation ended"),
    Stage.NOTIFIED: QT_TRANSLATE_NOOP("Labels", "Prior notice given"),
    Stage.HEARING: QT_TRANSLATE_NOOP("Labels", "Hearing"),
    Stage.DELIBERATION: QT_TRANSLATE_NOOP("Labels", "Awaiting decision"),
    Stage.DECISION_REVIEW: QT_TRANSLATE_NOOP("Labels", "Decision review"),
    Stage.DECIDED: QT_TRANSLATE_NOOP("Labels", "Decided"),
    Stage.SERVED: QT_TRANSLATE_NOOP("Labels", "Served"),
    Stage.MEASURE_REVIEW: QT_TRANSLATE_NOOP("Labels", "Coercive measure review"),
    Stage.MEASURE_IN_FORCE: QT_TRANSLATE_NOOP("Labels", "Coercive measure in force"),
    Stage.MEASURE_RELEASED: QT_TRANSLATE_NOOP("Labels", "Coercive measure released"),
    Stage.REMINDED: QT_TRANSLATE_NOOP("Labels", "Reminder served"),
    Stage.ENFORCEMENT: QT_TRANSLATE_NOOP("Labels", "Enforcement"),
    Stage.INSPECTING: QT_TRANSLATE_NOOP("Labels", "Inspecting"),
    Stage.INSPECTED: QT_TRANSLATE_NOOP("Labels", "Inspection done"),
    Stage.EXECUTED: QT_TRANSLATE_NOOP("Labels", "Executed"),
    Stage.TRANSFERRED: QT_TRANSLATE_NOOP("Labels", "Transferred"),
    Stage.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
    Stage.ARCHIVED: QT_TRANSLATE_NOOP("Labels", "Archived"),
}

KIND_LABELS: dict[CaseKind, str] = {
    CaseKind.PENALTY_ORDINARY: QT_TRANSLATE_NOOP("Labels", "Administrative penalty (ordinary procedure)"),
    CaseKind.PENALTY_SIMPLE: QT_TRANSLATE_NOOP("Labels", "Administrative penalty (simple procedure)"),
    CaseKind.COERCIVE: QT_TRANSLATE_NOOP("Labels", "Administrative coercion"),
    CaseKind.INSPECTION: QT_TRANSLATE_NOOP("Labels", "Administrative inspection"),
}


def stage_label(stage: Stage | str) -> str:
    try:
        source = STAGE_LABELS[Stage(stage)]
    except (ValueError, KeyError):  # a value written by a newer version: show it raw, do not fail
        return str(stage)
    return QCoreApplication.translate(_CONTEXT, source)


def kind_label(kind: CaseKind | str) -> str:
    try:
        source = KIND_LABELS[CaseKind(kind)]
    except (ValueError, KeyError):
        return str(kind)
    return QCoreApplication.translate(_CONTEXT, source)


# Roles keep their own translation context (they were first written for the sign-in forms).
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
    return QCoreApplication.translate("RoleLabels", source)
