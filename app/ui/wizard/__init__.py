"""The new-case wizard (案件来源登记 → 立案审批)."""

from app.ui.wizard.new_case_wizard import NewCaseWizard

__all__ = ["NewCaseWizard"]
