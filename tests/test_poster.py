"""Share posters as a reader receives them in WeChat: 1080 px wide, the name drawn, a QR code that opens the page.

Drawn with the real pipeline and the system's Noto CJK (installed with Chromium for the browser tests).
"""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from generator import poster as posters
from generator.cache import Cache
from generator.pages.share import Sharing
from generator.pipeline import generate
from generator.poster import NO_FONT, NO_SITE_URL, PosterFacts, find_fonts, poster, wrap

from .conftest import FIXTURE, FIXTURE_AS_OF, SITE_URL, paths
from .test_images import phone_photo

zxingcpp = pytest.importorskip("zxingcpp")
FONTS = find_fonts()
if FONTS is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but no CJK font is installed: apt-get install fonts-noto-cjk")
    pytest.skip("No CJK font (apt-get install fonts-noto-cjk)", allow_module_level=True)

PHOTO = FIXTURE / "site_data/2023/people/lu-ceshi.jpg"
URL = SITE_URL + "2023/people/lu-ceshi/"
FACTS = PosterFacts(
    "先进个人",
    "陆测试",
    "2023年技术能手",
    "测试县某机械制造有限公司焊接车间 · 焊工",
    "焊接技能比武第一名，带出徒弟十余名。",
    "2023年测试县劳动和技能竞赛",
    "测试县总工会",
    URL,
    str(PHOTO),
)


def image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def test_poster_is_1080_wide_and_its_qr_code_opens_the_page(tmp_path: Path):
    assert FONTS is not None
    phone_photo(tmp_path / "phone.jpg")  # with GPS, a camera serial and an orientation tag
    drawn = poster(replace(FACTS, photo=str(tmp_path / "phone.jpg")), FONTS, Cache.at(tmp_path))
    png = Image.open(io.BytesIO(drawn.png))
    assert png.format == "PNG" and png.width == 1080 and png.height > 1080
    # Drawn from the photo's pixels: nothing of its EXIF (GPS, camera) travels with the poster.
    assert not png.getexif() and not getattr(png, "text", {}) and "exif" not in png.info
    assert [result.text for result in zxingcpp.read_barcodes(png)] == [URL]
    # The share image is the poster's top square, small enough for a chat's preview.
    assert image(drawn.share).size == (600, 600)


def test_the_name_is_drawn(tmp_path: Path):
    assert FONTS is not None
    named = image(poster(FACTS, FONTS, Cache.at(tmp_path)).png)
    other = image(poster(replace(FACTS, name="农建设"), FONTS, Cache.at(tmp_path)).png)
    # Two posters of names as long differ in one band only: below the photo (a header of about 200 px and
    # 810 px of photo) and the honour badge, where the name is, in large dark type.
    box = ImageChops.difference(named, other).getbbox()
    assert box is not None
    left, top, right, bottom = box
    assert 1100 < top < bottom < 1300 and right - left > 200
    dark = sum(1 for pixel in named.crop(box).convert("L").get_flattened_data() if pixel < 80)
    assert dark > 5000


def test_a_poster_without_photo_shows_what_the_page_is(tmp_path: Path):
    assert FONTS is not None
    drawn = image(poster(replace(FACTS, photo=None, kind="新闻动态"), FONTS, Cache.at(tmp_path)).png)
    # Where the photo would be, deep red with the kind in gold type.
    band = drawn.crop((0, 220, 1080, 600)).getcolors(1 << 16) or []
    colours = {colour for _, colour in band}
    assert posters.DEEP_RED in colours and posters.GOLD in colours


def test_an_unchanged_poster_is_not_drawn_again(tmp_path: Path):
    assert FONTS is not None
    poster(FACTS, FONTS, Cache.at(tmp_path))
    [cached] = list((tmp_path / "posters").glob("*/*/poster.png"))
    cached.write_bytes(b"as drawn before")
    assert poster(FACTS, FONTS, Cache.at(tmp_path)).png == b"as drawn before"
    # Anything the poster shows changes it: another name is drawn afresh.
    assert poster(replace(FACTS, name="农测试"), FONTS, Cache.at(tmp_path)).png.startswith(b"\x89PNG")


def test_lines_wrap_without_splitting_numbers_or_starting_with_punctuation():
    assert FONTS is not None
    font = posters._font(FONTS, False, 40)
    lines = wrap("全年完成技术革新168项，节约成本2023万元。", font, 40 * 10, 5)
    assert "".join(lines) == "全年完成技术革新168项，节约成本2023万元。"
    assert not any(line[0] in "，。" for line in lines)
    assert any(line.endswith("2023万元。") or "2023" in line for line in lines)
    assert wrap("一" * 100, font, 400, 2)[-1].endswith("…")


def test_without_a_font_or_an_address_there_are_no_posters_and_the_build_says_why():
    assert find_fonts(known=[], fontconfig=False) is None
    no_font = Sharing(SITE_URL, None, fonts=None, look=False)
    assert no_font.note() == NO_FONT and "fonts-noto-cjk" in NO_FONT
    assert no_font.poster("2023/people/lu-ceshi.md", FACTS) == {}
    no_address = Sharing(None, None, fonts=FONTS)
    assert no_address.note() == NO_SITE_URL and "site_url" in NO_SITE_URL
    assert no_address.poster("2023/people/lu-ceshi.md", FACTS) == {} and no_address.made("标题", "工会") == []


def test_a_site_without_site_url_has_no_posters(tmp_path: Path):
    site = generate(replace(paths(FIXTURE), cache_dir=tmp_path), as_of=FIXTURE_AS_OF)
    assert site.context["poster_note"] == NO_SITE_URL and site.posters == 0 and site.shares == {}
    assert not [a.dest_uri for a in site.assets if a.dest_uri.endswith(("poster.png", "share.jpg"))]
