"""The new-case wizard over the real services: a case against a person and one against an
organisation (found by look-up), ID numbers checked as typed, officers with an expired 执法证
not selectable, and an error from the service shown on the page that owns the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from app.domain.cases import CaseKind, Stage
from app.domain.errors import ValidationError
from app.domain.officers import Role
from app.domain.parties import PartyKind, PartyRole
from app.domain.users import SignedIn, User
from app.services.demo_people import credit_code, resident_id
from app.ui.wizard import NewCaseWizard
from tests.fakes.leads import lead, organisation

pytestmark = [pytest.mark.gui,
              pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)")]
NEXT, FINISH = QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton


@pytest.fixture
def session(world) -> SignedIn:
    user = User("u-li", "liming", "李明", frozenset({Role.OFFICER}), world.officers[0].uuid)
    return SignedIn(user, Role.OFFICER, at=world.clock.now())


@pytest.fixture
def wizard(qtbot, world, session, language):
    language("zh_CN")
    wiz = NewCaseWizard(world.services, session)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    return wiz


def click(qtbot, wizard, which) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_source(qtbot, wizard, *, act=date(2026, 2, 20), place="江门市江海区外海街道金瓯路18号") -> None:
    page = wizard.source_page
    page.source.setCurrentText("群众举报")
    page.act_date.setDate(QDate(act.year, act.month, act.day))
    page.place.setText(place)
    page.cause.setText("销售过期食品")  # QTest types Latin keys only
    page.facts.setPlainText("货架上陈列过期食品十二件\n已拍照取证")


def pick_matter(qtbot, wizard, code="SJ-CF-001", fine="5000") -> None:
    page = wizard.matter_page
    qtbot.keyClicks(page.filter, code)
    assert page.matter_code() == code  # the one row left is chosen
    page.fine.setText(fine)


def officer_row(wizard, name: str) -> int:
    page = wizard.officers_page
    return next(i for i, o in enumerate(page.officers) if o.name == name)


def test_a_case_against_a_person_from_lead_to_filing_review(qtbot, wizard, world, rng):
    assert wizard.windowTitle() == "新建案件" and wizard.currentPage() is wizard.source_page
    assert wizard.source_page.kind.currentData() == CaseKind.PENALTY_ORDINARY
    click(qtbot, wizard, NEXT)  # nothing entered yet: the first missing field is named
    assert wizard.currentPage() is wizard.source_page
    assert wizard.source_page.error.text() == "案由：此项为必填项"
    assert wizard.source_page.focusWidget() is wizard.source_page.cause
    fill_source(qtbot, wizard)
    click(qtbot, wizard, NEXT)

    party = wizard.party_page
    assert wizard.currentPage() is party and party.person.isChecked()
    assert not party.legal_representative.isVisible()
    party.name.setText("张三")
    good = resident_id(rng)
    qtbot.keyClicks(party.id_number.edit, good[:-1] + ("0" if good[-1] != "0" else "1"))  # wrong check digit
    status = party.id_number.status
    assert status.isVisible() and "不是有效的居民身份证号码" in status.text()
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is party and "证件号码" in party.error.text()
    qtbot.keyClick(party.id_number.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(party.id_number.edit, good[-1])
    assert status.text() == "✓"
    party.address.setText("江门市江海区礼乐街道五邑路9号")
    party.phone.setText("13800138000")
    click(qtbot, wizard, NEXT)

    matter = wizard.matter_page
    assert wizard.currentPage() is matter and not wizard.button(NEXT).isEnabled()  # no matter chosen yet
    pick_matter(qtbot, wizard)
    assert "《中华人民共和国食品安全法》第三十四条" in matter.basis.toPlainText()
    assert "处罚依据：《中华人民共和国食品安全法》第一百二十四条" in matter.basis.toPlainText()
    click(qtbot, wizard, NEXT)

    officers = wizard.officers_page
    assert wizard.currentPage() is officers
    assert officers.chosen() == (world.officers[0].uuid,)  # the signed-in officer, preselected
    assert not wizard.button(NEXT).isEnabled() and "至少选择 2 名" in officers.hint.text()
    officers.list.item(officer_row(wizard, "王芳")).setCheckState(Qt.CheckState.Checked)
    assert wizard.button(NEXT).isEnabled()
    click(qtbot, wizard, NEXT)

    summary = wizard.summary_page
    assert wizard.currentPage() is summary
    assert summary.submit.isChecked() and summary.submit.text() == "立即提交：提请立案审批(&S)"
    text = summary.summary.toPlainText()
    for expected in ("张三", good, "SJ-CF-001", "¥5,000.00", "李明、王芳", "群众举报"):
        assert expected in text
    with qtbot.waitSignal(wizard.case_created) as created:
        click(qtbot, wizard, FINISH)
    assert not wizard.isVisible()
    case = world.services.cases.get(created.args[0])
    assert case.stage is Stage.FILING_REVIEW and case.kind is CaseKind.PENALTY_ORDINARY
    assert [(p.kind, p.name, p.id_number, p.role) for p in case.parties] == [
        (PartyKind.PERSON, "张三", good, PartyRole.PARTY)]
    assert case.officer_uuids == (world.officers[0].uuid, world.officers[1].uuid)
    assert case.proposed_fine_fen == 5_000_00 and case.matter_code == "SJ-CF-001"
    assert case.act_date == date(2026, 2, 20) and case.events["discovered"] == date(2026, 3, 2)
    assert case.facts == "货架上陈列过期食品十二件\n已拍照取证" and case.source == "群众举报"


def test_an_organisation_found_by_look_up_needs_its_legal_representative(qtbot, wizard, world, rng):
    known = organisation(rng, name="江门市江海区鸿运食品商行")
    world.services.cases.open_case_from_lead(world.officer, lead(world, rng, party=known))
    fill_source(qtbot, wizard)
    click(qtbot, wizard, NEXT)

    party = wizard.party_page
    party.lookup.query.setText("鸿运")
    qtbot.keyClick(party.lookup.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not wizard.runner.busy and party.lookup.list.count() == 1)
    assert party.lookup.status.text() == "找到 1 个。"
    qtbot.keyClick(party.lookup.list, Qt.Key.Key_Return)  # take the selected one
    assert party.organisation.isChecked() and party.name.text() == known.name
    assert party.id_number.text() == known.id_number and party.id_number.status.text() == "✓"
    assert party.legal_representative.isVisible()
    assert party.legal_representative.text() == known.legal_representative
    party.legal_representative.clear()
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is party
    assert party.error.text().startswith("法定代表人（负责人）：")
    assert party.focusWidget() is party.legal_representative
    party.legal_representative.setText("陈大文")
    party.agent.setChecked(True)
    party.agent_name.setText("刘律师")
    party.agent_id.set_text("123")
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is party and party.error.text().startswith("委托代理人：")
    assert party.focusWidget() is party.agent_id.edit
    agent_id = resident_id(rng)
    party.agent_id.set_text(agent_id)
    click(qtbot, wizard, NEXT)

    pick_matter(qtbot, wizard, fine="")
    click(qtbot, wizard, NEXT)
    wizard.officers_page.list.item(officer_row(wizard, "王芳")).setCheckState(Qt.CheckState.Checked)
    click(qtbot, wizard, NEXT)
    wizard.summary_page.submit.setChecked(False)  # registered only: filing is submitted later
    with qtbot.waitSignal(wizard.case_created) as created:
        click(qtbot, wizard, FINISH)
    case = world.services.cases.get(created.args[0])
    assert case.stage is Stage.REGISTERED and case.proposed_fine_fen == 0
    party_row, agent_row = case.parties
    assert (party_row.kind, party_row.name, party_row.legal_representative) == (
        PartyKind.ORGANISATION, known.name, "陈大文")
    assert party_row.id_number == known.id_number and party_row.uuid != known.uuid
    assert (agent_row.role, agent_row.name, agent_row.id_number, agent_row.represents) == (
        PartyRole.AGENT, "刘律师", agent_id, party_row.uuid)


def test_the_id_number_is_checked_as_typed_for_the_kind_of_party(qtbot, wizard, rng):
    fill_source(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    field = wizard.party_page.id_number
    code = credit_code(rng)
    qtbot.keyClicks(field.edit, code[:5])
    assert "不是有效的居民身份证号码" in field.status.text()
    field.edit.clear()
    assert not field.status.isVisible()  # empty: nothing to say yet
    qtbot.keyClicks(field.edit, code)
    assert "不是有效的居民身份证号码" in field.status.text()  # a credit code is no resident ID
    wizard.party_page.organisation.setChecked(True)
    assert field.status.text() == "✓"
    assert wizard.party_page._labels["id"].text() == "统一社会信用代码(&C)："


def test_an_officer_whose_certificate_has_expired_cannot_be_chosen(qtbot, wizard, world):
    fill_source(qtbot, wizard)
    page = wizard.officers_page
    page.refresh(date(2026, 3, 2))
    item = page.list.item(officer_row(wizard, "赵强"))
    assert item.text() == "赵强，执法证 440704200002：已于 2025-12-31 过期"
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    item.setCheckState(Qt.CheckState.Checked)  # even if forced, it does not count
    assert world.officers[2].uuid not in page.chosen()
    # on a discovery day within its validity the same officer may be chosen
    page.refresh(date(2025, 6, 1))
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled and item.text().endswith("有效期至 2025-12-31")


def test_officers_are_judged_on_the_day_of_discovery(qtbot, wizard):
    fill_source(qtbot, wizard, act=date(2025, 11, 20))
    wizard.source_page.discovered_on.setDate(QDate(2025, 12, 1))
    wizard.officers_page.initializePage()
    item = wizard.officers_page.list.item(officer_row(wizard, "赵强"))
    assert "将于 2025-12-31 到期" in item.text() and item.flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_date_error_is_shown_on_the_source_page(qtbot, wizard):
    fill_source(qtbot, wizard)
    wizard.source_page.discovered_on.setDate(QDate(2026, 2, 1))  # before the act
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.source_page
    assert wizard.source_page.error.text().startswith("违法行为发生日期：")


def walk_to_summary(qtbot, wizard, rng) -> None:
    fill_source(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    wizard.party_page.name.setText("张三")
    wizard.party_page.id_number.set_text(resident_id(rng))
    click(qtbot, wizard, NEXT)
    pick_matter(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    wizard.officers_page.list.item(officer_row(wizard, "王芳")).setCheckState(Qt.CheckState.Checked)
    click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.summary_page


@pytest.mark.parametrize(("field", "page_name", "widget_name"), [
    ("place", "source_page", "place"), ("officer_uuids", "officers_page", "list"),
    ("proposed_fine_fen", "matter_page", "fine"), ("no_such_field", "summary_page", None)])
def test_a_validation_error_from_the_service_lands_on_the_page_owning_the_field(
        qtbot, wizard, world, rng, monkeypatch, field, page_name, widget_name):
    walk_to_summary(qtbot, wizard, rng)
    real = world.services.cases.open_case_from_lead

    def refuse(actor, new_lead):
        raise ValidationError("{field}: this field is required", field=field, rule="required")

    monkeypatch.setattr(world.services.cases, "open_case_from_lead", refuse)
    created = []
    wizard.case_created.connect(created.append)
    click(qtbot, wizard, FINISH)
    page = getattr(wizard, page_name)
    assert wizard.isVisible() and wizard.currentPage() is page and created == []
    assert page.error.isVisible() and page.error.text().endswith("此项为必填项")
    if widget_name is not None:
        assert page.focusWidget() is getattr(page, widget_name)
    assert wizard.source_page.place.text() == "江门市江海区外海街道金瓯路18号"  # nothing lost
    assert wizard.party_page.name.text() == "张三" and wizard.matter_page.matter_code() == "SJ-CF-001"

    monkeypatch.setattr(world.services.cases, "open_case_from_lead", real)
    while wizard.currentPage() is not wizard.summary_page:
        click(qtbot, wizard, NEXT)
        assert not page.error.isVisible()  # the page passed its own check this time
    with qtbot.waitSignal(wizard.case_created):
        click(qtbot, wizard, FINISH)
    assert world.services.cases.get(created[0]).place == "江门市江海区外海街道金瓯路18号"


def test_a_refused_submission_keeps_the_registered_case(qtbot, wizard, world, rng, monkeypatch):
    walk_to_summary(qtbot, wizard, rng)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append((title, text)))
    real_advance = world.services.cases.advance

    def refuse(actor, case_uuid, action, **kw):
        raise ValidationError("{field}: this field is required", field="reason", rule="required")

    monkeypatch.setattr(world.services.cases, "advance", refuse)
    with qtbot.waitSignal(wizard.case_created) as created:
        click(qtbot, wizard, FINISH)
    case = world.services.cases.get(created.args[0])
    assert case.stage is Stage.REGISTERED and not wizard.isVisible()
    assert warnings[0][0] == "案件已登记，未提交" and case.number in warnings[0][1]
    assert real_advance is not None


def test_the_wizard_follows_a_language_switch(qtbot, wizard, language):
    assert wizard.source_page.title() == "案件来源"
    language("en")  # LanguageChange is posted: it arrives with the event loop
    qtbot.waitUntil(lambda: wizard.windowTitle() == "New case" and wizard.source_page.title() == "Case source")
    assert wizard.source_page.kind.currentText() == "Administrative penalty (ordinary procedure)"
    language("zh_CN")
    qtbot.waitUntil(lambda: wizard.party_page._labels["id"].text() == "居民身份证号码(&I)：")
