"""Share posters and share cards in the built site: a poster beside every exemplar's, competition result's and
news story's page, linked as 下载分享海报; Open Graph tags with an absolute share image on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image

from generator.poster import find_fonts

from ..conftest import SITE_URL

pytestmark = pytest.mark.build
zxingcpp = pytest.importorskip("zxingcpp")

# In tests/fixtures/site on 2023-12-01: every exemplar, the one competition with results, both news stories.
POSTER_PAGES = {
    "2023/collectives/zhaji/",
    "2023/collectives/zongzhuang/",
    "2023/people/huang-ceshi/",
    "2023/people/lu-ceshi/",
    "2023/people/nong-ceshi/",
    "2023/competitions/zhuangpei/",
    "news/launch/",
    "news/zhuangpei-closing/",
}


def meta(html: str) -> dict[str, str]:
    """A page's Open Graph and itemprop tags by name."""
    return dict(re.findall(r'<meta (?:property|itemprop)="([^"]+)" content="([^"]*)">', html))


@pytest.fixture(scope="module")
def fonts() -> None:
    if find_fonts() is None:
        pytest.skip("No CJK font (apt-get install fonts-noto-cjk)")


def test_every_poster_is_beside_its_page_and_opens_it(site_with_url: Path, fonts: None):
    made = {p.parent.relative_to(site_with_url).as_posix() + "/" for p in site_with_url.rglob("poster.png")}
    assert made == POSTER_PAGES
    for page in sorted(POSTER_PAGES):
        html = (site_with_url / page / "index.html").read_text(encoding="utf-8")
        assert '<a href="poster.png" download>下载分享海报</a>' in html, page
        with Image.open(site_with_url / page / "poster.png") as png:
            assert png.width == 1080
            assert [r.text for r in zxingcpp.read_barcodes(png)] == [SITE_URL + page], page


def test_share_cards_name_the_page_and_show_its_poster_crop_or_the_default(site_with_url: Path, fonts: None):
    person = meta((site_with_url / "2023/people/lu-ceshi/index.html").read_text(encoding="utf-8"))
    assert person["og:title"] == "陆测试（创新能手）" and person["name"] == person["og:title"]
    assert person["og:url"] == SITE_URL + "2023/people/lu-ceshi/"
    # Her photo is on her poster: its top square is the share image, 600 px, beside the page.
    assert person["og:image"] == person["image"] == SITE_URL + "2023/people/lu-ceshi/share.jpg"
    with Image.open(site_with_url / "2023/people/lu-ceshi/share.jpg") as share:
        assert share.size == (600, 600)
    default = SITE_URL + "assets/images/cp-share.jpg"
    for page in ("", "competitions/", "news/", "news/launch/", "2023/people/nong-ceshi/"):
        tags = meta((site_with_url / page / "index.html").read_text(encoding="utf-8"))
        assert tags["og:image"] == default and tags["og:url"] == SITE_URL + page, page
        assert tags["og:description"] and tags["description"] == tags["og:description"], page
    assert (site_with_url / "assets/images/cp-share.jpg").stat().st_size > 5000


def test_without_site_url_no_posters_nor_share_images(fixture_site: Path):
    assert not list(fixture_site.rglob("poster.png")) and not list(fixture_site.rglob("share.jpg"))
    person = (fixture_site / "2023/people/lu-ceshi/index.html").read_text(encoding="utf-8")
    assert "下载分享海报" not in person and "og:image" not in person
    assert meta(person)["og:title"] == "陆测试（创新能手）"
