"""The stage timeline: the stages the case passed (with dates), the current one highlighted, the
ones the next steps can lead to greyed."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.case_path import PathStep
from app.ui.labels import stage_label

_STYLES = {
    "passed": "color: palette(text);",
    "current": "background: #dbe8ff; color: #0b3d91; font-weight: bold; padding: 2px 6px;",
    "next": "color: #8a8a8a;",
}


class StageTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(objectName="stageTimeline", wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.label)
        self.steps: list[PathStep] = []

    def show_path(self, steps: list[PathStep]) -> None:
        self.steps = steps
        self.retranslate()

    def text(self) -> str:
        """The timeline as plain text (what a screen reader gets)."""
        return self.label.accessibleName()

    def retranslate(self) -> None:
        taken = [s for s in self.steps if s.state != "next"]
        following = [s for s in self.steps if s.state == "next"]
        parts, plain = [], []
        for step in taken:
            name = stage_label(step.stage)
            day = step.at.date().isoformat() if step.at else ""
            text = f"{name} {day}".strip()
            plain.append(f"[{text}]" if step.state == "current" else text)
            parts.append(f'<span style="{_STYLES[step.state]}">{html.escape(text)}</span>')
        rich = " → ".join(parts)
        if following:
            names = [stage_label(s.stage) for s in following]
            caption = self.tr("next: {stages}").format(stages=" / ".join(names))
            rich += f' <span style="{_STYLES["next"]}">⇢ {html.escape(caption)}</span>'
            plain.append(caption)
        self.label.setText(rich)
        self.label.setAccessibleName(" → ".join(plain))
        self.label.setToolTip(self.tr("Stages passed with the day each was entered; the current stage is "
                                      "highlighted, the stages the next steps can lead to are grey."))
