"""Photos go through the real pipeline: resized, upright, and published without any metadata."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from PIL import Image

from generator.images import readable_image, renditions

from .conftest import REPO, build, edit


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
    images = renditions(source)
    assert [(i.width, i.height) for i in images] == [(480, 640), (960, 1280)]  # turned upright (portrait)
    for rendition in images:
        published = Image.open(io.BytesIO(rendition.data))
        assert dict(published.getexif()) == {} and "exif" not in published.info


def test_every_published_image_is_free_of_exif(project: Path, tmp_path: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
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
