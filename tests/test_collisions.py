"""No page of the site silently replaces another: reserved names, ids shared across kinds, and a last
check of every generated page's and file's place."""

from __future__ import annotations

from pathlib import Path

from generator.pages.build import output_collisions, output_path
from generator.pages.common import Asset, Page

from .conftest import edit, problems


def rename(root: Path, relative: str, new_id: str) -> None:
    path = root / relative
    edit(root, relative, f"id: {path.stem}", f"id: {new_id}")
    path.rename(path.with_name(f"{new_id}.yml"))


def test_a_record_may_not_take_a_lists_name(project: Path):
    rename(project, "site_data/2023/people/huang-ceshi.yml", "index")
    rename(project, "site_data/2023/collectives/zhaji.yml", "search")
    found = problems(project)
    assert (
        "site_data/2023/people/index.yml:1: id: 编号「index」是网站保留的名字（index、page-数字（列表和它的分页）、search、assets、404），请换一个。"
        in found
    )
    assert any(p.startswith("site_data/2023/collectives/search.yml:1: id: 编号「search」是网站保留的名字") for p in found)


def test_a_news_slug_may_not_take_the_lists_name(project: Path):
    edit(project, "content/news/posts/2023-06-20-launch.md", "slug: launch", "slug: index")
    assert any(
        p.startswith("content/news/posts/2023-06-20-launch.md:4: slug: 网址名「index」是网站保留的名字")
        for p in problems(project)
    )


def test_a_collective_and_a_person_of_a_year_may_not_share_an_id(project: Path):
    rename(project, "site_data/2023/people/huang-ceshi.yml", "zhaji")
    assert any(
        p.startswith(
            "site_data/2023/people/zhaji.yml:1: id: 编号「zhaji」已是先进集体 site_data/2023/collectives/zhaji.yml 的编号"
        )
        for p in problems(project)
    )


def test_output_paths_with_directory_urls():
    assert output_path("index.md") == "index.html"
    assert output_path("2022/people.md") == "2022/people/index.html"
    assert output_path("2022/people/index.md") == "2022/people/index.html"
    assert output_path("competitions/index.md") == "competitions/index.html"


def test_two_things_written_to_one_place_are_reported_naming_both(tmp_path: Path):
    person = tmp_path / "site_data/2022/people/index.yml"
    pages = [
        Page("2022/people.md", "2022年先进个人", ""),
        Page("2022/people/index.md", "某某", "", source=person),
        Page("2022/people/other.md", "另一人", ""),
    ]
    assets = [Asset("2022/people/other/index.html", b"redirect")]
    found = [str(p) for p in output_collisions(pages, assets, tmp_path)]
    assert found == [
        "site_data/2022/people/index.yml: site_data/2022/people/index.yml 的页面「某某」和页面「2022年先进个人」都要写到网站的 "
        "2022/people/index.html，后一个会覆盖前一个。请给其中一个记录换一个编号（改文件名和 id）。",
        "site_data: 文件 2022/people/other/index.html和页面「另一人」都要写到网站的 2022/people/other/index.html，"
        "后一个会覆盖前一个。请给其中一个记录换一个编号（改文件名和 id）。",
    ]
