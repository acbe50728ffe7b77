"""Page (e): everything entered, read back, and whether to submit the case for approval at once."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QCheckBox, QTextBrowser, QVBoxLayout, QWidget

from app.domain import i18n as domain_i18n
from app.domain.cases import CaseKind
from app.domain.errors import UserError
from app.domain.money import format_yuan
from app.domain.parties import PartyRole
from app.ui.labels import kind_label
from app.ui.wizard.base_page import WizardPage

# The approval a new case of each kind can be submitted for straight away (立案审批, 强制措施审批).
SUBMIT_ACTIONS = {CaseKind.PENALTY_ORDINARY: "submit_filing", CaseKind.COERCIVE: "submit_measure"}
SUBMIT_BY_DEFAULT = frozenset({CaseKind.PENALTY_ORDINARY})


def _html(text: str) -> str:
    return escape(text).replace("\n", "<br>")


class SummaryPage(WizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("summaryPage")
        self.summary = QTextBrowser(objectName="summary")
        self.summary.setOpenLinks(False)
        self.submit = QCheckBox(objectName="submitNow")
        self._kind: CaseKind | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.submit)
        layout.addWidget(self.error)
        self.retranslate()

    def initializePage(self) -> None:
        kind = self.owner().source_page.selected_kind()
        if kind != self._kind:  # a new kind: its default; the same kind: keep the user's choice
            self._kind = kind
            self.submit.setChecked(kind in SUBMIT_BY_DEFAULT)
        self.submit.setEnabled(kind in SUBMIT_ACTIONS)
        if kind not in SUBMIT_ACTIONS:
            self.submit.setChecked(False)
        self.clear_error()
        self.retranslate()

    def submit_action(self) -> str | None:
        kind = self._kind
        return SUBMIT_ACTIONS.get(kind) if kind is not None and self.submit.isChecked() else None

    def validatePage(self) -> bool:
        return self.owner().finish()

    def _rows(self) -> list[tuple[str, str]]:
        wizard = self.owner()
        source, party, matter = wizard.source_page, wizard.party_page, wizard.matter_page
        values = source.lead_values()
        rows = [(self.tr("Kind"), kind_label(values["kind"])), (self.tr("Source"), values["source"]),
                (self.tr("Discovered on"), values["discovered_on"].isoformat()),
                (self.tr("Act date"), values["act_date"].isoformat())]
        if values["act_end_date"] is not None:
            rows.append((self.tr("Act ended on"), values["act_end_date"].isoformat()))
        rows += [(self.tr("Place"), values["place"]), (self.tr("Cause"), values["cause"]),
                 (self.tr("Facts"), values["facts"])]
        flags = [text for on, text in ((values["serious_harm"], self.tr("serious harm")),
                                       (values["major"], self.tr("major case"))) if on]
        if flags:
            rows.append((self.tr("Marked"), "、".join(flags)))
        try:
            for p in party.parties():
                label = self.tr("Party") if p.role is PartyRole.PARTY else self.tr("Agent")
                rows.append((label, f"{p.name}  {p.id_number}"))
        except UserError as exc:
            rows.append((self.tr("Party"), exc.message))
        code = matter.matter_code()
        chosen = matter.matters.get(code)
        rows.append((self.tr("Matter"), f"{code} {chosen.name}" if chosen else ""))
        try:
            fine = matter.lead_values()["proposed_fine_fen"]
            if fine:
                rows.append((self.tr("Proposed fine"), format_yuan(fine)))
        except UserError as exc:
            rows.append((self.tr("Proposed fine"), exc.message))
        names = {o.uuid: o.name for o in wizard.officers_page.officers}
        rows.append((self.tr("Officers"), "、".join(names[u] for u in wizard.officers_page.chosen())))
        return rows

    def retranslate(self) -> None:
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(self.tr("Check the details, then press Finish to register the case."))
        action = SUBMIT_ACTIONS.get(self._kind or CaseKind.PENALTY_ORDINARY, "submit_filing")
        self.submit.setText(self.tr("&Submit now: {action}").format(action=domain_i18n.tr(action)))
        if self.wizard() is not None and self._kind is not None:
            html = "".join(f"<tr><th align='left' valign='top'>{escape(k)}</th><td>{_html(v)}</td></tr>"
                           for k, v in self._rows())
            self.summary.setHtml(f"<table cellspacing='4'>{html}</table>")
