"""Verify a signed file: drop a sealed PDF (or a .docx with its .p7s beside it) onto the dialog or choose
one; the check runs in the background and each signature is shown with a big verdict line (green when
valid, red otherwise), who signed, when, with which certificate, what is wrong with its chain and what
changed after signing. Needs only the services (no one signed in): usable on its own."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserCancelled, UserError
from app.ui.signing.labels import (
    GREEN,
    RED,
    chain_reason_label,
    day,
    minute,
    modification_label,
    verdict_label,
)
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services


class VerifyDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setAcceptDrops(True)
        self.verifier = services.verifier
        self.runner = TaskRunner(self)
        self.path: Path | None = None
        self.reports: list[Any] = []
        self.verdict_labels: list[QLabel] = []
        self.detail_labels: list[QLabel] = []

        self.intro = QLabel(wordWrap=True, objectName="verifyIntro")
        self.choose_button = QPushButton(objectName="chooseFile")
        self.choose_button.clicked.connect(self.choose)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.choose_button)
        self.file_label = QLabel(wordWrap=True, objectName="verifyFile")
        self.status = QLabel(wordWrap=True, objectName="verifyStatus")
        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.results)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 520)
        self.retranslate()

    # -- choosing a file -----------------------------------------------------------------------
    def choose(self) -> None:
        start = str(self.path.parent) if self.path else QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Verify a signed file"), start,
                                              self.tr("Signed files (*.pdf *.docx);;All files (*)"))
        if name:
            self.load(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.load(Path(files[0]))

    def load(self, path: Path) -> None:
        """Check ``path`` in the background and show what was found."""
        path = Path(path)
        self.path, self.reports = path, []
        self._clear()
        self.file_label.setText(self.tr("File: {path}").format(path=path))
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Checking the signatures…"))
        verifier = self.verifier
        self.runner.run(self.tr("Checking {name}").format(name=path.name), lambda progress: verifier.verify(path),
                        self.show_reports, self._failed, cancellable=False)

    # -- showing the findings ------------------------------------------------------------------
    def _clear(self) -> None:
        frames = [self.results_layout.itemAt(i).widget() for i in range(self.results_layout.count())]
        for frame in frames:
            if isinstance(frame, QFrame):
                self.results_layout.removeWidget(frame)
                frame.deleteLater()
        self.verdict_labels, self.detail_labels = [], []

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserCancelled):
            self.status.clear()
            return
        if isinstance(exc, UserError):
            self.status.setStyleSheet(f"color: {RED};")
            self.status.setText(self.tr("This file cannot be checked: {reason}").format(reason=exc.message))
        else:
            self.status.clear()
            self.runner.default_failure(exc)

    def show_reports(self, reports: list[Any]) -> None:
        self._clear()
        self.reports = list(reports)
        if not self.reports:
            self.status.setStyleSheet(f"color: {RED};")
            self.status.setText(self.tr("No signature found: this file was not signed or sealed."))
            return
        valid = sum(1 for r in self.reports if r.verdict == "valid")
        self.status.setStyleSheet("")
        self.status.setText(self.tr("{count} signature(s) found, {valid} valid.").format(
            count=len(self.reports), valid=valid))
        for index, report in enumerate(self.reports):
            self.results_layout.insertWidget(index, self._report_frame(report))

    def _report_frame(self, report: Any) -> QFrame:
        frame = QFrame(frameShape=QFrame.Shape.StyledPanel)
        box = QVBoxLayout(frame)
        verdict = QLabel(verdict_label(report.verdict), wordWrap=True, objectName="verdict")
        color = GREEN if report.verdict == "valid" else RED
        verdict.setStyleSheet(f"color: {color}; font-size: 16pt; font-weight: bold;")
        detail = QLabel("\n".join(self.detail_lines(report)), wordWrap=True, objectName="verdictDetail")
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(verdict)
        box.addWidget(detail)
        self.verdict_labels.append(verdict)
        self.detail_labels.append(detail)
        return frame

    def detail_lines(self, report: Any) -> list[str]:
        lines = [self.tr("Signer: {name}").format(name=report.signer_name or self.tr("(unreadable)")),
                 self.tr("Signing time: {time} (as the signer states it)").format(time=minute(report.signed_at))
                 if report.signed_at else self.tr("Signing time: not stated")]
        if report.signer_serial is not None:
            lines.append(self.tr("Certificate: serial {serial}, issued by {issuer}, valid {start} to {end}").format(
                serial=f"{report.signer_serial:X}", issuer=report.issuer_name or "?",
                start=day(report.cert_valid_from), end=day(report.cert_valid_to)))
        if report.reason or report.location:
            lines.append(self.tr("Reason: {reason}  Location: {location}").format(reason=report.reason,
                                                                                   location=report.location))
        chain = report.chain
        if chain.ok:
            lines.append(self.tr("The certificate chains to the trusted bureau {anchor}.").format(
                anchor=chain.trust_anchor or chain.issuer_name))
        else:
            lines.extend(self.tr("Certificate problem: {problem}").format(problem=chain_reason_label(r))
                         for r in chain.reasons)
        if not report.intact:
            lines.append(self.tr("A signed byte was changed: the file is not the one that was signed."))
        elif report.modification != "none":
            lines.append(self.tr("Changed after signing: {what}").format(what=modification_label(report.modification)))
        else:
            lines.append(self.tr("Not changed since it was signed."))
        if report.detail:
            lines.append(self.tr("Detail: {detail}").format(detail=report.detail))
        return lines

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify a signed file"))
        self.intro.setText(self.tr("Drop a sealed PDF (or a .docx with its .p7s signature beside it) here, or "
                                   "choose one. The check needs no network: it trusts the bureau certificates "
                                   "this installation knows."))
        self.choose_button.setText(self.tr("&Choose a file…"))
        if self.reports:
            self.show_reports(self.reports)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
