"""The preview of a document: its PDF pages, one under the other, with Print. The pages are rendered
before the dialog opens (in the background), so scrolling never waits."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


class PreviewDialog(QDialog):
    def __init__(self, title: str, pdf: Path, images: Sequence[QImage], on_print: Callable[[Path, str], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("documentPreview")
        self.title, self.pdf, self._on_print = title, pdf, on_print
        self.images = list(images)
        self.resize(900, 1000)

        self.caption = QLabel(objectName="previewCaption")
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setSpacing(16)
        self.page_labels: list[QLabel] = []
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setFrameShape(QLabel.Shape.Box)
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        column.addStretch(1)
        self.scroll = QScrollArea(objectName="previewPages", widgetResizable=True)
        self.scroll.setWidget(pages)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys and Page Up/Down scroll

        self.print_button = QPushButton(objectName="printDocument")
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.clicked.connect(lambda: self._on_print(self.pdf, self.title))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.scroll.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preview: {name}").format(name=self.title))
        self.caption.setText(self.tr("{name}: {count} page(s)").format(name=self.title, count=len(self.images)))
        self.print_button.setText(self.tr("&Print…"))
        for number, label in enumerate(self.page_labels, 1):
            label.setToolTip(self.tr("Page {number} of {count}").format(number=number, count=len(self.images)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
