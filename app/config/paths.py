"""Per-user folders. ``ZHIFA_HOME`` (if set) puts config, data and logs under one folder, which
is how tests and portable installs keep away from the real user profile."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from app.config.settings import Settings

APP_NAME = "zhifa"
HOME_ENV = "ZHIFA_HOME"
DATABASE_FILE = "zhifa.sqlite3"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser().absolute() if value else None


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def data_dir(settings: Settings) -> Path:
    return Path(settings.data_dir)


def database_path(settings: Settings) -> Path:
    return data_dir(settings) / DATABASE_FILE
