"""Chinese search in a real browser: names, honours and the plan's terms find the right page first.

The query set (`tools/search_queries.py`) is made from the records: what readers type, with the page each
should find first. Its mean reciprocal rank on the fixture with one more person was 0.673 before names were
indexed by their parts, the township and stream lists by their names, and whole query words searched as words
(now 1.000).
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import check
from tools.browser import chromium_path, serve
from tools.search_queries import mean_reciprocal_rank, ranks, search_queries

from .conftest import FIXTURE, FIXTURE_AS_OF, build, edit, paths, product, write

pytestmark = [pytest.mark.browser, pytest.mark.build]

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but Chromium is missing: .ci/run must install chromium and fonts-noto-cjk")
    pytest.skip("Chromium is not installed", allow_module_level=True)

# A three-character name of the fixture, the plan's 五小, an honour and a term: each finds its record's page first.
QUERIES = ["陆测试", "五小", "工人先锋号", "节能减排"]


def results(chromium: Any, site: Path) -> dict[str, list[tuple[str, str]]]:
    """The top three results (path, title) for each query, typed into Material's search box."""
    found = {}
    with serve(site) as url:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        box = page.locator("input.md-search__input")
        box.click()  # opening the search loads its index in a worker
        for query in QUERIES:
            for _ in range(20):  # queries typed before the index is ready are dropped: type again
                box.fill(query)
                box.press("End")
                page.wait_for_timeout(300)
                if "结果" in page.locator(".md-search-result__meta").inner_text():
                    break
            items = page.locator(".md-search-result__item > a")
            top = []
            for index in range(min(3, items.count())):
                href = (items.nth(index).get_attribute("href") or "").replace(url, "").split("#")[0]
                top.append((href, items.nth(index).locator("h1, h2").first.inner_text()))
            found[query] = top
        page.close()
    return found


@pytest.fixture(scope="module")
def without_terms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("noterms") / "project"
    shutil.copytree(FIXTURE, root)
    product(root)
    edit(root, "mkdocs.yml", "  - campaign\n", "  - campaign:\n      search_terms: false\n")
    result = build(root, root.parent / "site", "--as-of", FIXTURE_AS_OF)
    assert result.returncode == 0, result.stderr
    return root.parent / "site"


def first_is_right(found: dict[str, list[tuple[str, str]]]) -> dict[str, bool]:
    """For each query, whether its record's page ranks first."""
    first = {query: top[0] if top else ("", "") for query, top in found.items()}
    return {
        "陆测试": first["陆测试"][0] == "2023/people/lu-ceshi/",
        "五小": first["五小"][0] == "2023/competitions/wuxiao/",
        "工人先锋号": first["工人先锋号"][0].startswith("2023/collectives/") and "工人先锋号" in first["工人先锋号"][1],
        "节能减排": first["节能减排"][0] == "2023/competitions/jieneng/",
    }


def test_search_finds_names_honours_and_terms(chromium, fixture_site: Path):
    found = results(chromium, fixture_site)
    assert first_is_right(found) == dict.fromkeys(QUERIES, True), found


def test_without_the_generated_dictionary_search_misses(chromium, without_terms: Path):
    found = results(chromium, without_terms)
    right = first_is_right(found)
    print("without the generated dictionary, first result right:", right)
    assert not all(right.values()), found


def test_lists_stay_out_of_the_index_but_a_township_or_stream_is_found_by_its_name(fixture_site: Path):
    index = json.loads((fixture_site / "search/search_index.json").read_text(encoding="utf-8"))
    entries = {entry["location"]: entry for entry in index["docs"]}
    assert "2023/people/lu-ceshi/" in entries
    assert not [
        uri for uri in entries if uri.startswith(("competitions/form-", "competitions/industry-", "people/", "collectives/"))
    ]
    # Found by its title alone: the competitions it lists are found on their own pages.
    natong = entries["competitions/township-natong/"]
    assert natong["title"].replace("\u200b", "") == "2023年竞赛：那桐镇" and natong["text"] == ""
    assert "competitions/stream-jiangong/" in entries


# One more person, with a given name no one else has: the fixture's 黄测试, 陆测试 and 农测试 share theirs.
PERSON = """\
id: pan-ceming
name: 潘测明
unit: peijian/zongzhuang
post: 装配工
honour: 技术能手
summary: 装配能手。
"""


@pytest.fixture(scope="module")
def searched(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("searched") / "project"
    shutil.copytree(FIXTURE, root)
    product(root)
    write(root, "site_data/2023/people/pan-ceming.yml", PERSON)
    result = build(root, root.parent / "site", "--as-of", FIXTURE_AS_OF)
    assert result.returncode == 0, result.stderr
    return root, root.parent / "site"


def test_what_readers_type_finds_its_page_first(chromium, searched: tuple[Path, Path]):
    root, site = searched
    queries = search_queries(check(paths(root)), date.fromisoformat(FIXTURE_AS_OF))
    assert {query.kind for query in queries} >= {"全名", "名字", "集体简称", "乡镇", "竞赛内容", "荣誉", "方案", "工会"}
    with serve(site) as url:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        found = ranks(page, url, queries)
        page.close()
    misses = {query.text: rank for query, rank in found.items() if rank != 1}
    print(f"search: MRR {mean_reciprocal_rank(found):.3f} over {len(found)} queries; not first: {misses}")
    assert mean_reciprocal_rank(found) >= 0.95, misses
    # The cases readers hit: a given name alone, a collective's short name, a township named only in a
    # record's field, the plan, the union's name.
    first = {query.text for query, rank in found.items() if rank == 1}
    assert {"测明", "总装车间", "压榨车间", "那桐镇", "劳动竞赛 方案", "测试县总工会"} <= first, misses
