"""The whole site built with MkDocs: each page kind shows the right records; bad records fail safely."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURE, build, edit, headline, product, run

pytestmark = pytest.mark.build


def mkdocs(root: Path, *args: str, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    return run([sys.executable, "-m", tool, *args], cwd=root)


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def records(kind: str) -> list[dict]:
    folder = FIXTURE / "site_data" / "2023" / kind
    return [yaml.safe_load(text(p)) for p in sorted(folder.glob("*.yml"))]


@pytest.fixture
def site(fixture_site: Path) -> Path:
    return fixture_site


@pytest.fixture
def fixture_project(project: Path) -> Path:
    """The small fixture tree made into a buildable project with the repository's config and theme."""
    return product(project)


def test_every_page_kind_is_built(site: Path):
    for page in [
        "index.html",
        "plan/index.html",
        "competitions/index.html",
        "competitions/stream-chuangxin/index.html",
        "competitions/form-jineng/index.html",
        "competitions/industry-shipin/index.html",
        "competitions/township-natong/index.html",
        "collectives/index.html",
        "people/index.html",
        "innovations/index.html",
        "dashboard/index.html",
        "news/index.html",
        "news/launch/index.html",
        "contact/index.html",
        "archive/index.html",
        "2023/competitions/zhuangpei/index.html",
        "2023/collectives/zongzhuang/index.html",
        "2023/people/lu-ceshi/index.html",
        "2023/gongshi/pioneer/index.html",
    ]:
        assert (site / page).is_file(), page


def test_home_shows_the_headline_numbers_of_the_records(site: Path):
    home = text(site / "index.html")
    # On 2023-12-01 every fixture competition has started: 节能 25 + 优质服务 12 + 装配 40 + 五小 18 = 95
    # participants in 4 competitions; collectives zhaji and zongzhuang; people huang-, lu- and nong-ceshi;
    # one innovation (jiaju).
    assert headline(home) == {
        "已开展竞赛": 4,
        "参赛职工": 95,
        "先进集体": 2,
        "先进个人": 3,
        "创新成果": 1,
    }
    assert "各阶段已结束" in home
    # Each stream with competitions is shown with its count: 建功立业 节能 and 优质服务; 创新 五小; 技能 装配.
    for stream, count in [("职工建功立业竞赛", 2), ("群众性创新竞赛", 1), ("职工技能素质提升竞赛", 1)]:
        assert re.search(rf">{stream}</a><span class=\"cp-bar__value\">{count} 项</span>", home), stream


def test_home_lists_featured_exemplars_and_latest_news(site: Path):
    home = text(site / "index.html")
    # Featured in the fixture: 陆测试, 农测试 and 测试配件有限公司总装车间.
    featured = [r["name"] for r in records("people") + records("collectives") if r.get("featured")]
    assert sorted(featured) == ["农测试", "测试配件有限公司总装车间", "陆测试"]
    assert all(name in home for name in featured)
    # The fixture's two news posts, newest (09-15) first.
    titles = re.findall(r'<span class="cp-picnews__title">(.*?)</span>', home)
    assert titles == ["装配技能竞赛圆满落幕", "测试县劳动和技能竞赛启动"]


def test_competition_pages_show_results_and_link_exemplars(site: Path):
    listing = text(site / "competitions/index.html")
    for competition in records("competitions"):
        assert competition["title"] in listing
        page = text(site / "2023/competitions" / competition["id"] / "index.html")
        for row in competition.get("results", []):
            assert f">{row['name']}<" in page
        for person in records("people"):
            if competition["id"] in person.get("competitions", []):
                assert f'href="../../people/{person["id"]}/"' in page, (competition["id"], person["id"])


def test_filter_pages_hold_only_their_competitions(site: Path):
    page = text(site / "competitions/stream-jiangong/index.html")
    # 建功立业: 节能减排达标竞赛 and 优质服务竞赛, not 装配 (技能) or 五小 (创新).
    assert [c["id"] for c in records("competitions") if c["stream"] == "职工建功立业竞赛"] == ["fuwu", "jieneng"]
    for competition in records("competitions"):
        assert (competition["title"] in page) == (competition["stream"] == "职工建功立业竞赛"), competition["id"]


def test_exemplar_pages_show_story_photo_and_source_competition(site: Path):
    person = yaml.safe_load(text(FIXTURE / "site_data/2023/people/lu-ceshi.yml"))
    page = text(site / "2023/people/lu-ceshi/index.html")
    assert person["name"] in page and person["honour"] in page and person["post"] in page
    assert "他提出的焊接工装改进建议被车间采纳。" in page  # the story's second paragraph
    assert person["achievements"][0] in page
    assert f'alt="{person["photo_alt"]}"' in page
    photo = re.search(r'<img class="cp-photo" src="([^"]+)"', page).group(1)
    assert (site / "2023/people/lu-ceshi" / photo).resolve().is_file()
    assert 'href="../../competitions/wuxiao/"' in page


def test_plan_page_is_repaired_and_structured(site: Path):
    plan = text(site / "plan/index.html")
    assert "以正式印发文件为准" in plan
    # The fixture's plan holds the fixed political formulations and 队伍 as the original reads them:
    # they come through whole (not cut, escaped or emphasised).
    assert "以习近平新时代中国特色社会主义思想为指导" in plan
    assert "认真学习习近平总书记对广西提出的" in plan
    assert "深入贯彻落实习近平总书记视察广西" in plan
    assert "队伍建设" in plan and "队*" not in plan
    assert "*@" not in plan and "联系电话" not in plan
    for heading in [
        "一、指导思想",
        "二、组织机构",
        "三、目标任务",
        "四、竞赛内容",
        "五、竞赛安排",
        "六、选树典型",
        "七、工作要求",
    ]:
        assert heading in plan
    # The committee, the targets and the schedule as structure, not only prose.
    assert "<dt>组长</dt><dd>组长甲（县总工会主席）" in plan
    assert "<td>规模以上国有企业</td><td>80%以上</td>" in plan
    assert '<span class="cp-keep">2023年6月15日</span>前</strong>：竞赛方案报送组委会办公室备案' in plan


def test_sample_notice_and_noindex_on_every_page(site: Path):
    pages = list(site.rglob("*.html"))
    # 10 record pages (4 competitions, 2 collectives, 3 people, 1 公示), 12 competition lists (all, 3 forms,
    # 3 industries, 3 streams, 2 townships), 8 other pages (home, plan, the collectives', people's and
    # innovations' lists, dashboard, contact, archive), the news list and its 2 posts, and 404: 34.
    assert len(pages) == 34
    for page in pages:
        html = text(page)
        assert '<meta name="robots" content="noindex, nofollow">' in html, page
        assert "示例数据" in html, page


def test_search_dialog_has_an_accessible_name_on_every_page(site: Path):
    # Material leaves it unnamed: axe's aria-dialog-name, which costs Lighthouse's accessibility score.
    pages = [p for p in site.rglob("*.html") if 'data-md-component="search"' in text(p)]
    assert len(pages) == 34  # every page (counted above)
    for page in pages:
        assert 'data-md-component="search" role="dialog" aria-label="搜索">' in text(page), page


def test_scripts_wait_for_the_page_and_the_first_photo_does_not(site: Path):
    # Lighthouse on a phone: a parser-blocking script holds the first paint until it arrives, and a
    # lazy photo at the top of the page holds the largest paint.
    for page in site.rglob("*.html"):
        html = text(page)
        assert not re.search(r"<script src=", html), page
    exemplar = text(site / "2023" / "people" / "lu-ceshi" / "index.html")
    first, *rest = re.findall(r'<img class="cp-photo[^>]*>', exemplar)
    assert 'fetchpriority="high"' in first and "loading=" not in first
    home_photos = re.findall(r'<img class="cp-photo[^>]*>', text(site / "index.html"))
    assert home_photos and all('loading="lazy"' in photo for photo in home_photos + rest)


def test_markdown_in_records_is_sanitised(fixture_project: Path, tmp_path: Path):
    edit(
        fixture_project,
        "site_data/2023/collectives/zongzhuang.yml",
        "  全年无安全事故。",
        '  全年无安全事故。<script>alert(1)</script><img src="x" onerror="alert(2)"> [链接](javascript:alert(3))',
    )
    result = build(fixture_project, tmp_path / "site", "--as-of", "2023-07-01")
    assert result.returncode == 0, result.stderr
    page = text(tmp_path / "site/2023/collectives/zongzhuang/index.html")
    assert "全年无安全事故。" in page
    assert "alert(" not in page and "onerror" not in page and "javascript:" not in page


def test_broken_record_fails_the_build_and_keeps_the_old_site(fixture_project: Path, tmp_path: Path):
    out = tmp_path / "site"
    assert build(fixture_project, out).returncode == 0
    before = tmp_path / "before"
    shutil.copytree(out, before)
    edit(fixture_project, "site_data/2023/people/nong-ceshi.yml", "honour: 工人先锋岗", "honour: 工人先锋")
    edit(fixture_project, "site_data/2023/competitions/zhuangpei.yml", "participants: 40", "participants: 四十")
    result = build(fixture_project, out)
    assert result.returncode != 0
    assert "site_data/2023/people/nong-ceshi.yml:5: honour: 「工人先锋」不在允许范围内" in result.stderr
    assert "site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数" in result.stderr
    assert "共发现 2 处问题" in result.stderr
    comparison = filecmp.dircmp(before, out)
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    assert not list(tmp_path.glob(".site.tmp-*"))


def test_plain_mkdocs_build_with_a_bad_record_leaves_site_dir_alone(fixture_project: Path):
    assert mkdocs(fixture_project, "build", "--strict").returncode == 0
    marker = fixture_project / "site" / "index.html"
    before = marker.read_bytes()
    edit(fixture_project, "site_data/2023/competitions/zhuangpei.yml", "end: 2023-09-30", "end: 2023-06-01")
    result = mkdocs(fixture_project, "build", "--strict")
    assert result.returncode != 0
    assert "site_data/2023/competitions/zhuangpei.yml:11: end: 结束日期 2023-06-01 早于开始日期 2023-06-10。" in result.stderr
    assert marker.read_bytes() == before


def test_properdocs_builds_the_fixture_site_too(fixture_project: Path, tmp_path: Path):
    result = mkdocs(fixture_project, "build", "--strict", "--site-dir", str(tmp_path / "site"), tool="properdocs")
    assert result.returncode == 0, result.stderr
    home = text(tmp_path / "site/index.html")
    assert "2023年测试县劳动和技能竞赛" in home and "cp-stats__value" in home
    assert (tmp_path / "site/2023/people/lu-ceshi/index.html").is_file()


def test_every_internal_link_and_image_resolves(site: Path):
    broken = []
    # 404.html is served at any depth, so MkDocs writes it with root-absolute links; it is checked once site_url is set.
    for page in set(site.rglob("*.html")) - {site / "404.html"}:
        for ref in re.findall(r'(?:href|src)="([^"#?]+)', text(page)):
            if re.match(r"^[a-z]+:", ref) or ref.startswith("//"):
                continue
            target = (page.parent / ref).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} → {ref}")
    assert broken == []


def test_builds_with_the_same_as_of_are_identical(fixture_project: Path, tmp_path: Path):
    edit(fixture_project, "site_data/2023/campaign.yml", "sample: true", "sample: false")  # a sample has no sitemap
    first, second = tmp_path / "one", tmp_path / "two"
    assert build(fixture_project, first, "--as-of", "2023-07-01").returncode == 0
    assert build(fixture_project, second, "--as-of", "2023-07-01").returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()] == []
    # The gzip header of the sitemap carries the pages' date, which is as_of.
    mtime = int.from_bytes((first / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert mtime == int(datetime(2023, 7, 1, tzinfo=UTC).timestamp())


def test_a_real_dataset_has_no_sample_notice_and_may_be_indexed(fixture_project: Path, tmp_path: Path):
    edit(fixture_project, "site_data/2023/campaign.yml", "sample: true", "sample: false")
    edit(fixture_project, "mkdocs.yml", "site_name:", "site_url: https://ghw.example.gov.cn/jingsai/\nsite_name:")
    assert build(fixture_project, tmp_path / "site").returncode == 0
    for page in (tmp_path / "site").rglob("*.html"):
        html = text(page)
        assert "noindex" not in html and "cp-sample" not in html, page
    site = tmp_path / "site"
    assert text(site / "robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://ghw.example.gov.cn/jingsai/sitemap.xml\n"
    assert "<loc>https://ghw.example.gov.cn/jingsai/2023/people/nong-ceshi/</loc>" in text(site / "sitemap.xml")
    assert (site / "sitemap.xml.gz").is_file() and (site / "feed.xml").is_file()


def test_a_sample_build_keeps_search_engines_away(site: Path):
    """The fixture is sample data (sample: true): invented people and units are not offered for indexing."""
    assert text(site / "robots.txt").endswith("User-agent: *\nDisallow: /\n")
    assert "示例数据" in text(site / "robots.txt")
    assert not [name for name in ("sitemap.xml", "sitemap.xml.gz", "feed.xml") if (site / name).exists()]
    assert "application/rss+xml" not in text(site / "index.html")


def test_a_township_list_says_which_township_it_lists(site: Path):
    page = text(site / "competitions/township-natong/index.html")
    assert '<meta name="description" content="2023年测试县劳动和技能竞赛一览（乡镇：那桐镇），共 1 项。">' in page


def test_next_year_needs_new_data_files_only(fixture_project: Path, tmp_path: Path):
    campaign = text(fixture_project / "site_data/2023/campaign.yml")
    campaign = campaign.replace("2024-03-31", "2025-03-31").replace("2023", "2024")
    (fixture_project / "site_data/2024").mkdir()
    (fixture_project / "site_data/2024/campaign.yml").write_text(campaign, encoding="utf-8")
    shutil.copy(fixture_project / "site_data/2023/banner.jpg", fixture_project / "site_data/2024/banner.jpg")
    (fixture_project / "content/plans/2024.md").write_text("## 2024年测试方案\n\n正文。\n", encoding="utf-8")
    edit(
        fixture_project,
        "site_data/enterprises/peijian.yml",
        "years:\n",
        "years:\n  2024:\n    township: 城厢镇\n    union: chengxiang\n    above_designated_size: true\n",
    )
    (fixture_project / "site_data/2024/competitions").mkdir()
    (fixture_project / "site_data/2024/competitions/zhuangpei.yml").write_text(
        text(fixture_project / "site_data/2023/competitions/zhuangpei.yml")
        .replace("2023-", "2024-")
        .replace("title: 装配技能竞赛", "title: 2024装配技能竞赛")
        .replace("    person: nong-ceshi\n", ""),
        encoding="utf-8",
    )
    out = tmp_path / "site"
    result = build(fixture_project, out, "--as-of", "2024-07-01")
    assert result.returncode == 0, result.stderr
    assert "2024年测试县劳动和技能竞赛" in text(out / "index.html")
    assert "2024装配技能竞赛" in text(out / "competitions/index.html")
    # Last year moves into the archive; its record pages keep their URLs.
    assert "2023年测试县劳动和技能竞赛" in text(out / "2023/index.html")
    assert "装配技能竞赛" in text(out / "2023/competitions/index.html")
    assert (out / "2023/people/nong-ceshi/index.html").is_file()
    assert (out / "2023/plan/index.html").is_file() and (out / "plan/index.html").is_file()
    archive = text(out / "archive/index.html")
    assert archive.index("2024年测试县") < archive.index("2023年测试县")


def test_sharing_tags_and_footer_marks(fixture_project: Path, tmp_path: Path):
    edit(fixture_project, "mkdocs.yml", "site_name:", "site_url: https://ghw.example.gov.cn/jingsai/\nsite_name:")
    # A mark left out of the settings is still taken from mkdocs.yml, where it was kept before.
    edit(fixture_project, "site_data/settings.yml", "icp: 桂ICP备11111111号-1\n", "")
    edit(fixture_project, "mkdocs.yml", '    icp: ""', "    icp: 桂ICP备00000000号-1")
    shutil.copy(FIXTURE / "site_data/2023/people/lu-ceshi.jpg", fixture_project / "site_data/2023/people/nong-ceshi.jpg")
    edit(
        fixture_project, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.jpg\nphoto_alt: 示意图\nsummary:"
    )
    assert build(fixture_project, tmp_path / "site", "--as-of", "2023-12-01").returncode == 0
    person = text(tmp_path / "site/2023/people/nong-ceshi/index.html")
    assert '<meta property="og:title" content="农测试（工人先锋岗）">' in person
    assert '<meta property="og:url" content="https://ghw.example.gov.cn/jingsai/2023/people/nong-ceshi/">' in person
    # The share image is the crop of the page's poster, beside the page (its photo where no CJK font draws posters).
    assert '<meta property="og:image" content="https://ghw.example.gov.cn/jingsai/2023/people/nong-ceshi/share.jpg">' in person
    assert '<link rel="canonical" href="https://ghw.example.gov.cn/jingsai/2023/people/nong-ceshi/">' in person
    for page in (tmp_path / "site").rglob("*.html"):
        assert "桂ICP备00000000号-1" in text(page), page


def test_missing_page_is_explained_in_chinese(site: Path):
    page = text(site / "404.html")
    assert "<h1>页面不存在</h1>" in page and 'href="/competitions/"' in page


def test_news_feed_with_site_url(fixture_project: Path, tmp_path: Path):
    import xml.etree.ElementTree as ElementTree

    edit(fixture_project, "mkdocs.yml", "site_name:", "site_url: https://ghw.example.gov.cn/jingsai/\nsite_name:")
    edit(fixture_project, "site_data/2023/campaign.yml", "sample: true", "sample: false")  # a sample has no feed
    (fixture_project / "content/news/posts/later.md").write_text(
        "---\ntitle: 第二篇\ndate: 2023-08-01\nslug: second\ndescription: 后来的新闻。\n---\n\n正文。\n", encoding="utf-8"
    )
    (fixture_project / "content/news/posts/draft.md").write_text(
        "---\ntitle: 草稿新闻\ndate: 2023-09-01\nslug: draft\ndescription: 未定稿。\nstate: 草稿\n---\n\n正文。\n",
        encoding="utf-8",
    )
    assert build(fixture_project, tmp_path / "site", "--as-of", "2023-12-01").returncode == 0
    channel = ElementTree.parse(tmp_path / "site/feed.xml").getroot().find("channel")
    items = [(i.findtext("title"), i.findtext("link")) for i in channel.findall("item")]
    assert items == [
        ("装配技能竞赛圆满落幕", "https://ghw.example.gov.cn/jingsai/news/zhuangpei-closing/"),
        ("第二篇", "https://ghw.example.gov.cn/jingsai/news/second/"),
        ("测试县劳动和技能竞赛启动", "https://ghw.example.gov.cn/jingsai/news/launch/"),
    ]
    assert 'type="application/rss+xml"' in text(tmp_path / "site/index.html")
    assert (tmp_path / "site/news/second/index.html").is_file()


def test_search_index_holds_names_and_summaries_not_long_bodies(site: Path):
    """A reader's phone downloads the whole index: each record once, by its title and summary."""
    raw = (site / "search/search_index.json").read_text(encoding="utf-8")
    # UTF-8, not six-byte \uXXXX escapes of Chinese characters: half the download.
    # A name is indexed as its surname and given name, which a reader may type alone.
    assert "陆\u200b测试" in raw and not re.search(r"\\u[4-9][0-9a-f]{3}", raw)
    index = json.loads(raw)
    by_page = {entry["location"]: entry for entry in index["docs"]}
    person = yaml.safe_load((FIXTURE / "site_data/2023/people/lu-ceshi.yml").read_text(encoding="utf-8"))
    entry = by_page["2023/people/lu-ceshi/"]
    flat = (entry["title"] + entry["text"]).replace("\u200b", "")
    assert person["name"] in flat and person["summary"] in flat and person["post"] in flat
    assert person["story"].split("\n")[0][:20] not in flat  # the story stays on the page only
    assert person["achievements"][0] not in flat
    # Lists repeat the records' own pages: left out.
    assert not any(location in by_page for location in ("competitions/", "collectives/", "people/"))
    page = (site / "2023/people/lu-ceshi/index.html").read_text(encoding="utf-8")
    assert person["story"].split("\n")[0][:20] in page and "data-search-exclude" not in page
