"""The row of action buttons: exactly the steps offered to this user now. Refused ones are disabled,
their reasons in the tooltip, and "Why not?" lists every refusal in a panel read by keyboard."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from app.domain.workflow_table import Transition

MNEMONICS = "123456789"


@dataclass(frozen=True)
class Offer:
    kind: str  # "transition" | "slot" | "pause"
    name: str  # the action, the approval slot, or suspend / resume / extend
    label: str  # translated, without mnemonic
    reasons: tuple[str, ...] = ()
    transition: Transition | None = None

    @property
    def allowed(self) -> bool:
        return not self.reasons


class ActionBar(QWidget):
    triggered = Signal(object)  # the Offer whose button was pressed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: dict[tuple[str, str], QPushButton] = {}
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self.why_not = QPushButton(objectName="whyNot", checkable=True)
        self.why_not.toggled.connect(self._show_reasons)
        self.reasons = QTextBrowser(objectName="refusedActions")
        self.reasons.setMaximumHeight(140)
        self.reasons.setVisible(False)
        self._buttons_row = QHBoxLayout()
        self._buttons_row.addLayout(self._row)
        self._buttons_row.addStretch(1)
        self._buttons_row.addWidget(self.why_not)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._buttons_row)
        layout.addWidget(self.reasons)
        self.offers: list[Offer] = []
        self.retranslate()

    def set_offers(self, offers: Sequence[Offer]) -> None:
        for button in self.buttons.values():
            self._row.removeWidget(button)
            button.deleteLater()
        self.buttons.clear()
        self.offers = list(offers)
        step = 0
        for offer in self.offers:
            button = QPushButton(self)
            if offer.kind != "pause" and step < len(MNEMONICS):  # pause labels carry their own mnemonic
                button.setText(f"{offer.label}(&{MNEMONICS[step]})")
            else:
                button.setText(offer.label)
            step += offer.kind != "pause"
            button.setObjectName(f"action_{offer.name}")
            button.setEnabled(offer.allowed)
            button.setToolTip("\n".join(offer.reasons))
            button.clicked.connect(lambda _=False, o=offer: self._trigger(o))
            self._row.addWidget(button)
            self.buttons[(offer.kind, offer.name)] = button
        self.retranslate()

    def button(self, name: str, kind: str | None = None) -> QPushButton:
        found = [b for (k, n), b in self.buttons.items() if n == name and (kind is None or k == kind)]
        if not found:
            raise KeyError(name)
        return found[0]

    def _trigger(self, offer: Offer) -> None:
        if offer.allowed:  # a disabled button cannot click; this guards programmatic clicks too
            self.triggered.emit(offer)

    @property
    def refused(self) -> list[Offer]:
        return [o for o in self.offers if not o.allowed]

    def refusals_text(self) -> str:
        return self.reasons.toPlainText()

    def _show_reasons(self, shown: bool) -> None:
        self.reasons.setVisible(shown)
        if shown:
            self.reasons.setFocus()

    def retranslate(self) -> None:
        refused = self.refused
        self.why_not.setText(self.tr("&Why not?"))
        self.why_not.setToolTip(self.tr("List the actions that cannot be taken now and why"))
        self.why_not.setEnabled(bool(refused))
        if not refused and self.why_not.isChecked():
            self.why_not.setChecked(False)
        parts = []
        for offer in refused:
            items = "".join(f"<li>{html.escape(r)}</li>" for r in offer.reasons)
            parts.append(f"<p><b>{html.escape(offer.label)}</b></p><ul>{items}</ul>")
        self.reasons.setHtml("".join(parts))
