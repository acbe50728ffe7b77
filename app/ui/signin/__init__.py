"""Signing in, the first administrator account, and the idle lock."""

from app.ui.labels import role_label
from app.ui.signin.idle_lock import IdleLock
from app.ui.signin.lock_dialog import LockDialog
from app.ui.signin.signin_dialog import SignInDialog

__all__ = ["IdleLock", "LockDialog", "SignInDialog", "role_label"]
