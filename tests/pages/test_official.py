"""The official look from the records: the banner and slogan, the picture news and the footer of every page.

The fixture (测试县 2023) has all of it: a banner picture, a story with a picture and one without, two
co-organisers and the portal, ICP and 公安 marks in its settings. What a county leaves out is tested on
county2 in tests/test_county2.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tools.screenshots import scroll_through

from ..conftest import FIXTURE, cli, edit, problems, write
from ..site_scan import metadata_segments


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def files_of(srcset: str, page: Path) -> list[Path]:
    """The files a srcset names, relative to the page's folder."""
    return [(page.parent / item.split()[0]).resolve() for item in srcset.split(",")]


@pytest.mark.build
def test_home_shows_the_union_s_banner_and_the_slogan(fixture_site: Path):
    home = fixture_site / "index.html"
    page = text(home)
    image = re.search(r'<img class="cp-banner__image" src="([^"]+)" srcset="([^"]+)"[^>]* alt="([^"]*)"', page)
    assert image is not None
    assert image.group(3) == "测试横幅：红底上的金色圆日"
    # The 1500 px wide picture, in each width up to its own and never enlarged: 640, 1280 and its own 1500.
    assert image.group(2) == ", ".join(f"assets/photos/2023/campaign/banner-{w}.jpg {w}w" for w in (640, 1280, 1500))
    for made in [*files_of(image.group(2), home), fixture_site / "assets/photos/2023/campaign/banner-1280.webp"]:
        data = made.read_bytes()
        assert data and metadata_segments(data) == [], made
    assert '<h1 id="cp-banner-title" class="cp-banner__title">2023年测试县劳动和技能竞赛</h1>' in page
    assert '<p class="cp-banner__slogan">以赛促学、以赛促训、以赛促练</p>' in page
    assert 'class="cp-banner__motif"' not in page  # the drawn banner only stands in for a missing picture


@pytest.mark.build
def test_picture_news_lists_the_newest_stories_with_their_own_thumbnails(fixture_site: Path):
    home = fixture_site / "index.html"
    page = text(home)
    news = page[page.index('<ul class="cp-picnews">') : page.index("</ul>", page.index('<ul class="cp-picnews">'))]
    items = news.split('<li class="cp-picnews__item')[1:]
    # Newest first: 2023-09-15 (with its picture, leading), then 2023-06-20 (none: listed by its words).
    assert [re.search(r'cp-picnews__title">([^<]+)<', item).group(1) for item in items] == [  # type: ignore[union-attr]
        "装配技能竞赛圆满落幕",
        "测试县劳动和技能竞赛启动",
    ]
    lead, plain = items
    assert lead.startswith(" cp-picnews__item--lead") and 'href="news/zhuangpei-closing/"' in lead
    thumb = re.search(r'<img class="cp-photo" src="([^"]+)" srcset="([^"]+)"[^>]* alt="测试配图：装配车间"[^>]*>', lead)
    assert thumb is not None and 'loading="lazy"' in thumb.group(0)
    assert thumb.group(1) == "assets/photos/2023/news/zhuangpei-closing-480.jpg"
    assert all(path.is_file() for path in files_of(thumb.group(2), home))
    assert "<img" not in plain and "竞赛启动。" in plain
    assert '<a href="news/">更多新闻</a>' in page


def footer_of(page: str) -> str:
    start = page.index('<div class="cp-footer">')
    return re.sub(r"\s+", " ", page[start : page.index("</div>", start)])


@pytest.mark.build
def test_every_page_ends_with_the_official_footer(fixture_site: Path):
    pages = [fixture_site / p for p in ("index.html", "plan/index.html", "news/launch/index.html", "404.html")]
    for page in pages:
        footer = footer_of(text(page))
        assert '<a href="https://ghw.example.gov.cn/" rel="noopener">测试县总工会门户网站</a>' in footer, page
        assert "主办：测试县总工会" in footer and "承办：2023年测试县劳动和技能竞赛组委会办公室" in footer
        assert "协办：测试县科学技术协会、测试县人力资源和社会保障局" in footer
        assert '组委会办公室</span> <span class="cp-footer__item">地址：县总工会402室' in footer
        assert "版权所有 © 2023 测试县总工会" in footer and "数据截至 2023年12月1日" in footer
        assert '<a class="cp-footer__item" href="https://beian.miit.gov.cn/" rel="noopener">桂ICP备11111111号-1</a>' in footer
        assert (
            '<a class="cp-footer__item cp-footer__police" href="https://beian.mps.gov.cn/#/query/webSearch?code=45000000000001" '
            'rel="noopener">桂公网安备 45000000000001号</a>'
        ) in footer
        assert "电话" not in footer and "邮箱" not in footer  # the fixture's contact has neither


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "site_data/settings.yml",
            "icp: 桂ICP备11111111号-1",
            "icp: 桂ICP11111111",
            "site_data/settings.yml:{line}: icp: 「桂ICP11111111」的写法不对，应写成如「桂ICP备12345678号-1」的形式。",
        ),
        (
            "site_data/settings.yml",
            "police: 桂公网安备 45000000000001号",
            "police: 桂公网安备45000000000001",
            "site_data/settings.yml:{line}: police: 「桂公网安备45000000000001」的写法不对，应写成如「桂公网安备 45010202000123号」的形式。",
        ),
        (
            "site_data/settings.yml",
            "portal: https://ghw.example.gov.cn/",
            "portal: ghw.example.gov.cn",
            "site_data/settings.yml:{line}: portal: 「ghw.example.gov.cn」的写法不对，应写成如「https://www.example.gov.cn/」的形式。",
        ),
        (
            "site_data/2023/campaign.yml",
            "banner: banner.jpg",
            "banner: 横幅.jpg",
            "site_data/2023/campaign.yml:{line}: banner: 找不到照片「横幅.jpg」。请把照片放在 site_data/2023/ 里，文件名与这里一致。",
        ),
        (
            "site_data/2023/campaign.yml",
            "banner: banner.jpg",
            "banner: banner.heic",
            "site_data/2023/campaign.yml:{line}: banner: 「banner.heic」是苹果手机的 HEIC 格式，网站用不了。",
        ),
        (
            "content/news/posts/2023-09-15-zhuangpei.md",
            "photo: 2023-09-15-zhuangpei.jpg",
            "photo: ../zhuangpei.jpg",
            "content/news/posts/2023-09-15-zhuangpei.md:{line}: photo: 「../zhuangpei.jpg」：只写文件名，照片放在本记录文件旁边。",
        ),
    ],
)
def test_a_bad_value_is_named_with_its_file_and_line(project: Path, file: str, old: str, new: str, expected: str):
    line = text(project / file).splitlines().index(old) + 1
    edit(project, file, old, new)
    found = problems(project)
    assert len(found) == 1 and found[0].startswith(expected.format(line=line)), found


def test_a_picture_needs_its_words(project: Path):
    line = text(project / "site_data/2023/campaign.yml").splitlines().index("banner: banner.jpg") + 1
    edit(project, "site_data/2023/campaign.yml", "banner_alt: 测试横幅：红底上的金色圆日\n", "")
    assert problems(project) == [
        f"site_data/2023/campaign.yml:{line}: banner_alt: 有照片就要写照片说明（banner_alt），告诉看不到图片的读者照片里是什么。"
    ]


def test_guard_takes_the_marks_from_the_settings(project: Path):
    edit(project, "site_data/2023/campaign.yml", "sample: true", "sample: false")
    # No extra.footer at all: the settings' marks are enough (site_url is required to publish).
    write(project, "mkdocs.yml", "site_name: 测试\nsite_url: https://www.example.gov.cn/ldjs/\n")
    passed = cli(project, "guard")
    assert passed.returncode == 0, passed.stderr


@pytest.mark.browser
@pytest.mark.build
def test_a_phone_sees_the_banner_at_once_and_the_news_pictures_once_scrolled_to(chromium: Any, fixture_site: Path):
    from tools.browser import serve

    with serve(fixture_site) as url:
        page = chromium.new_page(viewport={"width": 375, "height": 740})
        page.goto(url)
        page.wait_for_load_state("networkidle")
        banner = page.locator(".cp-banner__image")
        assert banner.evaluate("img => img.complete && img.currentSrc.split('/').pop()") == "banner-640.webp"
        assert banner.bounding_box()["width"] == 375  # the full width of the screen, edge to edge
        thumb = page.locator(".cp-picnews .cp-photo")
        assert thumb.evaluate("img => img.currentSrc") == ""  # below the fold: not fetched yet
        scroll_through(page)
        assert thumb.evaluate("img => img.complete && img.currentSrc.split('/').pop()") == "zhuangpei-closing-480.webp"
        # No line of the footer is wider than the phone.
        assert page.evaluate("document.documentElement.scrollWidth") == 375
        page.close()


def test_the_fixture_names_pictures_that_exist():
    assert (FIXTURE / "site_data/2023/banner.jpg").is_file()
    assert (FIXTURE / "content/news/posts/2023-09-15-zhuangpei.jpg").is_file()
