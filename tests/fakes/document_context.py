"""A complete, realistic field context for document templates: every registry field filled with
display-ready Chinese text, as the document service builds it for an ordinary penalty case against
an organisation (江门市江海区鸿运食品商行, 刘芳) handled by 王明 and 李强.

``full_context()`` returns a fresh deep copy; pass ``overrides`` as dotted paths
(``full_context(**{"party.address": ""})``) or use :func:`with_values`.
"""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from app.documents.cn_format import amount_in_capitals, chinese_count, chinese_date, yuan_figures

FINE_FEN = 12_000_00

_PARTY = {
    "is_person": False,
    "kind_name": "法人或其他组织",
    "name": "江门市江海区鸿运食品商行",
    "id_label": "统一社会信用代码",
    "id_number": "91440704MA51XK2L3B",
    "legal_representative": "刘芳",
    "phone": "0750-3861234",
    "address": "江门市江海区礼乐街道五邑路8号",
    "postcode": "529040",
}
_SECOND_PARTY = {
    "is_person": True,
    "kind_name": "自然人",
    "name": "张伟",
    "id_label": "身份证号码",
    "id_number": "440704198503150035",
    "legal_representative": "",
    "phone": "13800138000",
    "address": "江门市江海区外海街道金瓯路18号",
    "postcode": "529080",
}
_OFFICERS = [
    {"index": "1", "name": "王明", "certificate_no": "44070420001"},
    {"index": "2", "name": "李强", "certificate_no": "44070420002"},
]


def _approval(opinion: str, name: str, day: date) -> dict[str, str]:
    return {"opinion": opinion, "name": name, "date": chinese_date(day)}


_CONTEXT: dict[str, Any] = {
    "bureau": {
        "name": "江门市江海区市场监督管理局",
        "code": "江海市监",
        "address": "江门市江海区东海路268号",
        "phone": "0750-3812345",
        "postcode": "529000",
        "review_body": "江门市江海区人民政府",
        "court": "江门市江海区人民法院",
        "bank": "中国工商银行江门江海支行",
        "account_name": "江门市江海区财政局非税收入汇缴结算户",
        "account_no": "2012002309024567890",
    },
    "case": {
        "number": "江海市监立〔2026〕15号",
        "cause": "销售超过保质期的食品案",
        "source": "群众举报",
        "place": "江门市江海区礼乐街道五邑路8号",
        "act_date": chinese_date(date(2026, 2, 20)),
        "act_end_date": chinese_date(date(2026, 2, 27)),
        "facts": ("2026年2月27日，本局执法人员对当事人经营场所进行检查，发现其货架上陈列销售超过保质期的"
                  "“鸿运牌”饼干十二包，标示保质期至2026年1月31日。\n"
                  "经查，当事人于2026年1月购进上述饼干共二十包，已售出八包，违法所得共计人民币九十六元。"),
        "legal_basis": "《中华人民共和国食品安全法》第三十四条第十项",
        "penalty_basis": "《中华人民共和国食品安全法》第一百二十四条第一款第五项",
        "matter_name": "销售超过保质期的食品",
        "matter_code": "SJ-CF-001",
        "kind_name": "行政处罚（普通程序）",
        "procedure": "普通程序",
        "registered_date": chinese_date(date(2026, 2, 27)),
        "filed_date": chinese_date(date(2026, 3, 2)),
        "decided_date": chinese_date(date(2026, 5, 11)),
        "investigation_end_date": chinese_date(date(2026, 4, 20)),
        "fine": yuan_figures(FINE_FEN),
        "fine_capitals": amount_in_capitals(FINE_FEN),
        "penalty": "一、没收违法所得人民币九十六元；二、罚款人民币壹万贰仟元整。",
        "penalty_kind": "没收违法所得、罚款",
        "major": "否",
    },
    "party": dict(_PARTY),
    "parties": [dict(_PARTY), dict(_SECOND_PARTY)],
    "agent": {"name": "黄志明", "phone": "13912345678", "id_number": "440703197802120413"},
    "officers": [dict(o) for o in _OFFICERS],
    "officers_text": "、".join(f"{o['name']}（执法证号 {o['certificate_no']}）" for o in _OFFICERS),
    "evidence": [
        {"index": "1", "name": "现场笔录", "source": "执法人员现场制作", "date": chinese_date(date(2026, 2, 27)),
         "note": "共2页"},
        {"index": "2", "name": "现场照片", "source": "执法人员拍摄", "date": chinese_date(date(2026, 2, 27)),
         "note": "共6张"},
        {"index": "3", "name": "进货单据复印件", "source": "当事人提供", "date": chinese_date(date(2026, 3, 5)),
         "note": "经当事人签名确认"},
    ],
    "approvals": {
        "filing": _approval("同意立案，由王明、李强承办。", "陈国华", date(2026, 3, 2)),
        "decision": _approval("同意按拟处理意见作出行政处罚决定。", "周建平", date(2026, 5, 10)),
        "legal_review": _approval("事实清楚，证据确凿，适用依据正确，程序合法，处罚适当。", "孙丽", date(2026, 5, 6)),
        "closing": _approval("同意结案。", "周建平", date(2026, 6, 15)),
        "measure": _approval("同意对涉案饼干实施查封。", "周建平", date(2026, 2, 27)),
        "measure_release": _approval("同意解除查封。", "周建平", date(2026, 4, 22)),
        "enforcement": _approval("同意申请人民法院强制执行。", "周建平", date(2026, 9, 1)),
        "case_review": _approval("同意调查终结报告意见。", "陈国华", date(2026, 4, 21)),
        "collective": _approval("经集体讨论，同意罚款人民币壹万贰仟元整。", "周建平", date(2026, 5, 8)),
    },
    "document": {
        "code": "XZCFJDS",
        "name": "行政处罚决定书",
        "number": "江海市监罚〔2026〕12号",
        "date": chinese_date(date(2026, 5, 11)),
    },
    "appeal": {
        "review_body": "江门市江海区人民政府",
        "review_days": chinese_count(60),
        "court": "江门市江海区人民法院",
        "lawsuit_months": chinese_count(6),
    },
    "payment": {
        "days": chinese_count(15),
        "bank": "中国工商银行江门江海支行",
        "account_name": "江门市江海区财政局非税收入汇缴结算户",
        "account_no": "2012002309024567890",
        "late_rate": "百分之三",
    },
    "hearing": {
        "date": "二〇二六年四月三十日上午九时",
        "place": "江门市江海区市场监督管理局三楼听证室",
        "host": "孙丽",
    },
    "measure": {
        "items": [
            {"index": "1", "name": "“鸿运牌”饼干", "spec": "200克/包", "quantity": "12包", "note": "已过保质期"},
            {"index": "2", "name": "货架", "spec": "1.2米×0.6米", "quantity": "1个", "note": ""},
        ],
        "place": "江门市江海区礼乐街道五邑路8号仓库",
        "start_date": chinese_date(date(2026, 2, 27)),
        "end_date": chinese_date(date(2026, 3, 28)),
    },
    "dossier": {"volume_name": "正卷", "pages": "48", "retention": "永久", "archive_no": "JHSJJ-2026-CF-0015"},
    "contents": [
        {"index": "1", "number": "", "responsible": "江门市江海区市场监督管理局", "title": "立案审批表",
         "date": chinese_date(date(2026, 3, 2)), "pages": "1"},
        {"index": "2", "number": "江海市监罚〔2026〕12号", "responsible": "江门市江海区市场监督管理局",
         "title": "行政处罚决定书", "date": chinese_date(date(2026, 5, 11)), "pages": "2-4"},
        {"index": "3", "number": "", "responsible": "王明、李强", "title": "送达回证",
         "date": chinese_date(date(2026, 5, 12)), "pages": "5"},
    ],
    "reference": {"pages": "48", "note": "卷内无缺损、修改、补充、移出、销毁情况。", "compiler": "王明",
                  "checker": "陈国华", "date": chinese_date(date(2026, 6, 20))},
    "today": chinese_date(date(2026, 3, 2)),
}


def full_context(**overrides: object) -> dict[str, Any]:
    """A fresh copy of the complete context; ``overrides`` by dotted path (``party.address``)."""
    return with_values(copy.deepcopy(_CONTEXT), overrides)


def with_values(context: dict[str, Any], values: dict[str, object]) -> dict[str, Any]:
    """``context`` with each dotted path set (groups created as needed). Changes it in place."""
    for path, value in values.items():
        *groups, last = path.split(".")
        target = context
        for group in groups:
            target = target.setdefault(group, {})
        target[last] = value
    return context


def without(context: dict[str, Any], *paths: str) -> dict[str, Any]:
    """``context`` with each dotted path removed. Changes it in place."""
    for path in paths:
        *groups, last = path.split(".")
        target = context
        for group in groups:
            target = target.get(group, {})
        target.pop(last, None)
    return context
