"""Seal images: draw a round red official seal (公章 / 专用章) or check an imported one.

:func:`seal_image` draws the usual round seal of a Chinese authority: a red ring, the bureau name along the
upper arc (each character turned to follow the arc), a five-pointed star in the centre and the kind of
seal (e.g. 行政执法专用章) on a straight line below the star. The picture is only the visible part of a
seal; what makes a document sealed is the signature made with the seal's key (see ``pdf_seal``).

The output is a PNG with a transparent background, the same bytes for the same inputs on one machine (the
CJK font found there is part of the input). :func:`load_seal_image` checks an imported picture (PNG or
JPEG, at most 5 MB, at least 200 px) and turns it into a PNG with transparency.
"""

from __future__ import annotations

import functools
import io
import math
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from app.domain.errors import UserError

SEAL_RED = (0xD4, 0x00, 0x00)
SEAL_ALPHA = 0.9  # slightly translucent, so the text under a seal shows through as on paper
FONT_ENV_VAR = "ZHIFA_SEAL_FONT"  # a font file to use instead of searching (optional)

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MIN_IMPORT_PX = 200
MAX_IMPORT_PX = 6000  # a larger picture is refused (a few MB of PNG can decode to gigabytes)
IMPORT_TARGET_PX = 1200  # imported pictures are scaled down to this (plenty for a 4 cm seal)

NO_CJK_FONT = ("no Chinese font was found to draw the seal: install a Chinese font (e.g. fonts-noto-cjk, "
               "SimSun) or set {variable} to a font file")
FONT_UNUSABLE = "the seal font {path} cannot be used: {reason}"
EMPTY_NAME = "the seal needs the bureau name"
IMAGE_TOO_LARGE = "the seal image is {size} MB; at most {limit} MB is allowed"
IMAGE_UNREADABLE = "the seal image is not a PNG or JPEG picture"
IMAGE_TOO_SMALL = "the seal image is {width} × {height} pixels; it must be at least {minimum} pixels wide and high"
IMAGE_TOO_BIG = "the seal image is {width} × {height} pixels; at most {maximum} pixels wide and high are allowed"

SOURCES = (NO_CJK_FONT, FONT_UNUSABLE, EMPTY_NAME, IMAGE_TOO_LARGE, IMAGE_UNREADABLE, IMAGE_TOO_SMALL,
           IMAGE_TOO_BIG)


class SealImageError(UserError):
    """A seal image cannot be drawn (no Chinese font, no name) or an imported picture is refused."""


# --- fonts -------------------------------------------------------------------------------------------------

# Tried after fontconfig, in order: Windows, then the usual Linux (Debian/Ubuntu, Kylin, UOS, Fedora) places.
_WINDOWS_FONTS = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
KNOWN_FONT_PATHS: tuple[Path, ...] = (
    _WINDOWS_FONTS / "simsun.ttc",
    _WINDOWS_FONTS / "simhei.ttf",
    _WINDOWS_FONTS / "simkai.ttf",
    _WINDOWS_FONTS / "simfang.ttf",
    _WINDOWS_FONTS / "msyh.ttc",
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)

# fontconfig patterns, best first: a Song (serif) face is what seals use.
_FONTCONFIG_PATTERNS = (
    "Noto Serif CJK SC:lang=zh-cn:style=Bold",
    "Noto Serif CJK SC:lang=zh-cn",
    "SimSun:lang=zh-cn",
    "Noto Sans CJK SC:lang=zh-cn:style=Bold",
    "Noto Sans CJK SC:lang=zh-cn",
    ":lang=zh-cn",
)
_PROBE = "国局"  # characters every Chinese font has


@dataclass(frozen=True)
class SealFont:
    path: str
    index: int
    name: str

    def load(self, size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.path, size, index=self.index)


def _fontconfig_match(pattern: str) -> str | None:
    """The font file fontconfig picks for ``pattern`` (None without fontconfig)."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        done = subprocess.run([program, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=10,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    path = done.stdout.strip()
    return path or None


def _draws_chinese(font: ImageFont.FreeTypeFont) -> bool:
    """True when ``font`` has real glyphs for Chinese (not the .notdef box every font draws)."""
    missing = font.getmask("\ue000")  # a private-use code point: no font maps it, so this is .notdef
    for char in _PROBE:
        mask = font.getmask(char)
        if mask.size == missing.size and bytes(mask) == bytes(missing):
            return False
    return True


def _face_in(path: str) -> SealFont | None:
    """The face to use in the font file ``path`` (for a .ttc the simplified-Chinese one), or None when the
    file cannot be read or does not draw Chinese."""
    faces: list[tuple[int, str]] = []
    for index in range(32):
        try:
            family, style = ImageFont.truetype(path, 24, index=index).getname()
        except OSError:
            break
        faces.append((index, f"{family} {style}".strip()))
        if not path.lower().endswith((".ttc", ".otc")):
            break
    if not faces:
        return None

    def rank(face: tuple[int, str]) -> int:
        words = face[1].replace("-", " ").split()
        if "SC" in words or "GB" in words or face[1].lower().startswith(("simsun", "simhei", "simkai", "simfang")):
            return 0
        if any(w in words for w in ("JP", "KR", "TC", "HK")) or "Mono" in words:
            return 2
        return 1

    for index, name in sorted(faces, key=rank):
        if _draws_chinese(ImageFont.truetype(path, 24, index=index)):
            return SealFont(path, index, name)
    return None


@functools.lru_cache(maxsize=1)
def find_cjk_font() -> SealFont:
    """The Chinese font the seal is drawn with: ``$ZHIFA_SEAL_FONT``, else what fontconfig offers (a Song face
    first), else the usual Windows / Linux font files. Raises :class:`SealImageError` when there is none."""
    override = os.environ.get(FONT_ENV_VAR, "").strip()
    if override:
        try:
            face = _face_in(override)
        except OSError as exc:  # pragma: no cover - depends on the file
            raise SealImageError(FONT_UNUSABLE, rule="seal.font", path=override, reason=str(exc)) from exc
        if face is None:
            raise SealImageError(FONT_UNUSABLE, rule="seal.font", path=override,
                                 reason="not a font that draws Chinese")
        return face
    tried: set[str] = set()
    candidates = [_fontconfig_match(p) for p in _FONTCONFIG_PATTERNS] + [str(p) for p in KNOWN_FONT_PATHS]
    for path in candidates:
        if not path or path in tried or not os.path.isfile(path):
            continue
        tried.add(path)
        face = _face_in(path)
        if face is not None:
            return face
    raise SealImageError(NO_CJK_FONT, rule="seal.no_font", variable=FONT_ENV_VAR)


# --- drawing -------------------------------------------------------------------------------------------------

_SUPERSAMPLE = 3  # drawn this much larger, then scaled down: smooth edges without anti-aliasing primitives


def _glyph(char: str, font: ImageFont.FreeTypeFont, width_ratio: float) -> Image.Image:
    """One character as a white-on-black mask on its em square (so 一 stays thin and 口 small, as in print),
    squeezed to ``width_ratio`` of its width (seal characters are tall and narrow)."""
    em = round(font.size * 1.2)
    mask = Image.new("L", (em, em), 0)
    ImageDraw.Draw(mask).text((em / 2, em / 2), char, fill=255, font=font, anchor="mm")
    return mask.resize((max(1, round(em * width_ratio)), em), Image.Resampling.LANCZOS)


def _text_line(text: str, font: ImageFont.FreeTypeFont, max_width: float) -> Image.Image:
    """``text`` as one straight line in ``font``, characters slightly narrowed, squeezed to ``max_width``."""
    height = round(font.size * 1.2)
    width = max(1, math.ceil(font.getlength(text)))
    line = Image.new("L", (width, height), 0)
    ImageDraw.Draw(line).text((width / 2, height / 2), text, fill=255, font=font, anchor="mm")
    target = min(width * 0.9, max_width)
    return line.resize((max(1, round(target)), height), Image.Resampling.LANCZOS)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float) -> None:
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(54))  # regular star: 0.382 R
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=255)


def _paste_centered(canvas: Image.Image, piece: Image.Image, cx: float, cy: float) -> None:
    box = (round(cx - piece.width / 2), round(cy - piece.height / 2))
    canvas.paste(255, box, piece)  # the piece is the mask: white where it is inked


def seal_image(bureau_name: str, center_text: str = "", kind_text: str = "行政执法专用章",
               size_px: int = 600) -> bytes:
    """A round red seal as PNG bytes (``size_px`` square, transparent outside the ink).

    ``bureau_name`` runs along the upper arc (about 210°), a five-pointed star sits in the centre,
    ``kind_text`` (may be empty) is written on a straight line below the star and ``center_text`` (optional,
    e.g. the seal's number) on a smaller line below that. Raises :class:`SealImageError` when the name is
    empty or no Chinese font exists."""
    name = "".join(bureau_name.split())
    if not name:
        raise SealImageError(EMPTY_NAME, rule="seal.name")
    if size_px < 64:
        raise ValueError(f"size_px must be at least 64, not {size_px}")
    face = find_cjk_font()

    s = size_px * _SUPERSAMPLE
    mask = Image.new("L", (s, s), 0)
    draw = ImageDraw.Draw(mask)
    c = s / 2
    outer = s * 0.485
    ring = s * 0.032
    draw.ellipse((c - outer, c - outer, c + outer, c + outer), fill=255)
    inner = outer - ring
    draw.ellipse((c - inner, c - inner, c + inner, c + inner), fill=0)

    # the name along the upper arc: characters as large as the arc allows, their tops outwards
    span = 210.0 if len(name) > 3 else 40.0 * len(name)
    char_h = round(min(s * 0.15, 0.95 * (inner * 0.8) * math.radians(span) / len(name)))
    radius = inner - s * 0.012 - char_h / 2
    font = face.load(char_h)
    step = span / len(name)
    for i, char in enumerate(name):
        angle = -span / 2 + step * (i + 0.5)  # degrees from the top, clockwise
        glyph = _glyph(char, font, 0.78 if len(name) > 8 else 0.9)
        glyph = glyph.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=True)
        rad = math.radians(angle)
        _paste_centered(mask, glyph, c + radius * math.sin(rad), c - radius * math.cos(rad))

    _star(draw, c, c - s * 0.015, s * 0.17)

    if kind_text.strip():
        line = _text_line("".join(kind_text.split()), face.load(round(s * 0.085)), s * 0.56)
        _paste_centered(mask, line, c, c + s * 0.235)
    if center_text.strip():
        line = _text_line(center_text.strip(), face.load(round(s * 0.055)), s * 0.4)
        _paste_centered(mask, line, c, c + s * 0.335)

    mask = mask.resize((size_px, size_px), Image.Resampling.LANCZOS)
    alpha = mask.point(lambda v: round(v * SEAL_ALPHA))
    image = Image.new("RGBA", (size_px, size_px), (*SEAL_RED, 0))
    image.putalpha(alpha)
    return _png(image)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


# --- imported pictures ---------------------------------------------------------------------------------------


def load_seal_image(data: bytes) -> bytes:
    """Check an imported seal picture and return it as PNG (RGBA). PNG or JPEG, at most 5 MB, at least 200 px
    each way (at most 6000); larger pictures are scaled down to 1200 px. A picture without transparency
    (a scan) gets its white background made transparent so the text under the seal stays visible.
    Raises :class:`SealImageError` otherwise."""
    if len(data) > MAX_IMPORT_BYTES:
        raise SealImageError(IMAGE_TOO_LARGE, rule="seal.image_size", size=f"{len(data) / 1024 / 1024:.1f}",
                             limit=MAX_IMPORT_BYTES // (1024 * 1024))
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise SealImageError(IMAGE_UNREADABLE, rule="seal.image_format") from exc
    if kind not in ("PNG", "JPEG"):
        raise SealImageError(IMAGE_UNREADABLE, rule="seal.image_format")
    if min(width, height) < MIN_IMPORT_PX:
        raise SealImageError(IMAGE_TOO_SMALL, rule="seal.image_pixels", width=width, height=height,
                             minimum=MIN_IMPORT_PX)
    if max(width, height) > MAX_IMPORT_PX:
        raise SealImageError(IMAGE_TOO_BIG, rule="seal.image_pixels", width=width, height=height,
                             maximum=MAX_IMPORT_PX)
    try:
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            had_alpha = opened.mode in ("RGBA", "LA", "PA") or "transparency" in opened.info
            image = opened.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise SealImageError(IMAGE_UNREADABLE, rule="seal.image_format") from exc
    if not had_alpha:
        image = _white_to_transparent(image)
    if max(image.size) > IMPORT_TARGET_PX:
        image.thumbnail((IMPORT_TARGET_PX, IMPORT_TARGET_PX), Image.Resampling.LANCZOS)
    return _png(image)


def _white_to_transparent(image: Image.Image) -> Image.Image:
    """Paper white becomes transparent, ink stays: alpha from how far a pixel is from white (soft edges)."""
    r, g, b, _ = image.split()
    lightest = Image.merge("RGB", (r, g, b)).convert("L")  # luminance
    alpha = lightest.point(lambda v: 0 if v >= 235 else 255 if v <= 175 else round((235 - v) * 255 / 60))
    out = image.copy()
    out.putalpha(alpha)
    return out
