"""The new-case wizard: 案件来源登记 → 立案审批. Each page is checked with the domain's own Lead
rules before moving on; an error from the service at Finish is shown on the page that owns the
field it names, with the wizard kept open and every entry kept."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from app.domain.cases import Case, Lead
from app.domain.errors import UserError
from app.domain.users import SignedIn
from app.ui.tasks import TaskRunner
from app.ui.wizard.base_page import WizardPage
from app.ui.wizard.matter_page import MatterPage
from app.ui.wizard.officers_page import OfficersPage
from app.ui.wizard.party_page import PartyPage
from app.ui.wizard.source_page import SourcePage
from app.ui.wizard.summary_page import SummaryPage

if TYPE_CHECKING:
    from app.services import Services


class NewCaseWizard(QWizard):
    case_created = Signal(str)  # uuid of the registered case

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newCaseWizard")
        self.services, self.session = services, session
        self.created: Case | None = None
        self.runner = TaskRunner(self)
        self.source_page = SourcePage(self._today())
        self.party_page = PartyPage(services.cases, self.runner)
        self.matter_page = MatterPage(services.catalogue.matters())
        self.officers_page = OfficersPage(services.officers.all(), session.user.officer_uuid)
        self.summary_page = SummaryPage()
        self.data_pages: tuple[WizardPage, ...] = (self.source_page, self.party_page, self.matter_page,
                                                   self.officers_page)
        for page_id, page in enumerate((*self.data_pages, self.summary_page)):
            self.setPage(page_id, page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.resize(820, 640)
        self._retranslate()

    def _today(self) -> date:
        return self.services.clock.now().date()

    # ---- checking -----------------------------------------------------------------------------
    def lead(self, through: WizardPage | None = None) -> Lead:
        """The Lead as entered; pages after ``through`` contribute values that pass validation, so
        a page is checked before the later ones are filled."""
        values: dict[str, object] = {}
        reached = False
        for page in self.data_pages:
            values.update(page.PLACEHOLDER if reached else page.lead_values())
            reached = reached or page is through
        return Lead(**values)  # type: ignore[arg-type]

    def check_page(self, page: WizardPage) -> bool:
        page.clear_error()
        try:
            self.lead(through=page).validate(self._today())
        except UserError as exc:
            self.show_error(exc)
            return False
        return True

    def page_for(self, field: str | None) -> WizardPage:
        """The page owning ``field`` if the user has been there, else the page shown now."""
        owner = next((p for p in self.data_pages if field in p.FIELDS), None)
        current = self.currentPage()
        if owner is not None and (owner is current or self.pageIds()[self.data_pages.index(owner)] in
                                  self.visitedIds()):
            return owner
        return current if isinstance(current, WizardPage) else self.summary_page

    def show_error(self, exc: UserError) -> None:
        page = self.page_for(exc.field)
        self.go_to(page)
        page.show_error(exc.message, exc.field)

    def go_to(self, page: WizardPage) -> None:
        """Back to an earlier page; its entries stay (no page registers fields, which back() resets)."""
        while self.currentPage() is not page:
            before = self.currentId()
            self.back()
            if self.currentId() == before:  # at the start: the page is not behind us
                break

    # ---- finishing ----------------------------------------------------------------------------
    def finish(self) -> bool:
        """Register the case and, if chosen, submit it; False keeps the wizard open."""
        if self.created is not None:  # registered already (a retried Finish): never twice
            return True
        self.summary_page.clear_error()
        try:
            case = self.services.cases.open_case_from_lead(self.session.actor, self.lead())
        except UserError as exc:
            self.show_error(exc)
            return False
        self.created = case
        action = self.summary_page.submit_action()
        if action is not None:
            try:
                self.created = self.services.cases.advance(self.session.actor, case.uuid, action,
                                                           expected_version=case.version)
            except UserError as exc:  # the case stands; it can be submitted from the case view
                QMessageBox.warning(self, self.tr("Case registered, not submitted"), self.tr(
                    "The case was registered as {number}, but it could not be submitted: {reason}\n"
                    "You can submit it later from the case view.").format(number=case.number, reason=exc.message))
        self.case_created.emit(case.uuid)
        return True

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("New case"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
