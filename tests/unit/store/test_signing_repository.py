"""Times in the signing tables come back as the moments that were stored, whatever offset they came in."""

from __future__ import annotations

from datetime import UTC, datetime

from app.store.signing_repository import SigningRepository


def test_certificate_validity_and_revocation_keep_their_moment(database):
    start, end = datetime(2026, 3, 1, 16, 30, tzinfo=UTC), datetime(2029, 3, 1, 16, 30, tzinfo=UTC)
    now = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    with database.write() as s:
        repo = SigningRepository(s)
        record = repo.add_certificate(kind="person", subject="陈科长", serial="ab12", pem="-", key_ref="software:x",
                                      user_id="u-chen", valid_from=start, valid_to=end, now=now)
        repo.revoke(record.uuid, "离职", now)
    with database.read() as s:
        [back] = SigningRepository(s).certificates()
    assert (back.valid_from, back.valid_to, back.revoked_at) == (start, end, now)
    assert back.revoked_reason == "离职"
