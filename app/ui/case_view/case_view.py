"""The case view: header, stage timeline, the actions this user may take now, tabs for parties,
facts, evidence, documents, approvals and history, and every deadline of the case.

Every write names the case version shown: when someone else changed the case meanwhile, the
user is told and the view reloads instead of overwriting their work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.case_path import stage_path
from app.domain.catalogue import Matter
from app.domain.errors import StaleWrite, TransitionRefused, UserError, ValidationError
from app.domain.users import SignedIn
from app.services.approvals import FINISHED_STAGES, HEAD_ROLES
from app.ui.case_view.action_bar import ActionBar, Offer
from app.ui.case_view.action_dialog import ActionDialog, ActionRequest
from app.ui.case_view.approvals_tab import ApprovalsTab
from app.ui.case_view.deadlines_panel import DeadlinesPanel
from app.ui.case_view.documents_tab import CaseDocumentsTab
from app.ui.case_view.evidence_tab import EvidenceTab
from app.ui.case_view.facts_tab import FactsTab
from app.ui.case_view.header import CaseHeader
from app.ui.case_view.history_tab import HistoryTab
from app.ui.case_view.parties_tab import PartiesTab
from app.ui.case_view.pause_dialog import PauseDialog, PauseRequest, extendable_rules
from app.ui.case_view.request_dialog import RequestDialog
from app.ui.case_view.texts import step_label, use_document_catalogue
from app.ui.case_view.timeline import StageTimeline

if TYPE_CHECKING:
    from app.services import Services

class CaseView(QWidget):
    changed = Signal(str)  # the case uuid, after this view changed the case

    def __init__(self, services: Services, session: SignedIn, case_uuid: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.session, self.case_uuid = services, session, case_uuid
        self.approvals = services.approvals
        self.setObjectName("caseView")
        self._matters: dict[str, Matter] | None = None
        self.dialog: RequestDialog | None = None
        use_document_catalogue(services)

        self.header = CaseHeader()
        self.reload_button = QPushButton(objectName="reload")
        self.reload_button.clicked.connect(self.reload)
        self.timeline = StageTimeline()
        self.actions = ActionBar()
        self.actions.triggered.connect(self._on_offer)
        self.parties = PartiesTab()
        self.facts = FactsTab(self._matter)
        self.evidence = EvidenceTab()
        self.documents = CaseDocumentsTab(services, session)
        self.documents.documents_changed.connect(lambda _uuid: self.reload())
        self.approvals_tab = ApprovalsTab(services, session)
        self.history_tab = HistoryTab()
        self.tabs = QTabWidget(objectName="caseTabs")
        for page in (self.parties, self.facts, self.evidence, self.documents, self.approvals_tab, self.history_tab):
            self.tabs.addTab(page, "")
        self.deadlines = DeadlinesPanel()

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.reload_button, 0, Qt.AlignmentFlag.AlignTop)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(self.deadlines)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([480, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.timeline)
        layout.addWidget(self.actions)
        layout.addWidget(split, 1)

        self.reload_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.reload_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.reload_shortcut.activated.connect(self.reload)
        self._language_timer = QTimer(self, singleShot=True, interval=0)
        self._language_timer.timeout.connect(self.reload)
        self._retranslate()
        self.reload()

    # -- reading ---------------------------------------------------------------------------------
    def _matter(self, code: str) -> Matter | None:
        if self._matters is None:  # the catalogue changes only by import: read it once per view
            self._matters = {m.code: m for m in self.services.catalogue.matters()}
        return self._matters.get(code)

    def reload(self) -> None:
        cases = self.services.cases
        self.case = cases.get(self.case_uuid)
        self.case_deadlines = cases.deadlines(self.case_uuid)
        self.history = cases.history(self.case_uuid)
        self.header.show_case(self.case, self.case_deadlines)
        self.timeline.show_path(stage_path(self.case, self.history))
        self.actions.set_offers(self.offers())
        self.parties.show_case(self.case)
        self.facts.show_case(self.case)
        self.evidence.show_case(self.case, self.history)
        self.documents.show_case(self.case, self.history)
        self.approvals_tab.show_case(self.case)
        self.history_tab.show_history(self.history)
        self.deadlines.show_deadlines(self.case_deadlines)

    def offers(self) -> list[Offer]:
        """Exactly the steps the workflow offers this user's role now, the in-stage approvals of the
        role, and (for heads) suspending, resuming and extending."""
        actor, case = self.session.actor, self.case
        found = [Offer("transition", o.transition.action, step_label(o.transition.action),
                       tuple(r.message for r in o.reasons), o.transition)
                 for o in self.services.cases.available_actions(actor, self.case_uuid)]
        found += [Offer("slot", o.slot.slot, step_label(o.slot.slot), tuple(r.message for r in o.reasons))
                  for o in self.approvals.slot_options(actor, case)]
        if actor.role in HEAD_ROLES:
            if case.open_pause is not None:
                found.append(Offer("pause", "resume", self.tr("Res&ume…")))
            elif case.stage not in FINISHED_STAGES:
                found.append(Offer("pause", "suspend", self.tr("&Suspend…")))
            if extendable_rules(case):
                found.append(Offer("pause", "extend", self.tr("E&xtend deadline…")))
        return found

    # -- acting ----------------------------------------------------------------------------------
    def _on_offer(self, offer: Offer) -> None:
        if offer.kind == "pause":
            dialog: RequestDialog = PauseDialog(self.case, offer.name, self.services.clock.now().date(),
                                                self._perform_pause, self)
        else:
            dialog = ActionDialog(self.services, self.case, offer, self._perform, self)
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        dialog.open()

    def _dialog_closed(self, dialog: RequestDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _perform(self, request: ActionRequest) -> None:
        actor, offer, version = self.session.actor, request.offer, self.case.version
        cases = self.services.cases
        if offer.kind == "slot":
            self._write(lambda: cases.record_approval(actor, self.case_uuid, offer.name, request.decision,
                                                      request.comment, expected_version=version), offer.label)
        else:
            self._write(lambda: cases.advance(actor, self.case_uuid, offer.name, expected_version=version,
                                              comment=request.comment, params=request.params), offer.label)

    def _perform_pause(self, request: PauseRequest) -> None:
        actor, version, cases = self.session.actor, self.case.version, self.services.cases
        if request.mode == "suspend":
            self._write(lambda: cases.suspend(actor, self.case_uuid, request.kind, expected_version=version,
                                              reason=request.reason, start=request.on), self.tr("Suspend"))
        elif request.mode == "resume":
            self._write(lambda: cases.resume(actor, self.case_uuid, expected_version=version, reason=request.reason,
                                             on=request.on), self.tr("Resume"))
        else:
            self._write(lambda: cases.extend(actor, self.case_uuid, request.rule_code, request.days,
                                             expected_version=version, reason=request.reason),
                        self.tr("Extend deadline"))

    def _write(self, call: Callable[[], object], label: str) -> None:
        """Run one write; bad input goes back to the dialog, refusals are shown and the view reloads."""
        try:
            call()
        except ValidationError:
            raise
        except StaleWrite as exc:
            QMessageBox.warning(self, self.tr("Case changed meanwhile"), exc.message)
            self.reload()
            return
        except TransitionRefused as exc:
            reasons = "\n".join(f"• {r.message}" for r in exc.reasons)
            QMessageBox.warning(self, self.tr("Action refused"),
                                self.tr("{action} cannot be done now:").format(action=label) + "\n" + reasons)
            self.reload()
            return
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Action not possible"), exc.message)
            return
        self.reload()
        self.changed.emit(self.case_uuid)

    # -- texts -----------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        titles = (self.tr("Parties"), self.tr("Facts and legal basis"), self.tr("Evidence"), self.tr("Documents"),
                  self.tr("Approvals"), self.tr("History"))
        for i, title in enumerate(titles):
            self.tabs.setTabText(i, title)
        self.reload_button.setText(self.tr("&Reload"))
        self.reload_button.setToolTip(self.tr("Read the case again (F5)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            for part in (self.header, self.timeline, self.actions, self.parties, self.facts, self.evidence,
                         self.documents, self.approvals_tab, self.history_tab, self.deadlines):
                part.retranslate()
            # the domain's texts (action names, reasons) switch language right after the translators
            self._language_timer.start()
        super().changeEvent(event)
