"""The import engine: runs a journaled import file by file, resumable after a crash, unplug, full
disk or cancel. Files end copied, duplicate (same SHA-256 already stored), refused (bad name, link,
empty, ...) or failed (I/O error, truncated, changed: tried again on the next run).

Two threads copy files side by side (SHA-256 of one file runs on one core), a third makes finished
copies durable and records them, in the order they finished.

Crash safety: a copy is written in ``.partial`` and renamed to its hash only once complete and
synced; the item, its custody entry in the audit chain and the journal outcome are then written in
one transaction. A crash anywhere leaves either a leftover partial (deleted on the next run) or a
complete file named by its hash (recorded on the next run)."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app.domain.errors import UserError
from app.domain.evidence import FileOutcome, ImportProgress, ImportRecord, ImportState
from app.domain.officers import Actor
from app.files import fsync_dir
from app.services.clock import Clock
from app.services.evidence import names
from app.services.evidence.copier import (
    MB,
    Cancelled,
    Committer,
    Copied,
    Failed,
    FileCopier,
    Opener,
    Reader,
    Refused,
    Stop,
    Writer,
    free_bytes,
    open_source,
    read_chunk,
    store_error,
    volume_present,
)
from app.services.evidence.layout import EvidenceStore
from app.services.evidence.recording import Recorder
from app.store.database import Database
from app.store.evidence_journal import ImportJournal, PlannedFile, message

SPACE_MARGIN = 64 * MB  # kept free beyond what the import needs


@dataclass(frozen=True)
class CopyHooks:
    """Where the engine touches the disks; tests inject faults here."""

    read: Reader = read_chunk
    write: Writer = os.write
    open: Opener = open_source
    fsync: Callable[[int], None] = os.fsync
    direct: bool = True  # O_DIRECT writes into the store where the file system allows them


def _stored(e: UserError) -> dict:
    return message(e.source, **e.params)


@dataclass
class _Progress:
    callback: Callable[[ImportProgress], None] | None
    files_total: int
    bytes_total: int
    files_done: int
    bytes_done: int
    started: float = field(default_factory=time.monotonic)
    current: str = ""
    _last: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, n: int) -> None:
        with self._lock:
            self.bytes_done = min(self.bytes_done + n, self.bytes_total)
            self._emit(False)

    def file_done(self) -> None:
        with self._lock:
            self.files_done += 1
            self._emit(True)

    def _emit(self, force: bool) -> None:
        """Called by the copying threads, at most every 0.1 s (and after each file)."""
        now = time.monotonic()
        if self.callback is None or (not force and now - self._last < 0.1):
            return
        self._last = now
        self.callback(ImportProgress(self.files_done, self.files_total, self.bytes_done, self.bytes_total,
                                     self.current, now - self.started))


def _drop_cache(fd: int) -> None:
    """The copy is on disk: let the page cache forget it (evidence is written once and rarely read),
    so the next copies reuse those pages instead of pushing out everything else."""
    with contextlib.suppress(AttributeError, OSError):
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


def _same_size(path, size: int) -> bool:  # type: ignore[no-untyped-def]
    """A file named by its hash exists (left by a run killed before recording it, or another import)."""
    try:
        return path.stat().st_size == size
    except OSError:
        return False


class _Either:
    """Set when either event is (the user's cancel, or another worker's stop)."""

    def __init__(self, *events: threading.Event | None):
        self.events = [e for e in events if e is not None]

    def is_set(self) -> bool:
        return any(e.is_set() for e in self.events)


class _StoreJob:
    """Committer job: make a finished copy durable under its hash, then record it."""

    def __init__(self, engine: ImportRun, f: PlannedFile, checked: names.CheckedName, copied: Copied):
        self.run_, self.f, self.checked, self.copied = engine, f, checked, copied

    def run(self) -> None:
        r, c = self.run_, self.copied
        target = r.store.path_for(c.sha256, self.checked.ext)
        if r.recorder.known(c.sha256) or _same_size(target, c.size):  # that content is stored already
            c.discard()
            r.recorder.record(self.f, self.checked, c.sha256)
            return
        try:
            r.hooks.fsync(c.fd)
            _drop_cache(c.fd)
            os.close(c.fd)
            c.fd = -1
            folder_new = not target.parent.exists()
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(c.partial, target)
            fsync_dir(target.parent)
            if folder_new:
                fsync_dir(r.store.root)
        except OSError as exc:
            c.discard()
            stop = store_error(exc, c.size, r.store.root)
            r.recorder.outcome(self.f, FileOutcome.FAILED, _stored(stop))
            raise stop from exc
        r.recorder.record(self.f, self.checked, c.sha256)

    def discard(self) -> None:
        self.copied.discard()


class _OutcomeJob:
    def __init__(self, run: ImportRun, f: PlannedFile, outcome: FileOutcome, msg: dict | None = None,
                 sha256: str = ""):
        self.run_, self.f, self.outcome, self.msg, self.sha256 = run, f, outcome, msg, sha256

    def run(self) -> None:
        if self.sha256:  # hashed without copying: a duplicate after all
            self.run_.recorder.record(self.f, None, self.sha256)
        else:
            self.run_.recorder.outcome(self.f, self.outcome, self.msg)

    def discard(self) -> None:
        pass


class ImportRun:
    """One run of one import (the engine's state while it runs)."""

    def __init__(self, db: Database, clock: Clock, store: EvidenceStore, journal_uuid: str, actor: Actor,
                 workstation: str, hooks: CopyHooks, progress: Callable[[ImportProgress], None] | None,
                 cancel: threading.Event | None, workers: int = 2):
        self.db, self.clock, self.store, self.uuid, self.actor = db, clock, store, journal_uuid, actor
        self.hooks, self.cancel, self.callback = hooks, cancel, progress
        with db.read() as s:
            journal = ImportJournal(s)
            self.head = journal.head(journal_uuid)
            self.todo = journal.to_copy(journal_uuid)
            record = journal.get(journal_uuid)
            self.known_files = journal.known_files(self.head.device_serial)
        self.record = record
        self.workers = max(1, workers)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._reason: UserError | None = None
        self._crash: BaseException | None = None
        self.recorder = Recorder(db, clock, self.head, actor, workstation)

    def _set_state(self, state: ImportState, reason: UserError | None = None) -> ImportRecord:
        with self.db.write() as s:
            journal = ImportJournal(s)
            journal.set_state(self.uuid, state, self.clock.now(), _stored(reason) if reason else None)
            return journal.get(self.uuid)

    def _precheck(self) -> Stop | None:
        if not volume_present(self.head.volume):
            return Stop("the device is not connected (its folder {volume} is missing): connect it and resume the "
                        "import", rule="evidence.device_missing", volume=self.head.volume)
        needed = sum(f.size for f in self.todo if (f.original_path, f.size) not in self.known_files)
        free = free_bytes(self.store.root)
        if needed + SPACE_MARGIN > free:
            return Stop("not enough space for the evidence: {needed} MB are needed, {free} MB are free",
                        rule="evidence.space", needed=-(-(needed + SPACE_MARGIN) // MB), free=free // MB)
        return None

    def execute(self) -> ImportRecord:
        if self.head.state is ImportState.DONE and not self.todo:
            return self.record
        self._set_state(ImportState.RUNNING)
        self.store.clean_partials(self.uuid)
        stop = self._precheck()
        if stop is not None:
            return self._set_state(ImportState.STOPPED, stop)
        rec = self.record
        done_bytes = rec.bytes - sum(f.size for f in self.todo)
        progress = _Progress(self.callback, rec.files, rec.bytes, rec.files - len(self.todo), done_bytes)
        committer = Committer()
        queue = iter(self.todo)
        try:
            workers = [threading.Thread(target=self._worker, args=(queue, committer, progress),
                                        name=f"evidence-copy-{n}", daemon=True) for n in range(self.workers - 1)]
            for w in workers:
                w.start()
            self._worker(queue, committer, progress)
            for w in workers:
                w.join()
        finally:
            try:
                committer.finish()
            except Stop as exc:
                self._halt(exc)
        if self._crash is not None:
            raise self._crash
        reason = self._reason
        if reason is None and self.cancel is not None and self.cancel.is_set():
            reason = self._cancelled()
        if reason is not None and reason.rule == "evidence.disk_full":  # say what the whole rest needs
            with self.db.read() as s:
                rest = sum(f.size for f in ImportJournal(s).to_copy(self.uuid))
            reason = store_error(OSError(errno.ENOSPC, "full"), rest, self.store.root)
        return self._set_state(ImportState.STOPPED if reason else ImportState.DONE, reason)

    def _cancelled(self) -> UserError:
        return UserError("the import was cancelled by {name}", rule="evidence.cancelled", name=self.actor.name)

    def _halt(self, reason: UserError | None = None, crash: BaseException | None = None) -> None:
        with self._lock:
            self._reason = self._reason or reason
            self._crash = self._crash or crash
            self._stopping.set()

    def _worker(self, files: Iterator[PlannedFile], committer: Committer, progress: _Progress) -> None:
        """Copy files one after the other until none is left or the import halts. Two of these run
        side by side, so hashing uses two cores (SHA-256 of one file runs on one core only)."""
        copier = FileCopier(self.head.volume, self.store.partial_dir, self.store.root, read=self.hooks.read,
                            write=self.hooks.write, open=self.hooks.open, cancel=_Either(self.cancel, self._stopping),
                            direct_io=self.hooks.direct)
        try:
            while not self._stopping.is_set():
                with self._lock:
                    f = next(files, None)
                if f is None:
                    return
                progress.current = f.original_path
                self._one(f, copier, committer, progress)
                progress.file_done()
        except Stop as exc:
            self._halt(exc)
        except Cancelled:
            self._halt(self._cancelled() if self.cancel is not None and self.cancel.is_set() else None)
        except BaseException as exc:  # a bug or a database error: stop the others, raise it in run()
            self._halt(crash=exc)
        finally:
            copier.close()

    def _one(self, f: PlannedFile, copier: FileCopier, committer: Committer, progress: _Progress) -> None:
        try:
            checked = names.check(os.fsdecode(f.raw_path))
        except UserError as exc:
            committer.submit(_OutcomeJob(self, f, FileOutcome.REFUSED, _stored(exc)))
            return
        shown = checked.printable
        try:
            if (f.original_path, f.size) in self.known_files:
                sha = copier.hash_only(f.raw_path, shown, f.size, progress.add)
                if self.recorder.known(sha):
                    committer.submit(_OutcomeJob(self, f, FileOutcome.DUPLICATE, sha256=sha))
                    return
            copied = copier.copy(f.raw_path, shown, f.size, self.store.partial_name(self.uuid, f.position),
                                 progress.add)
            committer.submit(_StoreJob(self, f, checked, copied))
        except Refused as exc:
            committer.submit(_OutcomeJob(self, f, FileOutcome.REFUSED, _stored(exc)))
        except Failed as exc:
            committer.submit(_OutcomeJob(self, f, FileOutcome.FAILED, _stored(exc)))
        except Stop as exc:
            committer.submit(_OutcomeJob(self, f, FileOutcome.FAILED, _stored(exc)))
            raise

