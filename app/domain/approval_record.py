"""The canonical record an approver signs: who decided what, when, in which case and slot, with the
SHA-256 of the document the approval is for. Canonical JSON (sorted keys, no spaces, UTF-8) so the same
record always gives the same bytes, and a later check can say exactly which part no longer matches."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

FIELD_NAMES_ZH = {
    "case_uuid": "案件", "case_number": "案号", "slot": "审批栏", "decision": "审批结论", "actor_id": "审批人账号",
    "actor_name": "审批人", "role": "审批身份", "at": "审批时间", "comment": "审批意见",
    "document_code": "所批文书", "document_sha256": "所批文书内容",
}


@dataclass(frozen=True)
class ApprovalRecord:
    case_uuid: str
    case_number: str
    slot: str
    decision: str
    actor_id: str
    actor_name: str
    role: str
    at: str  # ISO 8601 with offset
    comment: str
    document_code: str  # "" when the slot approves no document of its own
    document_sha256: str  # of the document's version current at signing ("" when none was generated)

    @classmethod
    def of(cls, *, case_uuid: str, case_number: str, slot: str, decision: str, actor_id: str, actor_name: str,
           role: str, at: datetime, comment: str, document_code: str = "",
           document_sha256: str = "") -> ApprovalRecord:
        return cls(case_uuid, case_number, slot, str(decision), actor_id, actor_name, str(role),
                   at.isoformat(timespec="seconds"), comment, document_code, document_sha256)

    def canonical(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

    @classmethod
    def parse(cls, payload: bytes | str) -> ApprovalRecord:
        data = json.loads(payload)
        return cls(**{name: str(data.get(name, "")) for name in cls.__dataclass_fields__})

    def differences(self, other: ApprovalRecord) -> list[str]:
        """The fields whose values differ (``other`` is the record as the case holds it now)."""
        mine, theirs = asdict(self), asdict(other)
        return [name for name in mine if mine[name] != theirs[name]]


def approved_document(kind: object, slot: str) -> str:
    """The document an approval in ``slot`` is given on: the slot's own form (立案审批表 for filing, 法制审核表
    …), else what the approving step produces, else what the step submitting it for approval produced (the
    decision approval is given on the 决定书 drafted when the decision was submitted)."""
    from app.domain.workflow_table import APPROVAL_SLOTS, TRANSITIONS

    own = next((s.document for s in APPROVAL_SLOTS if s.kind == kind and s.slot == slot and s.document), "")
    if own:
        return own
    for t in TRANSITIONS:  # the step giving the approval (not the one declining it)
        if t.kind != kind or t.approval_slot != slot or t.approval_decision != "approved":
            continue
        if t.documents:
            return t.documents[0]
        submitted = [s for s in TRANSITIONS if s.kind == kind and s.target is t.source and s.source is not t.source
                     and s.documents]
        if submitted:
            return submitted[0].documents[0]
    return ""
