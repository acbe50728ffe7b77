"""Asks what a workflow step or an in-stage approval needs: a comment (required for returns and
where the table says so), and the step's parameters — amounts typed in yuan, the hearing host
picked from the officers not on the case."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from app.domain.cases import ApprovalDecision, Case
from app.domain.errors import ValidationError
from app.domain.i18n import tr as domain_tr
from app.domain.money import format_yuan, parse_yuan
from app.ui.case_view.action_bar import Offer
from app.ui.case_view.request_dialog import RequestDialog
from app.ui.case_view.texts import document_label

if TYPE_CHECKING:
    from app.services import Services


@dataclass(frozen=True)
class ActionRequest:
    offer: Offer
    comment: str
    params: dict[str, object] = field(default_factory=dict)
    decision: ApprovalDecision = ApprovalDecision.APPROVED  # for in-stage approvals


def _yuan_text(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


class ActionDialog(RequestDialog):
    def __init__(self, services: Services, case: Case, offer: Offer, submit: Callable[[ActionRequest], None],
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        self.services, self.case, self.offer = services, case, offer
        self.setObjectName("actionDialog")
        t = offer.transition
        self.comment_required = bool(t and (t.requires_comment or t.approval_decision is ApprovalDecision.RETURNED))
        self.decisions: dict[ApprovalDecision, QRadioButton] = {}
        if offer.kind == "slot":
            self._add_decision_row()
        self.params: dict[str, QWidget] = {}
        self._param_captions: dict[str, QLabel] = {}
        self.owed: tuple[int, int] | None = None  # (owed, late surcharge) in fen, for a payment
        self.owed_label = QLabel(objectName="owed")
        for name in t.params if t else ():
            self._add_param(name)
        self.add_comment_row()
        self.retranslate()

    # -- building --------------------------------------------------------------------------------
    def _add_decision_row(self) -> None:
        group, row = QButtonGroup(self), QHBoxLayout()
        for decision in ApprovalDecision:
            button = QRadioButton(objectName=f"decision_{decision.value}")
            group.addButton(button)
            row.addWidget(button)
            self.decisions[decision] = button
        self.decisions[ApprovalDecision.APPROVED].setChecked(True)
        group.buttonToggled.connect(lambda *_: self.retranslate())
        self._decision_caption = QLabel()
        self.form.addRow(self._decision_caption, row)

    def _add_param(self, name: str) -> None:
        caption = QLabel()
        if name == "host_uuid":
            widget: QWidget = self._host_picker()
        else:
            widget = QLineEdit(objectName=name)
            if name.endswith("_fen"):
                widget.setText(self._prefill(name))
        caption.setBuddy(widget)
        self.params[name] = widget
        self.fields[name] = widget
        self.form.addRow(caption, widget)
        self._param_captions[name] = caption
        if name == "amount_fen":
            self.form.addRow("", self.owed_label)

    def _prefill(self, name: str) -> str:
        if name == "amount_fen":
            self.owed = self.services.cases.amount_owed(self.case.uuid)
            return _yuan_text(self.owed[0])
        if name == "fine_fen" and self.case.proposed_fine_fen:
            return _yuan_text(self.case.proposed_fine_fen)
        return ""

    def _host_picker(self) -> QComboBox:
        """Officers not investigating this case (the host must be independent), with their 执法证."""
        combo = QComboBox(objectName="host_uuid")
        combo.addItem("", None)
        today = self.services.clock.now().date()
        for officer in self.services.officers.all():
            if officer.uuid in self.case.officer_uuids:
                continue
            valid = officer.certificate_valid_on(today)
            text = f"{officer.name}（{officer.certificate_no}）" if valid else self.tr(
                "{name} ({number}, certificate not valid)").format(name=officer.name, number=officer.certificate_no)
            combo.addItem(text, officer.uuid)
        return combo

    # -- reading ---------------------------------------------------------------------------------
    @property
    def decision(self) -> ApprovalDecision:
        return next((d for d, b in self.decisions.items() if b.isChecked()), ApprovalDecision.APPROVED)

    def request(self) -> ActionRequest:
        params: dict[str, object] = {}
        for name, widget in self.params.items():
            if isinstance(widget, QComboBox):
                if widget.currentData() is None:
                    raise ValidationError("{field}: this field is required", field=name, rule="required")
                params[name] = widget.currentData()
            elif name.endswith("_fen"):
                params[name] = parse_yuan(widget.text(), name)
            else:
                params[name] = widget.text().strip()
        return ActionRequest(self.offer, self.comment_text(), params, self.decision)

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.offer.label)
        intro = self.tr("Case {number}: {action}").format(number=self.case.number, action=self.offer.label)
        documents = self.offer.transition.documents if self.offer.transition else ()
        if documents:
            intro += "\n" + self.tr("This step produces: {documents}").format(
                documents="、".join(document_label(c) for c in documents))
        self.intro.setText(intro)
        if self.decisions:
            self._decision_caption.setText(self.tr("Decision:"))
            self.decisions[ApprovalDecision.APPROVED].setText(self.tr("&Approve"))
            self.decisions[ApprovalDecision.RETURNED].setText(self.tr("Re&turn"))
        required = self.comment_required or self.decision is ApprovalDecision.RETURNED
        self.comment_caption.setText(self.tr("&Comment (required):") if required else self.tr("&Comment:"))
        for name, caption in self._param_captions.items():
            text = domain_tr(name) + (self.tr(" (yuan)") if name.endswith("_fen") else "")
            caption.setText(f"{text}:")
        if self.owed is not None:
            owed, surcharge = self.owed
            self.owed_label.setText(self.tr("Still owed: {owed} (late surcharge {surcharge})").format(
                owed=format_yuan(owed), surcharge=format_yuan(surcharge)))
        self.ok_button.setText(self.offer.label)
