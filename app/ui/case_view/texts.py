"""Display texts for case data the domain keeps as codes: approval slots and decisions, deadline
statuses, party kinds, audit actions. English sources marked for lupdate, translated when asked (so
a language switch needs no rebuild). Document names are Chinese data from the document catalogue:
``document_label`` asks the lookup the case view and the approval inbox install."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.deadline_rules import PAUSE_KIND_LABELS
from app.domain.deadlines import rule_by_code
from app.domain.errors import NotFound, UserError
from app.domain.i18n import tr as domain_tr
from app.services.approvals import step_label

_CONTEXT = "CaseTexts"
SHANGHAI = ZoneInfo("Asia/Shanghai")

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
    "document_generated": QT_TRANSLATE_NOOP("CaseTexts", "Document generated"),
    "document_edited": QT_TRANSLATE_NOOP("CaseTexts", "Document edits recorded"),
    "document_frozen": QT_TRANSLATE_NOOP("CaseTexts", "Document frozen"),
    "dossier_exported": QT_TRANSLATE_NOOP("CaseTexts", "Case file exported"),
}
_SUSPENDED = QT_TRANSLATE_NOOP("CaseTexts", "Suspended ({kind})")
_EXTENDED = QT_TRANSLATE_NOOP("CaseTexts", "Deadline extended: {rule}")
_APPROVAL = QT_TRANSLATE_NOOP("CaseTexts", "{slot}: {decision}")


def _t(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _lookup(table: dict[str, str], code: str) -> str:
    return _t(table[code]) if code in table else code


_document_names: Callable[[str], str] | None = None


def use_document_catalogue(services: Any) -> None:
    """Name documents from ``services.documents.catalogue`` (read once and kept, so the lookup is
    cheap). The document service is reached only when a name is first needed: building it loads the
    rendering libraries, which the window does not need to start."""
    global _document_names

    def lookup(code: str) -> str:
        return services.documents.catalogue.get(code).name

    _document_names = lookup


def document_label(code: str) -> str:
    """The document type's name (Chinese data), or its code when the catalogue does not know it."""
    if _document_names is not None:
        try:
            return _document_names(code)
        except UserError:  # a type the bureau removed, or a catalogue that cannot be read
            pass
    return code


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
