"""Chinese search in a real browser: names, honours and the plan's terms find the right page first."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tools.browser import chromium_path, serve

from .conftest import FIXTURE, FIXTURE_AS_OF, build, edit, product

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


def test_filtered_lists_stay_out_of_the_index(fixture_site: Path):
    index = (fixture_site / "search/search_index.json").read_text(encoding="utf-8")
    assert "competitions/stream-" not in index and "2023/people/lu-ceshi/" in index
