"""A handler for when nobody is at the screen (the device manager before the window sets its own,
a docking station without a terminal): it logs what a driver would show and declines questions, so a
password-protected device waits for a person instead of blocking the USB thread."""

from __future__ import annotations

import logging

from app.domain.errors import UserCancelled

log = logging.getLogger(__name__)


class UnattendedHandler:
    def show_message(self, text: str, /, **params: object) -> None:
        log.info("device message: %s", text.format(**params) if params else text)

    def ask_yes_no(self, text: str, /, **params: object) -> bool:
        log.info("device question declined (nobody to answer): %s", text.format(**params) if params else text)
        return False

    def ask_password(self, text: str, /, **params: object) -> str:
        log.info("device password not asked (nobody to answer): %s", text.format(**params) if params else text)
        raise UserCancelled()
