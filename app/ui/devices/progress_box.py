"""The progress of one import, inline (on a device card or under the imports list): a bar of files
done of total, bytes, MB/s and the time left, the file being copied, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.domain.evidence import ImportProgress
from app.ui.evidence.labels import duration_text, rate_text, size_text


class ProgressBox(QWidget):
    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importProgressBox")
        self.bar = QProgressBar(objectName="importProgress")
        self.text = QLabel(objectName="importProgressText", wordWrap=True)
        self.current = QLabel(objectName="importCurrent", wordWrap=True)
        self.current.setStyleSheet("color: #6a6a6a;")
        self.cancel_button = QPushButton(objectName="cancelImport")
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text)
        layout.addWidget(self.current)
        self.setVisible(False)
        self.retranslate()

    def start(self) -> None:
        self.bar.setRange(0, 0)  # busy until the file list is known
        self.text.clear()
        self.current.clear()
        self.cancel_button.setEnabled(True)
        self.setVisible(True)
        self.retranslate()

    def step(self, name: str) -> None:
        texts = {"prepare": self.tr("Preparing the device…"),
                 "storage": self.tr("Waiting for the device to appear as a drive…"),
                 "plan": self.tr("Listing the files…"), "copy": self.tr("Copying…")}
        self.text.setText(texts.get(name, ""))

    def show_progress(self, p: ImportProgress) -> None:
        total = max(p.files_total, 1)
        self.bar.setRange(0, total)
        self.bar.setValue(min(p.files_done, total))
        text = self.tr("{done} of {total} files · {size} of {total_size} · {rate}").format(
            done=p.files_done, total=p.files_total, size=size_text(p.bytes_done), total_size=size_text(p.bytes_total),
            rate=rate_text(p.rate_bps))
        eta = p.eta_s
        if eta is not None and p.files_done < p.files_total:
            text += self.tr(" · about {time} left").format(time=duration_text(eta))
        self.text.setText(text)
        self.current.setText(p.current)

    def stop(self) -> None:
        self.setVisible(False)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.text.setText(self.tr("Stopping…"))
        self.cancel_clicked.emit()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the import; what was copied stays, and it can be resumed"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
