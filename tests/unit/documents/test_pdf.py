"""PDFs: finding LibreOffice, converting .docx to PDF (Chinese text, many files in one run, all or
nothing on failure, timeouts), the fontconfig aliases, and the pdfium helpers (page counts, merging,
text, rendering, PNG)."""

from __future__ import annotations

import os
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from app.documents.pdf import (
    ENV_VAR,
    FONTS_CONF,
    PAGE_SEPARATOR,
    PDFIUM_LOCK,
    ConversionFailed,
    ConversionTimeout,
    ConverterMissing,
    LibreOfficeConverter,
    PdfUnreadable,
    find_converter,
    merge,
    page_count,
    page_sizes,
    pdf_text,
    render_page,
    render_page_png,
    require_converter,
)
from app.documents.pdf import converter as converter_module
from app.documents.pdf.errors import SOURCES
from app.documents.pdf.png import SIGNATURE, encode_rgb
from app.domain.messages_zh_pdf import MESSAGES_ZH_PDF

A4 = (595.276, 841.89)  # points
posix_only = pytest.mark.skipif(os.name != "posix", reason="the fake soffice is a shell script")


def make_docx(path: Path, *pages: str, font: str = "仿宋") -> Path:
    """A .docx with one page per text, every run in ``font`` (East Asian font set too)."""
    document = Document()
    for i, text in enumerate(pages):
        run = document.add_paragraph().add_run(text)
        run.font.name = font
        run.font.size = Pt(16)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        if i < len(pages) - 1:
            document.add_page_break()
    document.save(str(path))
    return path


def blank_pdf(path: Path, pages: int, size: tuple[float, float] = A4) -> Path:
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument.new()
        try:
            for _ in range(pages):
                pdf.new_page(*size).close()
            pdf.save(path)
        finally:
            pdf.close()
    return path


def fake_soffice(folder: Path, body: str) -> Path:
    """An executable shell script standing in for soffice."""
    script = folder / "fake-soffice"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


# --- finding the converter ------------------------------------------------------------------------------


@posix_only
def test_the_environment_variable_names_the_converter(monkeypatch, tmp_path):
    script = fake_soffice(tmp_path, "exit 0")
    monkeypatch.setenv(ENV_VAR, str(script))
    assert find_converter() == LibreOfficeConverter(script)
    assert require_converter().executable == script


@pytest.mark.parametrize("value", ["", "none", "NONE", "  "])
def test_an_empty_or_none_override_means_no_converter(monkeypatch, value):
    monkeypatch.setenv(ENV_VAR, value)
    assert find_converter() is None
    with pytest.raises(ConverterMissing) as caught:
        require_converter()
    assert "LibreOffice" in caught.value.message and "未安装" in caught.value.message
    assert "the .docx files are unaffected" in caught.value.english


def test_an_override_naming_nothing_runnable_means_no_converter(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "no-such-soffice"))
    assert find_converter() is None


def test_without_an_override_path_and_install_places_are_searched(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(converter_module, "_install_places", lambda: [tmp_path / "nowhere" / "soffice"])
    assert find_converter() is None
    if os.name == "posix":
        script = fake_soffice(tmp_path, "exit 0")
        monkeypatch.setattr(converter_module, "_install_places", lambda: [script])
        assert find_converter() == LibreOfficeConverter(script)
        (tmp_path / "soffice").symlink_to(script)
        assert find_converter() == LibreOfficeConverter(tmp_path / "soffice")  # PATH first


# --- conversion errors, with a fake soffice ---------------------------------------------------------------


@posix_only
def test_a_failing_soffice_raises_conversion_failed_with_its_exit_code_and_stderr(tmp_path):
    script = fake_soffice(tmp_path, "echo 'Warning: failed to launch javaldx' >&2\necho 'it broke' >&2\nexit 3")
    out = tmp_path / "out"
    with pytest.raises(ConversionFailed) as caught:
        LibreOfficeConverter(script).convert([make_docx(tmp_path / "决定书.docx", "正文")], out)
    error = caught.value
    assert (error.exit_code, error.stderr_tail, error.files) == (3, "it broke", [tmp_path / "决定书.docx"])
    assert error.message == "无法将 决定书.docx 转换为 PDF（LibreOffice 退出码 3）：it broke"
    assert list(out.iterdir()) == []


@posix_only
def test_a_converter_that_cannot_start_is_reported_as_missing(tmp_path):
    not_executable = tmp_path / "soffice"
    not_executable.write_text("", encoding="utf-8")
    with pytest.raises(ConverterMissing) as caught:
        LibreOfficeConverter(not_executable).convert([make_docx(tmp_path / "a.docx", "正文")], tmp_path / "out")
    assert str(not_executable) in caught.value.message and "无法启动" in caught.value.message


def _alive(pid: int) -> bool:
    if Path("/proc/self/stat").exists():
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return False
        return state != "Z"  # a zombie (not reaped where PID 1 does not reap) is dead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@posix_only
def test_a_conversion_that_takes_too_long_is_killed_with_its_children(tmp_path):
    pid_file = tmp_path / "child.pid"
    script = fake_soffice(tmp_path, f"sleep 60 &\necho $! > '{pid_file}'\nwait")
    out = tmp_path / "out"
    started = time.monotonic()
    with pytest.raises(ConversionTimeout) as caught:
        LibreOfficeConverter(script, timeout_s=1).convert([make_docx(tmp_path / "a.docx", "正文")], out)
    assert time.monotonic() - started < 20
    assert caught.value.message == "将 a.docx 转换为 PDF 超过 1 秒，已中止"
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), "the process soffice started survived the timeout"
    assert list(out.iterdir()) == []


@posix_only
def test_each_run_gets_a_fresh_profile_and_our_fonts_and_leaves_no_temp_files(tmp_path, monkeypatch):
    record = tmp_path / "record.txt"
    # writes each input as a "PDF" into --outdir, and records its arguments and FONTCONFIG_FILE
    script = fake_soffice(tmp_path, f"""
echo "$@" > '{record}'
echo "FONTCONFIG_FILE=$FONTCONFIG_FILE" >> '{record}'
cat "$FONTCONFIG_FILE" >> '{record}'
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) shift; outdir="$1";;
    *.docx) name=$(basename "$1" .docx); printf '%%PDF-1.4 fake' > "$outdir/$name.pdf";;
  esac
  shift
done""")
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.delenv("FONTCONFIG_FILE", raising=False)
    out = tmp_path / "out"
    (out / "old").mkdir(parents=True)
    docs = [make_docx(tmp_path / f"{name}.docx", name) for name in ("立案审批表", "询问笔录")]
    made = LibreOfficeConverter(script).convert(docs, out)
    assert made == [out / "立案审批表.pdf", out / "询问笔录.pdf"]
    assert all(p.read_bytes() == b"%PDF-1.4 fake" for p in made)
    assert sorted(p.name for p in out.iterdir()) == ["old", "立案审批表.pdf", "询问笔录.pdf"]
    assert list(temp.iterdir()) == []  # the work folder (profile, copies, fonts.conf) is gone
    text = record.read_text(encoding="utf-8")
    assert "-env:UserInstallation=file://" in text and "--headless" in text and "--convert-to pdf" in text
    assert "--infilter=MS Word 2007 XML" in text
    if sys.platform.startswith("linux"):
        assert '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' in text
        assert f'<include ignore_missing="yes">{FONTS_CONF}</include>' in text


def test_two_inputs_that_would_make_the_same_pdf_are_refused(tmp_path):
    (tmp_path / "x").mkdir()
    docs = [make_docx(tmp_path / "a.docx", "一"), make_docx(tmp_path / "x" / "a.docx", "二")]
    with pytest.raises(ValueError, match="both be converted"):
        LibreOfficeConverter(Path("/nonexistent/soffice")).convert(docs, tmp_path / "out")
    assert LibreOfficeConverter(Path("/nonexistent/soffice")).convert([], tmp_path / "out") == []


# --- the font aliases --------------------------------------------------------------------------------------

ALIASES = {"仿宋": "Noto Serif CJK SC", "仿宋_GB2312": "Noto Serif CJK SC", "FangSong": "Noto Serif CJK SC",
           "宋体": "Noto Serif CJK SC", "SimSun": "Noto Serif CJK SC", "方正小标宋简体": "Noto Serif CJK SC",
           "方正小标宋_GBK": "Noto Serif CJK SC", "华文中宋": "Noto Serif CJK SC", "楷体": "Noto Serif CJK SC",
           "KaiTi": "Noto Serif CJK SC", "黑体": "Noto Sans CJK SC", "SimHei": "Noto Sans CJK SC"}


def _fc_match(family: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["fc-match", family, "family"], capture_output=True, text=True, check=True,
                          env=env, timeout=30).stdout.strip()


@pytest.mark.skipif(shutil.which("fc-match") is None or not sys.platform.startswith("linux"),
                    reason="fontconfig (fc-match) is used on Linux only")
def test_the_official_document_faces_are_aliased_to_noto_cjk(tmp_path):
    if not _fc_match("Noto Serif CJK SC").startswith("Noto Serif CJK SC"):
        pytest.skip("fonts-noto-cjk is not installed")
    conf = converter_module._write_fonts_conf(tmp_path, FONTS_CONF)
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    matched = {family: _fc_match(f"{family}:lang=zh-cn", env).split(",")[0] for family in ALIASES}
    assert matched == ALIASES
    assert _fc_match("DejaVu Sans", env).startswith("DejaVu Sans")  # the system setup is still there


# --- real conversions ---------------------------------------------------------------------------------------


def test_a_chinese_docx_converts_to_a_pdf_whose_text_reads_back(soffice, tmp_path):
    doc = make_docx(tmp_path / "行政处罚决定书.docx", "当事人：江海区某某贸易有限公司", "二〇二六年三月二日")
    (made,) = soffice.convert([doc], tmp_path / "pdf")
    assert made == tmp_path / "pdf" / "行政处罚决定书.pdf"
    assert page_count(made) == 2
    pages = pdf_text(made).split(PAGE_SEPARATOR)
    assert "当事人：江海区某某贸易有限公司" in pages[0] and "二〇二六年三月二日" in pages[1]
    if sys.platform.startswith("linux") and shutil.which("fc-match") \
            and _fc_match("Noto Serif CJK SC").startswith("Noto Serif CJK SC"):
        assert b"NotoSerifCJK" in made.read_bytes(), "仿宋 was not rendered with Noto Serif CJK (fonts.conf)"


def test_several_files_convert_in_one_run(soffice, tmp_path, monkeypatch):
    runs = []
    real_popen = subprocess.Popen

    def counting_popen(*args, **kwargs):
        runs.append(args[0])
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", counting_popen)
    names = ["立案审批表", "现场检查笔录", "询问笔录", "行政处罚决定书"]
    docs = [make_docx(tmp_path / f"{name}.docx", f"{name}正文") for name in names]
    made = soffice.convert(docs, tmp_path / "pdf")
    assert len(runs) == 1
    assert made == [tmp_path / "pdf" / f"{name}.pdf" for name in names]
    assert [f"{name}正文" in pdf_text(pdf) for name, pdf in zip(names, made, strict=True)] == [True] * 4


def test_a_broken_docx_fails_the_run_and_writes_nothing(soffice, tmp_path):
    out = tmp_path / "pdf"
    out.mkdir()
    (out / "good.pdf").write_bytes(b"previous version")
    good = make_docx(tmp_path / "good.docx", "正文")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a zip archive")
    text_not_docx = tmp_path / "notes.docx"
    text_not_docx.write_text("plain text, not a .docx", encoding="utf-8")
    with pytest.raises(ConversionFailed) as caught:
        soffice.convert([good, broken, text_not_docx], out)
    assert caught.value.files == [broken, text_not_docx]
    assert "broken.docx" in caught.value.message and "notes.docx" in caught.value.message
    assert sorted(p.name for p in out.iterdir()) == ["good.pdf"]  # no partial PDF, no temp file
    assert (out / "good.pdf").read_bytes() == b"previous version"


def test_two_conversions_can_run_at_once(soffice, tmp_path):
    results: dict[int, object] = {}
    texts = ["第一号", "第二号"]

    def convert(i: int) -> None:
        try:
            results[i] = soffice.convert([make_docx(tmp_path / f"doc{i}.docx", texts[i])], tmp_path / f"out{i}")
        except Exception as exc:  # reported below
            results[i] = exc

    threads = [threading.Thread(target=convert, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert [texts[i] in pdf_text(results[i][0]) for i in range(2)] == [True, True], results


# --- pdfium helpers -------------------------------------------------------------------------------------------


def test_merge_keeps_the_pages_in_order_and_counts_them(tmp_path):
    a = blank_pdf(tmp_path / "a.pdf", 2)
    b = blank_pdf(tmp_path / "b.pdf", 1, (300, 400))
    c = blank_pdf(tmp_path / "c.pdf", 3)
    merge([a, b, c], tmp_path / "all.pdf")
    assert page_count(tmp_path / "all.pdf") == 6
    assert [round(w) for w, _ in page_sizes(tmp_path / "all.pdf")] == [595, 595, 300, 595, 595, 595]
    merge([a, a], a)  # the output may be one of the parts
    assert page_count(a) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "all.pdf", "b.pdf", "c.pdf"]


def test_merge_numbers_the_pages_of_the_numbered_parts_from_one(tmp_path):
    cover = blank_pdf(tmp_path / "cover.pdf", 1)
    body = blank_pdf(tmp_path / "body.pdf", 3)
    merge([cover, body, cover], tmp_path / "volume.pdf", numbered=[False, True, False])
    pages = pdf_text(tmp_path / "volume.pdf").split(PAGE_SEPARATOR)
    assert [p.strip() for p in pages] == ["", "1", "2", "3", ""]
    with pytest.raises(ValueError):
        merge([cover, body], tmp_path / "x.pdf", numbered=[True])


def test_a_file_that_is_not_a_pdf_is_reported_and_nothing_is_written(tmp_path):
    not_pdf = tmp_path / "笔录.pdf"
    not_pdf.write_bytes(b"not a pdf")
    with pytest.raises(PdfUnreadable) as caught:
        merge([blank_pdf(tmp_path / "a.pdf", 1), not_pdf], tmp_path / "all.pdf")
    assert "笔录.pdf" in caught.value.message and "不是可读取的 PDF 文件" in caught.value.message
    assert not (tmp_path / "all.pdf").exists()
    with pytest.raises(PdfUnreadable):
        page_count(tmp_path / "missing.pdf")
    with pytest.raises(ValueError):
        merge([], tmp_path / "none.pdf")


def test_a_page_renders_at_the_asked_resolution_in_bgra(tmp_path):
    pdf = blank_pdf(tmp_path / "a.pdf", 2)
    (width, height), _ = page_sizes(pdf)
    for dpi in (72, 150):
        page = render_page(pdf, 1, dpi)
        assert (page.width, page.height) == (-(-width * dpi // 72), -(-height * dpi // 72))
        assert page.format == "BGRA" and page.stride >= page.width * 4
        assert len(page.data) == page.stride * page.height
        assert page.data[:4] == b"\xff\xff\xff\xff"  # white and opaque
    assert (render_page(pdf, 0, 72).width, render_page(pdf, 0, 72).height) == (596, 842)
    with pytest.raises(IndexError):
        render_page(pdf, 2, 72)


def _png_chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:8] == SIGNATURE
    chunks, pos = {}, 8
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        assert struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0] == zlib.crc32(kind + body)
        chunks[kind] = chunks.get(kind, b"") + body
        pos += 12 + length
    return chunks


def test_a_page_is_written_as_a_valid_png(tmp_path):
    pdf = blank_pdf(tmp_path / "a.pdf", 1)
    render_page_png(pdf, 0, 100, tmp_path / "page.png")
    chunks = _png_chunks((tmp_path / "page.png").read_bytes())
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (width, height, depth, colour) == (827, 1170, 8, 2)  # A4 at 100 dpi, 8-bit RGB
    raw = zlib.decompress(chunks[b"IDAT"])
    assert len(raw) == height * (1 + width * 3)
    assert raw[:4] == b"\x00\xff\xff\xff"  # filter byte, then a white pixel
    assert struct.unpack(">IIB", chunks[b"pHYs"]) == (3937, 3937, 1)  # 100 dpi in pixels a metre


def test_the_png_encoder_skips_row_padding(tmp_path):
    pixels = bytes([1, 2, 3, 4, 5, 6, 0, 0]) + bytes([7, 8, 9, 10, 11, 12, 0, 0])  # 2x2, stride 8
    raw = zlib.decompress(_png_chunks(encode_rgb(2, 2, 8, pixels))[b"IDAT"])
    assert raw == b"\x00\x01\x02\x03\x04\x05\x06\x00\x07\x08\x09\x0a\x0b\x0c"
    with pytest.raises(ValueError):
        encode_rgb(2, 2, 5, pixels)


def test_the_pdfium_helpers_can_be_called_from_several_threads(tmp_path):
    pdfs = [blank_pdf(tmp_path / f"{i}.pdf", 3) for i in range(4)]
    errors: list[BaseException] = []

    def work(pdf: Path) -> None:
        try:
            for _ in range(5):
                assert page_count(pdf) == 3
                render_page(pdf, 2, 36)
                pdf_text(pdf)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(pdf,)) for pdf in pdfs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


# --- messages ----------------------------------------------------------------------------------------------


def test_every_pdf_error_has_a_chinese_text():
    assert set(SOURCES) <= set(MESSAGES_ZH_PDF)
    errors = [ConverterMissing(), ConverterMissing(Path("/opt/soffice"), "Permission denied"),
              ConversionFailed([Path("a.docx")], 1, "boom"), ConversionTimeout([Path("a.docx")], 180),
              PdfUnreadable(Path("a.pdf"), "bad")]
    for error in errors:
        assert error.message != error.english
        assert any("\u4e00" <= c <= "\u9fff" for c in error.message), error.message
