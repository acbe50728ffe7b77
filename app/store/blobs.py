"""Content-addressed files (generated documents, later evidence): each file is stored once under its
SHA-256, written to a temporary file, flushed to disk and renamed into place, so the store never holds a
partial file and a crash at any point leaves either the old state or the complete new file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import NotFound, ValidationError
from app.files import write_bytes


@dataclass(frozen=True)
class Blob:
    sha256: str
    size: int
    relpath: str  # inside the store, with "/" separators (portable in the database)


class BlobStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def _relpath(self, sha256: str, suffix: str) -> str:
        return f"{sha256[:2]}/{sha256}{suffix}"

    def put(self, data: bytes, suffix: str = "") -> Blob:
        """Store ``data`` (a no-op when the same content is already there)."""
        sha = hashlib.sha256(data).hexdigest()
        rel = self._relpath(sha, suffix)
        path = self.root / rel
        if not path.exists() or path.stat().st_size != len(data):
            write_bytes(path, data)
        return Blob(sha, len(data), rel)

    def path(self, relpath: str) -> Path:
        if not relpath or relpath.startswith(("/", "\\")) or ".." in Path(relpath).parts:
            raise ValidationError("{field}: {path} is not a path inside the file store", field="file",
                                  rule="blob.path", path=relpath)
        return self.root / relpath

    def read(self, relpath: str, sha256: str | None = None) -> bytes:
        """The stored bytes; with ``sha256`` given, a file that no longer matches is refused."""
        path = self.path(relpath)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise NotFound("stored file {path} is missing", rule="blob.missing", path=str(path)) from exc
        if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
            raise ValidationError("{field}: stored file {path} no longer matches its recorded SHA-256",
                                  field="file", rule="blob.hash", path=str(path))
        return data
