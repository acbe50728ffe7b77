"""Looking at evidence: footage and recordings play in a small player (Qt Multimedia: QMediaPlayer with
a QVideoWidget, play/pause and a seek bar), photos show in a viewer, anything else (and everything
when Qt Multimedia is missing) opens with the program the desktop associates with it — from a
read-only temporary copy, so no editor can ever write to the evidence store."""

from __future__ import annotations

import functools
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSlider,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain.evidence import EvidenceItem, MediaKind

if TYPE_CHECKING:
    from app.ui.tasks import Progress, TaskRunner


@functools.cache
def multimedia_available() -> bool:
    """Whether Qt Multimedia (and its widgets) can be imported here (PySide6-Addons installed)."""
    try:
        import PySide6.QtMultimedia
        import PySide6.QtMultimediaWidgets  # noqa: F401
    except ImportError:
        return False
    return True


def open_external(path: Path) -> bool:
    """Hand ``path`` to the desktop (the player or viewer it associates with the file type)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def read_only_copy(source: Path, name: str) -> Path:
    """A copy of an evidence file in a fresh temporary folder, read-only, under its original name."""
    folder = Path(tempfile.mkdtemp(prefix="zhifa-evidence-"))
    target = folder / (Path(name).name or source.name)
    shutil.copyfile(source, target)
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return target


class PlayerDialog(QDialog):
    """Plays one video or audio file: play/pause, a seek bar and the position."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setObjectName("evidencePlayer")
        self.setWindowTitle(title)
        self.resize(800, 560)
        self.path = path
        self.video = QVideoWidget(self)
        self.audio = QAudioOutput(self)
        self.player = QMediaPlayer(self)
        self.player.setVideoOutput(self.video)
        self.player.setAudioOutput(self.audio)
        self.play_button = QPushButton(objectName="playPause")
        self.play_button.clicked.connect(self.toggle)
        self.seek = QSlider(Qt.Orientation.Horizontal, objectName="seek")
        self.seek.setRange(0, 0)
        self.seek.sliderMoved.connect(self.player.setPosition)
        self.position = QLabel(objectName="position")
        self.error = QLabel(wordWrap=True, objectName="playerError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setVisible(False)
        self.close_button = QPushButton(objectName="closePlayer")
        self.close_button.clicked.connect(self.close)
        self.player.durationChanged.connect(lambda ms: self.seek.setRange(0, int(ms)))
        self.player.positionChanged.connect(self._moved)
        self.player.playbackStateChanged.connect(lambda _state: self.retranslate())
        self.player.errorOccurred.connect(self._failed)
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.seek, 1)
        controls.addWidget(self.position)
        controls.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.video, 1)
        layout.addWidget(self.error)
        layout.addLayout(controls)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.retranslate()

    def playing(self) -> bool:
        from PySide6.QtMultimedia import QMediaPlayer

        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle(self) -> None:
        if self.playing():
            self.player.pause()
        else:
            self.player.play()

    def _moved(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.setValue(int(ms))
        self.position.setText(f"{_clock(ms)} / {_clock(self.player.duration())}")

    def _failed(self, _error: Any, text: str) -> None:
        self.error.setText(self.tr("The file cannot be played here: {reason}").format(reason=text))
        self.error.setVisible(True)

    def retranslate(self) -> None:
        style = self.style()
        if self.playing():
            self.play_button.setText(self.tr("&Pause"))
            self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPause))
        else:
            self.play_button.setText(self.tr("&Play"))
            self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.close_button.setText(self.tr("&Close"))
        self.seek.setToolTip(self.tr("Drag to move through the recording"))

    def closeEvent(self, event: Any) -> None:
        self.player.stop()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _clock(ms: int) -> str:
    seconds = max(0, int(ms) // 1000)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class ImageDialog(QDialog):
    """A photo at its size (scrollable), scaled down to fit large screens."""

    def __init__(self, image: QImage, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidenceImage")
        self.setWindowTitle(title)
        self.picture = QLabel(objectName="picture", alignment=Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap.fromImage(image)
        if pixmap.width() > 1600 or pixmap.height() > 1000:
            pixmap = pixmap.scaled(1600, 1000, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        QVBoxLayout(self).addWidget(scroll)
        self.resize(min(pixmap.width() + 40, 1200), min(pixmap.height() + 40, 860))


class MediaOpener(QObject):
    """``open(item, path)``: plays, shows or hands over one evidence file; slow steps (reading a
    photo, copying for the desktop) run on the task runner. ``dialog`` is the last window opened."""

    def __init__(self, runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self.runner, self._parent = runner, parent
        self.dialog: QDialog | None = None
        self.opened: list[Path] = []  # files handed to the desktop (read-only copies)

    def open(self, item: EvidenceItem, path: Path) -> None:
        if item.kind in (MediaKind.VIDEO, MediaKind.AUDIO) and multimedia_available():
            self._show(PlayerDialog(path, item.name, self._parent))
            self.dialog.player.play()  # type: ignore[union-attr]
        elif item.kind is MediaKind.IMAGE:
            self.runner.run(self.tr("Opening {name}").format(name=item.name), lambda _p: _read_image(path),
                            lambda image: self._image_read(item, path, image),
                            self.runner.failure_shown(self.tr("Open evidence")))
        else:
            self.open_outside(item, path)

    def open_outside(self, item: EvidenceItem, path: Path) -> None:
        def work(_progress: Progress) -> Path:
            return read_only_copy(path, item.name)

        self.runner.run(self.tr("Opening {name}").format(name=item.name), work, self._hand_over,
                        self.runner.failure_shown(self.tr("Open evidence")))

    def _image_read(self, item: EvidenceItem, path: Path, image: QImage) -> None:
        if image.isNull():  # a format Qt cannot read (HEIC, RAW): the desktop may
            self.open_outside(item, path)
        else:
            self._show(ImageDialog(image, item.name, self._parent))

    def _hand_over(self, copy: Path) -> None:
        self.opened.append(copy)
        if not open_external(copy):
            QMessageBox.warning(self._parent, self.tr("Open evidence"),
                                self.tr("No program on this computer opens {name}. A read-only copy is at {path}.")
                                .format(name=copy.name, path=copy))

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        dialog.show()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None


def _read_image(path: Path) -> QImage:
    return QImage(str(path))  # QImage (unlike QPixmap) may be made off the UI thread

