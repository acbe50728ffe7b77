"""A minimal PNG encoder (8-bit RGB, no filtering), so screenshots need no Pillow."""

from __future__ import annotations

import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_rgb(width: int, height: int, stride: int, pixels: bytes | memoryview, dpi: float = 0) -> bytes:
    """PNG bytes for ``height`` rows of ``width`` RGB pixels, each row starting ``stride`` bytes
    after the previous one. ``dpi`` (if given) is recorded in a pHYs chunk."""
    row = width * 3
    if width < 1 or height < 1 or stride < row or len(pixels) < stride * (height - 1) + row:
        raise ValueError(f"bad image geometry {width}x{height}, stride {stride}, {len(pixels)} bytes")
    view = memoryview(pixels)
    raw = b"".join(b"\x00" + view[y * stride:y * stride + row] for y in range(height))
    parts = [SIGNATURE, _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))]
    if dpi > 0:
        per_metre = round(dpi / 0.0254)
        parts.append(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))
    parts += [_chunk(b"IDAT", zlib.compress(raw, 6)), _chunk(b"IEND", b"")]
    return b"".join(parts)
