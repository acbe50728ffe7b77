"""The evidence store on disk, beside the document store::

    evidence/ab/<sha256><ext>   content-addressed files, each complete (renamed in once synced)
    evidence/.partial/          copies in progress and one lock file per running import
    evidence/.thumbs/<sha>.png  thumbnails

Paths inside the store come only from a hash (and a checked extension), never from a device."""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from app.domain.errors import UserError, ValidationError

try:
    import fcntl
except ImportError:  # Windows: imports are kept apart within this process only
    fcntl = None  # type: ignore[assignment]

_STORED = re.compile(r"([0-9a-f]{2})/\1[0-9a-f]{62}(\.[a-z0-9]{1,10})?")
_RUNNING: set[str] = set()
_RUNNING_LOCK = threading.Lock()


class _Held:
    def __init__(self, path: Path):
        self.path, self.finished = path, False

    def done(self) -> None:
        """The import is complete: its lock file goes when released."""
        self.finished = True


class EvidenceStore:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.partial_dir = self.root / ".partial"
        self.thumbs_dir = self.root / ".thumbs"

    @staticmethod
    def relpath(sha256: str, ext: str) -> str:
        return f"{sha256[:2]}/{sha256}{ext}"

    def path_for(self, sha256: str, ext: str) -> Path:
        return self.root / self.relpath(sha256, ext)

    def path(self, stored_path: str) -> Path:
        """The file of a stored path as recorded (refused unless it has the store's own form)."""
        if not _STORED.fullmatch(stored_path or ""):
            raise ValidationError("{field}: {path} is not a path inside the evidence store", field="stored_path",
                                  rule="evidence.path", path=stored_path)
        return self.root / stored_path

    @staticmethod
    def partial_name(import_uuid: str, position: int) -> str:
        return f"{import_uuid}.{position}.part"

    @contextlib.contextmanager
    def locked(self, import_uuid: str) -> Iterator[_Held]:
        """Hold the import for this run: a second run of it (this or another process) is refused."""
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        with _RUNNING_LOCK:
            if import_uuid in _RUNNING:
                raise _busy()
            _RUNNING.add(import_uuid)
        fd = -1
        try:
            if fcntl is not None:
                fd = os.open(self.partial_dir / f"{import_uuid}.lock", os.O_RDWR | os.O_CREAT, 0o644)
                _flock(fd)
            held = _Held(self.partial_dir / f"{import_uuid}.lock")
            yield held
            if held.finished and fd >= 0:
                with contextlib.suppress(OSError):  # unlinked while held: the next run makes a new one
                    held.path.unlink()
        finally:
            if fd >= 0:
                os.close(fd)
            with _RUNNING_LOCK:
                _RUNNING.discard(import_uuid)

    def clean_partials(self, own: str) -> int:
        """Delete copies left by runs that ended without finishing them (a crash, a kill): those of
        ``own`` (whose lock the caller holds) and of imports no process is running now."""
        removed = 0
        if not self.partial_dir.exists():
            return 0
        for entry in os.scandir(self.partial_dir):
            owner = entry.name.split(".", 1)[0]
            if not entry.name.endswith(".part") or (owner != own and (owner in _RUNNING or not self._free(owner))):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
        return removed

    def _free(self, import_uuid: str) -> bool:
        """No process holds the import's lock."""
        if fcntl is None:
            return True
        try:
            fd = os.open(self.partial_dir / f"{import_uuid}.lock", os.O_RDWR)
        except OSError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        finally:
            os.close(fd)
        return True


def _flock(fd: int, tries: int = 20) -> None:
    """Take the lock, waiting a moment (another process's clean-up may be probing it)."""
    for attempt in range(tries):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError:
            if attempt == tries - 1:
                raise _busy() from None
            time.sleep(0.05)


def _busy() -> UserError:
    return UserError("this import is already running", rule="evidence.import_running")
