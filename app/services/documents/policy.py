"""Who may do what with documents, and file names made from their names — light enough for the UI to
import at start-up without the rendering and PDF libraries."""

from __future__ import annotations

from app.domain.officers import Role

WRITERS = frozenset({Role.OFFICER, Role.SECTION_HEAD, Role.LEGAL_REVIEWER, Role.BUREAU_HEAD})
REGISTRARS = frozenset({Role.ADMIN, Role.BUREAU_HEAD})  # template changes and voided 文号


def safe_name(text: str) -> str:
    """A file name from a document or case name (no separators, no characters Windows refuses)."""
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text).strip(" .")
    return cleaned[:80] or "document"
