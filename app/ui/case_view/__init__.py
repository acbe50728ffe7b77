"""The case view (案件详情) and the dialogs that perform its steps."""

from app.ui.case_view.action_dialog import ActionDialog, ActionRequest
from app.ui.case_view.case_view import CaseView
from app.ui.case_view.pause_dialog import PauseDialog, PauseRequest

__all__ = ["ActionDialog", "ActionRequest", "CaseView", "PauseDialog", "PauseRequest"]
