"""The signature column of the 审批 tab: per approval "✔ signature verified", "✖ signature does not match"
with every problem line (in the cell and its tooltip), or "not signed"; and "Sign my approvals…" for the
approvals the person signed in gave and has not signed. Checking and signing run in the background."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from app.domain.errors import UserError
from app.ui.signing.labels import approval_state_color, approval_state_label
from app.ui.signing.pin_dialog import run_with_pin
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.domain.users import SignedIn
    from app.services import Services


def _key(slot: str, name: str, at: Any) -> tuple[str, str, Any]:
    return slot, name, at


class ApprovalBadges(QObject):
    def __init__(self, tab: Any, services: Services | None, session: SignedIn | None):
        super().__init__(tab)
        self.tab = tab
        self._services, self._session = services, session
        self.runner = TaskRunner(tab)
        self.checks: list[Any] = []
        self.unsigned: list[Any] = []
        self._generation = 0
        self.note = QLabel(wordWrap=True, objectName="approvalSignatureNote")
        self.sign_button = QPushButton(objectName="signApprovals")
        self.sign_button.clicked.connect(self.sign)
        self.sign_button.setVisible(False)
        self.retranslate()

    @staticmethod
    def column_title() -> str:
        return QCoreApplication.translate("ApprovalBadges", "Signature")

    # -- where the services come from ------------------------------------------------------------
    def _context(self) -> tuple[Any, Any]:
        """The services and the session: given, or those of the case view holding the tab."""
        if self._services is None or self._session is None:
            widget: QWidget | None = self.tab.parentWidget()
            while widget is not None:
                if hasattr(widget, "services") and hasattr(widget, "session"):
                    self._services = self._services or widget.services
                    self._session = self._session or widget.session
                    break
                widget = widget.parentWidget()
        return self._services, self._session

    # -- checking ---------------------------------------------------------------------------------
    def check(self, case: Any) -> None:
        services, session = self._context()
        if services is None or session is None:
            return
        self._generation += 1
        generation, signing, actor, case_uuid = self._generation, services.approval_signing, session.actor, case.uuid

        def work(progress: Any) -> tuple[list[Any], list[Any]]:
            return signing.check(case_uuid), signing.unsigned(actor, case_uuid)

        def done(result: tuple[list[Any], list[Any]]) -> None:
            if generation == self._generation:
                self.checks, self.unsigned = result
                self.tab.retranslate()
                self._update_button()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.note.setText(exc.message)
            else:
                self.runner.default_failure(exc)

        self.runner.run(self.tr("Checking the approval signatures"), work, done, failed, cancellable=False)

    def check_of(self, approval: Any, index: int | None = None) -> Any | None:
        for found in self.checks:
            if _key(found.slot, found.actor_name, found.at) == _key(approval.slot, approval.actor_name, approval.at):
                return found
        case = self.tab._case
        if index is not None and case is not None and len(self.checks) == len(case.approvals):
            return self.checks[index]
        return None

    def text(self, approval: Any) -> str:
        case = self.tab._case
        index = next((i for i, a in enumerate(case.approvals) if a is approval), None) if case else None
        found = self.check_of(approval, index)
        if found is None:
            return ""
        lines = [approval_state_label(found.state)]
        if found.state == "verified" and found.signer_name:
            lines[0] += " " + self.tr("(signed by {name})").format(name=found.signer_name)
        return "\n".join(lines + list(found.problems))

    def paint(self, case: Any) -> None:
        """Colour the signature cells; the problems also go in their tooltips."""
        table = self.tab.table
        column = table.columnCount() - 1
        for row, approval in enumerate(case.approvals):
            item = table.item(row, column)
            found = self.check_of(approval, row)
            if item is None or found is None:
                continue
            item.setForeground(QBrush(QColor(approval_state_color(found.state))))
            item.setToolTip("\n".join(found.problems))
        table.resizeRowsToContents()

    def _update_button(self) -> None:
        self.sign_button.setVisible(bool(self.unsigned))
        self.sign_button.setEnabled(bool(self.unsigned) and not self.runner.busy)

    # -- signing ----------------------------------------------------------------------------------
    def sign(self) -> None:
        services, session = self._context()
        case = self.tab._case
        if services is None or session is None or case is None or not self.unsigned:
            return
        actor, signing, pki = session.actor, services.approval_signing, services.pki
        approvals = list(self.unsigned)
        try:
            cert = pki.certificate_of(actor.user_id)
            needs_pin = cert is not None and pki.needs_pin(cert.key_ref)
        except UserError as exc:
            QMessageBox.warning(self.tab, self.tr("Sign my approvals"), exc.message)
            return
        case_uuid = case.uuid

        def work(handler: Any) -> int:
            for approval in approvals:
                signing.sign(actor, case_uuid, approval.uuid, handler)
            return len(approvals)

        def done(count: int) -> None:
            self.note.setText(self.tr("{count} approval(s) signed.").format(count=count))
            self.check(case)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.note.setText(exc.message)
                QMessageBox.warning(self.tab, self.tr("Sign my approvals"), exc.message)
                self.check(case)
            else:
                self.runner.default_failure(exc)

        run_with_pin(self.tab, self.runner, title=self.tr("Signing approvals"),
                     prompt=self.tr("PIN of your signing key ({name}):").format(name=actor.name),
                     needs_pin=needs_pin, work=work, on_success=done, on_failure=failed)

    def retranslate(self) -> None:
        self.sign_button.setText(self.tr("Sign my &approvals…"))
        self.sign_button.setToolTip(self.tr("Sign, with your own key, the approvals you gave in this case"))
