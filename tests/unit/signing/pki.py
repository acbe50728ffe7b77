"""A tiny PKI for the PDF and CMS signing tests, built with ``cryptography`` only (no app.signing.keys /
certs): a bureau CA, certificates it issues, and pyHanko signers over them. Keys live in memory only."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore

NOW = datetime(2026, 3, 16, 2, 0, tzinfo=UTC)  # 10:00 in Beijing


@dataclass
class Identity:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey
    chain: list[x509.Certificate] = field(default_factory=list)  # issuers, nearest first

    def signer(self) -> signers.SimpleSigner:
        return simple_signer(self.cert, self.key, self.chain)

    def async_signer(self) -> AsyncOnlySigner:
        return AsyncOnlySigner(self.cert, self.key, self.chain)


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"), x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_ca(name: str = "江海区市场监督管理局", *, not_before: datetime = NOW - timedelta(days=30),
            years: int = 5) -> Identity:
    """A self-signed bureau CA (its seal certificate): CA=True, pathlen 0, cert sign + digital signature."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(name)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_before + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Identity(cert, key)


def issue(ca: Identity, name: str, *, not_before: datetime = NOW - timedelta(days=1),
          not_after: datetime = NOW + timedelta(days=365), serial: int | None = None,
          for_signing: bool = True) -> Identity:
    """An end-entity signing certificate issued by ``ca`` (``for_signing=False``: key encipherment only)."""
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=for_signing, content_commitment=for_signing,
                                     key_encipherment=not for_signing, data_encipherment=False, key_agreement=False,
                                     key_cert_sign=False, crl_sign=False, encipher_only=False, decipher_only=False),
                       critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
        .sign(ca.key, hashes.SHA256())
    )
    return Identity(cert, key, [ca.cert, *ca.chain])


def to_asn1(cert: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def simple_signer(cert: x509.Certificate, key: ec.EllipticCurvePrivateKey,
                  chain: Sequence[x509.Certificate] = ()) -> signers.SimpleSigner:
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return signers.SimpleSigner(
        signing_cert=to_asn1(cert),
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore.from_certs([to_asn1(c) for c in chain]),
    )


class AsyncOnlySigner(signers.Signer):
    """A signer that only implements the async API (as a token signer would)."""

    def __init__(self, cert: x509.Certificate, key: ec.EllipticCurvePrivateKey, chain: Sequence[x509.Certificate]):
        self._key = key
        self.calls = 0
        super().__init__(signing_cert=to_asn1(cert),
                         cert_registry=SimpleCertificateStore.from_certs([to_asn1(c) for c in chain]))

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run: bool = False) -> bytes:
        self.calls += 1
        algorithm = {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(), "sha512": hashes.SHA512()}
        return self._key.sign(data, ec.ECDSA(algorithm[digest_algorithm]))


# --- PDFs -----------------------------------------------------------------------------------------------------


def blank_pdf(pages: int = 1, size: tuple[float, float] = (595.276, 841.89)) -> bytes:
    """A plain PDF (pyHanko's writer) with ``pages`` empty pages and a line of text on each."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PdfFileWriter

    writer = PdfFileWriter()
    font = writer.add_object(generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Font"),
        generic.pdf_name("/Subtype"): generic.pdf_name("/Type1"),
        generic.pdf_name("/BaseFont"): generic.pdf_name("/Helvetica"),
    }))
    for i in range(pages):
        stream = writer.add_object(generic.StreamObject(
            stream_data=b"BT /F1 14 Tf 72 720 Td (Page %d of a test decision) Tj ET" % (i + 1)))
        page = generic.DictionaryObject({
            generic.pdf_name("/Type"): generic.pdf_name("/Page"),
            generic.pdf_name("/MediaBox"): generic.ArrayObject(map(generic.FloatObject, (0, 0, *size))),
            generic.pdf_name("/Contents"): stream,
            generic.pdf_name("/Resources"): generic.DictionaryObject({
                generic.pdf_name("/Font"): generic.DictionaryObject({generic.pdf_name("/F1"): font}),
            }),
        })
        writer.insert_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def append_update(pdf: bytes, *, annotation: bool = False, info_title: str | None = None,
                  new_content: bytes | None = None) -> bytes:
    """``pdf`` with one incremental update appended: a text annotation on page 1, a changed /Info title,
    or extra page content (what a forger would do)."""
    from pyhanko.pdf_utils import generic

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    if annotation:
        annot = writer.add_object(generic.DictionaryObject({
            generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
            generic.pdf_name("/Rect"): generic.ArrayObject(map(generic.FloatObject, (100, 100, 120, 120))),
            generic.pdf_name("/Contents"): generic.TextStringObject("a sticky note"),
        }))
        page_ref = writer.find_page_for_modification(0)[0]
        writer.register_annotation(page_ref, annot)
    if info_title is not None:
        writer.set_info(generic.DictionaryObject({generic.pdf_name("/Title"): generic.TextStringObject(info_title)}))
    if new_content is not None:
        writer.add_stream_to_page(0, writer.add_object(generic.StreamObject(stream_data=new_content)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

