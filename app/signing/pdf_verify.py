"""Checking the signatures in a PDF: for each one, who signed and when, whether the signed bytes are intact,
whether anything was appended afterwards (and what: pyHanko's difference analysis), and whether the signer's
certificate chains to a trusted bureau CA, is unexpired and unrevoked. One
:class:`~app.signing.reports.SignatureReport` per signature, in the order they were made.

A PDF whose structure is too damaged for pyHanko still gets a report for every signature found in the raw
bytes (verdict ``tampered``); bytes that are no PDF at all raise :class:`~app.signing.pdf_seal.NotAPdf`.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Collection, Sequence
from datetime import datetime

from asn1crypto import cms as asn1_cms
from cryptography import x509
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import DiffResult, ModificationLevel, SuspiciousModification
from pyhanko.sign.validation.generic_cms import validate_sig_integrity
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature, async_validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel

from app.signing import reports
from app.signing.cms import (
    NO_CERTIFICATE,
    SIGNING_KEY_USAGE,
    async_check_chain,
    aware,
    certificate_facts,
    container_problem,
    embedded_certificates,
    quiet_pyhanko_logger,
    run_sync,
    signer_certificate,
    validation_context,
)
from app.signing.pdf_seal import NotAPdf
from app.signing.reports import ChainInfo, SignatureReport

quiet_pyhanko_logger("pyhanko.sign.diff_analysis.policies", SuspiciousModification)

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
_CONTENTS = re.compile(rb"/Contents\s*<([0-9A-Fa-f\s]{200,})>")
# what only a signed PDF contains: a damaged file with one of these is reported as tampered, not as "no PDF"
_SIGNATURE_MARKERS = (b"/ByteRange", b"/ETSI.CAdES.detached", b"/adbe.pkcs7.detached", b"/Type /Sig",
                      b"/Type/Sig")


def verify_pdf(pdf: bytes, trusted: Sequence[x509.Certificate], revoked: Collection[int] = frozenset(),
               at: datetime | None = None) -> list[SignatureReport]:
    """A report for every signature in ``pdf`` (document timestamps excluded), oldest first; an empty list
    when it has none. Certificates are checked against ``trusted`` (bureau CAs) at ``at`` (default: now)
    with ``revoked`` serial numbers. A damaged signed PDF gives reports with the verdict ``tampered``;
    raises :class:`NotAPdf` for bytes that are neither a PDF nor a damaged signed one."""
    data = bytes(pdf)
    moment = aware(at)
    try:
        if b"%PDF-" not in data[:1024]:
            raise NotAPdf("no %PDF header")
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_regular_signatures)
        known_gaps = {int(s.byte_range[1]) for s in reader.embedded_signatures}  # timestamps included
    except Exception as exc:
        detail = exc.english if isinstance(exc, NotAPdf) else f"{type(exc).__name__}: {exc}"
        found = _raw_reports(data, trusted, revoked, moment, detail)
        if found:
            return found
        if isinstance(exc, NotAPdf):
            raise
        raise NotAPdf(str(exc) or type(exc).__name__) from exc
    found = [run_sync(_report(data, sig, signatures[i + 1:], trusted, revoked, moment))
             for i, sig in enumerate(signatures)]
    # a signature pyHanko skipped (its /SubFilter, /Type or field link damaged) is still a broken signature
    hidden = _raw_reports(data, trusted, revoked, moment, "the signature is damaged and was not recognised",
                          known_gaps=known_gaps)
    return found + hidden


def _text(value: object) -> str:
    if isinstance(value, (generic.TextStringObject, str)):
        return str(value)
    if isinstance(value, (generic.ByteStringObject, bytes)):
        return bytes(value).decode("utf-8", "replace")
    return ""


def _modification(sig: EmbeddedPdfSignature, coverage: SignatureCoverageLevel | None, diff: object,
                  later: Sequence[EmbeddedPdfSignature]) -> str:
    """What the updates after this signature's revision changed (reports.MOD_*), from pyHanko's difference
    analysis; where that finds the changes suspicious, a check of our own tells annotations from the rest."""
    if coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return reports.MOD_NONE
    if isinstance(diff, DiffResult):
        level = diff.modification_level
        later_revisions = set(range(sig.signed_revision + 1, sig.reader.xrefs.total_revisions))
        if (level <= ModificationLevel.FORM_FILLING and later_revisions <= {s.signed_revision for s in later}
                and set(diff.changed_form_fields) <= {str(s.field_name) for s in later}):
            return reports.MOD_SIGNATURES  # every later revision is another signature, nothing else changed
        if level <= ModificationLevel.LTA_UPDATES:
            return reports.MOD_METADATA
        if level == ModificationLevel.FORM_FILLING:
            return reports.MOD_FORM_FILLING
        if level == ModificationLevel.ANNOTATIONS:
            return reports.MOD_ANNOTATIONS
        return reports.MOD_CONTENT
    try:
        return reports.MOD_ANNOTATIONS if _annotations_only(sig.reader, sig.signed_revision) else reports.MOD_CONTENT
    except Exception:
        return reports.MOD_CONTENT


_MARKUP = frozenset({"/Text", "/Link", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine",
                     "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup",
                     "/FileAttachment", "/Sound", "/Redact"})


def _is_annotation(obj: object) -> bool:
    """A markup annotation dictionary (a comment, highlight, stamp, …): not a form field widget, not a stream."""
    return (isinstance(obj, generic.DictionaryObject) and not isinstance(obj, generic.StreamObject)
            and obj.get("/Subtype") in _MARKUP)


def _is_page(obj: object) -> bool:
    return isinstance(obj, generic.DictionaryObject) and obj.get("/Type") == "/Page"


def _is_metadata(obj: object) -> bool:
    """The XMP metadata stream (document properties, like /Info)."""
    return isinstance(obj, generic.StreamObject) and obj.get("/Type") == "/Metadata"


def _unchanged(before: object, after: object) -> bool:
    """Rewritten with the same value (pyHanko rewrites the catalog on every update, for instance)."""
    if isinstance(before, generic.StreamObject) or isinstance(after, generic.StreamObject):
        return (isinstance(before, generic.StreamObject) and isinstance(after, generic.StreamObject)
                and dict(before) == dict(after) and before.data == after.data)
    return bool(before == after)


def _same_except(old: generic.DictionaryObject, new: generic.DictionaryObject, key: str) -> bool:
    keys = set(old.keys()) | set(new.keys())
    keys.discard(key)
    return all(k in old and k in new and old.raw_get(k) == new.raw_get(k) for k in keys)


def _annotations_only(reader: PdfFileReader, signed_revision: int) -> bool:
    """True when every revision after ``signed_revision`` only adds objects, adds annotations to pages
    (a page changed in nothing but /Annots, an /Annots array, a markup annotation edited), changes the
    document properties (/Info, XMP) or rewrites objects unchanged. New objects are harmless on their own:
    only a changed old object can make a page show them."""
    xrefs = reader.xrefs
    for revision in range(signed_revision + 1, xrefs.total_revisions):
        old = reader.get_historical_resolver(revision - 1)
        new = reader.get_historical_resolver(revision)
        info = new.trailer_view.raw_get("/Info") if "/Info" in new.trailer_view else None
        for ref in xrefs.explicit_refs_in_revision(revision):
            if xrefs.get_introducing_revision(ref) == revision:
                continue
            if isinstance(info, generic.IndirectObject) and info.reference == ref:
                continue
            before, after = old.get_object(ref), new.get_object(ref)
            if _unchanged(before, after) or _is_metadata(after):
                continue
            if _is_page(before) and _is_page(after) and _same_except(before, after, "/Annots"):
                continue
            if _is_annotation(before) and _is_annotation(after):
                continue
            if isinstance(before, generic.ArrayObject) and isinstance(after, generic.ArrayObject) \
                    and all(_is_annotation(item) for item in after):
                continue
            return False
    return True


def _container_altered(data: bytes, sig: EmbeddedPdfSignature, trusted: Sequence[x509.Certificate]) -> str:
    """Why the bytes between the two signed ranges (the hex of the signature container) are not what a signer
    writes — the CMS (see :func:`~app.signing.cms.container_problem`), then zero padding, in one letter case —
    or "" when they are. These bytes are not covered by the signature, but a change to them is still a change
    to the signed file."""
    _, start, end, _ = (int(v) for v in sig.byte_range)
    content = bytes(sig.pkcs7_content)
    info = asn1_cms.ContentInfo.load(content)
    used = len(info.dump())
    if content[used:].strip(b"\x00"):
        return "the padding after the signature container was changed"
    if info.contents != info["content_type"].dump() + info["content"].dump() \
            or info["content"].contents is None:
        return "the signature container holds unexpected bytes"
    gap = re.sub(rb"\s", b"", data[start:end])
    if gap not in (b"<" + content.hex().encode() + b">", b"<" + content.hex().upper().encode() + b">"):
        return "the signature container was changed"
    return container_problem(sig.signed_data, trusted)


async def _report(data: bytes, sig: EmbeddedPdfSignature, later: Sequence[EmbeddedPdfSignature],
                  trusted: Sequence[x509.Certificate], revoked: Collection[int], at: datetime) -> SignatureReport:
    try:
        field = _text(sig.field_name)
    except Exception:
        field = ""
    try:
        return await _checked_report(data, sig, field, later, trusted, revoked, at)
    except Exception as exc:
        return _unreadable(field, f"{type(exc).__name__}: {exc}")


def _unreadable(field: str, detail: str) -> SignatureReport:
    return SignatureReport(field=field, **NO_CERTIFICATE, signed_at=None, intact=False, covers_whole_file=False,
                           modified_after=False, modification=reports.MOD_NONE, chain=ChainInfo.unreadable(),
                           verdict=reports.TAMPERED, detail=detail)


async def _checked_report(data: bytes, sig: EmbeddedPdfSignature, field: str,
                          later: Sequence[EmbeddedPdfSignature], trusted: Sequence[x509.Certificate],
                          revoked: Collection[int], at: datetime) -> SignatureReport:
    detail = ""
    try:
        status = await async_validate_pdf_signature(sig, validation_context(trusted, at),
                                                    key_usage_settings=SIGNING_KEY_USAGE)
        intact = bool(status.intact and status.valid)
        coverage = status.coverage
        modification = _modification(sig, coverage, status.diff_result, later)
        if coverage not in (SignatureCoverageLevel.ENTIRE_FILE, SignatureCoverageLevel.ENTIRE_REVISION):
            intact = False  # the byte range does not cover a whole revision: not a signature to rely on
            detail = f"signature coverage {coverage.name if coverage else 'unknown'}"
        elif intact:
            detail = _container_altered(data, sig, trusted)
            intact = not detail
    except Exception as exc:  # unknown coverage and changes: only "tampered" is certain
        intact, coverage, modification = False, None, reports.MOD_NONE
        detail = f"{type(exc).__name__}: {exc}"
    cert = sig.signer_cert
    others = [c for c in sig.other_embedded_certs if c.dump() != cert.dump()]
    facts = certificate_facts(cert)
    chain = await async_check_chain(cert, others, trusted, revoked, at)
    return SignatureReport(
        field=field, **facts, signed_at=sig.self_reported_timestamp, intact=intact,
        covers_whole_file=coverage == SignatureCoverageLevel.ENTIRE_FILE,
        modified_after=coverage not in (None, SignatureCoverageLevel.ENTIRE_FILE), modification=modification,
        chain=chain, verdict=reports.verdict_for(intact=intact, modification=modification, chain=chain),
        reason=_text(sig.sig_object.get("/Reason")), location=_text(sig.sig_object.get("/Location")),
        detail=detail)


# --- damaged files --------------------------------------------------------------------------------------------


def _raw_reports(data: bytes, trusted: Sequence[x509.Certificate], revoked: Collection[int], at: datetime,
                 detail: str, known_gaps: set[int] | None = None) -> list[SignatureReport]:
    """Reports (verdict tampered) for signatures found in the raw bytes: every signature container is read for
    its signer and, where its /ByteRange is still readable, its hash checked. For a file pyHanko cannot parse
    (``known_gaps`` None): all containers, or one unreadable report when only traces of a signature remain.
    For a file it parsed: only the byte ranges whose container pyHanko did not report (``known_gaps``: the
    offsets where the containers it read start)."""
    found: list[SignatureReport] = []
    ranges = {}
    for match in _BYTE_RANGE.finditer(data):
        a, b, c, d = (int(v) for v in match.groups())
        # a real signature's range leaves out exactly the <hex> container (ranges quoted from an attached
        # file or a text do not line up with this file's bytes)
        if a == 0 and 0 < b < c <= len(data) and c + d <= len(data) and data[b:b + 1] == b"<" \
                and data[c - 1:c] == b">":
            ranges[b] = (a, b, c, d)
    containers = {match.start(0) + len(b"/Contents") + _gap_offset(data, match): match.group(1)
                  for match in _CONTENTS.finditer(data)}
    if known_gaps is not None:
        wanted = [gap for gap in ranges if gap not in known_gaps]
        containers = {gap: containers.get(gap, b"") for gap in wanted}
    for gap, hex_digits in containers.items():
        facts: dict = dict(NO_CERTIFICATE)
        chain = ChainInfo.unreadable()
        intact = False
        try:
            der = bytes.fromhex(re.sub(rb"\s", b"", hex_digits).decode("ascii"))
            signed = asn1_cms.ContentInfo.load(der)["content"]
            cert = signer_certificate(signed)
            if cert is not None:
                facts = certificate_facts(cert)
                others = [x for x in embedded_certificates(signed) if x.dump() != cert.dump()]
                chain = run_sync(async_check_chain(cert, others, trusted, revoked, at))
                if gap in ranges:
                    a, b, c, d = ranges[gap]
                    signer_info = signed["signer_infos"][0]
                    algorithm = signer_info["digest_algorithm"]["algorithm"].native
                    digest = hashlib.new(algorithm, data[a:a + b] + data[c:c + d]).digest()
                    ok_digest, ok_sig = validate_sig_integrity(signer_info, cert, expected_content_type="data",
                                                               actual_digest=digest)
                    intact = bool(ok_digest and ok_sig)
        except Exception:
            pass
        found.append(SignatureReport(
            field="", **facts, signed_at=None, intact=intact, covers_whole_file=False, modified_after=False,
            modification=reports.MOD_NONE, chain=chain, verdict=reports.TAMPERED, detail=detail))
    if not found and known_gaps is None and any(marker in data for marker in _SIGNATURE_MARKERS):
        found.append(_unreadable("", detail))
    return found


def _gap_offset(data: bytes, match: re.Match[bytes]) -> int:
    """Whitespace between /Contents and its "<" (the byte range starts at the "<")."""
    after = match.start(0) + len(b"/Contents")
    return data.index(b"<", after) - after
