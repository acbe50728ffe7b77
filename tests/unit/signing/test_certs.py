"""The bureau CA and its certificates: made with software and token CA keys, checked by check_chain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.x509.oid import NameOID

from app.signing import certs
from app.signing.certs import (
    BAD_SIGNATURE,
    EXPIRED,
    ISSUER_EXPIRED,
    ISSUER_REVOKED,
    NOT_YET_VALID,
    REVOKED,
    UNKNOWN_ISSUER,
    ChainReport,
    check_chain,
    create_bureau_ca,
    issue,
)
from app.signing.errors import CertificateProblem
from app.signing.keys import SoftwareKeyStore, to_asn1_certificate
from app.signing.token import TokenKeyStore
from tests.unit.signing.keyhelpers import FakeHandler, sign_pdf, small_pdf, validate_pdf

BUREAU = "江海区市场监督管理局"
START = datetime(2026, 1, 1, tzinfo=UTC)
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path, memory_keyring):
    return SoftwareKeyStore(tmp_path / "keys")


@pytest.fixture
def bureau(store):
    key = store.create("公章")
    return key, create_bureau_ca(BUREAU, key, FakeHandler(), START, years=10)


def _person(store, bureau, name="张三", **kwargs):
    ca_key, ca = bureau
    key = store.create(name)
    return key, issue(ca, ca_key, FakeHandler(), name, key.public_key(), **kwargs)


def _string_types(cert: x509.Certificate) -> dict[str, str]:
    subject = to_asn1_certificate(cert).subject
    return {atv["type"].native: type(atv["value"].chosen).__name__ for rdn in subject.chosen for atv in rdn}


# --- the bureau CA ------------------------------------------------------------------------------------------


def test_the_bureau_ca_is_a_self_signed_ca_named_after_the_bureau(bureau):
    key, ca = bureau
    assert ca.subject == ca.issuer
    assert ca.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == BUREAU
    assert ca.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value == BUREAU
    assert ca.subject.get_attributes_for_oid(NameOID.COUNTRY_NAME)[0].value == "CN"
    assert _string_types(ca) == {"country_name": "PrintableString", "organization_name": "UTF8String",
                                 "common_name": "UTF8String"}
    constraints = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical and constraints.value.ca and constraints.value.path_length == 0
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.key_cert_sign and usage.value.crl_sign and usage.value.digital_signature
    assert usage.value.content_commitment  # the CA is also the bureau seal that signs documents
    assert ca.not_valid_before_utc == START and ca.not_valid_after_utc == START.replace(year=2036)
    assert ca.serial_number.bit_length() > 64
    assert ca.public_key().public_numbers() == key.public_key().public_numbers()
    ca.verify_directly_issued_by(ca)
    assert certs.certificate_role(ca) == "ca"
    assert certs.holder_name(ca) == BUREAU and certs.organization(ca) == BUREAU
    assert check_chain(ca, [ca], NOW).ok


def test_a_ca_from_29_february_ends_on_28_february(store):
    ca = create_bureau_ca(BUREAU, store.create("公章"), FakeHandler(), datetime(2028, 2, 29, tzinfo=UTC), years=1)
    assert ca.not_valid_after_utc == datetime(2029, 2, 28, tzinfo=UTC)


def test_times_must_be_timezone_aware(store):
    with pytest.raises(ValueError):
        create_bureau_ca(BUREAU, store.create("公章"), FakeHandler(), datetime(2026, 1, 1))


def test_a_pin_protected_ca_key_asks_for_its_pin(store):
    key = store.create("公章", pin="246810")
    handler = FakeHandler("246810")
    create_bureau_ca(BUREAU, key, handler, START)
    assert len(handler.prompts) == 1


# --- issued certificates ------------------------------------------------------------------------------------


def test_a_person_certificate_is_issued_by_the_bureau(store, bureau):
    _, ca = bureau
    key, cert = _person(store, bureau, valid_from=START, valid_to=START + timedelta(days=365), serial=2**70 + 5)

    assert cert.issuer == ca.subject
    assert cert.serial_number == 2**70 + 5
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "张三"
    assert certs.organization(cert) == BUREAU
    assert _string_types(cert)["common_name"] == "UTF8String"
    assert certs.certificate_role(cert) == "person"
    assert not certs.is_ca(cert)
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    aki = cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    ski = ca.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == ski.digest
    assert cert.public_key().public_numbers() == key.public_key().public_numbers()
    cert.verify_directly_issued_by(ca)
    report = check_chain(cert, [ca], NOW)
    assert report == ChainReport(ok=True, reasons=[], issuer_name=BUREAU, issuer=ca)


def test_a_seal_certificate_records_its_role(store, bureau):
    _, cert = _person(store, bureau, name="行政执法专用章", role="seal")
    assert certs.certificate_role(cert) == "seal"
    assert check_chain(cert, [bureau[1]], datetime.now(UTC)).ok


def test_default_validity_is_cut_at_the_ca_end(store, bureau):
    _, ca = bureau
    _, cert = _person(store, bureau, valid_from=datetime(2035, 6, 1, tzinfo=UTC))
    assert cert.not_valid_after_utc == ca.not_valid_after_utc


def test_issuing_refuses_what_cannot_be_right(store, bureau):
    ca_key, ca = bureau
    other = store.create("李四")
    person_key, person = _person(store, bureau)
    with pytest.raises(CertificateProblem):  # not a CA
        issue(person, person_key, FakeHandler(), "王五", other.public_key())
    with pytest.raises(CertificateProblem):  # the CA's certificate with a different key
        issue(ca, other, FakeHandler(), "王五", other.public_key())
    with pytest.raises(CertificateProblem):  # outlives the CA
        issue(ca, ca_key, FakeHandler(), "王五", other.public_key(), valid_to=datetime(2040, 1, 1, tzinfo=UTC))
    with pytest.raises(CertificateProblem):  # ends before it starts
        issue(ca, ca_key, FakeHandler(), "王五", other.public_key(), valid_from=NOW, valid_to=NOW)
    with pytest.raises(CertificateProblem):  # no name
        issue(ca, ca_key, FakeHandler(), "  ", other.public_key())
    with pytest.raises(ValueError):
        issue(ca, ca_key, FakeHandler(), "王五", other.public_key(), role="boss")  # type: ignore[arg-type]


# --- a CA key on a token ------------------------------------------------------------------------------------


def test_a_token_ca_issues_a_person_certificate(softhsm, store):
    module, label, pin = softhsm
    tokens = TokenKeyStore(module, label)
    ca_key = tokens.generate("公章", FakeHandler(pin))
    ca = create_bureau_ca(BUREAU, ca_key, FakeHandler(pin), START)
    person_key = store.create("张三")
    cert = issue(ca, ca_key, FakeHandler(pin), "张三", person_key.public_key(), valid_from=START)

    ca.verify_directly_issued_by(ca)
    cert.verify_directly_issued_by(ca)
    assert asn1_x509.Certificate.load(certs.cert_to_der(cert)).dump() == certs.cert_to_der(cert)
    assert check_chain(cert, [ca], NOW).ok
    # and pyHanko accepts what the person signs, and what the token seal signs
    status = validate_pdf(sign_pdf(small_pdf(), person_key.pyhanko_signer(cert, [ca], FakeHandler())), [ca])
    assert status.bottom_line, status.pretty_print_details()
    status = validate_pdf(sign_pdf(small_pdf(), ca_key.pyhanko_signer(ca, [], FakeHandler(pin))), [ca])
    assert status.bottom_line, status.pretty_print_details()


# --- check_chain --------------------------------------------------------------------------------------------


def test_an_expired_certificate(store, bureau):
    _, ca = bureau
    _, cert = _person(store, bureau, valid_from=START, valid_to=START + timedelta(days=30))
    report = check_chain(cert, [ca], NOW)
    assert not report.ok and report.reasons == [EXPIRED] and report.issuer_name == BUREAU
    assert check_chain(cert, [ca], START + timedelta(days=29)).ok  # at signing time it was fine


def test_a_certificate_not_yet_valid(store, bureau):
    _, cert = _person(store, bureau, valid_from=NOW + timedelta(days=1))
    assert check_chain(cert, [bureau[1]], NOW).reasons == [NOT_YET_VALID]


def test_a_revoked_certificate(store, bureau):
    _, cert = _person(store, bureau, valid_from=START)
    report = check_chain(cert, [bureau[1]], NOW, revoked={cert.serial_number, 12345})
    assert report.reasons == [REVOKED]
    assert report.texts() == [certs.reason_text(REVOKED)]


def test_an_unknown_issuer(store, bureau):
    _, cert = _person(store, bureau, valid_from=START)
    elsewhere = create_bureau_ca("别的局", store.create("别的公章"), FakeHandler(), START)
    report = check_chain(cert, [elsewhere], NOW)
    assert report.reasons == [UNKNOWN_ISSUER] and report.issuer_name is None
    assert check_chain(cert, [], NOW).reasons == [UNKNOWN_ISSUER]
    assert check_chain(bureau[1], [elsewhere], NOW).reasons == [UNKNOWN_ISSUER]  # a self-signed stranger


def test_an_impostor_ca_with_the_same_name(store, bureau):
    _, cert = _person(store, bureau, valid_from=START)
    impostor = create_bureau_ca(BUREAU, store.create("假公章"), FakeHandler(), START)
    report = check_chain(cert, [impostor], NOW)
    assert report.reasons == [BAD_SIGNATURE] and report.issuer_name == BUREAU and report.issuer is None
    assert check_chain(cert, [impostor, bureau[1]], NOW).ok  # the real one among several


def test_a_tampered_certificate_fails_its_signature(store, bureau):
    _, cert = _person(store, bureau, valid_from=START)
    der = bytearray(certs.cert_to_der(cert))
    position = bytes(der).index("张三".encode())
    der[position:position + 6] = "李四".encode()
    forged = x509.load_der_x509_certificate(bytes(der))
    assert check_chain(forged, [bureau[1]], NOW).reasons == [BAD_SIGNATURE]


def test_the_issuer_own_validity_and_revocation_count(store):
    key = store.create("公章")
    ca = create_bureau_ca(BUREAU, key, FakeHandler(), START, years=1)
    person = store.create("张三")
    cert = issue(ca, key, FakeHandler(), "张三", person.public_key(), valid_from=START,
                 valid_to=START + timedelta(days=300))
    assert check_chain(cert, [ca], NOW, revoked={ca.serial_number}).reasons == [ISSUER_REVOKED]
    # a CA that expired before its last certificate (not something issue() makes, but imported ones may be)
    short_ca = create_bureau_ca(BUREAU, key, FakeHandler(), START - timedelta(days=400), years=1)
    report = check_chain(cert, [short_ca], NOW)
    assert report.reasons == [ISSUER_EXPIRED]


def test_several_reasons_at_once(store, bureau):
    _, cert = _person(store, bureau, valid_from=START, valid_to=START + timedelta(days=1))
    report = check_chain(cert, [], NOW, revoked={cert.serial_number})
    assert report.reasons == [EXPIRED, REVOKED, UNKNOWN_ISSUER]


def test_check_chain_needs_an_aware_moment(store, bureau):
    with pytest.raises(ValueError):
        check_chain(bureau[1], [bureau[1]], datetime(2026, 3, 2))


# --- PEM and DER --------------------------------------------------------------------------------------------


def test_certificates_round_trip_through_pem_and_der(store, bureau):
    _, ca = bureau
    _, cert = _person(store, bureau)
    assert certs.cert_from_bytes(certs.cert_to_pem(cert)) == cert
    assert certs.cert_from_bytes(certs.cert_to_der(cert)) == cert
    assert certs.certs_from_pem(certs.certs_to_pem([ca, cert])) == [ca, cert]
    assert len(certs.fingerprint(cert)) == 64


@pytest.mark.parametrize("data", [b"", b"hello", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"])
def test_garbage_is_not_a_certificate(data):
    with pytest.raises(CertificateProblem):
        certs.cert_from_bytes(data)


def test_a_bundle_without_certificates_is_refused():
    with pytest.raises(CertificateProblem):
        certs.certs_from_pem(b"nothing here")
