"""Checks on the paths a driver lists, before anything is opened. A device writes whatever bytes it
likes; none of them may lead outside the volume, and the stored name must be printable.

Decision on names that are not UTF-8 (Linux hands them over as surrogate-escaped text): the file is
still imported — its content is the evidence, not its name — with the name recorded printable
(``\\xNN`` for each undecodable byte) and a warning on the item."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass

from app.domain.errors import UserError

MAX_COMPONENT_BYTES = 255
MAX_PATH_CHARS = 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_EXT = re.compile(r"[a-z0-9]{1,10}")


@dataclass(frozen=True)
class CheckedName:
    printable: str  # for the journal, the item and the audit chain
    raw: bytes  # the exact bytes, to open the file again on resume
    name: str  # last component, printable
    ext: str  # ".mp4" (lower case, [a-z0-9]{1,10}) or ""
    warnings: tuple[UserError, ...] = ()


def printable(relpath: str) -> str:
    """The path with undecodable bytes (surrogate escapes) as ``\\xNN`` and control characters as
    ``\\xNN`` / ``\\uNNNN``, so it can be stored and shown."""
    out = []
    for ch in relpath:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: one undecodable byte
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        elif _control(ch):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") and ch != "\u200d"  # ZWJ is part of emoji


def raw_bytes(relpath: str) -> bytes:
    try:
        return os.fsencode(relpath)
    except UnicodeEncodeError:  # a lone surrogate that no file system could have produced
        return relpath.encode("utf-8", "surrogatepass")


def extension(name: str) -> str:
    ext = os.path.splitext(name)[1][1:].lower()
    return f".{ext}" if _EXT.fullmatch(ext) else ""


def check(relpath: str) -> CheckedName:
    """The checked name, or a UserError saying why the file is refused."""
    shown = printable(relpath)
    if not relpath or relpath in (".", "/"):
        raise UserError("the path {path} is empty", rule="evidence.name.empty", path=shown)
    if len(relpath) > MAX_PATH_CHARS:
        raise UserError("the path is too long ({length} characters, at most {limit}): {path}",
                        rule="evidence.name.long", length=len(relpath), limit=MAX_PATH_CHARS, path=shown[:200] + "…")
    if "\\" in relpath:
        raise UserError("the path {path} uses backslashes as separators (refused: it could lead outside the device)",
                        rule="evidence.name.backslash", path=shown)
    if relpath.startswith("/") or _DRIVE.match(relpath):
        raise UserError("the path {path} is absolute (refused: it could lead outside the device)",
                        rule="evidence.name.absolute", path=shown)
    parts = relpath.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise UserError("the path {path} contains '..', '.' or an empty part (refused: it could lead outside the "
                        "device)", rule="evidence.name.dots", path=shown)
    if any(_control(ch) for ch in relpath if not 0xD800 <= ord(ch) <= 0xDFFF):
        raise UserError("the name {path} contains control characters", rule="evidence.name.control", path=shown)
    raw = raw_bytes(relpath)
    for part in raw.split(b"/"):
        if len(part) > MAX_COMPONENT_BYTES:
            raise UserError("a part of the path is too long ({length} bytes, at most {limit}): {path}",
                            rule="evidence.name.long", length=len(part), limit=MAX_COMPONENT_BYTES,
                            path=shown[:200] + "…")
    warnings: tuple[UserError, ...] = ()
    if shown != relpath:
        warnings = (UserError("the file name is not valid UTF-8; recorded as {path}", rule="evidence.name.encoding",
                              path=shown),)
    name = shown.rsplit("/", 1)[-1]
    return CheckedName(printable=shown, raw=raw, name=name, ext=extension(parts[-1]), warnings=warnings)
