"""The case file (案件): kinds, stages and the record the workflow acts on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app.domain.deadlines import DeadlineInputs, Extension, Pause
from app.domain.errors import ValidationError
from app.domain.money import check_fen
from app.domain.parties import Party, PartyRole


class CaseKind(StrEnum):
    PENALTY_ORDINARY = "penalty_ordinary"  # 行政处罚 普通程序
    PENALTY_SIMPLE = "penalty_simple"  # 行政处罚 简易程序 (当场处罚)
    COERCIVE = "coercive"  # 行政强制: 查封/扣押/冻结 and enforcement
    INSPECTION = "inspection"  # 行政检查


class Stage(StrEnum):
    REGISTERED = "registered"  # 案件来源登记
    FILING_REVIEW = "filing_review"  # 立案审批
    NOT_FILED = "not_filed"  # 不予立案
    INVESTIGATING = "investigating"  # 调查取证
    INVESTIGATION_ENDED = "investigation_ended"  # 调查终结 / 案件审核 / 法制审核
    NOTIFIED = "notified"  # 事先告知 (陈述申辩 / 听证 window)
    HEARING = "hearing"  # 听证
    DELIBERATION = "deliberation"  # 待决定 (集体讨论, 法制审核 after a hearing)
    DECISION_REVIEW = "decision_review"  # 决定审批
    DECIDED = "decided"  # 决定 made (approved, then sealed)
    SERVED = "served"  # 送达, the party's payment period runs
    MEASURE_REVIEW = "measure_review"  # 行政强制措施审批
    MEASURE_IN_FORCE = "measure_in_force"  # 查封/扣押/冻结 in force
    MEASURE_RELEASED = "measure_released"  # 解除 or 处理决定
    REMINDED = "reminded"  # 催告 served
    ENFORCEMENT = "enforcement"  # 强制执行 applied / decided
    INSPECTING = "inspecting"  # 检查实施
    INSPECTED = "inspected"  # 检查结果
    EXECUTED = "executed"  # 执行完毕
    TRANSFERRED = "transferred"  # 移送
    CLOSED = "closed"  # 结案
    ARCHIVED = "archived"  # 归档


TERMINAL_STAGES = frozenset({Stage.NOT_FILED, Stage.TRANSFERRED, Stage.ARCHIVED})


class ApprovalDecision(StrEnum):
    APPROVED = "approved"
    RETURNED = "returned"  # 退回 with a comment


@dataclass(frozen=True)
class Approval:
    slot: str  # e.g. "filing", "legal_review", "decision" (审批栏)
    decision: ApprovalDecision
    actor_id: str
    actor_name: str
    role: str
    at: datetime
    comment: str = ""


@dataclass(frozen=True)
class Lead:
    """A case source (案件来源) as an officer registers it."""

    kind: CaseKind
    matter_code: str
    cause: str  # 案由
    source: str  # 案件来源: 举报, 检查发现, 移送, ...
    discovered_on: date
    act_date: date
    place: str
    parties: tuple[Party, ...]
    officer_uuids: tuple[str, ...] = ()
    act_end_date: date | None = None  # a continuing act counts from its end
    facts: str = ""
    serious_harm: bool = False  # life, health or financial security involved and harm resulted (5-year limit)
    major: bool = False  # 重大案件: 法制审核 + 集体讨论
    proposed_fine_fen: int = 0

    def validate(self, today: date) -> None:
        """Refuse impossible input, naming the field and the rule."""
        try:
            CaseKind(self.kind)
        except ValueError as exc:
            raise ValidationError("{field}: unknown case kind {value!r}", field="kind", rule="case.kind",
                                  value=self.kind) from exc
        for name in ("cause", "source", "place", "matter_code"):
            if not str(getattr(self, name) or "").strip():
                raise ValidationError("{field}: this field is required", field=name, rule="required")
        for name in ("discovered_on", "act_date"):
            value = getattr(self, name)
            if not isinstance(value, date) or isinstance(value, datetime):  # a datetime cannot compare with a date
                raise ValidationError("{field}: not a date", field=name, rule="date")
            if value > today:
                raise ValidationError("{field}: {value} lies in the future", field=name, rule="date.future",
                                      value=value.isoformat())
        if self.act_date > self.discovered_on:
            raise ValidationError("{field}: the act ({act}) cannot happen after it was discovered ({found})",
                                  field="act_date", rule="date.order", act=self.act_date.isoformat(),
                                  found=self.discovered_on.isoformat())
        if self.act_end_date is not None and not (self.act_date <= self.act_end_date <= today):
            raise ValidationError("{field}: the end of a continuing act must lie between its start and today",
                                  field="act_end_date", rule="date.order")
        check_fen(self.proposed_fine_fen, "proposed_fine_fen")
        if not any(p.role is PartyRole.PARTY for p in self.parties):
            raise ValidationError("{field}: a case needs at least one party", field="parties",
                                  rule="case.parties")


@dataclass(frozen=True)
class Case:
    uuid: str
    number: str  # 案号 after filing; a temporary number (临时编号) before
    bureau_code: str
    kind: CaseKind
    stage: Stage
    matter_code: str
    matter_name: str
    cause: str
    source: str
    act_date: date
    place: str
    parties: tuple[Party, ...] = ()
    officer_uuids: tuple[str, ...] = ()
    act_end_date: date | None = None
    facts: str = ""
    legal_basis: str = ""
    serious_harm: bool = False
    major: bool = False
    proposed_fine_fen: int = 0
    fine_fen: int = 0  # assessed by the decision
    paid_fen: int = 0
    events: dict[str, date] = field(default_factory=dict)
    pauses: tuple[Pause, ...] = ()
    extensions: tuple[Extension, ...] = ()
    approvals: tuple[Approval, ...] = ()
    version: int = 0  # change counter: a write must name the version it read
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def filed(self) -> bool:
        return "filed" in self.events

    @property
    def suspended(self) -> bool:
        return any(p.kind == "suspension" and p.end is None for p in self.pauses)

    @property
    def open_pause(self) -> Pause | None:
        return next((p for p in self.pauses if p.end is None), None)

    @property
    def party_names(self) -> str:
        return "、".join(p.name for p in self.parties if p.role is PartyRole.PARTY)

    def deadline_inputs(self) -> DeadlineInputs:
        return DeadlineInputs(kind=self.kind.value, events=self.events, pauses=self.pauses,
                              extensions=self.extensions)

    def last_approval(self, slot: str) -> Approval | None:
        found = [a for a in self.approvals if a.slot == slot]
        return found[-1] if found else None

    def approved(self, slot: str, since: date | None = None) -> bool:
        """True when the latest decision in ``slot`` is an approval (given on/after ``since``)."""
        last = self.last_approval(slot)
        if last is None or last.decision is not ApprovalDecision.APPROVED:
            return False
        return since is None or last.at.date() >= since

    def amount_due_fen(self) -> int:
        return max(self.fine_fen - self.paid_fen, 0)
