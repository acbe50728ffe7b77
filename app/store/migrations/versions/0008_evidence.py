"""evidence: device imports and their journal, stored evidence items, links to cases, device definitions

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [sa.Column("uuid", sa.String(length=36), nullable=False),
            sa.Column("change_counter", sa.Integer(), nullable=False),
            sa.Column("deleted", sa.Boolean(), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False)]


def upgrade() -> None:
    op.create_table(
        "evidence_imports",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("volume", sa.Text(), nullable=False),
        sa.Column("driver", sa.String(length=40), nullable=False),
        sa.Column("device_serial", sa.String(length=120), nullable=False),
        sa.Column("officer_no", sa.String(length=40), nullable=False),
        sa.Column("device", sa.JSON(), nullable=False),
        sa.Column("clock_offset_s", sa.Float(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("actor_name", sa.String(length=50), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("stop_reason", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_table(
        "evidence_import_files",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("import_uuid", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("original_path", sa.Text(), nullable=False),
        sa.Column("raw_path", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("message", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("item_uuid", sa.String(length=36), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["import_uuid"], ["evidence_imports.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("import_uuid", "position", name="uq_evidence_import_files_position"),
    )
    op.create_table(
        "evidence_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("original_path", sa.Text(), nullable=False),
        sa.Column("stored_path", sa.String(length=100), nullable=False),
        sa.Column("device_serial", sa.String(length=120), nullable=False),
        sa.Column("driver", sa.String(length=40), nullable=False),
        sa.Column("officer_no", sa.String(length=40), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("recorded_at_corrected", sa.DateTime(timezone=True), nullable=True),
        sa.Column("modified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("imported_by", sa.String(length=50), nullable=False),
        sa.Column("workstation", sa.String(length=64), nullable=False),
        sa.Column("import_uuid", sa.String(length=36), nullable=False),
        sa.Column("important", sa.Boolean(), nullable=False),
        sa.Column("meta", sa.JSON(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["import_uuid"], ["evidence_imports.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_table(
        "evidence_links",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("item_uuid", sa.String(length=36), nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=False),
        sa.Column("how", sa.String(length=20), nullable=False),
        sa.Column("actor_id", sa.String(length=64), nullable=False),
        sa.Column("actor_name", sa.String(length=50), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("unlinked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("unlinked_by", sa.String(length=50), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["item_uuid"], ["evidence_items.uuid"]),
        sa.ForeignKeyConstraint(["case_uuid"], ["cases.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_table(
        "device_definitions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("vendor_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("pattern", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index("ix_evidence_items_officer_no", "evidence_items", ["officer_no"])
    op.create_index("ix_evidence_items_imported_at", "evidence_items", ["imported_at"])
    op.create_index("ix_evidence_items_import_uuid", "evidence_items", ["import_uuid"])
    op.create_index("ix_evidence_links_item_uuid", "evidence_links", ["item_uuid"])
    op.create_index("ix_evidence_links_case_uuid", "evidence_links", ["case_uuid"])
    op.create_index("uq_evidence_links_live", "evidence_links", ["item_uuid", "case_uuid"], unique=True,
                    sqlite_where=sa.text("deleted = 0"), postgresql_where=sa.text("deleted = false"))


def downgrade() -> None:
    op.drop_index("uq_evidence_links_live", table_name="evidence_links")
    op.drop_index("ix_evidence_links_case_uuid", table_name="evidence_links")
    op.drop_index("ix_evidence_links_item_uuid", table_name="evidence_links")
    op.drop_index("ix_evidence_items_import_uuid", table_name="evidence_items")
    op.drop_index("ix_evidence_items_imported_at", table_name="evidence_items")
    op.drop_index("ix_evidence_items_officer_no", table_name="evidence_items")
    op.drop_table("device_definitions")
    op.drop_table("evidence_links")
    op.drop_table("evidence_items")
    op.drop_table("evidence_import_files")
    op.drop_table("evidence_imports")
