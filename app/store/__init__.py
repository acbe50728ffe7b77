"""Local store: SQLAlchemy tables, the SQLite engine, repositories, migrations, audit chain, search."""
