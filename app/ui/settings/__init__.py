"""The settings page (declared settings, validated as edited) and user administration."""

from app.ui.settings.settings_page import SettingsPage

__all__ = ["SettingsPage"]
