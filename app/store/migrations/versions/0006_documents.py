"""documents and their versions, 文号 number blocks and the 文号 register (issued_numbers)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("frozen_reason", sa.String(length=200), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("inputs", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("change_counter", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_uuid"], ["cases.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index("ix_documents_case_uuid", "documents", ["case_uuid"])
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_uuid", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("file", sa.String(length=500), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("actor_name", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_uuid"], ["documents.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_uuid", "version", name="uq_document_versions_version"),
    )
    op.create_table(
        "number_blocks",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("bureau_code", sa.String(length=40), nullable=False),
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("first", sa.Integer(), nullable=False),
        sa.Column("last", sa.Integer(), nullable=False),
        sa.Column("next", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("uuid"),
        sa.UniqueConstraint("bureau_code", "series", "year", "first", name="uq_number_blocks_range"),
    )
    op.create_table(
        "issued_numbers",
        sa.Column("bureau_code", sa.String(length=40), nullable=False),
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("text", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("document_uuid", sa.String(length=36), nullable=True),
        sa.Column("case_uuid", sa.String(length=36), nullable=True),
        sa.Column("block_uuid", sa.String(length=36), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_name", sa.String(length=50), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("voided_by", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("bureau_code", "series", "year", "seq"),
    )
    op.create_index("ix_issued_numbers_document_uuid", "issued_numbers", ["document_uuid"])


def downgrade() -> None:
    op.drop_index("ix_issued_numbers_document_uuid", table_name="issued_numbers")
    op.drop_table("issued_numbers")
    op.drop_table("number_blocks")
    op.drop_table("document_versions")
    op.drop_index("ix_documents_case_uuid", table_name="documents")
    op.drop_table("documents")
