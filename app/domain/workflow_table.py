"""The stages and transitions of each case kind, as data.

A row says: in this stage, this action (by these roles, if these guards allow, producing these
documents) moves the case to that stage, records these events and perhaps an approval. A bureau's
variant is an edited copy of this table, never a code change.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.cases import ApprovalDecision, CaseKind, Stage
from app.domain.officers import Role

OFF, SH, LR, BH = Role.OFFICER, Role.SECTION_HEAD, Role.LEGAL_REVIEWER, Role.BUREAU_HEAD
HEADS = frozenset({SH, BH})


@dataclass(frozen=True)
class Transition:
    kind: CaseKind
    source: Stage
    action: str
    target: Stage
    roles: frozenset[Role]
    guards: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()  # document codes the step produces (catalogue codes)
    sets_events: tuple[str, ...] = ()
    approval_slot: str | None = None  # performing it records an approval in this slot
    approval_decision: ApprovalDecision = ApprovalDecision.APPROVED
    effects: tuple[str, ...] = ()  # named effects in workflow.EFFECTS
    params: tuple[str, ...] = ()  # parameters the caller must give
    requires_comment: bool = False


@dataclass(frozen=True)
class ApprovalSlot:
    """An approval given inside a stage without moving the case (案件审核, 法制审核, 集体讨论)."""

    kind: CaseKind
    slot: str
    stages: frozenset[Stage]
    roles: frozenset[Role]
    document: str = ""


def _t(kind, source, action, target, roles, **kw) -> Transition:
    roles = frozenset(roles) if not isinstance(roles, Role) else frozenset({roles})
    return Transition(kind, source, action, target, roles, **kw)


ORD, SIM, COE, INS = CaseKind.PENALTY_ORDINARY, CaseKind.PENALTY_SIMPLE, CaseKind.COERCIVE, CaseKind.INSPECTION
ST = Stage
FILING_GUARDS = ("officers_valid", "within_limitation")


def _execution_tail(kind: CaseKind, from_stage: Stage) -> list[Transition]:
    """Payment, 催告, enforcement application, closing and archiving: shared by penalty kinds."""
    return [
        _t(kind, from_stage, "record_payment", from_stage, OFF, guards=("actor_assigned",),
           effects=("record_payment",), params=("amount_fen",)),
        _t(kind, from_stage, "waive_fine", from_stage, BH, sets_events=("fine_waived",), requires_comment=True,
           approval_slot="fine_waiver", documents=("YQFK",)),
        _t(kind, from_stage, "send_reminder", ST.REMINDED, OFF, guards=("actor_assigned", "payment_period_over"),
           sets_events=("reminder_served",), documents=("LXCGS",)),
        _t(kind, from_stage, "finish_execution", ST.EXECUTED, OFF, guards=("actor_assigned", "fine_settled")),
        _t(kind, ST.REMINDED, "record_payment", ST.REMINDED, OFF, guards=("actor_assigned",),
           effects=("record_payment",), params=("amount_fen",)),
        _t(kind, ST.REMINDED, "apply_enforcement", ST.ENFORCEMENT, HEADS, guards=("enforcement_wait_over",),
           sets_events=("enforcement_applied",), documents=("QZZXSQ",), approval_slot="enforcement"),
        _t(kind, ST.REMINDED, "finish_execution", ST.EXECUTED, OFF, guards=("actor_assigned", "fine_settled")),
        _t(kind, ST.ENFORCEMENT, "finish_execution", ST.EXECUTED, OFF, guards=("actor_assigned", "fine_settled")),
        _t(kind, ST.EXECUTED, "close", ST.CLOSED, HEADS, guards=("fine_settled",), sets_events=("closed",),
           approval_slot="closing", documents=("JASPB",)),
        _t(kind, ST.CLOSED, "archive", ST.ARCHIVED, OFF, sets_events=("archived",),
           documents=("JZFM", "JNWJML", "JNBKB")),
    ]


TRANSITIONS: tuple[Transition, ...] = (
    # ---- 行政处罚 普通程序 -------------------------------------------------------------------
    _t(ORD, ST.REGISTERED, "submit_filing", ST.FILING_REVIEW, OFF, guards=("actor_assigned", *FILING_GUARDS),
       documents=("LASPB",)),
    _t(ORD, ST.REGISTERED, "decline_filing", ST.NOT_FILED, HEADS, sets_events=("filing_declined",),
       approval_slot="filing", approval_decision=ApprovalDecision.RETURNED, requires_comment=True,
       documents=("BYLASPB",)),
    _t(ORD, ST.FILING_REVIEW, "approve_filing", ST.INVESTIGATING, HEADS, guards=FILING_GUARDS,
       sets_events=("filed",), approval_slot="filing", effects=("assign_case_number",)),
    _t(ORD, ST.FILING_REVIEW, "return_filing", ST.REGISTERED, HEADS, approval_slot="filing",
       approval_decision=ApprovalDecision.RETURNED, requires_comment=True),
    _t(ORD, ST.INVESTIGATING, "end_investigation", ST.INVESTIGATION_ENDED, OFF,
       guards=("actor_assigned", "officers_valid"), sets_events=("investigation_ended",), documents=("DCZJBG",)),
    _t(ORD, ST.INVESTIGATING, "transfer", ST.TRANSFERRED, HEADS, requires_comment=True, sets_events=("closed",),
       approval_slot="transfer"),
    _t(ORD, ST.INVESTIGATION_ENDED, "submit_legal_review", ST.INVESTIGATION_ENDED, OFF, guards=("actor_assigned",),
       sets_events=("legal_review_submitted",), documents=("FZSHB",)),
    _t(ORD, ST.INVESTIGATION_ENDED, "resume_investigation", ST.INVESTIGATING, HEADS | {LR}, requires_comment=True),
    _t(ORD, ST.INVESTIGATION_ENDED, "send_prior_notice", ST.NOTIFIED, OFF,
       guards=("actor_assigned", "case_review_done", "legal_review_if_required"),
       sets_events=("notice_served",), documents=("XZCFGZS",)),
    _t(ORD, ST.NOTIFIED, "request_hearing", ST.HEARING, OFF, guards=("actor_assigned", "hearing_request_in_time"),
       sets_events=("hearing_requested",), documents=("TZTZS",)),
    _t(ORD, ST.NOTIFIED, "record_waiver", ST.DELIBERATION, OFF, guards=("actor_assigned",), requires_comment=True,
       sets_events=("defence_waived", "defence_closed"), documents=("CSSBBL",)),
    _t(ORD, ST.NOTIFIED, "close_defence", ST.DELIBERATION, OFF, guards=("actor_assigned", "defence_window_over"),
       sets_events=("defence_closed",)),
    _t(ORD, ST.HEARING, "finish_hearing", ST.DELIBERATION, OFF, guards=("actor_assigned", "hearing_host_independent"),
       sets_events=("hearing_held",), documents=("TZBL",), params=("host_uuid",)),
    _t(ORD, ST.DELIBERATION, "submit_legal_review", ST.DELIBERATION, OFF, guards=("actor_assigned",),
       sets_events=("legal_review_submitted",), documents=("FZSHB",)),
    _t(ORD, ST.DELIBERATION, "submit_decision", ST.DECISION_REVIEW, OFF,
       guards=("actor_assigned", "prior_notice_given", "defence_window_over", "legal_review_if_required",
               "collective_discussion_if_required"),
       effects=("set_fine",), params=("fine_fen",), documents=("XZCFJDS",)),
    _t(ORD, ST.DECISION_REVIEW, "approve_decision", ST.DECIDED, BH, guards=("legal_review_if_required",),
       approval_slot="decision", sets_events=("decided",)),
    _t(ORD, ST.DECISION_REVIEW, "return_decision", ST.DELIBERATION, BH, approval_slot="decision",
       approval_decision=ApprovalDecision.RETURNED, requires_comment=True),
    _t(ORD, ST.DECIDED, "seal_decision", ST.DECIDED, BH, guards=("decision_approved",),
       sets_events=("decision_sealed",)),
    _t(ORD, ST.DECIDED, "publish", ST.DECIDED, OFF, guards=("decision_approved",), sets_events=("published",)),
    _t(ORD, ST.DECIDED, "serve", ST.SERVED, OFF, guards=("actor_assigned", "decision_approved", "decision_sealed"),
       sets_events=("served",), documents=("SDHZ",)),
    _t(ORD, ST.SERVED, "publish", ST.SERVED, OFF, guards=("decision_approved",), sets_events=("published",)),
    *_execution_tail(ORD, ST.SERVED),
    # ---- 行政处罚 简易程序 (当场处罚) ------------------------------------------------------------
    _t(SIM, ST.REGISTERED, "decide_on_spot", ST.DECIDED, OFF,
       guards=("actor_assigned", "officers_valid", "within_limitation", "simple_fine_limit"),
       sets_events=("filed", "decided"), effects=("set_fine", "assign_case_number"), params=("fine_fen",),
       documents=("DCCFJDS",)),
    _t(SIM, ST.DECIDED, "serve", ST.SERVED, OFF, guards=("actor_assigned",), sets_events=("served",)),
    _t(SIM, ST.SERVED, "collect_cash", ST.SERVED, OFF, guards=("actor_assigned",), effects=("record_payment",),
       params=("amount_fen",), sets_events=("cash_collected",)),
    _t(SIM, ST.SERVED, "hand_in_cash", ST.SERVED, OFF, guards=("actor_assigned",), sets_events=("cash_handed_in",)),
    *_execution_tail(SIM, ST.SERVED),
    # ---- 行政强制 -----------------------------------------------------------------------------
    _t(COE, ST.REGISTERED, "submit_measure", ST.MEASURE_REVIEW, OFF, guards=("actor_assigned", "officers_valid"),
       documents=("LASPB",)),
    _t(COE, ST.MEASURE_REVIEW, "approve_measure", ST.MEASURE_IN_FORCE, BH, guards=("officers_valid",),
       approval_slot="measure", sets_events=("filed", "measure_started"), effects=("assign_case_number",),
       documents=("QZCSJDS",)),
    _t(COE, ST.MEASURE_REVIEW, "return_measure", ST.REGISTERED, BH, approval_slot="measure",
       approval_decision=ApprovalDecision.RETURNED, requires_comment=True),
    _t(COE, ST.MEASURE_IN_FORCE, "release_measure", ST.MEASURE_RELEASED, HEADS,
       sets_events=("measure_released",), documents=("JCQZCSJDS",), approval_slot="measure_release"),
    _t(COE, ST.MEASURE_RELEASED, "send_reminder", ST.REMINDED, OFF, guards=("actor_assigned",),
       sets_events=("reminder_served",), documents=("LXCGS",)),
    _t(COE, ST.MEASURE_RELEASED, "finish_execution", ST.EXECUTED, OFF, guards=("actor_assigned",)),
    _t(COE, ST.REMINDED, "apply_enforcement", ST.ENFORCEMENT, HEADS,
       guards=("enforcement_wait_over", "not_night_or_holiday"), sets_events=("enforcement_applied",),
       approval_slot="enforcement", documents=("QZZXSQ",)),
    _t(COE, ST.ENFORCEMENT, "finish_execution", ST.EXECUTED, OFF, guards=("actor_assigned",)),
    _t(COE, ST.EXECUTED, "close", ST.CLOSED, HEADS, sets_events=("closed",), approval_slot="closing",
       documents=("JASPB",)),
    _t(COE, ST.CLOSED, "archive", ST.ARCHIVED, OFF, sets_events=("archived",), documents=("JZFM", "JNWJML", "JNBKB")),
    # ---- 行政检查 -----------------------------------------------------------------------------
    _t(INS, ST.REGISTERED, "start_inspection", ST.INSPECTING, OFF, guards=("actor_assigned", "officers_valid"),
       sets_events=("filed",), effects=("assign_case_number",)),
    _t(INS, ST.INSPECTING, "record_result", ST.INSPECTED, OFF, guards=("actor_assigned", "officers_valid"),
       requires_comment=True, documents=("XCBL",)),
    _t(INS, ST.INSPECTED, "close", ST.CLOSED, HEADS, sets_events=("closed",), approval_slot="closing"),
    _t(INS, ST.CLOSED, "archive", ST.ARCHIVED, OFF, sets_events=("archived",)),
)

APPROVAL_SLOTS: tuple[ApprovalSlot, ...] = (
    ApprovalSlot(ORD, "case_review", frozenset({ST.INVESTIGATION_ENDED}), HEADS, "DCZJBG"),
    ApprovalSlot(ORD, "legal_review", frozenset({ST.INVESTIGATION_ENDED, ST.DELIBERATION}), frozenset({LR}), "FZSHB"),
    ApprovalSlot(ORD, "collective_discussion", frozenset({ST.INVESTIGATION_ENDED, ST.DELIBERATION}),
                 frozenset({BH}), "JTTLJL"),
)

# Extensions of a deadline: which rule, in which stages, approved by which roles (the rule
# table's own extension_roles also apply).
EXTENDABLE: dict[str, frozenset[Stage]] = {
    "filing_decision": frozenset({ST.REGISTERED, ST.FILING_REVIEW}),
    "case_handling": frozenset({ST.INVESTIGATING, ST.INVESTIGATION_ENDED, ST.NOTIFIED, ST.HEARING,
                                ST.DELIBERATION, ST.DECISION_REVIEW}),
    "measure_duration": frozenset({ST.MEASURE_IN_FORCE}),
}

FIRST_STAGE = ST.REGISTERED
