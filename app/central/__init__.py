"""zhifa-central: the thin central API (identity, catalogue, supervision, sync) — FastAPI."""
