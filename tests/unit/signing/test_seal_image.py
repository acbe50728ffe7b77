"""Seal images: the drawn round seal (red, transparent, the name on the arc, deterministic), the Chinese font
search (and its clear error), and the checks on imported pictures."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from app.domain.messages_zh_signing_pdf import MESSAGES_ZH_SIGNING_PDF
from app.signing import seal_image as module
from app.signing.seal_image import (
    SEAL_RED,
    SOURCES,
    SealImageError,
    find_cjk_font,
    load_seal_image,
    seal_image,
)

BUREAU = "江海区市场监督管理局"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _open(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def _inked(image: Image.Image, x: int, y: int) -> bool:
    r, g, b, a = image.getpixel((x, y))
    return a > 128 and r > 150 and g < 80 and b < 80


def _count_in(image: Image.Image, test) -> int:
    size = image.width
    return sum(1 for y in range(0, size, 2) for x in range(0, size, 2) if test(x, y) and _inked(image, x, y))


@pytest.fixture(autouse=True)
def _fresh_font_search():
    find_cjk_font.cache_clear()
    yield
    find_cjk_font.cache_clear()


def test_the_seal_is_a_red_round_png_with_a_transparent_background():
    png = seal_image(BUREAU)
    image = _open(png)
    assert image.format == "PNG" and image.mode == "RGBA" and image.size == (600, 600)
    assert image.getpixel((0, 0))[3] == 0 and image.getpixel((599, 599))[3] == 0  # corners: nothing
    assert image.getpixel((300, 2))[3] == 0  # outside the ring
    # the ring: inked at the top, bottom, left and right, just inside the edge
    for x, y in ((300, 12), (300, 587), (12, 300), (587, 300)):
        assert _inked(image, x, y), (x, y)
    # the star in the centre
    assert _inked(image, 300, 300)
    # slightly translucent red
    r, g, b, a = image.getpixel((300, 12))
    assert (r, g, b) == SEAL_RED and 200 <= a < 255


def test_the_bureau_name_is_drawn_along_the_upper_arc():
    image = _open(seal_image(BUREAU, kind_text=""))
    c = 300

    def arc_band(x: int, y: int) -> bool:  # between the ring and the star, above the centre line + a bit
        r = math.hypot(x - c, y - c)
        return 180 < r < 255 and y < c + 60

    def lower_band(x: int, y: int) -> bool:
        r = math.hypot(x - c, y - c)
        return 180 < r < 255 and y > c + 150

    on_arc = _count_in(image, arc_band)
    assert on_arc > 2000  # ten characters of ink
    assert _count_in(image, lower_band) < on_arc / 20  # the bottom of the ring stays empty


def test_the_arc_text_is_real_chinese_glyphs_not_missing_glyph_boxes():
    face = find_cjk_font()
    font = face.load(48)
    assert module._draws_chinese(font)
    # different names give different arcs (a font without Chinese would draw the same box for all)
    a = _open(seal_image("江海区市场监督管理局", kind_text=""))
    b = _open(seal_image("山河县综合行政执法局", kind_text=""))
    assert a.tobytes() != b.tobytes()


def test_the_kind_text_goes_on_a_line_below_the_star_and_center_text_below_it():
    plain = _open(seal_image(BUREAU, kind_text=""))
    with_kind = _open(seal_image(BUREAU))
    with_both = _open(seal_image(BUREAU, center_text="4401050012345"))

    def kind_band(x: int, y: int) -> bool:
        return 200 < x < 400 and 420 < y < 465

    def center_band(x: int, y: int) -> bool:
        return 220 < x < 380 and 480 < y < 520

    assert _count_in(plain, kind_band) == 0
    assert _count_in(with_kind, kind_band) > 300
    assert _count_in(with_kind, center_band) == 0
    assert _count_in(with_both, center_band) > 100


def test_the_same_inputs_give_the_same_bytes():
    assert seal_image(BUREAU) == seal_image(BUREAU)
    assert seal_image(BUREAU, size_px=300) == seal_image(BUREAU, size_px=300)
    assert seal_image(BUREAU) != seal_image("江海区人民政府")
    assert _open(seal_image(BUREAU, size_px=300)).size == (300, 300)


def test_short_and_long_names_fit_inside_the_ring():
    for name in ("公安局", "某某省某某市某某县某某乡镇综合行政执法大队"):
        image = _open(seal_image(name))
        assert image.getpixel((0, 0))[3] == 0
        assert _count_in(image, lambda x, y: math.hypot(x - 300, y - 300) > 298) == 0


def test_a_name_is_required():
    with pytest.raises(SealImageError) as caught:
        seal_image("  ")
    assert caught.value.source == module.EMPTY_NAME


def test_the_simplified_chinese_face_of_a_collection_is_used():
    face = find_cjk_font()
    assert "SC" in face.name.split() or face.name.lower().startswith(("simsun", "simhei"))
    family, _ = ImageFont.truetype(face.path, 20, index=face.index).getname()
    assert family in face.name


def test_without_a_chinese_font_the_error_says_what_to_install(monkeypatch):
    monkeypatch.delenv(module.FONT_ENV_VAR, raising=False)
    monkeypatch.setattr(module, "_fontconfig_match", lambda pattern: str(DEJAVU) if DEJAVU.exists() else None)
    monkeypatch.setattr(module, "KNOWN_FONT_PATHS", (DEJAVU, Path("/nonexistent/simsun.ttc")))
    with pytest.raises(SealImageError) as caught:
        seal_image(BUREAU)
    assert caught.value.source == module.NO_CJK_FONT
    assert "fonts-noto-cjk" in caught.value.english and module.FONT_ENV_VAR in caught.value.english
    assert "中文字体" in caught.value.message


def test_the_font_can_be_named_in_the_environment(monkeypatch):
    real = find_cjk_font()
    find_cjk_font.cache_clear()
    monkeypatch.setenv(module.FONT_ENV_VAR, real.path)
    monkeypatch.setattr(module, "_fontconfig_match", lambda pattern: pytest.fail("fontconfig asked"))
    assert find_cjk_font().path == real.path
    find_cjk_font.cache_clear()
    if DEJAVU.exists():
        monkeypatch.setenv(module.FONT_ENV_VAR, str(DEJAVU))
        with pytest.raises(SealImageError) as caught:
            find_cjk_font()
        assert caught.value.source == module.FONT_UNUSABLE


# --- imported pictures ----------------------------------------------------------------------------------------


def _picture(size: tuple[int, int], fmt: str, mode: str = "RGB", colour=(255, 255, 255)) -> bytes:
    image = Image.new(mode, size, colour)
    if mode == "RGB":
        for x in range(size[0] // 4, size[0] * 3 // 4):
            for y in range(size[1] // 4, size[1] * 3 // 4):
                image.putpixel((x, y), (200, 10, 10))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def test_an_imported_png_with_transparency_is_kept():
    png = seal_image(BUREAU, size_px=400)
    loaded = _open(load_seal_image(png))
    assert loaded.mode == "RGBA" and loaded.size == (400, 400)
    assert loaded.tobytes() == _open(png).tobytes()


def test_an_imported_jpeg_scan_gets_a_transparent_background():
    loaded = _open(load_seal_image(_picture((300, 300), "JPEG")))
    assert loaded.format == "PNG" and loaded.mode == "RGBA"
    assert loaded.getpixel((5, 5))[3] == 0  # paper white: transparent
    assert loaded.getpixel((150, 150))[3] == 255  # red ink: opaque


def test_a_large_picture_is_scaled_down():
    loaded = _open(load_seal_image(_picture((2400, 2000), "PNG", "RGBA", (200, 0, 0, 255))))
    assert max(loaded.size) == 1200 and loaded.size == (1200, 1000)


@pytest.mark.parametrize(("data", "source"), [
    (b"not a picture at all", module.IMAGE_UNREADABLE),
    (_picture((300, 300), "GIF", "P", 1), module.IMAGE_UNREADABLE),
    (_picture((150, 400), "PNG"), module.IMAGE_TOO_SMALL),
    (_picture((6200, 300), "PNG", "L", 255), module.IMAGE_TOO_BIG),
    (b"\x89PNG" + b"\x00" * (5 * 1024 * 1024), module.IMAGE_TOO_LARGE),
])
def test_bad_pictures_are_refused_with_a_reason(data, source):
    with pytest.raises(SealImageError) as caught:
        load_seal_image(data)
    assert caught.value.source == source
    assert caught.value.message != caught.value.english


def test_a_truncated_png_is_refused():
    png = seal_image(BUREAU, size_px=300)
    with pytest.raises(SealImageError) as caught:
        load_seal_image(png[: len(png) // 2])
    assert caught.value.source == module.IMAGE_UNREADABLE


def test_every_seal_image_error_has_a_chinese_text():
    assert set(SOURCES) <= set(MESSAGES_ZH_SIGNING_PDF)
    error = SealImageError(module.IMAGE_TOO_SMALL, width=10, height=20, minimum=200)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error.message)
