"""`content/` is an allow-list: the plan, news posts, the news list, news pictures and pages in the nav."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from generator.pipeline import generate
from generator.problems import RecordsInvalid

from .conftest import FIXTURE_AS_OF, build, edit, paths, product, write
from .site_scan import metadata_segments
from .test_images import phone_photo

NAV = ["index.md", "plan.md", "news/index.md", "about.md"]
BELONGS = (
    "content/ 里只放：工作方案（plans/年份.md）、新闻（news/posts/*.md）、新闻配图（news/ 下的 jpg、png、webp）"
    "和 mkdocs.yml 导航（nav）里列出的页面。"
)


def content_problems(project: Path, nav: list[str] = NAV) -> list[str]:
    try:
        generate(paths(project), "2023-07-01", {}, nav=nav)
    except RecordsInvalid as error:
        return [str(p) for p in error.problems]
    return []


def test_the_fixture_passes(project: Path):
    assert content_problems(project) == []


@pytest.mark.parametrize("name", ["extra.md", "news/raw.html", "plans/logo.svg", "news/posts/名单.csv", "README.md"])
def test_a_file_of_no_known_kind_is_an_error_naming_it(project: Path, name: str):
    write(project, f"content/{name}", "<script>alert(1)</script>")
    assert content_problems(project) == [f"content/{name}: 这个文件不会被检查，也不能发布。{BELONGS}请删除或移走它。"]


def test_a_page_named_in_the_nav_may_be_published(project: Path):
    write(project, "content/about.md", "# 关于\n\n竞赛组委会。\n")
    assert content_problems(project) == []
    assert content_problems(project, nav=["index.md"]) == [
        f"content/about.md: 这个文件不会被检查，也不能发布。{BELONGS}请删除或移走它。"
    ]


def test_a_markdown_post_with_another_suffix_is_named(project: Path):
    write(project, "content/news/posts/2023-07-01-x.markdown", "---\ntitle: x\n---\n")
    assert content_problems(project) == [
        "content/news/posts/2023-07-01-x.markdown: 新闻文件的扩展名要用 .md：请把它改名为 2023-07-01-x.md，检查和发布才会读到它。"
    ]


def test_an_edited_news_list_is_an_error(project: Path):
    for edited in ("---\ntitle: 新闻\ntemplate: evil.html\n---\n\n# 新闻动态\n", "# 新闻动态\n\n[x](javascript:alert(1))\n"):
        write(project, "content/news/index.md", edited)
        assert content_problems(project) == [
            "content/news/index.md:1: 这是新闻列表页，网站自动在它下面列出新闻：文件头只能写 title、description、hide，"
            "正文只能写一行标题（如「# 新闻动态」）。新闻请写成 news/posts/ 里的 .md 文件。"
        ]
    write(project, "content/news/index.md", "---\ntitle: 新闻\ndescription: 新闻动态\nhide:\n  - toc\n---\n\n# 新闻动态\n")
    assert content_problems(project) == []


def test_symlinks_are_refused(project: Path, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# 内部\n", encoding="utf-8")
    (project / "content/news/linked").symlink_to(outside)
    (project / "content/about.md").symlink_to(outside / "secret.md")
    assert content_problems(project) == [
        "content/about.md: 这是一个链接（快捷方式），不是文件本身：网站不发布链接指向的内容。请删除它，把文件本身放进来。",
        "content/news/linked: 这是一个文件夹链接（快捷方式），网站不发布链接指向的内容。请删除它，把要发布的文件本身放进来。",
    ]


def test_a_nav_page_is_checked_for_personal_data(project: Path):
    write(project, "content/about.md", "# 关于\n\n联系人手机 138 0013 8000\n")
    assert content_problems(project) == [
        "content/about.md:3: 疑似手机号「138****8000」：网站不得公开个人手机号（个人信息保护法）。"
        "请删除；需要公开的单位办公电话和邮箱，写在 campaign.yml 的 contacts 里。"
    ]


def test_news_pictures_go_through_the_photo_pipeline(project: Path):
    picture = project / "content/news/posts/images/launch.jpg"
    picture.parent.mkdir(parents=True)
    phone_photo(picture, size=(2400, 1800))
    Image.open(picture).save(picture, "JPEG", exif=Image.open(picture).getexif(), comment="手机 13800138000".encode())
    assert metadata_segments(picture.read_bytes())  # the original carries EXIF and a comment
    site = generate(paths(project), "2023-07-01", {}, nav=NAV)
    published = {a.dest_uri: a.data for a in site.assets}["news/posts/images/launch.jpg"]
    assert metadata_segments(published) == []
    assert "news/posts/images/launch.jpg" in site.consumed  # the original is not copied
    assert site.context["news_pictures_with_gps"] == ["content/news/posts/images/launch.jpg"]
    with Image.open(io.BytesIO(published)) as image:
        assert image.format == "JPEG" and image.size == (1600, 2133)  # upright, no wider than 1600


def test_a_huge_news_picture_is_refused(project: Path):
    picture = project / "content/news/big.png"
    Image.new("1", (12000, 12000), 1).save(picture, "PNG")
    assert content_problems(project)[0].startswith("content/news/big.png: 照片「big.png」太大（12000×12000 像素")


@pytest.mark.build
def test_a_news_picture_shows_on_the_story_and_in_its_excerpt_on_the_news_list(project: Path, tmp_path: Path):
    # Written as an editor writes it, relative to the story's file; the story's page is news/launch/.
    (project / "content/news/posts/images").mkdir()
    phone_photo(project / "content/news/posts/images/launch.jpg")
    edit(project, "content/news/posts/2023-06-20-launch.md", "竞赛正式启动。", "竞赛正式启动。\n\n![启动仪式](images/launch.jpg)")
    product(project)
    result = build(project, tmp_path / "site", "--as-of", FIXTURE_AS_OF)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for page in ["news/launch/index.html", "news/index.html"]:
        html = (site / page).read_text(encoding="utf-8")
        sources = re.findall(r'<img alt="启动仪式" src="([^"]+)"', html)
        assert sources, page
        for src in sources:  # as the browser resolves it from the page's address
            assert (site / Path(page).parent / src).resolve() == (site / "news/images/launch.jpg").resolve(), src
    assert (site / "news/images/launch.jpg").is_file()  # where the blog publishes its posts' pictures
