"""Photos for the web: upright, resized, re-encoded without any metadata (no EXIF, no GPS)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

WIDTHS = (480, 960)


@dataclass(frozen=True)
class WebImage:
    """One encoded rendition of a photo."""

    width: int
    height: int
    data: bytes


def readable_image(path: Path) -> bool:
    """Whether the file is a whole image Pillow can decode (not truncated, not something else)."""
    try:
        with Image.open(path) as image:
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def renditions(path: Path, widths: tuple[int, ...] = WIDTHS) -> list[WebImage]:
    """JPEG renditions of a photo, no wider than each of `widths` (never enlarged).

    Re-encoding from pixels drops every metadata block of the original.
    """
    with Image.open(path) as original:
        upright = ImageOps.exif_transpose(original).convert("RGB")
    out: list[WebImage] = []
    for width in widths:
        image = upright.copy()
        image.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        if out and image.width == out[-1].width:
            break
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80, optimize=True, progressive=True)
        out.append(WebImage(image.width, image.height, buffer.getvalue()))
    return out
