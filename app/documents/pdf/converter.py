"""Converting .docx files to PDF with LibreOffice (``soffice --headless --convert-to pdf``).

One soffice run converts many files (its start-up, about a second, dominates). Each run gets a fresh
profile folder (``-env:UserInstallation``), so it never touches the user's own LibreOffice profile nor
attaches to a LibreOffice the user has open, and two conversions can run at once. The inputs are copied
under ASCII names into a temp folder, converted there, and the PDFs moved into the output folder only
when every one of them was made: a failure or timeout leaves the output folder as it was.

On Linux the run uses a fontconfig setup that maps the official-document faces (仿宋, 宋体, 方正小标宋,
黑体 …), which distributions do not ship, to Noto CJK (``resources/documents/fonts.conf``).
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.documents.pdf.errors import ConversionFailed, ConversionTimeout, ConverterMissing
from app.files import commit, discard, stage

log = logging.getLogger(__name__)

ENV_VAR = "ZHIFA_SOFFICE"
"""Path (or command name) of soffice to use; empty or "none" means: there is no converter."""

FONTS_CONF = Path(__file__).resolve().parents[3] / "resources" / "documents" / "fonts.conf"
SYSTEM_FONTS_CONF = "/etc/fonts/fonts.conf"
DOCX_FILTER = "MS Word 2007 XML"  # forced: a damaged .docx must fail, not be imported as plain text
STDERR_LINES = 6
_NOISE = ("Warning: failed to launch javaldx",)


def _install_places() -> list[Path]:
    if sys.platform == "win32":
        # (Windows environment names ignore case)
        roots = [os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", ""),
                 os.environ.get("PROGRAMW6432", ""), r"C:\Program Files", r"C:\Program Files (x86)"]
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in dict.fromkeys(roots) if root]
    places = [Path(p) for p in sorted(glob.glob("/opt/libreoffice*/program/soffice"), reverse=True)]
    places += [Path("/usr/lib/libreoffice/program/soffice"), Path("/usr/lib64/libreoffice/program/soffice"),
               Path("/snap/bin/libreoffice")]
    if sys.platform == "darwin":
        bundle = Path("LibreOffice.app/Contents/MacOS/soffice")
        places = [Path("/Applications") / bundle, Path.home() / "Applications" / bundle, *places]
    return places


def _runnable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_converter() -> LibreOfficeConverter | None:
    """The LibreOffice to convert with: ``$ZHIFA_SOFFICE`` (a path or command; "" or "none": none),
    else ``soffice`` / ``libreoffice`` on PATH, else the usual install places. None when there is none."""
    override = os.environ.get(ENV_VAR)
    if override is not None:
        value = override.strip()
        if value.lower() in ("", "none"):
            return None
        path = Path(value).expanduser()
        if not _runnable(path):
            found = shutil.which(value)
            if found is None:
                log.warning("%s=%r is not a runnable program: no PDF converter", ENV_VAR, value)
                return None
            path = Path(found)
        return LibreOfficeConverter(path)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return LibreOfficeConverter(Path(found))
    for place in _install_places():
        if _runnable(place):
            return LibreOfficeConverter(place)
    return None


def require_converter() -> LibreOfficeConverter:
    """:func:`find_converter`, raising :class:`ConverterMissing` when there is none."""
    converter = find_converter()
    if converter is None:
        raise ConverterMissing()
    return converter


@dataclass(frozen=True)
class LibreOfficeConverter:
    executable: Path
    timeout_s: float = 180.0
    """For the whole run (all files of one :meth:`convert` call)."""
    fonts_conf: Path | None = field(default=FONTS_CONF)
    """Our fontconfig alias file (None: the system's font setup only). Not used on Windows and macOS."""

    def convert(self, docx_paths: Sequence[Path], out_dir: Path) -> list[Path]:
        """Convert every .docx in ``docx_paths`` in one LibreOffice run; returns ``out_dir/<stem>.pdf``
        for each, in order (existing files of those names are replaced). All or nothing: when any file
        fails, nothing is written and :class:`ConversionFailed` names the failed files (``.files``);
        :class:`ConversionTimeout` after ``timeout_s``; :class:`ConverterMissing` when soffice cannot run."""
        sources = [Path(p) for p in docx_paths]
        if not sources:
            return []
        out_dir = Path(out_dir)
        targets = [out_dir / f"{p.stem}.pdf" for p in sources]
        seen: dict[str, Path] = {}
        for source, target in zip(sources, targets, strict=True):
            if not source.is_file():
                raise FileNotFoundError(source)
            other = seen.setdefault(target.name.casefold(), source)
            if other != source:
                raise ValueError(f"{other} and {source} would both be converted to {target}")
        out_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="zhifa-pdf-"))
        try:
            made = self._run(sources, work)
            staged: list[Path] = []
            try:
                for pdf, target in zip(made, targets, strict=True):
                    staged.append(stage(target, lambda handle, pdf=pdf: _copy_into(pdf, handle)))
            except BaseException:
                discard(staged)
                raise
            commit(zip(staged, targets, strict=True))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return targets

    def _run(self, sources: list[Path], work: Path) -> list[Path]:
        """Run soffice in ``work``; the PDFs it made, one per source (in ``work``)."""
        in_dir, out_tmp, profile = work / "in", work / "out", work / "profile"
        for folder in (in_dir, out_tmp, profile):
            folder.mkdir()
        inputs = []
        for i, source in enumerate(sources):
            inputs.append(in_dir / f"{i:04d}.docx")
            shutil.copyfile(source, inputs[-1])
        command = [str(self.executable), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                   "--nologo", "--nodefault", "--norestore", "--nolockcheck", f"--infilter={DOCX_FILTER}",
                   "--convert-to", "pdf", "--outdir", str(out_tmp), *map(str, inputs)]
        stdout_path, stderr_path = work / "stdout.txt", work / "stderr.txt"
        started = time.monotonic()
        with open(stdout_path, "wb") as stdout, open(stderr_path, "wb") as stderr:
            try:
                process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
                                           cwd=work, env=self._environment(work), **_new_process_group())
            except OSError as exc:
                raise ConverterMissing(self.executable, exc.strerror or str(exc)) from exc
            try:
                code = process.wait(timeout=self.timeout_s)
            except subprocess.TimeoutExpired:
                _kill_tree(process)
                raise ConversionTimeout(sources, self.timeout_s) from None
            except BaseException:  # interrupted: leave no LibreOffice behind
                _kill_tree(process)
                raise
        log.info("soffice converted %d file(s) in %.1f s (exit code %d)", len(sources),
                 time.monotonic() - started, code)
        detail = _tail(stderr_path)
        if code != 0:
            raise ConversionFailed(sources, code, detail)
        made = [out_tmp / f"{i:04d}.pdf" for i in range(len(sources))]
        failed = [source for source, pdf in zip(sources, made, strict=True) if not _is_pdf(pdf)]
        if failed:
            raise ConversionFailed(failed, code, detail)
        return made

    def _environment(self, work: Path) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("PYTHONHOME", "PYTHONPATH"):  # LibreOffice has its own Python
            env.pop(name, None)
        if getattr(sys, "frozen", False):  # PyInstaller points the loader at its bundle: undo that
            for name in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH"):
                original = env.pop(f"{name}_ORIG", None)
                if original is not None:
                    env[name] = original
                else:
                    env.pop(name, None)
        if sys.platform not in ("win32", "darwin") and self.fonts_conf is not None:
            if self.fonts_conf.is_file():
                env["FONTCONFIG_FILE"] = str(_write_fonts_conf(work, self.fonts_conf))
            else:
                log.warning("font alias file %s is missing: 仿宋/宋体 fall back to the system's choice",
                            self.fonts_conf)
        return env


def _write_fonts_conf(work: Path, aliases: Path) -> Path:
    """A fontconfig file that loads the system configuration (or the caller's FONTCONFIG_FILE), then ours."""
    system = os.environ.get("FONTCONFIG_FILE") or SYSTEM_FONTS_CONF
    path = work / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{escape(system)}</include>\n'
        f'  <include ignore_missing="yes">{escape(str(aliases.resolve()))}</include>\n'
        '</fontconfig>\n', encoding="utf-8")
    return path


def _new_process_group() -> dict[str, object]:
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}
    return {"start_new_session": True}


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    """Kill soffice and what it started (oosplash → soffice.bin), then reap it."""
    if sys.platform == "win32":
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, timeout=30,
                           creationflags=subprocess.CREATE_NO_WINDOW)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # its own session: the group id is its pid
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)


def _tail(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith(_NOISE)]
    return "\n".join(lines[-STDERR_LINES:])


def _is_pdf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(5) == b"%PDF-"
    except OSError:
        return False


def _copy_into(source: Path, handle: BinaryIO) -> None:
    with open(source, "rb") as src:
        shutil.copyfileobj(src, handle)
