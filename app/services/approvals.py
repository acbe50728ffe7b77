"""The approval inbox (审批) and the to-do list (我的待办).

What waits for a role is read from the workflow tables, never from a list of names here:

* an approving transition (one that fills an approval slot with "approved") waits in its source
  stage when that stage is a review stage (no step out of it belongs to the case officer: 立案审批,
  决定审批, 结案, ...), or when it has guards and they pass now (申请强制执行 once the wait is over);
  discretionary ones without guards (移送, 免缴) are taken from the case view, not the inbox;
* an in-stage approval slot (案件审核, 集体讨论) waits when a step out of the stage is refused for
  want of it (the guard's rule names the slot); 法制审核 waits once it was asked for and has not
  been answered since.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.domain.cases import ApprovalDecision, Case, CaseKind, Stage
from app.domain.errors import UserCancelled, UserError, ValidationError
from app.domain.guards import GuardContext, not_suspended
from app.domain.i18n import tr
from app.domain.officers import Actor, Role
from app.domain.workflow import approval_slots_for
from app.domain.workflow_table import APPROVAL_SLOTS, TRANSITIONS, ApprovalSlot, Transition
from app.services.cases import CaseFilter, CaseRow, CaseService

DECISION_SLOTS = frozenset({"decision"})  # approvals that decide the case: one by one, never in a batch
HEAD_ROLES = frozenset({Role.SECTION_HEAD, Role.BUREAU_HEAD})
FINISHED_STAGES = frozenset({Stage.CLOSED, Stage.ARCHIVED, Stage.NOT_FILED, Stage.TRANSFERRED})
PAGE = 500  # rows asked of the case list at a time
LEGAL_REVIEW = "legal_review"
SUBMIT_LEGAL_REVIEW = "submit_legal_review"


class Progress(Protocol):
    """How far a long read got (the UI's task runner passes one)."""

    @property
    def cancelled(self) -> bool: ...

    def report(self, done: int, total: int | None = None, text: str = "") -> None: ...


@dataclass(frozen=True)
class InboxItem:
    case_row: CaseRow
    kind: str  # "transition" | "slot"
    name: str  # the action, or the slot
    label: str  # translated
    is_decision: bool
    allowed: bool
    reasons: tuple[str, ...]
    version: int = 0  # the case version the item was read at: approving it refuses a changed case
    since: datetime | None = None  # when the case came to wait for this
    return_action: str = ""  # the transition that returns a transition item ("" when there is none)

    @property
    def case_uuid(self) -> str:
        return self.case_row.uuid

    @property
    def can_return(self) -> bool:
        return self.kind == "slot" or bool(self.return_action)


@dataclass(frozen=True)
class ApprovalResult:
    item: InboxItem
    done: bool
    reason: str = ""  # why it was refused (translated)
    case: Case | None = None


@dataclass(frozen=True)
class SlotOption:
    """An in-stage approval the actor's role may give in the case's stage, and what refuses it now."""

    slot: ApprovalSlot
    reasons: tuple[UserError, ...]

    @property
    def allowed(self) -> bool:
        return not self.reasons


def _moves_out(kind: CaseKind, stage: Stage) -> list[Transition]:
    return [t for t in TRANSITIONS if t.kind is kind and t.source is stage]


def is_review_stage(kind: CaseKind, stage: Stage) -> bool:
    """A stage the case officer cannot move the case out of: it waits for someone's approval."""
    moves = _moves_out(kind, stage)
    return bool(moves) and not any(Role.OFFICER in t.roles for t in moves)


def return_of(t: Transition) -> str:
    """The step that returns what ``t`` would approve (same stage, same slot, decision "returned")."""
    return next((r.action for r in _moves_out(t.kind, t.source)
                 if r.approval_slot == t.approval_slot and r.approval_decision is ApprovalDecision.RETURNED), "")


def awaited_transitions(role: Role) -> list[Transition]:
    """The approving transitions that may wait for ``role`` (those with guards only wait once allowed)."""
    return [t for t in TRANSITIONS if t.approval_slot and t.approval_decision is ApprovalDecision.APPROVED
            and role in t.roles and (is_review_stage(t.kind, t.source) or t.guards)]


def awaited_slots(role: Role) -> list[ApprovalSlot]:
    return [s for s in APPROVAL_SLOTS if role in s.roles]


def is_decision(name: str) -> bool:
    """True for the approval that decides the case (the transition filling, or the slot, "decision")."""
    slots = {t.approval_slot for t in TRANSITIONS if t.action == name and t.approval_slot}
    return name in DECISION_SLOTS or bool(slots & DECISION_SLOTS)


class ApprovalService:
    def __init__(self, cases: CaseService):
        self.cases = cases

    # ---- reading ------------------------------------------------------------------------------
    def slot_options(self, actor: Actor, case: Case) -> list[SlotOption]:
        """The in-stage approvals of the case's stage open to the actor's role, with what refuses them."""
        ctx = GuardContext(case=case, actor=actor, now=self.cases.clock.now(), calendar=self.cases.calendar)
        return [SlotOption(s, tuple(not_suspended(ctx))) for s in approval_slots_for(case) if actor.role in s.roles]

    def _rows(self, flt: CaseFilter) -> Iterable[CaseRow]:
        offset = 0
        while True:
            page = self.cases.list_cases(flt, offset, PAGE)
            yield from page
            if len(page) < PAGE:
                return
            offset += len(page)

    def inbox(self, actor: Actor, progress: Progress | None = None) -> list[InboxItem]:
        """What waits for the actor's role now, soonest deadline first. Each candidate case is
        checked, so a large bureau takes a while: ``progress`` hears how far, and may cancel."""
        transitions = awaited_transitions(actor.role)
        slots = awaited_slots(actor.role)
        stages = {t.source for t in transitions} | {st for s in slots for st in s.stages}
        if not stages:
            return []
        kinds = {t.kind for t in transitions} | {s.kind for s in slots}
        flt = CaseFilter(stages=tuple(sorted(stages)), kind=next(iter(kinds)) if len(kinds) == 1 else None,
                         sort="next_due", descending=False)
        items: list[InboxItem] = []
        total = self.cases.count(flt) if progress else 0
        for done, row in enumerate(self._rows(flt)):
            if progress:
                if progress.cancelled:
                    raise UserCancelled()
                progress.report(done, total)
            here = [t for t in transitions if t.kind is row.kind and t.source is row.stage]
            in_stage = [s for s in slots if s.kind is row.kind and row.stage in s.stages]
            if here or in_stage:
                items += self._items_of(actor, row, here, in_stage)
        return items

    def _items_of(self, actor: Actor, row: CaseRow, here: Sequence[Transition],
                  in_stage: Sequence[ApprovalSlot]) -> list[InboxItem]:
        case = self.cases.get(row.uuid)
        found: list[tuple[str, str, bool, tuple[str, ...], str]] = []  # kind, name, allowed, reasons, return
        if here:
            options = {o.transition.action: o for o in self.cases.available_actions(actor, row.uuid)}
            for t in here:
                option = options.get(t.action)
                if option is None:
                    continue
                if not is_review_stage(t.kind, t.source) and not option.allowed:
                    continue  # a guarded approval waits only once its conditions are met
                found.append(("transition", t.action, option.allowed, tuple(r.message for r in option.reasons),
                              return_of(t)))
        history = self.cases.history(row.uuid) if in_stage or found else []
        if in_stage:
            wanted = self._wanted_slots(case, in_stage, history)
            for option in self.slot_options(actor, case):
                if option.slot.slot in wanted:
                    found.append(("slot", option.slot.slot, option.allowed,
                                  tuple(r.message for r in option.reasons), ""))
        return [InboxItem(case_row=row, kind=kind, name=name, label=step_label(name), is_decision=is_decision(name),
                          allowed=allowed, reasons=reasons, version=case.version, since=_since(history, name),
                          return_action=back)
                for kind, name, allowed, reasons, back in found]

    def _wanted_slots(self, case: Case, slots: Sequence[ApprovalSlot], history: Sequence) -> set[str]:
        wanted: set[str] = set()
        names = {s.slot for s in slots}
        if LEGAL_REVIEW in names and _legal_review_pending(history):
            wanted.add(LEGAL_REVIEW)
        if names - {LEGAL_REVIEW}:
            # ask the steps out of the stage (as one of the case's officers would) what they lack
            probe = Actor("inbox", "", Role.OFFICER, case.officer_uuids[0] if case.officer_uuids else None)
            lacking = {r.rule for o in self.cases.available_actions(probe, case.uuid) for r in o.reasons}
            wanted |= (names - {LEGAL_REVIEW}) & lacking
        return wanted

    def my_tasks(self, actor: Actor, limit: int = 1000) -> list[CaseRow]:
        """An officer's open cases, soonest deadline first (overdue first, then none last); for heads
        the bureau's overdue cases. Other roles have only their inbox."""
        if actor.role is Role.OFFICER:
            if not actor.officer_uuid:
                return []
            open_stages = tuple(s for s in Stage if s not in FINISHED_STAGES)
            flt = CaseFilter(officer_uuid=actor.officer_uuid, stages=open_stages, sort="next_due", descending=False)
        elif actor.role in HEAD_ROLES:
            flt = CaseFilter(deadline="overdue", sort="next_due", descending=False)
        else:
            return []
        return self.cases.list_cases(flt, 0, limit)

    def overdue_count(self) -> int:
        return self.cases.count(CaseFilter(deadline="overdue"))

    # ---- writing ------------------------------------------------------------------------------
    def approve(self, actor: Actor, item: InboxItem, comment: str = "") -> Case:
        """Give the approval the item waits for (one transaction)."""
        if item.kind == "slot":
            return self.cases.record_approval(actor, item.case_uuid, item.name, ApprovalDecision.APPROVED, comment,
                                              expected_version=item.version)
        return self.cases.advance(actor, item.case_uuid, item.name, expected_version=item.version, comment=comment)

    def send_back(self, actor: Actor, item: InboxItem, comment: str) -> Case:
        """Return the item with a comment (退回): its return step, or a "returned" approval in its slot."""
        if not comment.strip():
            raise ValidationError("{field}: a comment (reason) is required for this action", field="comment",
                                  rule="comment.required")
        if item.kind == "slot":
            return self.cases.record_approval(actor, item.case_uuid, item.name, ApprovalDecision.RETURNED, comment,
                                              expected_version=item.version)
        if not item.return_action:
            raise ValidationError("{field}: {name} has no return step; open the case to act on it",
                                  field="items", rule="approval.no_return", name=item.label)
        return self.cases.advance(actor, item.case_uuid, item.return_action, expected_version=item.version,
                                  comment=comment)

    def approve_many(self, actor: Actor, items: Sequence[InboxItem], comment: str = "") -> list[ApprovalResult]:
        """Approve several items, each in its own transaction; decisions are refused as a batch."""
        decisions = [i for i in items if i.is_decision]
        if decisions:
            raise ValidationError("{field}: {name} ({number}) decides the case and must be approved on its own",
                                  field="items", rule="approval.batch_decision", name=decisions[0].label,
                                  number=decisions[0].case_row.number)
        results = []
        for item in items:
            try:
                results.append(ApprovalResult(item, True, case=self.approve(actor, item, comment)))
            except UserError as exc:
                results.append(ApprovalResult(item, False, reason=exc.message))
        return results


def step_label(name: str) -> str:
    """An action or slot by its translated name; in English (the domain has no catalogue for it) the
    code made readable: "submit_filing" -> "Submit filing"."""
    text = tr(name)
    return name.replace("_", " ").capitalize() if text == name else text


def _legal_review_pending(history: Sequence) -> bool:
    """Asked for (提请法制审核) and not answered since."""
    last = next((e.action for e in reversed(history)
                 if e.action in (SUBMIT_LEGAL_REVIEW, f"approval:{LEGAL_REVIEW}")), None)
    return last == SUBMIT_LEGAL_REVIEW


def _since(history: Sequence, name: str) -> datetime | None:
    """When the case came to wait: the request for a legal review, else its arrival in the stage."""
    for entry in reversed(history):
        if name == LEGAL_REVIEW and entry.action == SUBMIT_LEGAL_REVIEW:
            return entry.at
        if name != LEGAL_REVIEW and "stage" in entry.after:
            return entry.at
    return None
