"""Page (b): the party (当事人), a person or an organisation, with an optional agent. The ID
number is checked as it is typed; a party from earlier cases can be looked up and copied."""

from __future__ import annotations

import uuid as uuidlib
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.parties import Party, PartyKind, PartyRole
from app.ui.tasks import TaskRunner
from app.ui.wizard.base_page import WizardPage
from app.ui.wizard.id_field import IdNumberField
from app.ui.wizard.party_lookup import PartyLookup

if TYPE_CHECKING:
    from app.services.cases import CaseService

AGENT_PREFIX = "agent."  # errors about the agent carry this before the field name


class PartyPage(WizardPage):
    FIELDS = frozenset({"parties", "name", "id_number", "legal_representative", "address", "phone",
                        "agent.name", "agent.id_number", "agent.phone"})
    PLACEHOLDER: ClassVar[dict[str, Any]] = {"parties": (Party(kind=PartyKind.PERSON, name="-", id_number=""),)}

    def __init__(self, cases: CaseService, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partyPage")
        self.party_uuid = str(uuidlib.uuid4())  # known now, so the agent can name whom they represent
        self.person = QRadioButton(objectName="personKind", checked=True)
        self.organisation = QRadioButton(objectName="organisationKind")
        self._kinds = QButtonGroup(self)
        self._kinds.addButton(self.person)
        self._kinds.addButton(self.organisation)
        self.person.toggled.connect(self._kind_changed)
        self.name = QLineEdit(objectName="partyName")
        self.id_number = IdNumberField("partyId")
        self.legal_representative = QLineEdit(objectName="legalRepresentative")
        self.address = QLineEdit(objectName="address")
        self.phone = QLineEdit(objectName="phone")
        self.lookup = PartyLookup(cases, runner)
        self.lookup.picked.connect(self.copy_party)

        self.agent = QGroupBox(objectName="agentBox", checkable=True, checked=False)
        self.agent_name = QLineEdit(objectName="agentName")
        self.agent_id = IdNumberField("agentId")
        self.agent_phone = QLineEdit(objectName="agentPhone")

        kinds = QHBoxLayout()
        kinds.addWidget(self.person)
        kinds.addWidget(self.organisation)
        kinds.addStretch(1)
        self._labels = {n: QLabel() for n in ("kind", "name", "id", "legal", "address", "phone", "agent_name",
                                              "agent_id", "agent_phone")}
        self.form = QFormLayout()
        self._labels["kind"].setBuddy(self.person)
        self.form.addRow(self._labels["kind"], kinds)
        for key, widget in (("name", self.name), ("id", self.id_number), ("legal", self.legal_representative),
                            ("address", self.address), ("phone", self.phone)):
            self._labels[key].setBuddy(widget)
            self.form.addRow(self._labels[key], widget)
        agent_form = QFormLayout(self.agent)
        for key, widget in (("agent_name", self.agent_name), ("agent_id", self.agent_id),
                            ("agent_phone", self.agent_phone)):
            self._labels[key].setBuddy(widget)
            agent_form.addRow(self._labels[key], widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lookup)
        layout.addLayout(self.form)
        layout.addWidget(self.agent)
        layout.addWidget(self.error)
        self._kind_changed()
        self.retranslate()

    def kind(self) -> PartyKind:
        return PartyKind.PERSON if self.person.isChecked() else PartyKind.ORGANISATION

    def _kind_changed(self) -> None:
        organisation = self.kind() is PartyKind.ORGANISATION
        self.form.setRowVisible(self.legal_representative, organisation)
        self.id_number.set_kind(self.kind())
        self.retranslate()

    def copy_party(self, party: Party) -> None:
        """Copy a known party's details (not its record: each case keeps its own)."""
        (self.person if party.kind is PartyKind.PERSON else self.organisation).setChecked(True)
        self.name.setText(party.name)
        self.id_number.set_text(party.id_number)
        self.legal_representative.setText(party.legal_representative)
        self.address.setText(party.address)
        self.phone.setText(party.phone)
        self.name.setFocus()

    def parties(self) -> tuple[Party, ...]:
        party = Party.create(kind=self.kind(), name=self.name.text(), id_number=self.id_number.text(),
                             legal_representative=self.legal_representative.text().strip()
                             if self.kind() is PartyKind.ORGANISATION else "",
                             address=self.address.text().strip(), phone=self.phone.text().strip(),
                             uuid=self.party_uuid)
        if not self.agent.isChecked():
            return (party,)
        try:
            agent = Party.create(kind=PartyKind.PERSON, name=self.agent_name.text(), id_number=self.agent_id.text(),
                                 phone=self.agent_phone.text().strip(), role=PartyRole.AGENT,
                                 represents=self.party_uuid)
        except ValidationError as exc:  # the same field names as the party's: say it is the agent's
            exc.field = AGENT_PREFIX + (exc.field or "name")
            raise
        return (party, agent)

    def lead_values(self) -> dict[str, Any]:
        return {"parties": self.parties()}

    def show_error(self, message: str, field: str | None = None) -> None:
        if field and field.startswith(AGENT_PREFIX):
            message = self.tr("Agent: {message}").format(message=message)
        super().show_error(message, field)

    def field_widget(self, field: str | None) -> QWidget | None:
        return {"name": self.name, "id_number": self.id_number.edit, "parties": self.name,
                "legal_representative": self.legal_representative, "address": self.address, "phone": self.phone,
                "agent.name": self.agent_name, "agent.id_number": self.agent_id.edit,
                "agent.phone": self.agent_phone}.get(field or "")

    def retranslate(self) -> None:
        organisation = self.kind() is PartyKind.ORGANISATION
        self.setTitle(self.tr("Party"))
        self.setSubTitle(self.tr("Who the case is against. Look up a party from earlier cases to copy its details."))
        self.person.setText(self.tr("Pe&rson"))
        self.organisation.setText(self.tr("Or&ganisation"))
        texts = {"kind": self.tr("Party is a:"), "name": self.tr("Na&me:"),
                 "id": self.tr("Unified social &credit code:") if organisation else self.tr("Resident &ID number:"),
                 "legal": self.tr("&Legal representative:"), "address": self.tr("A&ddress:"),
                 "phone": self.tr("&Phone:"), "agent_name": self.tr("Agent's nam&e:"),
                 "agent_id": self.tr("Agen&t's ID number:"), "agent_phone": self.tr("Agent's ph&one:")}
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.agent.setTitle(self.tr("&Agent (委托代理人)"))
