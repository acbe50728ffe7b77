"""The field registry: every value a document template may use, with its Chinese label (for
"please fill in …" messages) and whether a document that prints it refuses to be made while it is
empty.

The context handed to templates is a nested dict of display-ready strings (plus ``party.is_person``,
a bool, and a few lists of dicts); paths are dotted (``case.number``, ``approvals.filing.opinion``).
A list field (``officers``, ``evidence``, ``parties``, ``measure.items``, ``contents``) is looped over in a
template and its items are reached as ``item.<key>``. ``dossier``, ``reference`` and ``contents`` are
filled for the parts made when the case file (卷宗) is exported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Field:
    path: str
    label: str
    required: bool = False  # a template that prints it cannot be rendered while it is empty
    items: Mapping[str, str] | None = None  # list fields: item key -> label
    boolean: bool = False  # never "empty": False is a value

    @property
    def is_list(self) -> bool:
        return self.items is not None


# The approval slots whose opinion, signer and date templates can print (case-independent names).
APPROVAL_SLOTS: Mapping[str, str] = MappingProxyType({
    "filing": "立案审批",
    "decision": "处罚决定审批",
    "legal_review": "法制审核",
    "closing": "结案审批",
    "measure": "行政强制措施审批",
    "measure_release": "解除行政强制措施审批",
    "enforcement": "强制执行审批",
    "case_review": "案件审核",
    "collective": "集体讨论",
})

_PARTY_KEYS: dict[str, str] = {
    "is_person": "是否自然人",
    "kind_name": "当事人类型",
    "name": "当事人姓名或名称",
    "id_label": "证件类型",
    "id_number": "身份证号码或统一社会信用代码",
    "legal_representative": "法定代表人",
    "phone": "联系电话",
    "address": "地址",
    "postcode": "邮政编码",
}
_PARTY_REQUIRED = frozenset({"kind_name", "name", "id_label", "address"})


def _fields() -> list[Field]:
    f: list[Field] = []

    def add(path: str, label: str, required: bool = False, **kw: object) -> None:
        f.append(Field(path, label, required, **kw))  # type: ignore[arg-type]

    # 执法机关
    add("bureau.name", "执法机关名称", True)
    add("bureau.code", "执法机关代字", True)
    add("bureau.address", "执法机关地址", True)
    add("bureau.phone", "执法机关联系电话", True)
    add("bureau.postcode", "执法机关邮政编码")
    add("bureau.review_body", "行政复议机关", True)
    add("bureau.court", "管辖人民法院", True)
    add("bureau.bank", "罚没款缴款银行", True)
    add("bureau.account_name", "罚没款账户名称", True)
    add("bureau.account_no", "罚没款账号", True)
    # 案件: dates set by later events (filed, decided, investigation ended) and optional data are not
    # required, so a form made before the event (立案审批表 before approval) can still be printed.
    add("case.number", "案件编号", True)
    add("case.cause", "案由", True)
    add("case.source", "案件来源", True)
    add("case.place", "违法行为发生地点", True)
    add("case.act_date", "违法行为发生时间", True)
    add("case.act_end_date", "违法行为终了时间")
    add("case.facts", "违法事实", True)
    add("case.legal_basis", "违法依据", True)
    add("case.penalty_basis", "处罚依据", True)
    add("case.matter_name", "执法事项名称")
    add("case.matter_code", "执法事项编码")
    add("case.kind_name", "案件类型", True)
    add("case.procedure", "适用程序", True)
    add("case.registered_date", "登记日期", True)
    add("case.filed_date", "立案日期")
    add("case.decided_date", "决定日期")
    add("case.investigation_end_date", "调查终结日期")
    add("case.fine", "罚款金额", True)
    add("case.fine_capitals", "罚款金额（大写）", True)
    add("case.penalty", "处罚内容", True)
    add("case.penalty_kind", "处罚种类", True)
    add("case.major", "是否重大案件", True)
    # 当事人 (the main party) and all parties
    for key, item_label in _PARTY_KEYS.items():
        add(f"party.{key}", item_label if item_label.startswith(("当事人", "是否")) else f"当事人{item_label}",
            key in _PARTY_REQUIRED, boolean=key == "is_person")
    add("parties", "全部当事人", items=MappingProxyType(dict(_PARTY_KEYS)))
    # 委托代理人 (often none)
    add("agent.name", "委托代理人姓名")
    add("agent.phone", "委托代理人联系电话")
    add("agent.id_number", "委托代理人身份证号码")
    # 执法人员: at least two on every case, so a template that lists them needs them
    add("officers", "执法人员", True,
        items=MappingProxyType({"index": "序号", "name": "姓名", "certificate_no": "执法证号"}))
    add("officers_text", "执法人员及执法证号", True)
    add("evidence", "证据", items=MappingProxyType(
        {"index": "序号", "name": "证据名称", "source": "来源", "date": "日期", "note": "备注"}))
    # 审批: blank until approved; forms print the empty boxes
    for slot, name in APPROVAL_SLOTS.items():
        add(f"approvals.{slot}.opinion", f"{name}意见")
        add(f"approvals.{slot}.name", f"{name}人")
        add(f"approvals.{slot}.date", f"{name}日期")
    # 本文书
    add("document.code", "文书代码")
    add("document.name", "文书名称", True)
    add("document.number", "文号", True)
    add("document.date", "文书日期", True)
    # the case's decision (决定书), cited by later documents: empty until one has its 文号
    add("decision.name", "决定书名称")
    add("decision.number", "决定书文号")
    add("decision.date", "决定书日期")
    add("decision.reference", "决定书名称及文号")  # 行政处罚决定书（江海市监罚〔2026〕12号）
    # 救济途径
    add("appeal.review_body", "行政复议机关", True)
    add("appeal.review_days", "申请行政复议期限（日）", True)
    add("appeal.court", "行政诉讼管辖法院", True)
    add("appeal.lawsuit_months", "提起行政诉讼期限（月）", True)
    # 缴款
    add("payment.days", "缴款期限（日）", True)
    add("payment.bank", "缴款银行", True)
    add("payment.account_name", "收款账户名称", True)
    add("payment.account_no", "收款账号", True)
    add("payment.late_rate", "加处罚款比例", True)
    # 听证
    add("hearing.date", "听证时间", True)
    add("hearing.place", "听证地点", True)
    add("hearing.host", "听证主持人", True)
    # 行政强制措施
    add("measure.items", "场所、设施、财物清单", True, items=MappingProxyType(
        {"index": "序号", "name": "名称", "spec": "规格", "quantity": "数量", "note": "备注"}))
    add("measure.place", "强制措施实施地点", True)
    add("measure.start_date", "强制措施起始日期", True)
    add("measure.end_date", "强制措施截止日期", True)
    # 卷宗 (made at export: cover, table of contents, 备考表)
    add("dossier.volume_name", "卷别", True)
    add("dossier.pages", "本卷页数", True)
    add("dossier.retention", "保管期限", True)
    add("dossier.archive_no", "归档号")
    add("contents", "卷内文件目录", True, items=MappingProxyType(
        {"index": "序号", "number": "文号", "responsible": "责任者", "title": "题名", "date": "日期", "pages": "页号"}))
    add("reference.pages", "卷内文件页数", True)
    add("reference.note", "卷内情况说明")
    add("reference.compiler", "立卷人")
    add("reference.checker", "检查人")
    add("reference.date", "立卷时间")
    add("today", "当日日期", True)
    return f


FIELDS: Mapping[str, Field] = MappingProxyType({field.path: field for field in _fields()})
# The first names of all paths ("case", "party", "today"…): a loop variable may not hide one.
ROOTS: frozenset[str] = frozenset(path.split(".")[0] for path in FIELDS)
# Every strict prefix of a path ("approvals", "approvals.filing"): a group, not a value.
GROUPS: frozenset[str] = frozenset(
    ".".join(parts[:i]) for parts in (p.split(".") for p in FIELDS) for i in range(1, len(parts)))


def is_known(path: str) -> bool:
    """A registry field (a value or a list), not a group such as ``case``."""
    return path in FIELDS


def field(path: str) -> Field:
    """The registry entry; KeyError for an unknown path."""
    return FIELDS[path]


def is_list(path: str) -> bool:
    f = FIELDS.get(path)
    return f is not None and f.is_list


def item_keys(path: str) -> Mapping[str, str]:
    """The keys of the items of the list field ``path`` (key -> label); empty for a non-list."""
    f = FIELDS.get(path)
    return f.items if f is not None and f.items is not None else MappingProxyType({})


def label(path: str) -> str:
    """The Chinese label (``party.address`` -> 当事人住所（地址）); the path itself if unknown."""
    f = FIELDS.get(path)
    return f.label if f is not None else path


def is_required(path: str) -> bool:
    f = FIELDS.get(path)
    return f is not None and f.required


def value_at(context: Mapping[str, object], path: str) -> object:
    """The value at a dotted path of a nested mapping, or None where any step is missing."""
    value: object = context
    for step in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
        if value is None:
            return None
    return value


def is_empty(value: object) -> bool:
    """No value to print: None, blank text, or an empty list. False and 0 are values."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | Mapping):
        return len(value) == 0
    return False
