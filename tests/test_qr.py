"""QR codes on record pages lead to the page's canonical URL: decoded from the rendered page with zxing-cpp."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from tools.browser import chromium_path, serve

from .conftest import SITE_URL

pytestmark = [pytest.mark.browser, pytest.mark.build]

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but Chromium is missing")
    pytest.skip("Chromium is not installed", allow_module_level=True)

zxingcpp = pytest.importorskip("zxingcpp")


def test_every_qr_code_decodes_to_its_page(chromium, site_with_url: Path):
    pages = sorted(p for p in site_with_url.rglob("*.html") if 'class="cp-qr__code"' in p.read_text(encoding="utf-8"))
    expected = {
        "2023/people/nong-ceshi/index.html",
        "2023/people/huang-ceshi/index.html",
        "2023/people/lu-ceshi/index.html",
        "2023/collectives/zongzhuang/index.html",
        "2023/collectives/zhaji/index.html",
        "2023/competitions/zhuangpei/index.html",
        "2023/competitions/jieneng/index.html",
        "2023/competitions/fuwu/index.html",
        "2023/competitions/wuxiao/index.html",
    }
    assert {p.relative_to(site_with_url).as_posix() for p in pages} == expected
    decoded = {}
    with serve(site_with_url) as url:
        page = chromium.new_page(viewport={"width": 800, "height": 1000}, device_scale_factor=2)
        for path in pages:
            relative = path.relative_to(site_with_url).parent.as_posix() + "/"
            page.goto(url + relative)
            shot = page.locator(".cp-qr__code").screenshot()
            results = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
            decoded[relative] = [r.text for r in results]
        page.close()
    assert decoded == {relative: [SITE_URL + relative] for relative in decoded}


def test_no_qr_code_without_site_url(fixture_site: Path):
    assert not any("cp-qr__code" in p.read_text(encoding="utf-8") for p in fixture_site.rglob("*.html"))
