"""Settings declared once, per-user paths and the bureau profile. No Qt, no database here."""

from app.config.bureau import DEMO_BUREAU, BureauProfile
from app.config.paths import config_dir, data_dir, database_path, log_dir
from app.config.settings import SETTINGS, Setting, Settings

__all__ = [
    "DEMO_BUREAU",
    "SETTINGS",
    "BureauProfile",
    "Setting",
    "Settings",
    "config_dir",
    "data_dir",
    "database_path",
    "log_dir",
]
