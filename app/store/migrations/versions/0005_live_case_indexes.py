"""partial indexes over live cases for paging, sorting and counting the list at 100,000 cases

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

OLD = {"ix_cases_stage": ["stage"], "ix_cases_matter": ["matter_code"], "ix_cases_next_due": ["next_due"],
       "ix_cases_updated": ["updated_at"], "ix_cases_number": ["number"], "ix_cases_party_names": ["party_names"],
       "ix_cases_created": ["created_at"]}
NEW = {"updated": ["updated_at", "id"], "created": ["created_at", "id"], "number": ["number", "id"],
       "party": ["party_names", "id"], "matter": ["matter_code", "id"], "stage": ["stage", "updated_at", "id"],
       "next_due": ["next_due", "id"], "deadline": ["deadline_status", "next_due", "id"]}


def upgrade() -> None:
    for name in OLD:
        op.drop_index(name, table_name="cases")
    for name, columns in NEW.items():
        op.create_index(f"ix_cases_live_{name}", "cases", columns, sqlite_where=sa.text("deleted = 0"),
                        postgresql_where=sa.text("deleted = false"))


def downgrade() -> None:
    for name in NEW:
        op.drop_index(f"ix_cases_live_{name}", table_name="cases")
    for name, columns in OLD.items():
        op.create_index(name, "cases", columns)
