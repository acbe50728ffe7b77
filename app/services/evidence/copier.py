"""Copying one device file into the evidence store: read once, hash (SHA-256) and write at the same time,
never following a link, never writing to the device.

The copy lands in ``.partial/`` (written with O_DIRECT where the file system takes it: no second copy
in the page cache); a :class:`Committer` thread then fsyncs it, renames it to its hash and fsyncs the
folder while the next file is being copied, so the disk flush of file N overlaps the copy of file
N+1. Hashing runs on a thread of its own (hashlib releases the GIL), overlapping the reads and writes
of the same file.

Faults come back as typed errors: :class:`Refused` and :class:`Failed` end one file; :class:`Stop`
(device removed, disk full, store unwritable) and :class:`Cancelled` end the import."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import mmap
import os
import queue
import stat as statmod
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import UserError

BUFFER = 2 << 20  # 2 MiB chunks, 8 in flight per copying thread (read, written, hashed at once)
BUFFERS = 8
MB = 1 << 20
FLUSH_EVERY = 32 * MB
# what a read says when the device went away (confirmed by its folder being gone), and a full disk
_GONE = frozenset(getattr(errno, n) for n in ("ENODEV", "ENXIO", "ESHUTDOWN", "ENOMEDIUM", "EIO", "ENOENT", "ESTALE")
                  if hasattr(errno, n))
_FULL = frozenset(getattr(errno, n) for n in ("ENOSPC", "EDQUOT") if hasattr(errno, n))
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO must not block the open
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_DIRECT = getattr(os, "O_DIRECT", 0)  # Linux
ALIGN = 4096


class Refused(UserError):
    """The file is not copied at all (a link, not a regular file, empty, bad name)."""


class Failed(UserError):
    """This file could not be copied now (I/O error, truncated, changed); the import goes on."""


class Stop(UserError):
    """The import cannot go on (device removed, disk full); it resumes where it stopped."""


class Cancelled(Exception):
    pass


Reader = Callable[[int, bytearray], int]  # (fd, buffer) -> bytes read into it
Writer = Callable[[int, memoryview], int]  # (fd, data) -> bytes written
Opener = Callable[[str, bytes], int]  # (volume, raw relpath) -> fd opened for reading


def read_chunk(fd: int, buf: bytearray) -> int:
    return os.readv(fd, [buf]) if hasattr(os, "readv") else _read_into(fd, buf)


def _read_into(fd: int, buf: bytearray) -> int:
    data = os.read(fd, len(buf))
    buf[:len(data)] = data
    return len(data)


def open_source(volume: str, raw: bytes) -> int:
    """Open ``raw`` (a "/"-separated relative path) under ``volume`` for reading, refusing a symbolic
    link at any level: each folder is opened relative to the one before with O_NOFOLLOW."""
    parts = raw.split(b"/")
    if os.open not in os.supports_dir_fd:  # Windows: check each level, then open
        path = os.path.join(os.fsencode(volume), *parts)
        for i in range(1, len(parts) + 1):
            if os.path.islink(os.path.join(os.fsencode(volume), *parts[:i])):
                raise OSError(errno.ELOOP, "symbolic link", os.fsdecode(raw))
        return os.open(path, os.O_RDONLY | _O_BINARY)
    fd = os.open(volume, os.O_RDONLY | _O_DIRECTORY | _O_CLOEXEC)
    try:
        for part in parts[:-1]:
            try:
                inner = os.open(part, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW | _O_CLOEXEC, dir_fd=fd)
            except OSError as exc:  # Linux says ENOTDIR for a link to a folder: tell links apart
                if exc.errno in (errno.ENOTDIR, errno.ELOOP) and _is_link(part, fd):
                    raise OSError(errno.ELOOP, "symbolic link", os.fsdecode(raw)) from exc
                raise
            os.close(fd)
            fd = inner
        return os.open(parts[-1], os.O_RDONLY | _O_NOFOLLOW | _O_CLOEXEC | _O_NONBLOCK, dir_fd=fd)
    finally:
        os.close(fd)


def _start_writeback(fd: int, offset: int, length: int) -> None:
    """Start writing a copied range to disk now (Linux: POSIX_FADV_DONTNEED writes dirty pages back
    without waiting), so the fsync at the end of the file finds little left to do."""
    with contextlib.suppress(AttributeError, OSError):
        os.posix_fadvise(fd, offset, length, os.POSIX_FADV_DONTNEED)


def _is_link(name: bytes, dir_fd: int) -> bool:
    try:
        return statmod.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def volume_present(volume: str) -> bool:
    try:
        os.listdir(volume)
    except OSError:
        return False
    return True


def store_error(exc: OSError, needed: int, root: Path) -> Stop:
    if exc.errno in _FULL:
        free = free_bytes(root)
        return Stop("the evidence disk is full: {needed} MB more are needed, {free} MB are free",
                    rule="evidence.disk_full", needed=max(1, -(-needed // MB)), free=free // MB)
    return Stop("the evidence store cannot be written ({error})", rule="evidence.store", error=exc.strerror or exc)


def free_bytes(root: Path) -> int:
    import shutil

    try:
        return shutil.disk_usage(root).free
    except OSError:
        return 0


@dataclass
class Copied:
    sha256: str
    size: int
    partial: Path
    fd: int  # still open: the committer fsyncs and closes it

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(OSError):
            self.partial.unlink()


def _buffer(size: int) -> Any:
    """A page-aligned buffer (anonymous memory map), as O_DIRECT needs."""
    return mmap.mmap(-1, size)


class _Sink:
    """Writes a copy. With O_DIRECT where the file system takes it, the data goes from our buffer to the
    disk without a second copy in the page cache (evidence is written once and rarely read); an
    unaligned tail, a short write or a refusal switches the file to ordinary writes."""

    def __init__(self, fd: int, direct: bool, write: Writer):
        self.fd, self.direct, self._write = fd, direct, write

    def put(self, view: memoryview) -> None:
        n, written = len(view), 0
        if self.direct and n % ALIGN:
            self._buffered()
        while written < n:
            try:
                written += self._write(self.fd, view[written:])
            except OSError as exc:
                if not (self.direct and exc.errno == errno.EINVAL):
                    raise
                self._buffered()
                continue
            if self.direct and written < n:
                self._buffered()

    def _buffered(self) -> None:
        import fcntl

        fcntl.fcntl(self.fd, fcntl.F_SETFL, fcntl.fcntl(self.fd, fcntl.F_GETFL) & ~_O_DIRECT)
        self.direct = False


class _Pipeline:
    """Behind each copying thread, a writer thread and a hasher thread: while chunk k+2 is read, k+1 is
    written and k hashed (the I/O and hashlib release the GIL). Buffers go round: read -> write ->
    hash -> free. A write error is kept and raised by the copying thread."""

    def __init__(self, size: int, count: int):
        self.free: queue.SimpleQueue[Any] = queue.SimpleQueue()
        for _ in range(count):
            self.free.put(_buffer(size))
        self._to_write: queue.SimpleQueue = queue.SimpleQueue()
        self._to_hash: queue.SimpleQueue = queue.SimpleQueue()
        self.sink: _Sink | None = None
        self.digest: Any = None
        self.error: OSError | None = None
        self._flushed = self._written = 0
        self._threads = [threading.Thread(target=self._write_loop, name="evidence-write", daemon=True),
                         threading.Thread(target=self._hash_loop, name="evidence-hash", daemon=True)]
        for t in self._threads:
            t.start()

    def start(self, sink: _Sink | None) -> None:
        """A new file (the pipeline is drained)."""
        self.sink, self.digest, self.error, self._flushed, self._written = sink, hashlib.sha256(), None, 0, 0

    def feed(self, buf: Any, n: int) -> None:
        self._to_write.put((buf, n))

    def _write_loop(self) -> None:
        while (job := self._to_write.get()) is not None:
            buf, n = job
            sink = self.sink
            if sink is not None and self.error is None and not isinstance(buf, threading.Event):
                try:
                    sink.put(memoryview(buf)[:n])
                except Exception as exc:  # raised by the copying thread; this one must go on
                    self.error = exc if isinstance(exc, OSError) else OSError(errno.EIO, repr(exc))
                self._written += n
                if not sink.direct and self._written - self._flushed >= FLUSH_EVERY:
                    _start_writeback(sink.fd, self._flushed, self._written - self._flushed)
                    self._flushed = self._written
            self._to_hash.put(job)
        self._to_hash.put(None)

    def _hash_loop(self) -> None:
        while (job := self._to_hash.get()) is not None:
            buf, n = job
            if isinstance(buf, threading.Event):
                buf.set()
                continue
            self.digest.update(memoryview(buf)[:n])
            self.free.put(buf)

    def drain(self) -> None:
        done = threading.Event()
        self._to_write.put((done, 0))
        done.wait()

    def close(self) -> None:
        self._to_write.put(None)
        for t in self._threads:
            t.join()


class FileCopier:
    """Copies files of one volume into ``partial_dir``. Faults can be injected (tests) through the
    ``read``, ``write`` and ``open`` hooks."""

    def __init__(self, volume: str, partial_dir: Path, store_root: Path, *, read: Reader = read_chunk,
                 write: Writer = os.write, open: Opener = open_source,
                 cancel: Any = None, buffer_size: int | None = None, direct_io: bool = True):
        self.volume, self.partial_dir, self.store_root = volume, partial_dir, store_root
        self._read, self._write, self._open = read, write, open
        self.cancel, self.direct_io = cancel, direct_io
        self._pipeline = _Pipeline(buffer_size or BUFFER, BUFFERS)

    def close(self) -> None:
        self._pipeline.close()

    def _open_source(self, raw: bytes, shown: str) -> int:
        try:
            return self._open(self.volume, raw)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise Refused("{path} is a symbolic link (not followed)", rule="evidence.symlink", path=shown) from exc
            if not volume_present(self.volume):
                raise _gone(self.volume) from exc
            if exc.errno in (errno.ENOENT, errno.ENOTDIR):
                raise Failed("{path} is no longer on the device", rule="evidence.vanished", path=shown) from exc
            raise Failed("{path} cannot be opened ({error})", rule="evidence.open", path=shown,
                         error=exc.strerror or exc) from exc

    def _checked(self, fd: int, shown: str, listed: int) -> os.stat_result:
        st = os.fstat(fd)
        if not statmod.S_ISREG(st.st_mode):
            raise Refused("{path} is not a regular file", rule="evidence.not_regular", path=shown)
        if st.st_size == 0:
            raise Refused("{path} is an empty file", rule="evidence.empty", path=shown)
        if st.st_size != listed:
            raise Failed("{path} changed size since the device was read ({listed} → {now} bytes)",
                         rule="evidence.size_changed", path=shown, listed=listed, now=st.st_size)
        with contextlib.suppress(AttributeError, OSError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_SEQUENTIAL)
        return st

    def copy(self, raw: bytes, shown: str, listed: int, partial_name: str,
             progress: Callable[[int], None] | None = None) -> Copied:
        """Copy and hash one file into ``.partial``; the returned partial is complete but not yet synced."""
        src = self._open_source(raw, shown)
        partial = self.partial_dir / partial_name
        dst = -1
        try:
            st = self._checked(src, shown, listed)
            dst, direct = self._create(partial, listed)
            sha = self._pump(src, _Sink(dst, direct, self._write), shown, listed, st, progress)
            return Copied(sha, listed, partial, dst)
        except BaseException:
            if dst >= 0:
                Copied("", 0, partial, dst).discard()
            raise
        finally:
            os.close(src)

    def _create(self, partial: Path, listed: int) -> tuple[int, bool]:
        """The partial copy, read-only from the start (evidence is never edited in place)."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_CLOEXEC | _O_BINARY
        direct = bool(_O_DIRECT and self.direct_io)
        try:
            try:
                return os.open(partial, flags | (_O_DIRECT if direct else 0), 0o444), direct
            except OSError as exc:
                if not direct or exc.errno != errno.EINVAL:
                    raise
            with contextlib.suppress(OSError):
                partial.unlink()
            return os.open(partial, flags, 0o444), False  # the file system refuses O_DIRECT
        except OSError as exc:
            raise store_error(exc, listed, self.store_root) from exc

    def hash_only(self, raw: bytes, shown: str, listed: int, progress: Callable[[int], None] | None = None) -> str:
        """Read and hash without storing (a file this device probably gave before)."""
        src = self._open_source(raw, shown)
        try:
            return self._pump(src, None, shown, listed, self._checked(src, shown, listed), progress)
        finally:
            os.close(src)

    def _pump(self, src: int, sink: _Sink | None, shown: str, listed: int, st: os.stat_result,
              progress: Callable[[int], None] | None) -> str:
        pipeline, read, done = self._pipeline, self._read, 0
        pipeline.start(sink)
        try:
            while True:
                if self.cancel is not None and self.cancel.is_set():
                    raise Cancelled()
                if pipeline.error is not None:
                    raise store_error(pipeline.error, listed - done, self.store_root) from pipeline.error
                buf = pipeline.free.get()
                try:
                    n = read(src, buf)
                except OSError as exc:
                    pipeline.free.put(buf)
                    if exc.errno in _GONE and not volume_present(self.volume):
                        raise _gone(self.volume) from exc
                    raise Failed("{path}: read error at byte {offset} ({error})", rule="evidence.read_error",
                                 path=shown, offset=done, error=exc.strerror or exc) from exc
                if not n:
                    pipeline.free.put(buf)
                    break
                pipeline.feed(buf, n)
                done += n
                if progress is not None:
                    progress(n)
        finally:
            pipeline.drain()
        if pipeline.error is not None:
            raise store_error(pipeline.error, listed - done, self.store_root) from pipeline.error
        if done != listed:
            raise Failed("{path} is truncated: {done} of {listed} bytes could be read", rule="evidence.truncated",
                         path=shown, done=done, listed=listed)
        after = os.fstat(src)
        if after.st_size != st.st_size or after.st_mtime_ns != st.st_mtime_ns:
            raise Failed("{path} changed on the device while it was copied", rule="evidence.changed", path=shown)
        return pipeline.digest.hexdigest()


def _gone(volume: str) -> Stop:
    return Stop("the device was removed (its folder {volume} is gone): the import stopped and resumes when it is "
                "connected again", rule="evidence.device_gone", volume=volume)


class Committer:
    """Runs jobs in order on a second thread (fsync, rename, record), at most ``depth`` behind the
    copy. A job is an object with ``run()`` and ``discard()``; after one fails, the rest are
    discarded and the error is raised by the next :meth:`submit` or by :meth:`finish`."""

    def __init__(self, depth: int = 2):
        self._jobs: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._loop, name="evidence-commit", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self.error is not None:
                job.discard()
                continue
            try:
                job.run()
            except BaseException as exc:  # handed to the copying thread
                self.error = exc

    def submit(self, job) -> None:  # type: ignore[no-untyped-def]
        if self.error is not None:
            job.discard()
            raise self.error
        self._jobs.put(job)

    def finish(self) -> None:
        self._jobs.put(None)
        self._thread.join()
        if self.error is not None:
            raise self.error
