"""axe-core (WCAG 2.1 A and AA, no rule disabled) on every kind of page, at phone and desktop widths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tools.browser import browser, chromium_path, serve

pytestmark = pytest.mark.browser

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but Chromium is missing: .ci/run must install chromium and fonts-noto-cjk")
    pytest.skip("Chromium is not installed", allow_module_level=True)

# axe-core as the axe-playwright-python package ships it: the script itself, run in the page.
axe_package = pytest.importorskip("axe_playwright_python")
AXE = (Path(axe_package.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {
    "首页": "",
    "工作方案": "plan/",
    "竞赛列表": "competitions/",
    "竞赛筛选": "competitions/stream-ankangbei/",
    "竞赛": "2023/competitions/xian-jineng-dasai/",
    "先进集体列表": "collectives/",
    "先进集体": "2023/collectives/xinneng-zongzhuang/",
    "先进个人列表": "people/",
    "先进个人": "2023/people/nong-jianguo/",
    "创新成果": "innovations/",
    "数据看板": "dashboard/",
    "新闻列表": "news/",
    "新闻": "news/launch-meeting/",
    "公示": "2023/gongshi/pioneer-2023/",
    "联系我们": "contact/",
    "历年竞赛": "archive/",
}


@pytest.mark.parametrize(("width", "mode"), [(375, "默认"), (1280, "默认"), (375, "高对比度")])
def test_no_axe_violations_on_any_kind_of_page(sample_site: Path, width: int, mode: str):
    violations = {}
    with serve(sample_site) as url, browser() as chromium:
        page = chromium.new_page(viewport={"width": width, "height": 900})
        if mode == "高对比度":
            page.add_init_script("localStorage.setItem('cp-contrast', '1'); localStorage.setItem('cp-large', '1')")
        for name, path in PAGES.items():
            page.goto(url + path)
            page.add_script_tag(content=AXE)
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
            found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
            if found:
                violations[name] = found
            assert result["passes"], f"axe did not run on {name}"
        page.close()
    print(f"axe-core checked {len(PAGES)} page kinds at {width}px, {mode}: {', '.join(PAGES)}")
    assert violations == {}
