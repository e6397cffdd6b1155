"""Photos go through the real pipeline: resized, upright, and published without any metadata."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from generator.cache import Cache
from generator.images import PARALLEL_FROM, prepare, process, readable_image, renditions
from generator.pipeline import generate

from .conftest import FIXTURE, build, edit, paths, product


def phone_photo(path: Path, size=(1600, 1200)) -> None:
    """A JPEG as a phone writes it: GPS position, camera serial, and an orientation tag."""
    image = Image.new("RGB", size, (180, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0xA431] = "SN-0042"  # BodySerialNumber
    exif[0x0112] = 6  # Orientation: rotate 90° to show upright
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (22.0, 52.0, 0.0), "E", (107.0, 41.0, 0.0)
    image.save(path, "JPEG", exif=exif)


def test_renditions_carry_no_metadata_and_are_upright(tmp_path: Path):
    source = tmp_path / "p.jpg"
    phone_photo(source)
    assert Image.open(source).getexif().get_ifd(0x8825)  # the source does carry GPS
    images, cached = renditions(source)
    assert cached is False
    # Turned upright (a 1200×1600 portrait), then cut to the 4:3 that pages show, towards the top.
    assert [(i.width, i.height) for i in images] == [(480, 360), (960, 720)]
    for rendition in images:
        for data, fmt in ((rendition.jpeg, "JPEG"), (rendition.webp, "WEBP")):
            published = Image.open(io.BytesIO(data))
            assert published.format == fmt
            assert dict(published.getexif()) == {} and "exif" not in published.info


def portrait_with_a_head(path: Path) -> tuple[int, int, int]:
    """A phone's portrait photo of a person: stored sideways with an orientation tag, as phones do,
    the head (a red disc) in the upper part of the picture as it is shown. Returns the head's centre and radius."""
    upright = Image.new("RGB", (1200, 1600), (90, 110, 130))
    draw = ImageDraw.Draw(upright)
    head = (600, 330, 160)
    x, y, r = head
    draw.ellipse((x - r, y - r, x + r, y + r), fill=(220, 30, 30))
    draw.rectangle((300, 520, 900, 1600), fill=(30, 40, 160))  # shoulders and body
    exif = Image.Exif()
    exif[0x0112] = 6  # shown turned 90° clockwise
    upright.rotate(90, expand=True).save(path, "JPEG", quality=92, exif=exif)
    return head


def test_a_portrait_keeps_the_head_when_cut_to_4_3(tmp_path: Path):
    source = tmp_path / "portrait.jpg"
    _, y, r = portrait_with_a_head(source)
    images, _ = renditions(source)
    largest = Image.open(io.BytesIO(images[-1].jpeg)).convert("RGB")
    assert largest.size == (960, 720)
    scale = 960 / 1200
    pixels = largest.tobytes()
    red = [i // 3 for i in range(0, len(pixels), 3) if pixels[i] > 170 and pixels[i + 1] < 90 and pixels[i + 2] < 90]
    rows = [index // 960 for index in red]
    assert min(rows) > 0 and max(rows) < 719, "the head touches the edge: it was cut"
    expected = 3.14159 * (r * scale) ** 2
    assert abs(len(red) - expected) < 0.08 * expected  # the whole head is there
    # A centred crop would have started 350 pixels down the upright photo, through the head.
    assert min(rows) < (y - r - 350 + 2 * r) * scale


def test_unchanged_photos_come_from_the_cache(tmp_path: Path):
    source = tmp_path / "p.jpg"
    phone_photo(source)
    first, hit = renditions(source, Cache.at(tmp_path / "cache"))
    assert hit is False
    again, hit = renditions(source, Cache.at(tmp_path / "cache"))
    assert hit is True and again == first
    phone_photo(source, size=(1200, 1600))  # a changed photo is processed anew
    assert renditions(source, Cache.at(tmp_path / "cache"))[1] is False


def test_a_rebuild_with_unchanged_photos_does_no_image_work(tmp_path: Path):
    cached = replace(paths(FIXTURE), cache_dir=tmp_path / "cache")
    first = generate(cached, "2023-12-01", {})
    second = generate(cached, "2023-12-01", {})
    # The fixture's pictures: lu-ceshi.jpg (a person), the campaign's banner and a news story's picture.
    assert first.photos_processed == 3
    assert second.photos_processed == 0
    assert [a.data for a in first.assets] == [a.data for a in second.assets]


def test_photos_made_in_parallel_equal_those_made_one_by_one(tmp_path: Path):
    photos = []
    for number in range(PARALLEL_FROM):  # enough for worker processes, each photo different
        photos.append(tmp_path / "photos" / f"p{number}.jpg")
        photos[-1].parent.mkdir(exist_ok=True)
        phone_photo(photos[-1], size=(640 + 16 * number, 480))
    assert len(photos) >= PARALLEL_FROM
    assert prepare(photos, Cache.at(tmp_path / "parallel")) == len(photos)
    assert prepare(photos, Cache.at(tmp_path / "parallel")) == 0  # all cached now
    for photo in photos:
        from_workers, hit = renditions(photo, Cache.at(tmp_path / "parallel"))
        assert hit and from_workers == process(photo)


def test_a_30_megapixel_photo_stays_within_its_memory_budget(tmp_path: Path):
    """A 6708 × 4472 phone photo is processed in under 160 MB peak RSS (measured in a fresh process; about 95 MB here)."""
    source = tmp_path / "big.jpg"
    image = Image.new("RGB", (6708, 4472), (120, 60, 40))
    image.paste((200, 180, 90), (1000, 1000, 5000, 3000))
    image.save(source, "JPEG", quality=90)
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over exec from the (large) forked test worker.
    script = (
        "import re, sys; from pathlib import Path; from generator.images import process; "
        "out = process(Path(sys.argv[1])); "
        "peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) // 1024; "
        "print(out[-1].width, out[-1].height, peak)"
    )
    result = subprocess.run([sys.executable, "-c", script, str(source)], capture_output=True, text=True, check=True)
    width, height, peak_mb = (int(v) for v in result.stdout.split())
    assert (width, height) == (960, 640)
    assert peak_mb < 160, f"peak {peak_mb} MB"


@pytest.mark.build
def test_every_published_image_is_free_of_exif(project: Path, tmp_path: Path):
    product(project)
    phone_photo(project / "site_data/2023/people/nong-ceshi.jpg")
    edit(
        project,
        "site_data/2023/people/nong-ceshi.yml",
        "summary:",
        "photo: nong-ceshi.jpg\nphoto_alt: 农测试在装配线上\nsummary:",
    )
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    published = [p for p in (tmp_path / "site").rglob("*") if p.suffix.lower() in {".jpg", ".jpeg", ".png", ".webp"}]
    assert any("nong-ceshi" in p.name for p in published)
    for path in published:
        with Image.open(path) as image:
            assert dict(image.getexif()) == {}, path


def test_truncated_photo_is_not_readable(tmp_path: Path):
    path = tmp_path / "cut.jpg"
    phone_photo(path)
    path.write_bytes(path.read_bytes()[:2000])
    assert readable_image(path) is False
