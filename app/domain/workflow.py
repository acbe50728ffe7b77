"""The workflow engine: which actions a person may take now, and what taking one does.

It reads the tables in ``workflow_table`` and the guards in ``guards``; it never writes anything.
The services persist the new case it returns together with an audit entry, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from app.domain.cases import Approval, ApprovalDecision, Case, Stage
from app.domain.deadline_rules import ROLE_LABELS
from app.domain.deadlines import Extension, Pause, Phrase, rule_by_code, validate_extension
from app.domain.errors import TransitionRefused, UserError, ValidationError
from app.domain.guards import GUARDS, PARAMETER_GUARDS, GuardContext, amount_owed, not_suspended
from app.domain.i18n import tr, tr_in
from app.domain.money import check_fen
from app.domain.officers import Role
from app.domain.workflow_table import APPROVAL_SLOTS, EXTENDABLE, TRANSITIONS, ApprovalSlot, Transition

PAUSE_KINDS = ("suspension", "testing", "hearing", "announcement", "review_litigation")


@dataclass(frozen=True)
class RoleNames:
    """Role names for a message, rendered in the language the message is shown in."""

    roles: tuple[str, ...]

    def render(self, language: str | None = None) -> str:
        def t(text: str) -> str:
            return tr(text) if language is None else tr_in(language, text)
        return t(", ").join(t(ROLE_LABELS.get(r, r)) for r in self.roles)

    def __str__(self) -> str:
        return self.render()


def _role_refusal(role: Role, allowed: frozenset[Role]) -> UserError:
    return UserError("role {role} may not do this; allowed: {roles}", rule="role", role=RoleNames((role.value,)),
                     roles=RoleNames(tuple(sorted(r.value for r in allowed))))


@dataclass(frozen=True)
class ActionOption:
    transition: Transition
    reasons: tuple[UserError, ...]

    @property
    def allowed(self) -> bool:
        return not self.reasons


def transitions_from(case: Case, table: tuple[Transition, ...] = TRANSITIONS) -> list[Transition]:
    return [t for t in table if t.kind is case.kind and t.source is case.stage]


def find_transition(case: Case, action: str, table: tuple[Transition, ...] = TRANSITIONS) -> Transition:
    for t in transitions_from(case, table):
        if t.action == action:
            return t
    raise TransitionRefused(action, [UserError("{action} is not possible in stage {stage}", rule="transition.stage",
                                               action=Phrase(action), stage=Phrase(case.stage.value))])


def check(t: Transition, ctx: GuardContext, *, preview: bool = False) -> list[UserError]:
    """Every reason that refuses ``t`` now (role first, then suspension, then the row's guards).

    ``preview``: the step's parameters are not given yet (offering actions), so guards that judge
    them are left for when the step is performed."""
    reasons: list[UserError] = []
    if ctx.actor.role not in t.roles:
        reasons.append(_role_refusal(ctx.actor.role, t.roles))
        return reasons
    reasons += not_suspended(ctx)
    for name in t.guards:
        if preview and name in PARAMETER_GUARDS:
            continue
        reasons += GUARDS[name](ctx)
    return reasons


def available_actions(ctx: GuardContext, table: tuple[Transition, ...] = TRANSITIONS) -> list[ActionOption]:
    """The actions of the current stage that the actor's role may take, each with its refusals."""
    return [ActionOption(t, tuple(check(t, ctx, preview=True))) for t in transitions_from(ctx.case, table)
            if ctx.actor.role in t.roles]


def _check_params(t: Transition, params: Mapping[str, object]) -> None:
    for name in t.params:
        if name not in params:
            raise ValidationError("{field}: this field is required", field=name, rule="required")
        if name.endswith("_fen"):
            check_fen(params[name], name)


Effect = Callable[[Case, GuardContext], Case]


def _record_payment(case: Case, ctx: GuardContext) -> Case:
    amount = int(ctx.params["amount_fen"])  # type: ignore[arg-type]
    if amount <= 0:
        raise ValidationError("{field}: a payment must be more than zero", field="amount_fen", rule="money")
    owed, _surcharge = amount_owed(ctx)
    if amount > owed:
        raise ValidationError("{field}: ¥{amount} is more than the ¥{owed} still owed", field="amount_fen",
                              rule="money.overpaid", amount=f"{amount / 100:.2f}", owed=f"{owed / 100:.2f}")
    paid = case.paid_fen + amount
    events = dict(case.events)
    if amount == owed:  # the fine and any late surcharge are paid
        events["paid_in_full"] = ctx.today
    return replace(case, paid_fen=paid, events=events)


def _set_fine(case: Case, ctx: GuardContext) -> Case:
    return replace(case, fine_fen=int(ctx.params["fine_fen"]))  # type: ignore[arg-type]


EFFECTS: dict[str, Effect] = {
    "record_payment": _record_payment,
    "set_fine": _set_fine,
    # the case number needs the store's sequence: the service fills it after apply()
    "assign_case_number": lambda case, ctx: case,
}


def apply(ctx: GuardContext, action: str, comment: str = "",
          table: tuple[Transition, ...] = TRANSITIONS) -> tuple[Case, Transition]:
    """Check and perform ``action``; returns the new case (version not yet bumped) and the row used."""
    case = ctx.case
    t = find_transition(case, action, table)
    if t.requires_comment and not comment.strip():
        raise ValidationError("{field}: a comment (reason) is required for this action", field="comment",
                              rule="comment.required")
    _check_params(t, ctx.params)
    reasons = check(t, ctx)
    if reasons:
        raise TransitionRefused(action, reasons)
    events = dict(case.events)
    for name in t.sets_events:
        events[name] = ctx.today
    new = replace(case, stage=t.target, events=events)
    if t.approval_slot:
        new = replace(new, approvals=(*new.approvals, Approval(
            slot=t.approval_slot, decision=t.approval_decision, actor_id=ctx.actor.user_id,
            actor_name=ctx.actor.name, role=ctx.actor.role.value, at=ctx.now, comment=comment.strip())))
    for name in t.effects:
        new = EFFECTS[name](new, replace(ctx, case=new))
    return new, t


def approval_slots_for(case: Case) -> list[ApprovalSlot]:
    return [s for s in APPROVAL_SLOTS if s.kind is case.kind and case.stage in s.stages]


def record_approval(ctx: GuardContext, slot: str, decision: ApprovalDecision, comment: str) -> Case:
    """An approval given inside a stage (案件审核, 法制审核, 集体讨论)."""
    case = ctx.case
    match = next((s for s in approval_slots_for(case) if s.slot == slot), None)
    if match is None:
        raise ValidationError("{field}: no {slot} approval can be given in stage {stage}", field="slot",
                              rule="approval.stage", slot=Phrase(slot), stage=Phrase(case.stage.value))
    if ctx.actor.role not in match.roles:
        raise TransitionRefused(slot, [_role_refusal(ctx.actor.role, match.roles)])
    if suspended := not_suspended(ctx):
        raise TransitionRefused(slot, suspended)
    if decision is ApprovalDecision.RETURNED and not comment.strip():
        raise ValidationError("{field}: a comment (reason) is required for this action", field="comment",
                              rule="comment.required")
    events = dict(case.events)
    if slot == "legal_review" and decision is ApprovalDecision.APPROVED:
        events["legal_review_done"] = ctx.today
    approval = Approval(slot=slot, decision=decision, actor_id=ctx.actor.user_id, actor_name=ctx.actor.name,
                        role=ctx.actor.role.value, at=ctx.now, comment=comment.strip())
    return replace(case, approvals=(*case.approvals, approval), events=events)


def suspend(case: Case, kind: str, start: date, actor_role: Role) -> Case:
    """Start a pause (中止, testing, hearing, announcement, review/litigation) from ``start``."""
    if kind not in PAUSE_KINDS:
        raise ValidationError("{field}: unknown pause kind {value!r}", field="kind", rule="pause.kind", value=kind)
    if actor_role not in (Role.SECTION_HEAD, Role.BUREAU_HEAD):
        raise ValidationError("{field}: a suspension needs the approval of a section or bureau head",
                              field="role", rule="pause.approval")
    if case.open_pause is not None:
        raise ValidationError("{field}: the case has been paused since {day}", field="kind", rule="pause.open",
                              day=case.open_pause.start.isoformat())
    if case.stage in (Stage.CLOSED, Stage.ARCHIVED, Stage.NOT_FILED, Stage.TRANSFERRED):
        raise ValidationError("{field}: a closed case cannot be suspended", field="stage", rule="pause.stage")
    return replace(case, pauses=(*case.pauses, Pause(kind=kind, start=start, end=None)))


def resume(case: Case, on: date, actor_role: Role) -> Case:
    if actor_role not in (Role.SECTION_HEAD, Role.BUREAU_HEAD):
        raise ValidationError("{field}: resuming a suspended case needs a section or bureau head", field="role",
                              rule="pause.approval")
    pause = case.open_pause
    if pause is None:
        raise ValidationError("{field}: the case is not paused", field="pause", rule="pause.none")
    if on < pause.start:
        raise ValidationError("{field}: the resume date {day} is before the pause began ({start})", field="on",
                              rule="date.order", day=on.isoformat(), start=pause.start.isoformat())
    pauses = tuple(replace(p, end=on) if p is pause else p for p in case.pauses)
    return replace(case, pauses=pauses)


def extend(case: Case, rule_code: str, days: int, on: date, role: Role) -> Case:
    """An approved extension (延期) of one deadline rule."""
    rule = rule_by_code(rule_code)
    stages = EXTENDABLE.get(rule_code)
    if stages is None or case.stage not in stages:
        raise ValidationError("{field}: the {name} cannot be extended in stage {stage}", field="rule_code",
                              rule="extension.stage", name=Phrase(rule.name), stage=Phrase(case.stage.value))
    validate_extension(rule, [e for e in case.extensions if e.rule_code == rule_code], days, role.value)
    ext = Extension(rule_code=rule_code, days=days, approved_on=on, approved_by_role=role.value)
    return replace(case, extensions=(*case.extensions, ext))
