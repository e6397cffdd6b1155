"""The office's press kits: per published exemplar, the poster, the 公众号 article, the photo at full size
without metadata and the facts; only the facts for a person who did not consent. Never in the site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.poster import find_fonts

from .conftest import FIXTURE, SITE_URL, cli, edit, product
from .test_images import phone_photo

zxingcpp = pytest.importorskip("zxingcpp")


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture with 农测试's photo as her phone took it (GPS and all), its office folder written."""
    tmp_path = tmp_path_factory.mktemp("presskit")
    project = product(Path(shutil.copytree(FIXTURE, tmp_path / "project")))
    edit(project, "mkdocs.yml", "site_name:", f"site_url: {SITE_URL}\nsite_name:")
    phone_photo(project / "site_data/2023/people/nong-ceshi.jpg")
    edit(project, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.jpg\nphoto_alt: 示意图\nsummary:")
    result = cli(project, "office", "--office-dir", str(tmp_path / "office"), "--as-of", "2023-12-01")
    assert result.returncode == 0, result.stderr
    assert "先进典型新闻宣传资料包 5 个" in result.stdout
    return tmp_path / "office" / "presskit"


def test_a_kit_holds_the_full_photo_without_gps_the_article_and_the_facts(kits: Path):
    kit = kits / "2023-nong-ceshi"
    with Image.open(kit / "photo-full.jpg") as photo:
        # Full size, turned upright as the phone meant it, and nothing of its EXIF left: no GPS, no serial.
        assert photo.size == (1200, 1600)
        assert not photo.getexif() and "exif" not in photo.info
    facts = (kit / "facts.txt").read_text(encoding="utf-8")
    assert facts.startswith("姓名：农测试\n荣誉：2023年工人先锋岗")
    assert f"网页：{SITE_URL}2023/people/nong-ceshi/" in facts
    article = (kit / "article/article.html").read_text(encoding="utf-8")
    assert "农测试" in article and 'src="photo.jpg"' in article and "class=" not in article
    assert (kit / "article/photo.jpg").is_file()


def test_a_kit_has_the_poster_of_the_page(kits: Path):
    if find_fonts() is None:
        pytest.skip("No CJK font (apt-get install fonts-noto-cjk)")
    with Image.open(kits / "2023-nong-ceshi/poster.png") as png:
        assert png.width == 1080
        assert [r.text for r in zxingcpp.read_barcodes(png)] == [SITE_URL + "2023/people/nong-ceshi/"]


def test_without_consent_a_kit_holds_only_the_facts_the_site_shows(kits: Path):
    kit = kits / "2023-huang-ceshi"
    assert sorted(p.name for p in kit.iterdir()) == ["facts.txt"]
    facts = (kit / "facts.txt").read_text(encoding="utf-8")
    assert "本人没有同意公开照片和事迹：只可报道姓名、单位和荣誉。" in facts
    assert "简介：" not in facts and "\n事迹：" not in facts
