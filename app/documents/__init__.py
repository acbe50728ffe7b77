"""Rendering of 执法文书 (.docx) from case data, and their conversion to PDF. No store, no Qt."""
