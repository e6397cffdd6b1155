"""No page of the site silently replaces another: reserved names, ids shared across kinds, and a last
check of every generated page's and file's place."""

from __future__ import annotations

from pathlib import Path

from generator.pages.build import output_collisions, output_path
from generator.pages.common import Asset, Page


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
