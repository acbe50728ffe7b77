"""Every user setting, declared once in :data:`SETTINGS`, stored as JSON in the config folder.

Loading never fails: a bad value is reported (``Settings.errors``, a ValidationError naming the
setting) and its default used; a corrupt file is kept as ``settings.json.bad`` for the admin.
Keys this version does not know are kept, so an older client does not erase a newer one's choices.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from app.config.paths import config_dir, default_data_dir
from app.domain.errors import ValidationError
from app.files import write_text

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
LANGUAGES = ("zh_CN", "en")
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

Validator = Callable[[str, Any], Any]  # (setting name, raw value) -> normalised value, or ValidationError


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any  # a value, or a zero-argument callable for defaults that depend on the environment
    description: str
    validator: Validator
    bounds: tuple[int, int] | None = None  # whole numbers: the range accepted (editors use it)
    choices: tuple[str, ...] | None = None  # the values accepted, for choice settings

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default

    def validate(self, value: Any) -> Any:
        return self.validator(self.name, value)

    def to_json(self, value: Any) -> Any:
        return str(value) if isinstance(value, Path) else value


def _invalid(name: str, source: str, rule: str, **params: Any) -> ValidationError:
    return ValidationError(source, field=name, rule=rule, **params)


def _int_range(low: int, high: int) -> Validator:
    def check(name: str, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):  # bool is an int subclass
            raise _invalid(name, "{field}: expected a whole number, got {value!r}", "setting.type",
                           value=value)
        if not low <= value <= high:
            raise _invalid(name, "{field}: {value} is outside {low}..{high}", "setting.range",
                           value=value, low=low, high=high)
        return value

    return check


def _choice(choices: tuple[str, ...]) -> Validator:
    def check(name: str, value: Any) -> str:
        if value not in choices:
            raise _invalid(name, "{field}: must be one of {choices}, got {value!r}", "setting.choice",
                           choices=", ".join(choices), value=value)
        return value

    return check


def _central_url(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _invalid(name, "{field}: expected text, got {value!r}", "setting.type", value=value)
    url = value.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        host, parts = None, None
    ok = parts is not None and host is not None and (
        parts.scheme == "https" or (parts.scheme == "http" and host in _LOCAL_HOSTS))
    if not ok:
        raise _invalid(name, "{field}: {value!r} is not an https address (plain http only for localhost)",
                       "setting.url", value=url)
    return url


def _folder(name: str, value: Any) -> Path:
    if not isinstance(value, str | Path) or not str(value).strip():
        raise _invalid(name, "{field}: expected a folder path, got {value!r}", "setting.type", value=value)
    path = Path(str(value).strip()).expanduser()
    if not path.is_absolute():
        raise _invalid(name, "{field}: {value!r} is not an absolute folder path", "setting.path",
                       value=str(value))
    return path


SETTINGS: dict[str, Setting] = {s.name: s for s in (
    Setting("data_dir", Path, default_data_dir,
            "Folder holding the case database, documents and evidence files.", _folder),
    Setting("central_url", str, "",
            "Address of the central service (https; http only for localhost). Empty: work offline.",
            _central_url),
    Setting("language", str, "zh_CN", "User-interface language: zh_CN or en.", _choice(LANGUAGES),
            choices=LANGUAGES),
    Setting("idle_lock_minutes", int, 15, "Lock the window after this many idle minutes (1-240).",
            _int_range(1, 240), bounds=(1, 240)),
    Setting("font_size", int, 11, "Base font size in points (8-32).", _int_range(8, 32), bounds=(8, 32)),
    Setting("evidence_flag_days", int, 7,
            "Flag evidence still linked to no case after this many days (1-90).", _int_range(1, 90), bounds=(1, 90)),
)}


class Settings:
    """Current values over the declared defaults. Read a setting as an attribute: ``settings.language``."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else config_dir() / SETTINGS_FILE
        self._values: dict[str, Any] = {}
        self._unknown: dict[str, Any] = {}
        self.errors: list[ValidationError] = []

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        settings = cls(path)
        raw = settings._read_file()
        for key, value in raw.items():
            if key not in SETTINGS:
                settings._unknown[key] = value
                continue
            try:
                settings._values[key] = SETTINGS[key].validate(value)
            except ValidationError as exc:
                settings._report(exc)
        return settings

    def _read_file(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError(f"expected a JSON object, found {type(raw).__name__}")
            return raw
        except (OSError, UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            backup = self._keep_bad_copy()
            self._report(_invalid(
                "settings_file",
                "{field}: {path} is unreadable ({reason}); defaults used, the file was kept as {backup}",
                "setting.file", path=str(self.path), reason=str(exc), backup=str(backup) if backup else "-"))
            return {}

    def _keep_bad_copy(self) -> Path | None:
        candidates = [self.path.with_name(self.path.name + ".bad")]
        candidates += [self.path.with_name(f"{self.path.name}.bad.{n}") for n in range(1, 100)]
        target = next((c for c in candidates if not c.exists()), candidates[-1])
        try:
            shutil.copy2(self.path, target)
        except OSError:
            log.exception("could not keep a copy of the broken settings file %s", self.path)
            return None
        return target

    def _report(self, error: ValidationError) -> None:
        self.errors.append(error)
        log.warning("settings: %s", error.english)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in SETTINGS:
            raise AttributeError(name)
        return self.get(name)

    def get(self, name: str) -> Any:
        setting = self._declared(name)
        return self._values[name] if name in self._values else setting.default_value()

    def set(self, name: str, value: Any) -> None:
        """Validate and keep ``value``; raises ValidationError naming the setting."""
        self._values[name] = self._declared(name).validate(value)

    def reset(self, name: str) -> None:
        self._declared(name)
        self._values.pop(name, None)

    def is_default(self, name: str) -> bool:
        self._declared(name)
        return name not in self._values

    def __iter__(self) -> Iterator[tuple[Setting, Any]]:
        for name, setting in SETTINGS.items():
            yield setting, self.get(name)

    @property
    def unknown(self) -> Mapping[str, Any]:
        return dict(self._unknown)

    def _declared(self, name: str) -> Setting:
        try:
            return SETTINGS[name]
        except KeyError:
            raise _invalid(name, "{field}: unknown setting", "setting.unknown") from None

    def to_json(self) -> dict[str, Any]:
        """Only values that were set are stored, so a changed default reaches every user."""
        data = dict(self._unknown)
        data.update({name: SETTINGS[name].to_json(value) for name, value in self._values.items()})
        return data

    def save(self) -> None:
        """Write atomically: a crash mid-write leaves the previous file, never half of one."""
        write_text(self.path, json.dumps(self.to_json(), ensure_ascii=False, indent=2, sort_keys=True) + "\n")
