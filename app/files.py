"""Atomic file writes for every layer (settings, the file store, PDFs, exports): a temp file next to
the target, fsync, ``os.replace``, then the folder synced. A crash or error leaves the previous file
(or none), never half of one. Standard library only, so any layer may use it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO


def stage(target: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write a complete, fsynced temp file next to ``target`` (by calling ``write`` with the open
    file) and return its path; the caller moves it in with :func:`commit`. Removed on error."""
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return Path(tmp_name)


def discard(staged: Iterable[Path]) -> None:
    for path in staged:
        with contextlib.suppress(OSError):
            path.unlink()


def commit(pairs: Iterable[tuple[Path, Path]]) -> None:
    """Move each staged temp file onto its target, then make the renames durable."""
    pairs = list(pairs)
    folders = set()
    for i, (staged, target) in enumerate(pairs):
        try:
            os.replace(staged, target)
        except BaseException:
            discard(s for s, _ in pairs[i:])
            raise
        folders.add(target.parent)
    for folder in folders:
        fsync_dir(folder)


def write_atomically(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """``write(handle)`` fills the new file; it replaces ``target`` only once complete and on disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    commit([(stage(target, write), target)])


def write_bytes(target: Path, data: bytes) -> None:
    write_atomically(target, lambda handle: handle.write(data))


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def fsync_dir(folder: Path) -> None:
    # Makes a rename durable on POSIX; Windows cannot open directories, which is fine there.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
