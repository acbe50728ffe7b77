"""case search: a search-text table, and on SQLite an FTS5 index kept in step by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

from app.store.search_text import index_tokens, normalise

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FTS_TRIGGERS = (
    """CREATE TRIGGER case_search_ai AFTER INSERT ON case_search BEGIN
         INSERT INTO case_fts(rowid, tokens) VALUES (new.case_id, new.tokens); END""",
    """CREATE TRIGGER case_search_ad AFTER DELETE ON case_search BEGIN
         INSERT INTO case_fts(case_fts, rowid, tokens) VALUES ('delete', old.case_id, old.tokens); END""",
    """CREATE TRIGGER case_search_au AFTER UPDATE ON case_search BEGIN
         INSERT INTO case_fts(case_fts, rowid, tokens) VALUES ('delete', old.case_id, old.tokens);
         INSERT INTO case_fts(rowid, tokens) VALUES (new.case_id, new.tokens); END""",
)


def upgrade() -> None:
    op.create_table(
        "case_search",
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tokens", sa.Text(), nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE case_fts USING fts5(tokens, content='case_search', "
                   "content_rowid='case_id', tokenize='unicode61 remove_diacritics 0')")
        for trigger in FTS_TRIGGERS:
            op.execute(trigger)
    # Backfill the cases an older database already holds.
    rows = bind.execute(sa.text(
        "SELECT c.id, c.number, c.cause, c.place, c.party_names, m.name FROM cases c "
        "JOIN matters m ON m.code = c.matter_code")).all()
    parties: dict[int, list[str]] = {}
    for case_id, name, id_number, address in bind.execute(sa.text(
            "SELECT case_id, name, id_number, address FROM case_parties WHERE deleted = :f"), {"f": False}):
        parties.setdefault(case_id, []).extend([name, id_number, address])
    table = sa.table("case_search", sa.column("case_id"), sa.column("text"), sa.column("tokens"))
    batch = []
    for case_id, number, cause, place, party_names, matter in rows:
        fields = [number, cause, place, party_names, matter, *parties.get(case_id, [])]
        batch.append({"case_id": case_id, "text": normalise(" ".join(fields)), "tokens": index_tokens(*fields)})
    if batch:
        op.bulk_insert(table, batch)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE case_fts")
    op.drop_table("case_search")
