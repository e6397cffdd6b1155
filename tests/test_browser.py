"""What only a browser shows: the built fixture site in Debian's headless Chromium.

Skipped where Chromium is missing, except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tools.browser import chromium_path, serve

from .conftest import REPO

pytestmark = [pytest.mark.browser, pytest.mark.build]

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but Chromium is missing: .ci/run must install chromium and fonts-noto-cjk")
    pytest.skip("Chromium is not installed (apt-get install chromium fonts-noto-cjk)", allow_module_level=True)

ARTIFACTS = REPO / "test-artifacts"
PAGES = [
    "",
    "plan/",
    "competitions/",
    "2023/competitions/zhuangpei/",
    "collectives/",
    "2023/collectives/zongzhuang/",
    "people/",
    "2023/people/lu-ceshi/",
    "innovations/",
    "news/",
    "contact/",
    "dashboard/",
]


@pytest.fixture(scope="module")
def base(fixture_site: Path):
    with serve(fixture_site) as url:
        yield url


def test_phone_width_has_no_page_level_horizontal_scroll_and_nothing_leaves_localhost(chromium, base):
    page = chromium.new_page(viewport={"width": 375, "height": 740})
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    for path in PAGES:
        response = page.goto(base + path)
        assert response is not None and response.ok, path
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"
    page.close()
    assert hosts == {"127.0.0.1"}, hosts


def test_home_shows_the_campaign_and_its_numbers(chromium, base):
    page = chromium.new_page(viewport={"width": 375, "height": 740})
    page.goto(base)
    assert page.locator("h1").first.inner_text() == "2023年测试县劳动和技能竞赛"
    assert page.locator(".cp-sample").inner_text().startswith("示例数据")
    labels = page.locator(".cp-stats__label").all_inner_texts()
    assert labels == ["已开展竞赛", "参赛职工", "先进集体", "先进个人", "创新成果"]
    # The headline cards sit two to a row on a phone, not stacked one per line.
    boxes = [page.locator(".cp-stats__item").nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home-375.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    # On a desktop the five cards share one row.
    tops = [page.locator(".cp-stats__item").nth(i).bounding_box()["y"] for i in range(5)]
    assert max(tops) - min(tops) < 2, tops  # one row (to within the sub-pixel rounding of a fresh layout)
    page.screenshot(path=str(ARTIFACTS / "home-1280.png"), full_page=True)
    page.close()


def test_exemplar_photo_loads_and_results_table_scrolls_inside_itself(chromium, base):
    page = chromium.new_page(viewport={"width": 375, "height": 740})
    page.goto(base + "2023/people/lu-ceshi/")
    photo = page.locator(".cp-exemplar__photo img")
    photo.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert photo.get_attribute("alt").startswith("示意图")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "person-375.png"), full_page=True)
    page.goto(base + "2023/competitions/zhuangpei/")
    scroller = page.locator(".cp-table-scroll").first
    assert scroller.evaluate("el => getComputedStyle(el).overflowX") == "auto"
    assert page.locator(".cp-results tbody tr").count() == 3  # 装配: 农测试, 黄测试, 覃测试
    page.close()


def test_larger_text_and_high_contrast_persist_across_pages(chromium, base):
    page = chromium.new_page(viewport={"width": 375, "height": 740})
    page.goto(base)
    normal = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.click("[data-cp-toggle=large]")
    page.click("[data-cp-toggle=contrast]")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") > normal * 1.2
    page.goto(base + "2023/people/lu-ceshi/")
    assert {"cp-large", "cp-contrast"} <= set(page.evaluate("document.documentElement.className").split())
    assert page.get_attribute("[data-cp-toggle=large]", "aria-pressed") == "true"
    # Larger text loses nothing: still no sideways scrolling at 375 px.
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    page.click("[data-cp-toggle=large]")
    page.goto(base)
    assert "cp-large" not in page.evaluate("document.documentElement.className")
    page.close()


def test_dark_palette_follows_the_phone_and_the_switch_is_remembered(chromium, base):
    page = chromium.new_page(viewport={"width": 375, "height": 740}, color_scheme="dark")
    page.goto(base)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    heading = page.evaluate("getComputedStyle(document.querySelector('.md-typeset h2')).color")
    assert background != "rgb(255, 255, 255)" and heading != "rgba(0, 0, 0, 0.87)"  # dark page, light text
    page.click("label[title=切换到浅色模式]")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.goto(base + "2023/people/lu-ceshi/")
    assert page.get_attribute("body", "data-md-color-scheme") == "default"  # the reader's choice holds on the next page
    page.close()


def test_text_enlarged_to_200_percent_loses_nothing(chromium, base):
    """WCAG 1.4.4: with the browser's text size doubled, nothing is cut off or needs sideways scrolling."""
    page = chromium.new_page(viewport={"width": 640, "height": 900})  # a laptop at 200 % zoom is 640 px wide
    page.add_init_script("document.addEventListener('DOMContentLoaded', () => document.documentElement.style.fontSize = '200%')")
    for path in PAGES:
        page.goto(base + path)
        assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px", path
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, path
        # Every heading of the content shows whole: none is clipped by a box narrower than itself.
        clipped = page.evaluate(
            """() => [...document.querySelectorAll('.md-content h1, .md-content h2, .md-content h3')]
                .filter(h => h.scrollWidth > h.clientWidth + 1).map(h => h.textContent.trim())"""
        )
        assert clipped == [], (path, clipped)
    page.close()


def test_the_site_works_by_keyboard(chromium, base):
    """Tab reaches the skip link, the reading settings, the search and the content, with a visible focus."""
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base)
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                """() => {
                    const el = document.activeElement, style = getComputedStyle(el);
                    return {text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 20),
                            tag: el.tagName, inMain: !!el.closest('.md-content'),
                            visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none'};
                }"""
            )
        )
    texts = [r["text"] for r in reached]
    assert texts[0] == "跳转至"  # "skip to content" comes first
    assert "大字" in texts and "高对比度" in texts
    assert any(r["inMain"] and r["tag"] == "A" for r in reached)  # links in the content itself
    assert all(r["visible"] for r in reached if r["tag"] in ("A", "BUTTON")), [r for r in reached if not r["visible"]]
    # Skipping the header and the tabs lands on the content, whose first control is the reading settings.
    page.goto(base + "2023/people/lu-ceshi/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "大字"
    page.keyboard.press("Enter")
    assert "cp-large" in page.evaluate("document.documentElement.className")
    page.keyboard.press("Enter")
    assert "cp-large" not in page.evaluate("document.documentElement.className")
    page.close()
