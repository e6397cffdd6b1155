"""A phone in a reader's hand: every page kind at 320 and 375 px, with normal and large text, in Chromium.

Also what every page shares: the reading settings and a skip link that lands, no sitemap download, no empty
banner, and a site published under a sub-path that loads everything from there.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tools.browser import chromium_path, serve
from tools.overflow import TEXT, measure

from .conftest import FIXTURE, FIXTURE_AS_OF, build, edit, product
from .test_accessibility import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.build]

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but Chromium is missing: .ci/run must install chromium and fonts-noto-cjk")
    pytest.skip("Chromium is not installed (apt-get install chromium fonts-noto-cjk)", allow_module_level=True)

PAGE_KINDS = {**PAGES, "页面不存在": "404.html"}
SUB_PATH = "/ldjs/"


@pytest.mark.parametrize("text", list(TEXT))
@pytest.mark.parametrize("width", [320, 375, 1280])
def test_no_page_kind_scrolls_sideways_or_cuts_a_table_cell(chromium, fixture_site: Path, width: int, text: str):
    with serve(fixture_site) as base:
        found = measure(chromium, base, list(PAGE_KINDS.values()), width, text)
    kinds = {path: name for name, path in PAGE_KINDS.items()}
    widest = max(found.items(), key=lambda item: item[1]["overflow"])
    print(f"{width}px {text}: widest overflow {widest[1]['overflow']}px ({kinds[widest[0]]})")
    assert {kinds[p]: f["overflow"] for p, f in found.items() if f["overflow"] > 0} == {}
    assert {kinds[p]: f["clipped"] for p, f in found.items() if f["clipped"]} == {}
    # Wide tables are stacked rows on a phone: none runs past the screen, even inside its scroller.
    assert {kinds[p]: f["table"] for p, f in found.items() if f["table"] > 0} == {}


def test_dates_awards_and_names_never_break_inside(chromium, fixture_site: Path):
    """At 320 px with large text, each date, award and winner's name sits on one line (no 9月22|日, 一等|奖)."""
    lines = """() => [...document.querySelectorAll('.md-content .cp-keep, .md-content .cp-results__award')]
        .map(e => [e.textContent.trim(), new Set([...e.getClientRects()].map(r => Math.round(r.top))).size])"""
    with serve(fixture_site) as base:
        page = chromium.new_page(viewport={"width": 320, "height": 800})
        page.add_init_script(TEXT["大字"])
        kept, broken = set(), []
        for path in ("2023/competitions/zhuangpei/", "2023/gongshi/pioneer/", "plan/", "dashboard/", "competitions/"):
            page.goto(base + path)
            for token, count in page.evaluate(lines):
                kept.add(token)
                if count != 1:
                    broken.append((path, token))
        page.close()
    # 装配's results (一等奖, 农测试, …) and the dates of the 公示, the plan's phases and the competitions.
    assert {"一等奖", "农测试", "2023年11月6日", "2023年10月31日", "2023年9月30日"} <= kept
    assert broken == []


def test_the_dashboard_leads_with_progress_and_shows_each_figure_once(chromium, fixture_site: Path):
    with serve(fixture_site) as base:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        page.goto(base + "dashboard/")
        sections = page.locator(".cp-dashboard > section h2").all_inner_texts()
        assert sections[:2] == ["目标任务完成情况", "竞赛安排"]
        # A chart's table, and the coverage tables under the target bars, wait behind 查看数据表.
        charted = page.evaluate(
            """() => [...document.querySelectorAll('.cp-chart, .cp-target')].map(chart => {
                const tables = [...chart.closest(chart.matches('.cp-chart') ? '.cp-panel' : '.cp-section').querySelectorAll('table')];
                return tables.length > 0 && tables.every(t => {
                    const details = t.closest('details');
                    return details !== null && !details.open && details.querySelector('summary').textContent.startsWith('查看数据表');
                });
            })"""
        )
        assert charted and all(charted), charted
        assert page.locator("details.cp-disclosure table caption").first.is_hidden()
        page.locator("details.cp-disclosure summary").first.click()
        assert page.locator("details.cp-disclosure table caption").first.inner_text() == "竞赛覆盖率（全县）"
        page.close()


@pytest.mark.parametrize(("kind", "path"), [("新闻", "news/launch/"), ("新闻列表", "news/"), ("页面不存在", "404.html")])
def test_every_page_kind_has_the_reading_settings_and_a_skip_link_that_lands(chromium, fixture_site: Path, kind: str, path: str):
    with serve(fixture_site) as base:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        page.goto(base + path)
        assert page.locator("[data-cp-toggle]").all_inner_texts() == ["大字", "高对比度"], kind
        # The skip link lands on the reading settings before the content, or, where Material links it to
        # the page's first heading (the news index lists its posts by heading), on that heading.
        target = page.get_attribute(".md-skip", "href")
        assert target is not None and page.locator(target).count() == 1, (kind, target)
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        if target == "#cp-main":
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent.trim()") == "大字", kind
        else:
            assert page.locator(f".md-content {target}").count() == 1, (kind, target)
            page.focus("[data-cp-toggle=large]")
        page.keyboard.press("Enter")
        assert "cp-large" in page.evaluate("document.documentElement.className"), kind
        page.close()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture as a union would publish it: real data (no sample notice), under a portal's sub-path."""
    root = tmp_path_factory.mktemp("published") / "project"
    shutil.copytree(FIXTURE, root)
    product(root)
    edit(root, "site_data/2023/campaign.yml", "sample: true", "sample: false")
    edit(root, "mkdocs.yml", "# site_url: https://www.example.gov.cn/ldjs/", f"site_url: https://example.org{SUB_PATH}")
    out = root.parent / "site"
    result = build(root, out, "--as-of", FIXTURE_AS_OF)
    assert result.returncode == 0, result.stderr
    return out


@contextmanager
def serve_under(site: Path, prefix: str) -> Iterator[str]:
    """`site` served at `prefix` of a local host, a missing page answered with its 404.html, as a web server does."""
    root = site.parent / "host"
    if not root.exists():
        (root / prefix.strip("/")).parent.mkdir(parents=True, exist_ok=True)
        (root / prefix.strip("/")).symlink_to(site)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if code != 404:
                return super().send_error(code, message, explain)
            body = (site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_load_downloads_no_sitemap(chromium, published: Path):
    """The feed's link must not set off Material's alternate-language loader, which fetches sitemap.xml."""
    with serve_under(published, SUB_PATH) as base:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        for path in ("", "news/", "news/launch/", "2023/people/lu-ceshi/"):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
        # Feed readers still find the feed: the link's rel holds the token "alternate".
        feed = page.evaluate(
            "() => [...document.querySelectorAll('link')].filter(l => l.relList.contains('alternate')).map(l => [l.type, l.href])"
        )
        page.close()
    assert feed == [["application/rss+xml", f"https://example.org{SUB_PATH}feed.xml"]]
    assert [url for url in requested if "sitemap" in url] == []


def test_a_published_page_has_no_empty_banner(chromium, published: Path, fixture_site: Path):
    with serve(published) as base:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        for path in ("", "news/launch/", "dashboard/"):
            page.goto(base + path)
            assert page.locator(".md-banner").count() == 0, path
        page.close()
    with serve(fixture_site) as base:  # sample data: the banner says so
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        page.goto(base)
        assert page.locator(".md-banner").inner_text().startswith("示例数据")
        page.close()


def test_a_site_under_a_sub_path_loads_everything_from_there(chromium, published: Path):
    """A missing page deep under the sub-path shows the 404 page, styled, with its scripts, and links home."""
    with serve_under(published, SUB_PATH) as base:
        page = chromium.new_page(viewport={"width": 375, "height": 800})
        failed: list[str] = []
        local: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        page.on(
            "response",
            lambda r: local.append(urlparse(r.url).path) if r.status >= 400 and r.request.resource_type != "document" else None,
        )
        response = page.goto(base + "2023/people/no-such-person/")
        page.wait_for_load_state("networkidle")
        assert response is not None and response.status == 404
        assert page.locator("h1").inner_text() == "页面不存在"
        assert failed == [] and local == []
        loaded = page.evaluate("() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")
        assert loaded and all(path.startswith(SUB_PATH) for path in loaded), loaded
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(168, 28, 28)"
        assert page.locator("[data-cp-toggle=large]").is_visible()
        assert page.get_attribute("text=返回首页", "href") == f"https://example.org{SUB_PATH}"
        page.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_no_headline_figure_sits_alone_half_empty_on_its_row(chromium, fixture_site: Path, width: int):
    with serve(fixture_site) as base:
        page = chromium.new_page(viewport={"width": width, "height": 900})
        page.goto(base)
        rows = page.evaluate(
            """() => {
                const list = document.querySelector('.cp-stats');
                const rows = {};
                for (const item of list.children) {
                    const box = item.getBoundingClientRect();
                    (rows[Math.round(box.top)] ||= []).push(box.width);
                }
                return {width: list.getBoundingClientRect().width, rows: Object.values(rows)};
            }"""
        )
        page.close()
    assert len(rows["rows"][0]) >= 2  # figures side by side, not one to a row
    for row in rows["rows"]:  # every row, the last included, is filled edge to edge
        gaps = 0.6 * 20 * (len(row) - 1)  # .6rem between figures, at Material's 20 px root
        assert sum(row) + gaps == pytest.approx(rows["width"], abs=2), rows


def test_han_and_latin_get_the_quarter_space_the_copywriting_guidelines_ask_for(chromium, fixture_site: Path):
    with serve(fixture_site) as base:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "plan/")
        widths = page.evaluate(
            """() => ['normal', 'no-autospace'].map(value => {
                const probe = document.createElement('span');
                probe.textContent = '使用MkDocs生成2023年';
                probe.style.textAutospace = value === 'normal' ? '' : value;  // normal: the stylesheet's own
                document.querySelector('.md-typeset').append(probe);
                const width = probe.getBoundingClientRect().width;
                probe.remove();
                return width;
            })"""
        )
        page.close()
    spaced, plain = widths
    assert spaced > plain + 4, widths  # four boundaries between Han and Latin or digits, each a little wider
