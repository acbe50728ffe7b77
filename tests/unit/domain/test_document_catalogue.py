"""The document catalogue (执法文书目录): the shipped catalogue agrees with the workflow table, binds per
DOMAIN.md, has a well-formed template spec per type; bad catalogues are refused naming the entry and
field; a bureau's file adds or replaces types by code."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from app.documents import fields as registry
from app.documents.builder import build_template
from app.domain.cases import CaseKind, Stage
from app.domain.documents import (
    DOSSIER_PARTS,
    DocumentCatalogue,
    DocumentType,
    Volume,
    parse_document_catalogue,
)
from app.domain.errors import NotFound, ValidationError
from app.domain.i18n import set_language
from app.domain.workflow_table import APPROVAL_SLOTS, TRANSITIONS

ROOT = Path(__file__).resolve().parents[3]
RESOURCES = ROOT / "resources" / "documents"
ORD, SIM, COE, INS = CaseKind.PENALTY_ORDINARY, CaseKind.PENALTY_SIMPLE, CaseKind.COERCIVE, CaseKind.INSPECTION

WORKFLOW_SLOTS = {t.approval_slot for t in TRANSITIONS if t.approval_slot} | {s.slot for s in APPROVAL_SLOTS}
WORKFLOW_EVENTS = {e for t in TRANSITIONS for e in t.sets_events}

# The core set of DOMAIN.md "Documents (执法文书)" with the evidence list of the 卷宗.
CORE = {
    "AJLYDJB": "案件来源登记表", "LASPB": "立案审批表", "BYLASPB": "不予立案审批表", "XCBL": "现场笔录",
    "XWBL": "询问笔录", "ZJTQD": "证据提取单", "XXDJBCTZS": "先行登记保存证据通知书", "QZCSJDS": "实施行政强制措施决定书",
    "YCQZCSJDS": "延长行政强制措施决定书", "JCQZCSJDS": "解除行政强制措施决定书", "ZLGZTZS": "责令改正通知书",
    "DCZJBG": "案件调查终结报告", "FZSHB": "法制审核表", "XZCFGZS": "行政处罚告知书", "CSSBBL": "陈述申辩笔录",
    "TZTZS": "听证通知书", "TZBL": "听证笔录", "JTTLJL": "集体讨论记录", "XZCFJDS": "行政处罚决定书",
    "DCCFJDS": "当场行政处罚决定书", "BYCFJDS": "不予行政处罚决定书", "YQFK": "延期/分期缴纳罚款通知书",
    "LXCGS": "履行催告书", "QZZXSQ": "强制执行申请书", "SDDZQRS": "送达地址确认书", "SDHZ": "送达回证",
    "SDGG": "送达公告", "JASPB": "结案审批表", "JZFM": "卷宗封面", "JNWJML": "卷内文件目录", "JNBKB": "卷内备考表",
    "ZJQD": "证据清单",
}
SERIES = {"XZCFJDS": "罚", "DCCFJDS": "当罚", "BYCFJDS": "不罚", "XZCFGZS": "告", "QZCSJDS": "强", "YCQZCSJDS": "强",
          "JCQZCSJDS": "强", "LXCGS": "催", "ZLGZTZS": "责改", "TZTZS": "听"}


def _data() -> dict:
    return json.loads((RESOURCES / "catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalogue() -> DocumentCatalogue:
    return DocumentCatalogue.parse(_data(), known_fields=registry.is_known, known_slots=WORKFLOW_SLOTS.__contains__,
                                   known_events=WORKFLOW_EVENTS.__contains__)


def _entry(**changes) -> dict:
    entry = {"code": "TEST", "name": "测试文书", "kinds": ["penalty_ordinary"], "stages": ["investigating"],
             "approvals": [], "served": False, "frozen_by": ["closed"], "volume": "main", "binding_order": 500}
    entry.update(changes)
    return entry


# ---- the shipped catalogue --------------------------------------------------------------------------


def test_the_shipped_catalogue_parses_with_the_core_set_of_the_domain(catalogue):
    assert {code: catalogue.get(code).name for code in CORE} == CORE
    assert len(catalogue) >= 32
    assert all(t.template == t.code for t in catalogue)


def test_every_document_the_workflow_produces_is_in_the_catalogue(catalogue):
    codes = {c for t in TRANSITIONS for c in t.documents} | {s.document for s in APPROVAL_SLOTS if s.document}
    assert codes and not codes - set(catalogue.codes)


def test_a_document_is_offered_in_the_kind_and_stage_where_the_workflow_produces_it(catalogue):
    for t in TRANSITIONS:
        for code in t.documents:
            assert catalogue.get(code).used_in(t.kind, t.source), (code, t.kind, t.source, t.action)
            assert catalogue.get(code) in catalogue.for_stage(t.kind, t.source)
    for slot in APPROVAL_SLOTS:
        if slot.document:
            doc = catalogue.get(slot.document)
            assert slot.kind in doc.kinds and slot.stages <= set(doc.stages), slot


def test_approvals_and_freezing_events_are_those_of_the_workflow(catalogue):
    for t in catalogue:
        assert set(t.approvals) <= WORKFLOW_SLOTS, t.code
        assert set(t.frozen_by) <= WORKFLOW_EVENTS, t.code
    assert catalogue.get("XZCFJDS").approvals == ("decision",)
    assert {"decision_sealed", "served"} <= set(catalogue.get("XZCFJDS").frozen_by)
    assert "notice_served" in catalogue.get("XZCFGZS").frozen_by
    assert catalogue.get("QZCSJDS").approvals == ("measure",)
    assert catalogue.get("JCQZCSJDS").approvals == ("measure_release",)
    assert catalogue.get("QZZXSQ").approvals == ("enforcement",)
    assert catalogue.get("LASPB").approvals == ()  # it is the approval form
    assert catalogue.get("SDHZ").required_fields == ("party.address",)


def test_served_documents_freeze_when_served_or_later(catalogue):
    for t in catalogue:
        if t.served:
            assert t.frozen_by, t.code
    doc = catalogue.get("XZCFJDS")
    assert not doc.frozen({"filed", "decided"}) and doc.frozen({"filed", "decided", "decision_sealed"})


def test_number_series(catalogue):
    assert {t.code: t.number_series for t in catalogue if t.number_series} == SERIES
    assert [t.code for t in catalogue.numbered()] == [c for c in catalogue.codes if c in SERIES]


def test_evidence_records(catalogue):
    assert {t.code for t in catalogue.evidence_types()} == {"XCBL", "XWBL", "ZJTQD"}


def test_binding_positions_are_unique_within_a_volume(catalogue):
    for volume in Volume:
        orders = [t.binding_order for t in catalogue if t.volume is volume]
        assert len(orders) == len(set(orders)), volume


def test_binding_order_follows_the_domain(catalogue):
    main = [t.code for t in catalogue.binding(Volume.MAIN)]
    assert main[:2] == ["JZFM", "JNWJML"] and main[-1] == "JNBKB"
    # 立案审批表, 决定书, other documents served on the party, 送达回证, hearing/inquiry records, evidence
    sequence = ["LASPB", "XZCFJDS", "XZCFGZS", "SDHZ", "TZBL", "XWBL", "ZJQD", "ZJTQD"]
    assert [main.index(c) for c in sequence] == sorted(main.index(c) for c in sequence)
    secondary = [t.code for t in catalogue.binding(Volume.SECONDARY)]
    # each volume has its cover, contents and 备考表: the main volume's entries serve both
    assert secondary == ["JZFM", "JNWJML", "AJLYDJB", "DCZJBG", "FZSHB", "JTTLJL", "JASPB", "JNBKB"]
    assert catalogue.dossier_part("cover", Volume.SECONDARY).code == "JZFM"
    assert catalogue.dossier_part("evidence_list", Volume.SECONDARY) is None
    assert catalogue.dossier_part("evidence_list").code == "ZJQD"
    assert {t.dossier_part for t in catalogue if t.dossier_part} == set(DOSSIER_PARTS)


def test_lookups(catalogue):
    assert "XZCFJDS" in catalogue and "NOPE" not in catalogue
    assert catalogue.find("NOPE") is None
    with pytest.raises(NotFound) as err:
        catalogue.get("NOPE")
    assert "NOPE" in err.value.message
    assert all(INS in t.kinds for t in catalogue.for_kind(INS))
    assert catalogue.for_case(SIM) == catalogue.for_kind(SIM)
    offered = {t.code for t in catalogue.for_stage(ORD, Stage.DELIBERATION)}
    assert {"XZCFJDS", "FZSHB", "JTTLJL"} <= offered and "DCCFJDS" not in offered
    assert {t.code for t in catalogue.for_stage(SIM, Stage.REGISTERED)} >= {"DCCFJDS"}


# ---- template specs ---------------------------------------------------------------------------------

BLOCK_KINDS = {"p", "heading", "loop", "table", "loop_table", "approval", "signature", "note", "page_break"}
BLOCK_OPTIONS = {
    "p": {"indent", "align", "when"}, "heading": {"align", "when"}, "loop": {"p", "indent", "align", "when"},
    "table": {"widths", "when"}, "loop_table": {"header", "cells", "widths", "when"}, "approval": {"label", "when"},
    "signature": set(), "note": {"indent", "align", "when"}, "page_break": set(),
}
# fields the 卷宗 export adds to the context (H1's registry may not list them yet)
DOSSIER_FIELDS = {"contents", "reference.pages", "reference.note", "reference.compiler", "reference.checker",
                  "reference.date", "dossier.volume_name", "dossier.archive_no", "dossier.retention", "dossier.pages"}
CONTENTS_ITEMS = {"index", "number", "responsible", "title", "date", "pages"}
EXPRESSION = re.compile(r"{{(.*?)}}")
PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
WORDS = {"not", "and", "or", "true", "false", "none", "True", "False", "None"}


def _paths(expression: str) -> set[str]:
    stripped = re.sub(r"'[^']*'|\"[^\"]*\"|\|\s*\w+", "", expression)  # literals and filters
    return {m for m in PATH.findall(stripped) if m not in WORDS}


def _check_path(path: str, loop: str | None, where: str) -> None:
    if path.startswith("item."):
        assert loop is not None, f"{where}: item outside a loop"
        keys = CONTENTS_ITEMS if loop == "contents" else set(registry.item_keys(loop))
        assert path.removeprefix("item.") in keys, f"{where}: {path} is not an item key of {loop}"
        return
    assert registry.is_known(path) or path in DOSSIER_FIELDS, f"{where}: unknown field {path}"


def _texts(block: dict) -> list[str]:
    texts = [block[k] for k in ("p", "heading", "note", "label") if isinstance(block.get(k), str)]
    for row in block.get("table", []):
        texts.extend(row)
    texts.extend(block.get("header", []))
    texts.extend(block.get("cells", []))
    return texts


@pytest.mark.parametrize("code", sorted(CORE))
def test_each_type_has_a_well_formed_template_spec(catalogue, code):
    path = RESOURCES / "templates" / f"{catalogue.get(code).template}.json"
    spec = json.loads(path.read_text(encoding="utf-8"))
    assert set(spec) == {"title", "issuer", "number_line", "blocks"}
    assert spec["title"].strip() and isinstance(spec["number_line"], bool) and isinstance(spec["issuer"], bool)
    assert spec["number_line"] == bool(catalogue.get(code).number_series), "a 文号 line exactly when numbered"
    assert spec["blocks"]
    for i, block in enumerate(spec["blocks"]):
        where = f"{code}.blocks[{i}]"
        kinds = BLOCK_KINDS & set(block)
        kind = "loop" if "loop" in kinds else next(iter(kinds), None)
        assert kind is not None and (len(kinds) == 1 or kinds == {"loop", "p"}), where
        assert set(block) - {kind} <= BLOCK_OPTIONS[kind], f"{where}: {sorted(set(block) - {kind})}"
        loop = block.get("loop") or block.get("loop_table")
        if loop:
            assert registry.is_list(loop) or loop == "contents", f"{where}: {loop} is not a list field"
        if "widths" in block:
            assert sum(block["widths"]) == 156, where
        if kind == "table":
            columns = len(block["widths"])
            assert all(len(row) in (1, columns) for row in block["table"]), where
        if kind == "loop_table":
            assert len(block["header"]) == len(block["cells"]) == len(block["widths"]), where
        if kind == "approval":
            assert f"approvals.{block['approval']}.opinion" in registry.FIELDS, where
        if "when" in block:
            for p in _paths(block["when"]):
                _check_path(p, None, where)
        for text in _texts(block):
            assert "{%" not in text, f"{where}: statements are the builder's job"
            for expression in EXPRESSION.findall(text):
                for p in _paths(expression):
                    _check_path(p, loop, where)


@pytest.mark.parametrize("code", sorted(CORE))
def test_each_spec_builds_into_a_template(catalogue, code):
    spec = json.loads((RESOURCES / "templates" / f"{catalogue.get(code).template}.json").read_text(encoding="utf-8"))
    assert build_template(spec)[:2] == b"PK"


def test_no_spec_without_a_catalogue_entry(catalogue):
    specs = {p.stem for p in (RESOURCES / "templates").glob("*.json")}
    assert specs == {t.template for t in catalogue}


def test_the_decision_states_what_the_law_requires():
    text = (RESOURCES / "templates" / "XZCFJDS.json").read_text(encoding="utf-8")
    for needed in ("party.is_person", "case.facts", "evidence", "case.legal_basis", "case.penalty_basis",
                   "case.fine_capitals", "payment.days", "payment.late_rate", "appeal.review_body",
                   "appeal.review_days", "appeal.court", "appeal.lawsuit_months", '"signature": true'):
        assert needed in text, needed


# ---- refused catalogues -----------------------------------------------------------------------------


@pytest.mark.parametrize(("change", "field"), [
    ({"kinds": ["penalty_fancy"]}, "documents[1].kinds"),
    ({"kinds": []}, "documents[1].kinds"),
    ({"stages": ["nowhere"]}, "documents[1].stages"),
    ({"stages": ["investigating", "investigating"]}, "documents[1].stages"),
    ({"volume": "third"}, "documents[1].volume"),
    ({"dossier_part": "spine"}, "documents[1].dossier_part"),
    ({"code": "xzcfjds"}, "documents[1].code"),
    ({"code": "X"}, "documents[1].code"),
    ({"code": "LASPB"}, "documents[1].code"),
    ({"name": " "}, "documents[1].name"),
    ({"binding_order": "3"}, "documents[1].binding_order"),
    ({"binding_order": 2.5}, "documents[1].binding_order"),
    ({"binding_order": True}, "documents[1].binding_order"),
    ({"binding_order": 0}, "documents[1].binding_order"),
    ({"binding_order": 10}, "documents[1].binding_order"),  # LASPB's position in the main volume
    ({"served": "yes"}, "documents[1].served"),
    ({"required_fields": ["party.nickname"]}, "documents[1].required_fields"),
    ({"required_fields": "party.address"}, "documents[1].required_fields"),
    ({"approvals": ["coffee_break"]}, "documents[1].approvals"),
    ({"frozen_by": ["moon_landing"]}, "documents[1].frozen_by"),
    ({"template": "../../secrets"}, "documents[1].template"),
    ({"number_series": "罚 1"}, "documents[1].number_series"),
    ({"colour": "blue"}, "documents[1].colour"),
    ({"dossier_part": "cover"}, "documents[1].dossier_part"),  # the main volume has a cover already
])
def test_a_bad_entry_is_refused_naming_the_entry_and_field(change, field):
    data = {"documents": [_entry(code="LASPB", binding_order=10), _entry(**change)]}
    data["documents"][0]["dossier_part"] = "cover"
    with pytest.raises(ValidationError) as err:
        parse_document_catalogue(data, known_fields=registry.is_known, known_slots=WORKFLOW_SLOTS.__contains__,
                                 known_events=WORKFLOW_EVENTS.__contains__)
    assert err.value.field == field
    assert field in err.value.message  # shown as it is (no Chinese label for an indexed path)


@pytest.mark.parametrize("data", [None, [], {"types": []}, {"documents": {}}, {"documents": [], "extra": 1},
                                  {"documents": ["LASPB"]}])
def test_a_malformed_catalogue_is_refused(data):
    with pytest.raises(ValidationError):
        parse_document_catalogue(data)


def test_messages_read_in_chinese_and_english():
    data = {"documents": [_entry(code="A1"), _entry(code="B1")]}
    with pytest.raises(ValidationError) as err:
        parse_document_catalogue(data)
    assert err.value.message == "documents[1].binding_order：正卷的装订顺序 500 已由 A1 占用"
    set_language("en")
    assert err.value.message == "documents[1].binding_order: binding position 500 in the main volume is taken by A1"
    set_language("zh_CN")
    with pytest.raises(NotFound) as missing:
        DocumentCatalogue([]).get("XZCFJDS")
    assert missing.value.message == "文书目录中没有文书种类 XZCFJDS"


def test_without_registries_only_the_format_of_names_is_checked():
    data = {"documents": [_entry(approvals=["some_slot"], frozen_by=["some_event"], required_fields=["x.y"])]}
    (entry,) = parse_document_catalogue(data)
    assert entry.approvals == ("some_slot",) and entry.required_fields == ("x.y",) and entry.template == "TEST"
    data["documents"][0]["required_fields"] = ["x..y"]
    with pytest.raises(ValidationError):
        parse_document_catalogue(data)


# ---- a bureau's own catalogue -----------------------------------------------------------------------


def test_a_bureau_file_replaces_entries_by_code_and_adds_new_ones(catalogue):
    own = parse_document_catalogue({"documents": [
        _entry(code="XZCFJDS", name="行政处罚决定书（本局格式）", kinds=["penalty_ordinary"], stages=["deliberation"],
               approvals=["decision"], served=True, frozen_by=["served"], binding_order=20, template="XZCFJDS_JH",
               number_series="罚"),
        _entry(code="CFXXGS", name="行政处罚信息公示审批表", volume="secondary", binding_order=45),
    ]}, known_fields=registry.is_known)
    merged = DocumentCatalogue.merged(catalogue, own)
    assert merged.get("XZCFJDS").name == "行政处罚决定书（本局格式）"
    assert merged.get("XZCFJDS").template == "XZCFJDS_JH"
    assert merged.codes.index("XZCFJDS") == catalogue.codes.index("XZCFJDS")  # replaced in place
    assert merged.codes[-1] == "CFXXGS" and len(merged) == len(catalogue) + 1
    assert [t.code for t in merged.binding(Volume.SECONDARY)][-3:] == ["JASPB", "CFXXGS", "JNBKB"]
    assert catalogue.get("XZCFJDS").name == "行政处罚决定书"  # the shipped catalogue is unchanged


def test_a_merge_that_collides_in_the_binding_order_is_refused(catalogue):
    own = parse_document_catalogue({"documents": [_entry(code="CFXXGS", binding_order=20)]})
    with pytest.raises(ValidationError) as err:
        DocumentCatalogue.merged(catalogue, own)
    assert err.value.field == "documents[CFXXGS].binding_order"
    assert "XZCFJDS" in err.value.message


def test_a_bureau_may_give_the_secondary_volume_its_own_cover(catalogue):
    cover = DocumentType(code="FJFM", name="副卷封面", kinds=tuple(CaseKind), stages=(Stage.CLOSED,), approvals=(),
                         served=False, frozen_by=("archived",), volume=Volume.SECONDARY, binding_order=1,
                         template="FJFM", dossier_part="cover")
    merged = DocumentCatalogue.merged(catalogue, [cover])
    assert merged.dossier_part("cover", Volume.SECONDARY) is cover
    assert merged.binding(Volume.SECONDARY)[0] is cover
    assert merged.binding(Volume.MAIN)[0].code == "JZFM"


def test_the_catalogue_data_is_not_mutated_by_parsing():
    data = _data()
    before = copy.deepcopy(data)
    parse_document_catalogue(data)
    assert data == before
