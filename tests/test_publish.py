"""Unpublished records: drafts and withdrawn records appear nowhere; honours wait for their 公示."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from generator.pipeline import generate, office_report

from .conftest import announcement, as_written, build, edit, paths, problems, product, write

ANNOUNCEMENT = announcement("2023-12-04", "2023-12-08")


def page(site, src_uri: str) -> str | None:
    return next((p.body for p in site.pages if p.src_uri == src_uri), None)


def all_text(site) -> str:
    return "\n".join(p.markdown() for p in site.pages)


@pytest.fixture
def with_announcement(project: Path) -> Path:
    write(project, "site_data/2023/announcements/pioneer.yml", ANNOUNCEMENT)
    return project


def test_before_the_announcement_starts_candidates_are_in_the_office_report_only(with_announcement: Path):
    site = generate(paths(with_announcement), "2023-12-01", {})
    assert page(site, "2023/people/nong-ceshi.md") is None and page(site, "2023/collectives/zongzhuang.md") is None
    assert page(site, "2023/gongshi/pioneer.md") is None
    assert "农测试" not in page(site, "people.md") and "正在公示" not in page(site, "index.md")
    report = office_report(paths(with_announcement), "2023-12-01", {})[0]["index.html"].decode()
    assert "2023年度测试县工人先锋号拟表彰对象公示" in report and "未开始" in report and "农测试" in report


def test_during_the_announcement_only_name_unit_and_post_are_public(with_announcement: Path):
    site = generate(paths(with_announcement), "2023-12-05", {})
    notice = as_written(page(site, "2023/gongshi/pioneer.md"))
    assert "公示中" in notice
    assert (
        '<tr><th scope="row">农测试</th><td>测试配件有限公司总装车间 装配钳工</td><td><span class="cp-keep">县级工人先锋岗</span></td></tr>'
        in notice
    )
    assert "装配技能竞赛第一名" not in notice  # the summary waits for the honour
    assert "公示对象（2）" in notice and "县总工会402室" in notice
    assert page(site, "2023/people/nong-ceshi.md") is None
    assert '正在公示：</strong><a href="2023/gongshi/pioneer/">' in page(site, "index.md")


def test_the_campaign_can_show_name_and_unit_only(with_announcement: Path):
    edit(with_announcement, "site_data/2023/campaign.yml", "sample: true", "sample: true\nannouncement_shows: 姓名和单位")
    notice = as_written(page(generate(paths(with_announcement), "2023-12-05", {}), "2023/gongshi/pioneer.md"))
    assert '<th scope="col">单位</th>' in notice
    assert (
        '<tr><th scope="row">农测试</th><td>测试配件有限公司总装车间</td><td><span class="cp-keep">县级工人先锋岗</span></td></tr>'
        in notice
    )
    assert "装配钳工" not in notice


def test_after_the_announcement_candidates_become_honours(with_announcement: Path):
    site = generate(paths(with_announcement), "2023-12-09", {})
    assert "公示结束" in page(site, "2023/gongshi/pioneer.md")
    assert "装配技能竞赛第一名" in page(site, "2023/people/nong-ceshi.md")
    assert "正在公示" not in page(site, "index.md")


def test_a_withdrawn_candidate_drops_out_of_the_announcement(with_announcement: Path):
    edit(with_announcement, "site_data/2023/people/nong-ceshi.yml", "featured: true", "featured: true\nstate: 撤回")
    site = generate(paths(with_announcement), "2023-12-05", {})
    assert "公示对象（1）" in page(site, "2023/gongshi/pioneer.md")
    # Withdrawn, his name appears nowhere: not in 装配's results (he came first), nor as an author
    # of the fixture's innovation; 黄测试 keeps her row and her rank as written.
    assert "农测试" not in all_text(site) and "people/nong-ceshi/" not in all_text(site)
    results = as_written(page(site, "2023/competitions/zhuangpei.md"))
    assert '<td class="cp-results__rank">2</td>' in results and "黄测试" in results
    site = generate(paths(with_announcement), "2023-12-09", {})
    assert page(site, "2023/people/nong-ceshi.md") is None


@pytest.mark.parametrize("state", ["草稿", "撤回"])
def test_candidates_of_a_draft_or_withdrawn_announcement_are_not_honoured(with_announcement: Path, state: str):
    edit(with_announcement, "site_data/2023/announcements/pioneer.yml", "intro:", f"state: {state}\nintro:")
    for day in ("2023-12-05", "2023-12-09", "2024-03-01"):
        site = generate(paths(with_announcement), day, {})
        assert page(site, "2023/gongshi/pioneer.md") is None
        assert page(site, "2023/people/nong-ceshi.md") is None and page(site, "2023/collectives/zongzhuang.md") is None
        assert "农测试" not in page(site, "people.md")


def test_an_honour_already_awarded_stays_published_whatever_the_announcement_does(with_announcement: Path):
    # 农测试's honour was conferred by the city before this year's 公示, which names both candidates.
    edit(with_announcement, "site_data/2023/people/nong-ceshi.yml", "featured: true", "featured: true\nawarded: 2023-11-20")
    site = generate(paths(with_announcement), "2023-12-05", {})
    assert "装配技能竞赛第一名" in page(site, "2023/people/nong-ceshi.md")
    assert page(site, "2023/collectives/zongzhuang.md") is None  # still waits for the 公示
    edit(with_announcement, "site_data/2023/announcements/pioneer.yml", "intro:", "state: 撤回\nintro:")
    site = generate(paths(with_announcement), "2023-12-09", {})
    assert "装配技能竞赛第一名" in page(site, "2023/people/nong-ceshi.md")
    assert page(site, "2023/collectives/zongzhuang.md") is None
    # Before the day it was awarded, it waits like any candidate.
    site = generate(paths(with_announcement), "2023-11-19", {})
    assert page(site, "2023/people/nong-ceshi.md") is None


def test_candidates_must_exist(with_announcement: Path):
    edit(with_announcement, "site_data/2023/announcements/pioneer.yml", "  - nong-ceshi", "  - nong-cheshi")
    assert problems(with_announcement) == [
        "site_data/2023/announcements/pioneer.yml:7: candidates[2]: 2023 年度没有编号为「nong-cheshi」的先进集体或先进个人。是不是「nong-ceshi」？"
    ]


def test_without_consent_only_name_unit_and_honour_are_shown(project: Path):
    edit(project, "site_data/2023/people/nong-ceshi.yml", "consent: 2023-07-01\n", "")
    edit(
        project,
        "site_data/2023/people/nong-ceshi.yml",
        "summary: 装配技能竞赛第一名。",
        "summary: 装配技能竞赛第一名。\nstory: 他的事迹。\nachievements:\n  - 一等奖",
    )
    site = generate(paths(project), "2023-12-01", {})
    person = page(site, "2023/people/nong-ceshi.md")
    assert "农测试" in person and "测试配件有限公司总装车间" in person and "工人先锋岗" in person
    assert "他的事迹" not in person and "一等奖" not in person and "装配技能竞赛第一名" not in person
    assert "cp-photo--placeholder" in person
    assert "装配技能竞赛第一名" not in page(site, "people.md")


DRAFTS = {
    "site_data/2023/people/draft-ren.yml": "id: draft-ren\nname: 草稿甲乙丙\nunit: peijian\npost: 钳工\nhonour: 技术能手\nsummary: 草稿人物简介\nstate: 草稿\n",
    "site_data/2023/competitions/draft-bisai.yml": "id: draft-bisai\ntitle: 草稿丁戊竞赛\nstream: 安康杯竞赛\nform: 生产型\nindustry: 食品加工\n"
    "township: 那桐镇\norganiser: tangye\nunits:\n  - tangye/zhaji\nstart: 2023-06-01\nend: 2023-07-01\ncompares:\n  - 零事故\n"
    "participants: 500\nsummary: 草稿竞赛简介\nstate: 草稿\n",
    "site_data/2023/collectives/chehui.yml": "id: chehui\nname: 撤回己庚集体\nunit: tangye/zhaji\nhonour: 先进集体\nsummary: 撤回集体简介\nstate: 撤回\n",
    "site_data/2023/innovations/draft-cx.yml": "id: draft-cx\ntitle: 草稿辛壬成果\nkind: 小发明\nauthors:\n  - 某人\nunit: peijian\n"
    "benefit: 很多\nsummary: 草稿成果\nstate: 草稿\n",
    "content/news/posts/draft.md": "---\ntitle: 草稿癸子新闻\ndate: 2023-07-02\nslug: draft-news\ndescription: 草稿新闻摘要\nstate: 草稿\n---\n\n草稿正文。\n",
}
DRAFT_NAMES = [
    "草稿甲乙丙",
    "草稿丁戊竞赛",
    "撤回己庚集体",
    "草稿辛壬成果",
    "草稿癸子新闻",
    "draft-ren",
    "draft-bisai",
    "chehui",
    "draft-cx",
    "draft-news",
]


@pytest.mark.build
def test_drafts_and_withdrawn_records_appear_in_no_output(project: Path, tmp_path: Path):
    product(project)
    edit(project, "mkdocs.yml", "site_name:", "site_url: https://example.org/jingsai/\nsite_name:")
    edit(project, "site_data/2023/campaign.yml", "sample: true", "sample: false")  # a sample writes no sitemap
    for relative, text in DRAFTS.items():
        write(project, relative, text)
    out, office = tmp_path / "site", tmp_path / "office"
    result = build(project, out, "--as-of", "2023-12-01", "--office-dir", str(office))
    assert result.returncode == 0, result.stderr
    checked = []
    for path in [*out.rglob("*"), *office.rglob("*")]:
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            data = b"".join(zipfile.ZipFile(io.BytesIO(data)).read(n) for n in zipfile.ZipFile(io.BytesIO(data)).namelist())
        elif path.suffix == ".gz":
            import gzip

            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="ignore")
        leaks = [name for name in DRAFT_NAMES if name in text]
        assert leaks == [], f"{path.relative_to(tmp_path)} names {leaks}"
        checked.append(path.suffix)
    # Pages, the search index, the sitemap, the workbooks, the CSVs and the office report were all read.
    assert {".html", ".json", ".xml", ".xlsx", ".csv"} <= set(checked)
    assert "<loc>https://example.org/jingsai/2023/people/nong-ceshi/</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")
    # Counts leave them out: 4 competitions started by December (25 + 12 + 40 + 18 = 95 participants),
    # 2 collectives, 3 people, 1 innovation.
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'cp-stats__value">4<small>项' in home and 'cp-stats__value">95<small>人次' in home
    assert (
        'cp-stats__value">2<small>个' in home and 'cp-stats__value">3<small>名' in home and 'cp-stats__value">1<small>项' in home
    )


@pytest.mark.build
def test_a_news_story_dated_after_as_of_waits_for_its_day(project: Path, tmp_path: Path):
    product(project)
    edit(project, "mkdocs.yml", "site_name:", "site_url: https://example.org/jingsai/\nsite_name:")
    write(
        project,
        "content/news/posts/2023-12-20-later.md",
        "---\ntitle: 年终表彰大会召开\ndate: 2023-12-20\nslug: later\ndescription: 表彰大会。\n---\n\n年终表彰。\n",
    )
    out = tmp_path / "site"
    result = build(project, out, "--as-of", "2023-12-01", "--office-dir", str(tmp_path / "office"))
    assert result.returncode == 0, result.stderr
    assert not (out / "news" / "later").exists()
    leaks = [p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and "年终表彰大会".encode() in p.read_bytes()]
    assert leaks == []
    assert "测试县劳动和技能竞赛启动" in (out / "news" / "index.html").read_text(encoding="utf-8")  # the earlier one is there
    later = tmp_path / "later"
    assert build(project, later, "--as-of", "2023-12-20", "--office-dir", str(tmp_path / "office2")).returncode == 0
    assert "年终表彰大会召开" in (later / "news" / "later" / "index.html").read_text(encoding="utf-8")
