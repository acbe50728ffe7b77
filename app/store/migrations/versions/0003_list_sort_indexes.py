"""indexes for sorting and date-filtering the case list

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.create_index("ix_cases_number", ["number"])
        batch.create_index("ix_cases_party_names", ["party_names"])
        batch.create_index("ix_cases_created", ["created_at"])


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_index("ix_cases_created")
        batch.drop_index("ix_cases_party_names")
        batch.drop_index("ix_cases_number")
