"""One payload table through every path by which Markdown reaches a page: news posts (their pages and the
excerpts on the news list), the plan, pages under content/ named in the navigation, and record texts.
Then the whole built site is scanned: no live handler, script or dangerous URL in any HTML, SVG or XML
file, and no metadata in any published image.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.sanitise import inert_for_markdown, markdown_html, news_html, sanitise_page

from .conftest import REPO, build, edit
from .site_scan import LiveScanner, images_with_metadata, live_content
from .test_images import phone_photo

# Markdown that MkDocs' own parser (attr_list, md_in_html, reference links) would make live.
MARKDOWN_PAYLOADS = [
    "[附件一](javascript:alert(1))",
    "[附件二]( JaVaScRiPt:alert(2))",
    '[附件三](javascript:alert(3) "标题")',
    "[附件四][evil]\n\n[evil]: javascript:alert(4)",
    "[附件五](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
    "[附件六](vbscript:msgbox(6))",
    '![图七](https://example.com/x.png){: onerror="alert(7)" }',
    '段落八\n{: onclick="alert(8)" style="background:url(javascript:alert(9))" }',
    "![图九](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoOSk+)",
    '[附件十](https://example.com/ok.pdf){: onmouseover="alert(10)" }',
]
# Raw HTML around Markdown, as the issue saw it published live from a news post.
HTML_PAYLOADS = [
    '<div>\n![x](https://a/x.png){: onerror="alert(11)" }\n</div>',
    "<details>[x](javascript:alert(12))</details>",
    '<div markdown="1">[x](javascript:alert(13))</div>',
    "<script>alert(14)</script>",
    "<img src=x onerror=alert(15)>",
]
SAFE_LINKS = ["[门户](https://www.example.gov.cn/)", "[来信](mailto:ghb@example.gov.cn)", "[电话](tel:0771-6512345)"]


def payload_block(payloads: list[str]) -> str:
    return "\n\n".join(payloads + SAFE_LINKS) + "\n"


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("sanitise")
    root = base / "project"
    shutil.copytree(REPO / "tests/fixtures/site", root)
    shutil.copytree(REPO / "theme", root / "theme")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("  - 历年竞赛: archive.md\n", "  - 历年竞赛: archive.md\n  - 关于: about.md\n")
    )
    news = root / "content/news/posts/2023-06-20-launch.md"
    news.write_text(
        news.read_text(encoding="utf-8").replace(
            "<!-- more -->", payload_block(MARKDOWN_PAYLOADS + HTML_PAYLOADS) + "\n<!-- more -->"
        ),
        encoding="utf-8",
    )
    plan = root / "content/plans/2023.md"  # the plan refuses raw HTML outright: Markdown payloads only
    plan.write_text(plan.read_text(encoding="utf-8") + "\n" + payload_block(MARKDOWN_PAYLOADS), encoding="utf-8")
    (root / "content/about.md").write_text("# 关于\n\n" + payload_block(MARKDOWN_PAYLOADS + HTML_PAYLOADS), encoding="utf-8")
    edit(
        root,
        "site_data/2023/collectives/zongzhuang.yml",
        "  全年无安全事故。",
        "  全年无安全事故。\n\n  [附件一](javascript:alert(1))",
    )
    edit(
        root,
        "site_data/2023/campaign.yml",
        "    address: 县总工会402室",
        "    address: 县总工会402室\n    phone: 0771-6512345\n    email: ghb@example.gov.cn",
    )
    # A photo and a news picture carrying GPS and a comment, for the scan of published images.
    picture = root / "content/news/posts/pic.jpg"
    phone_photo(picture)
    Image.open(picture).save(picture, "JPEG", exif=Image.open(picture).getexif(), comment="手机 13800138000".encode())
    news.write_text(news.read_text(encoding="utf-8") + "\n![配图](pic.jpg)\n", encoding="utf-8")
    photo = root / "site_data/2023/people/nong-ceshi.jpg"
    phone_photo(photo)
    Image.open(photo).save(photo, "JPEG", exif=Image.open(photo).getexif(), comment="手机 13800138000".encode())
    edit(root, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.jpg\nphoto_alt: 农测试\nsummary:")
    result = build(root, base / "site", "--office-dir", str(base / "office"))
    assert result.returncode == 0, result.stderr
    return base / "site"


PAGES = {
    "news post": "news/launch/index.html",
    "news list (excerpts)": "news/index.html",
    "plan": "plan/index.html",
    "content page": "about/index.html",
}


@pytest.mark.build
@pytest.mark.parametrize("page", PAGES)
def test_every_path_shows_the_payloads_harmlessly(payload_site: Path, page: str):
    html = (payload_site / PAGES[page]).read_text(encoding="utf-8")
    assert "附件一" in html and "附件六" in html  # the payloads did reach this page, as text
    scanner = LiveScanner()
    scanner.feed(html)
    assert [f for f in scanner.found if not f.startswith("<script")] == []
    for safe in ('href="https://www.example.gov.cn/"', 'href="mailto:ghb@example.gov.cn"', 'href="tel:0771-6512345"'):
        assert safe in html or page == "news list (excerpts)", safe


@pytest.mark.build
def test_no_built_file_holds_anything_live(payload_site: Path):
    """Every HTML, SVG and XML file: no handler, no script but the theme's, no javascript:/vbscript:/data: URL."""
    assert live_content(payload_site) == {}


@pytest.mark.build
def test_no_published_image_holds_metadata(payload_site: Path):
    assert any(payload_site.rglob("nong-ceshi*.jpg")) and any(payload_site.rglob("pic.jpg"))
    assert images_with_metadata(payload_site) == {}


def test_the_scanner_catches_what_it_must():
    scanner = LiveScanner(theme_scripts=set())
    scanner.feed(
        '<p style="color:red">x</p><img src="x" onerror="a()"><a href=" Java&#x09;Script:b()">x</a>'
        '<a href="data:text/html,x">d</a><script>c()</script><iframe src="https://x"></iframe>'
        '<svg><a xlink:href="javascript:d()"></a></svg><script src="https://evil.example/x.js"></script>'
    )
    assert scanner.found == [
        "p[style=color:red]",
        "img[onerror]",
        "a[href=javascript:b()]",
        "a[href=data:text/html,x]",
        "<script>c()",
        "<iframe>",
        "a[xlink:href=javascript:d()]",
        "<script src=https://evil.example/x.js>",
    ]


# MkDocs' --strict build already stops at this one (an "unrecognized relative link"): functions only.
ENTITY_PAYLOAD = "[附件](java&#115;cript:alert(16))"


@pytest.mark.parametrize("payload", [*MARKDOWN_PAYLOADS, *HTML_PAYLOADS, ENTITY_PAYLOAD])
def test_each_payload_is_harmless_through_each_function(payload: str):
    """The same table through the functions each path uses, run through the site's Markdown once more."""
    import markdown

    site_markdown = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "admonition"])
    for html in (
        site_markdown.reset().convert(news_html(payload)),  # a news post, parsed again by MkDocs / the blog
        sanitise_page(site_markdown.reset().convert(payload)),  # the plan and content pages
        str(markdown_html(payload)),  # record texts
    ):
        scanner = LiveScanner(theme_scripts=set())
        scanner.feed(html)
        assert scanner.found == [], html


def test_inert_html_keeps_its_tags_and_shows_the_same_text():
    html = '<p><a href="https://x.example/" rel="noopener noreferrer">[链接](y)</a> {: onclick="z"}</p>'
    inert = inert_for_markdown(html)
    assert inert.startswith('<p><a href="https://x.example/" rel="noopener noreferrer">&#91;链接&#93;&#40;y&#41;</a>')
    import html as html_module

    assert html_module.unescape(inert) == html_module.unescape(html)


def test_markdown_is_rendered_and_scripts_are_removed():
    html = str(markdown_html("**先进**事迹\n\n<script>alert(1)</script><img src=x onerror=alert(1)>"))
    assert "<strong>先进</strong>" in html
    assert "<script" not in html and "onerror" not in html and "<img" not in html


def test_only_http_links_survive():
    html = str(markdown_html("[好](javascript:alert(1)) [站](https://example.org/)"))
    assert "javascript:" not in html
    assert '<a href="https://example.org/" rel="noopener noreferrer">站</a>' in html
