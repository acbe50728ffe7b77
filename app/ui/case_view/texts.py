"""Display texts for case data the domain keeps as codes: document types, approval slots and
decisions, deadline statuses, party kinds, audit actions. English sources marked for lupdate,
translated when asked (so a language switch needs no rebuild)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.deadline_rules import PAUSE_KIND_LABELS
from app.domain.deadlines import rule_by_code
from app.domain.errors import NotFound
from app.domain.i18n import tr as domain_tr
from app.services.approvals import step_label

_CONTEXT = "CaseTexts"
SHANGHAI = ZoneInfo("Asia/Shanghai")

# Document codes of the workflow table (the documents issue brings the full catalogue as data).
DOCUMENTS: dict[str, str] = {
    "LASPB": QT_TRANSLATE_NOOP("CaseTexts", "Filing approval form"),
    "BYLASPB": QT_TRANSLATE_NOOP("CaseTexts", "Approval form for not filing a case"),
    "DCZJBG": QT_TRANSLATE_NOOP("CaseTexts", "Investigation final report"),
    "FZSHB": QT_TRANSLATE_NOOP("CaseTexts", "Legal review form"),
    "JTTLJL": QT_TRANSLATE_NOOP("CaseTexts", "Record of collective discussion"),
    "XZCFGZS": QT_TRANSLATE_NOOP("CaseTexts", "Notice of intended administrative penalty"),
    "TZTZS": QT_TRANSLATE_NOOP("CaseTexts", "Hearing notice"),
    "CSSBBL": QT_TRANSLATE_NOOP("CaseTexts", "Record of statement and defence"),
    "TZBL": QT_TRANSLATE_NOOP("CaseTexts", "Hearing record"),
    "XZCFJDS": QT_TRANSLATE_NOOP("CaseTexts", "Administrative penalty decision"),
    "DCCFJDS": QT_TRANSLATE_NOOP("CaseTexts", "On-the-spot administrative penalty decision"),
    "SDHZ": QT_TRANSLATE_NOOP("CaseTexts", "Proof of service"),
    "YQFK": QT_TRANSLATE_NOOP("CaseTexts", "Notice on deferred or instalment payment of the fine"),
    "LXCGS": QT_TRANSLATE_NOOP("CaseTexts", "Reminder to perform"),
    "QZZXSQ": QT_TRANSLATE_NOOP("CaseTexts", "Application for compulsory enforcement"),
    "JASPB": QT_TRANSLATE_NOOP("CaseTexts", "Case closing approval form"),
    "JZFM": QT_TRANSLATE_NOOP("CaseTexts", "Case file cover"),
    "JNWJML": QT_TRANSLATE_NOOP("CaseTexts", "Table of contents of the case file"),
    "JNBKB": QT_TRANSLATE_NOOP("CaseTexts", "Case file reference sheet"),
    "QZCSJDS": QT_TRANSLATE_NOOP("CaseTexts", "Decision on an administrative coercive measure"),
    "JCQZCSJDS": QT_TRANSLATE_NOOP("CaseTexts", "Decision releasing an administrative coercive measure"),
    "XCBL": QT_TRANSLATE_NOOP("CaseTexts", "On-site record"),
}

# Approval slots (审批栏); the in-stage ones also have domain names.
SLOTS: dict[str, str] = {
    "filing": QT_TRANSLATE_NOOP("CaseTexts", "Filing approval"),
    "decision": QT_TRANSLATE_NOOP("CaseTexts", "Penalty decision approval"),
    "measure": QT_TRANSLATE_NOOP("CaseTexts", "Coercive measure approval"),
    "measure_release": QT_TRANSLATE_NOOP("CaseTexts", "Release of the coercive measure"),
    "enforcement": QT_TRANSLATE_NOOP("CaseTexts", "Enforcement application approval"),
    "closing": QT_TRANSLATE_NOOP("CaseTexts", "Case closing approval"),
    "fine_waiver": QT_TRANSLATE_NOOP("CaseTexts", "Fine waiver approval"),
    "transfer": QT_TRANSLATE_NOOP("CaseTexts", "Transfer approval"),
}

DECISIONS: dict[str, str] = {
    "approved": QT_TRANSLATE_NOOP("CaseTexts", "Approved"),
    "returned": QT_TRANSLATE_NOOP("CaseTexts", "Returned"),
}

DEADLINE_STATUSES: dict[str, str] = {
    "not_started": QT_TRANSLATE_NOOP("CaseTexts", "Not started"),
    "running": QT_TRANSLATE_NOOP("CaseTexts", "Running"),
    "due_soon": QT_TRANSLATE_NOOP("CaseTexts", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("CaseTexts", "Overdue"),
    "met": QT_TRANSLATE_NOOP("CaseTexts", "Met"),
    "elapsed": QT_TRANSLATE_NOOP("CaseTexts", "Elapsed"),
    "calendar_missing": QT_TRANSLATE_NOOP("CaseTexts", "Calendar missing"),
}

PARTY_KINDS: dict[str, str] = {
    "person": QT_TRANSLATE_NOOP("CaseTexts", "Natural person"),
    "organisation": QT_TRANSLATE_NOOP("CaseTexts", "Legal person or other organisation"),
}

# Audit actions that are not workflow steps (those are named by the domain).
ACTIONS: dict[str, str] = {
    "register": QT_TRANSLATE_NOOP("CaseTexts", "Case source registered"),
    "assign_officers": QT_TRANSLATE_NOOP("CaseTexts", "Officers assigned"),
    "update_parties": QT_TRANSLATE_NOOP("CaseTexts", "Parties updated"),
    "resume": QT_TRANSLATE_NOOP("CaseTexts", "Resumed"),
}
_SUSPENDED = QT_TRANSLATE_NOOP("CaseTexts", "Suspended ({kind})")
_EXTENDED = QT_TRANSLATE_NOOP("CaseTexts", "Deadline extended: {rule}")
_APPROVAL = QT_TRANSLATE_NOOP("CaseTexts", "{slot}: {decision}")


def _t(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _lookup(table: dict[str, str], code: str) -> str:
    return _t(table[code]) if code in table else code


def document_label(code: str) -> str:
    return _lookup(DOCUMENTS, code)


def slot_label(slot: str) -> str:
    return _t(SLOTS[slot]) if slot in SLOTS else step_label(slot)


def decision_label(decision: str) -> str:
    return _lookup(DECISIONS, str(decision))


def deadline_status_label(status: str) -> str:
    return _lookup(DEADLINE_STATUSES, str(status))


def party_kind_label(kind: str) -> str:
    return _lookup(PARTY_KINDS, str(kind))


def action_label(action: str) -> str:
    """A workflow step or another audited change, as the history tab shows it."""
    if action in ACTIONS:
        return _t(ACTIONS[action])
    head, _, rest = action.partition(":")
    if head == "suspend" and rest:
        return _t(_SUSPENDED).format(kind=domain_tr(PAUSE_KIND_LABELS.get(rest, rest)))
    if head == "extend" and rest:
        try:
            name = domain_tr(rule_by_code(rest).name)
        except NotFound:
            name = rest
        return _t(_EXTENDED).format(rule=name)
    if head == "approval" and rest:
        return slot_label(rest)
    return step_label(action)


def approval_action_label(action: str, decision: str) -> str:
    return _t(_APPROVAL).format(slot=action_label(action), decision=decision_label(decision))


def mask_id(number: str) -> str:
    """All but the last four characters hidden, for display (the full number stays in the record)."""
    return "*" * max(len(number) - 4, 0) + number[-4:]


def when(at: datetime | None) -> str:
    if at is None:
        return ""
    local = at.astimezone(SHANGHAI) if at.tzinfo else at
    return local.strftime("%Y-%m-%d %H:%M")
