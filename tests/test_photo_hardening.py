"""Photos as a careless editor or an attacker drops them in: comments, huge sizes, odd modes, symlinks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from generator.images import MAX_PIXELS, has_gps, photo_facts, photo_refusal, process, readable_image

from .site_scan import metadata_segments
from .test_images import phone_photo

SECRET = "身份证11010519491231002X 手机13800138000"


def photo_with_comments(folder: Path, kind: str) -> Path:
    image = Image.new("RGB", (800, 600), (30, 120, 60))
    if kind == "jpeg":
        path = folder / "c.jpg"
        image.save(path, "JPEG", comment=SECRET.encode())
    elif kind == "png":
        path = folder / "c.png"
        info = PngImagePlugin.PngInfo()
        info.add_text("comment", SECRET)
        info.add_itxt("Description", SECRET)
        image.save(path, "PNG", pnginfo=info)
    else:
        path = folder / "c.gif"
        image.save(path, "GIF", comment=SECRET.encode())
    return path


@pytest.mark.parametrize("kind", ["jpeg", "png", "gif"])
def test_comments_and_text_chunks_are_not_published(tmp_path: Path, kind: str):
    source = photo_with_comments(tmp_path, kind)
    with Image.open(source) as image:
        assert SECRET.encode() in source.read_bytes() or image.info  # the source does carry it
    for rendition in process(source):
        for data in (rendition.jpeg, rendition.webp):
            assert metadata_segments(data) == []
            assert b"13800138000" not in data and "身份证".encode() not in data


def test_a_long_comment_does_not_crash_the_pipeline(tmp_path: Path):
    path = tmp_path / "long.gif"
    Image.new("RGB", (300, 200), (1, 2, 3)).save(path, "GIF", comment=b"x" * 70_000)
    assert [metadata_segments(r.jpeg) for r in process(path)] == [[]]


def test_16_bit_greyscale_keeps_its_tones(tmp_path: Path):
    path = tmp_path / "grey16.png"
    Image.new("I;16", (400, 300), 16384).save(path, "PNG")  # a quarter of full scale: dark grey
    with Image.open(path) as image:
        assert image.mode.startswith("I")
    rendition = process(path)[0]
    grey = Image.open(io.BytesIO(rendition.jpeg)).convert("L").getpixel((200, 150))
    assert 50 <= grey <= 80, grey  # not white (255)


def test_transparency_is_laid_on_white(tmp_path: Path):
    path = tmp_path / "clear.png"
    Image.new("RGBA", (200, 100), (0, 0, 0, 0)).save(path, "PNG")
    rendition = process(path)[0]
    assert Image.open(io.BytesIO(rendition.jpeg)).convert("L").getpixel((100, 50)) > 240


def big_png(path: Path, width: int, height: int) -> None:
    """A PNG of the given size from its header only: a 1-bit image compresses to almost nothing."""
    Image.new("1", (width, height), 1).save(path, "PNG")


def test_a_50_megapixel_phone_photo_is_taken_in(tmp_path: Path):
    path = tmp_path / "phone.png"
    big_png(path, 8160, 6144)
    assert MAX_PIXELS >= 8160 * 6144
    assert photo_refusal(path) is None


def test_too_many_pixels_is_refused_before_decoding(tmp_path: Path):
    path = tmp_path / "poster.png"
    big_png(path, 12000, 12000)
    assert photo_refusal(path) == (
        "照片「poster.png」太大（12000×12000 像素，约 14400 万像素），网站最多接受 6000 万像素。"
        "请把照片缩小后再放进来：如用手机相册“编辑→调整大小”或电脑画图工具，把长边改为 4000 像素以内。"
    )
    with pytest.raises(ValueError, match="太大"):
        process(path)


def test_one_look_at_a_photo_answers_as_the_three_checks_do(tmp_path: Path):
    # The check's worker processes judge each photo once (images.photo_facts); the editor must be told
    # exactly what the separate checks tell: refused, broken, or carrying a GPS position.
    phone_photo(tmp_path / "phone.jpg")
    Image.new("RGB", (640, 480), (10, 90, 200)).save(tmp_path / "plain.jpg", "JPEG")
    Image.new("RGBA", (64, 48), (10, 90, 200, 128)).save(tmp_path / "plain.png", "PNG")
    phone_photo(tmp_path / "cut.jpg")
    (tmp_path / "cut.jpg").write_bytes((tmp_path / "cut.jpg").read_bytes()[:2000])
    (tmp_path / "text.jpg").write_text("不是图片", encoding="utf-8")
    big_png(tmp_path / "poster.png", 12000, 12000)
    expected = {
        "phone.jpg": ("", True, True),
        "plain.jpg": ("", True, False),
        "plain.png": ("", True, False),
        "cut.jpg": ("", False, False),
        "text.jpg": ("", False, False),
        "poster.png": (photo_refusal(tmp_path / "poster.png"), False, False),
    }
    assert expected["poster.png"][0].startswith("照片「poster.png」太大（12000×12000 像素")
    for name, facts in expected.items():
        path = tmp_path / name
        assert photo_facts(path) == facts, name
        refusal, readable, gps = facts
        assert refusal == (photo_refusal(path) or "")
        if not refusal:  # a refused photo is never decoded
            assert readable == readable_image(path)
        if readable:
            assert gps == has_gps(path)
