"""Draw the placeholder photos of the bundled sample data.

Every person or collective record under site_data/<year>/ that names a `photo:` gets an abstract
illustration next to it: a muted gradient, a few geometric shapes and faceless silhouettes (one for a
person, a group for a collective); so does every news story under content/news/posts/ that names one, and
a campaign that names a `banner:` gets a wide one. No text and no faces, so nobody can take them for real
photos; each record's `photo_alt` (`banner_alt`) says 「示意图」.

The drawing is seeded from the record's id, so a rerun writes byte-identical files. Run it without
arguments from anywhere:

    .venv/bin/python tools/make_placeholders.py
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SITE_DATA = ROOT / "site_data"
NEWS = ROOT / "content" / "news" / "posts"

PORTRAIT = (600, 800)  # people
LANDSCAPE = (800, 600)  # collectives, news
BANNER = (1920, 640)  # a campaign's banner
JPEG_QUALITY = 80

# Muted reds, golds and greys: close to the site's colours, never loud.
BACKGROUNDS = [
    ((150, 62, 54), (214, 178, 120)),
    ((122, 58, 52), (196, 160, 104)),
    ((96, 96, 102), (206, 188, 150)),
    ((140, 84, 60), (224, 204, 168)),
    ((84, 80, 86), (178, 92, 76)),
    ((168, 124, 70), (232, 220, 196)),
]
ACCENTS = [(201, 164, 92), (232, 210, 160), (176, 72, 60), (150, 150, 156), (110, 52, 46)]
SILHOUETTES = [(62, 40, 40), (74, 56, 52), (58, 54, 60), (88, 44, 40)]
# Words of a photo_alt that put the figures on a site or a shop floor, where a safety helmet belongs.
HELMET_WORDS = ("施工", "工地", "钢筋", "车间", "装配", "总装", "锅炉")


def _rng(key: str) -> random.Random:
    """A generator seeded from the record's id; Python's own hash() changes between runs."""
    return random.Random(int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big"))


def _gradient(size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]) -> Image.Image:
    height = size[1]
    column = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / (height - 1)
        column.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return column.resize(size)


def _shapes(draw: ImageDraw.ImageDraw, size: tuple[int, int], rng: random.Random) -> None:
    """Soft circles and bars in the background, like a sun, gears or factory roofs."""
    width, height = size
    for _ in range(rng.randint(3, 5)):
        r = rng.randint(min(size) // 10, min(size) // 4)
        x, y = rng.randint(0, width), rng.randint(0, height // 2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(*rng.choice(ACCENTS), rng.randint(40, 90)))
    for _ in range(rng.randint(2, 4)):
        w = rng.randint(width // 10, width // 4)
        h = rng.randint(height // 8, height // 3)
        x = rng.randint(0, width - w)
        draw.rectangle((x, height - h - height // 6, x + w, height), fill=(*rng.choice(ACCENTS), rng.randint(30, 70)))


def _figure(draw: ImageDraw.ImageDraw, cx: float, base: float, scale: float, colour: tuple[int, int, int], helmet: bool) -> None:
    """A faceless silhouette: a head, a neck and rounded shoulders, optionally a safety helmet."""
    head = 70 * scale
    top = base - 430 * scale
    draw.ellipse((cx - head, top, cx + head, top + 2 * head), fill=(*colour, 235))
    draw.rectangle((cx - head * 0.45, top + 1.7 * head, cx + head * 0.45, top + 2.5 * head), fill=(*colour, 235))
    shoulders = 190 * scale
    draw.rounded_rectangle(
        (cx - shoulders, top + 2.3 * head, cx + shoulders, base + 60 * scale),
        radius=int(110 * scale),
        fill=(*colour, 235),
    )
    if helmet:
        brim = head * 1.25
        gold = (214, 176, 90, 245)
        draw.pieslice((cx - head * 1.05, top - head * 0.25, cx + head * 1.05, top + head * 1.4), 180, 360, fill=gold)
        draw.rectangle((cx - brim, top + head * 0.5, cx + brim, top + head * 0.65), fill=gold)


def draw_person(key: str, helmet: bool) -> Image.Image:
    """A 600×800 portrait placeholder for the person record `key`, e.g. draw_person("nong-jianguo", True)."""
    rng = _rng(key)
    image = _gradient(PORTRAIT, *rng.choice(BACKGROUNDS)).convert("RGBA")
    overlay = Image.new("RGBA", PORTRAIT, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    _shapes(draw, PORTRAIT, rng)
    width, height = PORTRAIT
    _figure(draw, width / 2 + rng.randint(-30, 30), height, 1.15, rng.choice(SILHOUETTES), helmet)
    return Image.alpha_composite(image, overlay).convert("RGB")


def draw_group(key: str, helmet: bool) -> Image.Image:
    """An 800×600 group placeholder for the collective record `key`, e.g. draw_group("jianshe-gangjin", True)."""
    rng = _rng(key)
    image = _gradient(LANDSCAPE, *rng.choice(BACKGROUNDS)).convert("RGBA")
    overlay = Image.new("RGBA", LANDSCAPE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    _shapes(draw, LANDSCAPE, rng)
    width, height = LANDSCAPE
    count = rng.randint(4, 6)
    # Back row first, so the front row overlaps it.
    for row, (scale, base) in enumerate(((0.5, height - 110), (0.58, height + 10))):
        people = count - count // 2 if row == 0 else count // 2 + 1
        for i in range(people):
            cx = width * (i + 0.5 + (0.25 if row == 0 else 0)) / (people + (0.5 if row == 0 else 0))
            colour = rng.choice(SILHOUETTES)
            _figure(draw, cx + rng.randint(-15, 15), base, scale + rng.uniform(-0.03, 0.03), colour, helmet)
    return Image.alpha_composite(image, overlay).convert("RGB")


def draw_banner(key: str) -> Image.Image:
    """A 1920×640 banner placeholder: the campaign's reds, a rising sun and a line of workers on the horizon."""
    rng = _rng(key)
    width, height = BANNER
    image = _gradient(BANNER, (110, 20, 20), (172, 40, 36)).convert("RGBA")
    overlay = Image.new("RGBA", BANNER, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    cx, cy = width * 0.72, height * 0.95
    for r, alpha in ((520, 40), (400, 55), (280, 80)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(232, 190, 110, alpha))
    draw.rectangle((0, height - 90, width, height), fill=(90, 16, 16, 200))
    for i in range(9):
        x = width * (0.5 + i * 0.055) + rng.randint(-12, 12)
        _figure(draw, x, height - 40, 0.42 + rng.uniform(-0.03, 0.03), rng.choice(SILHOUETTES), True)
    return Image.alpha_composite(image, overlay).convert("RGB")


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}


def banners_and_news() -> list[tuple[Path, str]]:
    """(picture path, what to draw) of every campaign banner and news picture the sample names."""
    found = []
    for campaign in sorted(SITE_DATA.glob("*/campaign.yml")):
        data = yaml.safe_load(campaign.read_text(encoding="utf-8")) or {}
        if data.get("banner"):
            found.append((campaign.parent / str(data["banner"]), "banner"))
    for story in sorted(NEWS.glob("*.md")):
        photo = _front_matter(story).get("photo")
        if photo:
            found.append((story.parent / str(photo), "news"))
    return found


def records_with_photos() -> list[tuple[Path, str, bool]]:
    """(photo path, folder, helmet) of every person and collective record that names a photo."""
    found = []
    for folder in ("people", "collectives"):
        for record in sorted(SITE_DATA.glob(f"*/{folder}/*.yml")):
            data = yaml.safe_load(record.read_text(encoding="utf-8")) or {}
            if data.get("photo"):
                helmet = any(word in str(data.get("photo_alt", "")) for word in HELMET_WORDS)
                found.append((record.parent / str(data["photo"]), folder, helmet))
    return found


def main() -> None:
    """Write every placeholder photo named by a record, and list them with their sizes."""
    for path, folder, helmet in records_with_photos():
        image = draw_person(path.stem, helmet) if folder == "people" else draw_group(path.stem, helmet)
        # No exif argument: Pillow then writes no EXIF block at all.
        image.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    for path, what in banners_and_news():
        image = draw_banner(path.stem) if what == "banner" else draw_group(path.stem, True)
        image.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True)
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
