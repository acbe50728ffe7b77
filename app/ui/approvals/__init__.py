"""The approval inbox (审批)."""

from app.ui.approvals.inbox import ApprovalInbox
from app.ui.approvals.inbox_model import InboxModel

__all__ = ["ApprovalInbox", "InboxModel"]
