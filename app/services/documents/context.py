"""The fields a document template sees, assembled from the case, its matter, officers, approvals, the
bureau profile and the case's own documents. Every value is a display-ready Chinese string (documents
are Chinese whatever the UI language), so templates never format anything themselves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.documents.cn_format import amount_in_capitals, chinese_count, chinese_date, yuan_figures
from app.domain.cases import Case, CaseKind
from app.domain.catalogue import Matter
from app.domain.documents import DocumentType
from app.domain.officers import Officer
from app.domain.parties import Party, PartyKind, PartyRole

KIND_NAMES = {CaseKind.PENALTY_ORDINARY: "行政处罚", CaseKind.PENALTY_SIMPLE: "行政处罚",
              CaseKind.COERCIVE: "行政强制", CaseKind.INSPECTION: "行政检查"}
PROCEDURES = {CaseKind.PENALTY_ORDINARY: "普通程序", CaseKind.PENALTY_SIMPLE: "简易程序",
              CaseKind.COERCIVE: "行政强制程序", CaseKind.INSPECTION: "行政检查程序"}
APPROVAL_SLOTS = ("filing", "decision", "legal_review", "closing", "measure", "measure_release", "enforcement",
                  "case_review", "collective")
SHANGHAI_TZ = ZoneInfo("Asia/Shanghai")
DECISION_CODES = ("XZCFJDS", "DCCFJDS", "BYCFJDS", "QZCSJDS")  # the decision later documents cite
DEFAULT_DECISION = {CaseKind.PENALTY_ORDINARY: "行政处罚决定", CaseKind.PENALTY_SIMPLE: "当场行政处罚决定",
                    CaseKind.COERCIVE: "行政强制措施决定"}
SLOT_NAMES = {"collective_discussion": "collective"}  # workflow slot -> template field name
REVIEW_DAYS, LAWSUIT_MONTHS, PAYMENT_DAYS = 60, 6, 15  # 行政复议法 Art. 20; 行政诉讼法 Art. 46; 行政处罚法 Art. 67


@dataclass(frozen=True)
class DecisionRef:
    """The case's decision as later documents cite it (名称, 文号, 日期)."""

    name: str
    number: str
    day: date | None


@dataclass(frozen=True)
class EvidenceLine:
    name: str
    source: str
    day: date | None
    note: str = ""


def _date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(SHANGHAI_TZ).date() if value.tzinfo else value.date()
    return chinese_date(value)


def _party(p: Party) -> dict[str, Any]:
    person = p.kind is PartyKind.PERSON
    return {"is_person": person, "kind_name": "自然人" if person else "法人或其他组织", "name": p.name,
            "id_label": "身份证号码" if person else "统一社会信用代码", "id_number": p.id_number,
            "legal_representative": p.legal_representative, "phone": p.phone, "address": p.address,
            "postcode": p.postcode}


def _penalty(case: Case) -> tuple[str, str]:
    """(penalty kind, penalty content) as the decision states them; before the decision, the fine
    proposed (告知书, 调查终结报告 and the review forms print what is intended)."""
    fine = case.fine_fen or (0 if "decided" in case.events else case.proposed_fine_fen)
    if fine > 0:
        return "罚款", f"罚款人民币{yuan_figures(fine)}元（大写：{amount_in_capitals(fine)}）"
    if "decided" in case.events and case.kind in (CaseKind.PENALTY_ORDINARY, CaseKind.PENALTY_SIMPLE):
        return "警告", "警告"
    return "", ""


def _decision(case: Case, ref: DecisionRef | None) -> dict[str, str]:
    if ref is None:
        name = DEFAULT_DECISION.get(case.kind, "行政决定")
        return {"name": name, "number": "", "date": "", "reference": name}
    return {"name": ref.name, "number": ref.number, "date": _date(ref.day),
            "reference": f"{ref.name}（{ref.number}）" if ref.number else ref.name}


def _approvals(case: Case) -> dict[str, dict[str, str]]:
    found = {slot: {"opinion": "", "name": "", "date": ""} for slot in APPROVAL_SLOTS}
    for a in case.approvals:  # the latest decision per slot wins
        opinion = a.comment or ("同意。" if a.decision == "approved" else "退回。")
        found[SLOT_NAMES.get(a.slot, a.slot)] = {"opinion": opinion, "name": a.actor_name, "date": _date(a.at)}
    return found


def build_context(*, case: Case, matter: Matter | None, officers: Sequence[Officer], bureau: Any,
                  doc_type: DocumentType, number: str, issued_on: date, evidence: Sequence[EvidenceLine] = (),
                  decision: DecisionRef | None = None, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The template fields for one document of one case. ``bureau`` is the bureau profile (a
    profile without the optional fields reads them as empty); ``extra`` adds namespaces (the 卷宗
    export passes ``contents``, ``reference`` and ``dossier``)."""
    parties = [p for p in case.parties if p.role is PartyRole.PARTY]
    agents = [p for p in case.parties if p.role is PartyRole.AGENT]
    first = _party(parties[0]) if parties else _party(Party(PartyKind.PERSON, "", ""))
    kind, content = _penalty(case)
    b = {name: str(getattr(bureau, name, "") or "") for name in
         ("name", "code", "address", "phone", "postcode", "review_body", "court", "bank", "account_name",
          "account_no")}
    ordered = sorted(officers, key=lambda o: case.officer_uuids.index(o.uuid) if o.uuid in case.officer_uuids else 99)
    officer_items = [{"index": str(i), "name": o.name, "certificate_no": o.certificate_no}
                     for i, o in enumerate(ordered, 1)]
    ev = case.events
    context: dict[str, Any] = {
        "bureau": b,
        "case": {
            "number": case.number, "cause": case.cause, "source": case.source, "place": case.place,
            "act_date": _date(case.act_date), "act_end_date": _date(case.act_end_date), "facts": case.facts,
            "legal_basis": (matter.legal_basis if matter else "") or case.legal_basis,
            "penalty_basis": matter.penalty_basis if matter else "",
            "matter_name": case.matter_name or (matter.name if matter else ""), "matter_code": case.matter_code,
            "kind_name": KIND_NAMES.get(case.kind, ""), "procedure": PROCEDURES.get(case.kind, ""),
            "registered_date": _date(case.created_at), "filed_date": _date(ev.get("filed")),
            "decided_date": _date(ev.get("decided")), "investigation_end_date": _date(ev.get("investigation_ended")),
            "fine": yuan_figures(case.fine_fen) if case.fine_fen else "",
            "fine_capitals": amount_in_capitals(case.fine_fen) if case.fine_fen else "",
            "penalty": content, "penalty_kind": kind, "major": "是" if case.major else "否",
        },
        "party": first,
        "parties": [_party(p) for p in parties],
        "agent": {"name": agents[0].name if agents else "", "phone": agents[0].phone if agents else "",
                  "id_number": agents[0].id_number if agents else ""},
        "officers": officer_items,
        "officers_text": "、".join(f"{o['name']}（执法证号 {o['certificate_no']}）" for o in officer_items),
        "evidence": [{"index": str(i), "name": e.name, "source": e.source, "date": _date(e.day), "note": e.note}
                     for i, e in enumerate(evidence, 1)],
        "approvals": _approvals(case),
        "document": {"code": doc_type.code, "name": doc_type.name, "number": number, "date": _date(issued_on)},
        "decision": _decision(case, decision),
        "appeal": {"review_body": b["review_body"], "review_days": chinese_count(REVIEW_DAYS), "court": b["court"],
                   "lawsuit_months": chinese_count(LAWSUIT_MONTHS)},
        "payment": {"days": chinese_count(PAYMENT_DAYS), "bank": b["bank"], "account_name": b["account_name"],
                    "account_no": b["account_no"], "late_rate": "百分之三"},
        "hearing": {"date": _date(ev.get("hearing_held")), "place": "", "host": ""},
        "measure": {"items": [], "place": case.place, "start_date": _date(ev.get("measure_started")),
                    "end_date": _date(ev.get("measure_released"))},
        "today": _date(issued_on),
    }
    if extra:
        context.update(extra)
    return context
