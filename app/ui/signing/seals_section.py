"""Settings → Seals and certificates (administrators, bureau heads): the bureau certificate (or the button
that sets it up), the seals (kind, certificate, who may use each; a new seal; the picture of the one
selected), and the certificates the bureau issued (issue one to a person, revoke one with a reason).
Key generation and signing run in the background; the bureau key's PIN is asked first when needed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.users import SignedIn
from app.ui.case_view.table import TextTable
from app.ui.signing.key_dialogs import (
    PREVIEW_PX,
    BureauSetupDialog,
    IssueDialog,
    NewSealDialog,
    SealUsersDialog,
)
from app.ui.signing.labels import certificate_kind_label, day, seal_kind_label
from app.ui.signing.pin_dialog import run_with_pin
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services


class SealsSection(QGroupBox):
    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sealsSection")
        self.services, self.session = services, session
        self.pki, self.seals_service, self.auth = services.pki, services.seals, services.auth
        self.runner = TaskRunner(self)
        self.dialog: Any = None
        self.ca: Any = None
        self.seals: list[Any] = []
        self.certificates: list[Any] = []
        self.users: list[Any] = []

        self.bureau_info = QLabel(wordWrap=True, objectName="bureauCertificate")
        self.setup_button = QPushButton(objectName="setupBureau")
        self.setup_button.clicked.connect(self.start_setup)
        bureau = QHBoxLayout()
        bureau.addWidget(self.bureau_info, 1)
        bureau.addWidget(self.setup_button)
        self.seals_caption = QLabel()
        self.seals_table = TextTable(objectName="sealsTable")
        self.seals_table.itemSelectionChanged.connect(self._seal_selected)
        self.preview = QLabel(objectName="sealImage", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_PX, PREVIEW_PX)
        seals_row = QHBoxLayout()
        seals_row.addWidget(self.seals_table, 1)
        seals_row.addWidget(self.preview)
        self.new_seal_button = QPushButton(objectName="newSeal")
        self.users_button = QPushButton(objectName="sealUsers")
        self.new_seal_button.clicked.connect(self.start_new_seal)
        self.users_button.clicked.connect(self.start_who_may_use)
        self.certificates_caption = QLabel()
        self.certificates_table = TextTable(objectName="certificatesTable")
        self.certificates_table.itemSelectionChanged.connect(self._update_buttons)
        self.issue_button = QPushButton(objectName="issueCertificate")
        self.revoke_button = QPushButton(objectName="revokeCertificate")
        self.issue_button.clicked.connect(self.start_issue)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.note = QLabel(wordWrap=True, objectName="sealsNote")

        layout = QVBoxLayout(self)
        layout.addLayout(bureau)
        layout.addWidget(self.seals_caption)
        layout.addLayout(seals_row)
        layout.addLayout(self._row(self.new_seal_button, self.users_button))
        layout.addWidget(self.certificates_caption)
        layout.addWidget(self.certificates_table)
        layout.addLayout(self._row(self.issue_button, self.revoke_button))
        layout.addWidget(self.note)
        self._retranslate()
        self.reload()

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        seal_row, cert_row = self.seals_table.currentRow(), self.certificates_table.currentRow()
        try:
            self.ca = self.pki.bureau_ca()
            self.seals = self.seals_service.seals()
            self.certificates = self.pki.certificates()
            self.users = [u for u in self.auth.users() if u.active]
        except UserError as exc:
            self.note.setText(exc.message)
        self._fill()
        if 0 <= seal_row < len(self.seals):
            self.seals_table.selectRow(seal_row)
        if 0 <= cert_row < len(self.certificates):
            self.certificates_table.selectRow(cert_row)
        self._seal_selected()

    def _user_name(self, user_id: str | None) -> str:
        return next((u.display_name for u in self.users if u.uuid == user_id), user_id or "")

    def _fill(self) -> None:
        ca = self.ca
        if ca is None:
            self.bureau_info.setText(self.tr("This bureau has no seal certificate yet: set it up before making "
                                             "seals or issuing certificates."))
        else:
            self.bureau_info.setText(self.tr("Bureau certificate: {subject}, serial {serial}, valid {start} to "
                                             "{end}").format(subject=ca.subject, serial=ca.serial.upper(),
                                                             start=day(ca.valid_from), end=day(ca.valid_to)))
        by_uuid = {c.uuid: c for c in self.certificates}
        rows = []
        for seal in self.seals:
            cert = by_uuid.get(seal.certificate_uuid)
            rows.append([seal.name, seal_kind_label(seal.kind),
                         f"{cert.subject} ({cert.serial.upper()})" if cert else "",
                         "、".join(self._user_name(u) for u in seal.allowed_user_ids) or self.tr("nobody")])
        self.seals_table.set_rows(rows)
        self.certificates_table.set_rows([
            [certificate_kind_label(c.kind), c.subject + (f"（{self._user_name(c.user_id)}）" if c.user_id else ""),
             c.serial.upper(), day(c.valid_to),
             self.tr("revoked {day}: {reason}").format(day=day(c.revoked_at), reason=c.revoked_reason)
             if c.revoked_at else ""] for c in self.certificates])
        self._update_buttons()

    def selected_seal(self) -> Any | None:
        rows = self.seals_table.selectionModel().selectedRows()
        return self.seals[rows[0].row()] if rows and rows[0].row() < len(self.seals) else None

    def selected_certificate(self) -> Any | None:
        rows = self.certificates_table.selectionModel().selectedRows()
        return self.certificates[rows[0].row()] if rows and rows[0].row() < len(self.certificates) else None

    def _seal_selected(self) -> None:
        seal = self.selected_seal()
        self.preview.clear()
        if seal is not None:
            pixmap = QPixmap()
            try:
                if pixmap.loadFromData(self.seals_service.image(seal)):
                    self.preview.setPixmap(pixmap.scaled(PREVIEW_PX, PREVIEW_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                                         Qt.TransformationMode.SmoothTransformation))
            except UserError as exc:
                self.preview.setText(exc.message)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle, has_ca = not self.runner.busy, self.ca is not None
        self.setup_button.setVisible(not has_ca)
        self.setup_button.setEnabled(idle)
        self.new_seal_button.setEnabled(idle and has_ca)
        self.users_button.setEnabled(idle and self.selected_seal() is not None)
        self.issue_button.setEnabled(idle and has_ca)
        cert = self.selected_certificate()
        self.revoke_button.setEnabled(idle and cert is not None and cert.revoked_at is None)

    # -- running -------------------------------------------------------------------------------
    def _open(self, dialog: Any, then: Any) -> Any:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.accepted.connect(lambda: then(dialog))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _run(self, title: str, work: Any, done_text: str, *, needs_pin: bool, prompt: str,
             preset: str = "") -> None:
        def done(_result: object) -> None:
            self.note.setText(done_text)
            self.reload()

        failed = self.runner.failure_shown(title, self.note, self._update_buttons)
        if run_with_pin(self, self.runner, title=title, prompt=prompt, needs_pin=needs_pin, work=work,
                        on_success=done, on_failure=failed, preset=preset):
            self.note.setText(self.tr("{title}…").format(title=title))
            self._update_buttons()

    def _ca_needs_pin(self) -> bool:
        try:
            return self.ca is not None and self.pki.needs_pin(self.ca.key_ref)
        except UserError:
            return True

    def _ca_prompt(self) -> str:
        return self.tr("PIN of the bureau certificate's key ({subject}):").format(
            subject=self.ca.subject if self.ca else "")

    # -- the bureau certificate ----------------------------------------------------------------
    def start_setup(self) -> BureauSetupDialog:
        dialog = BureauSetupDialog(self.services.bureau_name, self.pki.software.keyring_available(), self)
        return self._open(dialog, lambda d: self.setup_bureau(d.protection.pin(), d.protection.token()))

    def setup_bureau(self, pin: str | None, token: Any | None) -> None:
        pki, actor = self.pki, self.session.actor
        prompt = self.tr("PIN of the token {token}:").format(token=token.token) if token else ""
        self._run(self.tr("Setting up the bureau certificate"),
                  lambda handler: pki.setup_bureau(actor, handler, pin=pin, token=token),
                  self.tr("The bureau certificate is set up."), needs_pin=token is not None, prompt=prompt,
                  preset=pin or "")  # the new key signs its own certificate with the PIN just chosen

    # -- seals ---------------------------------------------------------------------------------
    def start_new_seal(self) -> NewSealDialog:
        dialog = NewSealDialog(self.pki.software.keyring_available(), self)
        return self._open(dialog, lambda d: self.create_seal(d.kind(), d.image, d.protection.pin(),
                                                             d.protection.token()))

    def create_seal(self, kind: str, image: bytes | None, pin: str | None, token: Any | None = None) -> None:
        seals, actor = self.seals_service, self.session.actor
        self._run(self.tr("Making the seal"),
                  lambda handler: seals.create(actor, kind=kind, handler=handler, image=image, pin=pin, token=token),
                  self.tr("The seal is made. Choose who may use it."),
                  needs_pin=kind != "official" and self._ca_needs_pin(), prompt=self._ca_prompt())

    def start_who_may_use(self) -> SealUsersDialog | None:
        seal = self.selected_seal()
        if seal is None:
            return None
        dialog = SealUsersDialog(seal.name, self.users, seal.allowed_user_ids, self)
        return self._open(dialog, lambda d: self.set_users(seal.uuid, d.user_ids()))

    def set_users(self, seal_uuid: str, user_ids: tuple[str, ...]) -> None:
        try:
            self.seals_service.set_users(self.session.actor, seal_uuid, user_ids)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Who may use the seal"), exc.message)
            return
        self.note.setText(self.tr("Saved who may use the seal."))
        self.reload()

    # -- certificates --------------------------------------------------------------------------
    def start_issue(self) -> IssueDialog:
        dialog = IssueDialog(self.users, self.pki.software.keyring_available(), self)
        return self._open(dialog, lambda d: self.issue(d.user(), d.protection.pin(), d.protection.token()))

    def issue(self, user: Any, pin: str | None, token: Any | None = None) -> None:
        pki, actor = self.pki, self.session.actor
        self._run(self.tr("Issuing a certificate"),
                  lambda handler: pki.issue(actor, kind="person", subject=user.display_name, user_id=user.uuid,
                                            handler=handler, pin=pin, token=token),
                  self.tr("A certificate was issued to {name}.").format(name=user.display_name),
                  needs_pin=self._ca_needs_pin(), prompt=self._ca_prompt())

    def revoke_selected(self) -> None:
        cert = self.selected_certificate()
        if cert is None or cert.revoked_at is not None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Revoke a certificate"), self.tr(
            "Revoke the certificate of {subject} (serial {serial})? Signatures made with it no longer verify as "
            "trusted. Reason (required):").format(subject=cert.subject, serial=cert.serial.upper()))
        if ok:
            self.revoke(cert.uuid, reason)

    def revoke(self, certificate_uuid: str, reason: str) -> bool:
        try:
            self.pki.revoke(self.session.actor, certificate_uuid, reason)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Revoke a certificate"), exc.message)
            return False
        self.note.setText(self.tr("The certificate was revoked."))
        self.reload()
        return True

    # -- texts ---------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setTitle(self.tr("Seals and certificates"))
        self.setup_button.setText(self.tr("Set &up the bureau certificate…"))
        self.seals_caption.setText(self.tr("Seals:"))
        self.seals_table.set_headers([self.tr("Seal"), self.tr("Kind"), self.tr("Certificate"),
                                      self.tr("Who may use")])
        self.new_seal_button.setText(self.tr("New &seal…"))
        self.users_button.setText(self.tr("&Who may use…"))
        self.certificates_caption.setText(self.tr("Certificates issued by the bureau:"))
        self.certificates_table.set_headers([self.tr("Kind"), self.tr("Holder"), self.tr("Serial"),
                                             self.tr("Valid to"), self.tr("Revoked")])
        self.issue_button.setText(self.tr("&Issue a certificate…"))
        self.revoke_button.setText(self.tr("Re&voke…"))
        if self.seals or self.certificates or self.ca is not None:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
