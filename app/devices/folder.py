"""A folder (or a volume no driver recognises) given by path: every regular file, as the base driver
lists it. Used by ``zhifa import --device PATH`` and the UI's "import from folder"."""

from __future__ import annotations

from typing import ClassVar

from app.devices.base import DeviceDriver


class FolderDriver(DeviceDriver):
    NAME: ClassVar[str] = "folder"
    LABEL: ClassVar[str] = "Folder"
    KIND: ClassVar[str] = "folder"
