"""The bureau's small PKI: its CA (the bureau seal certificate, which issues officers', reviewers' and
seals' certificates), the keys behind them (a software key protected by the OS keyring or a PIN, or a
key on a hardware token), revocation, and the trust list a verification needs — no network."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography import x509

from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.officers import Actor, Role
from app.services.clock import Clock
from app.services.signing.refs import SOFTWARE, TOKEN, TokenRef
from app.signing import certs
from app.signing.handler import SigningHandler
from app.signing.keys import SigningKey, SoftwareKeyStore
from app.signing.token import TokenKeyStore
from app.store import audit
from app.store.audit import NewEntry
from app.store.database import Database
from app.store.signing_repository import CertificateRecord, SigningRepository

ADMINS = frozenset({Role.ADMIN, Role.BUREAU_HEAD})


def require_admin(actor: Actor) -> None:
    if actor.role not in ADMINS:
        raise UserError("only the administrator or the bureau head manages seals and certificates",
                        rule="signing.role")


class PkiService:
    def __init__(self, db: Database, clock: Clock, bureau: Any, keys_root: Path, keyring_backend: Any = None):
        self.db, self.clock, self.bureau = db, clock, bureau
        self.software = SoftwareKeyStore(Path(keys_root), keyring_backend)

    # -- keys -----------------------------------------------------------------------------------
    def key(self, key_ref: str, handler: SigningHandler | None = None) -> SigningKey:
        """The key behind a certificate (its private part stays locked until it signs)."""
        if key_ref.startswith(SOFTWARE):
            return self.software.load(key_ref.removeprefix(SOFTWARE))
        if key_ref.startswith(TOKEN):
            module, token, label = key_ref.removeprefix(TOKEN).split("|", 2)
            return TokenKeyStore(module, token).load(label, handler)
        raise ValidationError("{field}: unknown key reference {ref}", field="key_ref", rule="signing.key_ref",
                              ref=key_ref)

    def needs_pin(self, key_ref: str) -> bool:
        """Whether using this key asks for a PIN (token keys always; software keys unless the keyring holds it)."""
        if key_ref.startswith(SOFTWARE):
            return self.software.load(key_ref.removeprefix(SOFTWARE)).protection == "pin"
        return True

    def _new_key(self, label: str, pin: str | None, token: TokenRef | None,
                 handler: SigningHandler) -> tuple[SigningKey, str]:
        if token is not None:
            key = TokenKeyStore(token.module, token.token).generate(token.label, handler)
            return key, token.key_ref
        key = self.software.create(label, pin=pin)
        return key, SOFTWARE + key.key_id

    # -- the bureau CA --------------------------------------------------------------------------
    def bureau_ca(self) -> CertificateRecord | None:
        with self.db.read() as s:
            found = [c for c in SigningRepository(s).certificates("bureau_ca") if c.revoked_at is None]
        return found[-1] if found else None

    def require_ca(self) -> CertificateRecord:
        ca = self.bureau_ca()
        if ca is None:
            raise NotFound("this bureau has no seal certificate yet; the administrator sets it up in the settings",
                           rule="signing.no_ca")
        return ca

    def setup_bureau(self, actor: Actor, handler: SigningHandler, *, pin: str | None = None,
                     token: TokenRef | None = None, years: int = certs.DEFAULT_CA_YEARS) -> CertificateRecord:
        """Create the bureau's key and its seal certificate (the bureau CA). Refused when one exists."""
        require_admin(actor)
        if self.bureau_ca() is not None:
            raise ValidationError("{field}: the bureau already has a seal certificate", field="bureau",
                                  rule="signing.ca_exists")
        key, key_ref = self._new_key(f"{self.bureau.name} 公章", pin, token, handler)
        cert = certs.create_bureau_ca(self.bureau.name, key, handler, valid_from=self.clock.now(), years=years)
        return self._store(actor, "bureau_ca", cert, key_ref, None)

    def _store(self, actor: Actor, kind: str, cert: x509.Certificate, key_ref: str,
               user_id: str | None) -> CertificateRecord:
        now = self.clock.now()
        with self.db.write() as s:
            record = SigningRepository(s).add_certificate(
                kind=kind, subject=certs.holder_name(cert), serial=format(cert.serial_number, "x"),
                pem=certs.cert_to_pem(cert).decode("ascii"), key_ref=key_ref, user_id=user_id,
                valid_from=cert.not_valid_before_utc, valid_to=cert.not_valid_after_utc, now=now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="certificate_issued", entity="certificate", entity_id=record.uuid,
                                      before={}, after={"kind": kind, "subject": record.subject,
                                                        "serial": record.serial}, at=now)])
        return record

    def issue(self, actor: Actor, *, kind: str, subject: str, handler: SigningHandler, user_id: str | None = None,
              pin: str | None = None, token: TokenRef | None = None) -> CertificateRecord:
        """A certificate for a person (``kind`` "person", with ``user_id``) or a seal ("seal"), on a new
        key, issued by the bureau CA (whose key ``handler`` may be asked to unlock)."""
        require_admin(actor)
        ca = self.require_ca()
        ca_key = self.key(ca.key_ref, handler)
        key, key_ref = self._new_key(subject, pin, token, handler)
        cert = certs.issue(self.x509(ca), ca_key, handler, subject, key.public_key(), valid_from=self.clock.now(),
                           role="person" if kind == "person" else "seal")
        return self._store(actor, kind, cert, key_ref, user_id)

    def revoke(self, actor: Actor, certificate_uuid: str, reason: str) -> CertificateRecord:
        require_admin(actor)
        if not reason.strip():
            raise ValidationError("{field}: a revocation needs a reason", field="reason", rule="required")
        now = self.clock.now()
        with self.db.write() as s:
            record = SigningRepository(s).revoke(certificate_uuid, reason.strip(), now)
            audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                      action="certificate_revoked", entity="certificate", entity_id=record.uuid,
                                      before={}, after={"serial": record.serial, "reason": reason.strip()},
                                      at=now)])
        return record

    # -- reading --------------------------------------------------------------------------------
    @staticmethod
    def x509(record: CertificateRecord) -> x509.Certificate:
        return certs.cert_from_bytes(record.pem.encode("ascii"))

    def certificates(self, kind: str | None = None) -> list[CertificateRecord]:
        with self.db.read() as s:
            return SigningRepository(s).certificates(kind)

    def certificate(self, uuid: str) -> CertificateRecord:
        with self.db.read() as s:
            return SigningRepository(s).certificate(uuid)

    def certificate_of(self, user_id: str) -> CertificateRecord | None:
        with self.db.read() as s:
            return SigningRepository(s).certificate_of_user(user_id)

    def trusted(self) -> list[x509.Certificate]:
        """The bureau CAs a verification trusts (this bureau's; the central API will add the others)."""
        return [self.x509(c) for c in self.certificates("bureau_ca")]

    def revoked_serials(self) -> set[int]:
        return {int(c.serial, 16) for c in self.certificates() if c.revoked_at is not None}

    def chain_for(self, record: CertificateRecord) -> list[x509.Certificate]:
        """The certificates to embed with a signature: the bureau CA unless the certificate is the CA."""
        return [] if record.kind == "bureau_ca" else [self.x509(self.require_ca())]
