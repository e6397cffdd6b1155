"""Photos for the web: upright, resized, re-encoded without any metadata (no EXIF, no GPS).

Each width is written as WebP (smaller, for browsers that take it) and JPEG (for the rest).
Results are kept in the cache (`cache.py`) by the photo's content, so an unchanged photo is not processed again.
"""

from __future__ import annotations

import io
import json
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from .cache import Cache, Entry
from .workers import process_pool, worker_count

WIDTHS = (480, 960)
# Cards and pages show photos at 4:3 (campaign.css). A taller photo, a portrait above all, is cut to 4:3
# here, towards the top: faces are in a photo's upper part, and the browser's centred crop cut off heads.
# What is cut away above the window is this share of what is cut away in all.
ASPECT = (4, 3)
TOP_SHARE = 0.15
HEIC_SUFFIXES = (".heic", ".heif")
# The largest photo taken in, in pixels: 60 million. A 50-megapixel phone photo (8160×6144) passes; a
# phone's 108/200-megapixel mode or a scan of a poster does not. Checked from the file's header, before
# any pixel is decoded: a PNG is decoded whole (only JPEG can be decoded at a reduced scale), and 60
# million RGBA pixels already take 240 MB in each of the workers that process photos side by side.
MAX_PIXELS = 60_000_000


@dataclass(frozen=True)
class WebImage:
    """One rendition of a photo at one width, in both formats."""

    width: int
    height: int
    jpeg: bytes
    webp: bytes


def has_gps(path: Path) -> bool:
    """Whether a photo's EXIF carries a GPS position."""
    try:
        with Image.open(path) as image:
            return bool(image.getexif().get_ifd(0x8825))
    except (OSError, SyntaxError, ValueError):
        return False


def photo_refusal(path: Path) -> str | None:
    """Why a photo is not taken in at all (a symlink, or too many pixels), in Chinese; None when it may be.

    Only the header is read: the size is known before a single pixel is decoded.

    >>> photo_refusal(Path("missing.jpg")) is None  # a missing or broken file is for other checks
    True
    """
    name = path.name
    if path.is_symlink():
        return (
            f"照片「{name}」是一个链接（快捷方式），不是照片文件本身：网站不发布链接指向的文件。"
            "请删除这个链接，把照片文件本身复制到这里。"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        width = height = 0  # beyond Pillow's own limit, far beyond ours: its size is not even reported
    except (OSError, SyntaxError, ValueError):
        return None
    return _size_refusal(name, width, height)


def _size_refusal(name: str, width: int, height: int) -> str | None:
    """Why a photo of this size is refused (0 × 0: beyond Pillow's own limit); None when it is not."""
    if width * height <= MAX_PIXELS and width and height:
        return None
    size = f"（{width}×{height} 像素，约 {width * height // 10_000} 万像素）" if width else "（超过 1.7 亿像素）"
    return (
        f"照片「{name}」太大{size}，网站最多接受 {MAX_PIXELS // 10_000} 万像素。"
        "请把照片缩小后再放进来：如用手机相册“编辑→调整大小”或电脑画图工具，把长边改为 4000 像素以内。"
    )


def photo_facts(path: Path) -> tuple[str, bool, bool]:
    """What a check asks of a photo file (not a link), from one opening instead of three: why it is
    refused, as `photo_refusal` says it ("" when it is not); whether it decodes whole, as
    `readable_image` (False when refused: it is not decoded); whether it carries a GPS position, as
    `has_gps` (False unless it decodes).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                refusal = _size_refusal(path.name, *image.size)
                if refusal:
                    return refusal, False, False
                image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
                image.load()
                try:
                    return "", True, bool(image.getexif().get_ifd(0x8825))
                except (OSError, SyntaxError, ValueError):
                    return "", True, False
    except Image.DecompressionBombError:
        return _size_refusal(path.name, 0, 0) or "", False, False
    except (OSError, SyntaxError, ValueError):
        return "", False, False


def readable_image(path: Path) -> bool:
    """Whether the file is a whole image Pillow can decode (not truncated, not something else)."""
    try:
        with Image.open(path) as image:
            # A JPEG decoded at an eighth of its size still reads every byte: truncation shows, at a
            # fraction of the cost of a full decode.
            image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def _to_rgb(image: Image.Image) -> Image.Image:
    """Any mode as 8-bit RGB: 16-bit and 32-bit grey scaled down (not clipped to white), transparency
    laid on white (not on black)."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        high = image.getextrema()[1] if image.mode in ("I", "F") else 65535
        scale = 255 / high if isinstance(high, (int, float)) and high > 255 else 1
        image = image.convert("I" if image.mode != "F" else "F").point(lambda value: value * scale).convert("L")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    return image


def crop_box(width: int, height: int) -> tuple[int, int, int, int] | None:
    """The 4:3 window of a photo taller than 4:3, kept towards the top; None when it is not taller.

    >>> crop_box(1200, 1600), crop_box(1600, 1200)
    ((0, 105, 1200, 1005), None)
    """
    wanted = round(width * ASPECT[1] / ASPECT[0])
    if height <= wanted:
        return None
    top = round((height - wanted) * TOP_SHARE)
    return (0, top, width, top + wanted)


def _encode(image: Image.Image, width: int) -> WebImage:
    # Resize straight into the small image: no full-size copy of the photo is made.
    if image.width > width:
        small = image.resize(
            (width, max(1, round(image.height * width / image.width))), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
    else:
        small = image.copy()
    # Pillow writes a JPEG comment (COM) from the image's own `info`, which resizing copies from the
    # original (a GIF's or a JPEG's comment, a PNG's "comment" text): nothing of it may go out.
    small.info = {}
    jpeg, webp = io.BytesIO(), io.BytesIO()
    small.save(jpeg, "JPEG", quality=80, optimize=True, progressive=True)
    small.save(webp, "WEBP", quality=75, method=4)
    return WebImage(small.width, small.height, jpeg.getvalue(), webp.getvalue())


def process(path: Path, widths: tuple[int, ...] = WIDTHS) -> list[WebImage]:
    """Renditions of a photo, no wider than each of `widths` (never enlarged).

    A large JPEG is decoded at a reduced scale straight away (Pillow's draft mode), which keeps a
    30-megapixel phone photo within a small memory budget. Re-encoding from pixels drops every
    metadata block of the original.
    """
    refusal = photo_refusal(path)
    if refusal is not None:  # the check refuses these before a build starts: never decode one here
        raise ValueError(refusal)
    largest = max(widths)
    with Image.open(path) as original:
        if original.format == "JPEG":
            # Orientation may swap the sides: ask for enough pixels either way.
            original.draft("RGB", (largest * 2, largest * 2))
        upright = _to_rgb(ImageOps.exif_transpose(original))
        box = crop_box(upright.width, upright.height)
        if box is not None:
            upright = upright.crop(box)
    upright.info = {}
    out: list[WebImage] = []
    for width in widths:
        rendition = _encode(upright, width)
        if out and rendition.width == out[-1].width:
            break
        out.append(rendition)
    return out


def _entry(path: Path, cache: Cache, widths: tuple[int, ...], known: dict[Path, Entry] | None) -> Entry:
    # Photos can be megabytes each: a build hashes each once, and `known` remembers where it is kept.
    if known is not None and path in known:
        return known[path]
    entry = cache.entry("photos", path.read_bytes(), json.dumps(widths))
    if known is not None:
        known[path] = entry
    return entry


def renditions(
    path: Path, cache: Cache | None = None, widths: tuple[int, ...] = WIDTHS, known: dict[Path, Entry] | None = None
) -> tuple[list[WebImage], bool]:
    """The photo's renditions, from the cache when its bytes were processed before; and whether they were.

    `known` holds the cache entries of photos hashed earlier in the same build.
    """
    if cache is None or cache.folder is None:
        return process(path, widths), False
    entry = _entry(path, cache, widths, known)
    kept = entry.read()
    if kept is not None:
        files, sizes = kept
        return [WebImage(w, h, files[f"{w}.jpg"], files[f"{w}.webp"]) for w, h in sizes], True
    images = process(path, widths)
    files = {}
    for image in images:
        files |= {f"{image.width}.jpg": image.jpeg, f"{image.width}.webp": image.webp}
    entry.write(files, [[i.width, i.height] for i in images])
    return images, False


NEWS_PICTURE_WIDTH = 1600
_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


def news_picture(path: Path, cache: Cache | None = None) -> bytes:
    """A picture from a news post, re-encoded in its own format (its links keep working): upright, no
    wider than `NEWS_PICTURE_WIDTH`, without any metadata. Cached by content like the renditions."""
    return _kept_copy(path, cache, "news-pictures", NEWS_PICTURE_WIDTH, _FORMATS[path.suffix.lower()])


def full_size(path: Path, cache: Cache | None = None) -> bytes:
    """A photo at its full size for the press (the office's press kits), upright and without any metadata
    (no EXIF, no GPS, no comment): a JPEG re-encoded from its pixels. Cached by content like the renditions."""
    return _kept_copy(path, cache, "full-pictures", None, "JPEG", quality=92)


def _kept_copy(path: Path, cache: Cache | None, name: str, widest: int | None, fmt: str, quality: int = 85) -> bytes:
    entry = cache.entry(name, path.read_bytes(), json.dumps([widest, fmt, quality])) if cache is not None else Entry(None)
    kept = entry.read()
    if kept is not None:
        return kept[0]["picture"]
    data = copy_of(path, widest, fmt, quality)
    entry.write({"picture": data})
    return data


def copy_of(path: Path, widest: int | None, fmt: str, quality: int = 85) -> bytes:
    """One upright copy of a picture without metadata, at most `widest` pixels wide, in `fmt`."""
    refusal = photo_refusal(path)
    if refusal is not None:
        raise ValueError(refusal)
    with Image.open(path) as original:
        if original.format == "JPEG" and widest is not None:
            original.draft("RGB", (widest * 2, widest * 2))
        upright = _to_rgb(ImageOps.exif_transpose(original))
    if widest is not None and upright.width > widest:
        height = max(1, round(upright.height * widest / upright.width))
        upright = upright.resize((widest, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    upright.info = {}
    out = io.BytesIO()
    upright.save(out, fmt, **({"quality": quality, "optimize": True, "progressive": True} if fmt == "JPEG" else {}))
    return out.getvalue()


# Below this many new photos, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


def prepare(
    paths: list[Path], cache: Cache | None, widths: tuple[int, ...] = WIDTHS, known: dict[Path, Entry] | None = None
) -> int:
    """Process the photos the cache lacks, on every core; return how many. The pages then take
    their renditions from the cache (pass them the same `known`, and no photo is hashed twice)."""
    if cache is None or cache.folder is None:
        return 0
    known = {} if known is None else known
    missing = sorted({path for path in paths if not _entry(path, cache, widths, known).ready})
    workers = worker_count(8)
    if len(missing) < PARALLEL_FROM or workers < 2:
        return 0  # made one by one as the pages ask for them
    with process_pool(workers) as pool:
        entries = [{path: known[path]} for path in missing]
        list(pool.map(renditions, missing, [cache] * len(missing), [widths] * len(missing), entries, chunksize=8))
    return len(missing)
