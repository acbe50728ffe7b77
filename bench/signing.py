"""Signatures per second with a software key and with a hardware token (SoftHSM2 standing in for a UKey),
each over a SHA-256 digest with the key unlocked once (one PIN entry, as a signing session), plus the
time to seal and to verify a one-page PDF (PAdES, visible seal). The token figures are left out when
softhsm2 is not installed.

Run: .venv/bin/python bench/signing.py"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from _common import report

from app.signing import certs
from app.signing.keys import SoftwareKeyStore
from app.signing.pdf_seal import sign_pdf
from app.signing.pdf_verify import verify_pdf
from app.signing.seal_image import seal_image
from app.signing.token import TokenKeyStore

SECONDS = float(os.environ.get("ZHIFA_BENCH_SIGN_SECONDS", "2"))
PIN = "bench-pin-2026"
SOFTHSM = Path("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")


class Pin:
    def ask_pin(self, prompt: str, retries_left: int | None) -> str:
        return PIN


def rate(key, handler) -> float:  # type: ignore[no-untyped-def]
    digest = hashlib.sha256(b"approval record").digest()
    count, start = 0, time.perf_counter()
    with key.session(handler):
        while time.perf_counter() - start < SECONDS:
            key.sign_digest(digest, handler)
            count += 1
    return count / (time.perf_counter() - start)


def token_key(folder: Path):  # type: ignore[no-untyped-def]
    if not SOFTHSM.exists() or shutil.which("softhsm2-util") is None:
        return None
    tokens = folder / "tokens"
    tokens.mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "BENCH", "--so-pin", "56785678",
                    "--pin", PIN], check=True, capture_output=True)
    return TokenKeyStore(str(SOFTHSM), "BENCH").generate("seal", Pin())


def one_page_pdf() -> bytes:
    """An A4 page with a square on it (no fonts needed)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.writer import PageObject, PdfFileWriter

    w = PdfFileWriter()
    content = w.add_object(generic.StreamObject(stream_data=b"0 0 0 rg 72 700 100 100 re f"))
    w.insert_page(PageObject(contents=content, media_box=[0, 0, 595, 842]))
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="zhifa-bench-sign-"))
    handler = Pin()
    software = SoftwareKeyStore(folder / "keys").create("bench", pin=PIN)
    figures: dict[str, float | bool] = {"software_signatures_per_s": rate(software, handler)}
    token = token_key(folder)
    if token is None:
        figures["token"] = False
    else:
        figures["token_signatures_per_s"] = rate(token, handler)
    ca = certs.create_bureau_ca("江海区市场监督管理局", software, handler)
    pdf, png = one_page_pdf(), seal_image("江海区市场监督管理局")
    with software.session(handler):
        signer = software.pyhanko_signer(ca, [], handler)
        start = time.perf_counter()
        sealed = sign_pdf(pdf, signer, field_name="Seal", reason="bench", location="bench", stamp_png=png, page=0,
                          box=(300, 100, 420, 220))
        figures["seal_pdf_s"] = time.perf_counter() - start
    start = time.perf_counter()
    [result] = verify_pdf(sealed, [ca])
    figures["verify_pdf_s"] = time.perf_counter() - start
    figures["verify_ok"] = result.ok
    report(figures)


if __name__ == "__main__":
    main()
