"""Thumbnails of evidence items, made off the UI thread: photos through the evidence service (Pillow,
cached in the store), videos from their first frame through Qt Multimedia (a muted QMediaPlayer
feeding a QVideoSink; the frame is stored back through the service so it is made once), and a
standard icon for everything else, or for videos when Qt Multimedia is not installed.

Thumbnails are decoration: they load quietly on the thread pool (no progress window) and a failure
only leaves the standard icon."""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from app.domain.evidence import EvidenceItem, MediaKind
from app.ui.evidence.player import multimedia_available

if TYPE_CHECKING:
    from app.services.evidence import EvidenceService

log = logging.getLogger(__name__)

THUMB_SIZE = 160  # shown
GLYPH_SIZE = 48
STORED_SIZE = 256  # kept in the store (the service's default size)
FRAME_TIMEOUT_MS = 8_000  # a video that gives no frame by then keeps the standard icon

_ICONS = {
    MediaKind.VIDEO: QStyle.StandardPixmap.SP_MediaPlay,
    MediaKind.AUDIO: QStyle.StandardPixmap.SP_MediaVolume,
    MediaKind.IMAGE: QStyle.StandardPixmap.SP_DirIcon,
    MediaKind.RESULT: QStyle.StandardPixmap.SP_FileDialogDetailedView,
    MediaKind.OTHER: QStyle.StandardPixmap.SP_FileIcon,
}


@functools.cache
def kind_icon(kind: MediaKind | str) -> QIcon:
    """A tile for an item without a thumbnail: the style's icon of its kind, small, on a grey card the
    size of a thumbnail (so the grid stays even)."""
    try:
        standard = _ICONS[MediaKind(kind)]
    except ValueError:
        standard = QStyle.StandardPixmap.SP_FileIcon
    tile = QPixmap(THUMB_SIZE, THUMB_SIZE * 3 // 4)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#c8c8c8"))
    painter.setBrush(QColor("#f0f0f0"))
    painter.drawRoundedRect(tile.rect().adjusted(1, 1, -1, -1), 8, 8)
    glyph = QApplication.style().standardIcon(standard).pixmap(GLYPH_SIZE, GLYPH_SIZE)
    painter.drawPixmap((tile.width() - GLYPH_SIZE) // 2, (tile.height() - GLYPH_SIZE) // 2, glyph)
    painter.end()
    return QIcon(tile)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class _Signals(QObject):
    done = Signal(object)  # (key, result or exception)


class _Job(QRunnable):
    def __init__(self, signals: _Signals, key: object, work: Callable[[], Any]):
        super().__init__()
        self.setAutoDelete(True)
        self._signals, self._key, self._work = signals, key, work

    def run(self) -> None:
        try:
            result: Any = self._work()
        except Exception as exc:  # decoration only: logged, the standard icon stays
            result = exc
        try:
            self._signals.done.emit((self._key, result))
        except RuntimeError:  # the receiver went with its window
            log.debug("thumbnail %r finished after its window closed", self._key)


class FrameGrabber(QObject):
    """The first valid frame of each video asked for, one video at a time (one muted player)."""

    grabbed = Signal(str, object)  # item uuid, QImage or None when there was no frame

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        self.player.setVideoOutput(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)
        self.player.errorOccurred.connect(lambda *_: self._done(None))
        self.timer = QTimer(self, singleShot=True, interval=FRAME_TIMEOUT_MS)
        self.timer.timeout.connect(lambda: self._done(None))
        self._queue: deque[tuple[str, Path]] = deque()
        self._current: str | None = None

    def grab(self, key: str, path: Path) -> None:
        self._queue.append((key, path))
        self._next()

    def _next(self) -> None:
        if self._current is not None or not self._queue:  # busy with one, or nothing to do
            return
        key, path = self._queue.popleft()
        self._current = key
        self.timer.start()
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()

    def _frame(self, frame: Any) -> None:
        if self._current is None or not frame.isValid():
            return
        image = frame.toImage()
        if not image.isNull():
            self._done(image.scaled(STORED_SIZE, STORED_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation))

    def _done(self, image: QImage | None) -> None:
        key, self._current = self._current, None
        if key is None:
            return
        self.timer.stop()
        self.player.stop()
        self.player.setSource(QUrl())
        self.grabbed.emit(key, image)
        QTimer.singleShot(0, self._next)


class Thumbnails(QObject):
    """``icon(item)``: the thumbnail when made, else the kind's icon while it is being made;
    ``ready(item_uuid)`` once a thumbnail arrives."""

    ready = Signal(str)

    def __init__(self, evidence: EvidenceService, parent: QObject | None = None, *,
                 pool: QThreadPool | None = None):
        super().__init__(parent)
        self.evidence = evidence
        self._pool = pool or QThreadPool.globalInstance()
        self._icons: dict[str, QIcon] = {}
        self._asked: set[str] = set()
        self._items: dict[str, EvidenceItem] = {}
        self._signals = _Signals(self)
        self._signals.done.connect(self._loaded)
        self._grabber: FrameGrabber | None = None
        self.pending = 0  # background reads and frame grabs not yet back (tests wait for 0)

    def icon(self, item: EvidenceItem, *, request: bool = True) -> QIcon:
        """The thumbnail, else the kind's tile; ``request``: start making the thumbnail (views ask as
        they paint, so only what is shown is ever decoded)."""
        found = self._icons.get(item.uuid)
        if found is not None:
            return found
        if request:
            self.request([item])
        return kind_icon(item.kind)

    def has_thumbnail(self, item_uuid: str) -> bool:
        return item_uuid in self._icons

    def request(self, items: Iterable[EvidenceItem]) -> None:
        for item in items:
            if item.uuid in self._asked or item.kind not in (MediaKind.IMAGE, MediaKind.VIDEO):
                continue
            self._asked.add(item.uuid)
            self._items[item.uuid] = item
            self._start(("read", item.uuid), lambda item=item: self._read(item))

    # -- worker thread ---------------------------------------------------------------------------
    def _read(self, item: EvidenceItem) -> tuple[QImage | None, Path | None]:
        evidence = self.evidence
        path = evidence.image_thumbnail(item) if item.kind is MediaKind.IMAGE else evidence.cached_thumbnail(item)
        if path is not None:
            image = QImage(str(path))
            if not image.isNull():
                return image, None
        return None, self.evidence.file_path(item) if item.kind is MediaKind.VIDEO else None

    # -- UI thread -------------------------------------------------------------------------------
    def _start(self, key: object, work: Callable[[], Any]) -> None:
        self.pending += 1
        self._pool.start(_Job(self._signals, key, work))

    def _loaded(self, outcome: tuple[tuple[str, str], Any]) -> None:
        (what, uuid), result = outcome
        self.pending -= 1
        if isinstance(result, Exception):
            log.info("no thumbnail for evidence %s (%s): %r", uuid, what, result)
            return
        if what == "stored":
            return
        image, video = result
        if image is not None:
            self._set(uuid, image)
        elif video is not None and multimedia_available():
            if self._grabber is None:
                self._grabber = FrameGrabber(self)
                self._grabber.grabbed.connect(self._grabbed)
            self.pending += 1
            self._grabber.grab(uuid, video)

    def _grabbed(self, uuid: str, image: QImage | None) -> None:
        self.pending -= 1
        if image is None:
            log.info("no first frame for evidence %s: the video icon stays", uuid)
            return
        self._set(uuid, image)
        item, data = self._items[uuid], png_bytes(image)
        self._start(("stored", uuid), lambda: self.evidence.store_thumbnail(item, data))

    def _set(self, uuid: str, image: QImage) -> None:
        if not shiboken6.isValid(self):
            return
        self._icons[uuid] = QIcon(QPixmap.fromImage(image))
        self.ready.emit(uuid)

    @staticmethod
    def size() -> QSize:
        return QSize(THUMB_SIZE, THUMB_SIZE)
