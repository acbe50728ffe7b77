"""signing: certificates of the bureau PKI, seals, the seal usage log (用印登记), signed approvals

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("serial", sa.String(length=64), nullable=False),
        sa.Column("pem", sa.Text(), nullable=False),
        sa.Column("key_ref", sa.String(length=300), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=True),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_to", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("change_counter", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("serial"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_table(
        "seals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("image_file", sa.String(length=500), nullable=False),
        sa.Column("image_sha256", sa.String(length=64), nullable=False),
        sa.Column("certificate_uuid", sa.String(length=36), nullable=False),
        sa.Column("allowed_user_ids", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("change_counter", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["certificate_uuid"], ["certificates.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_table(
        "seal_usage",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("seal_uuid", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("user_name", sa.String(length=50), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=False),
        sa.Column("document_uuid", sa.String(length=36), nullable=False),
        sa.Column("document_code", sa.String(length=40), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=False),
        sa.Column("sealed_sha256", sa.String(length=64), nullable=False),
        sa.Column("sealed_file", sa.String(length=500), nullable=False),
        sa.Column("signature_file", sa.String(length=500), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("change_counter", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["seal_uuid"], ["seals.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_table(
        "approval_signatures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("case_uuid", sa.String(length=36), nullable=False),
        sa.Column("approval_uuid", sa.String(length=36), nullable=False),
        sa.Column("slot", sa.String(length=40), nullable=False),
        sa.Column("signer_user_id", sa.String(length=64), nullable=False),
        sa.Column("signer_name", sa.String(length=50), nullable=False),
        sa.Column("certificate_uuid", sa.String(length=36), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("document_sha256", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("change_counter", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["certificate_uuid"], ["certificates.uuid"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("approval_uuid"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index("ix_certificates_user_id", "certificates", ["user_id"])
    op.create_index("ix_seal_usage_seal_uuid", "seal_usage", ["seal_uuid"])
    op.create_index("ix_seal_usage_case_uuid", "seal_usage", ["case_uuid"])
    op.create_index("ix_seal_usage_document_uuid", "seal_usage", ["document_uuid"])
    op.create_index("ix_approval_signatures_case_uuid", "approval_signatures", ["case_uuid"])


def downgrade() -> None:
    op.drop_index("ix_approval_signatures_case_uuid", table_name="approval_signatures")
    op.drop_index("ix_seal_usage_document_uuid", table_name="seal_usage")
    op.drop_index("ix_seal_usage_case_uuid", table_name="seal_usage")
    op.drop_index("ix_seal_usage_seal_uuid", table_name="seal_usage")
    op.drop_index("ix_certificates_user_id", table_name="certificates")
    op.drop_table("approval_signatures")
    op.drop_table("seal_usage")
    op.drop_table("seals")
    op.drop_table("certificates")
