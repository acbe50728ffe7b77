"""Case-list filters a user saved under a name, stored as JSON in the config folder.

One file holds every user's filters, keyed by user name, so people sharing a workstation keep
their own. A filter is a plain JSON object here (what it means is the case list's business).
Writing is atomic (temp file, fsync, replace); an unreadable file is reported in ``errors``, kept
as ``saved_filters.json.bad`` and not overwritten until the user saves again.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any

from app.config.paths import config_dir
from app.domain.errors import ValidationError
from app.files import write_text

log = logging.getLogger(__name__)

SAVED_FILTERS_FILE = "saved_filters.json"
FORMAT_VERSION = 1
MAX_NAME_LENGTH = 60


class SavedFilters:
    """The named filters of one user: ``names()``, ``get(name)``, ``put(name, data)``, ``remove(name)``.
    Changes are written at once."""

    def __init__(self, path: Path | None = None, *, username: str = "local"):
        self.path = Path(path) if path is not None else config_dir() / SAVED_FILTERS_FILE
        self.username = username
        self.errors: list[ValidationError] = []
        self._others: dict[str, Any] = {}  # the other users' entries, written back untouched
        self._mine: dict[str, dict[str, Any]] = {}

    @classmethod
    def load(cls, path: Path | None = None, *, username: str = "local") -> SavedFilters:
        saved = cls(path, username=username)
        users = saved._read_file()
        saved._others = {k: v for k, v in users.items() if k != username}
        mine = users.get(username, {})
        if isinstance(mine, dict):
            saved._mine = {name: data for name, data in mine.items() if isinstance(data, dict)}
        return saved

    # -- reading ---------------------------------------------------------------------------------
    def names(self) -> list[str]:
        """In the order they were first saved."""
        return list(self._mine)

    def get(self, name: str) -> dict[str, Any] | None:
        data = self._mine.get(name)
        return dict(data) if data is not None else None

    def __contains__(self, name: object) -> bool:
        return name in self._mine

    # -- writing ---------------------------------------------------------------------------------
    def put(self, name: str, data: dict[str, Any]) -> str:
        """Save ``data`` under ``name`` (trimmed); an existing filter of that name is replaced, so
        names stay unique. Returns the name used."""
        name = check_name(name)
        json.dumps(data)  # refuse what cannot be stored before anything changes
        self._mine[name] = dict(data)
        self.save()
        return name

    def remove(self, name: str) -> bool:
        if self._mine.pop(name, None) is None:
            return False
        self.save()
        return True

    def save(self) -> None:
        users = dict(self._others)
        users[self.username] = self._mine
        text = json.dumps({"version": FORMAT_VERSION, "users": users}, ensure_ascii=False, indent=2) + "\n"
        write_text(self.path, text)

    # -- the file --------------------------------------------------------------------------------
    def _read_file(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict) or not isinstance(raw.get("users", {}), dict):
                raise ValueError("expected a JSON object with a \"users\" object")
            return raw.get("users", {})
        except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            backup = _keep_bad_copy(self.path)
            error = ValidationError(
                "{field}: {path} is unreadable ({reason}); defaults used, the file was kept as {backup}",
                field="file", rule="setting.file", path=str(self.path), reason=str(exc),
                backup=str(backup) if backup else "-")
            self.errors.append(error)
            log.warning("saved filters: %s", error.english)
            return {}


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("{field}: this field is required", field="name", rule="required")
    return name[:MAX_NAME_LENGTH]


def _keep_bad_copy(path: Path) -> Path | None:
    candidates = [path.with_name(path.name + ".bad")]
    candidates += [path.with_name(f"{path.name}.bad.{n}") for n in range(1, 100)]
    target = next((c for c in candidates if not c.exists()), candidates[-1])
    try:
        shutil.copy2(path, target)
    except OSError:
        log.exception("could not keep a copy of the broken file %s", path)
        return None
    return target
