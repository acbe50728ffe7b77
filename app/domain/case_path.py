"""What the audit trail and the workflow table say about one case's path: the stages it passed,
the steps taken, and the documents those steps produced or the next ones will need.

Plain Python over domain data (no Qt), so the tabs stay thin."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.domain.cases import Case, Stage
from app.domain.workflow import transitions_from
from app.domain.workflow_table import APPROVAL_SLOTS, TRANSITIONS, Transition

APPROVAL_PREFIX = "approval:"


@dataclass(frozen=True)
class PathStep:
    stage: Stage | str
    at: datetime | None
    state: str  # "passed" | "current" | "next"


@dataclass(frozen=True)
class TakenStep:
    """One audit entry, with the workflow row (or in-stage approval) it performed, if any."""

    entry: Any  # an audit entry (app.store.audit.AuditEntry, as the case service returns it)
    source: str | None  # the stage the case was in
    transition: Transition | None
    documents: tuple[str, ...]


@dataclass(frozen=True)
class RequiredDocument:
    code: str
    action: str  # the step (action or approval slot) that needs it
    done_at: datetime | None  # when that step was taken, None while pending


def _stage(value: object) -> Stage | str:
    try:
        return Stage(value)
    except ValueError:  # written by a newer version: shown raw
        return str(value)


def stage_path(case: Case, history: Sequence[Any]) -> list[PathStep]:
    """The stages entered, in order, with when; then the stages the next steps can lead to."""
    entered = [(_stage(e.after["stage"]), e.at) for e in history if "stage" in e.after]
    steps = [PathStep(stage, at, "passed") for stage, at in entered]
    if steps and steps[-1].stage == case.stage:
        steps[-1] = PathStep(case.stage, steps[-1].at, "current")
    else:  # history out of reach (imported case): the current stage still shows
        steps.append(PathStep(case.stage, None, "current"))
    following = dict.fromkeys(t.target for t in transitions_from(case) if t.target is not case.stage)
    return steps + [PathStep(stage, None, "next") for stage in following]


def _row(kind, source: str | None, action: str) -> Transition | None:
    return next((t for t in TRANSITIONS if t.kind is kind and t.source.value == source and t.action == action), None)


def _slot_document(kind, slot: str) -> str:
    return next((s.document for s in APPROVAL_SLOTS if s.kind is kind and s.slot == slot and s.document), "")


def steps_taken(case: Case, history: Sequence[Any]) -> list[TakenStep]:
    taken, current, seen = [], None, set()
    for entry in history:
        t = _row(case.kind, current, entry.action)
        documents = t.documents if t else ()
        if entry.action.startswith(APPROVAL_PREFIX):
            # an approval signs the document of its slot; it produces it only where no step did (集体讨论记录)
            code = _slot_document(case.kind, entry.action.removeprefix(APPROVAL_PREFIX))
            documents = (code,) if code and code not in seen else ()
        seen.update(documents)
        taken.append(TakenStep(entry, current, t, documents))
        if "stage" in entry.after:
            current = entry.after["stage"]
    return taken


def produced_documents(case: Case, history: Sequence[Any]) -> list[tuple[str, TakenStep]]:
    return [(code, step) for step in steps_taken(case, history) for code in step.documents]


def pending_documents(case: Case, history: Sequence[Any]) -> list[tuple[str, str]]:
    """(document code, action) for the steps that can be taken from the current stage, each document
    once, leaving out those already produced since the case entered this stage."""
    taken = steps_taken(case, history)
    entered = max((i for i, step in enumerate(taken) if "stage" in step.entry.after), default=0)
    done = {code for step in taken[entered:] for code in step.documents}
    found = [(code, t.action) for t in transitions_from(case) for code in t.documents]
    found += [(s.document, s.slot) for s in APPROVAL_SLOTS
              if s.kind is case.kind and case.stage in s.stages and s.document]
    first: dict[str, str] = {}
    for code, action in found:
        if code not in done:
            first.setdefault(code, action)
    return list(first.items())


def required_documents(case: Case, history: Sequence[Any]) -> list[RequiredDocument]:
    """Every document the workflow of this kind of case asks for, in table order, with when the step
    needing it was last taken."""
    done: dict[str, datetime] = {}
    for code, step in produced_documents(case, history):
        done[code] = step.entry.at
    wanted: dict[str, str] = {}
    for t in TRANSITIONS:
        if t.kind is case.kind:
            for code in t.documents:
                wanted.setdefault(code, t.action)
    for s in APPROVAL_SLOTS:
        if s.kind is case.kind and s.document:
            wanted.setdefault(s.document, s.slot)
    return [RequiredDocument(code, action, done.get(code)) for code, action in wanted.items()]


def draft_documents(case: Case, name: str) -> list[str]:
    """The documents an approval of ``name`` (an action or an in-stage slot) signs off: the slot's,
    those the approving step produces, else those of the step that brought the case to its stage."""
    slot = _slot_document(case.kind, name)
    if slot:
        return [slot]
    own = [code for t in transitions_from(case) if t.action == name for code in t.documents]
    if own:
        return list(dict.fromkeys(own))
    leading = [code for t in TRANSITIONS if t.kind is case.kind and t.target is case.stage
               and t.source is not case.stage for code in t.documents]
    return list(dict.fromkeys(leading))
