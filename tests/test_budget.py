"""What a first visit transfers on a phone: measured in Chromium at 375 px, gzip-compressed."""

from __future__ import annotations

import gzip
import os
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tools.browser import chromium_path, serve

pytestmark = [pytest.mark.browser, pytest.mark.build]

if chromium_path() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI is set but Chromium is missing")
    pytest.skip("Chromium is not installed", allow_module_level=True)

# page: (most kilobytes, gzip-compressed, most requests)
BUDGETS = {"": (250, 20), "2023/people/lu-ceshi/": (200, 20)}


def first_visit(chromium: Any, site: Path, path: str) -> list[tuple[str, int]]:
    """Every response of a first visit (empty cache), with its gzip-compressed size."""
    transfers: list[tuple[str, int]] = []
    with serve(site) as url:
        page = chromium.new_page(viewport={"width": 375, "height": 740})

        def record(response) -> None:
            transfers.append((response.url.replace(url, ""), len(gzip.compress(response.body(), 6))))

        page.on("response", record)
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        page.close()
    return transfers


@pytest.mark.parametrize("path", list(BUDGETS))
def test_first_visit_stays_within_budget(chromium, fixture_site: Path, path: str):
    transfers = first_visit(chromium, fixture_site, path)
    kilobytes = sum(size for _, size in transfers) / 1024
    most_kb, most_requests = BUDGETS[path]
    print(f"{path or '/'}: {len(transfers)} requests, {kilobytes:.0f} KB gzip")
    assert kilobytes <= most_kb and len(transfers) <= most_requests, sorted(transfers, key=lambda t: -t[1])[:5]
    if path == "":
        # The banner is the first thing a phone shows: fetched at once, in the phone's width. The exemplar
        # photos and news pictures are below the fold: lazy, so not part of a first visit.
        photos = sorted(name for name, _ in transfers if "assets/photos/" in name)
        assert photos == ["assets/photos/2023/campaign/banner-640.webp"]


def test_compressed_serving_gzips_text_files_only_when_asked(tmp_path: Path):
    # benchmarks/lighthouse.py serves this way, as the published site is served.
    (tmp_path / "index.html").write_text("<p>" + "首页" * 500, encoding="utf-8")
    (tmp_path / "photo.webp").write_bytes(b"RIFF" + bytes(2000))
    with serve(tmp_path, compress=True) as url:
        for path, accepts, encoded in [("", "gzip, deflate", True), ("", "", False), ("photo.webp", "gzip", False)]:
            request = urllib.request.Request(url + path, headers={"Accept-Encoding": accepts} if accepts else {})
            with urllib.request.urlopen(request) as response:
                body = response.read()
                assert (response.headers.get("Content-Encoding") == "gzip") == encoded, (path, accepts)
            expected = (tmp_path / (path or "index.html")).read_bytes()
            assert (gzip.decompress(body) if encoded else body) == expected
