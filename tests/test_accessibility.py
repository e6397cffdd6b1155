"""axe-core (WCAG 2.1 A and AA, no rule disabled) on every kind of page, at phone and desktop widths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks.synthetic import make_project
from tools.browser import chromium_path, serve

from .conftest import FIXTURE, build

pytestmark = [pytest.mark.browser, pytest.mark.build]

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but Chromium is missing: .ci/run must install chromium and fonts-noto-cjk")
    pytest.skip("Chromium is not installed", allow_module_level=True)

# axe-core as the axe-playwright-python package ships it: the script itself, run in the page. Given to the
# page once as an init script, each document gets it before its own scripts: sent and parsed per page as a
# script tag, it cost a fifth of these tests' processor time. It reads the page only when axe.run asks.
axe_package = pytest.importorskip("axe_playwright_python")
AXE = (Path(axe_package.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every rule of those tags runs; axe collects the nodes of violations only (passes are not read).
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
PAGES = {
    "首页": "",
    "工作方案": "plan/",
    "竞赛列表": "competitions/",
    "竞赛筛选": "competitions/stream-jiangong/",
    "竞赛": "2023/competitions/zhuangpei/",
    "先进集体列表": "collectives/",
    "先进集体": "2023/collectives/zongzhuang/",
    "先进个人列表": "people/",
    "先进个人": "2023/people/lu-ceshi/",
    "创新成果": "innovations/",
    "数据看板": "dashboard/",
    "新闻列表": "news/",
    "新闻": "news/launch/",
    "公示": "2023/gongshi/pioneer/",
    "联系我们": "contact/",
    "历年竞赛": "archive/",
}


MODES = {  # the reader's settings in each mode: the system's colour scheme, and reader.js's switches
    "浅色": ("light", ""),
    "深色": ("dark", ""),
    "高对比度": ("light", "localStorage.setItem('cp-contrast', '1'); localStorage.setItem('cp-large', '1')"),
    "深色下高对比度": ("dark", "localStorage.setItem('cp-contrast', '1')"),
}


@pytest.mark.parametrize(
    ("width", "mode"), [(375, "浅色"), (1280, "浅色"), (375, "深色"), (1280, "深色"), (375, "高对比度"), (375, "深色下高对比度")]
)
def test_no_axe_violations_on_any_kind_of_page(chromium, fixture_site: Path, width: int, mode: str):
    scheme, settings = MODES[mode]
    violations = {}
    with serve(fixture_site) as url:
        page = chromium.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page.add_init_script(settings)
        page.add_init_script(AXE)
        for name, path in PAGES.items():
            page.goto(url + path)
            # Material follows the system's scheme: slate is its dark palette.
            assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
            result = page.evaluate(AXE_RUN, TAGS)
            found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
            if found:
                violations[name] = found
            assert result["passes"], f"axe did not run on {name}"
        page.close()
    print(f"axe-core checked {len(PAGES)} page kinds at {width}px, {mode}: {', '.join(PAGES)}")
    assert violations == {}


@pytest.fixture(scope="module")
def long_lists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose lists run over several pages: the fixture's campaign copied many times, two years."""
    root = tmp_path_factory.mktemp("long-lists") / "project"
    make_project(root, 800, years=2, pattern_root=FIXTURE)
    result = build(root, root.parent / "site")
    assert result.returncode == 0, result.stderr
    return root.parent / "site"


def test_paginated_lists_have_no_axe_violations_and_fit_a_phone(chromium, long_lists: Path):
    pages = {"先进个人列表第 2 页": "people/page-2/", "竞赛列表第 2 页": "competitions/page-2/"}
    violations = {}
    with serve(long_lists) as url:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        page.add_init_script(AXE)
        for name, path in pages.items():
            page.goto(url + path)
            assert page.locator(".cp-pagination [aria-current=page]").inner_text() == "第 2 页"
            assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
            result = page.evaluate(AXE_RUN, TAGS)
            violations.update({name: [v["id"] for v in result["violations"]]} if result["violations"] else {})
        page.close()
    print(f"axe-core checked paginated lists at 375px: {', '.join(pages)}")
    assert violations == {}
