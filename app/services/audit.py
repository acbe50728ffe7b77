"""Checking the audit chain."""

from __future__ import annotations

from app.store import audit
from app.store.audit import ChainReport
from app.store.database import Database


class AuditService:
    def __init__(self, db: Database):
        self.db = db

    def verify(self) -> ChainReport:
        with self.db.read() as s:
            return audit.verify(s)
