"""What a signature check found: :class:`SignatureReport` (one per signature) with its :class:`ChainInfo`,
the one-word verdict, and :func:`describe` — the finding in Chinese or English for the verify dialog and
``zhifa verify``.

The verdict is the worst finding, in this order: ``tampered`` (a signed byte changed, or the signature cannot
be read), ``modified_after_signing`` (the signed version is intact but the file was changed by a later
update), ``revoked``, ``expired``, ``untrusted`` (unknown issuer, not yet valid, not a signing certificate,
broken chain), else ``valid``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from app.domain import i18n

# verdicts
VALID = "valid"
TAMPERED = "tampered"
MODIFIED_AFTER_SIGNING = "modified_after_signing"
UNTRUSTED = "untrusted"
EXPIRED = "expired"
REVOKED = "revoked"
VERDICTS = (VALID, TAMPERED, MODIFIED_AFTER_SIGNING, UNTRUSTED, EXPIRED, REVOKED)

# chain reasons (the same codes as app.signing.certs.check_chain, plus two from path validation)
R_EXPIRED = "expired"
R_NOT_YET_VALID = "not_yet_valid"
R_REVOKED = "revoked"
R_UNKNOWN_ISSUER = "unknown_issuer"
R_BAD_SIGNATURE = "bad_signature"  # the certificate's own signature does not verify
R_NOT_FOR_SIGNING = "not_for_signing"  # key usage allows neither digital signature nor non-repudiation
R_INVALID_CHAIN = "invalid_chain"  # any other path validation failure (CA constraints, algorithms, …)
CHAIN_REASONS = (R_EXPIRED, R_NOT_YET_VALID, R_REVOKED, R_UNKNOWN_ISSUER, R_BAD_SIGNATURE, R_NOT_FOR_SIGNING,
                 R_INVALID_CHAIN)

# what changed after signing (SignatureReport.modification)
MOD_NONE = "none"
MOD_SIGNATURES = "signatures"  # only later signatures (and their form fields / validation data)
MOD_METADATA = "metadata"  # document properties (/Info) or validation data only: nothing visible changed
MOD_FORM_FILLING = "form_filling"  # form fields filled in, not followed by a signature
MOD_ANNOTATIONS = "annotations"  # comments / markup added
MOD_CONTENT = "content"  # anything else: page content, metadata, objects replaced
MODIFICATIONS = (MOD_NONE, MOD_SIGNATURES, MOD_METADATA, MOD_FORM_FILLING, MOD_ANNOTATIONS, MOD_CONTENT)


@dataclass(frozen=True)
class ChainInfo:
    """Whether the signer's certificate chains to a trusted bureau CA at the checked moment."""

    ok: bool
    reasons: tuple[str, ...]  # CHAIN_REASONS codes; empty when ok
    issuer_name: str  # common name of the certificate's issuer ("" when the certificate is unreadable)
    trust_anchor: str = ""  # common name of the trusted CA the chain ends at ("" when none was found)
    checked_at: datetime | None = None

    @classmethod
    def unreadable(cls) -> ChainInfo:
        return cls(ok=False, reasons=(R_UNKNOWN_ISSUER,), issuer_name="")


@dataclass(frozen=True)
class SignatureReport:
    """One signature (a PDF signature field or a detached CMS file) and what checking it found."""

    field: str  # PDF form field name ("" for a detached signature)
    signer_name: str  # subject common name of the signing certificate ("" when unreadable)
    signer_serial: int | None
    issuer_name: str
    cert_valid_from: datetime | None
    cert_valid_to: datetime | None
    cert_fingerprint: str  # SHA-256 of the certificate (hex), "" when unreadable
    signed_at: datetime | None  # the time the signer claims (PDF /M or CMS signing-time), not proven
    intact: bool  # the signed bytes hash to what was signed and the signature value verifies
    covers_whole_file: bool  # nothing was appended after the signed version
    modified_after: bool  # a later incremental update exists
    modification: str  # MODIFICATIONS code: what the later updates changed (MOD_NONE when unknown: unreadable)
    chain: ChainInfo
    verdict: str  # VERDICTS code
    reason: str = ""  # the signature's stated reason / location (PDF only)
    location: str = ""
    detail: str = ""  # technical detail when the signature could not be read or checked

    @property
    def summary_code(self) -> str:
        return self.verdict

    @property
    def ok(self) -> bool:
        return self.verdict == VALID


def verdict_for(*, intact: bool, modification: str, chain: ChainInfo) -> str:
    """The overall verdict from the findings (see the module docstring for the order)."""
    if not intact:
        return TAMPERED
    if modification not in (MOD_NONE, MOD_SIGNATURES):
        return MODIFIED_AFTER_SIGNING
    if R_REVOKED in chain.reasons:
        return REVOKED
    if R_EXPIRED in chain.reasons:
        return EXPIRED
    if not chain.ok:
        return UNTRUSTED
    return VALID


_SEVERITY = (TAMPERED, MODIFIED_AFTER_SIGNING, REVOKED, EXPIRED, UNTRUSTED, VALID)


def overall_verdict(found: list[SignatureReport] | tuple[SignatureReport, ...]) -> str | None:
    """The worst verdict of a file's signatures (None when it has none), e.g. for an exit code."""
    if not found:
        return None
    return min((r.verdict for r in found), key=_SEVERITY.index)


# --- describing a report ----------------------------------------------------------------------------------

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "signer": "Signed by: {name}",
        "unknown signer": "Signer: unreadable",
        "time": "time {time}",
        "no time": "no signing time",
        "certificate": "certificate serial {serial}, issued by {issuer}, valid {start} to {end}",
        "untouched": "The file has not been changed since it was signed.",
        "changed": "A signed byte was changed: the file is not the one that was signed.",
        "unreadable": "The signature cannot be read ({detail}); treat the file as tampered with.",
        "after " + MOD_SIGNATURES: "Later only further signatures were added; the signed content is unchanged.",
        "after " + MOD_METADATA: "The document properties were changed after signing; the visible content is "
                                 "unchanged.",
        "after " + MOD_FORM_FILLING: "Form fields were filled in after signing.",
        "after " + MOD_ANNOTATIONS: "Comments or markup were added after signing.",
        "after " + MOD_CONTENT: "The file was changed after signing (content or metadata).",
        "chain ok": "The certificate chains to the trusted bureau CA {anchor}.",
        "reason " + R_EXPIRED: "The certificate (or its CA) has expired.",
        "reason " + R_NOT_YET_VALID: "The certificate is not yet valid.",
        "reason " + R_REVOKED: "The certificate has been revoked.",
        "reason " + R_UNKNOWN_ISSUER: "The certificate was not issued by a known bureau CA.",
        "reason " + R_BAD_SIGNATURE: "The certificate's own signature is wrong.",
        "reason " + R_NOT_FOR_SIGNING: "The certificate is not meant for signing.",
        "reason " + R_INVALID_CHAIN: "The certificate chain is not valid.",
        "verdict " + VALID: "Verdict: valid",
        "verdict " + TAMPERED: "Verdict: tampered with",
        "verdict " + MODIFIED_AFTER_SIGNING: "Verdict: changed after signing",
        "verdict " + UNTRUSTED: "Verdict: signer not trusted",
        "verdict " + EXPIRED: "Verdict: certificate expired",
        "verdict " + REVOKED: "Verdict: certificate revoked",
        "sep": " · ",
    },
    "zh_CN": {
        "signer": "签章人：{name}",
        "unknown signer": "签章人：无法读取",
        "time": "时间 {time}",
        "no time": "无签章时间",
        "certificate": "证书 序列号 {serial}，由 {issuer} 签发，有效期 {start} 至 {end}",
        "untouched": "文件自签章后未被改动。",
        "changed": "已签章的内容被改动：此文件不是签章时的文件。",
        "unreadable": "无法读取签名（{detail}），应视为文件已被篡改。",
        "after " + MOD_SIGNATURES: "签章后仅追加了其他签章，已签章的内容未变。",
        "after " + MOD_METADATA: "签章后文件属性被修改，可见内容未变。",
        "after " + MOD_FORM_FILLING: "签章后有人填写了表单域。",
        "after " + MOD_ANNOTATIONS: "签章后有人添加了批注或标记。",
        "after " + MOD_CONTENT: "文件在签章后被修改（内容或属性）。",
        "chain ok": "证书链可追溯到受信任的单位证书 {anchor}。",
        "reason " + R_EXPIRED: "证书（或其签发证书）已过期。",
        "reason " + R_NOT_YET_VALID: "证书尚未生效。",
        "reason " + R_REVOKED: "证书已被吊销。",
        "reason " + R_UNKNOWN_ISSUER: "证书不是由已知单位签发的。",
        "reason " + R_BAD_SIGNATURE: "证书本身的签名无效。",
        "reason " + R_NOT_FOR_SIGNING: "该证书不能用于签名。",
        "reason " + R_INVALID_CHAIN: "证书链无效。",
        "verdict " + VALID: "结论：有效",
        "verdict " + TAMPERED: "结论：文件已被篡改",
        "verdict " + MODIFIED_AFTER_SIGNING: "结论：签章后被修改",
        "verdict " + UNTRUSTED: "结论：签章人不受信任",
        "verdict " + EXPIRED: "结论：证书已过期",
        "verdict " + REVOKED: "结论：证书已吊销",
        "sep": " · ",
    },
}


def _language(language: str | None) -> str:
    language = language or i18n.language()
    return "en" if language.lower().startswith("en") else "zh_CN"


def _when(moment: datetime, tz: tzinfo | None, with_time: bool = True) -> str:
    local = moment.astimezone(tz)
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def describe(report: SignatureReport, language: str | None = None, tz: tzinfo | None = None) -> str:
    """The report as a few lines of text in ``language`` ("zh_CN"/"zh" or "en"; default: the UI language):
    who signed, when, with which certificate; whether the file changed; the chain; the verdict. Times are
    shown in ``tz`` (default: the computer's time zone)."""
    t = _TEXTS[_language(language)]
    facts = [t["signer"].format(name=report.signer_name) if report.signer_name else t["unknown signer"]]
    facts.append(t["time"].format(time=_when(report.signed_at, tz)) if report.signed_at else t["no time"])
    if report.signer_serial is not None:
        start = _when(report.cert_valid_from, tz, False) if report.cert_valid_from else "?"
        end = _when(report.cert_valid_to, tz, False) if report.cert_valid_to else "?"
        facts.append(t["certificate"].format(serial=f"{report.signer_serial:X}", issuer=report.issuer_name or "?",
                                             start=start, end=end))
    lines = [t["sep"].join(facts)]
    if report.detail and report.verdict == TAMPERED:
        lines.append(t["unreadable"].format(detail=report.detail))
    elif not report.intact:
        lines.append(t["changed"])
    elif report.modification != MOD_NONE:
        lines.append(t["after " + report.modification])
    else:
        lines.append(t["untouched"])
    if report.chain.ok:
        lines.append(t["chain ok"].format(anchor=report.chain.trust_anchor or report.issuer_name))
    else:
        lines.extend(t["reason " + r] for r in report.chain.reasons if "reason " + r in t)
    lines.append(t["verdict " + report.verdict])
    return "\n".join(lines)
